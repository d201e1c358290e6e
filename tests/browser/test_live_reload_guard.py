"""live.js reloads a page once per state it expects, never in a loop: an address that the
preview cannot answer with the page the state names for it (here the server is made to
miss the page rendered first) is reloaded once, then left as it is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from showcase.engine.live import LiveState
from showcase.engine.preview import start_server

pytestmark = pytest.mark.browser

PAGE = "<!doctype html><html lang=zh><head><title>项目</title></head><body><p>页</p></body></html>"


class MissingFirstPages(LiveState):
    """A state that names pages rendered first which the server then never finds."""

    def first_page(self, site_path: str) -> tuple[bytes, str] | None:
        return None


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, LiveState]]:
    (tmp_path / "projects" / "a").mkdir(parents=True)
    (tmp_path / "projects" / "a" / "index.html").write_text(PAGE, encoding="utf-8")
    live = MissingFirstPages()
    live.succeeded()
    server = start_server(tmp_path, "127.0.0.1", 0, live=live)
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", live
    finally:
        live.close()
        server.shutdown()
        server.server_close()


def test_a_page_that_never_carries_the_expected_state_reloads_once(served, page: Any) -> None:
    url, live = served
    loads: list[str] = []
    page.on("load", lambda: loads.append(page.url))
    page.goto(url + "projects/a/")
    page.wait_for_selector("html[data-showcase-live=connected]")
    live.show_first({"projects/a/index.html": PAGE.encode()})
    page.wait_for_timeout(3000)
    assert len(loads) == 2, f"one reload, not a loop: {len(loads)} loads"
    live.succeeded()  # a new site: the page follows it again, once
    page.wait_for_timeout(1500)
    assert len(loads) == 3
