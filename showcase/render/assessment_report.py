"""The leadership group's report (评估报告): a standalone A4 document printed to PDF.

Built like the roadshow print versions (`showcase.render.roadshow.printing`): no theme, no
script, no outside request, its own Content-Security-Policy allowing exactly `STYLE`.
Landscape A4, since the ranking shows every indicator's points side by side; a cover page,
then 先进单位, the ranking, the charts with their tables and the raw figures; page numbers
in the bottom margin (第 N 页 / 共 M 页). The charts are the site's SVG, coloured here.
"""

from __future__ import annotations

from showcase.assessment import Assessment
from showcase.assessment.scoring import YearResult, advanced_condition
from showcase.assessment.tables import Table, report_tables
from showcase.render.chinese_numbers import written_date
from showcase.render.csp import document_policy, meta_tag
from showcase.render.dashboard import (
    cell_text,
    ladder_chart,
    money_chart,
    period_text,
    totals_chart,
)
from showcase.render.text import attribute

COLUMNS_PER_TABLE = 12
"""A wide table is printed in parts of at most this many figure columns."""

STYLE = """
@page { size: A4 landscape; margin: 14mm 14mm 16mm;
        @bottom-center { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页";
                         font-size: 8.5pt; color: #444; } }
@page :first { @bottom-center { content: none; } }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
       "Microsoft YaHei", sans-serif; font-size: 10pt; color: #000; margin: 0; }
.cover { break-after: page; border-top: 6mm solid #283593; padding-top: 30mm; text-align: center; }
.cover .school { font-size: 16pt; margin: 0; }
.cover .space { font-size: 13pt; margin: 4mm 0 0; color: #444; }
.cover .year { font-size: 40pt; font-weight: 700; color: #283593; margin: 20mm 0 4mm; }
.cover h1 { font-size: 24pt; margin: 0; }
.cover .date { margin-top: 25mm; color: #444; }
h2 { font-size: 14pt; margin: 10pt 0 4pt; break-after: avoid; color: #283593; }
p { margin: 0 0 6pt; }
table { border-collapse: collapse; width: 100%; margin-bottom: 8pt; font-size: 8pt; }
caption { text-align: left; font-weight: 700; padding: 2pt 0; }
th, td { border: 0.5pt solid #666; padding: 2pt 3pt; text-align: left; vertical-align: top; }
thead th { background: #eee; }
td.name { white-space: nowrap; }
tr { break-inside: avoid; }
figure { margin: 0 0 8pt; break-inside: avoid; }
figcaption { font-weight: 700; margin-bottom: 3pt; }
.chart-body { display: flex; gap: 8mm; align-items: flex-start; }
.chart-picture { flex: 0 0 105mm; }
.chart-picture svg { width: 105mm; height: auto; }
.chart-body table { width: auto; }
.sc-chart__label { fill: #000; }
.sc-chart__value { fill: #444; }
.sc-chart__bar { fill: #3f51b5; }
.sc-chart__bar--advanced { fill: #bf360c; }
.sc-chart__bar--unranked { fill: #777; }
.sc-chart__bar--nursery { fill: #2e7d32; }
.sc-chart__bar--makerspace { fill: #1565c0; }
.sc-chart__bar--incubator { fill: #6a1b9a; }
section { break-before: page; }
section.first { break-before: auto; }
@media screen { body { max-width: 72rem; margin: 1rem auto; padding: 0 1rem; } }
"""


def report_document(assessment: Assessment, year: YearResult, school: str) -> str:
    """The whole report for `year` as one HTML document."""
    tables = report_tables(year, assessment)
    ranking, advanced, figures, totals, trend = tables[:5]
    label = year.year.chinese
    state = (
        "" if year.complete else f"（学年尚未结束，数据截至 {written_date(str(assessment.as_of))}）"
    )
    parts = [
        '<div class="cover">'
        f'<p class="school">{attribute(school)}</p><p class="space">众创空间 · 创业工作领导小组</p>'
        f'<p class="year">{attribute(label)}</p><h1>学院创业苗圃评估报告</h1>'
        f'<p class="date">评估周期：{attribute(period_text(year.year))}{attribute(state)}<br>'
        f"生成日期：{attribute(written_date(str(assessment.as_of)))}</p></div>",
    ]
    if not year.has_data:
        parts.append("<section><h2>评估结果</h2><p>本学年暂无数据。</p></section>")
        return _document(f"{label}学院创业苗圃评估报告", "".join(parts))
    condition = advanced_condition(assessment.plan)
    winners = "".join(
        f"<li><strong>{attribute(c.college.name)}</strong>：{attribute(c.reason)}</li>"
        for c in year.advanced()
    )
    parts.append(
        '<section class="first"><h2>先进单位</h2>'
        f"<p>评选规则：{attribute(condition)}。</p>"
        + (f"<ul>{winners}</ul>" if winners else "<p>本学年没有学院符合条件。</p>")
        + _table(advanced)
        + "<h2>排名与各项得分</h2>"
        + _table(ranking)
        + "</section>"
    )
    parts.append("<section><h2>图表</h2>" + _charts(year, assessment) + "</section>")
    parts.append(
        "<section><h2>各学院数据</h2>"
        + "".join(_table(part) for part in split_columns(figures, COLUMNS_PER_TABLE))
        + "</section>"
    )
    parts.append(
        "<section><h2>全校汇总与历年趋势</h2>" + _table(totals) + _table(trend) + "</section>"
    )
    return _document(f"{label}学院创业苗圃评估报告", "".join(parts))


def split_columns(table: Table, size: int) -> list[Table]:
    """`table` in parts of at most `size` columns after the first (which every part repeats)."""
    count = len(table.headers) - 1
    parts = []
    for start in range(1, count + 1, size):
        stop = min(start + size, count + 1)
        number = f"（{len(parts) + 1}）" if count > size else ""
        parts.append(
            Table(
                f"{table.key}-{len(parts) + 1}",
                table.name + number,
                (table.headers[0], *table.headers[start:stop]),
                (table.kinds[0], *table.kinds[start:stop]),
                tuple((row[0], *row[start:stop]) for row in table.rows),
                table.note,
            )
        )
    return parts


def _charts(year: YearResult, assessment: Assessment) -> str:
    return _printable(
        totals_chart(year, "print-totals")
        + ladder_chart(year, "print-ladder")
        + money_chart(assessment, "print-money")
    )


def _printable(html: str) -> str:
    """The site's chart markup with the print layout's class names."""
    return (
        html.replace('class="sc-chart__body"', 'class="chart-body"')
        .replace('class="sc-chart__picture"', 'class="chart-picture"')
        .replace(' class="sc-scroll" tabindex="0"', "")
    )


def _table(table: Table) -> str:
    head = "".join(f"<th>{attribute(h)}</th>" for h in table.headers)
    classes = [' class="name"' if h in ("学院", "学年") else "" for h in table.headers]
    rows = (
        "".join(
            "<tr>"
            + "".join(
                f"<td{css}>{attribute(cell_text(value, kind))}</td>"
                for value, kind, css in zip(row, table.kinds, classes, strict=True)
            )
            + "</tr>"
            for row in table.rows
        )
        or f'<tr><td colspan="{len(table.headers)}">无</td></tr>'
    )
    return (
        f"<table><caption>{attribute(table.name)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def _document(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"{meta_tag(document_policy(styles=[STYLE]))}"
        f"<title>{attribute(title)}</title><style>{STYLE}</style></head>"
        f"<body>{body}</body></html>"
    )
