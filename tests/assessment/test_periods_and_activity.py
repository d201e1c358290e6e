"""Academic years (September to August, Beijing time), their spellings, and the figures
from events, roadshows, mentors and typical cases, counted by hand."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from showcase.assessment.periods import AcademicYear, local_date, parse_year, year_of
from showcase.assessment.scoring import assess, score_year
from showcase.assessment.sources import college_figures
from showcase.assessment.tables import trend_table
from showcase.cases import TypicalCase
from showcase.model import Event
from tests.assessment import fixture


@pytest.mark.parametrize(
    ("date", "first"),
    [
        ("2025-08", 2024),
        ("2025-08-31", 2024),
        ("2025-09", 2025),
        ("2025-09-01", 2025),
        ("2026-01-15", 2025),
        ("2026-08-31", 2025),
    ],
)
def test_a_date_belongs_to_the_year_from_september_to_august(date: str, first: int) -> None:
    assert year_of(date) == AcademicYear(first)
    assert AcademicYear(first).holds(date)


@given(
    day=st.dates(date(2000, 1, 1), date(2100, 12, 31)),
    month_only=st.booleans(),
    first=st.integers(1999, 2100),
    start_month=st.integers(1, 12),
)
def test_a_year_holds_exactly_the_dates_whose_year_it_is(
    day: date, month_only: bool, first: int, start_month: int
) -> None:
    written = day.isoformat()[:7] if month_only else day.isoformat()
    year = AcademicYear(first, start_month)
    assert year.holds(written) == (year_of(written, start_month) == year)


def test_the_year_ends_the_day_before_its_start_month_comes_again() -> None:
    assert (AcademicYear(2025).start, AcademicYear(2025).end) == ("2025-09-01", "2026-08-31")
    assert AcademicYear(2023, 3).end == "2024-02-29"  # a plan may start in March; leap year


@pytest.mark.parametrize("spelling", ["2025-2026", "2025—2026", "2025–2026", "2025/2026", " 2025 "])
def test_a_year_is_read_in_its_usual_spellings(spelling: str) -> None:
    assert parse_year(spelling) == AcademicYear(2025)


@pytest.mark.parametrize("spelling", ["2025-2027", "25-26", "二〇二五", "", "2025-2026-2027"])
def test_a_year_that_is_not_one_is_refused(spelling: str) -> None:
    assert parse_year(spelling) is None


def test_an_evening_abroad_can_be_the_next_day_in_beijing() -> None:
    # 2026-08-31 20:00 in London (BST, UTC+1) is 2026-09-01 03:00 in Beijing: next year
    assert local_date("2026-08-31 20:00", "Europe/London", "Asia/Shanghai") == "2026-09-01"
    assert local_date("2026-08-31 20:00", "Asia/Shanghai", "Asia/Shanghai") == "2026-08-31"


def _event(
    event_id: str, start: str, organiser: str, kind: str = "salon", **extra: object
) -> Event:
    return Event(event_id, "活动", kind, start, start, "地点", organiser, "简介", **extra)


def test_events_roadshows_mentors_and_cases_are_counted_by_hand() -> None:
    model = fixture.model()
    model.events = {
        # organised by the textile nursery (its name is in the organiser), in 2025-2026
        "a": _event("a", "2026-03-18 19:00", "纺织学院创业苗圃"),
        # by a school office: no college's
        "b": _event("b", "2026-04-01 19:00", "校团委"),
        # a roadshow with t1, c1 and t1 again (once per project), by the computing association
        "c": _event(
            "c",
            "2026-05-20 14:00",
            "计算机学院创客协会",
            kind="roadshow",
            projects=("t1", "c1", "t1"),
        ),
        # the textile college in 2024-2025: another year
        "d": _event("d", "2025-08-31 19:00", "纺织学院"),
    }
    model.cases = {
        "p": TypicalCase(
            "p",
            "t1",
            2026,
            "tech-innovation",
            "标题",
            "导语",
            "金句",
            "published",
            publish_date="2026-05-20",
        ),
        "q": TypicalCase("q", "c1", 2026, "tech-innovation", "标题", "导语", "金句", "draft"),
    }
    figures = college_figures(model, AcademicYear(2025), "Asia/Shanghai", fixture.AS_OF)
    textile, computing = figures["textile"], figures["computing"]
    assert (textile["events.organised"], computing["events.organised"]) == (1, 1)  # a; c
    assert (textile["roadshow.projects"], computing["roadshow.projects"]) == (1, 1)  # t1; c1
    # every project names wang-laoshi (tests.factories): one mentor each, counted once
    assert (textile["mentors.engaged"], computing["mentors.engaged"]) == (1, 1)
    assert (textile["cases.typical"], computing["cases.typical"]) == (1, 0)  # q is a draft


def test_what_has_not_happened_by_the_assessment_date_is_not_counted() -> None:
    """The year in progress counts held roadshows and published cases only (testers saw a
    roadshow ten days ahead scored as 路演参与)."""
    model = fixture.model()
    held = _event("held", "2026-11-20 14:00", "纺织学院", kind="roadshow", projects=("t1",))
    ahead = _event("ahead", "2026-12-10 09:00", "计算机学院", kind="roadshow", projects=("c1",))
    model.events = {"held": held, "ahead": ahead}
    scheduled = TypicalCase(
        "s", "c1", 2026, "tech-innovation", "标题", "导语", "金句", "approved",
        publish_date="2026-12-15",
    )  # fmt: skip
    model.cases = {"s": scheduled}
    figures = college_figures(model, AcademicYear(2026), "Asia/Shanghai", fixture.AS_OF)
    textile, computing = figures["textile"], figures["computing"]
    assert (textile["roadshow.projects"], textile["events.organised"]) == (1, 1)
    assert (computing["roadshow.projects"], computing["events.organised"]) == (0, 0)
    assert computing["cases.typical"] == 0
    later = college_figures(model, AcademicYear(2026), "Asia/Shanghai", date(2026, 12, 20))
    assert later["computing"]["roadshow.projects"] == 1 and later["computing"]["cases.typical"] == 1


def test_a_mentor_of_two_colleges_counts_once_for_the_school() -> None:
    model = fixture.model()  # every project names wang-laoshi (tests.factories)
    result = score_year(model, fixture.plan(), AcademicYear(2025), fixture.AS_OF)
    by_college = [dict(c.figures)["mentors.engaged"] for c in result.colleges]
    assert sum(by_college) >= 2  # each college counts its mentors
    assert result.totals("mentors.engaged") == 1  # the school counts the person once


def test_the_trend_marks_the_year_in_progress() -> None:
    """A year under way looks like a collapse in a trend unless it says so."""
    assessment = assess(fixture.model(), fixture.plan(), fixture.AS_OF)  # 2026-11-30
    notes = {row[0]: row[-1] for row in trend_table(assessment).rows}
    assert notes["2026-2027"] == "学年进行中，数字还会增加"
    assert notes["2025-2026"] == ""
