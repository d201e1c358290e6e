"""A local preview: a quiet static web server and a polling file watcher.

The server can also answer as a production server would (gzip and cache headers), so
that Lighthouse's performance figures (`invoke bench`, `invoke checkers`) measure the
pages, not a development server. Given a `showcase.engine.live.LiveState` it is the live
preview of ``invoke serve``: HTML responses carry the reload script and, after a failed
rebuild, the failure banner (`LiveHandler`).

A browser drops connections all the time (a tab closed during the reload script's event
stream or a download, a page left mid-load): `PreviewServer` says nothing about those,
and prints any other error of a request as before.

Polling (`Watcher`: a stat of every watched file) needs no extra dependency and behaves
the same on every system and file system; one scan (stat and compare) takes about 30 ms at
10,000 project files and 2.5 ms at 1,000 (measured on the shared 2-core machine), so
polling at ten times the scan time (0.1 s to 0.5 s) costs at most a tenth of a core.
"""

from __future__ import annotations

import functools
import gzip
import io
import os
import sys
import threading
import time
from collections.abc import Callable
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from showcase.engine.live import EVENTS, KEEPALIVE_SECONDS, LiveState, asset, event, inject
from showcase.load.files import is_temporary_name

NOT_FOUND_PAGE = "404.html"
"""The page MkDocs writes for missing addresses (``overrides/404.html``)."""


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging every request to the terminal, and answers a missing
    address with the site's own 404 page (in Chinese, with search and the directory), as
    the web server of the published site does, instead of Python's English error page."""

    def log_message(self, format: str, *args: object) -> None:
        return

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        body = self.error_page(code)
        if body is None:
            super().send_error(code, message, explain)
            return
        self.send_response(code, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def error_page(self, code: int) -> bytes | None:
        """The site's own page for `code`, if it has one."""
        not_found = Path(self.directory) / NOT_FOUND_PAGE
        if code != HTTPStatus.NOT_FOUND or not not_found.is_file():
            return None
        return self.page(not_found.read_bytes())

    def page(self, document: bytes) -> bytes:
        """An HTML document as this server sends it (`LiveHandler` adds to it)."""
        return document


_COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml")
_YEAR = "public, max-age=31536000, immutable"


class ProductionHandler(QuietHandler):
    """Sends text gzip-compressed when the browser accepts it, with cache headers:
    pages revalidated each time, everything else (assets, images, data) kept a year."""

    def do_GET(self) -> None:
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        kind = self.guess_type(path)
        if (
            not os.path.isfile(path)
            or "gzip" not in self.headers.get("Accept-Encoding", "")
            or not kind.startswith(_COMPRESSIBLE)
        ):
            super().do_GET()
            return
        body = _compressed(path, os.stat(path).st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        page = self.path.split("?")[0].endswith(("/", ".html"))
        self.send_header("Cache-Control", "no-cache" if page else _YEAR)
        super().end_headers()


@functools.lru_cache(maxsize=512)
def _compressed(path: str, _mtime_ns: int) -> bytes:
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


class LiveHandler(QuietHandler):
    """The live preview: every HTML page gets the reload script and, after a failed
    rebuild, the banner (`showcase.engine.live.inject`); ``/__showcase__/`` serves the
    script, its stylesheet and the event stream. A page the fast pass rendered before the
    full build is served from memory (`LiveState.first_page`), looked up by the path the
    request resolves to inside the site folder, as any file is. Nothing is cached by the
    browser, so a reload shows the new site whole."""

    def __init__(self, *args: object, live: LiveState, **kwargs: object) -> None:
        self.live = live
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        route = urlsplit(self.path).path
        if route == EVENTS:
            self._events()
            return
        own = asset(route)
        if own is None:
            super().do_GET()
            return
        body, kind = own
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_head(self) -> io.BytesIO | None:  # type: ignore[override]
        path = self.translate_path(self.path)
        address = urlsplit(self.path)
        folder_page = os.path.join(path, "index.html")
        # A new project's page rendered first has no folder in the site yet: its address
        # answers as a folder's would (`/x` → `/x/`, `/x/` → its page).
        in_site = _site_path(folder_page, self)
        first_in_folder = self.live.first_page(in_site)
        if first_in_folder and not address.path.endswith("/") and not os.path.exists(path):
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", "/" + in_site.removesuffix("index.html"))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if address.path.endswith("/") and (os.path.isdir(path) or first_in_folder is not None):
            path = folder_page
            if first_in_folder is None and not os.path.isfile(path):  # no file listing
                self.send_error(HTTPStatus.NOT_FOUND)
                return None
        first = None if path.endswith("/") else self.live.first_page(_site_path(path, self))
        if first is not None:  # rendered before the full build (`showcase.engine.fast_page`)
            body = inject(first[0], self.live, build=first[1])
        elif not path.endswith((".html", ".htm")) or not os.path.isfile(path):
            return super().send_head()
        else:
            try:
                body = self.page(Path(path).read_bytes())
            except OSError:  # swapped away by a rebuild between the two calls
                self.send_error(HTTPStatus.NOT_FOUND)
                return None
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def error_page(self, code: int) -> bytes | None:
        own = super().error_page(code)
        if own is None and code == HTTPStatus.NOT_FOUND and self.live.failure:
            return self.page(NO_SITE_YET.encode("utf-8"))  # the first build failed
        return own

    def page(self, document: bytes) -> bytes:
        return inject(document, self.live)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def _events(self) -> None:
        """Server-Sent Events: the state now, then at every change, until either side stops."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.end_headers()
        try:
            version, message = event(self.live)
            self.wfile.write(RECONNECT + message)
            self.wfile.flush()
            while not self.live.closed:
                if self.live.wait(version, KEEPALIVE_SECONDS):
                    version, message = event(self.live)
                else:
                    message = b": keepalive\n\n"
                self.wfile.write(message)
                self.wfile.flush()
        except OSError:  # the page was closed or reloaded
            return


def _site_path(path: str, handler: SimpleHTTPRequestHandler) -> str:
    """The path of a translated request inside the served folder (``projects/x/index.html``)."""
    return os.path.relpath(path, handler.directory).replace(os.sep, "/")


RECONNECT = b"retry: 1000\n"
"""Try again a second after the preview stopped (a restart), not the browser's default."""

NO_SITE_YET = (
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
    '<meta name="viewport" content="width=device-width, initial-scale=1">'
    "<title>网站尚未生成</title></head><body><main><h1>网站尚未生成</h1>"
    "<p>第一次构建没有成功，修正上面的问题并保存后会自动重新构建。</p></main></body></html>"
)
"""What the preview answers while no site exists yet because the first build failed."""


class PreviewServer(ThreadingHTTPServer):
    """The threaded server, quiet about clients that went away (`ConnectionError`:
    a broken pipe or a reset while the answer was being sent or the request read)."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def start_server(
    site_dir: Path,
    host: str,
    port: int,
    production: bool = False,
    live: LiveState | None = None,
) -> ThreadingHTTPServer:
    """Serve `site_dir` from a background thread; the folder is looked up per request,
    so a site swapped in by a rebuild is served at once. `production` adds gzip and
    cache headers (`ProductionHandler`); `live` makes it the live preview (`LiveHandler`)."""
    if live is not None:
        handler = functools.partial(LiveHandler, directory=str(site_dir), live=live)
    else:
        handler = functools.partial(
            ProductionHandler if production else QuietHandler, directory=str(site_dir)
        )
    server = PreviewServer((host, port), handler)
    threading.Thread(target=server.serve_forever, name="showcase-preview", daemon=True).start()
    return server


Signature = tuple[int, int, int, bool]
"""A file's modification time (ns), size, inode, and whether it was written so recently
that a second write in the same clock tick could leave the first three unchanged."""

RACY_NS = 50_000_000
"""Writes younger than this when scanned are marked racy (a file system's clock tick is a
few ms): the next scan reports such a file once more, so no write is ever lost."""


class Watcher:
    """Which watched files changed since the last look: the difference of two scans.

    A scan stats every file under `paths` (files or folders). `interval` is the pause
    between scans: ten times the last scan's duration, from 0.1 s to 0.5 s, so polling costs
    at most a tenth of a core up to ~50,000 files (a change is seen within 0.5 s).

    Editors' own files (`is_temporary_name`: vim's swap file, written as one types, its
    ``4913`` probe and ``x.yaml~`` backup, made and removed as it saves by renaming a new
    file over the old one) are never scanned: the build ignores them, so they are no
    change, and a save is the project file's change alone, which the fast pass answers.

    Where the system reports changes (inotify and the like, through watchdog, which MkDocs
    already installs), a report only ends the pause early (`pause`): what changed is still
    the scans' difference, so a lost or missing report costs latency, never a change.
    """

    def __init__(self, paths: list[Path], notify: bool = True) -> None:
        self.paths = paths
        self.interval = MIN_INTERVAL
        self._woken = threading.Event()
        self._observer = _observe(paths, self._woken.set) if notify else None
        self.state = self._scan()
        self.steadied: set[str] = set()
        """Of the last `changes`, the files that only stopped being racy: a build that has
        not read them yet needs no further scan for them."""

    @property
    def notified(self) -> bool:
        """True when the system reports changes (the pause ends at once)."""
        return self._observer is not None

    def pause(self) -> None:
        """Wait `interval` seconds, or less when the system reports a change."""
        self._woken.wait(self.interval)
        self._woken.clear()

    def close(self) -> None:
        if self._observer is not None:
            self._observer.stop()

    def changes(self) -> set[str]:
        """The files added, changed or removed since the previous call (absolute paths)."""
        current = self._scan()
        before = self.state
        self.state = current
        if current == before:
            self.steadied = set()
            return set()
        changed = {p for p in before.keys() | current.keys() if before.get(p) != current.get(p)}
        self.steadied = {
            p for p in changed if p in before and p in current and before[p][:3] == current[p][:3]
        }
        return changed

    def _scan(self) -> dict[str, Signature]:
        started, clock = time.perf_counter(), time.time_ns()
        state: dict[str, Signature] = {}
        for path in self.paths:
            if path.is_file():
                _add(state, str(path), path.stat(), clock)
            elif path.is_dir():
                _walk(state, str(path), clock)
        elapsed = time.perf_counter() - started
        self.interval = min(MAX_INTERVAL, max(MIN_INTERVAL, 10 * elapsed))
        return state


MIN_INTERVAL, MAX_INTERVAL = 0.1, 0.5
_WRITES = {"created", "modified", "deleted", "moved", "closed"}
"""Events that can change a file (not ``opened`` or ``closed_no_write``: the build reads)."""


def _observe(paths: list[Path], wake: Callable[[], None]) -> Any:
    """A running watchdog observer calling `wake` on writes under `paths`, or None where
    the system offers no change reports (or too few inotify watches are left)."""
    try:
        from watchdog.events import FileSystemEvent, FileSystemEventHandler
        from watchdog.observers import Observer
    except ImportError:  # pragma: no cover - watchdog comes with MkDocs
        return None
    watched = tuple(str(path) for path in paths)

    class Wake(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            if event.event_type not in _WRITES or (
                event.is_directory and event.event_type == "modified"
            ):
                return  # a folder "modified" only echoes the change of a file in it
            touched = [str(p) for p in (event.src_path, event.dest_path) if p]
            if any(
                p.startswith(watched) and not is_temporary_name(os.path.basename(p))
                for p in touched
            ):
                wake()

    observer = Observer()
    observer.daemon = True
    handler = Wake()
    try:
        for path in paths:
            if path.is_dir():
                observer.schedule(handler, str(path), recursive=True)
            elif path.parent.is_dir():  # a single file: its folder, filtered by `watched`
                observer.schedule(handler, str(path.parent), recursive=False)
        observer.start()
    except OSError:
        return None
    return observer


def _walk(state: dict[str, Signature], folder: str, clock: int) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:  # removed while scanning: the next scan sees it gone
        return
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):  # old~/ holds files all the same
                _walk(state, entry.path, clock)
            elif not is_temporary_name(entry.name):
                _add(state, entry.path, entry.stat(), clock)
        except OSError:
            continue


def _add(state: dict[str, Signature], path: str, stat: os.stat_result, clock: int) -> None:
    state[path] = (stat.st_mtime_ns, stat.st_size, stat.st_ino, stat.st_mtime_ns > clock - RACY_NS)
