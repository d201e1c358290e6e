"""数据看板: the assessment of every academic year, one page per year plus the overview.

Every number comes from `showcase.assessment` and every table from
`showcase.assessment.tables`, which ``invoke report`` writes into the workbook too, so the
site and the leadership group's report cannot disagree. A year without data says so and
draws no chart; a college below the plan's minimum is listed, marked and not ranked.
"""

from __future__ import annotations

from showcase.assessment import Assessment
from showcase.assessment.periods import AcademicYear
from showcase.assessment.scoring import YearResult, advanced_condition, format_number
from showcase.assessment.sources import SOURCES
from showcase.assessment.tables import (
    COUNT,
    MONEY,
    Cell,
    Table,
    college_trend_table,
    trend_table,
    year_tables,
)
from showcase.model import LEVELS
from showcase.render import paths
from showcase.render.charts import Bar, bar_chart
from showcase.render.chinese_numbers import money, written_date
from showcase.render.html_blocks import anchor, page, section
from showcase.render.text import attribute

STYLES = (paths.PAGES_STYLESHEET, paths.DASHBOARD_STYLESHEET)
HEADLINE_SOURCES = (
    "projects.active",
    "projects.new",
    "ladder.moves",
    "money.raised",
    "roadshow.projects",
    "events.organised",
)


def dashboard_pages(assessment: Assessment) -> dict[str, str]:
    """The overview and one page per academic year, by docs path."""
    pages = {paths.DASHBOARD: render_overview(assessment)}
    for year in assessment.years:
        pages[paths.dashboard_year(year.year.label)] = render_year(year, assessment)
    return pages


def cell_text(value: Cell, kind: str) -> str:
    """A table cell as the pages show it: money in 元/万元, points without trailing zeros,
    no data as 无数据."""
    if value is None:
        return "无数据"
    if isinstance(value, str):
        return value
    if kind == MONEY:
        return money(value)
    return format_number(value)


WIDE_TABLE = 6
"""Columns from which a table says it scrolls sideways (a phone shows about three)."""


def table_html(table: Table) -> str:
    """A scrollable table (its own region, so a phone scrolls the table, not the page);
    the column naming each row stays in view (`Table.row_header`)."""
    key = table.row_header
    head = "".join(
        f'<th scope="col"{_KEY if index == key else ""}>{attribute(h)}</th>'
        for index, h in enumerate(table.headers)
    )
    body = []
    for row in table.rows:
        cells = [
            f'<th scope="row"{_KEY}>{attribute(cell_text(value, kind))}</th>'
            if index == key
            else f"<td>{attribute(cell_text(value, kind))}</td>"
            for index, (value, kind) in enumerate(zip(row, table.kinds, strict=True))
        ]
        body.append(f"<tr>{''.join(cells)}</tr>")
    rows = "".join(body) or f'<tr><td colspan="{len(table.headers)}">暂无</td></tr>'
    note = f'<p class="sc-meta">{attribute(table.note)}</p>' if table.note else ""
    wide = len(table.headers) > WIDE_TABLE
    hint = '<p class="sc-meta">表格较宽，可左右滑动查看各列。</p>' if wide else ""
    return (
        f'{hint}<div class="sc-scroll" tabindex="0" role="region" '
        f'aria-label="{attribute(table.name)}">'
        f'<table class="sc-dashboard__table"><caption>{attribute(table.name)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>{note}"
    )


_KEY = ' class="sc-dashboard__key"'


def period_text(year: AcademicYear) -> str:
    return f"{written_date(year.start)}至 {written_date(year.end)}（北京时间）"


