"""iCalendar (RFC 5545) files for events, built with the `icalendar` library.

The library is the calendars' escaping door (commas, semicolons, backslashes and line
breaks in TEXT values); `_text` first removes what it would pass through raw: control
characters (RFC 5545 forbids them in TEXT) and bare carriage returns, which some readers
take for the end of a line, so no value can start a property or component of its own.

Every calendar carries a VTIMEZONE for each zone its times use (Asia/Shanghai unless a
roadshow names another), and UIDs are derived from record ids so that a subscriber's
calendar updates instead of duplicating.

A calendar app that already imported an event replaces it only with a copy whose SEQUENCE
is higher (RFC 5545 3.8.7.4; DTSTAMP breaks ties). So each entry carries `revised`, the
time its record last changed (the commit time the command gathers,
`showcase.commands.gather.calendar_revisions`), else the build stamp: DTSTAMP is that time
(without METHOD, RFC 5545 3.8.7.2: "the date and time that the information ... was last
revised") and SEQUENCE counts the seconds from 2020 to it (`sequence`). A count of the
record's changes would need the whole history of the schedule; a time from the repository's
history only grows with it, so a changed entry always gets a higher SEQUENCE, and the same
repository always gives byte-identical files.

Example::

    entry = CalendarEntry("event-2026-ip-salon", "学生创业中的专利与软著",
                          "2026-11-12 19:00", "2026-11-12 20:30", location="图书馆")
    ics_bytes = calendar_file("创业活动", [entry], stamp, host="makerspace.example.edu.cn")
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from icalendar import Calendar, Timezone, vText
from icalendar import Event as VEvent

from showcase.model import EVENT_TYPES, Event, Model

TIMEZONE = "Asia/Shanghai"
BEIJING_ZONES = frozenset({"Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin"})
"""IANA names whose clock is Beijing time (China Standard Time)."""
FALLBACK_HOST = "makerspace-showcase.invalid"
_PRODID = "-//Makerspace Showcase//活动日历//ZH"
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


@dataclass(frozen=True)
class CalendarEntry:
    """One VEVENT; times are wall-clock ``YYYY-MM-DD HH:MM`` in `timezone`."""

    uid: str
    title: str
    start: str
    end: str
    location: str = ""
    description: str = ""
    url: str = ""
    categories: tuple[str, ...] = ()
    timezone: str = TIMEZONE
    revised: datetime | None = None
    """When the entry's record last changed; None: the calendar's build stamp."""


EMPTY_REVISIONS: Mapping[str, datetime] = MappingProxyType({})
"""No record's change time known: every entry is stamped with the build stamp."""
SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=ZoneInfo("UTC"))
"""SEQUENCE counts seconds from here (a 32-bit INTEGER lasts until 2088)."""


def sequence(revised: datetime) -> int:
    """The SEQUENCE of an entry last changed at `revised`: later changes, higher numbers."""
    return max(0, int((revised - SEQUENCE_EPOCH).total_seconds()))


def parse_local(value: str, timezone: str = TIMEZONE) -> datetime:
    """``2026-12-03 14:30`` as an aware datetime in `timezone`."""
    return datetime.strptime(value, "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo(timezone))


def calendar_file(name: str, entries: Iterable[CalendarEntry], stamp: datetime, host: str) -> bytes:
    """A whole VCALENDAR with the entries in the order given."""
    calendar = Calendar()
    calendar.add("prodid", _PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", vText(" ".join(_text(name).split())))
    calendar.add("x-wr-timezone", TIMEZONE)
    for entry in entries:
        calendar.add_component(_vevent(entry, stamp, host))
    _add_timezones(calendar)
    return calendar.to_ical()


def calendar_host(model: Model) -> str:
    """The domain part of every UID: the site's host, so UIDs never change between builds."""
    return urlsplit(model.site.site_url).hostname or FALLBACK_HOST


def event_entries(
    event: Event, url: str = "", revised: datetime | None = None
) -> list[CalendarEntry]:
    """The calendar entries of a public event: one, or one per day it meets on.

    A roadshow over two days is two entries (UIDs ``event-<id>-<YYYYMMDD>``), so a
    calendar does not show the night between them as taken.
    """
    description = event.summary + (f"\n主办：{event.organiser}" if event.organiser else "")
    sessions = event.sessions or ((event.start, event.end),)
    return [
        CalendarEntry(
            uid=f"event-{event.id}" + (f"-{start[:10].replace('-', '')}" if event.sessions else ""),
            title=event.title,
            start=start,
            end=end,
            location=event.location,
            description=description,
            url=url,
            categories=(EVENT_TYPES[event.type],),
            timezone=event.timezone,
            revised=revised,
        )
        for start, end in sessions
    ]


def zone_label(timezone: str, moment: datetime) -> str:
    """What a visitor reads for a time zone: ``北京时间``, else ``当地时间 UTC+9``."""
    if timezone in BEIJING_ZONES:
        return "北京时间"
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"当地时间 UTC{sign}{hours}{f':{rest:02d}' if rest else ''}"


def _add_timezones(calendar: Calendar) -> None:
    """What `Calendar.add_missing_timezones` does, building each VTIMEZONE only once.

    Building one walks decades of transitions (about 70 ms); a roadshow writes a calendar
    per team, so rebuilding it for every file would dominate the build.
    """
    position = len(calendar.timezones)
    for tzid in sorted(calendar.get_missing_tzids()):
        timezone = _timezone(tzid)
        if timezone is not None:
            calendar.subcomponents.insert(position, timezone)
            position += 1


@functools.cache
def _timezone(tzid: str) -> Timezone | None:
    try:
        return Timezone.from_tzid(tzid)
    except ValueError:
        return None


def _vevent(entry: CalendarEntry, stamp: datetime, host: str) -> VEvent:
    vevent = VEvent()
    revised = (entry.revised or stamp).astimezone(ZoneInfo("UTC"))
    vevent.add("uid", f"{entry.uid}@{host}")
    vevent.add("dtstamp", revised)
    vevent.add("sequence", sequence(revised))
    vevent.add("dtstart", parse_local(entry.start, entry.timezone))
    vevent.add("dtend", parse_local(entry.end, entry.timezone))
    vevent.add("summary", _text(entry.title))
    if entry.location:
        vevent.add("location", _text(entry.location))
    if entry.description:
        vevent.add("description", _text(entry.description))
    if entry.url:
        vevent.add("url", _text(entry.url))
    if entry.categories:
        vevent.add("categories", [_text(category) for category in entry.categories])
    return vevent


def _text(value: str) -> str:
    """`value` with line breaks as LF and without the characters TEXT may not carry."""
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
