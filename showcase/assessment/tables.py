"""The assessment's tables, as data: one owner for the dashboard, the workbook and the CSVs.

Each `Table` has a Chinese title (also its sheet and file name), Chinese headers and typed
cells: numbers stay numbers (the workbook formats money as money), None is "no data".
"""

from __future__ import annotations

from dataclasses import dataclass

from showcase.assessment.rules_text import scoring_text
from showcase.assessment.scoring import (
    SCORED,
    STATUS_NOTES,
    Assessment,
    CollegeResult,
    YearResult,
    format_number,
)
from showcase.assessment.sources import SOURCES
from showcase.model import ACHIEVEMENT_TYPES, LEVELS, STAGES

Cell = str | int | float | None
TEXT, COUNT, MONEY, POINTS = "text", "count", "money", "points"

FIGURE_SOURCES = (
    "projects.active",
    "projects.new",
    *(f"projects.level.{level}" for level in LEVELS),
    *(f"projects.stage.{stage}" for stage in STAGES),
    "ladder.moves",
    "ladder.to-makerspace",
    "ladder.to-incubator",
    *(f"achievements.{kind}" for kind in ACHIEVEMENT_TYPES),
    "money.raised",
    "money.contracts",
    "calls.applications",
    "calls.funded",
    "calls.funding",
    "calls.checkpoints-passed",
    "events.organised",
    "roadshow.projects",
    "mentors.engaged",
    "cases.typical",
)
"""The raw figures shown per college, in reading order (every source, once)."""


@dataclass(frozen=True)
class Table:
    key: str
    """ASCII file stem of its CSV, e.g. ``ranking``."""
    name: str
    """Chinese title: the sheet's and the CSV file's name (at most 31 characters)."""
    headers: tuple[str, ...]
    kinds: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str = ""
    row_header: int = 0
    """The column that names a row (学院 after 排名 in the ranking): it stays in view
    while a wide table scrolls, on the page (sticky) and in the workbook (it and the
    columns before it are frozen)."""


def _kind(source: str) -> str:
    return MONEY if SOURCES[source].money else COUNT


def _header(source: str) -> str:
    found = SOURCES[source]
    return f"{found.label}（{found.unit}）"


def figures_table(year: YearResult) -> Table:
    """Every college's raw figures for the year (projects by level and stage, ladder,
    achievements by type, money, calls, events, roadshows, mentors, cases)."""
    rows = []
    for college in sorted(year.colleges, key=lambda c: c.college.id):
        raw = college_raw(college)
        rows.append((college.college.name, *(raw[source] for source in FIGURE_SOURCES)))
    return Table(
        "figures",
        f"{year.year.label} 各学院数据",
        ("学院", *(_header(s) for s in FIGURE_SOURCES)),
        (TEXT, *(_kind(s) for s in FIGURE_SOURCES)),
        tuple(rows),
        "空白表示无数据。",
    )


def college_raw(college: CollegeResult) -> dict[str, Cell]:
    """Source → figure of one college in its year (every source; None: no data)."""
    return dict(college.figures)


def totals_table(year: YearResult) -> Table:
    rows = tuple(
        (SOURCES[source].label, SOURCES[source].unit, year.totals(source))
        for source in FIGURE_SOURCES
    )
    return Table(
        "totals", f"{year.year.label} 全校汇总", ("项目", "单位", "合计"), (TEXT, TEXT, COUNT), rows
    )


