"""From the reviewers' scores to a ranked list and the money: pure arithmetic.

The rules, as the organiser's guide states them:

* A review's total is the weighted sum of its category scores (a weight 0 category is
  shown but not counted), on the scale ``Σ wᵢ·minᵢ … Σ wᵢ·maxᵢ``.
* Across an application's reviewers the call picks ``mean``, ``median`` or
  ``normalised-mean``: each reviewer's totals become z-scores against that reviewer's own
  mean and (population) standard deviation, are mapped back onto the scale with the mean
  and standard deviation of all totals (``μ + σ·(x − μⱼ)/σⱼ``), and are averaged. A
  reviewer whose totals are all equal (or who reviewed one application) is mapped to μ.
* Disagreement: the (population) standard deviation of an application's review totals is
  above the threshold (by default 15 % of the scale's width).
* Ranks: by the combined score rounded to two decimals, highest first; equal scores share
  a rank (1, 2, 2, 4) and are flagged as a tie for the office; within a tie the order
  below is by project id, and the office decides.
* Money, in rank order: ``granted = min(requested, cap, remaining)``; an application
  without a requested amount asks for the cap. When the remainder is 0, the rest get 0.
  A grant cut short by the remainder is flagged for the office (`Standing.budget_short`).
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass, replace

COMBINE_METHODS = ("mean", "median", "normalised-mean")
DISAGREEMENT_SHARE = 0.15
"""Default disagreement threshold: this share of the width of the total's scale."""


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    weight: float
    min: float
    max: float
    description: str = ""
    """What the reviewers judge under it (the call file's words), shown in their packets."""

    @property
    def share(self) -> str:
        """The weight as written for people: ``20%``."""
        return f"{round(self.weight * 100, 1):g}%"

    @property
    def span(self) -> str:
        """The range of scores as written for people: ``0–10``."""
        return f"{_number(self.min)}–{_number(self.max)}"

    @property
    def heading(self) -> str:
        """The column heading of the score sheet (also what a returned sheet must keep)."""
        return f"{self.name}（{self.span}）"


@dataclass(frozen=True)
class Standing:
    """One application's place in the results."""

    project: str
    totals: tuple[float, ...]
    """The review totals, in panel order."""
    combined: float
    mean: float
    median: float
    spread: float
    """Population standard deviation of the totals."""
    disagreement: bool
    rank: int = 0
    tie: bool = False
    requested: int | None = None
    granted: int = 0
    budget_short: int = 0
    """How much less than ``min(requested, cap)`` a partial grant gives because the budget
    ran out (the last funded application gets the remainder): the office decides on it."""


def review_total(categories: list[Category], scores: Mapping[str, float]) -> float:
    return round(sum(c.weight * scores[c.id] for c in categories), 4)


def scale(categories: list[Category]) -> tuple[float, float]:
    return (
        round(sum(c.weight * c.min for c in categories), 4),
        round(sum(c.weight * c.max for c in categories), 4),
    )


def standings(
    categories: list[Category],
    totals: Mapping[str, Mapping[str, float]],
    method: str,
    threshold: float | None = None,
) -> list[Standing]:
    """Rank the projects of `totals` (project → reviewer → review total)."""
    limit = disagreement_limit(categories, threshold)
    adjusted = _normalised(totals) if method == "normalised-mean" else totals
    unranked = []
    for project, by_reviewer in totals.items():
        values = tuple(by_reviewer.values())
        if not values:
            continue
        mean, median = statistics.fmean(values), statistics.median(values)
        combined = {
            "mean": mean,
            "median": median,
            "normalised-mean": statistics.fmean(adjusted[project].values()),
        }[method]
        spread = statistics.pstdev(values)
        unranked.append(
            Standing(project, values, round(combined, 2), mean, median, spread, spread > limit)
        )
    return _ranked(unranked)


def disagreement_limit(categories: list[Category], threshold: float | None = None) -> float:
    """The spread above which reviewers disagree: `threshold`, else 15 % of the scale."""
    low, high = scale(categories)
    return round(DISAGREEMENT_SHARE * (high - low), 4) if threshold is None else threshold


def allocate(
    ranked: list[Standing], requested: Mapping[str, int | None], cap: int, total: int
) -> list[Standing]:
    """Grant ``min(requested, cap, remaining)`` in rank order."""
    remaining, granted = total, []
    for standing in ranked:
        asked = requested.get(standing.project)
        due = min(cap if asked is None else asked, cap)
        amount = min(due, remaining)
        remaining -= amount
        short = due - amount if amount else 0
        granted.append(replace(standing, requested=asked, granted=amount, budget_short=short))
    return granted


def _normalised(totals: Mapping[str, Mapping[str, float]]) -> dict[str, dict[str, float]]:
    every = [value for by_reviewer in totals.values() for value in by_reviewer.values()]
    if not every:
        return {}
    centre, width = statistics.fmean(every), statistics.pstdev(every)
    per_reviewer: dict[str, list[float]] = {}
    for by_reviewer in totals.values():
        for reviewer, value in by_reviewer.items():
            per_reviewer.setdefault(reviewer, []).append(value)
    habits = {r: (statistics.fmean(v), statistics.pstdev(v)) for r, v in per_reviewer.items()}
    return {
        project: {
            reviewer: centre + _z(value, *habits[reviewer]) * width
            for reviewer, value in by_reviewer.items()
        }
        for project, by_reviewer in totals.items()
    }


def _z(value: float, mean: float, spread: float) -> float:
    return (value - mean) / spread if spread else 0.0


def _ranked(unranked: list[Standing]) -> list[Standing]:
    ordered = sorted(unranked, key=lambda s: (-s.combined, s.project))
    counts: dict[float, int] = {}
    for standing in ordered:
        counts[standing.combined] = counts.get(standing.combined, 0) + 1
    ranked, place = [], {}
    for index, standing in enumerate(ordered, start=1):
        rank = place.setdefault(standing.combined, index)
        ranked.append(replace(standing, rank=rank, tie=counts[standing.combined] > 1))
    return ranked


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