def render_year(year: YearResult, assessment: Assessment) -> str:
    here = paths.dashboard_year(year.year.label)
    title = f"数据看板 · {year.year.chinese}"
    state = (
        ""
        if year.complete
        else f"（本学年尚未结束，数据截至 {written_date(str(assessment.as_of))}）"
    )
    body = [
        f"<h1>{attribute(title)}</h1>",
        f'<p class="sc-meta">评估周期：{attribute(period_text(year.year))}{attribute(state)}'
        f"。{anchor(paths.href(here, paths.DASHBOARD), '全部学年')} · "
        f"{anchor(paths.href(here, paths.ASSESSMENT_METHOD), '评估办法')}</p>",
        _year_links(here, assessment, year.year.label),
    ]
    if not year.has_data:
        body.append(
            '<p class="sc-dashboard__empty">本学年暂无数据：没有项目、成果、活动或案例记录。</p>'
        )
        description = f"{year.year.chinese}：暂无数据"
        return page(
            {"title": title, "description": description}, body, "sc-dashboard", styles=STYLES
        )
    tables = year_tables(year, assessment)
    body += [
        _headline(year),
        section("先进单位", _advanced_block(year, assessment), searchable=True),
        section(
            "排名与各项得分",
            totals_chart(year, "totals") + table_html(tables[0]),
        ),
        section("孵化阶梯", _ladder(year)),
        section("各学院数据", table_html(tables[2])),
        section("全校汇总", table_html(tables[3])),
    ]
    winners = "、".join(c.college.name for c in year.advanced()) or "无"
    description = f"{year.year.chinese}各学院创业苗圃评估：排名、各项得分，先进单位：{winners}"
    return page({"title": title, "description": description}, body, "sc-dashboard", styles=STYLES)


def _year_links(here: str, assessment: Assessment, current: str) -> str:
    items = []
    for year in reversed(assessment.years):
        label = year.year.label
        if label == current:
            items.append(f'<li><strong aria-current="page">{label}</strong></li>')
        else:
            items.append(f"<li>{anchor(paths.href(here, paths.dashboard_year(label)), label)}</li>")
    return f'<nav aria-label="选择学年"><ul class="sc-dashboard__years">{"".join(items)}</ul></nav>'


def _headline(year: YearResult) -> str:
    tiles = []
    for source in HEADLINE_SOURCES:
        found, total = SOURCES[source], year.totals(source)
        shown = cell_text(total, MONEY if found.money else COUNT)
        tiles.append(
            f'<div class="sc-stat"><span class="sc-stat__value">{attribute(shown)}</span>'
            f'<span class="sc-stat__label">{attribute(found.label)}</span></div>'
        )
    return f'<div class="sc-stats sc-dashboard__stats">{"".join(tiles)}</div>'


def _advanced_block(year: YearResult, assessment: Assessment) -> str:
    condition = advanced_condition(assessment.plan)
    winners = year.advanced()
    if not winners:
        return f"<p>本学年没有学院符合先进单位条件（{attribute(condition)}）。</p>"
    items = "".join(
        f"<li><strong>{attribute(c.college.name)}</strong>：{attribute(c.reason)}</li>"
        for c in winners
    )
    state = "" if year.complete else "（学年尚未结束，为当前数据的预评结果）"
    return f"<p>评选规则：{attribute(condition)}{attribute(state)}。</p><ul>{items}</ul>"


def _ladder(year: YearResult) -> str:
    moves = year.totals("ladder.moves") or 0
    to_space = year.totals("ladder.to-makerspace") or 0
    to_incubator = year.totals("ladder.to-incubator") or 0
    return (
        ladder_chart(year, "ladder")
        + f"<p>本学年共输送进阶 {format_number(moves)} 次：进入学校众创空间 "
        f"{format_number(to_space)} 次，进入校外孵化加速器 {format_number(to_incubator)} 次。</p>"
    )


def totals_chart(year: YearResult, chart_id: str) -> str:
    """Each college's total (先进单位 in their own colour; the unranked marked)."""
    return bar_chart(
        chart_id,
        f"{year.year.chinese}各学院总分",
        [
            Bar(
                c.college.name + ("" if c.rank is not None else "（不排名）"),
                c.total,
                f"{format_number(c.total)} 分",
                "advanced" if c.advanced else ("unranked" if c.rank is None else ""),
            )
            for c in year.colleges
        ],
        ("学院", "总分"),
    )


def ladder_chart(year: YearResult, chart_id: str) -> str:
    """The ladder as a funnel: projects at each level at the year's end."""
    bars = []
    for level, label in LEVELS.items():
        count = year.totals(f"projects.level.{level}") or 0
        bars.append(Bar(label, count, f"{format_number(count)} 个", level))
    return bar_chart(chart_id, "学年末各孵化层级的在孵项目", bars, ("层级", "项目"), centred=True)


def money_chart(assessment: Assessment, chart_id: str) -> str:
    """Money raised in each year that has data."""
    bars = []
    for year in assessment.years:
        if year.has_data:
            raised = year.totals("money.raised") or 0
            bars.append(Bar(year.year.label, raised, money(raised)))
    return bar_chart(chart_id, "历年融资金额", bars, ("学年", "融资金额"))


