"""Where each generated page sits in the docs tree, and how pages link to each other.

Paths are docs-relative and POSIX. Links between generated pages are written as relative
links to the ``.md`` source, so the site engine both checks them (a broken one fails a
strict build) and turns them into whatever URL style the site uses.
"""

from __future__ import annotations

import posixpath


def asset(name: str) -> str:
    """Where a static file of the site (``showcase/render/assets/<name>``) is served."""
    return f"assets/{name}"


HOME = "index.md"
DIRECTORY = "projects/index.md"
COLLEGES = "colleges/index.md"
STYLESHEET = asset("showcase.css")
"""Site-wide, with `PALETTE` (``mkdocs.yml`` ``extra_css``); every other stylesheet is
linked only by the pages whose kind needs it (`page_styles`)."""
PALETTE = asset("palette.css")
"""Every colour of the site, light and dark, checked for WCAG AA contrast."""
MENTORS = "mentors/index.md"
EVENTS = "events/index.md"
EVENTS_FEED = "events/events.ics"
EVENTS_SCRIPT = asset("events.js")
SERVICES = "services/index.md"
PAGES_STYLESHEET = asset("pages.css")
SOCIAL_IMAGE = "assets/social.png"
OPEN_DATA = "data/index.md"
GUIDES = "guides/index.md"
"""工作指南: the staff guides, out of the menu; overrides/partials/copyright.html links it
from every page's footer."""
BROWSE_STYLESHEET = asset("browse.css")
"""Project cards, the directory's filters and the home page's numbers and ladder."""
CONTACT_STYLESHEET = asset("contact.css")
"""Contact cards: project, college and 联系我们 pages."""


DASHBOARD = "dashboard/index.md"
"""数据看板: every academic year's assessment; one page per year beside it."""
ASSESSMENT_METHOD = "dashboard/method.md"
"""评估办法, generated from content/assessment.yaml like the dashboard."""
DASHBOARD_STYLESHEET = asset("dashboard.css")
"""Charts, scrolling tables and the college page's assessment card."""


def dashboard_year(label: str) -> str:
    """One academic year's dashboard, e.g. ``dashboard/2025-2026.md``."""
    return f"dashboard/{label}.md"


CONTACT = "contact/index.md"
"""联系我们: every institutional contact of the site."""


def contact_qr(key: str, extension: str) -> str:
    """A contact's QR code (generated SVG or published image) beside the 联系我们 page."""
    return f"contact/qr/{key}{extension}"


def project_page(project_id: str) -> str:
    """One folder per project, so its logo can sit beside its page."""
    return f"projects/{project_id}/index.md"


def project_logo(project_id: str, source: str) -> str:
    """The logo's place in the docs tree, keeping the source file's extension."""
    return f"projects/{project_id}/logo{posixpath.splitext(source)[1].lower()}"


def college_page(college_id: str) -> str:
    return f"colleges/{college_id}.md"


def mentor_page(mentor_id: str) -> str:
    return f"mentors/{mentor_id}.md"


def event_page(event_id: str) -> str:
    return f"events/{event_id}.md"


def event_calendar(event_id: str) -> str:
    """The event's own .ics file, beside its page."""
    return f"events/{event_id}.ics"


CASES = "cases/index.md"
CASES_FEED = "feeds/cases.xml"
CASES_STYLESHEET = asset("cases.css")
HOME_SCRIPT = asset("home.js")
"""Hides the home page's events that are over by the visitor's clock."""
REPORT_SCRIPT = asset("report.js")
"""The annual report's print button."""


def case_page(case_id: str) -> str:
    """One folder per typical case, so its story image and share image sit beside it."""
    return f"cases/{case_id}/index.md"


def case_file(case_id: str, name: str) -> str:
    """A file beside a case's page: ``share.png`` or the story's image."""
    return f"cases/{case_id}/{name}"


def case_report(year: int) -> str:
    """The printable annual report of one year's typical cases."""
    return f"cases/annual/{year}.md"


def content_page(file_name: str) -> str:
    """Hand-written pages live under pages/ so their names can never clash with ours."""
    return f"pages/{file_name}"


def link(from_page: str, to_page: str) -> str:
    """The relative link from one docs page to another (or to an asset)."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def page_styles(meta: dict[str, object], *styles: str) -> dict[str, object]:
    """`meta` with the page's own stylesheets (docs paths) under ``styles``, which
    ``overrides/main.html`` links in the page's head: a page loads no sheet it does not
    use, and one it uses never arrives after the first paint."""
    return {**meta, "styles": list(styles)} if styles else meta


def url_of(docs_path: str) -> str:
    """The site URL path of a docs file with directory URLs (``a/b.md`` → ``a/b/``)."""
    if not docs_path.endswith(".md"):
        return docs_path
    stem = docs_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def href(from_page: str, to_path: str) -> str:
    """A relative URL for raw HTML, which MkDocs neither checks nor rewrites.

    Generated bodies are raw HTML (cheap to build), so their links are written as final
    directory URLs here; tests check that every one resolves to a file in the tree.
    """
    base = _segments(url_of(from_page))
    target = _segments(url_of(to_path))
    common = 0
    while common < min(len(base), len(target)) and base[common] == target[common]:
        common += 1
    relative = "/".join([".."] * (len(base) - common) + target[common:])
    if to_path.endswith(".md"):
        return relative + "/" if relative else "./"
    return relative or "."


def _segments(url: str) -> list[str]:
    """Path segments of a site URL; string work only, as this runs for every link."""
    stripped = url.strip("/")
    return stripped.split("/") if stripped else []
