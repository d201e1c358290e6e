"""Dates as colleges write them (``YYYY-MM`` or ``YYYY-MM-DD``): real, not in the future, ordered.

The loader keeps dates as strings, so ``2024-02-30`` reaches us intact and we can say
exactly what is wrong with it. A month-only date stands for the first day of that month
when compared with today, and two dates of different precision are compared only as far
as both go (``2024-09`` is neither before nor after ``2024-09-15``).

Example::

    parse_date("2024-02-30")    # DateError("2024 年 2 月只有 29 天")
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

FUTURE_TOLERANCE = datetime.timedelta(days=31)
"""A date may be up to a month ahead (a contract signed next week); more is a typo."""

_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int
    day: int | None

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.month, self.day or 1)

    def key(self, precise: bool) -> tuple[int, ...]:
        """Comparable parts: year and month, plus the day when both sides have one."""
        return (self.year, self.month, self.day or 0) if precise else (self.year, self.month)


class DateError(ValueError):
    """A date in the right shape that does not exist; the message is Chinese."""


def parse_date(text: str) -> PartialDate | None:
    """The date in `text`; None when it is not shaped like a date (the schema says so)."""
    match = _DATE.match(text)
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    day = int(match.group(3)) if match.group(3) else None
    if not 1 <= month <= 12:
        raise DateError(f"月份 {month:02d} 不存在，月份应在 01–12 之间")
    if day is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise DateError(f"{year} 年 {month} 月只有 {last} 天")
    if year < 1900:
        raise DateError(f"年份 {year} 太早了")
    return PartialDate(year, month, day)


def is_before(later: PartialDate, earlier: PartialDate) -> bool:
    """True when `later` is strictly before `earlier`, at the precision both share."""
    precise = later.day is not None and earlier.day is not None
    return later.key(precise) < earlier.key(precise)


def too_far_ahead(date: PartialDate, today: datetime.date) -> bool:
    return date.first_day > today + FUTURE_TOLERANCE
