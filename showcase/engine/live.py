"""Live preview: what the preview server adds to the pages it sends, and the build state
the browser follows.

Only the preview server (`showcase.engine.preview.start_server` with a `LiveState`) adds
anything, and only to HTML responses: the files in ``site/`` (published) are never touched.

- `LiveState` is the last build as the browser sees it: the id of the site on disk and,
  when the latest rebuild failed, why. `showcase.commands.serve` sets it after each build.
  Between a save and the end of its full build it may also hold pages rendered first (the
  fast pass, `showcase.engine.fast_page`): served instead of their files in ``site/`` (in
  memory only; the site and the caches never see them) until the build ends; after a
  success, one whose file the build wrote with the same bytes stays, so that its visitors
  do not reload a second time.
- `inject` puts, right after ``<body>``, the failure banner (when a rebuild failed) and a
  same-origin stylesheet and deferred script (``/__showcase__/live.css``, ``live.js``).
  The site's Content-Security-Policy allows ``'self'`` scripts and styles; a page whose
  own policy forbids them (a standalone print document) gets the unstyled banner alone,
  so the browser never reports a violation.
- The script listens on ``/__showcase__/events`` (Server-Sent Events, one JSON message per
  change of state, a comment every `KEEPALIVE_SECONDS`); it reloads the page when the site
  on disk is not the one it shows, or when its own page was rendered first (or that first
  page was dropped), and otherwise only shows, replaces or removes the banner (a failed
  build reloads only a page that showed a first page). EventSource reconnects by itself
  when the server restarts.

Measuring "visible in the browser" (benchmarks): open a page, wait until
``document.documentElement.dataset.showcaseLive == "connected"`` (the script sets it once
its event stream is open), save the changed file, then wait for the new text on the page.
``benchmarks/bench_preview.py`` (`seconds_to_visible`) does exactly that with Playwright.
"""

from __future__ import annotations

import html
import json
import re
import secrets
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from showcase.problems import Problem

PREFIX = "/__showcase__/"
EVENTS = PREFIX + "events"
ASSETS = {
    PREFIX + "live.js": ("live.js", "text/javascript; charset=utf-8"),
    PREFIX + "live.css": ("live.css", "text/css; charset=utf-8"),
}
ASSETS_DIR = Path(__file__).with_name("live_assets")
BANNER_ID = "sc-live-banner"
BANNER_LIMIT = 20
"""Problems listed in the banner; the terminal has them all."""
KEEPALIVE_SECONDS = 15.0

_BODY = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)
_HEAD_END = re.compile(rb"</head\s*>", re.IGNORECASE)
_POLICY = re.compile(
    rb"""<meta\s+http-equiv=["']?content-security-policy["']?\s+content=(["'])(.*?)\1""",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True)
class BuildFailure:
    """Why a build stopped, as the terminal showed it: a heading, the data problems
    (validation), and the engine's own messages (a failed MkDocs build)."""

    heading: str
    problems: tuple[Problem, ...] = ()
    details: tuple[str, ...] = ()


