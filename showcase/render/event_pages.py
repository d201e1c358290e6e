"""Events (活动): the index, one page per event file, one .ics per event file and a feed of all.

The public events are `Model.public_events`: the event files plus one per scheduled
roadshow, whose page is the roadshow's own (`public_page`) and whose calendar entries
follow its days. The index is split into 即将举行 and 往期活动 against the publication
date the build was given (``RenderInputs.publicity.as_of``), never the clock; a small
script (``assets/events.js``) sorts the same items again with the visitor's own clock,
since the built site is read for weeks. Every item carries its start and end as ``data-``
attributes for that script.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from showcase.model import EVENT_TYPES, Event, Model
from showcase.render import paths
from showcase.render.chinese_numbers import month_day, weekday
from showcase.render.html_blocks import anchor, bullet_list, facts, page, rich_block, section
from showcase.render.ical import (
    EMPTY_REVISIONS,
    calendar_file,
    calendar_host,
    event_entries,
    parse_local,
    zone_label,
)
from showcase.render.roadshow import paths as roadshow_paths
from showcase.render.text import attribute, rich


def public_page(event: Event) -> str:
    """The docs path of the page a visitor opens for `event`: a roadshow's own page for
    the event derived from it, else the event's page."""
    if event.roadshow:
        return roadshow_paths.roadshow_page(event.roadshow)
    return paths.event_page(event.id)


def render_event_files(
    model: Model, stamp: datetime, revisions: Mapping[str, datetime] = EMPTY_REVISIONS
) -> dict[str, bytes]:
    """Every event file's .ics plus the feed of all public events, keyed by docs path.

    `revisions` gives, by event or roadshow id, when its record last changed (DTSTAMP and
    SEQUENCE, `showcase.render.ical`); `stamp` stands in for the others. A roadshow's own
    calendars sit beside its page."""
    host = calendar_host(model)
    entries = {
        event.id: event_entries(
            event, _absolute_url(model, public_page(event)), revisions.get(event.id)
        )
        for event in model.public_events()
    }
    files = {
        paths.event_calendar(event_id): calendar_file(
            model.site.site_name, entries[event_id], stamp, host
        )
        for event_id in model.events
    }
    files[paths.EVENTS_FEED] = calendar_file(
        f"{model.site.site_name} · 活动",
        [entry for event_entries_ in entries.values() for entry in event_entries_],
        stamp,
        host,
    )
    return files


def is_upcoming(event: Event, as_of: date) -> bool:
    """Whether `event` is still to come (or under way) on the publication day `as_of`:
    it ends on that day or later."""
    return event.end[:10] >= as_of.isoformat()


def upcoming_events(model: Model, as_of: date) -> list[Event]:
    """The public events still to come on `as_of`, soonest first (活动, the home page)."""
    return [event for event in model.public_events() if is_upcoming(event, as_of)]


def render_events_index(model: Model, as_of: date) -> str:
    """Every public event, split into upcoming (ending on or after `as_of`, soonest first)
    and past (latest first); the script redoes the split with the visitor's clock."""
    events = model.public_events()
    upcoming = [_index_item(e) for e in upcoming_events(model, as_of)]
    past = [_index_item(e) for e in reversed(events) if not is_upcoming(e, as_of)]
    feed = paths.href(paths.EVENTS, paths.EVENTS_FEED)
    script = paths.href(paths.EVENTS, paths.EVENTS_SCRIPT)
    meta = {
        "title": "活动",
        "description": "创业沙龙、创业大讲堂、训练营、成果展示和项目路演的时间、地点与报名",
    }
    body = [
        "<h1>活动</h1>",
        "<p>沙龙、讲座、训练营、成果展示和项目路演；除注明外，时间均为北京时间。</p>",
        f'<p><a class="md-button" href="{feed}">订阅全部活动（iCalendar）</a>'
        '<br><span class="sc-meta">把这个链接添加到手机或电脑的日历应用，'
        "活动更新会自动同步。</span></p>",
        '<section id="sc-events-upcoming" class="sc-section"><h2>即将举行</h2>'
        f'<ol class="sc-event-list">{"".join(upcoming)}</ol>'
        f'<p class="sc-meta sc-events-none"{" hidden" if upcoming else ""}>'
        "暂无即将举行的活动，请关注往期回顾。</p></section>",
        f'<section id="sc-events-past" class="sc-section"{"" if past else " hidden"}>'
        f'<h2>往期活动</h2><ol class="sc-event-list">{"".join(past)}</ol></section>',
        f'<script src="{script}"></script>' if events else "",
    ]
    return page(meta, body, "sc-events", styles=(paths.PAGES_STYLESHEET,))


