"""Hand-written pages from ``content/pages/*.md`` (about, policy, how to contribute).

They are written by the site's maintainers and reviewed like code, so they are copied as
they are (Material's admonitions, tables and attribute lists keep working); data written
by colleges goes through `showcase.render.text` instead. The command reads them
(`showcase.commands.gather`); this module only orders and titles them.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping

_FRONT_MATTER_TITLE = re.compile(r"\A---\s*\n(?:.*\n)*?title:\s*(.+?)\s*\n(?:.*\n)*?---\s*\n")
_FIRST_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


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
    return posixpath.splitext(file_name)[0]
