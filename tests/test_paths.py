"""`showcase.paths` names the kind of every path a pull request or a command line can hold."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.load.files import path_order
from showcase.paths import (
    SCHEMA_HEADER,
    Layout,
    PathKind,
    application_file_path,
    call_file_path,
    checkpoint_file_path,
    college_of,
    kind_of,
    project_file_path,
    project_folder_path,
    text_under,
    user_cache_dir,
)

KINDS = [
    ("projects/textile/smart-yarn.yaml", PathKind.PROJECT),
    ("projects/textile/smart-yarn/logo.png", PathKind.PROJECT_IMAGE),
    ("projects/textile/smart-yarn/photos/Team.JPG", PathKind.PROJECT_IMAGE),
    ("content/site.yaml", PathKind.REGISTRY),
    ("content/typical-cases.yaml", PathKind.TYPICAL_CASES),
    ("content/events/2026-salon.yaml", PathKind.EVENT),
    ("content/roadshows/2026-spring.yaml", PathKind.ROADSHOW),
    ("content/stories/2026-yarn.md", PathKind.STORY),
    ("content/cases/2026-yarn.yaml", PathKind.CASE),
    ("content/stories/2026-yarn/photo.webp", PathKind.STORY_IMAGE),
    ("content/pages/about.md", PathKind.PAGE),
    ("content/pages/img/submit-1.png", PathKind.PAGE_IMAGE),
    ("content/calls/2026-seed-fund.yaml", PathKind.CALL),
    ("projects/textile/smart-yarn/applications/2026-seed-fund.yaml", PathKind.APPLICATION),
    ("projects/textile/smart-yarn/checkpoints/2026-seed-fund-midterm.yaml", PathKind.CHECKPOINT),
    # spellings a careless contributor uses: nothing the validator has rules for
    ("projects/textile/smart-yarn.yml", None),
    ("projects/smart-yarn.yaml", None),
    ("projects/textile/team.xlsx", None),
    ("projects/textile/smart-yarn/logo.png.exe", None),
    ("projects/textile/smart-yarn/notes.yaml", None),
    ("content/site.yml", None),
    ("content/events/2026/salon.yaml", None),
    ("content/stories/2026-yarn/draft.md", None),
    ("content/cases/2026-yarn.yml", None),
    ("content/cases/2026/yarn.yaml", None),
    ("content/pages/img/notes.md", None),
    ("content/calls/2026/seed-fund.yaml", None),
    ("projects/textile/smart-yarn/applications/2026-seed-fund.yml", None),
    ("projects/textile/smart-yarn/applications/2026/seed-fund.yaml", None),
    ("projects/textile/smart-yarn/applications.yaml", None),
    ("projects/textile/smart-yarn/budget/2026-seed-fund.yaml", None),
    ("content/other/x.yaml", None),
    ("content", None),
    ("schemas/project.schema.json", None),
    ("tasks.py", None),
    ("PROJECTS/textile/smart-yarn.yaml", None),
]


@pytest.mark.parametrize(("path", "kind"), KINDS)
def test_kind_of_names_what_a_path_holds(path: str, kind: PathKind | None) -> None:
    assert kind_of(path) is kind


def test_layout_kind_agrees_with_kind_of(tmp_path: Path) -> None:
    layout = Layout(tmp_path)
    assert all(layout.kind(tmp_path / path) is kind for path, kind in KINDS)


@pytest.mark.parametrize(
    ("path", "college"),
    [
        ("projects/textile/smart-yarn.yaml", "textile"),
        ("projects/textile/smart-yarn/logo.png", "textile"),
        ("projects/textile", None),
        ("content/colleges.yaml", None),
    ],
)
def test_college_of_is_the_folder_under_projects(path: str, college: str | None) -> None:
    assert college_of(path) == college


def test_a_project_file_and_its_folder_have_the_kinds_they_are_made_for() -> None:
    assert kind_of(project_file_path("textile", "smart-yarn")) is PathKind.PROJECT
    image = project_folder_path("textile", "smart-yarn") + "/logo.png"
    assert kind_of(image) is PathKind.PROJECT_IMAGE
    assert kind_of(call_file_path("2026-fund")) is PathKind.CALL
    application = application_file_path("textile", "smart-yarn", "2026-fund")
    assert kind_of(application) is PathKind.APPLICATION
    assert college_of(application) == "textile"
    report = checkpoint_file_path("textile", "smart-yarn", "2026-fund", "final")
    assert kind_of(report) is PathKind.CHECKPOINT


def test_the_schema_header_points_from_a_project_file_to_the_project_schema(
    tmp_path: Path,
) -> None:
    layout = Layout(tmp_path)
    target = SCHEMA_HEADER.split("$schema=")[1]
    project = layout.project_file("textile", "smart-yarn")
    assert (project.parent / target).resolve() == layout.schema("project").resolve()


_PART = st.sampled_from(["a", "a-b", "a.b", "ab", "A", "b", "项目", "x y", "..", "."])
_PATHS = st.builds(
    lambda absolute, parts: Path("/" if absolute else "", *parts),
    st.booleans(),
    st.lists(_PART, max_size=4),
)


@settings(max_examples=300, deadline=None, database=None)
@given(path=_PATHS, root=_PATHS)
def test_text_under_answers_as_relative_to_does(path: Path, root: Path) -> None:
    under = text_under(path, root)
    if under is not None:
        assert under == path.relative_to(root).as_posix()
    elif path.is_relative_to(root):
        assert path == root or str(root) == "."  # then the caller asks pathlib


@settings(max_examples=200, deadline=None, database=None)
@given(paths=st.lists(_PATHS, max_size=12))
def test_path_order_sorts_as_paths_sort(paths: list[Path]) -> None:
    assert sorted(paths, key=path_order) == sorted(paths)


def test_the_word_store_is_kept_once_per_user_outside_the_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert user_cache_dir() == tmp_path / "xdg" / "makerspace-showcase"
    assert Layout(tmp_path / "repo").word_store.parent == user_cache_dir()
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert user_cache_dir() == tmp_path / "home" / ".cache" / "makerspace-showcase"
