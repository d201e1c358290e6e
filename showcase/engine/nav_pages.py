"""MkDocs' navigation with the pages outside it made without 10,000 ``Page.__init__`` calls.

``mkdocs.structure.nav.get_navigation`` makes a `Page` for every documentation file: the
navigation's own pages (a few dozen here), then one per file outside it (every project
page). Each ``Page.__init__`` reads the build date from the environment and joins the
page's URL onto ``site_url`` with ``urljoin``: most of the step's time at 10,000 pages.
`navigation` makes the pages outside the navigation first, each a copy of one page built
by ``Page.__init__`` itself with only what differs per page filled in (its file, its
canonical URL and path, its edit URL), then lets ``get_navigation`` do everything else as
usual: it finds those pages made and builds the navigation's own. The canonical URL is
``base + url`` only where that is provably what ``urljoin`` returns (a plain relative URL
of named segments, see `canonical_url`); anything else goes through ``urljoin``.
``tests/engine/test_nav_pages.py`` compares every page and the navigation with MkDocs'
own, on the sample site and on generated trees.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.structure.nav")

_PLAIN_URL = re.compile(r"(?:[\w\-~%]+(?:\.[\w\-~%]+)*/)*(?:[\w\-~%]+(?:\.[\w\-~%]+)*)?", re.ASCII)
"""A relative URL of named segments: no scheme, query, fragment, parameters, empty, ``.``
or ``..`` segment, so ``urljoin`` only appends it to the base's folder."""
_PROBE = "probe-segment/probe.html"
_PAGE_FIELDS = frozenset(
    {
        "file",
        "children",
        "previous_page",
        "next_page",
        "_Page__active",
        "update_date",
        "canonical_url",
        "abs_url",
        "edit_url",
        "markdown",
        "_title_from_render",
        "content",
        "toc",
        "meta",
    }
)
"""What ``Page.__init__`` (MkDocs 1.6) sets on a page without a title; any other set and
every page is made by ``Page.__init__``."""


def navigation(files: Files, config: MkDocsConfig) -> Navigation:
    """``get_navigation(files, config)``: the same navigation and page objects."""
    from mkdocs.structure.nav import get_navigation

    if config["nav"] is not None:
        _make_outside_pages(files, config)
    return get_navigation(files, config)


def page_urls(base: str, base_path: str, url: str) -> tuple[str, str]:
    """A page's ``canonical_url`` and ``abs_url`` as ``Page._set_canonical_url`` sets them
    (``urljoin(base, url)`` and its path) for a `base` ending in ``/`` whose path is
    `base_path`, without parsing each time."""
    if url and _PLAIN_URL.fullmatch(url) and _appends(base):
        return base + url, base_path + url
    joined = urljoin(base, url)
    return joined, urlsplit(joined).path


@functools.cache
def _appends(base: str) -> bool:
    """Does ``urljoin`` append plain URLs to `base` as they are, and is the result's path
    the base's path and the URL? (Not when the base has a query, a fragment, dot or empty
    segments …: ``urljoin`` normalises those the same way whatever plain URL is appended.)"""
    return urljoin(base, _PROBE) == base + _PROBE and (
        urlsplit(base + _PROBE).path == urlsplit(base).path + _PROBE
    )


def _make_outside_pages(files: Files, config: MkDocsConfig) -> None:
    """A page for every documentation file the navigation does not name, as
    ``get_navigation`` would make it, with MkDocs' note of files left out of ``nav``."""
    from mkdocs.structure.pages import Page

    in_nav = {id(file) for file in _nav_files(config["nav"], files, config)}
    outside = [
        file for file in files.documentation_pages() if file.page is None and id(file) not in in_nav
    ]
    if not outside:
        return
    first = Page(None, outside[0], config)
    template = vars(first)
    if set(template) != _PAGE_FIELDS or config.get("edit_uri") or config.get("edit_uri_template"):
        for file in outside[1:]:
            Page(None, file, config)
    else:
        base = config.get("site_url", None)
        base = base if not base or base.endswith("/") else base + "/"
        base_path = urlsplit(base).path if base else ""
        for file in outside[1:]:
            _copy_page(first, template, file, base, base_path)
    missing = [file.src_path for file in outside if file.inclusion.is_in_nav()]
    if missing:
        log.log(
            config.validation.nav.omitted_files,
            "The following pages exist in the docs directory, but are not "
            'included in the "nav" configuration:\n  - ' + "\n  - ".join(missing),
        )


def _copy_page(
    first: Page, template: dict[str, Any], file: File, base: str | None, base_path: str
) -> None:
    """What ``Page(None, file, config)`` makes, from `first`'s fields (no edit URL)."""
    page = object.__new__(type(first))
    fields = dict(template)
    fields["file"] = file
    fields["toc"] = []
    fields["meta"] = {}
    if base:
        url = file.url
        url = "" if url in (".", "./") else url
        fields["canonical_url"], fields["abs_url"] = page_urls(base, base_path, url)
    page.__dict__.update(fields)
    file.page = page


def _nav_files(data: object, files: Files, config: MkDocsConfig) -> Iterator[File]:
    """The files ``nav`` names, found as ``_data_to_navigation`` finds them."""
    from mkdocs.structure.pages import _AbsoluteLinksValidationValue

    if isinstance(data, dict):
        for value in data.values():
            yield from _nav_files(value, files, config)
    elif isinstance(data, list):
        for item in data:
            yield from _nav_files(item, files, config)
    elif isinstance(data, str):
        path = data
        if (
            path.startswith("/")
            and config.validation.nav.absolute_links
            is _AbsoluteLinksValidationValue.RELATIVE_TO_DOCS
        ):
            path = path.lstrip("/")
        if (file := files.get_file_from_path(path)) is not None:
            yield file
