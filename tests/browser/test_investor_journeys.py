"""An investor's three journeys through the sample site on a 390×844 phone, tap by tap.

Each journey starts on the home page and counts the taps (clicks) it takes; the counts
are printed (``-s``) for the closing note and held to what a phone user will bear:

- home → a level of the ladder → a project → its 联系项目团队 block: a mail or phone link;
- home → 全部活动 → the winter demo day → its calendar file, which a calendar reads;
- the search box → a phrase from a project's summary → that project's page.

No page on the way is wider than the screen, and every link tapped is a 44 px target.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from showcase.paths import Layout, repository_root
from showcase.validate import validate_repository
from tests.browser.test_search import RESULT_LINKS, summary_phrases, wait_for_results
from tests.browser.test_site_in_browser import search

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
TAP = 44
DEMO_DAY = "2026-winter-demo-day"


class Journey:
    """A phone page that counts the taps it is given and checks each page fits."""

    def __init__(self, page: Any) -> None:
        page.set_viewport_size(PHONE)
        self.page = page
        self.taps = 0

    def tap(self, target: Any) -> None:
        target.scroll_into_view_if_needed()
        box = target.bounding_box()
        assert box is not None and box["height"] >= TAP, (target, box)
        target.click()
        self.taps += 1

    def fits(self) -> None:
        wide = self.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert wide, f"{self.page.url} is wider than the phone"


def test_home_to_a_projects_contact_in_two_taps(page: Any, sample_url: str) -> None:
    journey = Journey(page)
    page.goto(sample_url)
    journey.fits()
    journey.tap(page.locator(".sc-ladder a:has(.sc-level-incubator)"))
    page.wait_for_url("**/projects/?level=incubator")
    card = page.locator("[data-testid=directory-cards] li a").first
    card.wait_for()
    journey.fits()
    journey.tap(card)
    page.wait_for_url(re.compile(r"/projects/[a-z0-9-]+/$"))
    journey.fits()
    block = page.locator("section.sc-contact").last
    block.scroll_into_view_if_needed()
    assert "联系项目团队" in block.inner_text()
    channels = block.locator("a[href^='mailto:'], a[href^='tel:']")
    assert channels.count() >= 1
    assert all(box["height"] >= TAP for box in (c.bounding_box() for c in channels.all()))
    print(f"journey home → filter → project → contact: {journey.taps} taps, then one to write")
    assert journey.taps == 2


def test_home_to_the_demo_days_calendar_in_three_taps(page: Any, sample_url: str) -> None:
    page.clock.install(time="2026-11-30T09:00:00+08:00")
    journey = Journey(page)
    page.goto(sample_url)
    journey.tap(page.get_by_role("link", name="全部活动"))
    page.wait_for_url("**/events/")
    journey.fits()
    model = validate_repository(Layout(repository_root())).model
    assert model is not None
    title = model.roadshows[DEMO_DAY].roadshow.title
    journey.tap(page.locator("#sc-events-upcoming").get_by_role("link", name=title).first)
    page.wait_for_url(f"**/roadshows/{DEMO_DAY}/")
    journey.fits()
    with page.expect_download() as download:
        journey.tap(page.get_by_role("link", name="整场日历（.ics）"))
    calendar = Calendar.from_ical(Path(download.value.path()).read_bytes())
    assert calendar.walk("VEVENT"), "the calendar holds the demo day's slots"
    print(f"journey home → 活动 → roadshow → calendar: {journey.taps} taps")
    assert journey.taps == 3


def test_a_phrase_to_its_project_in_two_taps(page: Any, sample_url: str) -> None:
    model = validate_repository(Layout(repository_root())).model
    assert model is not None
    project_id, phrase = summary_phrases(model)[3]
    journey = Journey(page)
    page.goto(sample_url)
    journey.tap(page.locator("label[for='__search']").first)
    search(page, phrase)
    wait_for_results(page, phrase)
    journey.tap(page.locator(RESULT_LINKS).first)
    page.wait_for_url(re.compile(rf"/projects/{project_id}/"))
    journey.fits()
    assert page.locator("h1").inner_text() == model.projects[project_id].name
    print(f"journey search → project: {journey.taps} taps")
    assert journey.taps == 2
