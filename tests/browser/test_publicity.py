"""A typical-case page, the case index and the annual report in a real browser (phone size)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageStat

from showcase.cases import Story, TypicalCase
from tests.browser.conftest import ServedSite, serve_model
from tests.factories import make_model, make_project

pytestmark = pytest.mark.browser

STORY = "## 从苗圃起步\n\n团队在学院创业苗圃里做出了**第一块样布**。\n\n> 先做出来，再做好。"


@pytest.fixture(scope="module")
def cases_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    model = make_model([make_project("sensor-fabric"), make_project("other-project")])
    model.cases = {
        "2023-sensor-fabric": TypicalCase(
            "2023-sensor-fabric",
            "sensor-fabric",
            2023,
            "tech-innovation",
            "把传感器织进布里",
            "一支纺织学院的学生团队把传感功能做进了面料本身。",
            "好的技术应该消失在布料里。",
            "published",
            "宣传部",
            "2023-01-10",
            Story(STORY, "宣传部"),
        ),
        "2026-other-project": TypicalCase(
            "2026-other-project",
            "other-project",
            2026,
            "public-welfare",
            "尚未发布的草稿",
            "这条草稿不能出现在公开网站上。",
            "还没审核。",
            "draft",
        ),
    }
    with serve_model(tmp_path_factory.mktemp("cases-repo"), model) as served:
        yield served


def test_case_page_shows_story_quote_facts_and_timeline(
    page: Any, cases_site: ServedSite, artifacts: Path
) -> None:
    page.goto(f"{cases_site.url}cases/2023-sensor-fabric/")
    assert page.locator("h1").inner_text() == "把传感器织进布里"
    assert "第一块样布" in page.locator(".sc-section", has_text="案例故事").inner_text()
    assert page.locator(".sc-case__quote").inner_text() == "好的技术应该消失在布料里。"
    project = cases_site.model.projects["sensor-fabric"]
    facts = page.locator(".sc-case__facts").inner_text()
    assert project.name in facts and "纺织学院" in facts
    assert page.locator(".sc-timeline li").count() == len(project.milestones)
    assert page.locator("meta[name=robots]").count() == 0
    page.screenshot(path=str(artifacts / "case-page-375.png"), full_page=True)
    page.get_by_role("link", name="查看项目主页 →").click()
    page.wait_for_url("**/projects/sensor-fabric/")


def test_case_index_and_annual_report_list_only_the_published_case(
    page: Any, cases_site: ServedSite, artifacts: Path
) -> None:
    page.goto(f"{cases_site.url}cases/")
    assert page.locator("li.sc-case-item").count() == 1
    assert "尚未发布的草稿" not in page.content()
    page.get_by_role("link", name="2023 年度案例汇编（可打印）").click()
    page.wait_for_url("**/cases/annual/2023/")
    assert page.locator("article.sc-report__case").count() == 1
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    page.screenshot(path=str(artifacts / "case-report-print-375.png"), full_page=True)
    response = page.request.get(f"{cases_site.url}cases/2026-other-project/")
    assert response.status == 404


def test_a_story_picture_is_dimmed_in_the_dark_scheme(page: Any, sample_url: str) -> None:
    """A light picture would glare on the dark page: shown darker there, as is in light."""
    brightness = {}
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.goto(f"{sample_url}cases/2025-tie-dye-heritage/")
        page.evaluate("localStorage.clear()")  # Material keeps the last page's scheme
        page.reload()
        assert page.get_attribute("body", "data-md-color-scheme") == (
            "slate" if scheme == "dark" else "default"
        )
        picture = page.locator(".sc-case__figure img")
        picture.scroll_into_view_if_needed()
        page.wait_for_function("document.querySelector('.sc-case__figure img').complete")
        shot = Image.open(io.BytesIO(picture.screenshot())).convert("L")
        brightness[scheme] = ImageStat.Stat(shot).mean[0]
    assert brightness["light"] > 180, "the sample picture is a light one"
    assert brightness["dark"] <= 0.85 * brightness["light"], brightness
