"""Rules for a roadshow file (content/roadshows/<id>.yaml) beyond its schema, and its plan.

`check_roadshow` checks one file on its own and against the registries: the id matches
the file name, the time zone exists, dates and times are real, windows and breaks lie
inside their day, pinned times fall inside a window and outside the fixed breaks, room,
track and judge ids are unique, every project, college, mentor, field and room it
names exists, and a roadshow still to come lists no project that has closed (已终止).

`plan_roadshows` then runs the scheduler (`showcase.roadshow.scheduler`) for every file
against the checked model. Scheduling is a validation step, before rendering: a
roadshow that does not fit is an error pinned to its file like any other, the build
stops and the last good site stays. A run on chosen files (``invoke validate PATH``)
checks the roadshow files but does not schedule, as it has not read every project.

Example::

    problems = check_roadshow(document, file, references, schema)
    agendas, problems = plan_roadshows(documents, model, schema)
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from showcase.load.yamlfile import Document, JsonPath, load_yaml
from showcase.model import Model
from showcase.paths import Layout
from showcase.problems import Problem
from showcase.roadshow.scheduler import schedule
from showcase.roadshow.selection import select_projects
from showcase.roadshows import DEFAULT_TIMEZONE, Agenda, Roadshow, roadshow_from_data
from showcase.validate.labels import Report, check_id_matches_file, closest_id, problem_at, reporter
from showcase.validate.personal_data import scan_document
from showcase.validate.personal_text import PersonalDataRules
from showcase.validate.schema_check import SchemaChecker

_CLOCK = re.compile(r"^(\d{2}):(\d{2})$")


@dataclass(frozen=True)
class RoadshowReferences:
    """Ids a roadshow may name; None when that registry could not be read."""

    projects: frozenset[str]
    colleges: frozenset[str] | None
    mentors: frozenset[str] | None
    fields: frozenset[str] | None
    closed: frozenset[str] = frozenset()
    """Projects whose status is closed (only those the run has read)."""
    today: datetime.date | None = None
    """Roadshows whose last day is before this one are history and may name any project."""


def check_roadshow(
    document: Document, file: Path, references: RoadshowReferences, schema: dict[str, Any]
) -> list[Problem]:
    """Every problem of the roadshow in `document` that its schema cannot see."""
    data = document.data
    if not isinstance(data, dict):
        return []
    found: list[Problem] = []
    report = reporter(document, schema, found)
    check_id_matches_file(data, file, "roadshow.id-filename", "路演编号", report)
    _check_timezone(data.get("timezone"), report)
    days = _check_days(_records(data, "days"), report)
    _check_breaks(_records(data, "breaks"), days, report)
    rooms = _unique_ids(
        _records(data, "rooms"), "rooms", "路演室", "roadshow.duplicate-rooms", report
    )
    _unique_ids(_records(data, "tracks"), "tracks", "分组", "roadshow.duplicate-tracks", report)
    _unique_ids(_records(data, "judges"), "judges", "评委", "roadshow.duplicate-judges", report)
    _check_references(data, references, rooms, report)
    _check_closed(data, references, days, report)
    _check_pins(data, days, report)
    _check_unavailable(_records(data, "unavailable"), report)
    return found


def plan_roadshows(
    documents: Iterable[Document],
    model: Model,
    schema: dict[str, Any],
    today: datetime.date | None = None,
) -> tuple[dict[str, Agenda], list[Problem]]:
    """The agenda of every roadshow, or the problems that prevent one, pinned to its file.

    A roadshow whose last day is before `today` counts as held (see `schedule`), and
    must name its projects itself (`_held_selection`).
    """
    agendas: dict[str, Agenda] = {}
    problems: list[Problem] = []
    for document in documents:
        roadshow = roadshow_from_data(document.data, document.path)
        last_day = max(d.date for d in roadshow.days)
        held = today is not None and last_day < today.isoformat()
        if held and not roadshow.selection.empty:
            problems.append(_held_selection(document, schema, roadshow, model, last_day))
        plan = schedule(roadshow, model.projects, model.mentors, held)
        problems += [
            problem_at(document, schema, i.path, i.rule, i.message, i.hint) for i in plan.issues
        ]
        if plan.agenda is not None:
            agendas[roadshow.id] = plan.agenda
    first_day = {rid: agenda.roadshow.days[0].date for rid, agenda in agendas.items()}
    return {rid: agendas[rid] for rid in sorted(agendas, key=lambda r: (first_day[r], r))}, problems


def _held_selection(
    document: Document, schema: dict[str, Any], roadshow: Roadshow, model: Model, last_day: str
) -> Problem:
    """A held roadshow chosen by a rule would take in every project that matches later
    (a new nursery project in last spring's nursery roadshow, its judges' counts changed):
    its list must be frozen. The hint is the list the rule gives now, one line to paste."""
    chosen = sorted(select_projects(roadshow, model.projects))
    return problem_at(
        document,
        schema,
        ("selection",),
        "roadshow.held-selection",
        f"这场路演已于 {last_day} 举行，参加项目却仍由 selection 规则选出："
        "之后登记的符合条件的项目会被排进这场已经举行的路演。",
        f"删去 selection，改为写明参加过的项目（按现在的规则是这一行：projects: "
        f"[{', '.join(chosen)}]），再删去路演之后才登记、并未参加的项目。",
    )


def _records(data: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    items = data.get(key)
    if not isinstance(items, list):
        return []
    return [(index, item) for index, item in enumerate(items) if isinstance(item, dict)]


def _check_timezone(value: Any, report: Report) -> None:
    if not isinstance(value, str) or value == DEFAULT_TIMEZONE:
        return
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        report(
            ("timezone",),
            "roadshow.timezone",
            f"时区 {value} 不存在。",
            "写 IANA 时区名，例如 Asia/Shanghai；在北京时间举行的路演删除这一行即可。",
        )


def _clock(value: str) -> int | None:
    match = _CLOCK.match(value)
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        return None
    return int(match.group(1)) * 60 + int(match.group(2))


def _range(value: Any, path: JsonPath, report: Report) -> tuple[int, int] | None:
    if not isinstance(value, str) or value.count("-") != 1:
        return None
    start_text, end_text = value.split("-")
    start, end = _clock(start_text), _clock(end_text)
    if start is None or end is None:
        report(
            path,
            "time.invalid",
            f"「{value}」里有不存在的钟点。",
            "钟点写成 24 小时制 HH:MM，小时 00–23，分钟 00–59，例如 09:00-12:00。",
        )
        return None
    if end <= start:
        report(
            path,
            "time.end-before-start",
            f"时段 {value} 的结束不晚于开始。",
            "前面写开始钟点，后面写结束钟点，例如 14:00-17:30。",
        )
        return None
    return start, end


def _check_days(
    days: list[tuple[int, dict[str, Any]]], report: Report
) -> dict[str, list[tuple[int, int]]]:
    """Each real date's windows, checked to be real, ordered and not overlapping."""
    windows_of: dict[str, list[tuple[int, int]]] = {}
    for index, day in days:
        date = day.get("date")
        if not isinstance(date, str) or not _real_date(date, ("days", index, "date"), report):
            continue
        if date in windows_of:
            report(
                ("days", index, "date"),
                "roadshow.duplicate-day",
                f"日期 {date} 写了两次。",
                "同一天的多个时段写在同一个 windows 列表里。",
            )
            continue
        windows: list[tuple[int, int]] = []
        raw = day.get("windows")
        for w_index, text in enumerate(raw if isinstance(raw, list) else ()):
            path = ("days", index, "windows", w_index)
            window = _range(text, path, report)
            if window and windows and window[0] < windows[-1][1]:
                report(
                    path,
                    "roadshow.window-order",
                    f"时段 {text} 与前一个时段重叠或顺序颠倒。",
                    "按时间先后写时段，且互不重叠，例如 09:00-12:00、14:00-17:30。",
                )
            elif window:
                windows.append(window)
        windows_of[date] = windows
    return windows_of


