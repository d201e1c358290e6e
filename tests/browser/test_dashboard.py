"""数据看板 and 评估办法 in Chromium, at 390×844 and on a desktop: nothing wider than the
screen (wide tables scroll inside their own region), every chart drawn and visible with
its labels as text in the page's font, screenshots kept for people to look at."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
PAGES = ("dashboard/", "dashboard/2024-2025/", "dashboard/method/", "colleges/textile/")


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("address", PAGES)
def test_the_page_fits_the_screen_and_draws_its_charts(
    page: Any, sample_url: str, artifacts: Path, size: str, address: str
) -> None:
    page.set_viewport_size(SIZES[size])
    page.goto(sample_url + address)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    charts = page.locator("svg.sc-chart__svg")
    for index in range(charts.count()):
        chart = charts.nth(index)
        chart.scroll_into_view_if_needed()
        box = chart.bounding_box()
        assert box["width"] > 200 and box["height"] > 40
        assert box["x"] >= 0 and box["x"] + box["width"] <= SIZES[size]["width"]
        label = chart.locator("text").first
        assert label.text_content()
        page_font = page.evaluate("getComputedStyle(document.body).fontFamily")
        assert label.evaluate("node => getComputedStyle(node).fontFamily") == page_font
        bars = chart.locator("rect").evaluate_all(
            "nodes => nodes.map(node => getComputedStyle(node).fill)"
        )
        assert all(fill not in ("none", "rgb(0, 0, 0)") for fill in bars)
    for region in page.locator(".sc-scroll").all():
        box = region.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= SIZES[size]["width"] + 0.5
    name = address.strip("/").replace("/", "-")
    page.screenshot(path=artifacts / f"dashboard-{name}-{size}.png", full_page=True)


def test_the_year_pages_have_charts_and_the_overview_links_every_year(
    page: Any, sample_url: str
) -> None:
    page.goto(sample_url + "dashboard/")
    years = page.get_by_role("navigation", name="选择学年").get_by_role("link")
    assert years.count() >= 5
    page.goto(sample_url + "dashboard/2024-2025/")
    assert page.locator("svg.sc-chart__svg").count() == 2  # totals, ladder
    assert page.get_by_role("heading", name="先进单位").is_visible()
    ranking = page.get_by_role("region", name="2024-2025 评估得分")
    assert ranking.evaluate("node => node.scrollWidth > node.clientWidth")  # scrolls itself


def test_the_college_stays_in_view_when_the_ranking_scrolls_sideways(
    page: Any, sample_url: str, artifacts: Path
) -> None:
    """On a phone the ranking is wider than the screen: scrolled to its last column, each
    row still shows its college (testers lost track of which row was which)."""
    page.set_viewport_size(SIZES["phone"])
    page.goto(sample_url + "dashboard/2024-2025/")
    ranking = page.get_by_role("region", name="2024-2025 评估得分")
    ranking.evaluate("node => { node.scrollLeft = node.scrollWidth; }")
    region = ranking.bounding_box()
    first_college = ranking.locator("tbody th").first
    box = first_college.bounding_box()
    assert region["x"] <= box["x"] and box["x"] + box["width"] <= region["x"] + region["width"]
    assert first_college.text_content().endswith("学院")
    assert page.get_by_text("表格较宽，可左右滑动查看各列。").first.is_visible()
    ranking.screenshot(path=artifacts / "dashboard-ranking-scrolled-phone.png")
