"""Project, event and mentor pages in a real browser, on a phone-sized screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from showcase.commands.gather import stamp_of
from tests.browser.conftest import ServedSite

pytestmark = pytest.mark.browser


def test_project_page_shows_team_timeline_and_no_hidden_member(
    page: Any, served_site: ServedSite, artifacts: Path
) -> None:
    project = served_site.model.projects["project-00001"]
    page.goto(f"{served_site.url}projects/{project.id}/")
    team = page.locator(".sc-team").inner_text()
    assert all(member.name in team for member in project.team)
    assert "另有 1 名成员未公开姓名" in page.locator("body").inner_text()
    steps = page.locator(".sc-timeline time").all_inner_texts()
    assert steps == sorted(steps) and len(steps) == len(project.milestones)
    assert 0 < page.locator(".sc-section", has_text="相关项目").locator("li").count() <= 4
    page.screenshot(path=str(artifacts / "project-page-375.png"), full_page=True)


def test_project_page_links_lead_to_college_and_mentor(page: Any, served_site: ServedSite) -> None:
    page.goto(f"{served_site.url}projects/project-00001/")
    page.locator(".sc-section", has_text="创业导师").get_by_role("link", name="王老师").click()
    page.wait_for_url("**/mentors/wang-laoshi/")
    assert page.locator("h1").inner_text() == "王老师"
    page.locator(".sc-mentor-projects").get_by_role("link", name="示例项目1", exact=True).click()
    page.wait_for_url("**/projects/project-00001/")


def test_event_page_offers_its_calendar_file(page: Any, served_site: ServedSite) -> None:
    page.goto(f"{served_site.url}events/2026-spring-roadshow/")
    link = page.get_by_role("link", name="添加到日历（.ics）")
    assert link.get_attribute("href") == "../2026-spring-roadshow.ics"
    response = page.request.get(f"{served_site.url}events/2026-spring-roadshow.ics")
    assert response.ok and "calendar" in response.headers["content-type"]
    text = response.text()
    assert text.startswith("BEGIN:VCALENDAR") and "TZID:Asia/Shanghai" in text
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "2026-spring-roadshow.ics"


def test_events_page_splits_upcoming_and_past_by_the_visitors_clock(
    page: Any, served_site: ServedSite, artifacts: Path
) -> None:
    page.clock.set_fixed_time("2026-06-01T12:00:00+08:00")
    page.goto(f"{served_site.url}events/")
    upcoming = page.locator("#sc-events-upcoming")
    past = page.locator("#sc-events-past")
    assert upcoming.is_visible() and past.is_visible()
    assert "专利与软著沙龙" in upcoming.inner_text()
    assert "2026 春季项目路演" in past.inner_text()
    listed = page.locator(".sc-event-list li").count()
    assert listed == len(served_site.model.public_events())
    page.screenshot(path=str(artifacts / "events-page-375.png"), full_page=True)


def test_events_page_without_javascript_lists_every_event_split_by_the_build(
    browser: Any, served_site: ServedSite
) -> None:
    """Without the script the split is the build's, against its publication date."""
    as_of = stamp_of(served_site.model).date()  # what serve_model's build defaults to
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 812})
    try:
        page = context.new_page()
        page.goto(f"{served_site.url}events/")
        upcoming = page.locator("#sc-events-upcoming li").all_inner_texts()
        past = page.locator("#sc-events-past li").all_inner_texts()
        events = served_site.model.public_events()
        assert len(upcoming) == sum(e.end[:10] >= as_of.isoformat() for e in events)
        assert len(upcoming) + len(past) == len(events)
        assert any("2026 年 4 月 22 日" in item for item in upcoming + past)
    finally:
        context.close()


def test_services_and_colleges_render(page: Any, served_site: ServedSite) -> None:
    page.goto(f"{served_site.url}services/")
    assert page.locator("#service-legal h2").inner_text() == "法律援助"
    page.goto(f"{served_site.url}colleges/textile/")
    assert page.locator("h2", has_text="学院创业苗圃").count() == 1
