"""The build clock: the one place a renderer may learn "now".

Reproducible builds need every time stamp to come from the data or from
``SOURCE_DATE_EPOCH`` (the reproducible-builds convention), never from the wall clock
directly. Without ``SOURCE_DATE_EPOCH`` the clock is today's date at midnight in
Asia/Shanghai, so two builds on the same day give identical files.
"""

from __future__ import annotations

import os
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")


def build_time() -> datetime:
    """An aware datetime for DTSTAMP, feed `updated` fields and "as of" notes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=SHANGHAI)
    return datetime.combine(datetime.now(SHANGHAI).date(), time(), tzinfo=SHANGHAI)


def build_date() -> date:
    """The date against which "upcoming" and "past" are decided."""
    return build_time().date()
