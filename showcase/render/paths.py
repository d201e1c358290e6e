"""Where each generated page sits in the docs tree, and how pages link to each other.

Paths are docs-relative and POSIX. Links between generated pages are written as relative
links to the ``.md`` source, so the site engine both checks them (a broken one fails a
strict build) and turns them into whatever URL style the site uses.
"""

from __future__ import annotations

import posixpath

HOME = "index.md"
DIRECTORY = "projects/index.md"
COLLEGES = "colleges/index.md"
STYLESHEET = "assets/showcase.css"


def project_page(project_id: str) -> str:
    """One folder per project, so its logo can sit beside its page."""
    return f"projects/{project_id}/index.md"


def project_logo(project_id: str, source: str) -> str:
    """The logo's place in the docs tree, keeping the source file's extension."""
    return f"projects/{project_id}/logo{posixpath.splitext(source)[1].lower()}"


def college_page(college_id: str) -> str:
    return f"colleges/{college_id}.md"


def content_page(file_name: str) -> str:
    """Hand-written pages live under pages/ so their names can never clash with ours."""
    return f"pages/{file_name}"


def link(from_page: str, to_page: str) -> str:
    """The relative link from one docs page to another (or to an asset)."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
