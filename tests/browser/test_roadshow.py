"""The roadshow page in a real browser: grid, links, phone layout, the print version, and
the investor's way to it from the home page through 活动."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests.browser.conftest import ServedSite, browser_model, serve_model
from tests.roadshow.builders import with_agenda

pytestmark = pytest.mark.browser

JUDGES = [
    {
        "id": "wang",
        "name": "王老师",
        "organisation": "计算机学院",
        "room": "hall-a",
        "college": "computing",
    }
]


@pytest.fixture(scope="module")
def roadshow_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    model = with_agenda(browser_model(), judges=JUDGES)
    with serve_model(tmp_path_factory.mktemp("roadshow-repo"), model) as served:
        yield served


def test_grid_is_stacked_on_a_phone_and_links_to_projects(
    page: Any, roadshow_site: ServedSite, artifacts: Path
) -> None:
    page.goto(f"{roadshow_site.url}roadshows/test-roadshow/")
    rooms = page.locator(".sc-rs-grid").first.locator(".sc-rs-room")
    assert rooms.count() == 2 and rooms.first.is_visible()
    first, second = rooms.nth(0).bounding_box(), rooms.nth(1).bounding_box()
    assert second["y"] >= first["y"] + first["height"]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert "<b>*粗*</b>" in page.locator(".sc-rs-grid").first.inner_text()
    page.screenshot(path=str(artifacts / "roadshow-375.png"), full_page=True)
    agenda = roadshow_site.model.roadshows["test-roadshow"]
    slot = agenda.slots_in("hall-a")[0]
    name = roadshow_site.model.projects[slot.project].name
    page.locator(".sc-rs-grid").first.get_by_role("link", name=name, exact=True).click()
    page.wait_for_url(f"**/projects/{slot.project}/")
    assert name in page.locator("h1").inner_text()


def test_grid_has_one_column_per_room_on_a_desktop(
    page: Any, roadshow_site: ServedSite, artifacts: Path
) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{roadshow_site.url}roadshows/test-roadshow/")
    rooms = page.locator(".sc-rs-grid").first.locator(".sc-rs-room")
    first, second = rooms.nth(0).bounding_box(), rooms.nth(1).bounding_box()
    assert first["y"] == second["y"] and second["x"] > first["x"]
    page.screenshot(path=str(artifacts / "roadshow-1280.png"), full_page=True)


def test_index_print_version_and_score_sheet_open(page: Any, roadshow_site: ServedSite) -> None:
    page.goto(f"{roadshow_site.url}roadshows/")
    page.get_by_role("link", name="测试路演").click()
    page.wait_for_url("**/roadshows/test-roadshow/")
    page.get_by_role("link", name="打印版议程").click()
    page.wait_for_url("**/roadshows/test-roadshow/print.html")
    assert "候场" in page.locator("table").first.inner_text()
    page.goto(f"{roadshow_site.url}roadshows/test-roadshow/sheet-wang.html")
    assert page.locator("td.box").count() > 0


PHONE_390 = {"width": 390, "height": 844}


def _fits_the_screen(page: Any) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_investor_reaches_the_roadshow_from_home_through_events_and_downloads_its_calendar(
    page: Any, roadshow_site: ServedSite, artifacts: Path
) -> None:
    """Home → 活动 → the roadshow → its calendar, on a 390×844 phone, in three taps."""
    page.set_viewport_size(PHONE_390)
    page.clock.install(time="2026-05-01T08:00:00+08:00")
    page.goto(roadshow_site.url)
    upcoming = page.get_by_test_id("upcoming-events")
    assert upcoming.get_by_role("link", name="测试路演").is_visible()
    assert _fits_the_screen(page)
    page.get_by_role("link", name="全部活动").click()
    page.wait_for_url("**/events/")
    assert _fits_the_screen(page)
    item = page.locator("#sc-events-upcoming li", has_text="测试路演")
    last_end = max(s.end for s in roadshow_site.model.roadshows["test-roadshow"].slots)[11:]
    assert last_end < "17:00", "the day is open till 17:00; the event ends with its pitches"
    assert f"2026 年 5 月 20 日（周三）09:00–{last_end}（北京时间）" in item.inner_text()
    roadshow = item.get_by_role("link", name="测试路演")
    roadshow.click()
    page.wait_for_url("**/roadshows/test-roadshow/")
    assert _fits_the_screen(page)
    text = page.locator("body").inner_text()
    assert "日程数据（JSON，供会议软件导入）" in text
    assert "Asia/Shanghai" not in text and "frab" not in text
    page.screenshot(path=str(artifacts / "roadshow-journey-390.png"), full_page=True)
    link = page.get_by_role("link", name="整场日历（.ics）")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "agenda.ics"
    calendar = Calendar.from_ical(Path(download.value.path()).read_bytes())
    agenda = roadshow_site.model.roadshows["test-roadshow"]
    starts = sorted(event.decoded("DTSTART") for event in calendar.walk("VEVENT"))
    first = datetime.fromisoformat(agenda.slots[0].start).replace(tzinfo=ZoneInfo("Asia/Shanghai"))
    assert starts[0] == first and len(starts) >= len(agenda.slots)


def test_a_project_page_shows_its_pitch_slot_on_a_phone(
    page: Any, roadshow_site: ServedSite
) -> None:
    page.set_viewport_size(PHONE_390)
    slot = roadshow_site.model.roadshows["test-roadshow"].slots[0]
    page.goto(f"{roadshow_site.url}projects/{slot.project}/")
    line = page.locator(".sc-pitch-slots li").first
    assert line.inner_text().startswith(f"路演：5 月 20 日 {slot.start[11:]}，")
    assert _fits_the_screen(page)
    line.get_by_role("link", name="测试路演").click()
    page.wait_for_url("**/roadshows/test-roadshow/")


def test_the_day_goes_into_a_calendar_as_one_entry_from_the_first_pitch_to_the_last(
    page: Any, roadshow_site: ServedSite
) -> None:
    page.set_viewport_size(PHONE_390)
    page.goto(f"{roadshow_site.url}roadshows/test-roadshow/")
    link = page.get_by_role("link", name="加入日历（全天）")
    assert link.bounding_box()["height"] >= 44
    with page.expect_download() as download:
        link.click()
    (entry,) = Calendar.from_ical(Path(download.value.path()).read_bytes()).walk("VEVENT")
    slots = roadshow_site.model.roadshows["test-roadshow"].slots
    zone = ZoneInfo("Asia/Shanghai")
    assert entry.decoded("DTSTART") == datetime.fromisoformat(slots[0].start).replace(tzinfo=zone)
    last = max(slot.end for slot in slots)
    assert entry.decoded("DTEND") == datetime.fromisoformat(last).replace(tzinfo=zone)
