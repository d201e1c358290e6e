"""Combined scores, ranks and allocations of a small fixture, worked out by hand."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.funding.scoring import Category, allocate, review_total, scale, standings

CATEGORIES = [
    Category("value", "选题价值", 0.4, 0, 10),
    Category("plan", "内容设计", 0.3, 0, 10),
    Category("team", "条件保障", 0.3, 0, 10),
]


def scores(value: float, plan: float, team: float) -> dict[str, float]:
    return {"value": value, "plan": plan, "team": team}


# Review totals, weighted sums 0.4·value + 0.3·plan + 0.3·team:
#   a: r1 (8, 7, 9) → 3.2 + 2.1 + 2.7 = 8.0;   r2 (6, 6, 6) → 6.0
#   b: r1 (5, 5, 5) → 5.0;                     r3 (9, 8, 7) → 3.6 + 2.4 + 2.1 = 8.1
#   c: r2 (7, 7, 7) → 7.0;                     r3 (4, 6, 5) → 1.6 + 1.8 + 1.5 = 4.9
#   d: r1 (7, 7, 7) → 7.0;                     r3 (7, 7, 7) → 7.0
TOTALS = {
    "a": {
        "r1": review_total(CATEGORIES, scores(8, 7, 9)),
        "r2": review_total(CATEGORIES, scores(6, 6, 6)),
    },
    "b": {
        "r1": review_total(CATEGORIES, scores(5, 5, 5)),
        "r3": review_total(CATEGORIES, scores(9, 8, 7)),
    },
    "c": {
        "r2": review_total(CATEGORIES, scores(7, 7, 7)),
        "r3": review_total(CATEGORIES, scores(4, 6, 5)),
    },
    "d": {
        "r1": review_total(CATEGORIES, scores(7, 7, 7)),
        "r3": review_total(CATEGORIES, scores(7, 7, 7)),
    },
}


def test_review_totals_are_the_weighted_sums() -> None:
    assert {p: list(t.values()) for p, t in TOTALS.items()} == {
        "a": [8.0, 6.0],
        "b": [5.0, 8.1],
        "c": [7.0, 4.9],
        "d": [7.0, 7.0],
    }
    assert scale(CATEGORIES) == (0.0, 10.0)


def test_mean_ranks_ties_and_disagreement() -> None:
    # means: a (8.0 + 6.0)/2 = 7.0; b (5.0 + 8.1)/2 = 6.55; c (7.0 + 4.9)/2 = 5.95; d 7.0
    # a and d tie at 7.0 → both rank 1 (a first by id), b rank 3, c rank 4.
    # spreads (population sd of two values = half their difference): a 1.0, b 1.55,
    # c 1.05, d 0; threshold 15 % of the scale 0–10 = 1.5 → only b disagrees.
    ranked = standings(CATEGORIES, TOTALS, "mean")
    assert [(s.project, s.combined, s.rank, s.tie) for s in ranked] == [
        ("a", 7.0, 1, True),
        ("d", 7.0, 1, True),
        ("b", 6.55, 3, False),
        ("c", 5.95, 4, False),
    ]
    assert {s.project: round(s.spread, 2) for s in ranked} == {
        "a": 1.0,
        "d": 0.0,
        "b": 1.55,
        "c": 1.05,
    }
    assert [s.project for s in ranked if s.disagreement] == ["b"]
    assert [s.project for s in standings(CATEGORIES, TOTALS, "mean", 1.0) if s.disagreement] == [
        "b",
        "c",
    ]


def test_median_of_three_reviews_is_the_middle_one() -> None:
    # e: totals 5, 8, 9 → median 8 (mean would be 7.33); f: 7, 7, 7 → 7
    totals = {"e": {"r1": 5.0, "r2": 8.0, "r3": 9.0}, "f": {"r1": 7.0, "r2": 7.0, "r3": 7.0}}
    ranked = standings(CATEGORIES, totals, "median")
    assert [(s.project, s.combined, s.rank) for s in ranked] == [("e", 8.0, 1), ("f", 7.0, 2)]
    assert round(ranked[0].mean, 2) == 7.33


def test_normalised_mean_lifts_the_application_of_a_harsh_reviewer() -> None:
    # r1 gives a 8, b 6 (own mean 7, sd 1); r2 gives b 4, c 2 (own mean 3, sd 1).
    # All totals 8, 6, 4, 2: μ = 5, σ = √((9 + 1 + 1 + 9)/4) = √5 ≈ 2.236.
    # Back on the scale μ + σ·z: r1 a → 5 + √5, r1 b → 5 − √5, r2 b → 5 + √5, r2 c → 5 − √5.
    # a = 5 + √5 = 7.24; b = ((5 − √5) + (5 + √5))/2 = 5.0; c = 5 − √5 = 2.76
    # (plain means: a 8, b 5, c 2).
    totals = {"a": {"r1": 8.0}, "b": {"r1": 6.0, "r2": 4.0}, "c": {"r2": 2.0}}
    ranked = standings(CATEGORIES, totals, "normalised-mean")
    assert [(s.project, s.combined) for s in ranked] == [("a", 7.24), ("b", 5.0), ("c", 2.76)]


def test_a_reviewer_who_gives_everyone_the_same_total_is_mapped_to_the_centre() -> None:
    # r1: 6, 6 (sd 0) → both at μ = (6 + 6 + 9 + 3)/4 = 6; r2: 9, 3 (mean 6, sd 3);
    # σ = √((0 + 0 + 9 + 9)/4) = √4.5 ≈ 2.121: r2 a → 6 + 2.121, r2 b → 6 − 2.121.
    # a = (6 + 8.121)/2 = 7.06; b = (6 + 3.879)/2 = 4.94
    totals = {"a": {"r1": 6.0, "r2": 9.0}, "b": {"r1": 6.0, "r2": 3.0}}
    ranked = standings(CATEGORIES, totals, "normalised-mean")
    assert [(s.project, s.combined) for s in ranked] == [("a", 7.06), ("b", 4.94)]


def test_the_budget_goes_by_rank_within_the_cap_and_the_total() -> None:
    # cap 30 000, total 70 000; order a, d, b, c (ties by id):
    #   a asks 20 000 → min(20 000, 30 000, 70 000) = 20 000, 50 000 left
    #   d asks 40 000 → min(40 000, 30 000, 50 000) = 30 000, 20 000 left
    #   b asks 30 000 → min(30 000, 30 000, 20 000) = 20 000, 0 left
    #   c asks nothing (= the cap) → min(30 000, 30 000, 0) = 0
    ranked = standings(CATEGORIES, TOTALS, "mean")
    requested = {"a": 20000, "d": 40000, "b": 30000, "c": None}
    granted = allocate(ranked, requested, cap=30000, total=70000)
    assert [(s.project, s.granted) for s in granted] == [
        ("a", 20000),
        ("d", 30000),
        ("b", 20000),
        ("c", 0),
    ]
    # only b's grant is cut by the budget (d's by the cap, c gets nothing: not a grant)
    assert [(s.project, s.budget_short) for s in granted] == [
        ("a", 0),
        ("d", 0),
        ("b", 10000),
        ("c", 0),
    ]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=200000), max_size=12),
    st.integers(min_value=1, max_value=100000),
    st.integers(min_value=0, max_value=500000),
)
def test_no_grant_exceeds_its_request_the_cap_or_what_is_left(
    asks: list[int], cap: int, total: int
) -> None:
    totals = {f"p{i:02}": {"r": float(i)} for i in range(len(asks))}
    ranked = standings(CATEGORIES, totals, "mean")
    requested = {f"p{i:02}": ask for i, ask in enumerate(asks)}
    granted = allocate(ranked, requested, cap, total)
    assert sum(s.granted for s in granted) <= total
    assert all(0 <= s.granted <= min(cap, requested[s.project]) for s in granted)
    # a later application gets money only once every earlier one got all it could
    for earlier, later in itertools.pairwise(granted):
        if later.granted:
            assert earlier.granted == min(cap, requested[earlier.project])


@pytest.mark.parametrize("method", ["mean", "median", "normalised-mean"])
def test_every_method_gives_every_reviewed_project_one_rank(method: str) -> None:
    ranked = standings(CATEGORIES, TOTALS, method)
    assert sorted(s.project for s in ranked) == ["a", "b", "c", "d"]
    assert ranked[0].rank == 1
