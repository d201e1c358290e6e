"""One guard for every folder a command replaces: a typo never deletes a user's files.

The commands are driven through their invoke tasks on the real repository, each pointed at
a folder full of someone's files; every file must survive byte for byte and the command
must stop with a Chinese message naming the folder.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from invoke import Context, Exit

import tasks
from showcase.atomic import (
    EARLIER_MARKERS,
    OUTPUT_MARKER,
    ForeignFolder,
    check_output_folder,
    replaced_atomically,
)

USER_FILES = {
    "论文终稿.docx": b"PK\x03\x04 not really a docx",
    "notes.txt": "别删我".encode(),
    ".hidden/config": b"secret=1",
    "sub/deeper/photo.jpg": b"\xff\xd8\xff\xe0 fake",
    "index.html": b"<p>my own site</p>",
    "sitemap.xml": b"<urlset/>",
}
"""A user's folder, including files our own outputs would also have."""


def user_folder(parent: Path) -> Path:
    folder = parent / "my documents"
    for name, data in USER_FILES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def tree(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


TASKS: dict[str, Callable[[Path], None]] = {
    "build --site-dir": lambda out: tasks.build(Context(), site_dir=str(out)),
    "build --drafts --site-dir": lambda out: tasks.build(Context(), site_dir=str(out), drafts=True),
    "agenda --out": lambda out: tasks.agenda(Context(), out=str(out)),
    "publicity --out": lambda out: tasks.publicity(Context(), out=str(out)),
    "publicity --drafts --out": lambda out: tasks.publicity(Context(), drafts=True, out=str(out)),
    "synth --out": lambda out: tasks.synth(Context(), count=3, out=str(out)),
    "call-packets --out": lambda out: tasks.call_packets(
        Context(), call="2026-innovation-fund", out=str(out)
    ),
    "call-results --out": lambda out: tasks.call_results(
        Context(), call="2026-innovation-fund", scores=str(out.parent), out=str(out)
    ),
    "report --out": lambda out: tasks.report(Context(), out=str(out)),
}


@pytest.mark.parametrize("command", TASKS)
def test_a_task_pointed_at_a_users_folder_stops_and_deletes_nothing(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = user_folder(tmp_path)
    before = tree(folder)
    with pytest.raises(Exit) as stopped:
        TASKS[command](folder)
    assert stopped.value.code == 1
    assert tree(folder) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my documents"], "no staging left"
    captured = capsys.readouterr()
    said = captured.err + str(stopped.value.message or "")
    assert str(folder.resolve()) in said or str(folder) in said
    assert "什么都没有删除" in said and OUTPUT_MARKER in said
    assert "Traceback" not in captured.out + captured.err


def _missing(tmp: Path) -> Path:
    return tmp / "not-yet"


def _empty(tmp: Path) -> Path:
    (tmp / "empty").mkdir()
    return tmp / "empty"


def _marked(marker: str) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        folder = tmp / "ours"
        folder.mkdir()
        (folder / marker).write_text("", encoding="utf-8")
        (folder / "index.html").write_text("old", encoding="utf-8")
        return folder

    return make


def _unmarked_at(relative: str) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        folder = tmp / "repo" / relative
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text("built by an earlier version", encoding="utf-8")
        return folder

    return make


ACCEPTED: dict[str, Callable[[Path], Path]] = {
    "missing": _missing,
    "empty": _empty,
    "marked": _marked(OUTPUT_MARKER),
    **{f"earlier marker {m}": _marked(m) for m in EARLIER_MARKERS},
    "unmarked repository site/": _unmarked_at("site"),
    "unmarked build/agenda": _unmarked_at("build/agenda"),
    "unmarked build/publicity-preview": _unmarked_at("build/publicity-preview"),
}


def _with_files(*names: str) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        folder = tmp / "theirs"
        for name in names:
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text("x", encoding="utf-8")
        return folder

    return make


def _a_file(tmp: Path) -> Path:
    (tmp / "README.md").write_text("x", encoding="utf-8")
    return tmp / "README.md"


def _a_symlink(tmp: Path) -> Path:
    (tmp / "real").mkdir()
    (tmp / "link").symlink_to(tmp / "real", target_is_directory=True)
    return tmp / "link"


def _marker_as_folder(tmp: Path) -> Path:
    folder = tmp / "theirs"
    (folder / OUTPUT_MARKER).mkdir(parents=True)
    (folder / "notes.txt").write_text("x", encoding="utf-8")
    return folder


REFUSED: dict[str, Callable[[Path], Path]] = {
    "one plain file": _with_files("notes.txt"),
    "only a hidden file": _with_files(".env"),
    "only a subfolder": _with_files("photos/a.jpg"),
    "looks like a site": _with_files("sitemap.xml", "search/search_index.json", "index.html"),
    "the repository's build/ itself": _unmarked_at("build"),
    "the repository itself": _unmarked_at(""),
    "outside the repository's build/": _unmarked_at("../elsewhere"),
    "a file": _a_file,
    "a symlink to a folder": _a_symlink,
    "marker is a folder, not a file": _marker_as_folder,
}


@pytest.mark.parametrize("case", ACCEPTED)
def test_folders_the_guard_accepts(case: str, tmp_path: Path) -> None:
    target = ACCEPTED[case](tmp_path)
    check_output_folder(target, tmp_path / "repo")
    with replaced_atomically(target, repository=tmp_path / "repo") as staging:
        (staging / "new.txt").write_text("new", encoding="utf-8")
    assert sorted(p.name for p in target.iterdir()) == sorted([OUTPUT_MARKER, "new.txt"])


@pytest.mark.parametrize("case", REFUSED)
def test_folders_the_guard_refuses_are_left_intact(case: str, tmp_path: Path) -> None:
    (tmp_path / "repo").mkdir(exist_ok=True)
    target = REFUSED[case](tmp_path)
    before = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")}
    with (
        pytest.raises(ForeignFolder) as refused,
        replaced_atomically(target, repository=tmp_path / "repo") as staging,
    ):
        (staging / "new.txt").write_text("new", encoding="utf-8")
    assert str(target) in refused.value.message and "没有" in refused.value.message
    assert {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")} == before


def test_an_earlier_site_without_marker_is_replaced_once_then_carries_the_marker(
    tmp_path: Path,
) -> None:
    site = _unmarked_at("site")(tmp_path)
    for _ in range(2):
        with replaced_atomically(site, repository=tmp_path / "repo") as staging:
            (staging / "index.html").write_text("new", encoding="utf-8")
        assert (site / OUTPUT_MARKER).is_file()
        assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert os.listdir(site.parent) == ["site"]
