"""Numbers parted by runs of separators of any length and kind: a phone or ID number is
found however its groups are parted; amounts, years, dates and times never read as one.

Spaces of any kind and number join the parts of one number (HTML collapses them), as do
up to four dashes, dots, brackets or line breaks; list and table separators (commas, 、,
colons, pipes) part the numbers of a list, so groups across them count only in the shapes
phones and ID numbers are written in (3-4-4, 6-8-4…).
"""

from __future__ import annotations

import datetime
import itertools

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from showcase.validate.personal_text import ID_CARD, PHONE, find_personal_data
from tests.validate.test_personal_text import (
    AMOUNT_SHAPE,
    IDS,
    PHONES,
    PROSE,
    RULES,
    rules_in,
    spell,
)

SPACES = st.sampled_from([" ", "\u3000", "\u00a0", "\u2009", "\u202f", "\t", "&nbsp;", "&#160;"])
INVISIBLE_PIECES = ("\u200b", "\u2060", "\ufeff", "<!-- -->", "&#8203;", "&shy;")
INVISIBLE = st.sampled_from(INVISIBLE_PIECES)
JOINERS = st.sampled_from(["-", "–", "—", "－", ".", "·", "。", "/", "\n", "(", ")", "*", "_"])
LIST_SEPARATORS = st.sampled_from(
    [*",，、:：|｜丨│;；\"'“”[]【】「」《》{}<>", "&#44;", "&#124;", "&vert;", "&quot;"]
)
DIGIT_FORMS = st.sampled_from(["ascii", "fullwidth", "arabic"])


@st.composite
def separator_run(draw: st.DrawFn, parting: bool) -> str:
    """Spaces of any kind (up to 12), up to four joiners and invisible characters among
    them, in any order; with `parting`, one to three list or table separators too."""
    pieces = draw(st.lists(SPACES, max_size=12))
    pieces += draw(st.lists(JOINERS, max_size=4))
    pieces += draw(st.lists(INVISIBLE, max_size=3))
    if parting:
        pieces += draw(st.lists(LIST_SEPARATORS, min_size=1, max_size=3))
    assume(any(piece not in INVISIBLE_PIECES for piece in pieces))
    return "".join(draw(st.permutations(pieces)))


@st.composite
def parted(
    draw: st.DrawFn, parts: list[str], parting: bool, inner: bool = False
) -> tuple[str, str, str]:
    """`parts` in a drawn digit form, a separator run between each two, inside prose;
    with `inner`, runs of spaces between some digits of a part too (1 3 8, 1234…)."""
    form = draw(DIGIT_FORMS)
    spelt = []
    for part in parts:
        digits = [spell(digit, form) for digit in part]
        if inner:
            digits[1:] = ["".join(draw(st.lists(SPACES, max_size=6))) + d for d in digits[1:]]
        spelt.append("".join(digits))
    text = spelt[0]
    for part in spelt[1:]:
        text += draw(separator_run(parting)) + part
    return draw(PROSE), text, draw(PROSE)


def split(digits: str, lengths: tuple[int, ...]) -> list[str]:
    parts, start = [], 0
    for length in lengths:
        parts.append(digits[start : start + length])
        start += length
    return parts


def found_once(before: str, spelt: str, after: str, rule: str, shown: str) -> None:
    (finding,) = find_personal_data(before + spelt + after, RULES)
    assert (finding.rule, finding.shown) == (rule, shown)
    assert (finding.start, finding.end) == (len(before), len(before) + len(spelt))


@settings(max_examples=300, deadline=None)
@given(PHONES, st.sets(st.integers(1, 10), max_size=10), st.data())
def test_a_mobile_number_is_found_whatever_run_of_spaces_and_dashes_parts_it(
    phone: str, cuts: set[int], data: st.DataObject
) -> None:
    bounds = [0, *sorted(cuts), 11]
    lengths = tuple(end - start for start, end in itertools.pairwise(bounds))
    assume(not AMOUNT_SHAPE.match("-".join(map(str, lengths))))  # 13 800 000 000 is an amount
    before, spelt, after = data.draw(parted(split(phone, lengths), parting=False))
    found_once(before, spelt, after, PHONE, f"{phone[:3]}****{phone[-4:]}")