def _real_date(text: str, path: JsonPath, report: Report) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        if re.match(r"^\d{4}-\d{2}-\d{2}$", text):
            report(
                path,
                "date.invalid",
                f"「{text}」不是真实存在的日期。",
                "写成 YYYY-MM-DD 的真实日期，例如 2026-05-20。",
            )
        return False
    return True


def _check_breaks(
    breaks: list[tuple[int, dict[str, Any]]], days: dict[str, list[tuple[int, int]]], report: Report
) -> None:
    for index, item in breaks:
        day = item.get("day")
        if isinstance(day, str) and day not in days:
            if _real_date(day, ("breaks", index, "day"), report):
                report(
                    ("breaks", index, "day"),
                    "roadshow.break-day",
                    f"休息日期 {day} 不是本次路演的日期。",
                    f"写 days 里的日期之一：{'、'.join(days) or '（无）'}；"
                    "每天都有的休息删除 day。",
                )
            continue
        span = _range(item.get("time"), ("breaks", index, "time"), report)
        targets = [day] if isinstance(day, str) else list(days)
        for date in targets:
            windows = days[date]
            if span and windows and not (windows[0][0] <= span[0] and span[1] <= windows[-1][1]):
                report(
                    ("breaks", index, "time"),
                    "roadshow.break-outside-day",
                    f"休息时段 {item['time']} 不在 {date} 的路演时间内。",
                    "休息要落在当天第一个时段开始和最后一个时段结束之间。",
                )
                break


