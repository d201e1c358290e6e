"""The roadshow page in a real browser: grid, links, phone layout and the print version."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

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
