"""Roadshows are events: each scheduled roadshow is listed in 活动, in events.ics and on the
home page, and its slots appear on project and college pages, all derived from its agenda."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from showcase.model import Model, event_from_data
from showcase.render import paths
from showcase.render.case_form_page import CASE_FORM
from showcase.render.case_visibility import Publicity
from showcase.render.event_pages import render_event_files, render_events_index
from showcase.render.roadshow import paths as roadshow_paths
from showcase.render.roadshow.slots import RoadshowSlots
from showcase.render.submit_page import SUBMIT
from tests.render.helpers import body, render, unresolved_links
from tests.roadshow.builders import projects_model, slot_of, with_agenda

SITE_URL = "https://m.example.edu.cn/"
TWO_DAYS = {
    "days": [
        {"date": "2026-05-20", "windows": ["09:00-12:00", "13:00-17:00"]},
        {"date": "2026-05-21", "windows": ["09:00-12:00"]},
    ],
    "pinned": [{"project": "p001", "start": "2026-05-21 09:00"}],
}
"""Open 09:00–17:00 and 09:00–12:00; seven pitches end at 09:58 on the first day, one
pinned pitch runs 09:00–09:13 on the second: the event shows the pitches' span."""
ROADSHOW_LINK = '<a href="../roadshows/test-roadshow/">测试路演</a>'


def _model(**overrides: Any) -> Model:
    """Eight projects over two colleges, two event files and one scheduled roadshow."""
    model = with_agenda(projects_model(8), **overrides)
    model.site = replace(model.site, site_url=SITE_URL)
    return model


def _sections(page: str) -> tuple[str, str]:
    upcoming = page.split('id="sc-events-upcoming"', 1)[1].split("</section>", 1)[0]
    past = page.split('id="sc-events-past"', 1)[1].split("</section>", 1)[0]
    return upcoming, past


def test_the_roadshow_is_listed_once_in_the_events_index_linking_to_its_page() -> None:
    model = _model()
    page = render_events_index(model, date(2026, 1, 1))
    upcoming, past = _sections(page)
    assert upcoming.count(ROADSHOW_LINK) == 1 and ROADSHOW_LINK not in past
    last_end = max(slot.end for slot in model.roadshows["test-roadshow"].slots)[11:]
    assert last_end == "09:58", "eight pitches in two rooms, not the day's opening hours"
    assert "2026 年 5 月 20 日（周三）09:00–09:58（北京时间）" in upcoming
    assert 'data-start="2026-05-20T09:00:00+08:00" data-end="2026-05-20T09:58:00+08:00"' in page
    starts = re.findall(r'data-start="([^"]+)"', upcoming)
    assert starts == sorted(starts) and len(starts) == 3


@settings(max_examples=60, deadline=None)
@given(as_of=st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 1, 1)))
def test_upcoming_or_past_is_decided_by_the_publication_date(as_of: date) -> None:
    """A two-day roadshow is upcoming through its last day and past from the day after."""
    upcoming, past = _sections(render_events_index(_model(**TWO_DAYS), as_of))
    expected_upcoming = as_of <= date(2026, 5, 21)
    assert (ROADSHOW_LINK in upcoming) is expected_upcoming
    assert (ROADSHOW_LINK in past) is not expected_upcoming
    assert "2026 年 5 月 20 日（周三）09:00–09:58、5 月 21 日（周四）09:00–09:13（北京时间）" in (
        upcoming + past
    )


def test_the_publication_date_moves_only_the_events_split_and_the_forms_day() -> None:
    """Render is pure: the date comes from the inputs, and it changes the 活动 page, the
    home page's upcoming events and the submission form's "today" (dates after it are
    refused there) alone."""
    model = _model()
    before = render(model, publicity=Publicity(date(2026, 5, 1)))
    after = render(model, publicity=Publicity(date(2026, 6, 1)))
    changed = {path for path in before.files if before.files[path] != after.files.get(path)}
    assert changed == {paths.EVENTS, paths.HOME, SUBMIT, CASE_FORM}
    assert ROADSHOW_LINK in _sections(before.files[paths.EVENTS].decode())[0]
    assert ROADSHOW_LINK in _sections(after.files[paths.EVENTS].decode())[1]


@pytest.mark.parametrize(
    ("zone", "offset"),
    [("Asia/Shanghai", 8), ("Europe/Berlin", 2), ("America/Los_Angeles", -7)],
)
def test_events_ics_has_one_vevent_per_roadshow_day_in_the_roadshows_zone(
    zone: str, offset: int
) -> None:
    model = _model(**TWO_DAYS, timezone=zone)
    files = render_event_files(model, datetime(2026, 5, 1, tzinfo=ZoneInfo("UTC")))
    feed = Calendar.from_ical(files[paths.EVENTS_FEED])
    ours = [e for e in feed.walk("VEVENT") if str(e["SUMMARY"]) == "测试路演"]
    assert [
        (e.decoded("DTSTART"), e.decoded("DTEND"), e["DTSTART"].params["TZID"]) for e in ours
    ] == [
        (
            datetime(2026, 5, 20, 9, 0, tzinfo=ZoneInfo(zone)),
            datetime(2026, 5, 20, 9, 58, tzinfo=ZoneInfo(zone)),
            zone,
        ),
        (
            datetime(2026, 5, 21, 9, 0, tzinfo=ZoneInfo(zone)),
            datetime(2026, 5, 21, 9, 13, tzinfo=ZoneInfo(zone)),
            zone,
        ),
    ]
    assert ours[0].decoded("DTSTART").utcoffset() == timedelta(hours=offset)
    assert {str(e["LOCATION"]) for e in ours} == {"众创空间路演厅"}
    assert {str(e["URL"]) for e in ours} == {f"{SITE_URL}roadshows/test-roadshow/"}
    assert [str(e["UID"]) for e in ours] == [
        "event-test-roadshow-20260520@m.example.edu.cn",
        "event-test-roadshow-20260521@m.example.edu.cn",
    ]
    assert zone in {str(tz["TZID"]) for tz in feed.walk("VTIMEZONE")}
    assert paths.event_calendar("test-roadshow") not in files  # its calendars sit beside it


