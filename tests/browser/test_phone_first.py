"""The sample site on a 390×844 phone: what a visitor taps and reads.

The repository's own sample data (48 projects, two roadshows, the staff guides) is built
as for the manifest and served locally. Checked here: the home page's numbers and ladder
lead to the directory filtered to what they count, with the same count; the directory's
facets fold, every tap target is at least 44 px high and the first results sit on the
first screen; a roadshow's run of show is one list per room; the 404 page offers search
and the directory; staff guides are under 工作指南 (footer, submit page), not in the menu.
No page is wider than the screen.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

PHONE_390 = {"width": 390, "height": 844}
TAP = 44
"""The smallest comfortable tap target, in CSS pixels."""
STAFF_GUIDES = (
    "如何添加和更新项目",
    "提交指南：从表单到合并请求",
    "典型案例工作指南",
    "项目路演组织指南",
    "项目申报评审组织指南",
    "网站发布与服务器部署指南",
)


@pytest.fixture
def phone(page: Any) -> Any:
    page.set_viewport_size(PHONE_390)
    return page


def fits_the_screen(page: Any) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def directory_count(page: Any) -> int:
    status = page.get_by_test_id("directory-status")
    status.filter(has_text="共").wait_for()
    return int(re.search(r"共 (\d+) 个项目", status.inner_text()).group(1))


def heights(locator: Any) -> list[float]:
    return locator.evaluate_all("nodes => nodes.map(node => node.getBoundingClientRect().height)")


@pytest.mark.parametrize(
    ("stat", "facet", "value"),
    [
        ("projects", None, None),
        ("level-nursery", "level", "nursery"),
        ("level-makerspace", "level", "makerspace"),
        ("level-incubator", "level", "incubator"),
        ("stage-seed", "stage", "seed"),
        ("stage-startup", "stage", "startup"),
        ("stage-growth", "stage", "growth"),
    ],
)
def test_a_home_number_leads_in_one_tap_to_the_directory_showing_that_many(
    phone: Any, sample_url: str, stat: str, facet: str | None, value: str | None
) -> None:
    phone.goto(sample_url)
    number = phone.get_by_test_id(f"stat-{stat}")
    expected = int(number.inner_text())
    assert expected > 0 and fits_the_screen(phone)
    link = phone.locator("a.sc-stat", has=number)
    assert link.bounding_box()["height"] >= TAP
    link.click()
    phone.wait_for_url("**/projects/**")
    assert directory_count(phone) == expected
    if facet:
        assert phone.locator(f"input[name={facet}][value={value}]").is_checked()
        assert phone.locator(f"details[data-group={facet}]").get_attribute("open") is not None
        assert phone.locator("input[type=checkbox]:checked").count() == 1
    assert fits_the_screen(phone)


def test_home_numbers_look_like_links(phone: Any, sample_url: str) -> None:
    """A tile that opens the directory shows it: its label in the colour of the page's
    links, underlined, with an arrow; a plain link of the page is the reference."""
    phone.goto(sample_url)
    style = """node => { const s = getComputedStyle(node);
      return [s.color, s.textDecorationLine, getComputedStyle(node, "::after").content]; }"""
    link_colour = phone.locator(".md-content a.sc-more").evaluate(style)[0]
    tiles = phone.locator("a.sc-stat .sc-stat__label")
    assert tiles.count() >= 7
    for colour, decoration, after in tiles.evaluate_all(f"nodes => nodes.map({style})"):
        assert colour == link_colour and "underline" in decoration and "›" in after


def test_each_ladder_step_leads_to_its_level_in_the_directory(phone: Any, sample_url: str) -> None:
    for level in ("nursery", "makerspace", "incubator"):
        phone.goto(sample_url)
        expected = int(phone.get_by_test_id(f"ladder-{level}").text_content())
        step = phone.locator(f".sc-ladder a:has(.sc-level-{level})")
        box = step.bounding_box()
        assert box["height"] >= TAP and box["width"] >= TAP
        step.click()
        phone.wait_for_url(f"**/projects/?level={level}")
        assert directory_count(phone) == expected
        assert phone.locator(f"input[name=level][value={level}]").is_checked()


def test_the_directory_folds_its_facets_and_shows_results_on_the_first_screen(
    phone: Any, sample_url: str, artifacts: Path
) -> None:
    phone.goto(sample_url + "projects/")
    cards = phone.locator("[data-testid=directory-cards] li")
    cards.first.wait_for()
    groups = phone.locator("details.sc-facet-group")
    assert groups.count() == 7
    assert all(group.get_attribute("open") is None for group in groups.all())
    assert not phone.locator("input[name=college]").first.is_visible()
    assert min(heights(groups.locator("> summary"))) >= TAP
    controls = phone.locator(".sc-filters__bar select, .sc-filters__bar button")
    assert controls.count() == 2 and min(heights(controls)) >= TAP
    assert cards.first.bounding_box()["y"] < PHONE_390["height"], (
        "the first result is below the fold"
    )
    assert fits_the_screen(phone)
    phone.screenshot(path=str(artifacts / "directory-folded-390x844.png"))

    college = phone.locator("details[data-group=college]")
    college.locator("> summary").click()
    options = college.locator("label.sc-option")
    assert options.first.is_visible() and min(heights(options)) >= TAP
    assert fits_the_screen(phone)
    before = directory_count(phone)
    options.first.click()
    phone.wait_for_url("**/projects/?college=*")
    assert directory_count(phone) < before
    assert college.locator(".sc-facet-group__chosen").inner_text() == "已选 1"
    phone.screenshot(path=str(artifacts / "directory-college-open-390x844.png"), full_page=True)
    to_results = college.locator(".sc-facet-group__results")
    assert to_results.inner_text() == f"查看 {directory_count(phone)} 个项目"
    assert to_results.bounding_box()["height"] >= TAP
    to_results.click()
    first_card = cards.first.bounding_box()
    assert 0 <= first_card["y"] < PHONE_390["height"], "the results are one tap away"
    phone.evaluate("window.scrollTo(0, 0)")
    college.locator("> summary").click()
    assert not options.first.is_visible()


def test_a_roadshow_lists_each_room_as_a_list_that_fits_a_phone(
    phone: Any, sample_url: str, artifacts: Path
) -> None:
    phone.goto(sample_url + "roadshows/2026-winter-demo-day/")
    runs = phone.locator(".sc-rs-runs")
    assert runs.locator("table").count() == 0
    lists = runs.locator("ol.sc-rs-run")
    assert lists.count() == runs.locator("h3").count() == 3
    for entry in lists.locator("li").all():
        box = entry.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE_390["width"]
    assert "候场" in lists.first.locator("li").first.inner_text()
    assert phone.locator("table").count() == 0
    assert fits_the_screen(phone)
    phone.screenshot(path=str(artifacts / "roadshow-runs-390x844.png"), full_page=True)


def test_the_404_page_is_in_chinese_and_offers_search_and_the_directory(
    phone: Any, sample_url: str
) -> None:
    phone.goto(sample_url + "404.html")
    assert phone.locator("article h1").inner_text() == "找不到这个页面"
    assert "Not found" not in phone.locator("body").inner_text()
    assert fits_the_screen(phone)
    search = phone.get_by_text("搜索本站")
    assert search.bounding_box()["height"] >= TAP
    search.click()
    query = phone.locator("input.md-search__input")
    query.wait_for()
    assert query.is_visible()
    phone.keyboard.press("Escape")
    phone.goto(sample_url + "404.html")
    phone.get_by_role("link", name="浏览项目名录").click()
    phone.wait_for_url("**/projects/")
    assert directory_count(phone) == 48


def test_every_box_and_button_of_the_submit_form_is_a_44_px_target(
    phone: Any, sample_url: str
) -> None:
    """A tick box is tapped through the row around it (its label), 删除这一项 and the other
    buttons by themselves; each at least 44×44 px, on a form that fits the screen."""
    phone.goto(sample_url + "submit/")
    phone.click("[data-path='achievements'] > div > .sc-repeat__add")
    boxes = phone.locator(".sc-submit__form input[type=checkbox]")
    assert boxes.count() > 10
    rows = boxes.evaluate_all(
        "nodes => nodes.map(node => { const r = node.closest('label').getBoundingClientRect();"
        " return [node.name, r.width, r.height]; })"
    )
    assert [row for row in rows if row[1] < TAP or row[2] < TAP] == []
    buttons = phone.locator(".sc-submit__form button:visible")
    assert phone.locator(".sc-repeat__remove:visible").count() >= 2
    sizes = buttons.evaluate_all(
        "nodes => nodes.map(node => [node.textContent, node.getBoundingClientRect().width,"
        " node.getBoundingClientRect().height])"
    )
    assert [size for size in sizes if size[1] < TAP or size[2] < TAP] == []
    assert fits_the_screen(phone)


def test_staff_guides_are_under_the_footer_and_the_submit_page_not_in_the_menu(
    phone: Any, sample_url: str
) -> None:
    phone.goto(sample_url)
    menu = phone.locator("nav.md-nav--primary").inner_text()
    assert "工作指南" not in menu and not any(title in menu for title in STAFF_GUIDES)
    assert "关于众创空间" in menu
    footer_link = phone.locator("footer").get_by_role("link", name="工作指南")
    assert footer_link.bounding_box()["height"] >= TAP
    footer_link.click()
    phone.wait_for_url("**/guides/")
    listed = phone.locator(".sc-guides a").all_inner_texts()
    assert sorted(listed) == sorted((*STAFF_GUIDES, "推荐典型案例（表单）"))
    assert fits_the_screen(phone)
    phone.get_by_role("link", name="项目路演组织指南").click()
    phone.wait_for_url("**/pages/roadshow-guide/")
    phone.goto(sample_url + "submit/")
    phone.locator("article").get_by_role("link", name="工作指南").click()
    phone.wait_for_url("**/guides/")
