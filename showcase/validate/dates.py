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
import unicodedata
from dataclasses import dataclass

from showcase.validate.wording import phrase

FUTURE_TOLERANCE = datetime.timedelta(days=31)
"""A date may be up to a month ahead (a contract signed next week); more is a typo."""

EARLIEST_YEAR = 1900
"""A year before this is a typo, not a student project."""

DATE_SHAPE = r"^([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?$"
"""Year, month and an optional day (the same in Python and in the browser's engine)."""
_DATE = re.compile(DATE_SHAPE)

MONTH_SPELLING = r"^([0-9]{4})[ \t]*[-/.年][ \t]*([0-9]{1,2})[ \t]*月?$"
"""A month as people type it (2025-03, 2025-3, 2025/3, 2025.3, 2025年3月), once full-width
characters are made ordinary (NFKC) and the ends trimmed; the same in Python (`invoke new`)
and in the browser (the 提交项目 form, which reads it from its specification)."""
_MONTH_SPELLING = re.compile(MONTH_SPELLING)
MONTH_HINT = "写成 年-月，例如 2025-03 或 2025年3月"
"""How to write a month where those spellings are read (`invoke new`, the form)."""


def month_from_spelling(text: str) -> str | None:
    """``YYYY-MM`` of a month spelt as `MONTH_SPELLING` allows, else None. Whether that
    month exists or lies too far ahead is `parse_date`'s and `too_far_ahead`'s question."""
    match = _MONTH_SPELLING.match(unicodedata.normalize("NFKC", text).strip())
    if not match:
        return None
    return f"{match.group(1)}-{int(match.group(2)):02d}"


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
        raise DateError(phrase("date.invalid/month", month=f"{month:02d}"))
    if day is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise DateError(phrase("date.invalid/day", year=year, month=month, last=last))
    if year < EARLIEST_YEAR:
        raise DateError(phrase("date.invalid/year", year=year))
    return PartialDate(year, month, day)


def is_before(later: PartialDate, earlier: PartialDate) -> bool:
    """True when `later` is strictly before `earlier`, at the precision both share."""
    precise = later.day is not None and earlier.day is not None
    return later.key(precise) < earlier.key(precise)


def too_far_ahead(date: PartialDate, today: datetime.date) -> bool:
    return date.first_day > today + FUTURE_TOLERANCE
