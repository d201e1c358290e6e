"""Print-ready HTML: the agenda for the door and the programme, and judges' score sheets.

Standalone documents (no theme, no script, no outside request) with ``@page`` rules, so a
browser prints them as they are and ``invoke agenda`` turns them into PDF with Chromium
(`showcase.engine.pdf`). Text goes through `showcase.render.text.attribute` like every
other page, and each document carries its own Content-Security-Policy allowing exactly its
`STYLE` and no script, wherever it is opened from.
"""

from __future__ import annotations

import datetime
import re

from showcase.model import Model
from showcase.render.chinese_numbers import month_day
from showcase.render.csp import document_policy, meta_tag
from showcase.render.roadshow.timefmt import call_time, day_label, zone_name
from showcase.render.text import attribute
from showcase.roadshows import Agenda, Judge

SHEET_HEIGHT_MM = 210 - 10 - 12
"""The printable height of a landscape A4 score sheet (``@page sheet`` margins)."""
SHEET_WIDTH_MM = 297 - 2 * 12
ROW_HEIGHTS = tuple(step / 2 for step in range(13, 27))
"""Score row heights in mm (6.5 … 13): never so low that a score cannot be written,
never taller than the page needs. A class per height, as the policy allows no other style."""
SCORE_WIDTHS = tuple(range(14, 25))
"""Score column widths in mm, a class each."""
_SHEET_SIZES = "".join(
    f"table.scores.rows-{round(h * 10)} td {{ height: {h}mm; }}\n" for h in ROW_HEIGHTS
) + "".join(f"table.scores.score-{w} col.score {{ width: {w}mm; }}\n" for w in SCORE_WIDTHS)

STYLE = (
    """
@page { size: A4; margin: 14mm 12mm 16mm;
        @bottom-center { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页";
                         font-size: 8.5pt; color: #444; } }
@page sheet { size: A4 landscape; margin: 10mm 12mm 12mm;
              @bottom-center { content: none; } }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
       "Microsoft YaHei", sans-serif; font-size: 10.5pt; color: #000; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 4pt; }
header.cover { border-top: 3mm solid #283593; padding-top: 4mm; margin-bottom: 6mm; }
header.cover .school { font-size: 11pt; margin: 0; color: #333; }
header.cover h1 { font-size: 20pt; margin: 2mm 0; }
h2 { font-size: 13pt; margin: 12pt 0 4pt; break-after: avoid; }
p.meta { margin: 0 0 8pt; color: #333; }
table { border-collapse: collapse; width: 100%; margin-bottom: 6pt; }
th, td { border: 0.6pt solid #444; padding: 3pt 4pt; text-align: left; vertical-align: top; }
th { background: #eee; }
tr { break-inside: avoid; }
tr.pause td { background: #f6f6f6; font-style: italic; }
section.room table { table-layout: fixed; }
section.room col.call { width: 12%; }
section.room col.time { width: 19%; }
section.room col.college { width: 27%; }
section.room:not(:has(tbody > tr:nth-child(13))) { break-inside: avoid; }
section.sheet { page: sheet; }
section.sheet h1 { font-size: 14pt; }
table.scores { table-layout: fixed; }
table.scores col.time { width: 16mm; }
table.scores col.days { width: 24mm; }
table.scores col.comment { width: 50mm; }
table.scores th { font-size: 9pt; text-align: center; vertical-align: bottom; }
table.scores th, td.name { word-break: keep-all; overflow-wrap: anywhere; }
table.scores th .points { white-space: nowrap; font-weight: normal; }
table.scores td { vertical-align: middle; padding-top: 0; padding-bottom: 0; }
.criteria { margin: 0 0 4pt; padding-left: 1.2em; columns: 2; column-gap: 8mm; font-size: 9pt; }
.criteria li { break-inside: avoid; }
.sign { margin-top: 8pt; }
@media screen { body { max-width: 60rem; margin: 1rem auto; padding: 0 1rem; } }
"""
    + _SHEET_SIZES
)


def print_agenda(agenda: Agenda, model: Model) -> bytes:
    """The whole agenda: per day and room, with call times for the teams."""
    show = agenda.roadshow
    year = agenda.dates[0][:4]
    parts = [
        '<header class="cover">'
        f'<p class="school">{attribute(model.site.school)} · 众创空间 · {year} 年</p>'
        f"<h1>{attribute(show.title)}</h1>"
        f'<p class="meta">{"、".join(day_label(d) for d in agenda.dates)} · '
        f"{attribute(show.venue)} · 时间为{attribute(zone_name(show))}"
        f" · 团队请于开始前 {show.format.call_minutes} 分钟候场</p>"
        "</header>",
    ]
    for date in agenda.dates:
        for room in show.rooms:
            rows = [
                (slot.start, _slot_row(agenda, model, slot.project, slot.start, slot.end))
                for slot in agenda.slots_in(room.id)
                if slot.day == date
            ]
            if not rows:
                continue
            rows += [
                (
                    p.start,
                    f'<tr class="pause"><td></td><td>{p.start[11:]}–{p.end[11:]}</td>'
                    f'<td colspan="2">{attribute(p.title)}</td></tr>',
                )
                for p in agenda.pauses
                if p.room in ("", room.id) and p.start[:10] == date
            ]
            judges = "、".join(j.name for j in agenda.judges_in(room.id))
            parts.append(
                f'<section class="room"><h2>{day_label(date)} · {attribute(room.name)}</h2>'
                + (f'<p class="meta">评委：{attribute(judges)}</p>' if judges else "")
                + '<table><colgroup><col class="call"><col class="time"><col><col class="college">'
                "</colgroup><thead><tr><th>候场</th><th>时间</th><th>项目</th><th>学院</th>"
                "</tr></thead><tbody>"
                + "".join(row for _, row in sorted(rows))
                + "</tbody></table></section>"
            )
    return _document(f"{show.title} · 打印版议程", parts)


