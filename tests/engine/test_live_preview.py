"""The live preview's server side: what it adds to pages, its event stream, its watcher."""

from __future__ import annotations

import json
import os
import socket
import struct
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.commands.fast_pass import project_files
from showcase.engine.live import BANNER_LIMIT, BuildFailure, LiveState, banner_html, inject
from showcase.engine.preview import RACY_NS, LiveHandler, PreviewServer, Watcher, start_server
from showcase.paths import Layout
from showcase.problems import Problem
from showcase.render.csp import document_policy, meta_tag, site_policy
from tests.editor_files import TEMPORARY_FOLDER_PATHS, TEMPORARY_NAMES, make_temporary_file

SCRIPT = b'<script src="/__showcase__/live.js"'
STYLE = b'<link rel="stylesheet" href="/__showcase__/live.css">'
HOSTILE = '<script>alert("x")</script>\'"&amp;<img src=x onerror=alert(1)>'


def failure(text: str = "坏") -> BuildFailure:
    problem = Problem(
        f"projects/arts/{text}.yaml",
        3,
        8,
        rule="schema.enum",
        field=f"name（{text}）",
        message=f"「{text}」不是允许的值",
        hint=f"改成 {text}",
    )
    return BuildFailure("数据有错误", (problem,), (f"MkDocs：{text}",))