def _unique_ids(
    items: list[tuple[int, dict[str, Any]]], key: str, noun: str, rule: str, report: Report
) -> set[str]:
    seen: set[str] = set()
    for index, item in items:
        value = item.get("id")
        if not isinstance(value, str):
            continue
        if value in seen:
            report(
                (key, index, "id"),
                rule,
                f"{noun}编号 {value} 重复。",
                f"每个{noun}用不同的编号。",
            )
        seen.add(value)
    return seen


def _check_references(
    data: dict[str, Any], refs: RoadshowReferences, rooms: set[str], report: Report
) -> None:
    def need(
        value: Any, path: JsonPath, known: Iterable[str] | None, what: str, where: str
    ) -> None:
        if not isinstance(value, str) or known is None or value in known:
            return
        match = closest_id(value, known)
        report(
            path,
            "roadshow.unknown-reference",
            f"{what} {value} 不存在。",
            f"是不是 {match}？" if match else f"写{where}里已有的编号。",
        )

    projects = data.get("projects")
    for index, pid in enumerate(projects if isinstance(projects, list) else ()):
        need(pid, ("projects", index), refs.projects, "项目编号", " projects/ ")
    selection = data.get("selection") if isinstance(data.get("selection"), dict) else {}
    for key, known, what in (
        ("colleges", refs.colleges, "学院编号"),
        ("fields", refs.fields, "领域编号"),
    ):
        values = selection.get(key)
        for index, value in enumerate(values if isinstance(values, list) else ()):
            need(value, ("selection", key, index), known, what, f" content/{key}.yaml ")
    for index, track in _records(data, "tracks"):
        fields = track.get("fields")
        for f_index, value in enumerate(fields if isinstance(fields, list) else ()):
            need(
                value,
                ("tracks", index, "fields", f_index),
                refs.fields,
                "领域编号",
                " content/fields.yaml ",
            )
    for index, judge in _records(data, "judges"):
        need(
            judge.get("college"),
            ("judges", index, "college"),
            refs.colleges,
            "学院编号",
            " content/colleges.yaml ",
        )
        need(
            judge.get("mentor"),
            ("judges", index, "mentor"),
            refs.mentors,
            "导师编号",
            " content/mentors.yaml ",
        )
        need(judge.get("room"), ("judges", index, "room"), rooms, "路演室编号", "本文件 rooms ")
        conflicts = judge.get("conflicts")
        for c_index, pid in enumerate(conflicts if isinstance(conflicts, list) else ()):
            need(
                pid,
                ("judges", index, "conflicts", c_index),
                refs.projects,
                "项目编号",
                " projects/ ",
            )
    for key in ("pinned", "unavailable", "results"):
        for index, item in _records(data, key):
            need(
                item.get("project"),
                (key, index, "project"),
                refs.projects,
                "项目编号",
                " projects/ ",
            )
    for index, pin in _records(data, "pinned"):
        need(pin.get("room"), ("pinned", index, "room"), rooms, "路演室编号", "本文件 rooms ")


