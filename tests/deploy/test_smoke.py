"""The smoke test after a switch, against the target's ``current`` served on 127.0.0.1."""

from __future__ import annotations

import os
import shutil
import socket
import socketserver
import threading
from pathlib import Path

import pytest

from showcase.deploy import publish
from showcase.deploy.folder import FolderTransport
from showcase.deploy.releases import SmokeFailed
from showcase.deploy.smoke import check_live
from tests.deploy.conftest import SITE_NAME, serving, write_site

FIRST, SECOND = "20261130T000000Z-aaaaaaa", "20261201T000000Z-bbbbbbb"


def deploy(root: Path, site: Path, name: str, url: str) -> None:
    """Publish with the smoke test of `url` (none when empty)."""
    smoke = check_live(url, SITE_NAME) if url else lambda _: []
    with FolderTransport(root) as transport:
        publish(transport, site, name, 5, smoke)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "www"
    folder.mkdir()
    return folder


def test_a_working_site_passes_and_stays_live(site: Path, root: Path) -> None:
    with serving(root / "current") as url:
        deploy(root, site, FIRST, url)
        assert check_live(url, SITE_NAME)(FIRST) == []
    assert os.readlink(root / "current") == f"releases/{FIRST}"


@pytest.mark.parametrize(
    ("break_it", "named"),
    [
        (lambda s: (s / "events" / "events.ics").unlink(), "events/events.ics 返回 HTTP 404"),
        (
            lambda s: (s / "events" / "events.ics").write_text("BEGIN:VCALENDAR\n乱码"),
            "events/events.ics 不是有效的日历文件",
        ),
        (lambda s: (s / "index.html").write_text("<title>别的网站</title>"), "首页"),
        (lambda s: (s / "search" / "search_index.json").write_text("{"), "不是有效的搜索索引"),
        (
            lambda s: shutil.rmtree(s / "projects"),
            "projects/smart-yarn/ 返回 HTTP 404",
        ),
        (
            lambda s: (s / "projects" / "smart-yarn" / "index.html").write_text("<h1>别的</h1>"),
            "项目页 http://127.0.0.1",
        ),
        (
            lambda s: (s / "projects" / "smart-yarn" / "index.html").write_text(
                f"<title>{SITE_NAME}</title>"
            ),
            "里没有项目名称「智能纱线」",
        ),
    ],
    ids=[
        "calendar-missing",
        "calendar-broken",
        "home-not-ours",
        "index-broken",
        "project-gone",
        "project-page-not-it",
        "project-name-missing",
    ],
)
def test_a_broken_release_is_rolled_back_automatically(
    site: Path, root: Path, tmp_path: Path, break_it, named: str
) -> None:
    with serving(root / "current") as url:
        deploy(root, site, FIRST, url)
        broken = write_site(tmp_path / "broken", version="二")
        break_it(broken)
        with pytest.raises(SmokeFailed) as failure:
            deploy(root, broken, SECOND, url)
        assert check_live(url, SITE_NAME)(FIRST) == []
    message = failure.value.message
    assert named in message
    assert "已自动回滚" in message and f"上一版本已恢复上线（{FIRST}）" in message
    assert os.readlink(root / "current") == f"releases/{FIRST}"
    assert sorted(p.name for p in (root / "releases").iterdir()) == [FIRST]
    assert "第一版" in (root / "current" / "index.html").read_text(encoding="utf-8")


def test_a_broken_first_release_is_taken_down_again(site: Path, root: Path) -> None:
    (site / "events" / "events.ics").unlink()
    with serving(root / "current") as url, pytest.raises(SmokeFailed) as failure:
        deploy(root, site, FIRST, url)
    assert "发布前没有网站，已撤下本次版本" in failure.value.message
    assert not (root / "current").is_symlink()
    assert list((root / "releases").iterdir()) == []


def test_an_unreachable_address_is_named() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    failures = check_live(f"http://127.0.0.1:{port}", SITE_NAME)(FIRST)
    assert failures and all("打不开 http://127.0.0.1:" in failure for failure in failures)


def test_an_address_that_serves_an_old_release_is_caught(site: Path, root: Path) -> None:
    """The web server's root pinned to one release folder instead of ``current``."""
    deploy(root, site, FIRST, "")
    with serving(root / "releases" / FIRST) as url, pytest.raises(SmokeFailed) as failure:
        deploy(root, write_site(site, version="二"), SECOND, url)
    assert f"上线的不是本次版本（release.txt 写的是「{FIRST}」，应为「{SECOND}」）" in (
        failure.value.message
    )
    assert os.readlink(root / "current") == f"releases/{FIRST}"


def test_a_connection_dropped_mid_answer_is_a_failure_not_a_traceback() -> None:
    """A server that promises more bytes than it sends (``IncompleteRead``)."""

    class ShortAnswer(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            self.request.recv(4096)
            self.request.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 999\r\n\r\nshort")

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), ShortAnswer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        failures = check_live(f"http://127.0.0.1:{port}/", SITE_NAME)(FIRST)
    finally:
        server.shutdown()
        server.server_close()
    assert failures and all(f.startswith("打不开 http://127.0.0.1:") for f in failures)
