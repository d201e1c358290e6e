"""The engine's figures, points, ranks and 先进单位 for the hand-worked fixture (fixture.py).

Every expected number is written out with its arithmetic, so a reader can check the
engine against the plan without running it.
"""

from __future__ import annotations

import jsonschema
import pytest

from showcase.assessment import assess
from showcase.assessment.scoring import BELOW_MINIMUM, NOT_COUNTED, SCORED, YearResult
from showcase.model import Model
from tests.assessment import fixture
from tests.factories import shipped_schema

YEAR = "2025-2026"


@pytest.fixture(scope="module")
def year() -> YearResult:
    found = assess(fixture.model(), fixture.plan(), fixture.AS_OF).year(YEAR)
    assert found is not None
    return found


def by_college(year: YearResult) -> dict[str, dict[str, tuple[float | None, float, str]]]:
    return {
        c.college.id: {r.indicator.id: (r.raw, r.points, r.status) for r in c.results}
        for c in year.colleges
    }


def test_the_fixture_plan_is_a_valid_assessment_file() -> None:
    jsonschema.validate(fixture.PLAN_DATA, shipped_schema("assessment"))


def test_raw_figures_are_counted_by_hand(year: YearResult) -> None:
    figures = {c.college.id: dict(c.figures) for c in year.colleges}
    textile, computing, arts = figures["textile"], figures["computing"], figures["arts"]
    assert textile["projects.active"] == 2  # t1, t2 (t3 is closed)
    assert textile["projects.new"] == 1  # t2 started 2025-11
    assert textile["ladder.moves"] == 1  # t1 nursery → makerspace 2025-10
    assert textile["achievements.award"] == 2  # t1 2026-03, t3 2025-10 (not t1 2025-08)
    assert textile["money.raised"] == 300000  # t1 2025-12 (not t2's 2026-09)
    assert textile["money.contracts"] == 50000  # t2 2026-01
    assert textile["projects.level.makerspace"] == 1  # t1 at 2026-08-31
    assert textile["projects.level.nursery"] == 1  # t2
    assert computing["projects.active"] == 2  # c1, c2
    assert computing["projects.new"] == 1  # c1 started 2025-09
    assert computing["ladder.moves"] == 2  # c1 → makerspace 2026-02, → incubator 2026-08
    assert computing["ladder.to-makerspace"] == 1
    assert computing["ladder.to-incubator"] == 1
    assert computing["projects.level.incubator"] == 1  # c1 at 2026-08-31
    assert computing["projects.level.nursery"] == 1  # c2 has no milestones: its level
    assert computing["money.raised"] == 50000
    assert all(value in (0, None) for value in arts.values())  # no projects: zeros
    assert arts["calls.applications"] is None  # no call records yet: no data, not zero


def test_points_are_computed_by_hand(year: YearResult) -> None:
    scores = by_college(year)
    assert scores["textile"] == {
        # 2 projects / (2000 / 1000) = 1.0 per thousand; 30 × min(1, 1.0 / 2) = 15
        "active": (2, 15.0, SCORED),
        # 1 ≥ threshold 1: base 20 + 10 × (1 − 1) = 20
        "moves": (1, 20.0, SCORED),
        # ¥300,000 / 2 teams = 150,000; 20 × min(1, 150,000 / 100,000) = 20
        "money": (300000, 20.0, SCORED),
        # 2 awards: 10 + 5 × (2 − 1) = 15
        "awards": (2, 15.0, SCORED),
        "contracts": (50000, 0.0, NOT_COUNTED),
    }
    assert scores["computing"] == {
        # 2 / (1000 / 1000) = 2 per thousand; 30 × min(1, 2 / 2) = 30
        "active": (2, 30.0, SCORED),
        # 2 moves: 20 + 10 × (2 − 1) = 30, at the cap (the weight, 30)
        "moves": (2, 30.0, SCORED),
        # ¥50,000 / 2 teams = 25,000; 20 × 25,000 / 100,000 = 5
        "money": (50000, 5.0, SCORED),
        # 0 awards < threshold 1: 0
        "awards": (0, 0.0, SCORED),
        "contracts": (0, 0.0, NOT_COUNTED),
    }
    # arts: 0 projects < minimum 1 (shown, not scored); money per team with no team
    assert scores["arts"]["active"] == (0, 0.0, BELOW_MINIMUM)
    assert scores["arts"]["money"] == (0, 0.0, BELOW_MINIMUM)


def test_totals_ranks_and_advanced_are_computed_by_hand(year: YearResult) -> None:
    summary = [(c.college.id, c.total, c.rank, c.advanced) for c in year.colleges]
    assert summary == [
        ("textile", 70.0, 1, True),  # 15 + 20 + 20 + 15 = 70 ≥ 50, rank 1 ≤ top 1
        ("computing", 65.0, 2, False),  # 30 + 30 + 5 + 0 = 65, rank 2 > top 1
        ("arts", 0.0, None, False),  # 0 projects < 2: listed, not ranked
    ]
    textile, computing, arts = year.colleges
    assert textile.reason == "总分 70 分，排名第 1，符合“排名前 1 名且总分不低于 50 分”"
    assert computing.reason == "总分 65 分，排名第 2，未进入前 1 名"
    assert arts.note == "在孵项目少于 2 个，列出但不参与排名"


def test_years_run_from_the_first_project_to_the_assessment_date() -> None:
    result = assess(fixture.model(), fixture.plan(), fixture.AS_OF)
    # c2 started 2022-01 → 2021-2022; 2026-11-30 → 2026-2027
    assert [y.year.label for y in result.years] == [
        "2021-2022",
        "2022-2023",
        "2023-2024",
        "2024-2025",
        "2025-2026",
        "2026-2027",
    ]
    assert [y.complete for y in result.years][-2:] == [True, False]
    assert result.default_year().year.label == YEAR  # the last year that has ended


def test_a_year_without_data_says_so_and_every_college_appears_with_zeros() -> None:
    empty = fixture.model()
    empty = Model(
        empty.site, empty.colleges, empty.mentors, empty.fields, {}, assessment=fixture.plan()
    )
    result = assess(empty, fixture.plan(), fixture.AS_OF)
    assert [(y.year.label, y.has_data) for y in result.years] == [("2026-2027", False)]
    year = result.years[0]
    assert {c.college.id for c in year.colleges} == {"textile", "computing", "arts"}
    assert all(c.total == 0 and c.rank is None for c in year.colleges)


def test_ties_share_a_rank() -> None:
    tied = fixture.model()
    twin = tied.colleges["computing"]
    tied.colleges["twin"] = type(twin)(
        "twin", "孪生学院", "苗圃", "协会", ("a",), students=twin.students
    )
    for project in list(tied.projects.values()):
        if project.college == "computing":
            copy = type(project)(
                **{**project.__dict__, "id": "twin-" + project.id, "college": "twin"}
            )
            tied.projects[copy.id] = copy
    year = assess(tied, fixture.plan(), fixture.AS_OF).year(YEAR)
    assert [(c.college.id, c.rank) for c in year.colleges][:3] == [
        ("textile", 1),
        ("computing", 2),
        ("twin", 2),
    ]
