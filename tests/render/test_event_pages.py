"""Event pages and calendars: RFC 5545 files that parse, stable UIDs, no dependence on today."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from icalendar import Calendar

from showcase.render.clock import build_stamp
from showcase.render.event_pages import render_event_files, render_event_page, render_events_index
from tests.factories import make_model, make_project
from tests.render.helpers import render


def _model():
    return make_model([make_project(), *make_model(count=3).projects.values()])


STAMP = build_stamp(_model(), "")


def _uids(ics: bytes) -> list[str]:
    return [str(e["UID"]) for e in Calendar.from_ical(ics).walk("VEVENT")]


def test_every_event_has_a_calendar_and_the_feed_has_them_all() -> None:
    model = _model()
    files = render_event_files(model, build_stamp(model, ""))
    assert set(files) == {"events/events.ics", *(f"events/{e}.ics" for e in model.events)}
    feed = Calendar.from_ical(files["events/events.ics"])
    assert [str(e["SUMMARY"]) for e in feed.walk("VEVENT")] == [
        e.title for e in model.events.values()
    ]


def test_calendars_carry_the_shanghai_timezone_and_local_times() -> None:
    files = render_event_files(_model(), STAMP)
    calendar = Calendar.from_ical(files["events/2026-spring-roadshow.ics"])
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    (event,) = calendar.walk("VEVENT")
    start = event.decoded("DTSTART")
    assert start.astimezone(UTC) == datetime(2026, 4, 22, 5, 30, tzinfo=UTC)
    assert b"DTSTART;TZID=Asia/Shanghai:20260422T133000" in files["events/2026-spring-roadshow.ics"]


def test_uids_are_stable_across_renders_and_distinct_across_events() -> None:
    first, second = render_event_files(_model(), STAMP), render_event_files(_model(), STAMP)
    assert first == second
    uids = _uids(first["events/events.ics"])
    assert len(set(uids)) == len(uids) == 2
    assert uids == _uids(second["events/events.ics"])
    assert all(uid.endswith("@makerspace-showcase.invalid") for uid in uids)


def test_uids_use_the_site_host_when_there_is_one() -> None:
    model = _model()
    model.site = type(model.site)(
        **{**model.site.__dict__, "site_url": "https://m.example.edu.cn/"}
    )
    uids = _uids(render_event_files(model, STAMP)["events/events.ics"])
    assert uids[0] == "event-2026-spring-roadshow@m.example.edu.cn"
    feed = render_event_files(model, STAMP)["events/events.ics"].decode()
    assert "URL:https://m.example.edu.cn/events/2026-spring-roadshow/" in feed


def test_dtstamp_comes_from_the_data_not_the_clock() -> None:
    model = _model()
    stamp = build_stamp(model, "")
    (event, *_rest) = Calendar.from_ical(
        render_event_files(model, stamp)["events/events.ics"]
    ).walk("VEVENT")
    assert event.decoded("DTSTAMP") == stamp


def test_the_index_lists_every_event_in_order_with_machine_readable_times() -> None:
    model = _model()
    page = render_events_index(model, date(2026, 1, 1))
    starts = re.findall(r'data-start="([^"]+)"', page)
    assert starts == ["2026-04-22T13:30:00+08:00", "2026-11-12T19:00:00+08:00"]
    assert 'data-end="2026-04-22T17:30:00+08:00"' in page
    assert 'href="events.ics"' in page and 'src="../assets/events.js"' in page
    assert "2026 年 4 月 22 日（周三）13:30–17:30（北京时间）" in page


def test_event_page_shows_speakers_projects_registration_and_its_calendar() -> None:
    model = _model()
    page = render_event_page(model.events["2026-spring-roadshow"], model)
    assert '<a href="../../mentors/wang-laoshi/">王老师</a>' in page
    assert "<strong>赵投资人</strong>" in page
    assert '<a href="../../projects/sensor-fabric/">柔性传感织物</a>' in page
    assert "hostile" not in page  # not in this model, so not linked
    assert 'href="https://forms.example.edu.cn/roadshow" rel="noopener nofollow"' in page
    assert '<a class="md-button" href="../2026-spring-roadshow.ics" download>' in page
    assert "项目路演" in page and "<strong>两轮</strong>" in page


def test_the_build_does_not_depend_on_the_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rendering in a far future gives the same bytes: nothing reads the wall clock."""
    today = render(_model())

    class FrozenIn2099(datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[override]
            return datetime(2099, 1, 1, tzinfo=tz)

        @classmethod
        def today(cls):  # type: ignore[override]
            return datetime(2099, 1, 1)

    import showcase.render.clock as clock
    import showcase.render.event_pages as event_pages
    import showcase.render.ical as ical

    for module in (clock, event_pages, ical):
        monkeypatch.setattr(module, "datetime", FrozenIn2099)
    monkeypatch.setattr("time.time", lambda: 4070908800.0)
    assert render(_model()) == today
