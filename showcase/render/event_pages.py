"""Events (活动): the index, one page per event, one .ics per event and a feed of all.

Nothing here depends on today's date, so a build is the same on any day: the index lists
every event in order with its start and end as ``data-`` attributes, and a small script
(``assets/events.js``) sorts them into 即将举行 and 往期活动 with the visitor's own clock.
Without JavaScript the visitor sees every event with its date.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from showcase.model import EVENT_TYPES, Event, Model
from showcase.render import paths
from showcase.render.html_blocks import anchor, bullet_list, facts, page, rich_block, section
from showcase.render.ical import calendar_file, event_entry, parse_local
from showcase.render.text import attribute, rich

FALLBACK_HOST = "makerspace-showcase.invalid"
_WEEKDAYS = "一二三四五六日"


def render_event_files(model: Model, stamp: datetime) -> dict[str, bytes]:
    """Every event's .ics file plus the feed of all events, keyed by docs path; `stamp`
    is every entry's DTSTAMP."""
    host = calendar_host(model)
    entries = {
        e.id: event_entry(e, _absolute_url(model, paths.event_page(e.id)))
        for e in model.events.values()
    }
    files = {
        paths.event_calendar(event_id): calendar_file(model.site.site_name, [entry], stamp, host)
        for event_id, entry in entries.items()
    }
    files[paths.EVENTS_FEED] = calendar_file(
        f"{model.site.site_name} · 活动", entries.values(), stamp, host
    )
    return files


def calendar_host(model: Model) -> str:
    """The domain part of every UID: the site's host, so UIDs never change between builds."""
    return urlsplit(model.site.site_url).hostname or FALLBACK_HOST


def render_events_index(model: Model) -> str:
    """All events in order of start time; the script splits upcoming from past."""
    items = "".join(_index_item(event) for event in model.events.values())
    feed = paths.href(paths.EVENTS, paths.EVENTS_FEED)
    script = paths.href(paths.EVENTS, paths.EVENTS_SCRIPT)
    meta = {
        "title": "活动",
        "description": "创业沙龙、创业大讲堂、训练营、成果展示和项目路演的时间、地点与报名",
    }
    body = [
        "<h1>活动</h1>",
        "<p>沙龙、讲座、训练营、成果展示和项目路演，时间均为北京时间。</p>",
        f'<p><a class="md-button" href="{feed}">订阅全部活动（iCalendar）</a>'
        '<br><span class="sc-meta">把这个链接添加到手机或电脑的日历应用，'
        "活动更新会自动同步。</span></p>",
        '<section id="sc-events-upcoming" class="sc-section" hidden><h2>即将举行</h2>'
        '<ol class="sc-event-list"></ol>'
        '<p class="sc-meta sc-events-none" hidden>暂无即将举行的活动，请关注往期回顾。</p>'
        "</section>",
        '<section id="sc-events-past" class="sc-section" hidden><h2>往期活动</h2>'
        '<ol class="sc-event-list"></ol></section>',
        f'<section id="sc-events-all" class="sc-section"><h2>全部活动</h2>'
        f'<ol class="sc-event-list">{items}</ol></section>'
        if items
        else "<p>暂无活动。</p>",
        f'<script src="{script}"></script>' if items else "",
    ]
    return page(meta, body, "sc-events")


def _index_item(event: Event) -> str:
    link = anchor(paths.href(paths.EVENTS, paths.event_page(event.id)), event.title)
    return (
        f'<li class="sc-event" data-start="{_iso(event.start)}" data-end="{_iso(event.end)}">'
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
                ("时间", f'<time datetime="{_iso(event.start)}">{attribute(when(event))}</time>'),
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
    return page(meta, body, "sc-event-page")


def when(event: Event) -> str:
    """``2026年4月22日（周三）13:30–17:30``; the end date is repeated only if it differs."""
    start, end = parse_local(event.start), parse_local(event.end)
    text = f"{_date(start)}{start:%H:%M}–"
    if end.date() != start.date():
        text += _date(end)
    return text + f"{end:%H:%M}（北京时间）"


def _date(moment: datetime) -> str:
    return f"{moment.year}年{moment.month}月{moment.day}日（周{_WEEKDAYS[moment.weekday()]}）"


def _iso(local: str) -> str:
    return parse_local(local).isoformat()


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
