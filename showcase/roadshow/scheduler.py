"""Scheduling a roadshow: a deterministic greedy plan, or exactly why there is none.

The algorithm, in order (every step sorts its inputs, so the same file gives the same
agenda on every machine):

1. **Select** the projects (`showcase.roadshow.selection`): explicit ids plus rule
   matches, ordered by track and then id.
2. **Panels**: a project may go to a room only if no judge of that room's panel has a
   conflict with it (own college, a project they mentor, a declared conflict). A project
   no room may take is reported with every conflicting judge, and nothing is scheduled.
3. **Tracks to rooms**: each room gets a quota proportional to its slots; tracks,
   largest first, go to the room with the most quota left. This keeps a track in one
   room while rooms still finish at about the same time.
4. **Pins** are placed in their room (or the first room allowed, preferring the track's)
   at their exact time; the grid (`showcase.roadshow.grid`) lays the other slots and the
   automatic breaks around them and around the fixed breaks of every day.
5. **Capacity pre-check**: before placing anyone, free slots are counted against the
   projects left. If they do not fit, the error gives the minutes needed against the
   minutes each room has on each day, names the projects that would not be placed and
   what would make them fit (a shorter Q&A, more rooms, another half day).
6. **Placement**: each project in order goes to its track's room while that room is
   under quota, else to the allowed room least full counting the places its own track
   still needs (so a spilling track does not crowd out the next); within the room it takes
   the earliest free slot outside the team's unavailable times.
7. **Repair**: while the project that ends last could end earlier in another room it may
   use, it moves there, so rooms finish at about the same time. Judges sit with one
   room, so balancing rooms also balances judge load.

Example::

    plan = schedule(roadshow, model.projects, model.mentors)
    plan.agenda.slots[0]       # Slot("battery-second-life", "hall-a", "2026-05-20 09:00", …)
    plan.issues                # [] when it fits
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from showcase.model import Mentor, Project
from showcase.roadshow.grid import (
    GridSlot,
    RoomDayGrid,
    clock,
    free_segments,
    minutes,
    room_grid,
    trim,
)
from showcase.roadshow.selection import conflict_reason, select_projects, track_of
from showcase.roadshows import Agenda, Format, Pause, Roadshow, Slot

HALF_DAY_MINUTES = 180


@dataclass(frozen=True)
class Issue:
    """Why there is no agenda; `path` points into the roadshow file."""

    path: tuple[str | int, ...]
    rule: str
    message: str
    hint: str


@dataclass
class Plan:
    agenda: Agenda | None
    issues: list[Issue] = field(default_factory=list)


def schedule(
    roadshow: Roadshow,
    projects: Mapping[str, Project],
    mentors: Mapping[str, Mentor],
    held: bool = False,
) -> Plan:
    """The agenda of `roadshow`, or the issues that prevent one.

    A roadshow that was `held` already is history: a pin whose project the selection no
    longer picks (it closed or moved up the ladder since) is dropped, not an error, so
    that a change to a project never asks anyone to edit a past roadshow.
    """
    return _Scheduler(roadshow, projects, mentors, held).run()


class _Scheduler:
    def __init__(
        self,
        roadshow: Roadshow,
        projects: Mapping[str, Project],
        mentors: Mapping[str, Mentor],
        held: bool,
    ) -> None:
        self.roadshow = roadshow
        self.projects = projects
        self.mentors = mentors
        self.held = held
        self.room_ids = [room.id for room in roadshow.rooms]
        self.issues: list[Issue] = []

    def run(self) -> Plan:
        order = select_projects(self.roadshow, self.projects)
        if not order:
            return self._fail(
                Issue(
                    ("projects",),
                    "roadshow.no-projects",
                    "没有选出任何参加路演的项目。",
                    "在 projects 里列出项目编号，或放宽 selection 的条件。",
                )
            )
        allowed = {pid: self._allowed_rooms(pid) for pid in order}
        if self.issues:
            return Plan(None, self.issues)
        tracks = {pid: track_of(self.roadshow, self.projects[pid]) for pid in order}
        self.track_rooms = self._track_rooms(tracks)
        pin_rooms = self._pin_rooms(allowed, tracks)
        grids = self._grids(pin_rooms)
        if self.issues:
            return Plan(None, self.issues)
        waiting = [pid for pid in order if pid not in pin_rooms]
        free = sum(1 for grid in grids.values() for slot in grid.slots if not slot.pinned)
        if len(waiting) > free:
            return self._fail(self._capacity_issue(waiting, free, grids))
        return self._place(waiting, allowed, tracks, grids)

    def _fail(self, issue: Issue) -> Plan:
        return Plan(None, [*self.issues, issue])

    def _allowed_rooms(self, pid: str) -> list[str]:
        project = self.projects[pid]
        blocked: dict[str, list[str]] = {}
        for judge in self.roadshow.judges:
            reason = conflict_reason(judge, project, self.mentors)
            if reason:
                blocked.setdefault(judge.room, []).append(f"{judge.name}（{reason}）")
        rooms = [room for room in self.room_ids if room not in blocked]
        if not rooms:
            who = "；".join(
                f"{self.roadshow.room(r).name}：{'、'.join(blocked[r])}" for r in self.room_ids
            )
            self.issues.append(
                Issue(
                    ("judges",),
                    "roadshow.panel-impossible",
                    f"项目 {pid}（{project.name}）在每个路演室都有需要回避的评委：{who}。",
                    "给其中一个路演室换一位不冲突的评委，或把评委调到别的路演室，或让该项目不参加本次路演。",
                )
            )
        return rooms

    def _unselected_pin(self, index: int, pid: str) -> Issue:
        project = self.projects.get(pid)
        if project is not None and project.status == "closed":
            return Issue(
                ("pinned", index, "project"),
                "roadshow.closed-project",
                f"项目 {pid} 已终止（status: closed），不能排进还没举行的路演，但这里还给它指定了时间。",
                "删除这条指定时间；若项目其实仍在孵化，改正项目文件里的 status。",
            )
        return Issue(
            ("pinned", index, "project"),
            "roadshow.pin-not-selected",
            f"项目 {pid} 有指定时间，但没有被选入本次路演。",
            "把它加入 projects 列表，或删除这条指定时间。",
        )

    def _pin_rooms(self, allowed: dict[str, list[str]], tracks: dict[str, str]) -> dict[str, str]:
        rooms: dict[str, str] = {}
        for index, pin in enumerate(self.roadshow.pins):
            if pin.project not in allowed:
                if not self.held:
                    self.issues.append(self._unselected_pin(index, pin.project))
                continue
            if pin.room and pin.room not in allowed[pin.project]:
                self.issues.append(
                    Issue(
                        ("pinned", index, "room"),
                        "roadshow.pin-conflict",
                        f"项目 {pin.project} 被指定在路演室 {pin.room}，但该室有需要回避的评委。",
                        "换一个路演室，或删除 room 让程序自动选择。",
                    )
                )
                continue
            preferred = self.track_rooms.get(tracks[pin.project])
            candidates = allowed[pin.project]
            rooms[pin.project] = pin.room or (
                preferred if preferred in candidates else candidates[0]
            )
        return rooms

    def _grids(self, pin_rooms: dict[str, str]) -> dict[tuple[str, str], RoomDayGrid]:
        grids: dict[tuple[str, str], RoomDayGrid] = {}
        fmt, pins = self.roadshow.format, self.roadshow.pins
        for day in self.roadshow.days:
            segments = free_segments(day, self.roadshow.breaks)
            for room in self.room_ids:
                here = [
                    (minutes(p.start[11:]), p.project)
                    for p in pins
                    if p.start[:10] == day.date and pin_rooms.get(p.project) == room
                ]
                grid = room_grid(segments, fmt, here)
                grids[(room, day.date)] = grid
                for project in grid.missed_pins:
                    index = next(i for i, p in enumerate(pins) if p.project == project)
                    self.issues.append(
                        Issue(
                            ("pinned", index, "start"),
                            "roadshow.pin-clash",
                            f"项目 {project} 的指定时间 {pins[index].start} 与同一路演室的"
                            "其他指定项目或自动休息重叠。",
                            f"把指定时间错开至少 {fmt.slot_minutes + fmt.changeover_minutes} 分钟，"
                            "或指定到不同的路演室。",
                        )
                    )
        return grids

    def _capacity_issue(
        self, waiting: list[str], free: int, grids: dict[tuple[str, str], RoomDayGrid]
    ) -> Issue:
        fmt = self.roadshow.format
        per_project = fmt.slot_minutes + fmt.changeover_minutes
        rows = []
        for day in self.roadshow.days:
            usable = sum(end - start for start, end in free_segments(day, self.roadshow.breaks))
            for room in self.roadshow.rooms:
                fits = sum(1 for s in grids[(room.id, day.date)].slots if not s.pinned)
                rows.append(f"{room.name} {day.date} 可用 {usable} 分钟、可排 {fits} 个")
        missing = len(waiting) - free
        left_out = waiting[-missing:]
        return Issue(
            ("days",),
            "roadshow.capacity",
            f"时间不够：{len(waiting)} 个项目每个需要 {per_project} 分钟"
            f"（陈述 {fmt.pitch_minutes} + 问答 {fmt.qa_minutes}"
            f" + 换场 {fmt.changeover_minutes}），"
            f"共需 {len(waiting) * per_project} 分钟；{'；'.join(rows)}；"
            f"还差 {missing} 个位置，排不下：{'、'.join(left_out)}。",
            "任选其一：" + "；".join(self._remedies(missing, free, len(waiting))) + "。",
        )

    def _remedies(self, missing: int, free: int, needed: int) -> list[str]:
        fmt = self.roadshow.format
        remedies = []
        for qa in range(fmt.qa_minutes - 1, -1, -1):
            if self._free_slots(replace(fmt, qa_minutes=qa)) >= needed:
                remedies.append(f"把问答缩短到 {qa} 分钟（format.qa_minutes: {qa}）")
                break
        per_room = max(1, free // max(1, len(self.room_ids)))
        remedies.append(f"再增加 {math.ceil(missing / per_room)} 个路演室（rooms）")
        half_day = room_grid([(0, HALF_DAY_MINUTES)], fmt, [])
        per_half_day = max(1, len(half_day.slots) * len(self.room_ids))
        remedies.append(
            f"再增加 {math.ceil(missing / per_half_day)} 个半天"
            f"（每个半天约 {HALF_DAY_MINUTES // 60} 小时，写在 days 的 windows 里）"
        )
        return remedies

    def _free_slots(self, fmt: Format) -> int:
        pinned = len(self.roadshow.pins)
        total = sum(
            len(room_grid(free_segments(day, self.roadshow.breaks), fmt, []).slots)
            for day in self.roadshow.days
        ) * len(self.room_ids)
        return total - pinned

    def _track_rooms(self, tracks: dict[str, str]) -> dict[str, str]:
        """Each track's room: largest track first, to the room with the most quota left.

        Every room has the same grid (only pins differ), so quotas are equal shares.
        """
        quota = dict.fromkeys(self.room_ids, len(tracks) / len(self.room_ids))
        sizes: dict[str, int] = {}
        for track in tracks.values():
            if track:
                sizes[track] = sizes.get(track, 0) + 1
        rooms: dict[str, str] = {}
        for track, size in sorted(sizes.items(), key=lambda item: (-item[1], item[0])):
            room = max(self.room_ids, key=lambda r: (quota[r], -self.room_ids.index(r)))
            rooms[track] = room
            quota[room] -= size
        return rooms

    def _place(
        self,
        waiting: list[str],
        allowed: dict[str, list[str]],
        tracks: dict[str, str],
        grids: dict[tuple[str, str], RoomDayGrid],
    ) -> Plan:
        free_count = {
            room: sum(
                1 for (r, _), g in grids.items() if r == room for slot in g.slots if not slot.pinned
            )
            for room in self.room_ids
        }
        total = sum(free_count.values())
        target = {r: math.ceil(len(waiting) * free_count[r] / total) for r in self.room_ids}
        used: dict[tuple[str, str], set[int]] = {key: set() for key in grids}
        for key, grid in grids.items():
            used[key] |= {i for i, slot in enumerate(grid.slots) if slot.pinned}
        taken = dict.fromkeys(self.room_ids, 0)
        placed: dict[tuple[str, str, int], str] = {}
        unplaced: list[str] = []
        homes = {pid: self.track_rooms.get(tracks[pid]) for pid in waiting}
        reserved = dict.fromkeys(self.room_ids, 0)
        for pid, home in homes.items():
            if home in allowed[pid]:
                reserved[home] += 1
        for pid in waiting:
            home = homes[pid]
            if home in allowed[pid]:
                reserved[home] -= 1
            ranked = sorted(
                allowed[pid],
                key=lambda r: (
                    r != home or taken[r] >= target[r],
                    (taken[r] + reserved[r]) / max(1, free_count[r]),
                    self.room_ids.index(r),
                ),
            )
            spot = next((s for r in ranked if (s := self._first_free(pid, r, grids, used))), None)
            if spot is None:
                unplaced.append(pid)
                continue
            used[(spot[0], spot[1])].add(spot[2])
            placed[spot] = pid
            taken[spot[0]] += 1
        if unplaced:
            return self._fail(self._unplaced_issue(unplaced, allowed))
        self._even_out(grids, used, placed, allowed)
        return Plan(self._agenda(grids, used, placed, tracks))

    def _even_out(
        self,
        grids: dict[tuple[str, str], RoomDayGrid],
        used: dict[tuple[str, str], set[int]],
        placed: dict[tuple[str, str, int], str],
        allowed: dict[str, list[str]],
    ) -> None:
        """Repair pass: move the latest project to another room while it then ends earlier."""

        def ends(spot: tuple[str, str, int]) -> tuple[str, int]:
            return spot[1], grids[(spot[0], spot[1])].slots[spot[2]].end

        while placed:
            latest = max(ends(spot) for spot in placed)
            for last in sorted(
                (s for s in placed if ends(s) == latest),
                key=lambda spot: self.room_ids.index(spot[0]),
            ):
                pid = placed[last]
                moves = [
                    spot
                    for room in allowed[pid]
                    if room != last[0]
                    and (spot := self._first_free(pid, room, grids, used))
                    and ends(spot) < latest
                ]
                if moves:
                    best = min(moves, key=lambda s: (*ends(s), self.room_ids.index(s[0])))
                    used[(last[0], last[1])].discard(last[2])
                    used[(best[0], best[1])].add(best[2])
                    placed[best] = placed.pop(last)
                    break
            else:
                return

    def _first_free(
        self,
        pid: str,
        room: str,
        grids: dict[tuple[str, str], RoomDayGrid],
        used: dict[tuple[str, str], set[int]],
    ) -> tuple[str, str, int] | None:
        for day in self.roadshow.days:
            grid = grids[(room, day.date)]
            for index, slot in enumerate(grid.slots):
                if index not in used[(room, day.date)] and self._available(pid, day.date, slot):
                    return room, day.date, index
        return None

    def _available(self, pid: str, date: str, slot: GridSlot) -> bool:
        start, end = f"{date} {clock(slot.start)}", f"{date} {clock(slot.end)}"
        return all(
            not (u.start < end and start < u.end)
            for u in self.roadshow.unavailable
            if u.project == pid
        )

    def _unplaced_issue(self, unplaced: list[str], allowed: dict[str, list[str]]) -> Issue:
        names = "、".join(
            f"{pid}（只能进 {'、'.join(self.roadshow.room(r).name for r in allowed[pid])}）"
            for pid in unplaced
        )
        return Issue(
            ("unavailable",) if self.roadshow.unavailable else ("judges",),
            "roadshow.unplaced",
            f"以下项目排不进去：{names}；它们能进的路演室在其可到场的时间里已经排满。",
            "缩短这些项目的不可到场时段，或调整评委让它们能进更多路演室，或再增加一个半天。",
        )

    def _agenda(
        self,
        grids: dict[tuple[str, str], RoomDayGrid],
        used: dict[tuple[str, str], set[int]],
        placed: dict[tuple[str, str, int], str],
        tracks: dict[str, str],
    ) -> Agenda:
        slots: list[Slot] = []
        pauses: list[Pause] = []
        for (room, date), grid in grids.items():
            kept, rests = trim(grid, used[(room, date)])
            for slot in kept:
                index = grid.slots.index(slot)
                pid = slot.pinned or placed[(room, date, index)]
                slots.append(
                    Slot(
                        pid,
                        room,
                        f"{date} {clock(slot.start)}",
                        f"{date} {clock(slot.end)}",
                        tracks[pid],
                    )
                )
            pauses += [
                Pause("休息", f"{date} {clock(s)}", f"{date} {clock(e)}", room) for s, e in rests
            ]
        for day in self.roadshow.days:
            pauses += [
                Pause(b.title, f"{day.date} {b.start}", f"{day.date} {b.end}")
                for b in self.roadshow.breaks
                if not b.day or b.day == day.date
            ]
        order = {room: index for index, room in enumerate(self.room_ids)}
        slots.sort(key=lambda s: (s.start, order[s.room], s.project))
        pauses.sort(key=lambda p: (p.start, order.get(p.room, -1), p.title))
        return Agenda(self.roadshow, tuple(slots), tuple(pauses))