def test_a_one_day_roadshow_is_one_vevent_with_a_stable_uid() -> None:
    feed = Calendar.from_ical(
        render_event_files(_model(), datetime(2026, 5, 1, tzinfo=ZoneInfo("UTC")))[
            paths.EVENTS_FEED
        ]
    )
    uids = [str(e["UID"]) for e in feed.walk("VEVENT")]
    assert uids.count("event-test-roadshow@m.example.edu.cn") == 1
    assert len(uids) == 3


def test_an_event_file_repeating_the_roadshow_is_not_listed_twice() -> None:
    """Validation refuses the repeat (event.duplicates-roadshow); the model still lists the
    roadshow once, from its own file, should one be built by hand."""
    model = _model()
    model.events["test-roadshow"] = event_from_data(
        {
            "id": "test-roadshow",
            "title": "旧的路演登记",
            "type": "roadshow",
            "start": "2026-05-20 08:00",
            "end": "2026-05-20 09:00",
            "location": "别处",
            "organiser": "创业指导中心",
            "summary": "与路演文件重复的活动。",
        }
    )
    page = render_events_index(model, date(2026, 1, 1))
    assert page.count('href="../roadshows/test-roadshow/"') == 1 and "旧的路演登记" not in page


def test_the_home_page_lists_the_roadshow_among_upcoming_events() -> None:
    tree = render(_model(), stamp=datetime(2026, 5, 1, tzinfo=ZoneInfo("Asia/Shanghai")))
    home = tree.files[paths.HOME].decode()
    upcoming = home.split('data-testid="upcoming-events"', 1)[1].split("</ul>", 1)[0]
    assert '<a href="roadshows/test-roadshow/">测试路演</a>' in upcoming
    assert 'data-end="2026-05-20T09:58:00+08:00"' in upcoming
    assert unresolved_links(tree, paths.HOME) == []


def test_each_scheduled_project_page_shows_its_slot_and_links_to_the_roadshow() -> None:
    model = _model()
    agenda = model.roadshows["test-roadshow"]
    tree = render(model)
    for project_id in model.projects:
        page = tree.files[paths.project_page(project_id)].decode()
        slot = slot_of(agenda, project_id)
        month_day = f"{int(slot.start[5:7])} 月 {int(slot.start[8:10])} 日"
        room = agenda.roadshow.room(slot.room).name
        assert "路演：<time datetime=" in page
        assert f">{month_day} {slot.start[11:]}</time>，{room}<br>" in page
        assert '<a href="../../roadshows/test-roadshow/">测试路演</a>' in page
        assert unresolved_links(tree, paths.project_page(project_id)) == []


def test_a_project_without_a_slot_has_no_roadshow_section() -> None:
    model = _model()
    model.roadshows = {}
    page = body(render(model).files[paths.project_page("p000")].decode())
    assert "路演：" not in page and 'id="roadshow-slots"' not in page


def test_a_slot_outside_beijing_time_names_its_zone() -> None:
    model = _model(timezone="Europe/Berlin")
    slot = model.roadshows["test-roadshow"].slots[0]
    block = RoadshowSlots(model).project_block(slot.project, paths.project_page(slot.project))
    assert f"{slot.start[11:]}（当地时间 UTC+2）</time>" in block
    assert "Europe/Berlin" not in block


def test_the_college_page_lists_its_projects_slots_only() -> None:
    model = _model()
    agenda = model.roadshows["test-roadshow"]
    tree = render(model)
    for college in ("textile", "computing"):
        page = tree.files[paths.college_page(college)].decode()
        block = page.split('id="roadshow-slots"', 1)[1].split("</section>", 1)[0]
        assert '<h3><a href="../../roadshows/test-roadshow/">测试路演</a></h3>' in block
        for slot in agenda.slots:
            project = model.projects[slot.project]
            line = f'<a href="../../projects/{project.id}/">{project.name}</a>：'
            assert (line in block) is (project.college == college)
        assert unresolved_links(tree, paths.college_page(college)) == []


def test_the_roadshow_page_explains_its_downloads_without_developer_words() -> None:
    tree = render(_model())
    page = tree.files[roadshow_paths.roadshow_page("test-roadshow")].decode()
    printed = tree.files[roadshow_paths.roadshow_file("test-roadshow", "print.html")].decode()
    assert "日程数据（JSON，供会议软件导入）" in page and "北京时间" in page
    for text in (page, printed):
        assert not re.search(r"frab|Asia/Shanghai|\./dev", text)