class LiveState:
    """The build the browser should show, shared by the build loop and the server threads.

    `build_id` names the site on disk: a fresh one at each successful build, and a new
    prefix per server start, so a page from an earlier run reloads after a restart."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._boot = secrets.token_hex(4)
        self._builds = 0
        self._failure: BuildFailure | None = None
        self._version = 0
        self._first: dict[str, bytes] = {}
        self._first_id = ""
        self.closed = False

    @property
    def build_id(self) -> str:
        return f"{self._boot}-{self._builds}"

    @property
    def failure(self) -> BuildFailure | None:
        return self._failure

    def succeeded(self, site_dir: Path | None = None) -> None:
        """A new site is on disk (in `site_dir`): every open page reloads, except a page
        rendered first whose file there has the very same bytes (its visitors already see
        the new site; it goes on being served from memory, identical to the file)."""
        with self._changed:
            self._builds += 1
            self._failure = None
            self._first = {
                path: page
                for path, page in self._first.items()
                if site_dir is not None and _file_bytes(site_dir / path) == page
            }
            self._version += 1
            self._changed.notify_all()

    def failed(self, failure: BuildFailure) -> None:
        """The last good site stays; every open page shows why the rebuild failed, and a
        page that was rendered first reloads to the last good one."""
        with self._changed:
            self._failure = failure
            self._first = {}
            self._version += 1
            self._changed.notify_all()

    def show_first(self, pages: Mapping[str, bytes], *, fixed: bool = False) -> None:
        """Serve `pages` (site path → HTML, the fast pass) instead of their files until the
        build that follows ends; the visitors of those pages reload, nobody else. `fixed`:
        their files fix what the banner shows, so it goes from every page."""
        with self._changed:
            if fixed:
                self._failure = None
            self._first = dict(pages)
            self._first_id = f"{self.build_id}~{secrets.token_hex(4)}"
            self._version += 1
            self._changed.notify_all()

    def first_page(self, site_path: str) -> tuple[bytes, str] | None:
        """The page rendered first for `site_path` (``projects/x/index.html``) and the
        build id it is shown under, if there is one."""
        with self._changed:
            page = self._first.get(site_path)
            return None if page is None else (page, self._first_id)

    def message(self) -> tuple[int, str]:
        """The current state as the event stream sends it, with its version: the build,
        the banner, and the addresses of the pages rendered first with their build id."""
        with self._changed:
            banner = banner_html(self._failure) if self._failure else ""
            state: dict[str, object] = {"build": self.build_id, "banner": banner}
            if self._first:
                state["first"] = {address: self._first_id for address in _addresses(self._first)}
            return self._version, json.dumps(state)

    def wait(self, version: int, timeout: float) -> bool:
        """Wait until the state is newer than `version` or the preview stops; False after
        `timeout` seconds."""
        with self._changed:
            return self._changed.wait_for(lambda: self._version != version or self.closed, timeout)

    def close(self) -> None:
        """The preview stops: every open event stream ends."""
        with self._changed:
            self.closed = True
            self._changed.notify_all()


def _file_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _addresses(site_paths: Mapping[str, bytes]) -> list[str]:
    """The addresses a browser shows each page under (``/x/`` and ``/x/index.html``)."""
    found = []
    for path in site_paths:
        address = "/" + quote(path)
        found.append(address)
        if address.endswith("/index.html"):
            found.append(address.removesuffix("index.html"))
    return found


def banner_html(failure: BuildFailure) -> str:
    """The failure banner: every piece of text escaped (messages quote the user's data)."""
    esc = html.escape
    items = [_problem_item(problem) for problem in failure.problems[:BANNER_LIMIT]]
    items += [f"<li>{esc(detail)}</li>" for detail in failure.details[:BANNER_LIMIT]]
    hidden = max(0, len(failure.problems) - BANNER_LIMIT)
    hidden += max(0, len(failure.details) - BANNER_LIMIT)
    more = f'<p class="sc-live-banner__more">还有 {hidden} 条，见终端。</p>' if hidden else ""
    listed = f'<ul class="sc-live-banner__list">{"".join(items)}</ul>' if items else ""
    return (
        f'<div id="{BANNER_ID}" class="sc-live-banner" role="alert" lang="zh-CN">'
        '<p class="sc-live-banner__title">预览：构建失败，网站没有更新'
        "（修正并保存后会自动重新构建，本提示随之消失）</p>"
        f'<p class="sc-live-banner__heading">{esc(failure.heading)}</p>'
        f"{listed}{more}</div>"
    )


def _problem_item(problem: Problem) -> str:
    esc = html.escape
    field = (
        f' <span class="sc-live-banner__field">{esc(problem.field)}</span>：'
        if problem.field
        else " "
    )
    hint = (
        f'<br><span class="sc-live-banner__hint">修改建议：{esc(problem.hint)}</span>'
        if problem.hint
        else ""
    )
    return (
        f'<li><code class="sc-live-banner__where">{esc(problem.where)}</code> '
        f"{esc(problem.severity.label)}{field}{esc(problem.message)}{hint}</li>"
    )


def inject(page: bytes, state: LiveState, build: str | None = None) -> bytes:
    """`page` (an HTML document) with the banner, the stylesheet and the script added;
    `build` names what it shows when it is not the site on disk (a page rendered first)."""
    failure = state.failure
    banner = banner_html(failure).encode("utf-8") if failure else b""
    if _allows_own_files(page):
        style = f'<link rel="stylesheet" href="{PREFIX}live.css">'.encode("ascii")
        shown = build or state.build_id
        script = f'<script src="{PREFIX}live.js" data-build="{shown}" defer></script>'
        added = style + banner + script.encode("ascii")
    else:
        added = banner
    if not added:
        return page
    for place in (_BODY, _HEAD_END):
        found = place.search(page)
        if found:
            return page[: found.end()] + added + page[found.end() :]
    return page + added


def _allows_own_files(page: bytes) -> bool:
    """True when the page's own Content-Security-Policy (if any) lets it load a script
    and a stylesheet from its own origin."""
    found = _POLICY.search(page)
    if not found:
        return True
    directives = {}
    for part in html.unescape(found.group(2).decode("utf-8", "replace")).split(";"):
        words = part.split()
        if words:
            directives.setdefault(words[0].lower(), words[1:])
    default = directives.get("default-src", ["*"])
    return all(
        "'self'" in directives.get(kind, default) or "*" in directives.get(kind, default)
        for kind in ("script-src", "style-src")
    )


def asset(path: str) -> tuple[bytes, str] | None:
    """The body and content type of one of the preview's own files, by its address."""
    known = ASSETS.get(path)
    if known is None:
        return None
    name, kind = known
    return (ASSETS_DIR / name).read_bytes(), kind


def event(state: LiveState) -> tuple[int, bytes]:
    """The current state as one Server-Sent Events message, with its version."""
    version, data = state.message()
    return version, f"data: {data}\n\n".encode()
