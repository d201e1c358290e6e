"""Atom feed of published typical cases (feeds/cases.xml), newest first.

Written by `showcase.render.atom`, like the projects feed.
Only cases that are public on the publication date are passed in, so drafts and
scheduled cases never reach a feed reader. ``updated`` comes from the publish dates, so
the feed is byte-identical for the same data.
"""

from __future__ import annotations

from datetime import datetime

from showcase.cases import CASE_CATEGORIES, TypicalCase
from showcase.model import Model
from showcase.render import paths
from showcase.render.atom import Feed, FeedEntry, atom_feed
from showcase.render.exports import site_base_url

FEED_SIZE = 50


def cases_feed(model: Model, public: list[TypicalCase], stamp: datetime) -> bytes:
    """The feed document; `public` holds the cases already live on the site; without any,
    the feed is ``updated`` at the build `stamp`."""
    base_url = site_base_url(model)
    newest = sorted(public, key=lambda c: (c.publish_date, c.id), reverse=True)[:FEED_SIZE]
    updated = (
        f"{newest[0].publish_date}T00:00:00+08:00"
        if newest
        else stamp.isoformat(timespec="seconds")
    )
    feed = Feed(
        paths.CASES_FEED,
        base_url,
        f"{model.site.site_name} · 典型案例",
        "urn:showcase:cases",
        updated,
        paths.url_of(paths.CASES),
        model.site.school,
    )
    return atom_feed(feed, (_entry(model, case, base_url) for case in newest))


def _entry(model: Model, case: TypicalCase, base_url: str) -> FeedEntry:
    project = model.projects[case.project]
    url = base_url + paths.url_of(paths.case_page(case.id))
    published = f"{case.publish_date}T00:00:00+08:00"
    return FeedEntry(
        title=case.headline,
        id=url if base_url else f"urn:showcase:case:{case.id}",
        url=url,
        updated=published,
        summary=f"{case.lead}（{model.colleges[project.college].name} · {project.name}）",
        categories=((case.category, CASE_CATEGORIES[case.category]),),
        published=published,
    )
