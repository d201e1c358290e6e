"""Editors' and file managers' own files beside the data: ignored by a local validation
(vim open on a project file must not fail it), refused when named to be committed (the
pre-commit hook), and left out of commits by ``.gitignore``. Only files: a folder so named
still holds files to check, and a link so named that points somewhere is still a link.
check-pr's refusal is the cases tests/review/cases/review-temporary-file and
review-temporary-folder; the watcher's is in tests/engine."""

from __future__ import annotations

import fnmatch
import subprocess
from pathlib import Path

import pytest

from showcase.load.files import TEMPORARY_PATTERNS, is_temporary_name, walk_files
from showcase.paths import Layout, kind_of, repository_root
from showcase.validate import validate_repository
from tests.editor_files import (
    EMACS_LOCK,
    OVERRIDES_LINKS,
    TEMPORARY_FOLDER_PATHS,
    TEMPORARY_NAMES,
    make_overrides_links,
    make_temporary_file,
)
from tests.validate.conftest import TODAY
from tests.validate.input_builders import outside_folder

PROJECT = "projects/textile/good-yarn.yaml"
FOLDERS = ["projects/textile", "projects/textile/good-yarn", "content", "content/events"]
"""Beside a project file, in a project's image folder, beside registries and events."""

LOCAL_RULES = {
    "projects/textile/old~/roster.docx": "file.unexpected",
    "projects/textile/4913/plan.pdf": "file.unexpected",
    "projects/textile/.#notes/readme.txt": "file.unexpected",
    "projects/textile/good-yarn/backup~/old.yaml": "project.location",
    "content/pages/#drafts#/x.md": None,  # as in content/pages/drafts/: no page, not read
}
"""What a whole-repository run says of each of `TEMPORARY_FOLDER_PATHS`: what it says of
the same file in a folder of any other name."""


def test_every_pattern_has_an_example() -> None:
    unmatched = [
        pattern
        for pattern in TEMPORARY_PATTERNS
        if not any(fnmatch.fnmatch(name, pattern) for name in TEMPORARY_NAMES)
    ]
    assert unmatched == []


@pytest.mark.parametrize(
    "name", ["good-yarn.yaml", "logo.png", "diagram.svg", "2026-seed-fund.yaml", "x#y.yaml"]
)
def test_a_data_file_is_not_taken_for_a_temporary_one(name: str) -> None:
    assert not is_temporary_name(name)


@pytest.mark.parametrize("name", TEMPORARY_NAMES)
def test_gitignore_leaves_the_file_out_of_commits(name: str) -> None:
    for folder in FOLDERS:
        done = subprocess.run(
            ["git", "check-ignore", "--no-index", "--quiet", f"{folder}/{name}"],
            cwd=repository_root(),
            check=False,
        )
        assert done.returncode == 0, f"{folder}/{name}"


@pytest.mark.parametrize("name", TEMPORARY_NAMES)
def test_a_whole_repository_run_ignores_the_file(fixture_layout: Layout, name: str) -> None:
    clean = validate_repository(fixture_layout, today=TODAY)
    assert clean.problems == []
    for folder in FOLDERS:
        (fixture_layout.root / folder).mkdir(parents=True, exist_ok=True)
        make_temporary_file(fixture_layout.root / folder, name)
    result = validate_repository(fixture_layout, today=TODAY)
    assert result.problems == [] and result.files_checked == clean.files_checked
    files, links = walk_files(fixture_layout.root)
    assert [path for path in files + links if path.name == name] == []
    assert kind_of(f"projects/textile/{name}") is None


def test_a_project_file_beside_the_files_is_still_checked(fixture_layout: Layout) -> None:
    college = fixture_layout.root / "projects/textile"
    for name in TEMPORARY_NAMES:
        make_temporary_file(college, name)
    project = fixture_layout.root / PROJECT
    text = project.read_text(encoding="utf-8")
    project.write_text(text.replace("level: makerspace", "level: 宇宙级", 1), encoding="utf-8")
    problems = validate_repository(fixture_layout, today=TODAY).problems
    assert problems and {p.path for p in problems} == {PROJECT}


@pytest.mark.parametrize("name", TEMPORARY_NAMES)
def test_a_file_named_to_be_committed_is_refused(fixture_layout: Layout, name: str) -> None:
    """The pre-commit hook names each file being committed (emacs' lock as well, though
    it is a symlink: the name says what to do)."""
    make_temporary_file(fixture_layout.root / "projects/textile", name)
    given = Path(f"projects/textile/{name}")
    problems = validate_repository(fixture_layout, [given], today=TODAY).problems
    assert [(p.path, p.rule) for p in problems] == [(given.as_posix(), "file.temporary")]
    assert f"git rm --cached '{given.as_posix()}'" in problems[0].hint


def test_a_real_symlink_is_still_refused(fixture_layout: Layout) -> None:
    """Only the lock, a temporary name pointing nowhere, is let through: any other link
    stays an error."""
    college = fixture_layout.root / "projects/textile"
    make_temporary_file(college, EMACS_LOCK)
    (college / "lock.yaml").symlink_to("maker@lab-pc.4242:1764547200")
    problems = validate_repository(fixture_layout, today=TODAY).problems
    assert [(p.path, p.rule) for p in problems] == [("projects/textile/lock.yaml", "file.symlink")]


def test_every_folder_example_has_its_local_rule() -> None:
    assert sorted(LOCAL_RULES) == sorted(TEMPORARY_FOLDER_PATHS)


@pytest.mark.parametrize("path", TEMPORARY_FOLDER_PATHS)
def test_a_folder_named_as_an_editors_file_hides_nothing(fixture_layout: Layout, path: str) -> None:
    """``old~/roster.docx`` is a file all the same: checked as anywhere else locally, and
    refused when named to be committed (the pre-commit hook), as check-pr refuses it."""
    file = fixture_layout.root / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text("名单: 张三\n", encoding="utf-8")
    problems = validate_repository(fixture_layout, today=TODAY).problems
    rule = LOCAL_RULES[path]
    assert [(p.path, p.rule) for p in problems] == ([(path, rule)] if rule else [])
    assert file in walk_files(fixture_layout.root)[0]
    named = validate_repository(fixture_layout, [Path(path)], today=TODAY).problems
    assert [(p.path, p.rule) for p in named] == [(path, "file.temporary")]


@pytest.mark.parametrize("folder", ["overrides", "projects/textile", "content"])
def test_a_link_named_as_an_editors_file_is_refused(fixture_layout: Layout, folder: str) -> None:
    """``overrides/4913 -> /etc/passwd`` (an outside tester's examples): MkDocs copies the
    overrides into the site, so a link there is refused whatever its name; so it is in
    the data's folders."""
    root = fixture_layout.root
    make_overrides_links(root / folder, outside_folder(root) / "passwd.yaml")
    problems = validate_repository(fixture_layout, today=TODAY).problems
    expected = sorted((f"{folder}/{name}", "file.symlink") for name in OVERRIDES_LINKS)
    assert sorted((p.path, p.rule) for p in problems) == expected
