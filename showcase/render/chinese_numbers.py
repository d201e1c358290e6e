"""Money and dates as Chinese running text writes them: ``1130 万元``, ``2026 年 12 月 10 日``.

Every page, article, feed, share image and print page that shows an amount or a date in a
sentence formats it here, so they all read the same:

- `money`: amounts under 10,000 in 元, then in 万元 up to 1 亿, then in 亿元, with at most
  two decimals, rounded half up, no trailing zeros and no thousands separator (``9999 元``,
  ``1 万元``, ``1130 万元``, ``1.13 亿元``). An amount that rounds up to the next unit
  moves there (``99,999,999`` → ``1 亿元``, not ``10000 万元``).
- `written_date`: ``2026`` / ``2026-12`` / ``2026-12-10`` → ``2026 年`` / ``2026 年 12 月`` /
  ``2026 年 12 月 10 日``; `month_day` (``12 月 10 日``) where the year is plain, and
  `weekday` (``周四``).
- `time_element`: a date as a ``<time>`` element whose ``datetime`` is the machine form.

Digits and Chinese are separated by a space, as the site writes ``50 万元`` and
``12 月 10 日 14:20`` everywhere.
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

from showcase.render.text import attribute

_UNITS = ((Decimal(100_000_000), "亿元"), (Decimal(10_000), "万元"), (Decimal(1), "元"))
_CENT = Decimal("0.01")


def money(amount_cny: float | int) -> str:
    """``1130 万元``: an amount in yuan as a Chinese sentence writes it."""
    amount = Decimal(str(amount_cny))
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    for index, (size, unit) in enumerate(_UNITS):
        if amount >= size or size == 1:
            value = (amount / size).quantize(_CENT, rounding=ROUND_HALF_UP)
            if index and value >= _UNITS[index - 1][0] / size:  # 9999.995 万 → 1 亿
                value, unit = Decimal(1), _UNITS[index - 1][1]
            return f"{sign}{_plain(value)} {unit}"
    raise AssertionError("unreachable: the last unit takes every amount")


def _plain(value: Decimal) -> str:
    """``1130``, ``1.13``, ``0.5``: fixed point without trailing zeros or exponent."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def written_date(iso: str) -> str:
    """``2026-12-10`` → ``2026 年 12 月 10 日`` (``2026-12`` and ``2026`` likewise)."""
    parts = iso.split("-")
    words = [f"{int(parts[0])} 年"]
    if len(parts) > 1:
        words.append(f"{int(parts[1])} 月")
    if len(parts) > 2:
        words.append(f"{int(parts[2][:2])} 日")
    return " ".join(words)


def month_day(day: datetime.date) -> str:
    """``12 月 10 日``: a day in a year the reader already knows."""
    return f"{day.month} 月 {day.day} 日"


def weekday(day: datetime.date) -> str:
    """``周四``."""
    return f"周{_WEEKDAYS[day.weekday()]}"


_WEEKDAYS = "一二三四五六日"


def time_element(iso: str) -> str:
    """``<time datetime="2026-12">2026 年 12 月</time>``: readable text, machine value."""
    return f'<time datetime="{attribute(iso)}">{written_date(iso)}</time>'
