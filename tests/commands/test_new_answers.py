"""How `invoke new` reads a typed choice or month, for every option of the real tables
(label tables in showcase.model, registries under content/), in many spellings."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.commands.common import project_schema
from showcase.commands.new_answers import AnswerError, Choices, parse_month, yes_or_no
from showcase.commands.new_questions import QuestionTable
from showcase.model import LEVELS, STAGES, STATUSES
from showcase.paths import Layout
from showcase.validate.dates import FUTURE_TOLERANCE

REPO = Path(__file__).resolve().parents[2]
TODAY = datetime.date(2026, 11, 25)
TABLE = QuestionTable(Layout(REPO), project_schema(Layout(REPO)), TODAY)
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
CHOICES = {
    question.key: question
    for question in TABLE.questions
    if question.key in ("college", "level", "stage", "status", "fields", "mentors")
}


def _choices(key: str) -> Choices:
    choices = CHOICES[key].choices
    assert choices is not None
    return choices


def test_the_listed_labels_are_their_owners() -> None:
    assert {o.key: o.label for o in _choices("level").options} == LEVELS
    assert {o.key: o.label for o in _choices("stage").options} == STAGES
    assert {o.key: o.label for o in _choices("status").options} == STATUSES
    assert _choices("college").options[0].label == "纺织科学与工程学院"


@pytest.mark.parametrize("key", CHOICES)
def test_every_option_is_read_by_number_label_and_key(key: str) -> None:
    read = CHOICES[key].read
    for number, option in enumerate(_choices(key).options, 1):
        single = [option.key] if key in ("fields", "mentors") else option.key
        for spelling in (
            str(number),
            str(number).translate(_FULL_WIDTH),
            f"  {number} ",
            option.label,
            f"\u3000{option.label}",
            option.key,
            option.key.upper(),
        ):
            assert read(spelling) == single, spelling


@settings(max_examples=200, deadline=None)
@given(data=st.data(), key=st.sampled_from(sorted(CHOICES)))
def test_a_part_of_a_label_is_read_when_only_one_label_holds_it(
    data: st.DataObject, key: str
) -> None:
    choices = _choices(key)
    option = data.draw(st.sampled_from(choices.options))
    start = data.draw(st.integers(0, len(option.label) - 1))
    end = data.draw(st.integers(start + 1, len(option.label)))
    part = option.label[start:end]
    holders = [o for o in choices.options if part in o.label]
    exact = [o for o in choices.options if part in (o.label, o.key)]
    if part.isdigit() or exact:
        return  # a number or a whole label is read as such
    if len(holders) == 1:
        assert choices.pick(part) == option.key
    else:
        with pytest.raises(AnswerError, match="可以指好几个") as refused:
            choices.pick(part)
        for holder in holders:
            assert f"{holder.label}（{holder.key}）" in str(refused.value)


@pytest.mark.parametrize(
    ("typed", "college"),
    [
        ("纺织学院", "textile"),
        ("材料学院", "materials"),
        ("机械学院", "mechanical"),
        ("电气学院", "electrical"),
        ("电子学院", "electronics"),
        ("计算机学院", "computing"),
        ("化工学院", "chemistry"),
        ("环境学院", "environment"),
        ("经管学院", "economics"),
        ("艺术学院", "arts"),
        ("纺织 学院", None),
    ],
)
def test_a_shortened_college_name_is_read_when_it_picks_one(
    typed: str, college: str | None
) -> None:
    """People leave characters out of a long name (纺织学院 for 纺织科学与工程学院)."""
    if college is None:
        with pytest.raises(AnswerError):
            _choices("college").pick(typed)
    else:
        assert _choices("college").pick(typed) == college


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_a_label_with_characters_left_out_is_read_or_its_holders_are_listed(
    data: st.DataObject,
) -> None:
    choices = _choices("college")
    option = data.draw(st.sampled_from(choices.options))
    kept = data.draw(
        st.lists(st.booleans(), min_size=len(option.label), max_size=len(option.label))
    )
    short = "".join(c for c, keep in zip(option.label, kept, strict=True) if keep)
    if len(short) < 2 or any(short in o.label for o in choices.options):
        return  # a part as written is read by the rule for parts
    try:
        picked = choices.pick(short)
    except AnswerError as refused:
        assert "可以指好几个" in str(refused) and f"{option.label}（{option.key}）" in str(refused)
    else:
        assert picked == option.key


# (question, typed, what the refusal says)
REFUSALS = [
    ("college", "", "请填写学院：输入序号、中文名称或英文编号，例如 2、材料科学与工程学院 或 materials"),
    ("college", "工程", "「工程」可以指好几个学院：1. 纺织科学与工程学院（textile）"),
    ("college", "0", "没有序号 0：学院的序号是 1–12"),
    ("college", "-1", "「-1」不是可选的学院"),
    ("stage", "Seed stage", "「Seed stage」不是可选的发展阶段"),
    ("fields", "电子", "「电子」可以指好几个行业领域"),
    ("fields", "1,,2,,3,4,5,6", "最多 5 个（现在是 6 个）"),
    ("mentors", "闻思远 不存在", "「不存在」不是可选的创业导师"),
]  # fmt: skip


@pytest.mark.parametrize(("key", "typed", "said"), REFUSALS)
def test_a_choice_that_cannot_be_read_says_what_to_type(key: str, typed: str, said: str) -> None:
    with pytest.raises(AnswerError) as refused:
        CHOICES[key].read(typed)
    assert said in str(refused.value)


MONTHS = st.dates(datetime.date(1990, 1, 1), TODAY + FUTURE_TOLERANCE)


@settings(max_examples=200, deadline=None)
@given(
    day=MONTHS,
    style=st.sampled_from(["{y}-{m:02d}", "{y}-{m}", "{y}/{m}", "{y}年{m}月", "{y}.{m}"]),
)
def test_a_month_in_any_usual_spelling_is_written_yyyy_mm(day: datetime.date, style: str) -> None:
    typed = style.format(y=day.year, m=day.month)
    assert parse_month(typed, TODAY) == f"{day.year:04d}-{day.month:02d}"


@settings(max_examples=100, deadline=None)
@given(day=st.dates(TODAY + FUTURE_TOLERANCE + datetime.timedelta(days=31)))
def test_a_month_too_far_ahead_is_refused_as_the_validator_refuses_it(day: datetime.date) -> None:
    with pytest.raises(AnswerError, match="还没到（今天是 2026-11-25）"):
        parse_month(f"{day.year}-{day.month:02d}", TODAY)


def test_enter_is_this_month() -> None:
    assert parse_month("", TODAY) == parse_month("  ", TODAY) == "2026-11"


@pytest.mark.parametrize(
    ("typed", "meaning"),
    [("y", True), ("Y", True), ("有", True), ("是", True), ("n", False), ("没有", False),
     ("否", False), ("", False)],
)  # fmt: skip
def test_yes_or_no(typed: str, meaning: bool) -> None:
    assert yes_or_no(typed) is meaning


def test_yes_or_no_explains_anything_else() -> None:
    with pytest.raises(AnswerError, match="请输入 y（是、有）或 n（否、没有）"):
        yes_or_no("也许")
