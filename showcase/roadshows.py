"""Roadshows (项目路演) as data: what the file asks for, and the agenda the scheduler made.

`Roadshow` is built from a schema-valid ``content/roadshows/<id>.yaml`` by
`roadshow_from_data`; times stay wall-clock ``YYYY-MM-DD HH:MM`` strings in the
roadshow's own time zone (string order is time order). `Agenda` is the scheduler's
answer, and is what the checked model keeps (``Model.roadshows``), so renderers only
read a finished, conflict-free plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DEFAULT_TIMEZONE = "Asia/Shanghai"
JUDGE_ROLES = {"judge": "评委", "investor": "投资人"}


@dataclass(frozen=True)
class Room:
    id: str
    name: str
    capacity: int | None = None


@dataclass(frozen=True)
class Day:
    date: str
    windows: tuple[tuple[str, str], ...]
    """``(HH:MM, HH:MM)`` pairs in time order."""


@dataclass(frozen=True)
class Format:
    pitch_minutes: int
    qa_minutes: int
    changeover_minutes: int = 0
    max_block_minutes: int = 120
    break_minutes: int = 10
    call_minutes: int = 15

    @property
    def slot_minutes(self) -> int:
        """How long one project holds the stage."""
        return self.pitch_minutes + self.qa_minutes


@dataclass(frozen=True)
class FixedBreak:
    title: str
    start: str
    end: str
    day: str = ""
    """Empty: every day."""


@dataclass(frozen=True)
class Selection:
    levels: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    colleges: tuple[str, ...] = ()
    seeking_investment: bool = False

    @property
    def empty(self) -> bool:
        return not (
            self.levels or self.stages or self.fields or self.colleges or self.seeking_investment
        )


@dataclass(frozen=True)
class Track:
    id: str
    name: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class Judge:
    id: str
    name: str
    organisation: str
    room: str
    role: str = "judge"
    college: str = ""
    mentor: str = ""
    conflicts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pin:
    project: str
    start: str
    room: str = ""


@dataclass(frozen=True)
class Unavailable:
    project: str
    start: str
    end: str


@dataclass(frozen=True)
class Criterion:
    name: str
    points: int
    description: str = ""


@dataclass(frozen=True)
class Result:
    project: str
    award: str = ""
    promoted_to: str = ""


@dataclass(frozen=True)
class Roadshow:
    id: str
    title: str
    venue: str
    days: tuple[Day, ...]
    rooms: tuple[Room, ...]
    """In display order."""
    format: Format
    timezone: str = DEFAULT_TIMEZONE
    summary: str = ""
    organiser: str = ""
    breaks: tuple[FixedBreak, ...] = ()
    projects: tuple[str, ...] = ()
    selection: Selection = field(default_factory=Selection)
    tracks: tuple[Track, ...] = ()
    judges: tuple[Judge, ...] = ()
    pins: tuple[Pin, ...] = ()
    unavailable: tuple[Unavailable, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    results: tuple[Result, ...] = ()
    source: str = ""

    def room(self, room_id: str) -> Room:
        return next(room for room in self.rooms if room.id == room_id)


@dataclass(frozen=True)
class Slot:
    """One project on stage: [start, end) in `room`, in the roadshow's time zone."""

    project: str
    room: str
    start: str
    end: str
    track: str = ""

    @property
    def day(self) -> str:
        return self.start[:10]


@dataclass(frozen=True)
class Pause:
    """A break in one room (automatic) or in every room (`room` empty: a fixed break)."""

    title: str
    start: str
    end: str
    room: str = ""


@dataclass(frozen=True)
class Agenda:
    """A finished plan: every slot and break, sorted by start, room and project."""

    roadshow: Roadshow
    slots: tuple[Slot, ...]
    pauses: tuple[Pause, ...]

    def slots_in(self, room_id: str) -> list[Slot]:
        return [slot for slot in self.slots if slot.room == room_id]

    def judges_in(self, room_id: str) -> list[Judge]:
        return [judge for judge in self.roadshow.judges if judge.room == room_id]

    @property
    def dates(self) -> list[str]:
        return [day.date for day in self.roadshow.days]

    def day_spans(self) -> list[tuple[str, str]]:
        """``(start, end)`` of each day with a pitch, from its first slot's start to its
        last slot's end: what a visitor plans around (a day's opening hours can run on for
        hours after the last pitch). Days without a pitch are left out; an agenda without
        any spans its days' opening hours."""
        spans: dict[str, tuple[str, str]] = {}
        for slot in self.slots:
            first, last = spans.get(slot.day, (slot.start, slot.end))
            spans[slot.day] = (min(first, slot.start), max(last, slot.end))
        if not spans:
            return [
                (f"{d.date} {d.windows[0][0]}", f"{d.date} {d.windows[-1][1]}")
                for d in self.roadshow.days
            ]
        return sorted(spans.values())


def roadshow_from_data(data: dict[str, Any], source: str = "") -> Roadshow:
    """The roadshow in a schema-valid file; rooms sorted by ``order``, then file order."""
    indexed = list(enumerate(data["rooms"]))
    indexed.sort(key=lambda pair: (pair[1].get("order", 100), pair[0]))
    selection = data.get("selection", {})
    return Roadshow(
        id=data["id"],
        title=data["title"],
        venue=data["venue"],
        days=tuple(Day(d["date"], tuple(_range(w) for w in d["windows"])) for d in data["days"]),
        rooms=tuple(Room(r["id"], r["name"], r.get("capacity")) for _, r in indexed),
        format=Format(**data["format"]),
        timezone=data.get("timezone", DEFAULT_TIMEZONE),
        summary=data.get("summary", "").strip(),
        organiser=data.get("organiser", ""),
        breaks=tuple(
            FixedBreak(b["title"], *_range(b["time"]), day=b.get("day", ""))
            for b in data.get("breaks", ())
        ),
        projects=tuple(data.get("projects", ())),
        selection=Selection(
            levels=tuple(selection.get("levels", ())),
            stages=tuple(selection.get("stages", ())),
            fields=tuple(selection.get("fields", ())),
            colleges=tuple(selection.get("colleges", ())),
            seeking_investment=selection.get("seeking_investment", False),
        ),
        tracks=tuple(Track(t["id"], t["name"], tuple(t["fields"])) for t in data.get("tracks", ())),
        judges=tuple(
            Judge(
                j["id"],
                j["name"],
                j["organisation"],
                j["room"],
                j.get("role", "judge"),
                j.get("college", ""),
                j.get("mentor", ""),
                tuple(j.get("conflicts", ())),
            )
            for j in data.get("judges", ())
        ),
        pins=tuple(
            Pin(p["project"], p["start"], p.get("room", "")) for p in data.get("pinned", ())
        ),
        unavailable=tuple(
            Unavailable(u["project"], u["from"], u["to"]) for u in data.get("unavailable", ())
        ),
        criteria=tuple(
            Criterion(c["name"], c["points"], c.get("description", ""))
            for c in data.get("criteria", ())
        ),
        results=tuple(
            Result(r["project"], r.get("award", ""), r.get("promoted_to", ""))
            for r in data.get("results", ())
        ),
        source=source,
    )


def _range(text: str) -> tuple[str, str]:
    start, end = text.split("-")
    return start, end
