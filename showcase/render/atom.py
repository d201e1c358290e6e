"""Atom feeds (RFC 4287) for the site: new projects and published typical cases.

One writer for every feed, so each gets the same shape: absolute URLs when the site has a
``site_url``; otherwise links relative to the site root through ``xml:base`` and URN ids
(Atom ids must be absolute and never change). Output is byte-identical for the same input.

It is also the feeds' escaping door: ElementTree escapes markup in text and attributes,
and characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/F)
are dropped here, since ElementTree would write them and make the whole feed unreadable.
Summaries are Atom ``text`` constructs, so a reader shows them as text, never as HTML.

Example::

    atom_feed(Feed("feeds/cases.xml", "", "典型案例", "urn:showcase:cases", updated, "cases/",
                   "某大学"), [FeedEntry("标题", "urn:showcase:case:x", "cases/x/", updated, "…")])
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from xml.etree import ElementTree

from showcase.render.cjk_breaks import joined

ATOM_NS = "http://www.w3.org/2005/Atom"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Everything outside XML 1.0's ``Char`` production."""


@dataclass(frozen=True)
class Feed:
    path: str
    """Site-relative path of the feed file, e.g. ``feeds/projects.xml``."""
    base_url: str
    """The site's absolute URL with a trailing slash, or "" for a site without one."""
    title: str
    urn: str
    """The feed id used when there is no `base_url`."""
    updated: str
    alternate: str
    """Site-relative URL of the page the feed mirrors ("" for the home page)."""
    author: str


@dataclass(frozen=True)
class FeedEntry:
    title: str
    id: str
    url: str
    updated: str
    summary: str
    categories: tuple[tuple[str, str], ...] = ()
    """(term, label) pairs."""
    published: str = ""


def atom_feed(feed: Feed, entries: Iterable[FeedEntry]) -> bytes:
    """The feed document with `entries` in the order given."""
    ElementTree.register_namespace("", ATOM_NS)
    attributes = {"xml:lang": "zh-CN"}
    if not feed.base_url:
        attributes["xml:base"] = posixpath.relpath(".", posixpath.dirname(feed.path)) + "/"
    root = ElementTree.Element(f"{{{ATOM_NS}}}feed", attributes)
    _text(root, "title", feed.title)
    _text(root, "id", feed.base_url + feed.path if feed.base_url else feed.urn)
    _text(root, "updated", feed.updated)
    _link(root, "self", feed.base_url + feed.path)
    _link(root, "alternate", feed.base_url + feed.alternate)
    author = ElementTree.SubElement(root, f"{{{ATOM_NS}}}author")
    _text(author, "name", feed.author)
    for item in entries:
        entry = ElementTree.SubElement(root, f"{{{ATOM_NS}}}entry")
        _text(entry, "title", item.title)
        _text(entry, "id", item.id)
        _link(entry, "alternate", item.url)
        if item.published:
            _text(entry, "published", item.published)
        _text(entry, "updated", item.updated)
        _text(entry, "summary", item.summary)
        for term, label in item.categories:
            ElementTree.SubElement(
                entry, f"{{{ATOM_NS}}}category", {"term": _xml(term), "label": _xml(label)}
            )
    xml = ElementTree.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + xml + "\n").encode("utf-8")


def _text(parent: ElementTree.Element, tag: str, text: str) -> None:
    """A text construct; a line break between two Chinese characters is dropped, as on
    the pages (`showcase.render.cjk_breaks`), since a feed reader shows it as a space."""
    ElementTree.SubElement(parent, f"{{{ATOM_NS}}}{tag}").text = _xml(joined("", text, ""))


def _link(parent: ElementTree.Element, rel: str, href: str) -> None:
    ElementTree.SubElement(parent, f"{{{ATOM_NS}}}link", {"rel": rel, "href": _xml(href) or "./"})


def _xml(value: str) -> str:
    return _NOT_XML.sub("", value)