class _Reader(HTMLParser):
    """The text and the element names of an HTML fragment, as a browser would parse it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []
        self.attributes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [name for name, _value in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def read(fragment: str) -> _Reader:
    reader = _Reader()
    reader.feed(fragment)
    reader.close()
    return reader


@settings(max_examples=200, deadline=None, database=None)
@given(st.text(min_size=1, max_size=40) | st.sampled_from([HOSTILE, "</div><script>", "\"'<>&"]))
def test_banner_shows_any_user_text_as_text_never_as_markup(text: str) -> None:
    reader = read(banner_html(failure(text)))
    assert set(reader.tags) <= {"div", "p", "ul", "li", "code", "span", "br"}
    assert set(reader.attributes) <= {"id", "class", "role", "lang"}
    shown = "".join(reader.text)
    for piece in (f"projects/arts/{text}.yaml:3:8", f"name（{text}）", f"「{text}」不是允许的值"):
        assert piece in shown
    assert f"修改建议：改成 {text}" in shown and f"MkDocs：{text}" in shown


def test_banner_lists_a_limited_number_and_says_how_many_more() -> None:
    problems = tuple(Problem(f"projects/a/p{n}.yaml", n, 1, message="错") for n in range(50))
    shown = "".join(read(banner_html(BuildFailure("数据有错误", problems))).text)
    assert f"p{BANNER_LIMIT - 1}.yaml" in shown and f"p{BANNER_LIMIT}.yaml" not in shown
    assert f"还有 {50 - BANNER_LIMIT} 条，见终端" in shown


SITE_PAGE = (
    '<!doctype html><html><head><meta charset="utf-8">'
    f"{meta_tag(site_policy())}</head><body dir=\"ltr\" class='x'><p>页</p></body></html>"
).encode()


@pytest.mark.parametrize(
    "page",
    [
        SITE_PAGE,
        SITE_PAGE.replace(b"</body></html>", b""),  # no </body>
        b"<!DOCTYPE html><title>t</title><p>no body tag",
        b"<html><head></head><BODY>",
    ],
)
def test_script_and_banner_go_right_after_the_body_tag_or_where_a_body_would_start(
    page: bytes,
) -> None:
    live = LiveState()
    live.succeeded()
    added = inject(page, live)
    assert added.count(SCRIPT) == 1 and added.count(STYLE) == 1
    assert f'data-build="{live.build_id}"'.encode() in added
    assert b"sc-live-banner" not in added
    assert added.replace(added[added.index(STYLE) : added.index(b"</script>") + 9], b"") == page
    lower = added.lower()
    assert lower.index(STYLE) > lower.find(b"<body") and lower.startswith(page.lower()[:9])
    live.failed(failure(HOSTILE))
    failed = inject(page, live)
    banner = banner_html(failure(HOSTILE)).encode()
    assert failed.index(STYLE) < failed.index(banner) < failed.index(SCRIPT)


def test_a_document_whose_policy_forbids_scripts_gets_the_banner_alone() -> None:
    """Print pages allow no script and only hashed styles: adding ours would be a CSP
    violation in the console; the unstyled banner still says what failed."""
    page = f"<html><head>{meta_tag(document_policy(styles=['p{{}}']))}</head><body>x</body></html>"
    live = LiveState()
    assert inject(page.encode(), live) == page.encode()
    live.failed(failure())
    added = inject(page.encode(), live)
    assert b"sc-live-banner" in added and SCRIPT not in added and b"live.css" not in added


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path, LiveState]]:
    site = tmp_path / "site"
    (site / "projects" / "a").mkdir(parents=True)
    (site / "projects" / "a" / "index.html").write_bytes(SITE_PAGE)
    (site / "404.html").write_text("<html><body>找不到这个页面</body></html>", encoding="utf-8")
    for name, body in {
        "data.json": '{"html": "<body>"}',
        "style.css": "body{}",
        "roadshow.ics": "BEGIN:VCALENDAR\r\nX:<body>\r\nEND:VCALENDAR\r\n",
        "feed.xml": "<rss><body/></rss>",
    }.items():
        (site / name).write_text(body, encoding="utf-8")
    live = LiveState()
    live.succeeded()
    server = start_server(site, "127.0.0.1", 0, live=live)
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", site, live
    finally:
        live.close()
        server.shutdown()
        server.server_close()


def get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_only_html_responses_are_changed_and_the_files_never(served) -> None:
    url, site, live = served
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    for name in ("data.json", "style.css", "roadshow.ics", "feed.xml"):
        status, _headers, body = get(url + name)
        assert status == 200 and body == (site / name).read_bytes(), name
    for address in ("projects/a/", "projects/a/index.html"):
        status, headers, body = get(url + address)
        assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
        assert body.count(SCRIPT) == 1 and int(headers["Content-Length"]) == len(body)
        assert headers["Cache-Control"] == "no-cache"
    status, _headers, body = get(url + "projects/missing/")
    assert status == 404 and "找不到这个页面".encode() in body and SCRIPT in body
    live.failed(failure(HOSTILE))
    status, _headers, body = get(url + "projects/a/")
    assert banner_html(failure(HOSTILE)).encode() in body and b"<script>alert" not in body
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


class _Requests:
    """What the server did with each request: the exception types it handled, and an
    event set once it has closed a connection (after any report of an error)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.errors: list[type[BaseException] | None] = []
        self.closed = threading.Event()
        handle_error, shutdown_request = PreviewServer.handle_error, PreviewServer.shutdown_request

        def record(server: PreviewServer, request: object, address: object) -> None:
            self.errors.append(sys.exc_info()[0])
            handle_error(server, request, address)

        def close(server: PreviewServer, request: object) -> None:
            shutdown_request(server, request)
            self.closed.set()

        monkeypatch.setattr(PreviewServer, "handle_error", record)
        monkeypatch.setattr(PreviewServer, "shutdown_request", close)


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n",  # gone mid-download
        b"GET /big.bin HTTP/1.1\r\nHost: x\r\n",  # gone before the request ended
    ],
)
def test_a_client_that_goes_away_is_no_error_to_print(
    served, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], request_bytes
) -> None:
    """A tab closed while a large file downloads, or before its request was sent whole:
    the connection is reset (SO_LINGER 0), the server's write or read fails, and the
    terminal stays quiet."""
    url, site, _live = served
    (site / "big.bin").write_bytes(os.urandom(1 << 20) * 16)
    requests = _Requests(monkeypatch)
    with socket.create_connection(("127.0.0.1", urlsplit(url).port or 80), timeout=10) as client:
        client.sendall(request_bytes)
        if request_bytes.endswith(b"\r\n\r\n"):
            assert client.recv(1024).startswith(b"HTTP/1.0 200")
        else:
            time.sleep(0.2)  # the server is waiting for the rest of the headers
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    assert requests.closed.wait(10)
    assert requests.errors and all(issubclass(e, ConnectionError) for e in requests.errors if e)
    assert capsys.readouterr().err == ""


