"""Hand-written pages from ``content/pages/*.md`` (about, policy, how to contribute).

They are written by the site's maintainers and reviewed like code, so they are copied as
they are (Material's admonitions, tables and attribute lists keep working); data written
by colleges goes through `showcase.render.text` instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from showcase.images import page_image_files
from showcase.load.files import regular_files

_FRONT_MATTER_TITLE = re.compile(r"\A---\s*\n(?:.*\n)*?title:\s*(.+?)\s*\n(?:.*\n)*?---\s*\n")
_FIRST_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def read_content_pages(pages_dir: Path) -> dict[str, str]:
    """File name → text of every Markdown page in `pages_dir`, sorted; empty if none."""
    return {
        path.name: path.read_text(encoding="utf-8-sig") for path in regular_files(pages_dir, ".md")
    }


def read_content_assets(pages_dir: Path, root: Path) -> dict[str, str]:
    """Docs path → repository path of every image under `pages_dir` (screenshots, photos)."""
    return {
        "pages/" + path.relative_to(pages_dir).as_posix(): path.relative_to(root).as_posix()
        for path in page_image_files(pages_dir)
    }


NAV_ORDER = ("about.md", "policy.md", "contribute.md", "submit-guide.md")
"""Hand-written pages a reader expects in this order; any others follow by name."""


def in_reading_order(pages: Mapping[str, str]) -> dict[str, str]:
    """`pages` with the known pages first (in `NAV_ORDER`), then the rest by file name."""
    rank = {name: index for index, name in enumerate(NAV_ORDER)}
    return dict(sorted(pages.items(), key=lambda item: (rank.get(item[0], len(rank)), item[0])))


def page_title(file_name: str, text: str) -> str:
    """The title a reader sees: front-matter ``title``, else the first ``#`` heading."""
    for pattern in (_FRONT_MATTER_TITLE, _FIRST_HEADING):
        if match := pattern.search(text):
            return match.group(1).strip("\"'")
    return Path(file_name).stem
