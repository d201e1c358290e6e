"""The roadshow pages of the site: the index (项目路演) and one page per roadshow.

A roadshow page shows, in this order: the facts and downloads (calendar, print version,
schedule JSON), results if the file records them, the grid (one column per room on a wide
screen, stacked on a phone; each slot links to its project page), the run of show as one
list per room with the time each team must be at the door, and the list per judge with their
score sheet and calendar. Bodies are one raw HTML block (see `html_blocks.page`).
"""

from __future__ import annotations

from collections.abc import Callable

from showcase.model import LEVELS, Model
from showcase.render import paths as site_paths
from showcase.render.html_blocks import anchor, facts, page, section
from showcase.render.roadshow import paths
from showcase.render.roadshow.timefmt import call_time, clock_range, day_label, zone_name
from showcase.render.text import attribute
from showcase.roadshows import JUDGE_ROLES, Agenda, Room

PAGE_STYLES = (site_paths.PAGES_STYLESHEET, paths.STYLESHEET)


def render_roadshows_index(model: Model) -> str:
    items = []
    for agenda in model.roadshows.values():
        show = agenda.roadshow
        link = anchor(site_paths.href(paths.ROADSHOWS, paths.roadshow_page(show.id)), show.title)
        dates = "、".join(day_label(date) for date in agenda.dates)
        done = '<span class="sc-rs-done">已有结果</span> ' if show.results else ""
        items.append(
            f'<li class="sc-rs-item">{done}{link}<br><span class="sc-meta">'
            f"{dates} · {attribute(show.venue)} · {len(agenda.slots)} 个项目</span></li>"
        )
    body = [
        "<h1>项目路演</h1>",
        "<p>创业指导中心组织的项目路演：议程由程序按规则自动排定，评委回避本学院和自己指导的项目。</p>",
        f'<ol class="sc-rs-list">{"".join(items)}</ol>' if items else "<p>暂无路演。</p>",
    ]
    return page(
        {"title": "项目路演", "description": "项目路演的议程、评委、日历和评分表"},
        body,
        "sc-roadshows",
        styles=PAGE_STYLES,
    )


def render_roadshow_page(agenda: Agenda, model: Model) -> str:
    show = agenda.roadshow
    here = paths.roadshow_page(show.id)

    def file_link(name: str, label: str, download: bool = False) -> str:
        target = site_paths.href(here, paths.roadshow_file(show.id, name))
        return (
            f'<a href="{attribute(target)}"{" download" if download else ""}>{attribute(label)}</a>'
        )

    fmt = show.format
    body = [
        '<p class="sc-badges"><span class="sc-badge sc-badge--event">项目路演</span></p>',
        f"<h1>{attribute(show.title)}</h1>",
        facts(
            [
                ("日期", attribute("、".join(day_label(d) for d in agenda.dates))),
                ("地点", attribute(show.venue)),
                ("主办", attribute(show.organiser)),
                (
                    "赛制",
                    f"每个项目陈述 {fmt.pitch_minutes} 分钟、问答 {fmt.qa_minutes} 分钟；"
                    f"团队提前 {fmt.call_minutes} 分钟候场",
                ),
                ("时区", attribute(zone_name(agenda.roadshow))),
            ]
        ),
        f'<p class="sc-summary">{attribute(show.summary)}</p>' if show.summary else "",
        '<p class="sc-rs-downloads">'
        + "".join(
            file_link(paths.day_calendar(start[:10]), _day_calendar_label(agenda, start), True)
            + " · "
            for start, _ in agenda.day_spans()
        )
        + file_link(paths.WHOLE_CALENDAR, "整场日历（.ics）", download=True)
        + " · "
        + file_link(paths.PRINT, "打印版议程")
        + " · "
        + file_link(paths.FRAB_JSON, "日程数据（JSON，供会议软件导入）")
        + "</p>",
        '<p class="sc-meta">“加入日历”把路演当天作为一个日程加入手机或电脑的日历；'
        "整场日历含每个项目的时间。需要 PDF 时，在浏览器中打开打印版或评分表，选择“打印 → 另存为 PDF”。</p>",
        section("路演结果", _results(agenda, model, here), searchable=True),
        *(_day_grid(agenda, model, here, date) for date in agenda.dates),
        section(
            "各路演室流程",
            "\n".join(_run_of_show(agenda, model, room, file_link) for room in show.rooms),
            css_class="sc-rs-runs",
        ),
        section("评委名单", _judges(agenda, file_link), css_class="sc-rs-judges"),
        f"<p>{anchor(site_paths.href(here, paths.ROADSHOWS), '← 全部路演')}</p>",
    ]
    meta = {"title": show.title, "description": show.summary or f"{show.title}的议程"}
    return page(meta, body, "sc-roadshow", styles=PAGE_STYLES)


