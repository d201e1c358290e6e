"""The smoke test after a switch: does the live address serve a whole, working site?

Five fetches with a short timeout: ``release.txt`` (the release's name: the address serves
this release, not an old copy or another folder; fetched with a query no cache has seen),
the home page (HTML naming the site), one project page (the first ``projects/<id>/`` entry
of the live search index, not the directory ``projects/``; it must name its project, the
entry's title), the search index (JSON with documents) and ``events/events.ics``
(a calendar icalendar can parse). Each failure is one Chinese phrase saying which address
and what was wrong.
"""

from __future__ import annotations

import html
import http.client
import json
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from urllib.parse import urljoin

import icalendar

from showcase.deploy.release_root import RELEASE_FILE

TIMEOUT = 10
SEARCH_INDEX = "search/search_index.json"
CALENDAR = "events/events.ics"


def check_live(url: str, site_name: str) -> Callable[[str], list[str]]:
    """The smoke test of the site at `url`: a function of the release that should be live,
    run after the switch."""
    base = url if url.endswith("/") else f"{url}/"
    return lambda release: _check(base, site_name, release)


def _check(base: str, site_name: str, release: str) -> list[str]:
    failures: list[str] = []
    served = _fetch(base, f"{RELEASE_FILE}?t={time.time_ns()}", failures)
    if served is not None and served.strip() != release:
        failures.append(
            f"{base} 上线的不是本次版本（{RELEASE_FILE} 写的是「{served.strip()[:40]}」，"
            f"应为「{release}」）：请检查网站根目录是否指向发布根目录下的 current，"
            "以及前面的缓存或 CDN"
        )
    home = _fetch(base, "", failures)
    if home is not None and site_name not in html.unescape(home):
        failures.append(f"首页 {base} 里没有站点名称「{site_name}」")
    index = _fetch(base, SEARCH_INDEX, failures)
    project = _project_page(index, base, failures) if index is not None else None
    if project is not None:
        location, name = project
        page = _fetch(base, location, failures)
        if page is not None and name not in html.unescape(page):
            failures.append(f"项目页 {urljoin(base, location)} 里没有项目名称「{name}」")
    calendar = _fetch(base, CALENDAR, failures)
    if calendar is not None:
        try:
            icalendar.Calendar.from_ical(calendar)
        except ValueError as error:
            failures.append(f"{urljoin(base, CALENDAR)} 不是有效的日历文件（{error}）")
    return failures


def _fetch(base: str, path: str, failures: list[str]) -> str | None:
    address = urljoin(base, path)
    request = urllib.request.Request(address, headers={"User-Agent": "makerspace-showcase"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        failures.append(f"{address} 返回 HTTP {error.code}")
    except (OSError, http.client.HTTPException, ValueError) as error:  # URLError, timeouts, TLS
        reason = getattr(error, "reason", error)
        failures.append(f"打不开 {address}（{reason}）")
    except UnicodeDecodeError:
        failures.append(f"{address} 的内容不是 UTF-8 文本")
    return None


PROJECT_PAGE = re.compile(r"^projects/[^/#?]+/$")
WORD_BREAK = "\u200b"
"""The search plugin's separator between the words of Chinese text, in titles too."""


def _project_page(index: str, base: str, failures: list[str]) -> tuple[str, str] | None:
    """The first project page in the search index: (its location, the project's name)."""
    try:
        docs = json.loads(index)["docs"]
        return next(
            (d["location"], d["title"].replace(WORD_BREAK, "").strip())
            for d in docs
            if PROJECT_PAGE.match(d["location"])
        )
    except (ValueError, KeyError, TypeError):
        failures.append(f"{urljoin(base, SEARCH_INDEX)} 不是有效的搜索索引")
    except StopIteration:
        failures.append(f"{urljoin(base, SEARCH_INDEX)} 里没有任何项目页")
    return None
