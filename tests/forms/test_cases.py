"""Data-driven issue forms: each folder under cases/ is one submitted issue.

A case folder holds ``body.md``, the issue body as the forge renders it, and
``expected.txt`` (see tests/case_lines.py): the exact problems `invoke from-issue --body
body.md --write` must report, each behind its rule id. The fixture repository of
tests/validate is the repository the project would join. An issue with errors must
leave the repository as it was; an empty expected.txt means the issue becomes a file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from showcase.commands.from_issue import from_issue
from tests.case_lines import expected_lines, report_lines
from tests.validate.conftest import make_repository

CASES = Path(__file__).parent / "cases"
CASE_NAMES = sorted(path.name for path in CASES.iterdir() if path.is_dir())


def files_under(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*") if path.is_file()}


@pytest.mark.parametrize("case", CASE_NAMES)
def test_issue_reports_exactly_the_expected_lines(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repository(tmp_path / "repo").root
    before = files_under(root / "projects")
    code = from_issue(root, str(CASES / case / "body.md"), write=True, fmt="json")
    expected = expected_lines(CASES / case)
    assert report_lines(capsys.readouterr().out) == expected
    errors = any("] " in line and ": 错误 " in line for line in expected)
    assert code == (1 if errors else 0)
    assert (files_under(root / "projects") == before) is errors
