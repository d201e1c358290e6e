"""A changed roadshow slot reaches calendar apps that imported it; nothing else moves.

The command gathers when each event and roadshow last changed from Git
(`showcase.commands.gather.calendar_revisions`); the calendars stamp DTSTAMP with it and
derive SEQUENCE from it (`showcase.render.ical`). Tested on a Git copy of the sample
repository, read back with the `icalendar` parser.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
from pathlib import Path

import icalendar

from showcase.commands.gather import calendar_revisions, stamp_of
from showcase.model import Model
from showcase.paths import Layout, repository_root
from showcase.render.event_pages import render_event_files
from showcase.render.ical import sequence
from showcase.render.paths import EVENTS_FEED
from showcase.render.roadshow.files import roadshow_files
from showcase.validate import validate_repository

ROADSHOW = "2026-winter-demo-day"
TODAY = datetime.date(2026, 11, 30)


def _git(root: Path, when: str, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.edu.cn",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.edu.cn",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    subprocess.run(["git", "-C", str(root), *args], check=True, env=env, capture_output=True)


def _commit(root: Path, when: str) -> None:
    _git(root, when, "add", "-A")
    _git(root, when, "commit", "-q", "-m", f"change at {when}")


def _calendars(root: Path) -> tuple[Model, dict[str, bytes]]:
    layout = Layout(root)
    result = validate_repository(layout, today=TODAY)
    assert result.ok and result.model is not None, [p.text() for p in result.problems]
    model = result.model
    revisions = calendar_revisions(layout, model)
    files = roadshow_files(model, stamp_of(model), revisions)
    files.update(render_event_files(model, stamp_of(model), revisions))
    return model, {path: data for path, data in files.items() if path.endswith(".ics")}


def _slot_events(data: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT") if "-break-" not in str(e["UID"])}


def test_a_changed_slot_gets_a_higher_sequence_and_a_new_dtstamp(tmp_path: Path) -> None:
    source = repository_root()
    for folder in ("projects", "content", "schemas"):
        shutil.copytree(source / folder, tmp_path / folder)
    _git(tmp_path, "2026-11-01T10:00:00+08:00", "init", "-q")
    _commit(tmp_path, "2026-11-01T10:00:00+08:00")
    _, first = _calendars(tmp_path)
    agenda = f"roadshows/{ROADSHOW}/agenda.ics"
    before = _slot_events(first[agenda])
    assert before and {int(e["SEQUENCE"]) for e in before.values()} == {
        sequence(datetime.datetime(2026, 11, 1, 2, tzinfo=datetime.UTC))
    }

    # Same repository: byte-identical calendars; a commit that cannot move a slot (a page,
    # another event) leaves every roadshow calendar byte-identical too.
    assert _calendars(tmp_path)[1] == first
    about = tmp_path / "content" / "pages" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n补充一句。\n", encoding="utf-8")
    _commit(tmp_path, "2026-11-05T10:00:00+08:00")
    unrelated = _calendars(tmp_path)[1]
    assert {p: d for p, d in unrelated.items() if ROADSHOW in p} == {
        p: d for p, d in first.items() if ROADSHOW in p
    }

    # The organiser moves the first day's afternoon by half an hour.
    roadshow = tmp_path / "content" / "roadshows" / f"{ROADSHOW}.yaml"
    text = roadshow.read_text(encoding="utf-8")
    assert "13:30-17:30" in text
    roadshow.write_text(text.replace("13:30-17:30", "14:00-17:30"), encoding="utf-8")
    _commit(tmp_path, "2026-11-10T09:30:00+08:00")
    _, second = _calendars(tmp_path)
    after = _slot_events(second[agenda])
    moved = [uid for uid in before if before[uid]["DTSTART"].dt != after[uid]["DTSTART"].dt]
    assert moved, "moving the window moved no slot (the test is blind)"
    for uid in moved:
        assert int(after[uid]["SEQUENCE"]) > int(before[uid]["SEQUENCE"])
        assert after[uid]["DTSTAMP"].dt > before[uid]["DTSTAMP"].dt
        assert after[uid]["DTSTAMP"].dt == datetime.datetime(
            2026, 11, 10, 1, 30, tzinfo=datetime.UTC
        )
    # The roadshow's entry in the site's event feed moves with it.
    feed = {
        str(e["UID"]): e for e in icalendar.Calendar.from_ical(second[EVENTS_FEED]).walk("VEVENT")
    }
    roadshow_days = [e for uid, e in feed.items() if uid.startswith(f"event-{ROADSHOW}")]
    assert roadshow_days and all(
        int(e["SEQUENCE"]) == int(after[moved[0]]["SEQUENCE"]) for e in roadshow_days
    )


def test_outside_git_every_entry_falls_back_to_the_build_stamp(tmp_path: Path) -> None:
    source = repository_root()
    for folder in ("projects", "content", "schemas"):
        shutil.copytree(source / folder, tmp_path / folder)
    model, files = _calendars(tmp_path)
    assert calendar_revisions(Layout(tmp_path), model) == {}
    stamp = stamp_of(model).astimezone(datetime.UTC)
    for data in files.values():
        for event in icalendar.Calendar.from_ical(data).walk("VEVENT"):
            assert event["DTSTAMP"].dt == stamp
            assert int(event["SEQUENCE"]) == sequence(stamp)
