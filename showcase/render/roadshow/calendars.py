"""iCalendar files of a roadshow: the whole agenda, each room, each team and each judge.

A slot's UID is derived from the roadshow and the project (``roadshow-<id>-<project>``),
so the same slot has the same UID in every file and a subscriber's calendar updates it
in place when the agenda changes. Breaks get UIDs from their room and start. Every entry
is `revised` at the time the roadshow last changed (`showcase.render.ical` for DTSTAMP and
SEQUENCE), else at the build stamp, so builds are reproducible.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from showcase.model import Model, roadshow_event
from showcase.render.ical import CalendarEntry, calendar_file, event_entries
from showcase.render.roadshow import paths
from showcase.render.roadshow.timefmt import day_label
from showcase.roadshows import Agenda, Pause, Slot


def roadshow_calendars(
    agenda: Agenda, model: Model, stamp: datetime, host: str, revised: datetime | None = None
) -> dict[str, bytes]:
    """Every .ics of one roadshow, keyed by docs path; `revised` is when the roadshow (its
    file or a project it may schedule) last changed."""
    show = agenda.roadshow

    def write(name: str, title: str, entries: Iterable[CalendarEntry]) -> tuple[str, bytes]:
        dated = [replace(entry, revised=revised) for entry in entries]
        return paths.roadshow_file(show.id, name), calendar_file(title, dated, stamp, host)

    files = dict(
        [
            write(
                paths.WHOLE_CALENDAR,
                show.title,
                [*_slots(agenda, model, agenda.slots), *_pauses(agenda, agenda.pauses)],
            )
        ]
    )
    for room in show.rooms:
        pauses = [p for p in agenda.pauses if p.room in ("", room.id)]
        files.update(
            [
                write(
                    paths.room_calendar(room.id),
                    f"{show.title} · {room.name}",
                    [*_slots(agenda, model, agenda.slots_in(room.id)), *_pauses(agenda, pauses)],
                )
            ]
        )
    for slot in agenda.slots:
        name = model.projects[slot.project].name
        files.update(
            [
                write(
                    paths.project_calendar(slot.project),
                    f"{show.title} · {name}",
                    _slots(agenda, model, [slot], team=True),
                )
            ]
        )
    for judge in show.judges:
        files.update(
            [
                write(
                    paths.judge_calendar(judge.id),
                    f"{show.title} · {judge.name}",
                    _slots(agenda, model, agenda.slots_in(judge.room)),
                )
            ]
        )
    return files


def day_calendars(
    agenda: Agenda, stamp: datetime, host: str, url: str, revised: datetime | None = None
) -> dict[str, bytes]:
    """One .ics per roadshow day holding one entry, the day as a visitor attends it: the
    entry of that day in ``events.ics`` (same UID, so adding both keeps one event), from
    the first pitch to the last (`Agenda.day_spans`), revised when the roadshow last
    changed like every other entry of it. Keyed by docs path."""
    show = agenda.roadshow
    files = {}
    for entry in event_entries(roadshow_event(agenda), url):
        title = f"{show.title} · {day_label(entry.start[:10])}"
        name = paths.roadshow_file(show.id, paths.day_calendar(entry.start[:10]))
        files[name] = calendar_file(title, [replace(entry, revised=revised)], stamp, host)
    return files


def _slots(
    agenda: Agenda, model: Model, slots: Iterable[Slot], team: bool = False
) -> list[CalendarEntry]:
    show = agenda.roadshow
    entries = []
    for slot in slots:
        project = model.projects[slot.project]
        room = show.room(slot.room).name
        call = f"请于开始前 {show.format.call_minutes} 分钟到 {room} 门口候场。\n" if team else ""
        entries.append(
            CalendarEntry(
                uid=f"roadshow-{show.id}-{slot.project}",
                title=f"路演：{project.name}",
                start=slot.start,
                end=slot.end,
                location=f"{show.venue} {room}",
                description=f"{call}{show.title}\n{project.summary}",
                categories=("项目路演",),
                timezone=show.timezone,
            )
        )
    return entries


def _pauses(agenda: Agenda, pauses: Iterable[Pause]) -> list[CalendarEntry]:
    show = agenda.roadshow
    return [
        CalendarEntry(
            uid=f"roadshow-{show.id}-break-{pause.room or 'all'}-"
            f"{pause.start.replace('-', '').replace(' ', 't').replace(':', '')}",
            title=f"{pause.title}（{show.room(pause.room).name}）" if pause.room else pause.title,
            start=pause.start,
            end=pause.end,
            location=show.venue,
            timezone=show.timezone,
        )
        for pause in pauses
    ]