def test_any_other_error_of_a_request_is_still_printed(
    served, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url, _site, _live = served
    requests = _Requests(monkeypatch)

    def fail(_handler: LiveHandler) -> None:
        raise RuntimeError("页面处理出错")

    monkeypatch.setattr(LiveHandler, "do_GET", fail)
    with pytest.raises(OSError):
        urllib.request.urlopen(url, timeout=10)
    assert requests.closed.wait(10)
    err = capsys.readouterr().err
    assert "Traceback" in err and "RuntimeError: 页面处理出错" in err


def test_the_preview_serves_its_own_script_and_stylesheet(served) -> None:
    url, _site, _live = served
    status, headers, body = get(url + "__showcase__/live.js")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript")
    assert b"EventSource" in body and b"location.reload" in body
    status, headers, body = get(url + "__showcase__/live.css")
    assert status == 200 and headers["Content-Type"].startswith("text/css")
    assert b".sc-live-banner" in body and b'[data-md-color-scheme="slate"]' in body


def test_event_stream_sends_the_state_now_and_at_every_change(served) -> None:
    url, _site, live = served
    messages: list[dict[str, str]] = []
    with urllib.request.urlopen(url + "__showcase__/events", timeout=10) as stream:
        assert stream.headers["Content-Type"].startswith("text/event-stream")

        def next_message() -> dict[str, str]:
            line = stream.readline()
            assert line.startswith(b"data: ") and stream.readline() == b"\n"
            return json.loads(line[6:])

        assert stream.readline() == b"retry: 1000\n"  # reconnect soon after a restart
        messages.append(next_message())
        first_build = live.build_id
        live.failed(failure(HOSTILE))
        messages.append(next_message())
        live.succeeded()
        messages.append(next_message())
    assert messages[0] == {"build": first_build, "banner": ""}
    assert messages[1] == {"build": first_build, "banner": banner_html(failure(HOSTILE))}
    assert messages[2] == {"build": live.build_id, "banner": ""} and live.build_id != first_build


def test_a_new_server_names_its_builds_differently_so_old_pages_reload() -> None:
    first, second = LiveState(), LiveState()
    first.succeeded()
    second.succeeded()
    assert first.build_id != second.build_id


def test_closing_the_preview_ends_waiting_event_streams() -> None:
    live = LiveState()
    version, _message = live.message()
    threading.Timer(0.05, live.close).start()
    started = time.monotonic()
    assert live.wait(version, 10) and time.monotonic() - started < 5


def test_watcher_reports_added_changed_and_removed_files(tmp_path: Path) -> None:
    data = tmp_path / "projects" / "arts"
    data.mkdir(parents=True)
    kept, changed, removed = (data / f"{n}.yaml" for n in ("kept", "changed", "removed"))
    for path in (kept, changed, removed):
        path.write_text("a: 1\n")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n")
    old = time.time_ns() - 10**9
    for path in (kept, changed, removed, config):
        os.utime(path, ns=(old, old))
    watcher = Watcher([tmp_path / "projects", config, tmp_path / "missing"])
    assert watcher.changes() == set()
    changed.write_text("a: 2\n")
    removed.unlink()
    (data / "new" / "logo").mkdir(parents=True)
    (data / "new" / "logo" / "a.png").write_bytes(b"png")
    config.write_text("site_name: y\n")
    expected = {str(p) for p in (changed, removed, data / "new" / "logo" / "a.png", config)}
    assert watcher.changes() == expected


def test_a_second_write_in_the_same_clock_tick_is_not_lost(tmp_path: Path) -> None:
    """Same size, same modification time (a coarse file-system clock): the first scan marks
    the fresh file racy, so the first scan that sees it settled reports it again."""
    record = tmp_path / "p.yaml"
    record.write_text("a: 1\n")
    stamp = time.time_ns()
    os.utime(record, ns=(stamp, stamp))
    watcher = Watcher([tmp_path])
    record.write_text("a: 2\n")
    os.utime(record, ns=(stamp, stamp))
    time.sleep(RACY_NS / 1e9)
    assert watcher.changes() == {str(record)}
    assert watcher.changes() == set()


def test_watcher_polls_at_ten_times_its_scan_time_within_bounds(tmp_path: Path) -> None:
    watcher = Watcher([tmp_path])
    assert watcher.interval == 0.1
    for n in range(3000):
        (tmp_path / f"{n}.yaml").write_text("")
    watcher.changes()
    assert 0.1 <= watcher.interval <= 0.5


def test_before_any_good_build_the_preview_answers_with_the_banner(tmp_path: Path) -> None:
    """The first build failed and there is no site: every address says why, in Chinese."""
    live = LiveState()
    live.failed(failure(HOSTILE))
    server = start_server(tmp_path, "127.0.0.1", 0, live=live)
    try:
        status, headers, body = get(f"http://127.0.0.1:{server.server_address[1]}/")
    finally:
        live.close()
        server.shutdown()
        server.server_close()
    assert status == 404 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert "网站尚未生成".encode() in body and banner_html(failure(HOSTILE)).encode() in body


def test_a_write_ends_the_watchers_pause_at_once_and_a_read_does_not(tmp_path: Path) -> None:
    """Change reports shorten the wait; the build reading files must not wake it."""
    record = tmp_path / "p.yaml"
    record.write_text("a: 1\n")
    watcher = Watcher([tmp_path])
    try:
        assert watcher.notified
        watcher.interval = 0.5
        record.read_text()
        started = time.monotonic()
        watcher.pause()
        assert time.monotonic() - started >= 0.4
        watcher.interval = 30.0
        threading.Timer(0.1, lambda: record.write_text("a: 2\n")).start()
        started = time.monotonic()
        watcher.pause()
        assert time.monotonic() - started < 10
        assert watcher.changes() == {str(record)}
    finally:
        watcher.close()


@pytest.mark.parametrize("name", TEMPORARY_NAMES)
def test_editors_own_files_are_no_change(tmp_path: Path, name: str) -> None:
    """Made, written again and removed beside a project file and in its folder: the
    build ignores them, so the watcher reports nothing and no rebuild starts."""
    college = tmp_path / "projects" / "textile"
    (college / "good-yarn").mkdir(parents=True)
    watcher = Watcher([tmp_path / "projects"], notify=False)
    made = [make_temporary_file(folder, name) for folder in (college, college / "good-yarn")]
    assert watcher.changes() == set()
    for path in made:
        path.unlink()
        make_temporary_file(path.parent, name)
    assert watcher.changes() == set()
    for path in made:
        path.unlink()
    assert watcher.changes() == set()


@pytest.mark.parametrize("path", TEMPORARY_FOLDER_PATHS)
def test_a_file_in_a_folder_named_as_an_editors_file_is_a_change(tmp_path: Path, path: str) -> None:
    """``old~/roster.docx`` is a file the validation checks, so the watcher sees it."""
    watcher = Watcher([tmp_path / "projects", tmp_path / "content"], notify=False)
    file = tmp_path / path
    file.parent.mkdir(parents=True)
    file.write_text("名单\n", encoding="utf-8")
    assert watcher.changes() == {str(file)}


def test_a_swap_file_written_while_typing_does_not_end_the_pause(tmp_path: Path) -> None:
    swap = tmp_path / ".p.yaml.swp"
    watcher = Watcher([tmp_path])
    try:
        assert watcher.notified
        watcher.interval = 0.5
        threading.Timer(0.05, lambda: swap.write_bytes(b"b0VIM 9.1")).start()
        started = time.monotonic()
        watcher.pause()
        assert time.monotonic() - started >= 0.4
        assert watcher.changes() == set()
    finally:
        watcher.close()


def test_a_vim_save_is_the_project_files_change_alone(tmp_path: Path) -> None:
    """vim saves by renaming the file to its backup and writing a new one; a scan may
    fall between any two steps, and every scan reports the project file or nothing, so
    the burst is one saved project file, which the fast pass answers."""
    college = tmp_path / "projects" / "textile"
    college.mkdir(parents=True)
    record = college / "good-yarn.yaml"
    record.write_text("id: good-yarn\n", encoding="utf-8")
    swap, backup, probe = (college / n for n in (".good-yarn.yaml.swp", "good-yarn.yaml~", "4913"))
    watcher = Watcher([tmp_path / "projects"], notify=False)
    swap.write_bytes(b"b0VIM 9.1")  # vim opened the file
    assert watcher.changes() == set()
    seen: set[str] = set()
    steps = [
        lambda: swap.write_bytes(b"b0VIM 9.1 typed"),
        lambda: probe.write_bytes(b""),
        probe.unlink,
        lambda: record.rename(backup),
        lambda: record.write_text("id: good-yarn\nname: 好纱线\n", encoding="utf-8"),
        lambda: swap.write_bytes(b"b0VIM 9.1 saved"),
        backup.unlink,
    ]
    for step in steps:
        step()
        seen |= watcher.changes()
    assert seen == {str(record)}
    assert project_files(Layout(tmp_path), seen) == [record]


def test_a_file_that_only_stops_being_racy_is_named_steadied(tmp_path: Path) -> None:
    """Reported once more (its content may differ), but marked, so a burst that has not
    been built yet does not wait another round for it."""
    record = tmp_path / "p.yaml"
    watcher = Watcher([tmp_path], notify=False)
    record.write_text("a: 1\n")
    assert watcher.changes() == {str(record)} and watcher.steadied == set()
    time.sleep(RACY_NS / 1e9)
    assert watcher.changes() == {str(record)} and watcher.steadied == {str(record)}
    assert watcher.changes() == set() and watcher.steadied == set()


FIRST_PAGE = SITE_PAGE.replace("页".encode(), "先行的页".encode())


@pytest.mark.parametrize("project", ["a", "new"])
def test_a_page_rendered_first_is_served_from_memory_until_the_build_ends(
    served, project: str
) -> None:
    """An edited project's page (its folder is in the site) and a new project's (no folder
    yet: its addresses answer as a folder's would) alike."""
    url, site, live = served
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    shown = live.build_id
    live.show_first({f"projects/{project}/index.html": FIRST_PAGE})
    _version, message = live.message()
    first = json.loads(message)["first"]
    assert set(first) == {f"/projects/{project}/", f"/projects/{project}/index.html"}
    for address in (
        f"projects/{project}/",
        f"projects/{project}/index.html",
        f"projects/./{project}/index.html",
        f"projects/{project}",
        f"projects/{project}?x=1",
    ):
        status, headers, body = get(url + address)
        assert status == 200 and "先行的页".encode() in body and body.count(SCRIPT) == 1
        assert f'data-build="{first[f"/projects/{project}/"]}"'.encode() in body
        assert int(headers["Content-Length"]) == len(body)
    for address in (
        f"projects/{project}/index.html/",
        "projects/",
        "projects/b/index.html",
        f"{project}/index.html",
        f"projects/{project}x/",
    ):
        status, _headers, body = get(url + address)
        assert "先行的页".encode() not in body, address
    assert live.build_id == shown, "the site on disk is the same: other pages do not reload"
    live.succeeded()
    assert "first" not in json.loads(live.message()[1])
    _status, _headers, body = get(url + f"projects/{project}/")
    assert "先行的页".encode() not in body and f'data-build="{live.build_id}"'.encode() in body
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_a_failed_build_drops_the_page_rendered_first_and_shows_its_banner(served) -> None:
    url, _site, live = served
    live.show_first({"projects/a/index.html": FIRST_PAGE})
    live.failed(failure())
    assert live.first_page("projects/a/index.html") is None
    assert "first" not in json.loads(live.message()[1])
    _status, _headers, body = get(url + "projects/a/")
    assert "先行的页".encode() not in body and banner_html(failure()).encode() in body


def test_only_the_visitors_of_a_page_rendered_first_are_told_to_reload(served) -> None:
    """What live.js compares: the build id a page shows against the one the state names
    for its own address."""
    url, _site, live = served
    on_disk = live.build_id
    live.show_first({"projects/a/index.html": FIRST_PAGE})
    state = json.loads(live.message()[1])
    expected = {
        address: state.get("first", {}).get(address) or state["build"]
        for address in ("/projects/a/", "/other/")
    }
    assert expected["/other/"] == on_disk
    assert expected["/projects/a/"] != on_disk
    _status, _headers, body = get(url + "projects/a/")
    assert f'data-build="{expected["/projects/a/"]}"'.encode() in body
