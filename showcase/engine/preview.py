"""A local preview: a quiet static web server and a polling file watcher.

Polling (a stat of every watched file once a second) needs no extra dependency and
behaves the same on every system and file system; at 10,000 projects one scan takes a few
tens of milliseconds.
"""

from __future__ import annotations

import functools
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


def start_server(site_dir: Path, host: str, port: int) -> ThreadingHTTPServer:
    """Serve `site_dir` from a background thread; the folder is looked up per request,
    so a site swapped in by a rebuild is served at once."""
    handler = functools.partial(QuietHandler, directory=str(site_dir))
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