@settings(max_examples=300, deadline=None)
@given(
    PHONES.filter(lambda phone: not phone.endswith("00")),  # 150、2000、3000 are amounts
    st.sampled_from([(3, 4, 4), (3, 8), (7, 4)]),
    st.sampled_from(["", "86", "0086", "+86"]),
    st.booleans(),
    st.booleans(),
    st.data(),
)
def test_a_mobile_number_is_found_in_its_shapes_whatever_list_or_table_separators_part_it(
    phone: str,
    lengths: tuple[int, ...],
    prefix: str,
    glued: bool,
    inner: bool,
    data: st.DataObject,
) -> None:
    parts = split(phone, lengths)
    digits = prefix.lstrip("+")
    if glued:
        parts[0] = digits + parts[0]
    elif digits:
        parts.insert(0, digits)
    before, spelt, after = data.draw(parted(parts, parting=True, inner=inner))
    plus = "+" if prefix.startswith("+") else ""
    found_once(before, plus + spelt, after, PHONE, f"{phone[:3]}****{phone[-4:]}")


ID_SHAPES = [(6, 8, 4), (6, 4, 4, 4), (6, 12), (17, 1), (3, 3, 4, 4, 4)]


@settings(max_examples=300, deadline=None)
@given(
    IDS,
    st.one_of(
        st.tuples(st.sampled_from([*ID_SHAPES, (4, 4, 4, 4, 2)]), st.just(False)),
        st.tuples(st.sampled_from(ID_SHAPES), st.just(True)),
    ),
    st.data(),
)
def test_an_id_number_is_found_in_its_shapes_whatever_separators_part_it(
    number: str, shape: tuple[tuple[int, ...], bool], data: st.DataObject
) -> None:
    lengths, parting = shape
    before, spelt, after = data.draw(parted(split(number, lengths), parting=parting))
    found_once(before, spelt, after, ID_CARD, number[:4] + "*" * 10 + number[-4:])


THOUSANDS = st.sampled_from([",", "，", " ", ".", "\u2009", "\u00a0", "&nbsp;", "&#44;", "'"])


@settings(max_examples=300, deadline=None)
@given(
    st.integers(0, 10**14),
    THOUSANDS,
    st.sampled_from(["", ".00", ".5", ",50"]),
    st.sampled_from(["", " 元", "元", " 万元", " 人次"]),
)
def test_amounts_with_thousands_separators_are_no_personal_data(
    amount: int, separator: str, decimals: str, unit: str
) -> None:
    grouped = f"{amount:,}".replace(",", separator)
    assume(not (separator in (".", ",") and decimals[:1] == separator))
    assert rules_in(f"总额 {grouped}{decimals}{unit}") == []


DATES = st.dates(datetime.date(1990, 1, 1), datetime.date(2035, 12, 31))
TIMES = st.times().map(lambda time: f"{time:%H:%M}")
DATE_FORMS = st.sampled_from(["%Y-%m-%d", "%Y.%m.%d", "%Y/%m/%d", "%Y年%m月%d日"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(DATES, TIMES), min_size=1, max_size=8),
    DATE_FORMS,
    st.sampled_from(["、", "，", "; ", " | ", "\n- ", " ", " 至 ", "\n"]),
)
def test_dates_with_times_and_their_lists_are_no_personal_data(
    moments: list[tuple[datetime.date, str]], form: str, separator: str
) -> None:
    text = separator.join(f"{day:{form}} {time}" for day, time in moments)
    assert rules_in(text) == []


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.integers(1990, 2035), DATES), min_size=1, max_size=12),
    st.sampled_from(["、", ",", "，", "; ", " | ", "｜", "："]),
)
def test_lists_of_years_and_dates_are_no_personal_data(
    items: list[int | datetime.date], separator: str
) -> None:
    assert rules_in(separator.join(str(item) for item in items)) == []


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.integers(0, 99),
            st.integers(1, 999).map(lambda n: n * 100),
            st.integers(1990, 2035),
            st.decimals(0, 1000, places=2).map(str),
        ),
        min_size=1,
        max_size=10,
    ),
    st.sampled_from(["|", " | ", "｜"]),
)
def test_table_rows_of_counts_amounts_and_years_are_no_personal_data(
    cells: list[object], border: str
) -> None:
    row = border + border.join(str(cell) for cell in cells) + border
    assert rules_in(row) == []
