"""`check_project_files` (the preview's fast pass) over the whole bad-input corpus: for
every project file of every case, what it reports is what the full validation reports for
that file (never a problem the full run would not show), and it gives a record exactly
when it found no error."""

from __future__ import annotations

from pathlib import Path

import pytest

from showcase.paths import PathKind, kind_of
from showcase.problems import has_errors
from showcase.validate import validate_repository
from showcase.validate.repository import check_project_files
from tests.case_lines import problem_line
from tests.validate.conftest import TODAY
from tests.validate.test_cases import CASE_NAMES, CASES, case_repository

WITH_PROJECTS = [
    case
    for case in CASE_NAMES
    if any(
        kind_of(path.relative_to(CASES / case).as_posix()) is PathKind.PROJECT
        for path in (CASES / case).rglob("*.yaml")
    )
]


@pytest.mark.parametrize("case", WITH_PROJECTS)
def test_the_fast_check_reports_a_subset_of_the_full_validation(case: str, tmp_path: Path) -> None:
    layout = case_repository(case, tmp_path / "repo")
    full = {problem_line(problem) for problem in validate_repository(layout, today=TODAY).problems}
    files = layout.project_files()
    for file, (project, problems) in zip(
        files, check_project_files(layout, files, TODAY), strict=True
    ):
        assert {problem_line(problem) for problem in problems} <= full, file
        assert (project is None) == has_errors(problems), file
        if project is not None:
            assert project.source == layout.relative(file)


@pytest.mark.parametrize(
    "case", ["duplicate-key", "empty-file", "email-domain", "college-not-folder", "absurd-numbers"]
)
def test_per_file_errors_are_found_by_the_fast_check(case: str, tmp_path: Path) -> None:
    """Syntax, an empty file, a registry reference, the file's place, a schema range."""
    layout = case_repository(case, tmp_path / "repo")
    checked = check_project_files(layout, layout.project_files(), TODAY)
    assert any(has_errors(problems) for _project, problems in checked)


@pytest.mark.parametrize("case", ["duplicate-key", "email-domain", "absurd-numbers"])
def test_files_checked_together_get_what_each_gets_alone(case: str, tmp_path: Path) -> None:
    """One burst reads the schemas and registries once; no file's answer depends on another."""
    layout = case_repository(case, tmp_path / "repo")
    files = layout.project_files()
    alone = [check_project_files(layout, [file], TODAY)[0] for file in files]
    assert len(files) > 1
    assert check_project_files(layout, files, TODAY) == alone
