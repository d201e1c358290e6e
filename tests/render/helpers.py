"""Shared checks for generated raw-HTML pages."""

from __future__ import annotations

import posixpath
import re

from showcase.render import DocsTree, paths

_HREF = re.compile(r'(?:href|src)="([^"]+)"')


def body(page_source: str) -> str:
    """The page without its front matter."""
    return page_source.split("\n---\n", 1)[1] if page_source.startswith("---\n") else page_source


def unresolved_links(tree: DocsTree, page: str) -> list[str]:
    """Relative links on `page` that point at no file of `tree` (or of its images)."""
    known = set(tree.files) | set(tree.images)
    site_files = {_site_file(path) for path in known}
    base = paths.url_of(page).rstrip("/")
    missing = []
    for target in _HREF.findall(tree.files[page].decode()):
        if re.match(r"^(?:[a-z]+:|#)", target):
            continue
        path = target.split("#")[0].split("?")[0]
        resolved = posixpath.normpath(posixpath.join(base, path))
        resolved = "" if resolved == "." else resolved
        if resolved not in site_files and resolved + "/" not in site_files:
            missing.append(target)
    return missing


def _site_file(docs_path: str) -> str:
    return paths.url_of(docs_path)
