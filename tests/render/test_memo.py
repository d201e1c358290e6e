"""The render memo reuses a page exactly when its declared inputs are equal.

The strongest check is the last one: after any edit of the model, a render that takes the
previous render's memo gives the same tree, byte for byte, as a render without one. An
input a page reads but does not declare would make the memo hand back a stale page there.
"""

from __future__ import annotations

import dataclasses
import functools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from showcase.contacts import Contact
from showcase.model import LEVELS, Model
from showcase.paths import Layout, repository_root
from showcase.render.memo import RenderMemo
from showcase.render.tree import render_docs
from showcase.validate import validate_repository
from tests.render.helpers import render_inputs


def test_equal_inputs_are_reused_without_rendering() -> None:
    first = RenderMemo(version="v1")
    assert first.reuse("a.md", ("x", 1), lambda: "page") == "page"
    second = RenderMemo(first.entries, version="v1")
    assert second.reuse("a.md", ("x", 1), _never) == "page"
    assert (second.reused, second.rendered) == (1, 0)


def test_changed_inputs_or_code_are_rendered_again() -> None:
    first = RenderMemo(version="v1")
    first.reuse("a.md", ("x", 1), lambda: "old")
    assert RenderMemo(first.entries, version="v1").reuse("a.md", ("x", 2), lambda: "new") == "new"
    assert RenderMemo(first.entries, version="v2").reuse("a.md", ("x", 1), lambda: "new") == "new"


def test_entries_hold_only_what_this_render_used() -> None:
    first = RenderMemo()
    first.reuse("gone.md", 1, lambda: "a")
    first.reuse("kept.md", 2, lambda: "b")
    second = RenderMemo(first.entries)
    second.reuse("kept.md", 2, _never)
    assert set(second.entries) == {"kept.md"}


def _never() -> str:
    raise AssertionError("rendered although its inputs did not change")


@functools.cache
def _sample() -> Model:
    model = validate_repository(Layout(repository_root())).model
    assert model is not None
    return model


def _edit_project(model: Model, index: int, change: str) -> Model:
    project = list(model.projects.values())[index % len(model.projects)]
    other = list(model.projects.values())[(index + 1) % len(model.projects)]
    replaced = {
        "name": dataclasses.replace(project, name=project.name + "（新）"),
        "summary": dataclasses.replace(project, summary="换了一句简介"),
        "level": dataclasses.replace(
            project, level=next(level for level in LEVELS if level != project.level)
        ),
        "mentors": dataclasses.replace(project, mentors=other.mentors),
        "fields": dataclasses.replace(project, fields=other.fields),
        "college": dataclasses.replace(project, college=other.college),
        "milestones": dataclasses.replace(project, milestones=project.milestones[:-1]),
    }[change]
    return dataclasses.replace(model, projects={**model.projects, project.id: replaced})


def _edit_registry(model: Model, index: int, change: str) -> Model:
    if change == "college":
        college = list(model.colleges.values())[index % len(model.colleges)]
        office = Contact(office="新的办公室", email="office@example.edu.cn")
        edited = dataclasses.replace(college, name=college.name + "（更名）", contacts=(office,))
        return dataclasses.replace(model, colleges={**model.colleges, college.id: edited})
    if change == "mentor":
        mentor = list(model.mentors.values())[index % len(model.mentors)]
        edited = dataclasses.replace(mentor, title="教授（新）", organisation="新单位")
        return dataclasses.replace(model, mentors={**model.mentors, mentor.id: edited})
    if change == "field":
        field = list(model.fields.values())[index % len(model.fields)]
        edited = dataclasses.replace(field, name=field.name + "（新）")
        return dataclasses.replace(model, fields={**model.fields, field.id: edited})
    contacts = (Contact(office="众创空间新前台", phone="0571-86843210"),)
    return dataclasses.replace(model, site=dataclasses.replace(model.site, contacts=contacts))


_EDITS = st.one_of(
    st.tuples(
        st.just(_edit_project),
        st.integers(0, 200),
        st.sampled_from(["name", "summary", "level", "mentors", "fields", "college", "milestones"]),
    ),
    st.tuples(
        st.just(_edit_registry),
        st.integers(0, 200),
        st.sampled_from(["college", "mentor", "field", "site"]),
    ),
)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=st.lists(_EDITS, min_size=1, max_size=3))
def test_a_render_with_the_previous_memo_equals_a_render_without_one(edits) -> None:
    before = _sample()
    memo = RenderMemo()
    render_docs(render_inputs(before, font=None), memo)
    after = before
    for edit, index, change in edits:
        after = edit(after, index, change)
    inputs = render_inputs(after, font=None)
    reused = RenderMemo(memo.entries)
    assert render_docs(inputs, reused) == render_docs(inputs)
    assert reused.reused > 0  # the memo was used, not just bypassed
