"""Data-driven bad input: each folder under cases/ is one rule.

A case folder holds the files to lay over the fixture repository (or has a builder in
builders.py when the input cannot be a plain text file) and ``expected.txt``: the exact
lines `invoke validate` must print for it, one problem per line, each preceded by the
problem's rule id in brackets (``[personal.phone] projects/…``), the summary line left
out. An empty expected.txt means the input must be accepted.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from showcase.validate import validate_repository
from tests.validate.builders import BUILDERS
from tests.validate.conftest import TODAY, make_repository

CASES = Path(__file__).parent / "cases"
CASE_NAMES = sorted(path.name for path in CASES.iterdir() if path.is_dir())


def expected_lines(case: str) -> list[str]:
    text = (CASES / case / "expected.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line]


def problems_for(case: str, tmp_path: Path) -> list[str]:
    layout = make_repository(tmp_path / "repo")
    for source in (CASES / case).rglob("*"):
        if source.is_file() and source.name != "expected.txt":
            target = layout.root / source.relative_to(CASES / case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    if case in BUILDERS:
        BUILDERS[case](layout.root)
    return [
        f"[{problem.rule}] {problem.text()}"
        for problem in validate_repository(layout, today=TODAY).problems
    ]


def test_there_is_a_case_for_every_rule() -> None:
    assert len(CASE_NAMES) >= 25
    assert set(BUILDERS) <= set(CASE_NAMES)


@pytest.mark.parametrize("case", CASE_NAMES)
def test_case_prints_exactly_the_expected_lines(case: str, tmp_path: Path) -> None:
    assert problems_for(case, tmp_path) == expected_lines(case)
