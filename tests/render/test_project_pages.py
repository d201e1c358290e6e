"""Project pages through the memo: a page's key is taken by its short key only when its
inputs cannot have changed, and only unchanged pages skip making their inputs."""

from __future__ import annotations

import dataclasses
import datetime
import functools

from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.model import Model, Project
from showcase.paths import Layout, repository_root
from showcase.render import project_pages
from showcase.render.call_support import public_support
from showcase.render.memo import KeptFile, RenderMemo
from showcase.render.project_page import project_page, project_page_inputs
from showcase.render.project_pages import ProjectPages, related_facts
from showcase.render.related import RelatedIndex
from showcase.render.roadshow.slots import RoadshowSlots
from showcase.validate import validate_repository
from tests.render.helpers import FIELD_SWAPS, with_fields_of

TODAY = datetime.date(2026, 11, 30)


@functools.cache
def _sample() -> Model:
    model = validate_repository(Layout(repository_root())).model
    assert model is not None
    return model


def _inputs(model: Model, project: Project):
    return project_page_inputs(
        project,
        model,
        RelatedIndex(model.projects.values()),
        {},
        RoadshowSlots(model),
        public_support(model, TODAY),
    )


@settings(max_examples=120, deadline=None, database=None)
@given(target=st.integers(0, 10_000), swap=FIELD_SWAPS, fieldless=st.booleans())
def test_other_pages_read_a_project_only_through_its_related_facts(
    target: int, swap: tuple[int, set[str]], fieldless: bool
) -> None:
    """Give a project some fields of another: when its `related_facts` stay equal, every
    other project's page inputs are equal (what lets an unchanged page keep its key).
    `fieldless`: no project has a field, so related projects come from the colleges."""
    model = _sample()
    if fieldless:
        bare = {key: dataclasses.replace(p, fields=()) for key, p in model.projects.items()}
        model = dataclasses.replace(model, projects=bare)
    projects = list(model.projects.values())
    before = projects[target % len(projects)]
    after = with_fields_of(before, projects, swap)
    if related_facts(after) != related_facts(before):
        return
    edited = dataclasses.replace(model, projects={**model.projects, before.id: after})
    for project in projects:
        if project.id != before.id:
            assert _inputs(edited, project) == _inputs(model, project), project.id


def _pages(model: Model, memo: RenderMemo) -> dict[str, bytes | KeptFile]:
    pages = ProjectPages(
        memo,
        model,
        RelatedIndex(model.projects.values()),
        {},
        RoadshowSlots(model),
        public_support(model, TODAY),
    )
    files = {project.id: pages.file(project) for project in model.projects.values()}
    pages.finish()
    return files


def test_only_changed_pages_make_their_inputs(monkeypatch) -> None:
    model = _sample()
    first = RenderMemo(version="v")
    _pages(model, first)
    made: list[str] = []
    original = project_pages.project_page_inputs
    monkeypatch.setattr(
        project_pages,
        "project_page_inputs",
        lambda project, *rest: made.append(project.id) or original(project, *rest),
    )
    second = RenderMemo(first.entries, version="v")
    assert all(isinstance(f, KeptFile) for f in _pages(model, second).values())
    assert made == []
    project = list(model.projects.values())[2]
    summary = dataclasses.replace(project, summary="新的简介")
    edited = dataclasses.replace(model, projects={**model.projects, project.id: summary})
    files = _pages(edited, RenderMemo(second.entries, version="v"))
    assert made == [project.id]
    assert files[project.id] == project_page(_inputs(edited, summary)).encode()
    renamed = dataclasses.replace(project, name="改名后的项目")
    edited = dataclasses.replace(model, projects={**model.projects, project.id: renamed})
    made.clear()
    files = _pages(edited, RenderMemo(second.entries, version="v"))
    assert len(made) == len(model.projects)  # the context changed: every page checks
    for other in edited.projects.values():
        page = files[other.id]
        fresh = project_page(_inputs(edited, other)).encode()
        assert (page.render() if isinstance(page, KeptFile) else page) == fresh
    assert any(isinstance(page, KeptFile) for page in files.values())
