"""The assessment's yearly figures taken from the render memo are those counted afresh,
and any change to what they count is counted again."""

from __future__ import annotations

import dataclasses
import datetime
import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.assessment.periods import AcademicYear
from showcase.assessment.sources import counted_facts, yearly_figures
from showcase.model import Model
from showcase.paths import Layout, repository_root
from showcase.render.assessment_figures import remembered_count
from showcase.render.memo import RenderMemo
from showcase.validate import validate_repository
from tests.render.helpers import FIELD_SWAPS, with_fields_of

YEARS = tuple(AcademicYear(first) for first in range(2019, 2027))
ZONE = "Asia/Shanghai"
AS_OF = datetime.date(2026, 11, 30)
COUNTED = ("projects", "colleges", "events", "roadshows", "cases", "calls", "applications")


@functools.cache
def _sample() -> Model:
    model = validate_repository(Layout(repository_root())).model
    assert model is not None and all(getattr(model, name) for name in COUNTED)
    return model


def _first_memo(model: Model) -> RenderMemo:
    memo = RenderMemo(version="v")
    remembered_count(memo)(model, YEARS, ZONE, AS_OF)
    return memo


def test_the_same_inputs_give_the_stored_figures_without_counting() -> None:
    model = _sample()
    second = RenderMemo(_first_memo(model).entries, version="v")
    figures = remembered_count(second)(model, YEARS, ZONE, AS_OF)
    assert (second.reused, second.rendered) == (1, 0)
    assert figures == yearly_figures(model, YEARS, ZONE, AS_OF)
    assert repr(figures) == repr(yearly_figures(model, YEARS, ZONE, AS_OF))  # floats stay floats


@pytest.mark.parametrize("name", [*COUNTED, "checkpoints"])
def test_a_record_gone_from_any_counted_collection_is_counted_again(name: str) -> None:
    model = _sample()
    records = getattr(model, name)
    if not records:
        pytest.skip(f"the sample has no {name}")
    smaller = dict(list(records.items())[1:])
    edited = dataclasses.replace(model, **{name: smaller})
    second = RenderMemo(_first_memo(model).entries, version="v")
    figures = remembered_count(second)(edited, YEARS, ZONE, AS_OF)
    assert second.rendered == 1
    assert figures == yearly_figures(edited, YEARS, ZONE, AS_OF)


@pytest.mark.parametrize(
    "change",
    [
        {"years": YEARS[1:]},
        {"zone": "UTC"},
        {"as_of": datetime.date(2025, 6, 1)},
    ],
)
def test_other_years_zone_or_date_are_counted_again(change: dict) -> None:
    model = _sample()
    arguments = {"years": YEARS, "zone": ZONE, "as_of": AS_OF} | change
    second = RenderMemo(_first_memo(model).entries, version="v")
    figures = remembered_count(second)(model, *arguments.values())
    assert second.rendered == 1
    assert figures == yearly_figures(model, *arguments.values())


@settings(max_examples=150, deadline=None, database=None)
@given(target=st.integers(0, 10_000), swap=FIELD_SWAPS, bare=st.booleans())
def test_a_project_whose_counted_facts_are_equal_leaves_the_figures_alone(
    target: int, swap: tuple[int, set[str]], bare: bool
) -> None:
    """`counted_facts` is all the figures read of a project: give a project some fields
    of another, and when its facts stay equal the figures do too (a field read but left
    out of the facts would fail this). `bare`: the project has no milestones (its level
    field is read then)."""
    model = _sample()
    projects = list(model.projects.values())
    before = projects[target % len(projects)]
    if bare:
        before = dataclasses.replace(before, milestones=())
        model = dataclasses.replace(model, projects={**model.projects, before.id: before})
    after = with_fields_of(before, projects, swap)
    if counted_facts(after) != counted_facts(before):
        return
    edited = dataclasses.replace(model, projects={**model.projects, before.id: after})
    assert yearly_figures(edited, YEARS, ZONE, AS_OF) == yearly_figures(model, YEARS, ZONE, AS_OF)


def test_a_changed_summary_takes_the_figures_from_the_memo() -> None:
    model = _sample()
    project = next(iter(model.projects.values()))
    edited = dataclasses.replace(
        model,
        projects={**model.projects, project.id: dataclasses.replace(project, summary="新")},
    )
    second = RenderMemo(_first_memo(model).entries, version="v")
    remembered_count(second)(edited, YEARS, ZONE, AS_OF)
    assert (second.reused, second.rendered) == (1, 0)
