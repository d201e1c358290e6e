"""Data-driven pull requests: each folder under cases/ is one pull request to check.

A case folder holds ``author.txt``, the login the forge reports as the pull request's
opener (the file's text without its final newline; empty means the forge sent none);
optionally ``base/``, files committed on ``main`` before the branch was made (what the
pull request finds and may change); ``pr/``, the files the pull request's branch lays over
the fixture repository of tests/validate (committed on ``main``); optionally ``main/``, files committed on ``main``
after the branch was made (a base that moved on); and ``expected.txt`` (see
tests/case_lines.py): the exact problems `invoke check-pr --format json` must report.
Changes that plain files cannot express (symlinks, submodules, deletions) come from the
builder of the same name in case_builders.py, run on the branch after the files are
staged and before the commit.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from showcase.commands.check_pr import check_pr
from tests.case_lines import expected_lines, report_lines
from tests.review.case_builders import BUILDERS
from tests.review.pr_repo import base_repository, git
from tests.validate.conftest import TODAY

CASES = Path(__file__).parent / "cases"
CASE_NAMES = sorted(path.name for path in CASES.iterdir() if path.is_dir())


def lay_over(folder: Path, repo: Path) -> None:
    for source in sorted(folder.rglob("*")):
        if source.is_file():
            target = repo / source.relative_to(folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


def pull_request(case: Path, repo: Path) -> None:
    """The branch ``pr`` made from `case`, and ``main`` moved on as the case says."""
    if (case / "base").is_dir():
        lay_over(case / "base", repo)
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "base")
    git(repo, "checkout", "-q", "-b", "pr")
    if (case / "pr").is_dir():
        lay_over(case / "pr", repo)
    git(repo, "add", "-A")
    if case.name in BUILDERS:
        BUILDERS[case.name](repo)
    git(repo, "commit", "-q", "--allow-empty", "-m", "pr")
    git(repo, "checkout", "-q", "main")
    if (case / "main").is_dir():
        lay_over(case / "main", repo)
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "main moved on")


def author(case: Path) -> str:
    text = (case / "author.txt").read_text(encoding="utf-8")
    return text.removesuffix("\n")


def test_every_builder_has_a_case() -> None:
    assert set(BUILDERS) <= set(CASE_NAMES)


@pytest.mark.parametrize("case", CASE_NAMES)
def test_pull_request_reports_exactly_the_expected_lines(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = base_repository(tmp_path / "repo")
    pull_request(CASES / case, repo)
    code = check_pr(repo, "main", author(CASES / case), "json", "", head="pr", today=TODAY)
    expected = expected_lines(CASES / case)
    assert report_lines(capsys.readouterr().out) == expected
    assert code == (1 if any(": 错误 " in line for line in expected) else 0)
