"""Data-driven bad input: each folder under cases/ is one rule.

A case folder holds the files to lay over the fixture repository (or has a builder in
builders.py when the input cannot be a plain text file) and ``expected.txt``: the exact
lines `invoke validate` must print for it, one problem per line, each preceded by the
problem's rule id in brackets (``[personal.phone] projects/…``), the summary line left
out. An empty expected.txt means the input must be accepted. An optional ``paths.txt``
lists the paths given on the command line (one per line, as pre-commit passes them);
without it the whole repository is checked.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from showcase.paths import Layout
from showcase.validate import validate_repository
from tests.case_lines import expected_lines, problem_line
from tests.validate.builders import BUILDERS
from tests.validate.conftest import TODAY, make_repository

CASES = Path(__file__).parent / "cases"
CASE_NAMES = sorted(path.name for path in CASES.iterdir() if path.is_dir())


CASE_FILES = frozenset({"expected.txt", "paths.txt"})
"""What a case folder holds besides the files laid over the repository."""


def given_paths(case: str) -> list[Path] | None:
    listed = CASES / case / "paths.txt"
    if not listed.exists():
        return None
    return [Path(line) for line in listed.read_text(encoding="utf-8").splitlines() if line]


def case_repository(case: str, root: Path) -> Layout:
    """The fixture repository at `root` with the case's files laid over it."""
    layout = make_repository(root)
    for source in (CASES / case).rglob("*"):
        if source.is_file() and source.relative_to(CASES / case).as_posix() not in CASE_FILES:
            target = layout.root / source.relative_to(CASES / case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    if case in BUILDERS:
        BUILDERS[case](layout.root)
    return layout


def problems_for(case: str, tmp_path: Path) -> list[str]:
    layout = case_repository(case, tmp_path / "repo")
    result = validate_repository(layout, given_paths(case), today=TODAY)
    return [problem_line(problem) for problem in result.problems]


def test_every_builder_has_its_case_folder() -> None:
    """(That every rule has a case is tests/test_rule_coverage.py's promise.)"""
    assert set(BUILDERS) <= set(CASE_NAMES)


@pytest.mark.parametrize("case", CASE_NAMES)
def test_case_prints_exactly_the_expected_lines(case: str, tmp_path: Path) -> None:
    assert problems_for(case, tmp_path) == expected_lines(CASES / case)