def _project_link(model: Model, here: str, project_id: str) -> str:
    name = model.projects[project_id].name
    return anchor(site_paths.href(here, site_paths.project_page(project_id)), name)


def _results(agenda: Agenda, model: Model, here: str) -> str:
    rows = []
    for result in agenda.roadshow.results:
        if result.project not in model.projects:
            continue
        moved = f"晋级{LEVELS[result.promoted_to]}" if result.promoted_to else ""
        what = "，".join(attribute(part) for part in (result.award, moved) if part)
        rows.append(f"<li>{_project_link(model, here, result.project)}：{what}</li>")
    return f'<ul class="sc-rs-results">{"".join(rows)}</ul>' if rows else ""


def _day_calendar_label(agenda: Agenda, start: str) -> str:
    """``加入日历（全天）``; with several days, which one: ``加入日历（12月10日全天）``."""
    if len(agenda.day_spans()) == 1:
        return "加入日历（全天）"
    return f"加入日历（{int(start[5:7])}月{int(start[8:10])}日全天）"


def _day_grid(agenda: Agenda, model: Model, here: str, date: str) -> str:
    show = agenda.roadshow
    tracks = {track.id: track.name for track in show.tracks}
    columns = []
    for room in show.rooms:
        room_slots = [s for s in agenda.slots_in(room.id) if s.day == date]
        entries = [
            (
                s.start,
                f'<li class="sc-rs-slot">{clock_range(show, s.start, s.end)} '
                f"{_project_link(model, here, s.project)}"
                + (
                    f' <span class="sc-rs-track">{attribute(tracks[s.track])}</span>'
                    if s.track
                    else ""
                )
                + "</li>",
            )
            for s in room_slots
        ]
        if not entries:
            continue
        first, last = min(start for start, _ in entries), max(s.end for s in room_slots)
        entries += [
            (
                p.start,
                f'<li class="sc-rs-pause">{clock_range(show, p.start, p.end)} '
                f"{attribute(p.title)}</li>",
            )
            for p in agenda.pauses
            if p.room in ("", room.id) and p.start[:10] == date and first <= p.start < last
        ]
        columns.append(
            f'<div class="sc-rs-room"><h3>{attribute(room.name)}</h3>'
            f"<ol>{''.join(item for _, item in sorted(entries))}</ol></div>"
        )
    if not columns:
        return ""
    return (
        f'<section class="sc-section sc-rs-day" data-search-exclude>'
        f"<h2>{day_label(date)}</h2>"
        + '<div class="sc-rs-grid">'
        + "".join(columns)
        + "</div></section>"
    )


def _run_of_show(agenda: Agenda, model: Model, room: Room, file_link: Callable[..., str]) -> str:
    """One list per room (a table would need sideways scrolling on a phone): each team's
    day, the time to be at the door, its slot, its name and its calendar."""
    slots = agenda.slots_in(room.id)
    if not slots:
        return ""
    minutes = agenda.roadshow.format.call_minutes
    several_days = len(agenda.dates) > 1
    rows = "".join(
        '<li class="sc-rs-run__slot">'
        + (f'<span class="sc-rs-run__day">{day_label(s.day)}</span> ' if several_days else "")
        + f"{clock_range(agenda.roadshow, s.start, s.end)} "
        f"<strong>{attribute(model.projects[s.project].name)}</strong><br>"
        f'<span class="sc-meta">{call_time(s.start, minutes)} 候场 · '
        f"{file_link(paths.project_calendar(s.project), '团队日历', download=True)}</span></li>"
        for s in slots
    )
    judges = "、".join(judge.name for judge in agenda.judges_in(room.id))
    return (
        f'<h3>{attribute(room.name)}</h3><p class="sc-meta">'
        + (f"评委：{attribute(judges)} · " if judges else "")
        + file_link(paths.room_calendar(room.id), "本室日历（.ics）", download=True)
        + "</p>"
        + f'<ol class="sc-rs-run" data-room="{attribute(room.id)}">{rows}</ol>'
    )


def _judges(agenda: Agenda, file_link: Callable[..., str]) -> str:
    show = agenda.roadshow
    items = []
    for judge in show.judges:
        count = len(agenda.slots_in(judge.room))
        items.append(
            f"<li><strong>{attribute(judge.name)}</strong> "
            f'<span class="sc-meta">{JUDGE_ROLES[judge.role]} · {attribute(judge.organisation)}'
            f" · {attribute(show.room(judge.room).name)} · 评审 {count} 个项目</span><br>"
            + file_link(paths.score_sheet(judge.id), "评分表")
            + " · "
            + file_link(paths.judge_calendar(judge.id), "日历（.ics）", download=True)
            + "</li>"
        )
    return f'<ul class="sc-rs-judge-list">{"".join(items)}</ul>' if items else ""
