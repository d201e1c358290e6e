"""The site built from the hostile repository (`tests.hostile`), visited in Chromium.

Before any page script runs, ``window.__pwned`` is a function that counts its calls, and
every dialog (``alert(1)``) is recorded: a payload that ran would leave a trace in one of
them, or an element named ``pwned…`` in the live DOM (after the site's own scripts built
cards, search results and the form). The guard (conftest) also fails a test on any CSP
violation, console error or request to another host.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from showcase.engine.preview import start_server
from tests.browser.conftest import Guard
from tests.browser.test_site_in_browser import search
from tests.hostile import HostileBuild

pytestmark = pytest.mark.browser

TRAP = """
window.__pwnedCalls = 0;
window.__pwned = function () { window.__pwnedCalls += 1; };
"""
PAYLOAD_ELEMENTS = "pwned, pwned-tag, [data-pwned], iframe, object, embed"
PROJECT = "smart-yarn-sensor"
PLANTED_SCRIPT = '<script>window.__pwned()</script><img src="data:," onerror="__pwned()">'


@pytest.fixture(scope="module")
def hostile_url(hostile_build: HostileBuild) -> Iterator[str]:
    server = start_server(hostile_build.site, "127.0.0.1", 0)
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def dialogs(page: Any) -> list[str]:
    opened: list[str] = []

    def record(dialog: Any) -> None:
        opened.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    page.add_init_script(TRAP)
    return opened


def assert_nothing_ran(page: Any, dialogs: list[str], where: str) -> None:
    page.wait_for_load_state("networkidle")
    assert dialogs == [], f"{where}: a payload opened a dialog"
    assert page.evaluate("window.__pwnedCalls") == 0, f"{where}: a payload called __pwned()"
    assert page.evaluate("typeof window.__pwned") == "function", f"{where}: overwritten"
    assert page.locator(PAYLOAD_ELEMENTS).count() == 0, f"{where}: a payload made an element"


def test_every_kind_of_page_runs_no_payload(
    page: Any, dialogs: list[str], hostile_url: str, hostile_build: HostileBuild
) -> None:
    model = hostile_build.model
    paths = [
        "",
        "projects/",
        f"projects/{PROJECT}/",
        "colleges/",
        f"colleges/{next(iter(model.colleges))}/",
        "mentors/",
        f"mentors/{next(iter(model.mentors))}/",
        "events/",
        f"events/{next(iter(model.events))}/",
        "services/",
        "roadshows/",
        f"roadshows/{next(iter(model.roadshows))}/",
        "cases/",
        "data/",
        "submit/",
    ]
    for path in paths:
        response = page.goto(hostile_url + path)
        assert response is not None and response.ok, path
        assert_nothing_ran(page, dialogs, path or "home")
    name = hostile_build.planted.of(f"projects/textile/{PROJECT}.yaml", "name")
    page.goto(f"{hostile_url}projects/{PROJECT}/")
    assert page.locator("h1").first.inner_text() == name


def test_search_results_show_a_hostile_name_as_text(
    page: Any, dialogs: list[str], hostile_url: str, hostile_build: HostileBuild
) -> None:
    name = hostile_build.planted.of(f"projects/textile/{PROJECT}.yaml", "name")
    page.goto(hostile_url)
    search(page, "纱线")
    hit = page.locator(f".md-search-result__item a[href*='projects/{PROJECT}/']").first
    hit.wait_for(timeout=15000)
    title = hit.locator("h1, h2").first.inner_text().replace("\u200b", "")
    assert title == name
    assert_nothing_ran(page, dialogs, "search results")


def test_directory_cards_and_filters_show_payloads_as_text(
    page: Any, dialogs: list[str], hostile_url: str, hostile_build: HostileBuild
) -> None:
    page.goto(f"{hostile_url}projects/?sort=name")
    cards = page.locator("[data-testid=directory-cards] .sc-card")
    cards.first.wait_for()
    page.locator("details[data-group=college] > summary").click()
    page.locator("input[name=college]").first.check()
    cards.first.wait_for()
    assert_nothing_ran(page, dialogs, "directory")
    names = {p.name for p in hostile_build.model.projects.values()}
    shown = cards.locator(".sc-card__name").all_inner_texts()
    assert shown and set(shown) <= names


def test_the_form_loads_a_hostile_project_into_plain_fields(
    page: Any, dialogs: list[str], hostile_url: str, hostile_build: HostileBuild
) -> None:
    name = hostile_build.planted.of(f"projects/textile/{PROJECT}.yaml", "name")
    page.goto(f"{hostile_url}submit/?edit={PROJECT}")
    notice = page.locator(".sc-submit__edit-notice")
    notice.wait_for()
    assert name in notice.inner_text()
    assert page.locator("[data-field=name] input").first.input_value() == name
    page.locator("form.sc-submit__form button[type=submit]").click()
    assert_nothing_ran(page, dialogs, "submission form")


def test_an_inline_script_planted_in_a_built_page_is_blocked_and_reported(
    page: Any, dialogs: list[str], hostile_url: str, hostile_build: HostileBuild, guard: Guard
) -> None:
    """As if a payload had slipped through every door: the policy still stops it."""
    original = hostile_build.site / "projects" / PROJECT / "index.html"
    probe = hostile_build.site / "csp-probe" / "index.html"
    probe.parent.mkdir(exist_ok=True)
    html = original.read_text(encoding="utf-8")
    body = html.index(">", html.index("<body")) + 1
    probe.write_text(html[:body] + PLANTED_SCRIPT + html[body:], encoding="utf-8")
    try:
        page.goto(f"{hostile_url}csp-probe/")
        page.wait_for_load_state("networkidle")
        page.wait_for_function("window.__pwnedCalls === 0")
        page.wait_for_timeout(300)  # violation reports arrive asynchronously
    finally:
        shutil.rmtree(probe.parent)  # the other tests read every page of this site
    directives = {violation.split(" ", 1)[0] for violation in guard.csp_violations}
    assert {"script-src-elem", "script-src-attr"} <= directives, guard.csp_violations
    assert page.evaluate("window.__pwnedCalls") == 0 and dialogs == []
    assert any("Content Security Policy" in e for e in guard.console_errors)
    guard.clear()


def test_wechat_articles_open_from_disk_with_their_images_and_run_nothing(
    page: Any, dialogs: list[str], hostile_build: HostileBuild
) -> None:
    """The office opens the article in a browser to copy it: its own policy allows the
    inline styles and the picture beside it, and no script."""
    articles = sorted(hostile_build.publicity.glob("*/article.html"))
    assert articles
    pictures = 0
    for article in articles:
        page.goto(article.as_uri())
        assert_nothing_ran(page, dialogs, article.parent.name)
        widths = page.evaluate("[...document.images].map((image) => image.naturalWidth)")
        assert all(width > 0 for width in widths), article
        pictures += len(widths)
    assert pictures > 0
