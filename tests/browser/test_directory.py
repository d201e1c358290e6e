"""The project directory and the home page in a real browser, on a phone-sized screen.

The directory gets its own site with 60 projects (more than two pages of cards, more than
one page of the plain list) and Chinese names that sort differently by pinyin and by code.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from showcase.model import Model, Project
from showcase.render.directory import CARDS_PER_PAGE, PLAIN_PAGE_SIZE
from showcase.render.directory_index import facet_counts, matches, name_order
from showcase.render.exports import FEED_SIZE
from tests.browser.conftest import LOCAL_HOSTS, PHONE, ServedSite, serve_model
from tests.factories import LEVEL_CYCLE, STAGE_CYCLE, STATUS_CYCLE, make_model, make_project

pytestmark = pytest.mark.browser

FIRST_WORDS = ("重庆", "北京", "阿里", "长安", "爱心", "白云", "草原", "东方", "风筝", "高原")
FIELD_SETS = (["ai"], ["green"], ["smart-textiles", "ai"], ["green", "ai"])
SEEKING_SETS = (["investment"], [], ["mentor", "partner"])


def directory_model() -> Model:
    return make_model(
        [
            make_project(
                f"d-{i:03d}",
                name=f"{FIRST_WORDS[i % len(FIRST_WORDS)]}项目{i}",
                college=("textile", "computing")[i % 2],
                level=LEVEL_CYCLE[i % 3],
                stage=STAGE_CYCLE[(i // 3) % 3],
                status=STATUS_CYCLE[i % 4],
                fields=FIELD_SETS[i % 4],
                started=f"{2020 + i % 5}-{i % 12 + 1:02d}",
                seeking=SEEKING_SETS[i % 3],
            )
            for i in range(60)
        ]
    )


@pytest.fixture(scope="module")
def directory_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    with serve_model(tmp_path_factory.mktemp("directory-repo"), directory_model()) as served:
        yield served


def newest_first(model: Model, selection: dict[str, list[str]]) -> list[str]:
    """The ids the directory should show, in its default order (newest, then pinyin)."""
    rank = {p.id: i for i, p in enumerate(name_order(model.projects.values()))}
    chosen = [p for p in model.projects.values() if matches(p, selection)]
    chosen.sort(key=lambda p: (-int(p.started.replace("-", "")), rank[p.id]))
    return [p.id for p in chosen]


def open_directory(page: Any, url: str) -> None:
    page.goto(url)
    page.locator("[data-testid=directory-cards] li").first.wait_for()


def shown_ids(page: Any) -> list[str]:
    return page.locator("[data-testid=directory-cards] li").evaluate_all(
        "cards => cards.map(card => card.dataset.project)"
    )


def choose(page: Any, facet: str, value: str) -> None:
    group = page.locator(f"details[data-group={facet}]")
    if group.get_attribute("open") is None:
        group.locator("summary").click()
    page.locator(f"input[name={facet}][value={value}]").check()


def option_counts(page: Any, facet: str) -> dict[str, int]:
    return page.locator(f"fieldset[data-facet={facet}] label").evaluate_all(
        """labels => Object.fromEntries(labels.map(label => [
            label.querySelector('input').value,
            Number(label.querySelector('.sc-option__count').textContent)]))"""
    )


def test_filters_narrow_the_list_and_the_url_restores_them(
    page: Any, directory_site: ServedSite
) -> None:
    model = directory_site.model
    open_directory(page, directory_site.url + "projects/")
    assert not page.locator("[data-testid=plain-list]").is_visible()
    assert shown_ids(page) == newest_first(model, {})[:CARDS_PER_PAGE]

    choose(page, "college", "textile")
    textile = newest_first(model, {"college": ["textile"]})
    assert len(textile) == 30
    page.wait_for_url("**/projects/?college=textile")
    assert shown_ids(page) == textile[:CARDS_PER_PAGE]
    assert all(model.projects[i].college == "textile" for i in shown_ids(page))

    choose(page, "level", "nursery")
    selection = {"college": ["textile"], "level": ["nursery"]}
    narrowed = newest_first(model, selection)
    assert 0 < len(narrowed) < len(textile)
    page.wait_for_url("**/projects/?college=textile&level=nursery")
    assert shown_ids(page) == narrowed
    expected_counts = facet_counts(model.projects.values(), selection)
    assert option_counts(page, "level") == {
        key: expected_counts["level"].get(key, 0) for key in LEVEL_CYCLE
    }
    assert option_counts(page, "college") == expected_counts["college"]

    shared = page.url
    fresh = page.context.new_page()
    open_directory(fresh, shared)
    assert shown_ids(fresh) == narrowed
    assert fresh.locator("input[name=college][value=textile]").is_checked()
    assert fresh.locator("input[name=level][value=nursery]").is_checked()
    assert not fresh.locator("input[name=level][value=incubator]").is_checked()
    fresh.close()

    page.go_back()
    page.wait_for_url("**/projects/?college=textile")
    assert shown_ids(page) == textile[:CARDS_PER_PAGE]
    assert not page.locator("input[name=level][value=nursery]").is_checked()


def test_the_index_is_fetched_after_the_first_paint(page: Any, directory_site: ServedSite) -> None:
    """The plain list and the page's chrome are drawn before the whole index is asked for."""
    open_directory(page, directory_site.url + "projects/")
    timings = page.evaluate(
        """() => ({
          paint: performance.getEntriesByName("first-paint")[0].startTime,
          index: performance.getEntriesByType("resource")
            .find(entry => entry.name.endsWith("/assets/directory.json")).startTime,
        })"""
    )
    assert timings["index"] >= timings["paint"], timings


