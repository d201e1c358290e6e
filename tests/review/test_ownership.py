"""Who may change what, as pure rules: protected paths and the author's name, many spellings."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.problems import Severity, has_errors
from showcase.review.changes import Change
from showcase.review.ownership import Owners, check_ownership, is_protected

OWNERS = Owners(makerspace=("centre",), colleges={"textile": ("textile-club",)})
MAINTAINERS = ("textile-club", "centre")
PROJECT = Change("M", "projects/textile/a.yaml")

PROTECTED = [
    "showcase/review/ownership.py",
    "schemas/project.schema.json",
    "tasks.py",
    "dev",
    ".ci/run",
    ".github/workflows/check-pr.yml",
    ".gitlab-ci.yml",
    ".gitea/workflows/check-pr.yml",
    ".forgejo/workflows/ci.yml",
    ".workflow/pipeline.yml",
    "pyproject.toml",
    "mkdocs.yml",
    "overrides/main.html",
    "tests/conftest.py",
    "benchmarks/bench_validate.py",
    "conftest.py",
    "sitecustomize.py",
    "setup.py",
    "Makefile",
    ".pre-commit-config.yaml",
    ".vscode/settings.json",
    "CODEOWNERS",
    ".gitmodules",
    ".gitattributes",
    "projects/textile/.gitattributes",
    "content/.gitattributes",
]
UNPROTECTED = [
    "projects/textile/a.yaml",
    "projects/textile/a/logo.png",
    "content/site.yaml",
    "content/pages/about.md",
    "content/roadshows/autumn.yaml",
    "docs/ci.md",
    "README.md",
]


@pytest.mark.parametrize("path", PROTECTED)
def test_the_program_build_and_ci_are_protected(path: str) -> None:
    assert is_protected(path)
    (problem,) = check_ownership([Change("M", path)], "textile-club", OWNERS)
    assert (problem.rule, problem.severity) == ("review.protected-path", Severity.ERROR)
    (flag,) = check_ownership([Change("A", path)], "centre", OWNERS)
    assert (flag.rule, flag.severity) == ("review.protected-path", Severity.WARNING)


@pytest.mark.parametrize("path", UNPROTECTED)
def test_data_and_documentation_are_not_protected(path: str) -> None:
    assert not is_protected(path)
    assert check_ownership([Change("M", path)], "centre", OWNERS) == []


def test_moving_a_protected_file_into_the_data_is_still_flagged() -> None:
    moved = Change("R", "projects/textile/ownership.py", "showcase/review/ownership.py")
    problems = check_ownership([moved], "textile-club", OWNERS)
    assert [(p.path, p.rule) for p in problems] == [
        ("showcase/review/ownership.py", "review.protected-path")
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_text_passes_only_when_it_is_a_maintainer_in_ascii(author: str) -> None:
    passed = not has_errors(check_ownership([PROJECT], author, OWNERS))
    assert passed == (author.isascii() and author.lower() in MAINTAINERS)


def _near_misses() -> st.SearchStrategy[str]:
    """A maintainer's name with one character inserted or replaced by any character."""
    name, text = st.sampled_from(MAINTAINERS), st.characters(codec="utf-8")
    inserted = st.builds(lambda n, i, c: n[:i] + c + n[i:], name, st.integers(0, 12), text)
    replaced = st.builds(lambda n, i, c: n[:i] + c + n[i + 1 :], name, st.integers(0, 11), text)
    return inserted | replaced


@settings(max_examples=300, deadline=None)
@given(_near_misses())
def test_a_look_alike_of_a_maintainers_name_never_passes(author: str) -> None:
    passed = not has_errors(check_ownership([PROJECT], author, OWNERS))
    assert passed == (author.isascii() and author.lower() in MAINTAINERS)


@pytest.mark.parametrize("author", ["", " ", "null", "dependabot[bot]", "céntre"])
def test_an_untrustworthy_author_is_one_problem_not_one_per_file(author: str) -> None:
    changes = [PROJECT, Change("M", "projects/textile/b.yaml"), Change("M", "content/x.md")]
    problems = check_ownership(changes, author, OWNERS)
    assert [p.rule for p in problems] in (["review.author-missing"], ["review.author-unknown"])
