"""Scores, ranks and 先进单位 per college per academic year, explained indicator by indicator.

Each indicator gives at most its weight in points (`points`); a college's total is their
sum. A figure below the indicator's minimum is shown but scores nothing; a college with
fewer projects than the plan's minimum is listed with its figures, marked and not ranked
(small numbers are marked rather than ranked); a college without projects appears with
zeros. Points are rounded half up to two decimals once, here, so every output shows the
same numbers.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from showcase.assessment.periods import AcademicYear, year_of
from showcase.assessment.sources import Figures, yearly_figures
from showcase.assessment_plan import AssessmentPlan, Indicator
from showcase.model import College, Model

Count = Callable[
    [Model, Sequence[AcademicYear], str, datetime.date],
    list[tuple[Figures, tuple[tuple[str, float], ...]]],
]
"""The signature of `yearly_figures`."""

SCORED, BELOW_MINIMUM, NO_DATA, NO_BASE, NOT_COUNTED = (
    "scored",
    "below-minimum",
    "no-data",
    "no-base",
    "not-counted",
)
STATUS_NOTES = {
    SCORED: "",
    BELOW_MINIMUM: "低于最低数量，列出不计分",
    NO_DATA: "无数据",
    NO_BASE: "缺少学生人数，不计分",
    NOT_COUNTED: "仅展示，不计分",
}


@dataclass(frozen=True)
class IndicatorResult:
    indicator: Indicator
    raw: float | None
    """The counted figure; None when the data has none (calls before they exist)."""
    ratio: float | None
    """For a ratio indicator, the figure per unit of students or per team."""
    points: float
    status: str


@dataclass(frozen=True)
class CollegeResult:
    college: College
    results: tuple[IndicatorResult, ...]
    total: float
    projects: int
    students: int | None
    figures: tuple[tuple[str, float | None], ...] = ()
    """Every source's figure (`showcase.assessment.sources.SOURCES`), scored or not."""
    rank: int | None = None
    """1-based, ties share a rank; None when not ranked (see `note`)."""
    note: str = ""
    advanced: bool = False
    reason: str = ""
    """Why it is (or is not) 先进单位, in Chinese."""


@dataclass(frozen=True)
class YearResult:
    year: AcademicYear
    colleges: tuple[CollegeResult, ...]
    """Ranked colleges by rank, then the unranked by total, then id."""
    has_data: bool
    complete: bool
    """Whether the year had ended by the assessment date."""
    school: tuple[tuple[str, float], ...] = ()
    """School-wide figures that are not the sum of the colleges' (a mentor who helps
    projects of two colleges counts once for the school)."""

    def totals(self, source: str) -> float | None:
        """The school-wide figure: `school`'s, else the colleges' sum (None when no college
        has data)."""
        school = dict(self.school)
        if source in school:
            return school[source]
        known = [v for c in self.colleges if (v := dict(c.figures)[source]) is not None]
        return sum(known) if known else None

    def advanced(self) -> list[CollegeResult]:
        return [c for c in self.colleges if c.advanced]


@dataclass(frozen=True)
class Assessment:
    plan: AssessmentPlan
    years: tuple[YearResult, ...]
    """Oldest first, up to the year holding the assessment date."""
    as_of: datetime.date

    def year(self, label: str) -> YearResult | None:
        return next((y for y in self.years if y.year.label == label), None)

    def default_year(self) -> YearResult | None:
        """The last year that has ended (the one assessed), else the current one."""
        ended = [y for y in self.years if y.complete]
        return ended[-1] if ended else (self.years[-1] if self.years else None)


def assess(
    model: Model, plan: AssessmentPlan, as_of: datetime.date, count: Count = yearly_figures
) -> Assessment:
    """Score every college in every academic year from the first project's to `as_of`'s;
    `count` gives what `yearly_figures` gives (a render may take it from its memo)."""
    first_dates = [p.started for p in model.projects.values()]
    last = year_of(as_of.isoformat(), plan.start_month)
    first = year_of(min(first_dates), plan.start_month) if first_dates else last
    years = [
        AcademicYear(y, plan.start_month)
        for y in range(min(first.first, last.first), last.first + 1)
    ]
    counted = count(model, years, plan.timezone, as_of)
    results = [
        _scored_year(model, plan, year, as_of, figures, school)
        for year, (figures, school) in zip(years, counted, strict=True)
    ]
    return Assessment(plan, tuple(results), as_of)


def score_year(
    model: Model, plan: AssessmentPlan, year: AcademicYear, as_of: datetime.date
) -> YearResult:
    ((figures, school),) = yearly_figures(model, (year,), plan.timezone, as_of)
    return _scored_year(model, plan, year, as_of, figures, school)


