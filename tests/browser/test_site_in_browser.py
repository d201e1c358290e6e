"""What a visitor sees in a real browser, on a phone-sized screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Guard, ServedSite

pytestmark = pytest.mark.browser


def test_home_page_shows_the_project_count(page: Any, served_site: ServedSite) -> None:
    page.goto(served_site.url)
    shown = page.locator('[data-stat="projects"]').inner_text()
    assert shown == str(len(served_site.model.projects))
    for level in ("nursery", "makerspace", "incubator"):
        expected = sum(p.level == level for p in served_site.model.projects.values())
        assert page.locator(f'[data-stat="level-{level}"]').inner_text() == str(expected)


def test_project_page_shows_the_named_team_and_counts_the_others(
    page: Any, served_site: ServedSite
) -> None:
    project = next(iter(served_site.model.projects.values()))
    assert project.hidden_members == 1
    page.goto(f"{served_site.url}projects/{project.id}/")
    team = page.locator(".sc-team").inner_text()
    for member in project.team:
        assert member.name in team
    assert "另有 1 名成员未公开姓名。" in page.locator("body").inner_text()


def test_hostile_name_is_shown_as_text(page: Any, served_site: ServedSite) -> None:
    page.goto(f"{served_site.url}projects/hostile/")
    assert page.locator("h1").inner_text() == "<b>*粗*</b>"
    assert page.title().startswith("<b>*粗*</b>")


def test_pages_and_search_load_nothing_from_outside(page: Any, served_site: ServedSite) -> None:
    for path in ("", "projects/", "projects/project-00001/", "colleges/", "colleges/textile/"):
        response = page.goto(served_site.url + path)
        assert response is not None and response.ok, path
        page.wait_for_load_state("networkidle")
    search(page, "示例项目")
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)


def test_search_never_finds_a_team_member(page: Any, served_site: ServedSite) -> None:
    page.goto(served_site.url)
    search(page, "示例项目")  # team names are not indexed at all (engine policy)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    search(page, next(iter(served_site.model.projects.values())).team[-1].name)
    meta = page.locator(".md-search-result__meta")
    meta.filter(has_text="没有找到").wait_for(timeout=15000)


REMEMBER_RESULTS = """(query) => {
  const list = document.querySelector(".md-search-result__list");
  if (window.__resultRenders === undefined) {
    window.__resultRenders = 0;
    new MutationObserver(() => window.__resultRenders++).observe(list, {childList: true});
  }
  const box = document.querySelector("input.md-search__input");
  window.__rendersBefore = box.value === query ? -1 : window.__resultRenders;
}"""
"""Before a query is entered: count the result list's renders from now on, so a wait can
tell this query's results from the last one's (`tests.browser.test_search.
wait_for_results`); the same query again brings no new render and needs none."""


def search(page: Any, query: str) -> None:
    """Enter a query in Material's search box as an input method would.

    An input method inserts the whole word at once, without key events, and the search box
    reacts to key events, so a final End key press stands in for them. Typing character by
    character instead races the search overlay's own focus handling, which can move the
    caret back to the start half-way through ("面料" arriving as "料面").
    """
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label[for='__search']").first.click()
    page.evaluate(REMEMBER_RESULTS, query)
    box.fill(query)
    box.press("End")


def test_the_guard_catches_outside_requests(
    page: Any, served_site: ServedSite, guard: Guard
) -> None:
    fetch = "fetch('https://cdn.example.com/x.js').catch(() => null)"
    page.goto("about:blank")
    page.evaluate(fetch)
    page.wait_for_timeout(300)
    assert guard.external_requests == ["https://cdn.example.com/x.js"]
    guard.clear()
    page.goto(served_site.url)  # on the site, its policy stops the request before the network
    page.evaluate(fetch)
    page.wait_for_timeout(300)
    assert guard.external_requests == []
    assert [v.split(" ")[0] for v in guard.csp_violations] == ["connect-src"]
    guard.clear()


def test_phone_screenshots(page: Any, served_site: ServedSite, artifacts: Path) -> None:
    for name, path in (("home", ""), ("project", "projects/project-00001/")):
        page.goto(served_site.url + path)
        page.wait_for_load_state("networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{name}: page is {width}px wide on a 375px screen"
        target = artifacts / f"{name}-375x812.png"
        page.screenshot(path=str(target))
        assert target.stat().st_size > 10_000


def test_a_two_character_word_from_a_summary_finds_the_project(
    page: Any, served_site: ServedSite
) -> None:
    """jieba splits 把柔性传感器织进面料 at build time; the browser matches the word 面料."""
    page.goto(served_site.url)
    search(page, "面料")
    hit = page.locator(".md-search-result__item a[href*='projects/project-']").first
    hit.wait_for(timeout=15000)
    search(page, "张同学")  # a public team member: on the page, but not in the index
    page.locator(".md-search-result__meta").filter(has_text="没有找到").wait_for(timeout=15000)


def test_palette_toggle_works_and_is_remembered_under_the_content_security_policy(
    page: Any, served_site: ServedSite
) -> None:
    """The theme's inline scripts run by their hashes; nothing is reported (see the guard)."""
    page.goto(served_site.url)
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert policy and "object-src 'none'" in policy and "'unsafe-inline'" not in policy
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    before = page.evaluate(scheme)
    page.locator("form[data-md-component=palette] label:visible").first.click()
    after = page.evaluate(scheme)
    assert after != before
    page.goto(f"{served_site.url}projects/")
    assert page.evaluate(scheme) == after
