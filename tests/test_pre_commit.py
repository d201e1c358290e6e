"""The pre-commit hook passes `validate` every kind of file it checks, and nothing else.

As check-jsonschema tests its hooks' file patterns: the ``files:`` regex is read from
.pre-commit-config.yaml and tried, the way pre-commit applies it (``re.search``), on
paths that must be checked and on paths that must not. Both lists are themselves checked
against `validate`: each path of the first is a kind it knows, and every data file of
this repository is in the hook's reach.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from showcase.paths import repository_root
from showcase.validate import validate_repository
from tests.validate.conftest import make_repository

HOOK = "showcase-validate"

CHECKED = [
    "projects/textile/smart-yarn.yaml",
    "projects/textile/smart-yarn/logo.png",
    "projects/textile/smart-yarn/photos/team.JPG",
    "projects/textile/smart-yarn/diagram.webp",
    "content/site.yaml",
    "content/colleges.yaml",
    "content/mentors.yaml",
    "content/fields.yaml",
    "content/services.yaml",
    "content/typical-cases.yaml",
    "content/events/2026-demo-day.yaml",
    "content/roadshows/2026-spring-pitch.yaml",
    "content/calls/2026-seed-fund.yaml",
    "projects/textile/smart-yarn/applications/2026-seed-fund.yaml",
    "projects/textile/smart-yarn/checkpoints/2026-seed-fund-midterm.yaml",
    "content/stories/2026-smart-yarn.md",
    "content/stories/2026-smart-yarn/workshop.png",
    "content/stories/2026-smart-yarn/team.jpeg",
    "content/pages/about.md",
    "content/pages/img/submit-1-form.png",
    "content/pages/img/diagram.SVG",
    "content/pages/photo.gif",
]
"""Paths `validate` reads as data."""

REFUSED = {
    "projects/textile/roster.docx": "file.unexpected",
    "projects/textile/smart-yarn/team.xlsx": "file.unexpected",
    "projects/textile/.DS_Store": "file.temporary",
    "content/events/.#2026-demo-day.yaml": "file.temporary",
    "projects/textile/smart-yarn.yml": "project.location",
    "projects/textile/smart-yarn/old.yaml": "project.location",
    "projects/textile/smart-yarn/applications/2026-seed-fund.yml": "project.location",
    "content/events/2026-demo-day.yml": "file.unknown-kind",
    "content/pages/notes.yaml": "file.unknown-kind",
}
"""Paths `validate` must see to refuse: they would be published, or silently ignored."""

NOT_CHECKED = [
    "README.md",
    "mkdocs.yml",
    "pyproject.toml",
    "tasks.py",
    "CODEOWNERS",
    ".github/workflows/ci.yml",
    ".gitlab-ci.yml",
    ".pre-commit-config.yaml",
    "docs/ci.md",
    "docs/img/projects.png",
    "schemas/project.schema.json",
    "showcase/validate/repository.py",
    "showcase/render/assets/submit.js",
    "overrides/main.html",
    "benchmarks/bench_validate.py",
    "tests/validate/fixture_repo/projects/textile/good-yarn.yaml",
    "tests/validate/cases/phone-number/content/colleges.yaml",
    "site/projects/smart-yarn/index.html",
    "build/docs/projects/index.md",
    "xprojects/textile/a.yaml",
    "my-content/colleges.yaml",
    "content/stories/2026-smart-yarn/notes.txt",
    "content/pages/img/guide.md",
]
"""Code, documentation, tests and outputs: never data, even where a name looks alike."""


def hook_matches(path: str) -> bool:
    config = yaml.safe_load((repository_root() / ".pre-commit-config.yaml").read_text("utf-8"))
    (hook,) = (h for repo in config["repos"] for h in repo["hooks"] if h["id"] == HOOK)
    included = re.search(hook.get("files", ""), path) is not None
    return included and re.search(hook.get("exclude", "^$"), path) is None


@pytest.mark.parametrize("path", [*CHECKED, *REFUSED])
def test_the_hook_passes_each_kind_of_file_validate_checks(path: str) -> None:
    assert hook_matches(path)


@pytest.mark.parametrize("path", NOT_CHECKED)
def test_the_hook_leaves_out_what_validate_does_not_check(path: str) -> None:
    assert not hook_matches(path)


def test_every_data_file_of_the_repository_is_in_the_hooks_reach() -> None:
    root = repository_root()
    files = [
        path.relative_to(root).as_posix()
        for folder in ("projects", "content")
        for path in sorted((root / folder).rglob("*"))
        if path.is_file()
    ]
    assert len(files) > 50
    assert [path for path in files if not hook_matches(path)] == []


def test_the_lists_agree_with_validate(tmp_path: Path) -> None:
    """Given on the command line, each checked path is a kind validate knows, and each
    refused one draws the rule that says why it does not belong."""
    layout = make_repository(tmp_path / "repo")
    for path in [*CHECKED, *REFUSED]:
        (layout.root / path).parent.mkdir(parents=True, exist_ok=True)
        (layout.root / path).touch()
    problems = validate_repository(layout, [Path(p) for p in [*CHECKED, *REFUSED]]).problems
    refusals = {(p.path, p.rule) for p in problems if p.rule in set(REFUSED.values())}
    assert refusals == set(REFUSED.items())