def render_overview(assessment: Assessment) -> str:
    here = paths.DASHBOARD
    default = assessment.default_year()
    body = [
        "<h1>数据看板</h1>",
        "<p>各学院创业苗圃历年的项目、进阶、成果、活动和评估得分。每个数字都按"
        f"{anchor(paths.href(here, paths.ASSESSMENT_METHOD), '评估办法')}"
        "从本网站公开的数据算出，可以逐项核对。</p>",
    ]
    if default is not None:
        body.append(
            "<p>最近一个完整学年："
            f"{anchor(paths.href(here, paths.dashboard_year(default.year.label)), default.year.chinese)}"
            "。</p>"
        )
    body.append(_year_links(here, assessment, ""))
    with_data = [y for y in assessment.years if y.has_data]
    if with_data:
        body.append(
            section(
                "历年趋势",
                money_chart(assessment, "money")
                + bar_chart(
                    "moves",
                    "历年输送进阶次数",
                    [
                        Bar(
                            y.year.label,
                            y.totals("ladder.moves") or 0,
                            f"{format_number(y.totals('ladder.moves') or 0)} 次",
                        )
                        for y in with_data
                    ],
                    ("学年", "输送进阶"),
                )
                + table_html(trend_table(assessment)),
            )
        )
    else:
        body.append('<p class="sc-dashboard__empty">暂无数据。</p>')
    body.append(section("历年先进单位", _advanced_history(here, assessment), searchable=True))
    body.append(section("各学院历年得分", table_html(college_trend_table(assessment))))
    meta = {"title": "数据看板", "description": "各学院创业苗圃历年评估：趋势、排名与先进单位"}
    return page(meta, body, "sc-dashboard", styles=STYLES)


def _advanced_history(here: str, assessment: Assessment) -> str:
    items = []
    for year in reversed(assessment.years):
        link = anchor(paths.href(here, paths.dashboard_year(year.year.label)), year.year.chinese)
        if not year.has_data:
            items.append(f"<li>{link}：本学年暂无数据</li>")
            continue
        winners = year.advanced()
        names = "；".join(f"{c.college.name}（{c.reason}）" for c in winners) or "无学院符合条件"
        items.append(f"<li>{link}：{attribute(names)}</li>")
    return f"<ul>{''.join(items)}</ul>"


def college_card(assessment: Assessment, college_id: str, here: str) -> str:
    """A college page's 评估考核 card: its position in the assessed year and its trend."""
    year = assessment.default_year()
    if year is None:
        return ""
    found = next((c for c in year.colleges if c.college.id == college_id), None)
    if found is None:
        return ""
    ranked = sum(c.rank is not None for c in year.colleges)
    if found.rank is not None:
        position = f"总分 {format_number(found.total)} 分，在 {ranked} 个参与排名的学院中排第 {found.rank} 名"
    else:
        position = f"总分 {format_number(found.total)} 分；{found.note}"
    if found.advanced:
        position += "，评为先进单位"
    before = assessment.year(f"{year.year.first - 1}-{year.year.first}")
    earlier = (
        next((c for c in before.colleges if c.college.id == college_id), None) if before else None
    )
    if earlier is not None and before.has_data:
        change = found.total - earlier.total
        position += f"；比上一学年{'高' if change >= 0 else '低'} {format_number(abs(change))} 分"
    link = anchor(
        paths.href(here, paths.dashboard_year(year.year.label)), f"查看{year.year.chinese}数据看板"
    )
    trend = []
    for other in assessment.years[-4:]:
        mine = next(c for c in other.colleges if c.college.id == college_id)
        rank = "不排名" if mine.rank is None else f"第 {mine.rank} 名"
        shown = "暂无数据" if not other.has_data else f"{format_number(mine.total)} 分（{rank}）"
        shown += "" if other.complete else "，学年进行中"
        trend.append(f'<tr><th scope="row">{other.year.label}</th><td>{shown}</td></tr>')
    table = (
        '<div class="sc-scroll" tabindex="0" role="region" aria-label="近年得分">'
        '<table class="sc-dashboard__table"><caption>近年得分</caption>'
        '<thead><tr><th scope="col">学年</th><th scope="col">总分与排名</th></tr></thead>'
        f"<tbody>{''.join(trend)}</tbody></table></div>"
    )
    return section(
        "评估考核",
        f'<div class="sc-assess-card"><p><strong>{year.year.chinese}</strong>：'
        f"{attribute(position)}。{link}</p>{table}</div>",
    )