def _scored_year(
    model: Model,
    plan: AssessmentPlan,
    year: AcademicYear,
    as_of: datetime.date,
    figures: Figures,
    school: tuple[tuple[str, float], ...],
) -> YearResult:
    has_data = any(value for values in figures.values() for value in values.values())
    colleges = [
        _score_college(college, figures[college.id], plan, year)
        for college in model.colleges.values()
    ]
    ranked = _rank([c for c in colleges if not c.note], plan)
    unranked = sorted((c for c in colleges if c.note), key=lambda c: (-c.total, c.college.id))
    complete = year.end < as_of.isoformat()
    return YearResult(year, tuple(ranked + unranked), has_data, complete, school)


def points(indicator: Indicator, raw: float, base: float | None) -> tuple[float, float | None]:
    """The points `raw` earns (and the ratio, for a ratio rule) before minimum checks."""
    scoring = indicator.scoring
    if scoring.kind == "ratio":
        if not base:
            return 0.0, None
        ratio = raw / (base / scoring.unit)
        return _round(indicator.weight * min(1.0, ratio / scoring.full_at)), _round(ratio)
    if raw < scoring.threshold:
        return 0.0, None
    cap = indicator.weight if scoring.cap is None else scoring.cap
    return _round(min(cap, scoring.base + scoring.increment * (raw - scoring.threshold))), None


def _score_college(
    college: College, figures: dict[str, float | None], plan: AssessmentPlan, year: AcademicYear
) -> CollegeResult:
    projects = int(figures["projects.active"] or 0)
    students = dict(college.students).get(year.label)
    results = []
    for indicator in plan.indicators:
        raw = figures[indicator.source]
        per = indicator.scoring.per
        base = float(students) if per == "students" and students else None
        base = float(projects) if per == "teams" else base
        if raw is None:
            results.append(IndicatorResult(indicator, None, None, 0.0, NO_DATA))
            continue
        earned, ratio = points(indicator, raw, base)
        if indicator.scoring.kind == "ratio" and not base:
            status = NO_BASE if per == "students" else BELOW_MINIMUM
        elif raw < indicator.minimum:
            status, earned = BELOW_MINIMUM, 0.0
        else:
            status = SCORED if indicator.weight else NOT_COUNTED
        results.append(IndicatorResult(indicator, raw, ratio, earned, status))
    total = _round(sum(r.points for r in results))
    note = ""
    if projects < plan.minimum_projects:
        note = f"在孵项目少于 {plan.minimum_projects} 个，列出但不参与排名"
    return CollegeResult(
        college, tuple(results), total, projects, students, tuple(figures.items()), note=note
    )


def _rank(colleges: list[CollegeResult], plan: AssessmentPlan) -> list[CollegeResult]:
    ordered = sorted(colleges, key=lambda c: (-c.total, c.college.id))
    ranked = []
    for index, college in enumerate(ordered):
        tied = index and ordered[index - 1].total == college.total
        rank = ranked[-1].rank if tied else index + 1
        advanced, reason = _advanced(college.total, rank, plan)
        ranked.append(replace(college, rank=rank, advanced=advanced, reason=reason))
    return ranked


def advanced_condition(plan: AssessmentPlan) -> str:
    """The 先进单位 rule in words, e.g. 排名前 3 名且总分不低于 40 分."""
    parts = []
    if plan.advanced_top is not None:
        parts.append(f"排名前 {plan.advanced_top} 名")
    if plan.advanced_minimum is not None:
        parts.append(f"总分不低于 {format_number(plan.advanced_minimum)} 分")
    return "且".join(parts)


def _advanced(total: float, rank: int, plan: AssessmentPlan) -> tuple[bool, str]:
    if plan.advanced_top is None and plan.advanced_minimum is None:
        return False, ""
    in_top = plan.advanced_top is None or rank <= plan.advanced_top
    enough = plan.advanced_minimum is None or total >= plan.advanced_minimum
    said = f"总分 {format_number(total)} 分，排名第 {rank}"
    if in_top and enough:
        return True, f"{said}，符合“{advanced_condition(plan)}”"
    missing = "未进入前 " + str(plan.advanced_top) + " 名" if not in_top else ""
    if not enough:
        missing = "总分低于 " + format_number(plan.advanced_minimum or 0) + " 分"
    return False, f"{said}，{missing}"


def format_number(value: float) -> str:
    """``12``, ``12.5``, ``12.25``: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _round(value: float) -> float:
    return float(Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
