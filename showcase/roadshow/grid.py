"""The time grid of one room on one day: where slots and automatic breaks can go.

Every slot lasts ``pitch + Q&A`` minutes and is followed by the changeover, so a room's
possible slots are fixed before any project is placed. The grid walks each free segment
(a day window minus the fixed breaks) from its start:

- a slot goes where it fits entirely inside the segment;
- when the minutes on stage since the last rest would pass ``max_block_minutes``, an
  automatic break of ``break_minutes`` comes first (a window edge, a fixed break or any
  gap at least that long counts as rest);
- a pinned project starts exactly at its time: the walk jumps to it, leaving a gap,
  instead of placing a slot that would overlap it. A pin the walk has already passed
  (another pin or a break is in the way) is reported as missed.

Times are minutes after midnight; `clock` and `minutes` convert from and to ``HH:MM``.

Example::

    grid = room_grid(segments=[(540, 720)], fmt=Format(8, 5, 2), pins=[])
    grid.slots[:2]    # [GridSlot(540, 553, ""), GridSlot(555, 568, "")]
"""

from __future__ import annotations

from dataclasses import dataclass, field

from showcase.roadshows import Day, FixedBreak, Format

Segment = tuple[int, int]


@dataclass(frozen=True)
class GridSlot:
    start: int
    end: int
    pinned: str = ""
    """The project pinned here, or "" for a free slot."""


@dataclass
class RoomDayGrid:
    slots: list[GridSlot] = field(default_factory=list)
    breaks: list[Segment] = field(default_factory=list)
    missed_pins: list[str] = field(default_factory=list)


def minutes(clock_text: str) -> int:
    """``"09:30"`` → 570."""
    hours, mins = clock_text.split(":")
    return int(hours) * 60 + int(mins)


def clock(total: int) -> str:
    """570 → ``"09:30"``."""
    return f"{total // 60:02d}:{total % 60:02d}"


def free_segments(day: Day, breaks: tuple[FixedBreak, ...]) -> list[Segment]:
    """The day's windows with every fixed break of that day cut out."""
    cuts = sorted(
        (minutes(b.start), minutes(b.end)) for b in breaks if not b.day or b.day == day.date
    )
    segments: list[Segment] = []
    for start_text, end_text in day.windows:
        pieces = [(minutes(start_text), minutes(end_text))]
        for cut_start, cut_end in cuts:
            pieces = [
                piece
                for begin, end in pieces
                for piece in ((begin, min(end, cut_start)), (max(begin, cut_end), end))
                if piece[0] < piece[1]
            ]
        segments.extend(pieces)
    return sorted(segments)


def room_grid(segments: list[Segment], fmt: Format, pins: list[tuple[int, str]]) -> RoomDayGrid:
    """Slots and automatic breaks of one room on one day; `pins` are (start, project)."""
    grid = RoomDayGrid()
    waiting = sorted(pins)
    length, gap = fmt.slot_minutes, fmt.changeover_minutes
    for seg_start, seg_end in segments:
        now, on_stage = seg_start, 0
        while True:
            while waiting and waiting[0][0] < now and waiting[0][0] < seg_end:
                grid.missed_pins.append(waiting.pop(0)[1])
            pin = waiting[0] if waiting and waiting[0][0] < seg_end else None
            rest_end = now + fmt.break_minutes
            tired = on_stage and on_stage + length > fmt.max_block_minutes
            if tired and (pin is None or pin[0] >= rest_end):
                grid.breaks.append((now, rest_end))
                now, on_stage = rest_end, 0
                continue
            if pin is not None and pin[0] < now + length + gap:
                if pin[0] - now >= fmt.break_minutes:
                    on_stage = 0
                now = pin[0]
                grid.slots.append(GridSlot(now, now + length, waiting.pop(0)[1]))
            elif now + length <= seg_end:
                grid.slots.append(GridSlot(now, now + length))
            else:
                break
            on_stage += length + gap
            now += length + gap
    grid.missed_pins.extend(project for _, project in waiting)
    return grid


def trim(grid: RoomDayGrid, used: set[int]) -> tuple[list[GridSlot], list[Segment]]:
    """The used slots, and the automatic breaks that fall between two of them."""
    slots = [slot for index, slot in enumerate(grid.slots) if index in used]
    if not slots:
        return [], []
    first, last = slots[0].start, slots[-1].end
    return slots, [b for b in grid.breaks if first < b[0] and b[1] <= last]
