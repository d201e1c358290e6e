"""Print-ready HTML: the agenda for the door and the programme, and judges' score sheets.

Standalone documents (no theme, no script, no outside request) with ``@page`` rules, so a
browser prints them as they are and ``invoke agenda`` turns them into PDF with Chromium
(`showcase.engine.pdf`). Text goes through `showcase.render.text.attribute` like every
other page, and each document carries its own Content-Security-Policy allowing exactly its
`STYLE` and no script, wherever it is opened from.
"""

from __future__ import annotations

from showcase.model import Model
from showcase.render.csp import document_policy, meta_tag
from showcase.render.roadshow.timefmt import call_time, day_label, zone_name
from showcase.render.text import attribute
from showcase.roadshows import Agenda, Judge

STYLE = """
@page { size: A4; margin: 14mm 12mm; }
@page sheet { size: A4 landscape; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
       "Microsoft YaHei", sans-serif; font-size: 10.5pt; color: #000; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 4pt; }
h2 { font-size: 13pt; margin: 12pt 0 4pt; break-after: avoid; }
p.meta { margin: 0 0 8pt; color: #333; }
table { border-collapse: collapse; width: 100%; margin-bottom: 6pt; }
th, td { border: 0.6pt solid #444; padding: 3pt 4pt; text-align: left; vertical-align: top; }
th { background: #eee; }
tr { break-inside: avoid; }
tr.pause td { background: #f6f6f6; font-style: italic; }
section.room { break-inside: auto; }
section.sheet { page: sheet; }
td.box { width: 14mm; height: 9mm; }
.criteria { margin: 0 0 6pt; padding-left: 1.2em; }
.sign { margin-top: 14pt; }
@media screen { body { max-width: 60rem; margin: 1rem auto; padding: 0 1rem; } }
"""


def print_agenda(agenda: Agenda, model: Model) -> bytes:
    """The whole agenda: per day and room, with call times for the teams."""
    show = agenda.roadshow
    parts = [
        f"<h1>{attribute(show.title)}</h1>",
        f'<p class="meta">{attribute(show.venue)} · 时间为{attribute(zone_name(show))}'
        f" · 团队请于开始前 {show.format.call_minutes} 分钟候场</p>",
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
                + "<table><thead><tr><th>候场</th><th>时间</th><th>项目</th><th>学院</th>"
                "</tr></thead><tbody>"
                + "".join(row for _, row in sorted(rows))
                + "</tbody></table></section>"
            )
    return _document(f"{show.title} · 打印版议程", parts)


def score_sheet(agenda: Agenda, model: Model, judge: Judge) -> bytes:
    """One judge's sheet: their room's projects in order, a box per criterion."""
    show = agenda.roadshow
    criteria = show.criteria
    head = "".join(f"<th>{attribute(c.name)}<br>（{c.points} 分）</th>" for c in criteria)
    total = sum(c.points for c in criteria)
    rows = []
    for slot in agenda.slots_in(judge.room):
        project = model.projects[slot.project]
        boxes = '<td class="box"></td>' * (len(criteria) + 1)
        rows.append(
            f"<tr><td>{slot.start[5:]}</td><td>{attribute(project.name)}</td>{boxes}<td></td></tr>"
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
        f"<table><thead><tr><th>时间</th><th>项目</th>{head}<th>总分</th><th>评语</th></tr>"
        f"</thead><tbody>{''.join(rows)}</tbody></table>",
        '<p class="sign">评委签名：____________________　日期：__________</p>',
        "</section>",
    ]
    return _document(f"{show.title} · {judge.name} 评分表", parts)


def _slot_row(agenda: Agenda, model: Model, project_id: str, start: str, end: str) -> str:
    project = model.projects[project_id]
    college = model.colleges[project.college].name
    call = call_time(start, agenda.roadshow.format.call_minutes)
    return (
        f"<tr><td>{call}</td><td>{start[11:]}–{end[11:]}</td>"
        f"<td>{attribute(project.name)}</td><td>{attribute(college)}</td></tr>"
    )


def _document(title: str, parts: list[str]) -> bytes:
    body = "\n".join(part for part in parts if part)
    return (
        f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"{meta_tag(document_policy(styles=[STYLE]))}\n"
        f"<title>{attribute(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    ).encode()
