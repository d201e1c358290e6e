"""Hand-written pages from ``content/pages/*.md`` (about, policy, how to contribute).

A page whose front matter says ``audience: staff`` is a guide for the people who run the
site (college staff, the guidance centre, the publicity office): it stays out of the
public menu and out of the search index, and is listed on the 工作指南 page
(`render_guides_page`, itself a staff page), which the footer and the submit page link to. Staff guides may show commands and file names; public pages
may not (tests/engine/test_public_wording.py).

They are written by the site's maintainers and reviewed like code, so they are copied as
they are (Material's admonitions, tables and attribute lists keep working); data written
by colleges goes through `showcase.render.text` instead. The command reads them
(`showcase.commands.gather`); this module only orders and titles them.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping

from showcase.load.front_matter import mkdocs_meta
from showcase.render.html_blocks import page
from showcase.render.paths import GUIDES, PAGES_STYLESHEET, href
from showcase.render.text import attribute

_FIRST_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


NAV_ORDER = ("about.md", "policy.md", "contribute.md", "submit-guide.md")
"""Hand-written pages a reader expects in this order; any others follow by name."""


def in_reading_order(pages: Mapping[str, str]) -> dict[str, str]:
    """`pages` with the known pages first (in `NAV_ORDER`), then the rest by file name."""
    rank = {name: index for index, name in enumerate(NAV_ORDER)}
    return dict(sorted(pages.items(), key=lambda item: (rank.get(item[0], len(rank)), item[0])))


def page_title(file_name: str, text: str) -> str:
    """The title a reader sees: front-matter ``title`` as MkDocs reads it (the page's own
    title, so the menu says the same), else the first ``#`` heading."""
    title = (mkdocs_meta(text) or {}).get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    if match := _FIRST_HEADING.search(text):
        return match.group(1)
    return posixpath.splitext(file_name)[0]


def is_staff_guide(text: str) -> bool:
    """Whether the page's front matter says ``audience: staff``, as the engine reads it."""
    return (mkdocs_meta(text) or {}).get("audience") == "staff"


GUIDES_TITLE = "工作指南"


def render_guides_page(guides: list[tuple[str, str]]) -> str:
    """The 工作指南 page: every staff guide, given as ``(docs path, title)`` pairs."""
    items = "".join(
        f'<li><a href="{href(GUIDES, path)}">{attribute(title)}</a></li>' for path, title in guides
    )
    body = [
        f"<h1>{GUIDES_TITLE}</h1>",
        "<p>写给学院老师、学生社团、创业指导中心和宣传部的同事：怎样提交和更新项目、组织路演、"
        "发布典型案例。访问本站了解项目，不需要阅读这些指南。</p>",
        f'<ul class="sc-guides">{items}</ul>' if items else "<p>暂无工作指南。</p>",
    ]
    meta = {
        "title": GUIDES_TITLE,
        "description": "学院老师和工作人员使用本站的操作指南",
        "audience": "staff",
    }
    return page(meta, body, "sc-guides-page", styles=(PAGES_STYLESHEET,))
