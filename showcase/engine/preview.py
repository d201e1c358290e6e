"""A local preview: a quiet static web server and a polling file watcher.

The server can also answer as a production server would (gzip and cache headers), so
that Lighthouse's performance figures (`invoke bench`, `invoke checkers`) measure the
pages, not a development server.

Polling (a stat of every watched file once a second) needs no extra dependency and
behaves the same on every system and file system; at 10,000 projects one scan takes a few
tens of milliseconds.
"""

from __future__ import annotations

import functools
import gzip
import os
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

Snapshot = dict[str, tuple[int, int]]
NOT_FOUND_PAGE = "404.html"
"""The page MkDocs writes for missing addresses (``overrides/404.html``)."""


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging every request to the terminal, and answers a missing
    address with the site's own 404 page (in Chinese, with search and the directory), as
    the web server of the published site does, instead of Python's English error page."""

    def log_message(self, format: str, *args: object) -> None:
        return

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory) / NOT_FOUND_PAGE
        if code != HTTPStatus.NOT_FOUND or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(code, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


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


def start_server(
    site_dir: Path, host: str, port: int, production: bool = False
) -> ThreadingHTTPServer:
    """Serve `site_dir` from a background thread; the folder is looked up per request,
    so a site swapped in by a rebuild is served at once. `production` adds gzip and
    cache headers (`ProductionHandler`)."""
    handler = functools.partial(
        ProductionHandler if production else QuietHandler, directory=str(site_dir)
    )
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="showcase-preview", daemon=True).start()
    return server


def snapshot(paths: list[Path]) -> Snapshot:
    """Modification time and size of every file under `paths` (files or folders)."""
    state: Snapshot = {}
    for path in paths:
        if path.is_file():
            stat = path.stat()
            state[str(path)] = (stat.st_mtime_ns, stat.st_size)
            continue
        for folder, _subfolders, files in os.walk(path):
            for name in files:
                full = os.path.join(folder, name)
                try:
                    stat = os.stat(full)
                except FileNotFoundError:
                    continue
                state[full] = (stat.st_mtime_ns, stat.st_size)
    return state