def test_sort_by_name_follows_pinyin(page: Any, directory_site: ServedSite) -> None:
    open_directory(page, directory_site.url + "projects/")
    page.locator("select[name=sort]").select_option("name")
    page.wait_for_url("**/projects/?sort=name")
    ordered = [p.id for p in name_order(directory_site.model.projects.values())]
    assert shown_ids(page) == ordered[:CARDS_PER_PAGE]
    first_names = page.locator(".sc-card__name").all_inner_texts()[:3]
    assert [name[:2] for name in first_names] == ["阿里", "阿里", "阿里"]


def test_pages_of_cards_follow_each_other(page: Any, directory_site: ServedSite) -> None:
    everything = newest_first(directory_site.model, {})
    open_directory(page, directory_site.url + "projects/")
    page.locator("[data-testid=directory-pager] a[rel=next]").click()
    page.wait_for_url("**/projects/?page=2")
    assert shown_ids(page) == everything[CARDS_PER_PAGE : 2 * CARDS_PER_PAGE]
    page.locator("[data-testid=directory-pager] a[rel=next]").click()
    page.wait_for_url("**/projects/?page=3")
    assert shown_ids(page) == everything[2 * CARDS_PER_PAGE :]
    assert page.locator("[data-testid=directory-pager] a[rel=next]").count() == 0
    page.go_back()
    page.wait_for_url("**/projects/?page=2")
    assert shown_ids(page) == everything[CARDS_PER_PAGE : 2 * CARDS_PER_PAGE]


def test_cards_link_to_project_pages_with_a_placeholder_logo(
    page: Any, directory_site: ServedSite
) -> None:
    open_directory(page, directory_site.url + "projects/?sort=name")
    card = page.locator("[data-testid=directory-cards] li").first
    assert card.locator(".sc-card__logo--placeholder").inner_text() == "阿"
    card.locator("a").click()
    page.wait_for_url("**/projects/d-*/")
    project: Project = directory_site.model.projects[urlsplit(page.url).path.split("/")[2]]
    assert page.locator("h1").inner_text() == project.name


def test_without_javascript_the_directory_is_a_plain_paged_list(
    browser: Any, directory_site: ServedSite
) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, locale="zh-CN")
    outside: list[str] = []

    def only_local(route: Any) -> None:
        if urlsplit(route.request.url).hostname not in LOCAL_HOSTS:
            outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", only_local)
    page = context.new_page()
    try:
        page.goto(directory_site.url + "projects/")
        assert not page.locator("#sc-directory").is_visible()
        items = page.locator("[data-testid=plain-list] li")
        assert items.count() == PLAIN_PAGE_SIZE
        ordered = [p.name for p in name_order(directory_site.model.projects.values())]
        assert items.locator("a").first.inner_text() == ordered[0]
        page.locator("[data-testid=plain-list] a[rel=next]").click()
        page.wait_for_url("**/projects/page/2/")
        assert items.count() == len(ordered) - PLAIN_PAGE_SIZE
        assert items.locator("a").first.inner_text() == ordered[PLAIN_PAGE_SIZE]
        items.locator("a").first.click()
        assert page.locator("h1").inner_text() == ordered[PLAIN_PAGE_SIZE]
    finally:
        context.close()
    assert outside == []


def test_home_numbers_match_the_model(page: Any, served_site: ServedSite) -> None:
    model = served_site.model
    projects = list(model.projects.values())
    page.goto(served_site.url)
    expected = {
        "projects": len(projects),
        "colleges": len(model.colleges),
        "achievements": sum(len(p.achievements) for p in projects),
    }
    for level in LEVEL_CYCLE:
        expected[f"level-{level}"] = sum(p.level == level for p in projects)
    for stage in STAGE_CYCLE:
        expected[f"stage-{stage}"] = sum(p.stage == stage for p in projects)
    for key, value in expected.items():
        assert page.get_by_test_id(f"stat-{key}").inner_text() == str(value), key
    for level in LEVEL_CYCLE:
        assert page.get_by_test_id(f"ladder-{level}").text_content() == str(
            expected[f"level-{level}"]
        )


def test_home_hides_events_that_are_over_on_the_visitors_clock(
    page: Any, served_site: ServedSite
) -> None:
    page.clock.install(time="2026-04-01T08:00:00+08:00")
    page.goto(served_site.url)
    events = page.get_by_test_id("upcoming-events").locator("li")
    assert events.count() == 2 and events.nth(0).is_visible() and events.nth(1).is_visible()
    page.clock.set_system_time("2026-05-01T08:00:00+08:00")
    page.reload()
    assert not events.nth(0).is_visible() and events.nth(1).is_visible()


def test_phone_screenshots_of_home_and_directory(
    page: Any, directory_site: ServedSite, artifacts: Path
) -> None:
    for name, path in (("home-375", ""), ("directory-375", "projects/?college=textile")):
        page.goto(directory_site.url + path)
        page.wait_for_load_state("networkidle")
        if path:
            page.locator("details[data-group=level] > summary").click()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{name}: {width}px wide on a 375px screen"
        target = artifacts / f"{name}x812.png"
        page.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 10_000


def test_open_data_files_are_served_from_the_site(page: Any, directory_site: ServedSite) -> None:
    page.goto(directory_site.url + "data/")
    csv_link = page.locator(".sc-open-data a", has_text="projects.csv")
    response = page.request.get(directory_site.url + "data/" + csv_link.get_attribute("href"))
    assert response.ok and response.body().startswith("\ufeff项目编号,项目名称".encode())
    feed = page.request.get(directory_site.url + "feeds/projects.xml")
    expected = min(FEED_SIZE, len(directory_site.model.projects))
    assert feed.ok and feed.text().count("<entry>") == expected
