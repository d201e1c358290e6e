"""The build clock: where every time stamp in the output comes from.

Reproducible builds need time stamps that come from the data or from
``SOURCE_DATE_EPOCH`` (the reproducible-builds convention), never from the wall clock, so
that the same data gives byte-identical files on any day. Anything that depends on
"today" (upcoming versus past events) is decided in the visitor's browser instead. The
command reads the variable and passes its text in (`showcase.render.inputs`); the stamp
reaches every renderer that writes one as an argument.
"""

from __future__ import annotations

import calendar
from datetime import datetime
from zoneinfo import ZoneInfo

from showcase.model import Model

SHANGHAI = ZoneInfo("Asia/Shanghai")


def data_epoch(model: Model) -> int:
    """The newest date in the data as a Unix time stamp (UTC midnight); 0 if there is none.

    Used as ``SOURCE_DATE_EPOCH`` so that dates the engine writes (sitemap, gzip header)
    come from the data rather than from the clock.
    """
    dates = [
        date
        for project in model.projects.values()
        for date in (
            project.started,
            *(a.date for a in project.achievements),
            *(m.date for m in project.milestones),
        )
    ]
    if not dates:
        return 0
    newest = max(dates)
    year, month, day = (int(part) for part in (newest + "-01")[:10].split("-"))
    return calendar.timegm((year, month, day, 0, 0, 0))


def build_stamp(model: Model, source_date_epoch: str) -> datetime:
    """`source_date_epoch` (the ``SOURCE_DATE_EPOCH`` variable's text, "" when unset) if it
    is a number, else the newest date in the data, in Asia/Shanghai.

    For DTSTAMP in calendars and ``updated`` in feeds. Which events are upcoming is decided
    by the publication date (`showcase.render.case_visibility.Publicity`), not by this.
    """
    epoch = source_date_epoch.strip()
    seconds = int(epoch) if epoch.isdigit() else data_epoch(model)
    return datetime.fromtimestamp(seconds, tz=SHANGHAI)
