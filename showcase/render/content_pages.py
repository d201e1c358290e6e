"""Hand-written pages from ``content/pages/*.md`` (about, policy, how to contribute).

They are written by the site's maintainers and reviewed like code, so they are copied as
they are (Material's admonitions, tables and attribute lists keep working); data written
by colleges goes through `showcase.render.text` instead.
"""

from __future__ import annotations

import re
from pathlib import Path

_FRONT_MATTER_TITLE = re.compile(r"\A---\s*\n(?:.*\n)*?title:\s*(.+?)\s*\n(?:.*\n)*?---\s*\n")
_FIRST_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def read_content_pages(pages_dir: Path) -> dict[str, str]:
    """File name → text of every Markdown page in `pages_dir`, sorted; empty if none."""
    if not pages_dir.is_dir():
        return {}
    return {
        path.name: path.read_text(encoding="utf-8-sig")
        for path in sorted(pages_dir.glob("*.md"))
        if path.is_file()
    }


def page_title(file_name: str, text: str) -> str:
    """The title a reader sees: front-matter ``title``, else the first ``#`` heading."""
    for pattern in (_FRONT_MATTER_TITLE, _FIRST_HEADING):
        if match := pattern.search(text):
            return match.group(1).strip("\"'")
    return Path(file_name).stem
