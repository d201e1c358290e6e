"""Files are read and listed without ever following a symlink."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from showcase.load.files import first_symlink, read_source, regular_files, walk_files
from showcase.load.front_matter import load_front_matter
from showcase.load.yamlfile import load_yaml
from showcase.paths import Layout

SECRET = "root:x:0:0:机密:/root:/bin/bash\n"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    target = tmp_path / "outside"
    target.mkdir()
    (target / "passwd.yaml").write_text(f"name: {SECRET}", encoding="utf-8")
    (target / "story.md").write_text(f"---\ncase: x\n---\n{SECRET}", encoding="utf-8")
    return target


def test_a_linked_file_is_refused_without_reading_it(tmp_path: Path, outside: Path) -> None:
    link = tmp_path / "x.yaml"
    link.symlink_to(outside / "passwd.yaml")
    document, problems = load_yaml(link, "projects/a/x.yaml")
    assert document is None
    assert [(p.path, p.rule, p.line) for p in problems] == [
        ("projects/a/x.yaml", "file.symlink", 0)
    ]
    assert "root" not in problems[0].text() and str(outside) not in problems[0].text()


def test_a_linked_story_is_refused_too(tmp_path: Path, outside: Path) -> None:
    link = tmp_path / "x.md"
    link.symlink_to(outside / "story.md")
    document, _, problems = load_front_matter(link, "content/stories/x.md")
    assert document is None and [p.rule for p in problems] == ["file.symlink"]


@pytest.mark.parametrize("kind", ["dangling", "loop"])
def test_broken_and_looping_links_are_symlinks_not_crashes(tmp_path: Path, kind: str) -> None:
    link = tmp_path / "x.yaml"
    link.symlink_to(tmp_path / ("missing.yaml" if kind == "dangling" else "x.yaml"))
    raw, problems = read_source(link, "x.yaml", 1000, "")
    assert raw is None and [p.rule for p in problems] == ["file.symlink"]


def test_a_fifo_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "x.yaml"
    os.mkfifo(fifo)
    raw, problems = read_source(fifo, "x.yaml", 1000, "")
    assert raw is None and [p.rule for p in problems] == ["load.unreadable"]


def test_walking_reports_links_and_never_enters_linked_folders(
    tmp_path: Path, outside: Path
) -> None:
    root = tmp_path / "tree"
    (root / "real").mkdir(parents=True)
    (root / "real" / "a.yaml").write_text("a: 1\n", encoding="utf-8")
    (root / "real" / "b.yaml").symlink_to(outside / "passwd.yaml")
    (root / "linked").symlink_to(outside, target_is_directory=True)
    files, links = walk_files(root)
    assert files == [root / "real" / "a.yaml"]
    assert links == [root / "linked", root / "real" / "b.yaml"]
    assert regular_files(root / "real", ".yaml") == [root / "real" / "a.yaml"]
    assert regular_files(root / "linked", ".yaml") == []
    assert walk_files(root / "linked") == ([], [root / "linked"])


def test_project_files_skip_linked_colleges_and_files(tmp_path: Path, outside: Path) -> None:
    layout = Layout(tmp_path / "repo")
    (layout.projects_dir / "textile").mkdir(parents=True)
    (layout.projects_dir / "textile" / "ok.yaml").write_text("id: ok\n", encoding="utf-8")
    (layout.projects_dir / "textile" / "evil.yaml").symlink_to(outside / "passwd.yaml")
    (layout.projects_dir / "evil").symlink_to(outside, target_is_directory=True)
    assert layout.project_files() == [layout.projects_dir / "textile" / "ok.yaml"]


def test_a_linked_projects_folder_lists_nothing(tmp_path: Path, outside: Path) -> None:
    layout = Layout(tmp_path / "repo")
    layout.root.mkdir()
    real = tmp_path / "elsewhere" / "textile"
    real.mkdir(parents=True)
    (real / "x.yaml").write_text("id: x\n", encoding="utf-8")
    layout.projects_dir.symlink_to(real.parent, target_is_directory=True)
    assert layout.project_files() == []


def test_first_symlink_finds_a_link_anywhere_on_the_way(tmp_path: Path, outside: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "b").symlink_to(outside, target_is_directory=True)
    assert first_symlink(tmp_path, tmp_path / "a" / "b" / "passwd.yaml") == tmp_path / "a" / "b"
    assert first_symlink(tmp_path, tmp_path / "a") is None
    assert first_symlink(tmp_path / "a", outside) is None


def test_messages_name_a_link_by_its_own_path(tmp_path: Path, outside: Path) -> None:
    layout = Layout(tmp_path)
    link = tmp_path / "projects" / "x.yaml"
    link.parent.mkdir()
    link.symlink_to(outside / "passwd.yaml")
    assert layout.relative(link) == "projects/x.yaml"
