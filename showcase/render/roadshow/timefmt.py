"""How roadshow times read in Chinese: ``12 月 10 日（周四）``, call times and the zone."""

from __future__ import annotations

import datetime

from showcase.render.chinese_numbers import month_day, weekday
from showcase.render.ical import parse_local, zone_label
from showcase.roadshows import Roadshow


def day_label(date: str) -> str:
    """``2026-12-10`` → ``12 月 10 日（周四）``."""
    day = datetime.date.fromisoformat(date)
    return f"{month_day(day)}（{weekday(day)}）"


def call_time(start: str, minutes_before: int) -> str:
    """When the team must be at the door: ``HH:MM``, `minutes_before` the slot starts."""
    moment = datetime.datetime.strptime(start, "%Y-%m-%d %H:%M")
    return (moment - datetime.timedelta(minutes=minutes_before)).strftime("%H:%M")


def clock_range(show: Roadshow, start: str, end: str) -> str:
    """``14:00–14:15`` as two ``<time>`` elements whose ``datetime`` carries the date and
    the offset: a bare clock time says nothing to a reader of the markup (or the HTML
    checker) about which day and zone it is in."""
    return "–".join(
        f'<time datetime="{parse_local(value, show.timezone).isoformat()}">{value[11:]}</time>'
        for value in (start, end)
    )


def zone_name(show: Roadshow) -> str:
    """The roadshow's time zone as visitors read it (``北京时间``), never its IANA name."""
    first = f"{show.days[0].date} {show.days[0].windows[0][0]}"
    return zone_label(show.timezone, parse_local(first, show.timezone))