def score_sheet(agenda: Agenda, model: Model, judge: Judge) -> bytes:
    """One judge's sheet on one landscape page: their room's projects in order, a box per
    criterion, the total and a comment. Rows and score columns are sized for the number of
    projects and criteria (`sheet_classes`), so the sheet fits one page up to
    `max_sheet_rows` projects."""
    show = agenda.roadshow
    criteria = show.criteria
    slots = agenda.slots_in(judge.room)
    several_days = len({slot.day for slot in slots}) > 1
    head = "".join(
        f'<th>{breakable(c.name)}<br><span class="points">{c.points} 分</span></th>'
        for c in criteria
    )
    total = sum(c.points for c in criteria)
    rows = []
    for slot in slots:
        project = model.projects[slot.project]
        day = f"{month_day(datetime.date.fromisoformat(slot.day))} " if several_days else ""
        boxes = '<td class="box"></td>' * (len(criteria) + 1)
        rows.append(
            f'<tr><td>{day}{slot.start[11:]}</td><td class="name">{breakable(project.name)}</td>'
            f"{boxes}<td></td></tr>"
        )
    notes = "".join(
        f"<li><strong>{attribute(c.name)}</strong>（{c.points} 分）"
        + (f"：{attribute(c.description)}" if c.description else "")
        + "</li>"
        for c in criteria
    )
    parts = [
        '<section class="sheet">',
        f"<h1>{attribute(show.title)} · 评分表</h1>",
        f'<p class="meta">评委：{attribute(judge.name)}（{attribute(judge.organisation)}）'
        f" · {attribute(show.room(judge.room).name)} · 满分 {total} 分</p>",
        f'<ul class="criteria">{notes}</ul>' if notes else "",
        f'<table class="{sheet_classes(len(slots), len(criteria))}">'
        f"{_sheet_columns(len(criteria), several_days)}"
        f"<thead><tr><th>时间</th><th>项目</th>{head}<th>总分</th><th>评语</th></tr>"
        f"</thead><tbody>{''.join(rows)}</tbody></table>",
        '<p class="sign">评委签名：____________________　日期：__________</p>',
        "</section>",
    ]
    return _document(f"{show.title} · {judge.name} 评分表", parts)


_WORD_ENDS = re.compile(r"(——|[、与及/])")
"""Where a criterion or project name may wrap: after a dash, an enumeration comma or a
joining word (市场与 / 商业模式), never inside a word (the sheet sets ``word-break:
keep-all``; ``overflow-wrap: anywhere`` still breaks a part too long for its column)."""


def breakable(name: str) -> str:
    """`name` as safe HTML with ``<wbr>`` after each place it may wrap (`_WORD_ENDS`)."""
    return _WORD_ENDS.sub(r"\1<wbr>", attribute(name)).removesuffix("<wbr>")


def sheet_classes(projects: int, criteria: int) -> str:
    """The score table's classes: the row height that fills the page (`ROW_HEIGHTS`) and
    the score columns' width (`SCORE_WIDTHS`). What is above and below the table takes
    about `_SHEET_FIXED_MM` plus 4.5 mm per two criteria (their notes in two columns)."""
    room = (SHEET_HEIGHT_MM - _fixed_mm(criteria)) / max(projects, 1)
    row = max([h for h in ROW_HEIGHTS if h <= room], default=ROW_HEIGHTS[0])
    width = max(w for w in SCORE_WIDTHS if w <= max(_score_width(criteria), SCORE_WIDTHS[0]))
    return f"scores rows-{round(row * 10)} score-{width}"


def max_sheet_rows(criteria: int) -> int:
    """How many projects a sheet with `criteria` holds on one page at the lowest rows."""
    return int((SHEET_HEIGHT_MM - _fixed_mm(criteria)) // ROW_HEIGHTS[0])


_SHEET_FIXED_MM = 50


def _fixed_mm(criteria: int) -> float:
    return _SHEET_FIXED_MM + 4.5 * ((criteria + 1) // 2)


def _score_width(criteria: int) -> float:
    """Score columns share what the time, project (≥ 60 mm) and comment columns leave,
    between 14 and 24 mm each."""
    room = SHEET_WIDTH_MM - 24 - 60 - 50
    return min(max(room / (criteria + 1), 14.0), 24.0)


def _sheet_columns(criteria: int, several_days: bool) -> str:
    time = "days" if several_days else "time"
    scores = '<col class="score">' * (criteria + 1)
    return f'<colgroup><col class="{time}"><col>{scores}<col class="comment"></colgroup>'


def _slot_row(agenda: Agenda, model: Model, project_id: str, start: str, end: str) -> str:
    project = model.projects[project_id]
    college = model.colleges[project.college].name
    call = call_time(start, agenda.roadshow.format.call_minutes)
    return (
        f"<tr><td>{call}</td><td>{start[11:]}–{end[11:]}</td>"
        f'<td class="name">{breakable(project.name)}</td><td>{attribute(college)}</td></tr>'
    )


def _document(title: str, parts: list[str]) -> bytes:
    body = "\n".join(part for part in parts if part)
    return (
        f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"{meta_tag(document_policy(styles=[STYLE]))}\n"
        f"<title>{attribute(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    ).encode()
