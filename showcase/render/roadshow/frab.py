"""The agenda as a c3voc/frab schedule JSON, so conference tools can read it.

Follows the schema published at https://c3voc.de/schedule/schema.json (repository
voc/schedule, ``validator/json/schema.json``; a copy is kept in tests/roadshow/frab/).
GUIDs are UUID5s of the roadshow, room and project, so they never change between builds.
Team members are not listed (``persons`` is empty): a schedule names projects, not people.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from showcase import jsontext
from showcase.model import Model
from showcase.render.ical import parse_local
from showcase.roadshows import Agenda, Slot

_NAMESPACE = uuid.UUID("6ba7b811-9dad-11d1-80b4-00c04fd430c8")  # RFC 4122 URL namespace
SCHEMA_URL = "https://c3voc.de/schedule/schema.json"


def frab_schedule(agenda: Agenda, model: Model, base_url: str) -> bytes:
    """The schedule JSON (UTF-8, sorted keys, stable across builds)."""
    show = agenda.roadshow
    base = base_url.rstrip("/")
    tracks = {track.id: track.name for track in show.tracks}
    number = {slot.project: index for index, slot in enumerate(agenda.slots, start=1)}
    days = []
    for index, day in enumerate(show.days, start=1):
        rooms: dict[str, list[dict[str, object]]] = {}
        for room in show.rooms:
            rooms[room.name] = [
                _event(agenda, model, slot, number[slot.project], base, tracks)
                for slot in agenda.slots_in(room.id)
                if slot.day == day.date
            ]
        days.append(
            {
                "index": index,
                "date": day.date,
                "day_start": _iso(show.timezone, f"{day.date} {day.windows[0][0]}"),
                "day_end": _iso(show.timezone, f"{day.date} {day.windows[-1][1]}"),
                "rooms": rooms,
            }
        )
    document = {
        "$schema": SCHEMA_URL,
        "generator": {"name": "makerspace-showcase", "version": "1"},
        "schedule": {
            "version": "1",
            "base_url": f"{base}/",
            "conference": {
                "acronym": show.id.replace("-", "_"),
                "title": show.title,
                "description": show.summary,
                "start": show.days[0].date,
                "end": show.days[-1].date,
                "daysCount": len(show.days),
                "timeslot_duration": _duration(5),
                "time_zone_name": show.timezone,
                "url": f"{base}/roadshows/{show.id}/",
                "rooms": [
                    {
                        "name": room.name,
                        "slug": room.id,
                        "capacity": room.capacity,
                        "guid": _guid(show.id, "room", room.id),
                    }
                    for room in show.rooms
                ],
                "tracks": [{"name": track.name, "slug": track.id} for track in show.tracks],
                "days": days,
            },
        },
    }
    return jsontext.encode(document, indent=2, sort_keys=True)


def _event(
    agenda: Agenda, model: Model, slot: Slot, number: int, base: str, tracks: dict[str, str]
) -> dict[str, object]:
    show = agenda.roadshow
    project = model.projects[slot.project]
    minutes = show.format.slot_minutes
    return {
        "guid": _guid(show.id, "project", slot.project),
        "id": number,
        "date": _iso(show.timezone, slot.start),
        "start": slot.start[11:],
        "duration": _duration(minutes),
        "room": show.room(slot.room).name,
        "slug": f"{show.id}-{slot.project}",
        "url": f"{base}/projects/{slot.project}/",
        "title": project.name,
        "subtitle": model.colleges[project.college].name,
        "track": tracks.get(slot.track),
        "type": "pitch",
        "language": "zh",
        "abstract": project.summary,
        "description": None,
        "persons": [],
        "links": [],
    }


def _guid(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "makerspace-showcase:" + "/".join(parts)))


def _iso(timezone: str, local: str) -> str:
    moment: datetime = parse_local(local, timezone)
    return moment.isoformat()


def _duration(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