def _check_closed(
    data: dict[str, Any], refs: RoadshowReferences, days: dict[str, Any], report: Report
) -> None:
    """A roadshow still to come must not put a closed project on its agenda."""
    if refs.today is None or not days or max(days) < refs.today.isoformat():
        return
    projects = data.get("projects")
    for index, pid in enumerate(projects if isinstance(projects, list) else ()):
        if isinstance(pid, str) and pid in refs.closed:
            report(
                ("projects", index),
                "roadshow.closed-project",
                f"项目 {pid} 已终止（status: closed），不能排进还没举行的路演。",
                "从 projects 列表删除它；若项目其实仍在孵化，改正项目文件里的 status。",
            )


def _moment(value: Any, path: JsonPath, report: Report) -> datetime.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.datetime.strptime(value, "%Y-%m-%d %H:%M")
    except ValueError:
        if re.match(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$", value):
            report(
                path,
                "date.invalid",
                f"「{value}」不是真实存在的时间。",
                "写成 YYYY-MM-DD HH:MM 的真实日期和 24 小时制钟点，例如 2026-05-20 09:30。",
            )
        return None


def _check_pins(
    data: dict[str, Any], days: dict[str, list[tuple[int, int]]], report: Report
) -> None:
    fmt = data.get("format") if isinstance(data.get("format"), dict) else {}
    length = sum(
        v for k, v in fmt.items() if k in ("pitch_minutes", "qa_minutes") and isinstance(v, int)
    )
    breaks = [(b.get("day"), b.get("time")) for _, b in _records(data, "breaks")]
    for index, pin in _records(data, "pinned"):
        path = ("pinned", index, "start")
        moment = _moment(pin.get("start"), path, report)
        if moment is None:
            continue
        date, start = pin["start"][:10], moment.hour * 60 + moment.minute
        inside = any(w[0] <= start and start + length <= w[1] for w in days.get(date, ()))
        clash = next(
            (
                t
                for d, t in breaks
                if isinstance(t, str)
                and (not d or d == date)
                and _overlaps(t, start, start + length)
            ),
            None,
        )
        if not inside:
            report(
                path,
                "roadshow.pin-outside-window",
                f"指定时间 {pin['start']} 起的 {length} 分钟不在任何路演时段内。",
                "指定时间要落在 days 里某一天的某个时段内，并留够陈述加问答的时间。",
            )
        elif clash:
            report(
                path,
                "roadshow.pin-in-break",
                f"指定时间 {pin['start']} 起的 {length} 分钟与固定休息 {clash} 重叠。",
                "把指定时间移到休息之前或之后。",
            )


def _overlaps(text: str, start: int, end: int) -> bool:
    match = re.match(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$", text)
    if not match:
        return False
    hours = [int(part) for part in match.groups()]
    return hours[0] * 60 + hours[1] < end and start < hours[2] * 60 + hours[3]


def _check_unavailable(items: list[tuple[int, dict[str, Any]]], report: Report) -> None:
    for index, item in items:
        start = _moment(item.get("from"), ("unavailable", index, "from"), report)
        end = _moment(item.get("to"), ("unavailable", index, "to"), report)
        if start and end and end <= start:
            report(
                ("unavailable", index, "to"),
                "roadshow.unavailable-order",
                f"结束时间 {item['to']} 不晚于开始时间 {item['from']}。",
                "检查日期和钟点。",
            )


@dataclass
class CheckedRoadshows:
    documents: list[Document]
    problems: list[Problem]


def check_roadshow_files(
    files: Iterable[Path],
    layout: Layout,
    references: RoadshowReferences,
    checker: SchemaChecker,
    personal: PersonalDataRules,
) -> CheckedRoadshows:
    """Load, schema-check, rule-check and scan for personal data every roadshow file."""
    checked = CheckedRoadshows([], [])
    for file in files:
        document, problems = load_yaml(file, layout.relative(file))
        checked.problems += problems
        if document is None:
            continue
        schema_problems = checker.check(document)
        checked.problems += schema_problems
        checked.problems += check_roadshow(document, file, references, checker.schema)
        checked.problems += scan_document(document, checker.schema, personal)
        if not schema_problems:
            checked.documents.append(document)
    return checked
