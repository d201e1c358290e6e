"""Editors' and file managers' own files beside the data: ignored by a local validation
(vim open on a project file must not fail it), refused when named to be committed (the
pre-commit hook), and left out of commits by ``.gitignore``. check-pr's refusal is the
case tests/review/cases/review-temporary-file; the watcher's is in tests/engine."""

from __future__ import annotations

import fnmatch
import subprocess
from pathlib import Path

import pytest

from showcase.load.files import TEMPORARY_PATTERNS, is_temporary_name, walk_files
from showcase.paths import Layout, kind_of, repository_root
from showcase.validate import validate_repository
from tests.editor_files import EMACS_LOCK, TEMPORARY_NAMES, make_temporary_file
from tests.validate.conftest import TODAY

PROJECT = "projects/textile/good-yarn.yaml"
FOLDERS = ["projects/textile", "projects/textile/good-yarn", "content", "content/events"]
"""Beside a project file, in a project's image folder, beside registries and events."""


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
    """Only the lock's name is let through: any other link stays an error."""
    college = fixture_layout.root / "projects/textile"
    make_temporary_file(college, EMACS_LOCK)
    (college / "lock.yaml").symlink_to("maker@lab-pc.4242:1764547200")
    problems = validate_repository(fixture_layout, today=TODAY).problems
    assert [(p.path, p.rule) for p in problems] == [("projects/textile/lock.yaml", "file.symlink")]
