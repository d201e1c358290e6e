"""Money and dates in running text, as Chinese readers write them (one formatter)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.render.chinese_numbers import money, month_day, time_element, weekday, written_date


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (0, "0 元"),
        (0.5, "0.5 元"),
        (12.345, "12.35 元"),  # half up, not banker's rounding or float noise
        (12.344, "12.34 元"),
        (8_000, "8000 元"),
        (9_999, "9999 元"),
        (9_999.99, "9999.99 元"),
        (9_999.995, "1 万元"),  # rounds up into the next unit
        (10_000, "1 万元"),
        (10_001, "1 万元"),
        (10_050, "1.01 万元"),
        (125_000, "12.5 万元"),
        (500_000, "50 万元"),
        (11_300_000, "1130 万元"),
        (12_345_678, "1234.57 万元"),
        (99_994_999, "9999.5 万元"),
        (99_999_999, "1 亿元"),  # not 10000 万元
        (100_000_000, "1 亿元"),
        (113_000_000, "1.13 亿元"),
        (120_000_000, "1.2 亿元"),
        (1_234_567_890_123, "12345.68 亿元"),
        (-50_000, "-5 万元"),
    ],
)
def test_money_reads_as_chinese_running_text(amount: float, text: str) -> None:
    assert money(amount) == text


@given(st.decimals(min_value=0, max_value=10**13, places=2, allow_nan=False))
@settings(max_examples=300, deadline=None)
def test_money_has_no_separator_at_most_two_decimals_and_the_largest_fitting_unit(
    amount: Decimal,
) -> None:
    text = money(float(amount))
    number, unit = text.split(" ")
    assert "," not in number and "e" not in number.lower()
    assert len(number.partition(".")[2]) <= 2 and not number.endswith(("0.", "."))
    assert not ("." in number and number.endswith("0"))
    size = {"元": 1, "万元": 10_000, "亿元": 100_000_000}[unit]
    if unit != "亿元":
        assert Decimal(number) < 10_000  # else the next unit would have taken it
    assert abs(Decimal(number) * size - amount) <= Decimal("0.005") * size


@pytest.mark.parametrize(
    ("iso", "text"),
    [
        ("2026", "2026 年"),
        ("2026-12", "2026 年 12 月"),
        ("2026-03", "2026 年 3 月"),
        ("2026-12-10", "2026 年 12 月 10 日"),
        ("2026-01-01", "2026 年 1 月 1 日"),
    ],
)
def test_dates_read_as_chinese_running_text(iso: str, text: str) -> None:
    assert written_date(iso) == text
    assert time_element(iso) == f'<time datetime="{iso}">{text}</time>'


def test_month_day_and_weekday() -> None:
    day = datetime.date(2026, 12, 10)
    assert (month_day(day), weekday(day)) == ("12 月 10 日", "周四")
    assert weekday(datetime.date(2026, 12, 13)) == "周日"
