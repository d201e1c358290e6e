"""Atom feed of published typical cases (feeds/cases.xml), newest first.

Built like the projects feed in `showcase.render.exports`: absolute URLs when the site
has a ``site_url``, else links relative to the site root through ``xml:base`` and URN ids.
Only cases that are public on the publication date are passed in, so drafts and
scheduled cases never reach a feed reader. ``updated`` comes from the publish dates, so
the feed is byte-identical for the same data.
"""

from __future__ import annotations

import posixpath
from xml.etree import ElementTree

from showcase.cases import CASE_CATEGORIES, TypicalCase
from showcase.model import Model
from showcase.render import paths
from showcase.render.clock import build_stamp
from showcase.render.exports import ATOM_NS, site_base_url

FEED_SIZE = 50


def cases_feed(model: Model, public: list[TypicalCase]) -> bytes:
    """The feed document; `public` holds the cases already live on the site."""
    base_url = site_base_url(model)
    newest = sorted(public, key=lambda c: (c.publish_date, c.id), reverse=True)[:FEED_SIZE]
    ElementTree.register_namespace("", ATOM_NS)
    attributes = {"xml:lang": "zh-CN"}
    if not base_url:
        attributes["xml:base"] = posixpath.relpath(".", posixpath.dirname(paths.CASES_FEED)) + "/"
    feed = ElementTree.Element(f"{{{ATOM_NS}}}feed", attributes)
    _text(feed, "title", f"{model.site.site_name} · 典型案例")
    _text(feed, "id", base_url + paths.CASES_FEED if base_url else "urn:showcase:cases")
    updated = (f"{newest[0].publish_date}T00:00:00+08:00" if newest
               else build_stamp(model).isoformat(timespec="seconds"))
    _text(feed, "updated", updated)
    _link(feed, "self", base_url + paths.CASES_FEED)
    _link(feed, "alternate", base_url + paths.url_of(paths.CASES))
    author = ElementTree.SubElement(feed, f"{{{ATOM_NS}}}author")
    _text(author, "name", model.site.school)
    for case in newest:
        project = model.projects[case.project]
        url = base_url + paths.url_of(paths.case_page(case.id))
        entry = ElementTree.SubElement(feed, f"{{{ATOM_NS}}}entry")
        _text(entry, "title", case.headline)
        _text(entry, "id", url if base_url else f"urn:showcase:case:{case.id}")
        _link(entry, "alternate", url)
        _text(entry, "published", f"{case.publish_date}T00:00:00+08:00")
        _text(entry, "updated", f"{case.publish_date}T00:00:00+08:00")
        _text(entry, "summary", f"{case.lead}（{model.colleges[project.college].name} · "
                                f"{project.name}）")
        ElementTree.SubElement(entry, f"{{{ATOM_NS}}}category",
                               {"term": case.category, "label": CASE_CATEGORIES[case.category]})
    xml = ElementTree.tostring(feed, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + xml + "\n").encode("utf-8")


def _text(parent: ElementTree.Element, tag: str, text: str) -> None:
    ElementTree.SubElement(parent, f"{{{ATOM_NS}}}{tag}").text = text


def _link(parent: ElementTree.Element, rel: str, href: str) -> None:
    ElementTree.SubElement(parent, f"{{{ATOM_NS}}}link", {"rel": rel, "href": href or "./"})
