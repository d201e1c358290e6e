"""Everything the site carries for its roadshows, keyed by docs path.

Called from `showcase.render.tree.render_docs`: pages as text, the rest as bytes. Pure
and deterministic like every renderer; the agendas were scheduled during validation.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from showcase.model import Model
from showcase.render import paths as site_paths
from showcase.render.ical import EMPTY_REVISIONS, FALLBACK_HOST, calendar_host
from showcase.render.roadshow import paths
from showcase.render.roadshow.calendars import day_calendars, roadshow_calendars
from showcase.render.roadshow.frab import frab_schedule
from showcase.render.roadshow.page import render_roadshow_page, render_roadshows_index
from showcase.render.roadshow.printing import print_agenda, score_sheet


def roadshow_pages(model: Model) -> dict[str, str]:
    """The index and one page per roadshow (Markdown sources)."""
    pages = {paths.ROADSHOWS: render_roadshows_index(model)}
    for agenda in model.roadshows.values():
        pages[paths.roadshow_page(agenda.roadshow.id)] = render_roadshow_page(agenda, model)
    return pages


def roadshow_files(
    model: Model, stamp: datetime, revisions: Mapping[str, datetime] = EMPTY_REVISIONS
) -> dict[str, bytes]:
    """Calendars, print version, score sheets and frab JSON.

    A roadshow's calendar entries are revised at ``revisions[roadshow id]`` when known, else
    at `stamp` (`showcase.render.ical`).

    Their pages' stylesheet is a static file of the site (`paths.STYLESHEET`).
    """
    host = calendar_host(model)
    base = model.site.site_url or f"https://{FALLBACK_HOST}/"
    files: dict[str, bytes] = {}
    for agenda in model.roadshows.values():
        show = agenda.roadshow
        revised = revisions.get(show.id)
        files.update(roadshow_calendars(agenda, model, stamp, host, revised))
        page = site_paths.url_of(paths.roadshow_page(show.id))
        url = model.site.site_url.rstrip("/") + "/" + page if model.site.site_url else ""
        files.update(day_calendars(agenda, stamp, host, url, revised))
        files[paths.roadshow_file(show.id, paths.PRINT)] = print_agenda(agenda, model)
        files[paths.roadshow_file(show.id, paths.FRAB_JSON)] = frab_schedule(agenda, model, base)
        for judge in show.judges:
            files[paths.roadshow_file(show.id, paths.score_sheet(judge.id))] = score_sheet(
                agenda, model, judge
            )
    return files
