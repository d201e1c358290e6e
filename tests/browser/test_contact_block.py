"""The "联系项目团队" block and the 联系我们 page on a 390×844 phone screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import segno

from tests.browser.conftest import ServedSite, browser_model, serve_model
from tests.factories import NURSERY, with_contacts

pytestmark = pytest.mark.browser

PHONE_390 = {"width": 390, "height": 844}
MIN_TARGET = 44
"""The smallest tap target height, in CSS pixels (WCAG 2.5.5, Apple's HIG)."""


@pytest.fixture(scope="module")
def contact_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    root = tmp_path_factory.mktemp("contact-repo")
    qr = root / NURSERY.qr_image
    qr.parent.mkdir(parents=True)
    segno.make("https://mp.example.edu.cn/jingwei").save(str(qr), kind="png", scale=4)
    with serve_model(root, with_contacts(browser_model())) as served:
        yield served


def _assert_tap_targets(page: Any, scope: Any) -> int:
    links = scope.locator("a")
    for index in range(links.count()):
        link = links.nth(index)
        link.scroll_into_view_if_needed()
        box = link.bounding_box()
        assert box is not None and link.is_visible(), link.inner_text()
        assert box["height"] >= MIN_TARGET, f"{link.inner_text()}: {box['height']} px"
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE_390["width"] + 0.5
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    return links.count()


def test_the_block_is_visible_and_every_link_is_a_44px_target(
    page: Any, contact_site: ServedSite, artifacts: Path
) -> None:
    page.set_viewport_size(PHONE_390)
    page.goto(f"{contact_site.url}projects/project-00000/")
    block = page.locator("#contact")
    block.scroll_into_view_if_needed()
    assert block.is_visible()
    assert block.locator("h2").inner_text() == "联系项目团队"
    assert _assert_tap_targets(page, block) >= 3
    assert block.get_by_role("link", name="打电话：025-84315201").get_attribute("href") == (
        "tel:+86-25-84315201"
    )
    assert not block.locator(".sc-contact__qr").is_visible(), "a phone cannot scan itself"
    block.screenshot(path=str(artifacts / "contact-block-390.png"))


def test_the_way_to_the_contact_block_is_on_the_first_screen(
    page: Any, contact_site: ServedSite
) -> None:
    """The block closes the page, screens down: 联系项目团队 under the name leads there."""
    page.set_viewport_size(PHONE_390)
    page.goto(f"{contact_site.url}projects/project-00000/")
    jump = page.locator(".sc-project__jump a")
    box = jump.bounding_box()
    assert jump.inner_text() == "联系项目团队" and box["height"] >= MIN_TARGET
    assert box["y"] + box["height"] <= PHONE_390["height"], "on the first screen"
    assert page.locator("#contact").bounding_box()["y"] > PHONE_390["height"]
    jump.click()
    page.wait_for_function("() => location.hash === '#contact'")
    heading = page.locator("#contact h2").bounding_box()
    assert 0 <= heading["y"] < PHONE_390["height"]
    edit = page.get_by_role("link", name="修改此项目")
    edit.scroll_into_view_if_needed()
    edit_box = edit.bounding_box()
    assert edit_box["height"] >= MIN_TARGET and edit_box["width"] >= MIN_TARGET


def test_qr_codes_are_for_computers_and_a_phone_gets_links_instead(
    page: Any, contact_site: ServedSite
) -> None:
    """A phone cannot scan its own screen: no QR code there ("扫码打开" under one made no
    sense), the page's address as a link; a computer shows the codes to scan."""
    page.set_viewport_size(PHONE_390)
    page.goto(f"{contact_site.url}contact/")
    assert not page.locator(".sc-contact__qr").first.is_visible()
    link = page.get_by_role("link", name="打开网页：makerspace.example.edu.cn")
    assert link.get_attribute("href") == "https://makerspace.example.edu.cn/"
    assert link.bounding_box()["height"] >= MIN_TARGET
    page.set_viewport_size({"width": 1280, "height": 900})
    images = page.locator(".sc-contact__qr img")
    assert images.count() == 2
    for index in range(images.count()):
        images.nth(index).scroll_into_view_if_needed()
        loaded = "(img) => img.complete && img.naturalWidth > 0"
        assert page.evaluate(loaded, images.nth(index).element_handle())
    captions = page.locator(".sc-contact__qr figcaption").all_inner_texts()
    assert sorted(captions) == ["微信扫码关注", "用手机扫码打开网页"]


def test_a_college_without_contacts_leads_to_the_makerspace(
    page: Any, contact_site: ServedSite
) -> None:
    page.set_viewport_size(PHONE_390)
    page.goto(f"{contact_site.url}projects/project-00001/")
    block = page.locator("#contact")
    assert "众创空间服务台" in block.inner_text()
    _assert_tap_targets(page, block)
    block.get_by_role("link", name="联系我们").click()
    page.wait_for_url("**/contact/")
    assert page.locator("h1").inner_text() == "联系我们"


def test_the_contact_page_fits_a_phone_and_opens_with_where_to_jump(
    page: Any, contact_site: ServedSite, artifacts: Path
) -> None:
    page.set_viewport_size(PHONE_390)
    page.goto(f"{contact_site.url}contact/")
    content = page.locator(".sc-contact-page")
    assert _assert_tap_targets(page, content) >= 5
    page.evaluate("window.scrollTo(0, 0)")
    jumps = page.locator(".sc-jump-list a")
    names = jumps.all_inner_texts()
    colleges = [c.name for c in contact_site.model.colleges.values() if c.contacts]
    assert names == ["众创空间", "各学院创业苗圃", *colleges, "合作孵化机构"]
    last = jumps.last.bounding_box()
    assert last["y"] + last["height"] <= PHONE_390["height"], "the whole list on screen one"
    jumps.filter(has_text=colleges[0]).click()
    heading = page.locator("h3", has_text=colleges[0]).bounding_box()
    assert 0 <= heading["y"] < PHONE_390["height"]
    page.screenshot(path=str(artifacts / "contact-page-390.png"), full_page=True)
