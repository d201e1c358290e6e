"""Academic years (学年): September to August in Beijing time, named ``2025-2026``."""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass
from zoneinfo import ZoneInfo


@dataclass(frozen=True, order=True)
class AcademicYear:
    first: int
    """The calendar year it starts in."""
    start_month: int = 9

    @property
    def label(self) -> str:
        return f"{self.first}-{self.first + 1}"

    @property
    def chinese(self) -> str:
        return f"{self.first}—{self.first + 1} 学年"

    @property
    def start(self) -> str:
        return f"{self.first:04d}-{self.start_month:02d}-01"

    @functools.cached_property
    def end(self) -> str:
        """The last day, ``YYYY-MM-DD`` (inclusive)."""
        after = datetime.date(self.first + 1, self.start_month, 1)
        return (after - datetime.timedelta(days=1)).isoformat()

    @functools.cached_property
    def _months(self) -> tuple[str, str]:
        """The first and last ``YYYY-MM`` of the year."""
        return self.start[:7], self.end[:7]

    def holds(self, date: str) -> bool:
        """Whether a ``YYYY-MM`` or ``YYYY-MM-DD`` date falls in this year (a month belongs
        wholly to one year, so comparing months is exact; called per date per project)."""
        first, last = self._months
        return bool(date) and first <= date[:7] <= last


def year_of(date: str, start_month: int = 9) -> AcademicYear:
    """The academic year of a ``YYYY-MM`` or ``YYYY-MM-DD`` date (a month belongs wholly
    to one year, so a month without a day is never ambiguous)."""
    year, month = int(date[:4]), int(date[5:7])
    return AcademicYear(year if month >= start_month else year - 1, start_month)


def parse_year(label: str, start_month: int = 9) -> AcademicYear | None:
    """``2025-2026`` (also ``2025—2026``, ``2025/2026``, ``2025``) → the year, or None."""
    cleaned = label.strip().replace("—", "-").replace("/", "-").replace("–", "-")
    parts = cleaned.split("-")
    if not all(part.isdigit() and len(part) == 4 for part in parts) or len(parts) > 2:
        return None
    first = int(parts[0])
    if len(parts) == 2 and int(parts[1]) != first + 1:
        return None
    return AcademicYear(first, start_month)


def local_date(wall_clock: str, zone: str, into: str) -> str:
    """``YYYY-MM-DD HH:MM`` in `zone` → the ``YYYY-MM-DD`` it is in `into` (Beijing)."""
    moment = datetime.datetime.strptime(wall_clock, "%Y-%m-%d %H:%M")
    moment = moment.replace(tzinfo=ZoneInfo(zone)).astimezone(ZoneInfo(into))
    return moment.date().isoformat()