def ranking_table(year: YearResult, assessment: Assessment) -> Table:
    """Rank, college, each scored indicator's points, total, 先进单位 and notes."""
    scored = [i for i in assessment.plan.indicators if i.weight]
    rows = []
    for college in year.colleges:
        by_id = {r.indicator.id: r for r in college.results}
        notes = [college.note] if college.note else []
        notes += [
            f"{r.indicator.name}：{STATUS_NOTES[r.status]}"
            for r in college.results
            if r.indicator.weight and r.status != SCORED and r.raw is not None
        ]
        rows.append(
            (
                college.rank if college.rank is not None else "不排名",
                college.college.name,
                *(by_id[i.id].points for i in scored),
                college.total,
                "是" if college.advanced else "",
                "；".join(notes),
            )
        )
    return Table(
        "ranking",
        f"{year.year.label} 评估得分",
        (
            "排名",
            "学院",
            *(f"{i.name}（满分 {format_number(i.weight)}）" for i in scored),
            "总分",
            "先进单位",
            "说明",
        ),
        (TEXT, TEXT, *(POINTS for _ in scored), POINTS, TEXT, TEXT),
        tuple(rows),
        "每项指标一列，列中数字是该项得分（对总分的贡献）。",
        row_header=1,
    )


def advanced_table(year: YearResult) -> Table:
    rows = tuple((c.college.name, c.rank, c.total, c.reason) for c in year.colleges if c.advanced)
    return Table(
        "advanced",
        f"{year.year.label} 先进单位",
        ("学院", "排名", "总分", "理由"),
        (TEXT, COUNT, POINTS, TEXT),
        rows,
    )


TREND_SOURCES = (
    "projects.active",
    "projects.new",
    "ladder.moves",
    "achievements.award",
    "money.raised",
    "events.organised",
    "roadshow.projects",
)


def _year_note(year: YearResult) -> str:
    """Why a year's row may look low: no data at all, or a year still under way."""
    if not year.has_data:
        return "本学年暂无数据"
    return "" if year.complete else "学年进行中，数字还会增加"


def trend_table(assessment: Assessment) -> Table:
    """Each academic year's school-wide totals (trends over years)."""
    rows = tuple(
        (
            year.year.label,
            *(year.totals(source) for source in TREND_SOURCES),
            _year_note(year),
        )
        for year in assessment.years
    )
    return Table(
        "trend",
        "历年趋势",
        ("学年", *(_header(s) for s in TREND_SOURCES), "说明"),
        (TEXT, *(_kind(s) for s in TREND_SOURCES), TEXT),
        rows,
    )


def college_trend_table(assessment: Assessment) -> Table:
    """Each college's total and rank in every year (trends, not only ranks)."""
    years = assessment.years
    colleges = sorted(
        {c.college.id: c.college for y in years for c in y.colleges}.values(), key=lambda c: c.id
    )
    rows = []
    for college in colleges:
        cells: list[Cell] = [college.name]
        for year in years:
            found = next(c for c in year.colleges if c.college.id == college.id)
            cells += [found.total, found.rank if found.rank is not None else "不排名"]
        rows.append(tuple(cells))
    headers = ["学院"]
    kinds = [TEXT]
    for year in years:
        headers += [f"{year.year.label} 总分", f"{year.year.label} 排名"]
        kinds += [POINTS, TEXT]
    return Table("college-trend", "各学院历年得分", tuple(headers), tuple(kinds), tuple(rows))


def indicators_table(assessment: Assessment) -> Table:
    """The plan itself: what the 评估办法 page says, as a table."""
    rows = tuple(
        (
            i.name,
            i.counts,
            f"{SOURCES[i.source].label}：{SOURCES[i.source].counted}",
            i.weight,
            scoring_text(i),
            i.minimum or "",
        )
        for i in assessment.plan.indicators
    )
    return Table(
        "indicators",
        "评估指标",
        ("指标", "统计内容", "数据来源", "权重（分）", "计分规则", "最低数量"),
        (TEXT, TEXT, TEXT, POINTS, TEXT, TEXT),
        rows,
    )


def year_tables(year: YearResult, assessment: Assessment) -> list[Table]:
    return [
        ranking_table(year, assessment),
        advanced_table(year),
        figures_table(year),
        totals_table(year),
    ]


def report_tables(year: YearResult, assessment: Assessment) -> list[Table]:
    """Every table of ``invoke report``: the year's, the trends and the plan."""
    return [
        *year_tables(year, assessment),
        trend_table(assessment),
        college_trend_table(assessment),
        indicators_table(assessment),
    ]