def _index_item(event: Event) -> str:
    link = anchor(paths.href(paths.EVENTS, public_page(event)), event.title)
    return (
        f'<li class="sc-event" data-start="{iso_time(event, event.start)}" '
        f'data-end="{iso_time(event, event.end)}">'
        f'<span class="sc-event__type">{EVENT_TYPES[event.type]}</span> {link}'
        f'<br><span class="sc-meta">{attribute(when(event))}<br>{attribute(event.location)}</span>'
        "</li>"
    )


def render_event_page(event: Event, model: Model) -> str:
    """One event: what, when, where, who, which projects, how to register, and its .ics."""
    here = paths.event_page(event.id)
    meta = {"title": event.title, "description": event.summary}
    calendar = paths.href(here, paths.event_calendar(event.id))
    register = ""
    if event.registration:
        register = anchor(event.registration, "在线报名", external=True)
    body = [
        f'<p class="sc-badges"><span class="sc-badge sc-badge--event">'
        f"{EVENT_TYPES[event.type]}</span></p>",
        f"<h1>{attribute(event.title)}</h1>",
        facts(
            [
                (
                    "时间",
                    f'<time datetime="{iso_time(event, event.start)}">{attribute(when(event))}</time>',
                ),
                ("地点", attribute(event.location)),
                ("主办", attribute(event.organiser)),
                ("报名", register),
            ]
        ),
        f'<p class="sc-summary">{attribute(event.summary)}</p>',
        f'<p><a class="md-button" href="{calendar}" download>添加到日历（.ics）</a></p>',
        section("详细介绍", rich_block(rich(event.description)), searchable=True),
        section("主讲嘉宾", _speakers(event, model, here)),
        section("参与项目", _projects(event, model, here)),
        f"<p>{anchor(paths.href(here, paths.EVENTS), '← 全部活动')}</p>",
    ]
    return page(meta, body, "sc-event-page", styles=(paths.PAGES_STYLESHEET,))


def when(event: Event) -> str:
    """``2026 年 4 月 22 日（周三）13:30–17:30（北京时间）``: the end date is repeated only if it
    differs, and an event on several separate days lists each day's hours."""
    sessions = event.sessions or ((event.start, event.end),)
    parts = []
    for index, (start_text, end_text) in enumerate(sessions):
        start = parse_local(start_text, event.timezone)
        end = parse_local(end_text, event.timezone)
        text = (_date(start) if index == 0 else _month_day(start)) + f"{start:%H:%M}–"
        if end.date() != start.date():
            text += _date(end)
        parts.append(text + f"{end:%H:%M}")
    moment = parse_local(event.start, event.timezone)
    return "、".join(parts) + f"（{zone_label(event.timezone, moment)}）"


def _date(moment: datetime) -> str:
    return f"{moment.year} 年 {_month_day(moment)}"


def _month_day(moment: datetime) -> str:
    return f"{month_day(moment)}（{weekday(moment)}）"


def iso_time(event: Event, local: str) -> str:
    """One of `event`'s wall-clock times as ISO 8601 with its offset, for scripts."""
    return parse_local(local, event.timezone).isoformat()


def _speakers(event: Event, model: Model, here: str) -> str:
    return bullet_list(
        (
            anchor(paths.href(here, paths.mentor_page(s.mentor)), s.name)
            if s.mentor in model.mentors
            else f"<strong>{attribute(s.name)}</strong>"
        )
        + (f' <span class="sc-meta">{attribute(s.title)}</span>' if s.title else "")
        for s in event.speakers
    )


def _projects(event: Event, model: Model, here: str) -> str:
    return bullet_list(
        anchor(paths.href(here, paths.project_page(project_id)), model.projects[project_id].name)
        for project_id in event.projects
        if project_id in model.projects
    )


def _absolute_url(model: Model, page_path: str) -> str:
    if not model.site.site_url:
        return ""
    return model.site.site_url.rstrip("/") + "/" + paths.url_of(page_path)
