"""Roadshow outputs: calendars, frab JSON, print version, score sheets and pages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import icalendar
from jsonschema.validators import validator_for

from showcase.render import paths as site_paths
from showcase.render.clock import build_stamp
from showcase.render.event_pages import render_event_files
from showcase.render.roadshow import paths
from showcase.render.roadshow.files import roadshow_files, roadshow_pages
from tests.render.helpers import render
from tests.roadshow.builders import projects_model, with_agenda

FRAB_SCHEMA = Path(__file__).parent / "frab" / "schema.json"
JUDGES = [
    {
        "id": "wang",
        "name": "王老师",
        "organisation": "示例大学",
        "room": "hall-a",
        "mentor": "wang-laoshi",
    },
    {
        "id": "zhao",
        "name": "赵投资人",
        "organisation": "示例创投",
        "room": "hall-b",
        "role": "investor",
    },
]


def built_files() -> dict[str, bytes]:
    model = with_agenda(projects_model(9), judges=JUDGES)
    return roadshow_files(model, build_stamp(model, ""))


def test_every_calendar_parses_carries_vtimezone_and_shares_stable_uids() -> None:
    files = built_files()
    calendars = {path: data for path, data in files.items() if path.endswith(".ics")}
    folder = "roadshows/test-roadshow/"
    assert {
        folder + name
        for name in (
            "agenda.ics",
            "room-hall-a.ics",
            "room-hall-b.ics",
            "project-p004.ics",
            "judge-wang.ics",
            "judge-zhao.ics",
        )
    } <= set(calendars)
    uids: dict[str, set[str]] = {}
    for path, data in calendars.items():
        calendar = icalendar.Calendar.from_ical(data)
        assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]
        uids[path] = {str(event["UID"]) for event in calendar.walk("VEVENT")}
    assert uids[folder + "project-p004.ics"] == {
        "roadshow-test-roadshow-p004@makerspace-showcase.invalid"
    }
    assert uids[folder + "project-p004.ics"] <= uids[folder + "agenda.ics"]
    # wang-laoshi belongs to textile: his room only sees computing projects
    judge = icalendar.Calendar.from_ical(calendars[folder + "judge-wang.ics"])
    assert {str(e["SUMMARY"]) for e in judge.walk("VEVENT")} == {
        "路演：路演项目1",
        "路演：路演项目3",
        "路演：路演项目5",
        "路演：路演项目7",
    }
    team = icalendar.Calendar.from_ical(calendars[folder + "project-p004.ics"])
    assert "开始前 15 分钟" in str(team.walk("VEVENT")[0]["DESCRIPTION"])


def test_frab_json_validates_against_the_published_schema() -> None:
    schema = json.loads(FRAB_SCHEMA.read_text(encoding="utf-8"))
    document = json.loads(built_files()["roadshows/test-roadshow/schedule.json"])
    validator = validator_for(schema)(schema, format_checker=validator_for(schema).FORMAT_CHECKER)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
    assert errors == []
    day = document["schedule"]["conference"]["days"][0]
    events = [event for room in day["rooms"].values() for event in room]
    assert len(events) == 9 and len({event["guid"] for event in events}) == 9
    assert all(event["persons"] == [] for event in events)


def test_print_version_and_score_sheets_are_print_ready_and_in_order() -> None:
    model = with_agenda(projects_model(9), judges=JUDGES)
    files = roadshow_files(model, build_stamp(model, ""))
    agenda = model.roadshows["test-roadshow"]
    printed = files["roadshows/test-roadshow/print.html"].decode()
    assert "@page" in printed and "<script" not in printed and "://" not in printed
    sheet = files["roadshows/test-roadshow/sheet-wang.html"].decode()
    names = [model.projects[s.project].name for s in agenda.slots_in("hall-a")]
    positions = [sheet.index(f'<td class="name">{name}</td>') for name in names]
    assert positions == sorted(positions)
    assert '创新性<br><span class="points">40 分</span>' in sheet and "满分 100 分" in sheet
    assert sheet.count('class="box"') == len(names) * 4


def test_the_page_links_every_project_and_every_download() -> None:
    model = with_agenda(projects_model(9), judges=JUDGES)
    pages = roadshow_pages(model)
    page = pages[paths.roadshow_page("test-roadshow")]
    for project_id in model.projects:
        assert f'href="../../projects/{project_id}/"' in page
    files = roadshow_files(model, build_stamp(model, ""))
    for link in (
        "agenda.ics",
        "print.html",
        "schedule.json",
        "sheet-wang.html",
        "judge-zhao.ics",
        "room-hall-b.ics",
        "project-p000.ics",
    ):
        assert f'href="{link}"' in page
        assert f"roadshows/test-roadshow/{link}" in files
    assert "09:00" in page and "候场" in page and "评审 4 个项目" in page


def test_results_of_a_past_roadshow_are_shown() -> None:
    model = with_agenda(
        projects_model(4),
        results=[{"project": "p001", "award": "一等奖", "promoted_to": "incubator"}],
    )
    page = roadshow_pages(model)[paths.roadshow_page("test-roadshow")]
    assert "路演结果" in page and "一等奖，晋级校外孵化加速器" in page
    assert "已有结果" in roadshow_pages(model)[paths.ROADSHOWS]


def test_two_renders_are_byte_identical_and_in_the_nav() -> None:
    first = render(with_agenda(projects_model(12), judges=JUDGES))
    second = render(with_agenda(projects_model(12), judges=JUDGES))
    roadshow_paths = [p for p in first.files if p.startswith("roadshows/")]
    assert len(roadshow_paths) > 10
    assert {p: first.files[p] for p in roadshow_paths} == {
        p: second.files[p] for p in roadshow_paths
    }
    assert {"项目路演": paths.ROADSHOWS} in first.nav


TWO_DAYS = {
    "days": [
        {"date": "2026-05-20", "windows": ["09:00-12:00", "13:00-17:00"]},
        {"date": "2026-05-21", "windows": ["09:00-12:00"]},
    ],
    "pinned": [{"project": "p001", "start": "2026-05-21 09:00"}],
}


def test_each_day_has_a_calendar_of_one_entry_from_its_first_pitch_to_its_last() -> None:
    """加入日历（…全天）: the day as one entry, the same entry (UID, times) as that day's in
    events.ics, beside the whole agenda's calendar."""
    model = with_agenda(projects_model(9), **TWO_DAYS)
    agenda = model.roadshows["test-roadshow"]
    files = roadshow_files(model, build_stamp(model, ""))
    page = roadshow_pages(model)[paths.roadshow_page("test-roadshow")]
    feed = icalendar.Calendar.from_ical(
        render_event_files(model, build_stamp(model, ""))[site_paths.EVENTS_FEED]
    )
    in_feed = {str(e["UID"]): e for e in feed.walk("VEVENT")}
    for date, label in (("2026-05-20", "5月20日"), ("2026-05-21", "5月21日")):
        slots = [slot for slot in agenda.slots if slot.day == date]
        (entry,) = icalendar.Calendar.from_ical(
            files[f"roadshows/test-roadshow/day-{date}.ics"]
        ).walk("VEVENT")
        assert entry.decoded("DTSTART").strftime("%Y-%m-%d %H:%M") == min(s.start for s in slots)
        assert entry.decoded("DTEND").strftime("%Y-%m-%d %H:%M") == max(s.end for s in slots)
        twin = in_feed[str(entry["UID"])]
        assert (twin.decoded("DTSTART"), twin.decoded("DTEND")) == (
            entry.decoded("DTSTART"),
            entry.decoded("DTEND"),
        )
        link = f'<a href="day-{date}.ics" download>加入日历（{label}全天）</a>'
        assert link in page
        assert page.index(link) < page.index('href="agenda.ics"')
    one_day = roadshow_pages(with_agenda(projects_model(9)))[paths.roadshow_page("test-roadshow")]
    assert '<a href="day-2026-05-20.ics" download>加入日历（全天）</a>' in one_day


def test_a_shared_break_sits_at_its_time_in_each_rooms_list() -> None:
    """午餐 between the 11:45 and the 13:00 pitches in every room that pitches across it,
    not in a list of its own above the rooms' 09:00 pitches."""
    model = with_agenda(projects_model(40))
    page = roadshow_pages(model)[paths.roadshow_page("test-roadshow")]
    rooms = re.findall(r'<div class="sc-rs-room"><h3>[^<]+</h3><ol>(.*?)</ol></div>', page)
    assert len(rooms) == 2
    for items in rooms:
        times = re.findall(r'<li[^>]*><time datetime="[^"]+">(\d\d:\d\d)</time>–', items)
        assert times == sorted(times) and "12:00" in times
        assert re.search(r">12:00</time>–<time [^>]+>13:00</time> 午餐</li>", items)
    assert page.count("午餐") == 2, "once per room list, never in a list of its own"
