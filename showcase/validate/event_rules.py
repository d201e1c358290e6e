"""Rules for one event file (content/events/<id>.yaml) beyond its schema.

An event names its id in the file name, runs from a real start to a later end (Beijing
wall-clock ``YYYY-MM-DD HH:MM``), and may list project and mentor ids that must exist.

A scheduled roadshow is listed among the events by itself (`showcase.model.roadshow_event`),
so `check_roadshow_repeats` refuses an event file that repeats one, by id or by title,
rather than merging the two: the roadshow file stays the one source of its schedule.

Example::

    check_event(document, file, project_ids, mentor_ids, schema)
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from showcase.load.yamlfile import Document, JsonPath
from showcase.paths import ROADSHOWS
from showcase.problems import Problem
from showcase.validate.labels import Report, check_id_matches_file, closest_id, reporter

_TIME_FORMAT = "%Y-%m-%d %H:%M"
_TIME_SHAPE = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")


def check_event(
    document: Document,
    file: Path,
    project_ids: frozenset[str],
    mentor_ids: frozenset[str] | None,
    schema: dict[str, Any],
) -> list[Problem]:
    """Every cross-record problem of the event in `document`."""
    data = document.data
    if not isinstance(data, dict):
        return []
    found: list[Problem] = []
    report = reporter(document, schema, found)
    check_id_matches_file(data, file, "event.id-filename", "活动编号", report)
    start = _time(data.get("start"), ("start",), report)
    end = _time(data.get("end"), ("end",), report)
    if start and end and end <= start:
        report(
            ("end",),
            "event.end-before-start",
            f"结束时间 {data['end']} 不晚于开始时间 {data['start']}。",
            "检查日期和钟点。",
        )
    projects = data.get("projects")
    for index, project in enumerate(projects if isinstance(projects, list) else ()):
        if isinstance(project, str) and project not in project_ids:
            match = closest_id(project, project_ids)
            report(
                ("projects", index),
                "event.unknown-project",
                f"项目编号 {project} 不存在。",
                f"是不是 {match}？" if match else "写 projects/ 里已有项目的编号（文件名）。",
            )
    speakers = data.get("speakers")
    for index, speaker in enumerate(speakers if isinstance(speakers, list) else ()):
        mentor = speaker.get("mentor") if isinstance(speaker, dict) else None
        if isinstance(mentor, str) and mentor_ids is not None and mentor not in mentor_ids:
            report(
                ("speakers", index, "mentor"),
                "event.unknown-mentor",
                f"导师编号 {mentor} 不在导师名录 content/mentors.yaml 里。",
                "写导师名录里的编号；不是导师的嘉宾删除 mentor 这一行。",
            )
    return found


def check_roadshow_repeats(
    events: Iterable[Document], roadshows: Mapping[str, str], schema: dict[str, Any]
) -> list[Problem]:
    """Event files that repeat a roadshow: `roadshows` maps each roadshow id to its title
    ("" when its file could not be read)."""
    by_title = {title: roadshow_id for roadshow_id, title in roadshows.items() if title}
    found: list[Problem] = []
    for document in events:
        data = document.data
        if not isinstance(data, dict):
            continue
        report = reporter(document, schema, found)
        event_id, title = data.get("id"), data.get("title")
        if isinstance(event_id, str) and event_id in roadshows:
            twin, path, what = event_id, ("id",), f"活动编号 {event_id} "
        elif isinstance(title, str) and title in by_title:
            twin, path, what = by_title[title], ("title",), f"活动名称「{title}」"
        else:
            continue
        report(
            path,
            "event.duplicates-roadshow",
            f"{what}与路演 {ROADSHOWS}/{twin}.yaml 重复：路演会自动列入活动页、"
            "日历订阅和首页，再写一份活动就会列出两次。",
            f"删除 {document.path}，路演的时间、地点和项目以 {ROADSHOWS}/{twin}.yaml 为准；"
            "若确是另一场活动，换一个编号和名称。",
        )
    return found


def _time(value: Any, path: JsonPath, report: Report) -> datetime.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.datetime.strptime(value, _TIME_FORMAT)
    except ValueError:
        if _TIME_SHAPE.match(value):  # other shapes are the schema's to report
            report(
                path,
                "date.invalid",
                f"「{value}」不是真实存在的时间。",
                "写成 YYYY-MM-DD HH:MM 的真实日期和 24 小时制钟点，例如 2026-12-05 14:00。",
            )
        return None
