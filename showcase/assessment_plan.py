"""The assessment plan (评估办法) as the scoring engine and the pages see it, after validation.

`content/assessment.yaml` is the one owner of every indicator, weight and scoring rule:
the engine (`showcase.assessment`) scores from it and the 评估办法 page is written from
it, so the published rules cannot drift from the numbers (as OpenSSF Scorecard generates
its checks document from the file that drives the checks).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SCORING_KINDS = {"threshold": "门槛加增量", "ratio": "按比例折算"}
RATIO_BASES = {"students": "学生人数", "teams": "项目（团队）数"}


@dataclass(frozen=True)
class Scoring:
    """How a raw figure becomes points (at most the indicator's weight).

    ``threshold``: below `threshold` no points; at it `base` points, then `increment` per
    unit more, up to `cap` (the weight when not given). ``ratio``: the figure divided by
    the college's students (per `unit`, e.g. per 1,000) or its number of teams; full
    weight at `full_at`, in proportion below it.
    """

    kind: str
    threshold: float = 0
    base: float = 0
    increment: float = 0
    cap: float | None = None
    per: str = ""
    unit: float = 1
    full_at: float = 0


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    counts: str
    """What it counts, in a sentence, for the 评估办法 page."""
    source: str
    """A source id of `showcase.assessment.sources.SOURCES`."""
    weight: float
    """The most points it can give; 0 = shown but not counted."""
    scoring: Scoring
    minimum: int = 0
    """Below this raw count the figure is shown but not scored (small numbers)."""


@dataclass(frozen=True)
class AssessmentPlan:
    indicators: tuple[Indicator, ...]
    start_month: int = 9
    """The academic year's first month (September to August)."""
    timezone: str = "Asia/Shanghai"
    minimum_projects: int = 0
    """A college with fewer projects in a year is listed, marked and not ranked."""
    advanced_top: int | None = None
    """先进单位: at most this many of the ranked colleges …"""
    advanced_minimum: float | None = None
    """… each with at least this total (either or both may be set)."""
    title: str = "学院创业苗圃评估办法"
    introduction: str = ""


def plan_from_data(data: dict[str, Any]) -> AssessmentPlan:
    """The plan of a validated ``content/assessment.yaml``."""
    period = data.get("period", {})
    ranking = data.get("ranking", {})
    advanced = data.get("advanced", {})
    return AssessmentPlan(
        indicators=tuple(_indicator(item) for item in data["indicators"]),
        start_month=period.get("start_month", 9),
        timezone=period.get("timezone", "Asia/Shanghai"),
        minimum_projects=ranking.get("minimum_projects", 0),
        advanced_top=advanced.get("top"),
        advanced_minimum=advanced.get("minimum_total"),
        title=data.get("title", AssessmentPlan.title),
        introduction=data.get("introduction", ""),
    )


def _indicator(item: dict[str, Any]) -> Indicator:
    return Indicator(
        id=item["id"],
        name=item["name"],
        counts=item["counts"],
        source=item["source"],
        weight=item["weight"],
        scoring=Scoring(**item["scoring"]),
        minimum=item.get("minimum", 0),
    )
