"""A tiny built site to publish, and a local web server for the smoke test.

The real build is exercised once, end to end, in tests/commands/test_deploy.py; here a
handful of files stand for it so each deploy takes milliseconds.
"""

from __future__ import annotations

import functools
import json
import os
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from showcase.atomic import OUTPUT_MARKER
from tests.deploy.sshd import Server, Unavailable, start_server

SITE_NAME = "北辰纺织工程大学众创空间 · 学生创业项目展示"
CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//showcase//ZH\r\n"
    "BEGIN:VEVENT\r\nUID:demo-day@example.edu.cn\r\nDTSTAMP:20261130T000000Z\r\n"
    "DTSTART:20261210T053000Z\r\nSUMMARY:路演日\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
PROJECT_NAME = "智能纱线"
"""The project page's name; the search index spells it with the plugin's word breaks."""
STYLE = "".join(f".sc-rule-{n} {{ color: var(--sc-text); margin: {n}px; }}\n" for n in range(200))


def write_site(folder: Path, *, marker: bool = True, version: str = "一") -> Path:
    """A site with what the smoke test fetches, a stylesheet worth compressing and an image."""
    page = f"<!doctype html><title>{SITE_NAME}</title><p>第{version}版</p>" + "<p>项目</p>" * 100
    files = {
        "index.html": page,
        "projects/smart-yarn/index.html": page.replace("第", f"<h1>{PROJECT_NAME}</h1>第"),
        "search/search_index.json": json.dumps(
            {
                "docs": [
                    {"location": "", "title": "首页"},
                    {"location": "projects/", "title": "项目\u200b名录"},  # no page here
                    {"location": "projects/#textile", "title": "纺织"},
                    {"location": "projects/smart-yarn/", "title": "智能\u200b纱线"},
                ]
            }
        ),
        "events/events.ics": CALENDAR,
        "assets/showcase.css": STYLE,
        "robots.txt": "User-agent: *\n",
    }
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "assets" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    if marker:
        (folder / OUTPUT_MARKER).write_text("由 makerspace-showcase 生成。\n", encoding="utf-8")
    return folder


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(tmp_path / "site")


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    """`folder` (e.g. a target's ``current`` link) over HTTP on 127.0.0.1; its address.

    The path is resolved at each request, so a switched symlink is served at once."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


_skipped_reasons: list[str] = []


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _skipped_reasons:
        terminalreporter.write_sep("!", "SSH 发布测试被跳过 / SSH DEPLOY TESTS SKIPPED", red=True)
        terminalreporter.write_line(f"原因：{_skipped_reasons[0]}。设置 CI=true 时这会是失败。")


@pytest.fixture(scope="session")
def sshd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A real sshd on 127.0.0.1 (see tests/deploy/sshd.py)."""
    try:
        server = start_server(tmp_path_factory.mktemp("sshd"))
    except Unavailable as why:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI 必须运行 SSH 发布测试，但 {why}", pytrace=False)
        _skipped_reasons.append(str(why))
        warnings.warn(pytest.PytestWarning(f"SSH 发布测试被跳过：{why}"), stacklevel=1)
        pytest.skip(f"SSH 发布测试被跳过：{why}")
    yield server
    server.process.terminate()
    server.process.wait(timeout=10)
