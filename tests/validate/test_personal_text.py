"""The personal-data rules on single texts: a corpus of spellings, then generated ones.

The corpus (personal_corpus.yaml) is shared with the browser test, which types the same
texts into the submission form and expects the same rule ids.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from showcase.validate import personal_text
from showcase.validate.personal_text import (
    EMAIL,
    ID_CARD,
    PHONE,
    QQ,
    STUDENT_ID,
    WECHAT,
    PersonalDataRules,
    browser_rules,
    find_in_both_views,
    find_personal_data,
    key_label,
    labelled_number,
    mask_text,
    may_hold,
)
from showcase.validate.text_folding import fold

HERE = Path(__file__).parent
TODAY = datetime.date(2025, 6, 15)
CORPUS: dict[str, Any] = yaml.safe_load((HERE / "personal_corpus.yaml").read_text("utf-8"))
SITE = yaml.safe_load((HERE / "fixture_repo/content/site.yaml").read_text("utf-8"))
RULES = PersonalDataRules.for_site(SITE, TODAY)
ALL_RULES = (PHONE, ID_CARD, STUDENT_ID, EMAIL, WECHAT, QQ)
AMOUNT_SHAPE = re.compile(personal_text._PATTERNS["amountShape"])
"""The digit groups of an amount (1 300 000 000.5), which is no phone however it is parted."""


def corpus_cases() -> list[tuple[str, list[str]]]:
    """(text, expected rule ids) for every corpus entry."""
    cases = [(text, [rule]) for rule in ALL_RULES for text in CORPUS[rule]]
    cases += [(text, []) for text in CORPUS["none"]]
    cases += [(text, list(rules)) for text, rules in CORPUS["several"]]
    return cases


def rules_in(text: str, rules: PersonalDataRules = RULES) -> list[str]:
    return [finding.rule for finding in find_personal_data(text, rules)]


def test_the_corpus_tries_dozens_of_spellings_per_rule() -> None:
    assert {rule: len(CORPUS[rule]) >= 25 for rule in ALL_RULES} == dict.fromkeys(ALL_RULES, True)
    assert len(CORPUS["none"]) >= 50


@pytest.mark.parametrize(("text", "expected"), corpus_cases(), ids=repr)
def test_corpus_text_gives_exactly_its_rules(text: str, expected: list[str]) -> None:
    assert rules_in(text) == expected


@pytest.mark.parametrize(("text", "expected"), corpus_cases(), ids=repr)
def test_finding_spans_the_written_text_and_the_message_masks_it(
    text: str, expected: list[str]
) -> None:
    for finding in find_personal_data(text, RULES):
        written = text[finding.start : finding.end]
        assert written and not written[0].isspace() and not written[-1].isspace()
        digits = "".join(c for c in finding.shown if c.isdigit())
        assert len(digits) <= 8 and "*" in finding.shown
        assert mask_text(text, RULES).count(finding.shown) >= 1


def test_an_institutional_contact_may_hold_a_phone_and_mailbox_but_no_id() -> None:
    allowed = frozenset({PHONE, EMAIL})
    text = "办公室 13812345678，邮箱 office@qq.com，身份证 11010519491231002X"
    assert [f.rule for f in find_personal_data(text, RULES, allowed)] == [ID_CARD]


def test_without_listed_domains_no_address_is_personal() -> None:
    assert rules_in("abc@qq.com", PersonalDataRules(TODAY)) == []
    assert rules_in("abc@example.org", PersonalDataRules(TODAY, any_email=True)) == [EMAIL]


def test_site_settings_of_any_shape_give_rules() -> None:
    assert PersonalDataRules.for_site(None, TODAY).email_domains == ()
    assert (
        PersonalDataRules.for_site({"personal_email_domains": "qq.com"}, TODAY).email_domains == ()
    )
    assert PersonalDataRules.for_site(
        {"personal_email_domains": ["QQ.com", 3, ""]}, TODAY
    ).email_domains == ("qq.com",)


@pytest.mark.parametrize(
    ("key", "rule"),
    [
        ("学号", STUDENT_ID),
        ("學號", STUDENT_ID),
        ("student_id", STUDENT_ID),
        ("StudentNo", STUDENT_ID),
        ("准考证号", STUDENT_ID),
        ("身份证号", ID_CARD),
        ("id_card", ID_CARD),
        ("name", None),
        ("id", None),
        ("student", None),
    ],
)
def test_a_field_named_by_a_label_labels_its_value(key: str, rule: str | None) -> None:
    assert key_label(key) == rule


def test_a_labelled_value_is_its_number() -> None:
    finding = labelled_number("No. 2021123456", STUDENT_ID)
    assert finding is not None and (finding.start, finding.end) == (4, 14)
    assert labelled_number("（无）", STUDENT_ID) is None


def test_a_birth_date_in_the_future_is_no_id_number() -> None:
    number = "11010519491231002X"
    assert rules_in(number, PersonalDataRules(datetime.date(1949, 12, 30))) == []
    assert rules_in(number, PersonalDataRules(datetime.date(1949, 12, 31))) == [ID_CARD]


def test_the_browser_receives_every_rule_and_table() -> None:
    shipped = browser_rules(RULES.email_domains)
    assert set(shipped["messages"]) == set(ALL_RULES)
    assert shipped["email"] == RULES.email_pattern
    assert 0x660 in shipped["digitZeros"]  # Arabic-Indic zero
    assert shipped["entities"]["commat"] == "@"
    assert shipped["characterReferences"][150] == "–"


# ---- generated spellings ----

SEPARATORS = st.sampled_from(
    [
        "",
        " ",
        "-",
        ".",
        "\u3000",
        "\u00a0",
        "\u2009",
        "\u200b",
        "\u2060",
        "\ufeff",
        "\u00ad",
        "–",
        "—",
        "－",
        "−",
        "·",
        "。",
        "**",
        "<!-- -->",
        "&#8203;",
        " - ",
        "\n",
        "_",
    ]
)
DIGIT_FORMS = st.sampled_from(["ascii", "fullwidth", "entity", "arabic"])
PROSE = st.text(
    alphabet=st.sampled_from("项目团队联系负责人：，。、我们的 abcXYZ"), max_size=12
).map(
    lambda text: f"的{text}的"  # a letter glued to the number would make it part of a word
)


def spell(digits: str, form: str) -> str:
    if form == "fullwidth":
        return "".join(chr(0xFF10 + int(d)) if d.isdigit() else d for d in digits)
    if form == "entity":
        return "".join(f"&#{ord(d)};" for d in digits)
    if form == "arabic":
        return "".join(chr(0x660 + int(d)) if d.isdigit() else d for d in digits)
    return digits


@st.composite
def spelt_number(draw: st.DrawFn, digits: str) -> tuple[str, str]:
    """`digits` with a separator drawn between any two of them, in a drawn digit form."""
    form = draw(DIGIT_FORMS)
    pieces = [spell(digits[0], form)]
    for digit in digits[1:]:
        pieces += [draw(SEPARATORS), spell(digit, form)]
    before, after = draw(PROSE), draw(PROSE)
    return before, "".join(pieces), after


PHONES = st.builds(
    lambda second, rest: f"1{second}{rest}",
    st.sampled_from("3456789"),
    st.text(alphabet="0123456789", min_size=9, max_size=9),
)


@settings(max_examples=300, deadline=None)
@given(PHONES.flatmap(lambda phone: st.tuples(st.just(phone), spelt_number(phone))))
def test_a_mobile_number_is_found_whatever_separates_its_digits_unless_read_as_an_amount(
    case: tuple[str, tuple[str, str, str]],
) -> None:
    phone, (before, spelt, after) = case
    groups = re.findall("[0-9]+", fold(spelt, rendered=True).text)
    assume(not AMOUNT_SHAPE.match("-".join(str(len(group)) for group in groups)))
    text = before + spelt + after
    (finding,) = find_personal_data(text, RULES)
    assert finding.rule == PHONE
    assert finding.shown == f"{phone[:3]}****{phone[-4:]}"
    assert (finding.start, finding.end) == (len(before), len(before) + len(spelt))


def resident_id(area: str, born: datetime.date, sequence: int) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    body = f"{area}{born:%Y%m%d}{sequence:03d}"
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]


IDS = st.builds(
    resident_id,
    st.text(alphabet="123456789", min_size=1, max_size=1).flatmap(
        lambda first: st.text(alphabet="0123456789", min_size=5, max_size=5).map(
            lambda rest: first + rest
        )
    ),
    st.dates(datetime.date(1920, 1, 1), TODAY),
    st.integers(0, 999),
)


@settings(max_examples=300, deadline=None)
@given(IDS.flatmap(lambda number: st.tuples(st.just(number), spelt_number(number))))
def test_an_id_number_is_found_whatever_separates_its_digits(
    case: tuple[str, tuple[str, str, str]],
) -> None:
    number, (before, spelt, after) = case
    findings = find_personal_data(before + spelt + after, RULES)
    assert [f.rule for f in findings] == [ID_CARD]
    assert findings[0].shown == number[:4] + "*" * 10 + number[-4:]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(PROSE, st.text(alphabet="0123456789", min_size=1, max_size=5)),
        max_size=8,
    ),
    SEPARATORS,
)
def test_short_numbers_in_prose_are_no_personal_data(
    parts: list[tuple[str, str]], separator: str
) -> None:
    text = "".join(f"{prose}年{number}{separator}" for prose, number in parts)
    assert rules_in(text) == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_is_scanned_without_error_and_the_quick_check_never_hides_a_finding(
    text: str,
) -> None:
    findings = find_in_both_views(text, RULES)
    assert all(0 <= f.start < f.end <= len(text) for f in findings)
    if findings:
        assert may_hold(text)


@pytest.mark.parametrize("label", personal_text._ID_LABELS + personal_text._STUDENT_LABELS)
def test_every_label_introduces_a_number_and_names_a_field(label: str) -> None:
    written = label.replace("_", " ")
    rule = ID_CARD if label in personal_text._ID_LABELS else STUDENT_ID
    assert rules_in(f"{written}：123456") == [rule]
    assert rules_in(f"{written.upper()} 1234 5678") == [rule]
    assert key_label(label) == rule


def test_folding_keeps_where_each_character_came_from() -> None:
    folded = fold("１３８－1&#50;34 ⑩\u200b", rendered=True)
    assert folded.text == "138-1234 10"
    assert folded.span(4, 6) == (4, 10)
    assert folded.span(9, 11) == (13, 14)
    assert fold("1&#50;", rendered=False).text == "1&#50;"


COMMON_PIECES = st.sampled_from(
    [
        *"0123456789０１２３４５６７８９@#&＠＃[(<{［（＜｛aAtTａＡｔＴdnuＤ号號證 -.，。：、“”xX+*_\n",
        "学号",
        "身份证",
        "student id",
        "qq.com",
        "[at]",
        "&#49;",
        "&commat;",
        "<!-- -->",
        "<b>",
        "项目",
    ]
)


POSITIVES = [text for text, rules in corpus_cases() if rules]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(COMMON_PIECES, max_size=20).map("".join),
    st.sampled_from(POSITIVES),
    st.lists(COMMON_PIECES, max_size=20).map("".join),
)
def test_the_quick_check_lets_every_spelling_through_in_any_company(
    before: str, spelling: str, after: str
) -> None:
    assert may_hold(before + spelling + after)


# ---- numbers read out in Chinese numerals, WeChat ids, QQ numbers ----

NUMERAL_SPELLINGS = {
    "0": "0０〇零",
    "1": "1１一幺壹",
    "2": "2２二两兩贰貳",
    "3": "3３三叁參",
    "4": "4４四肆",
    "5": "5５五伍",
    "6": "6６六陆陸",
    "7": "7７七柒",
    "8": "8８八捌",
    "9": "9９九玖",
}
GROUP_SEPARATORS = st.sampled_from(["", " ", "-", "\u3000", " - ", "－"])


@st.composite
def read_out(draw: st.DrawFn, digits: str) -> str:
    """`digits` as a phone number is read out: each digit in any of its spellings, in
    groups of 3-4-4 parted by a drawn separator."""
    spelt = [draw(st.sampled_from(NUMERAL_SPELLINGS[d])) for d in digits]
    separator = draw(GROUP_SEPARATORS)
    return separator.join(["".join(spelt[:3]), "".join(spelt[3:7]), "".join(spelt[7:])])


@settings(max_examples=300, deadline=None)
@given(PHONES.flatmap(read_out), PROSE, PROSE)
def test_a_mobile_number_in_chinese_numerals_is_found(number: str, before: str, after: str) -> None:
    assert rules_in(before + number + after) == [PHONE]


WECHAT_LABELS = st.sampled_from(
    [
        "微信",
        "微信号",
        "微信号码",
        "微 信",
        "v信",
        "V信",
        "威信",
        "vx",
        "VX",
        "vx号",
        "wx",
        "wx号",
        "WeChat",
        "wechat id",
        "weixin",
        "ＶＸ",
        "微信账号",
    ]
)
ID_GAPS = st.sampled_from(["：", ":", ": ", " : ", "是", "为", " ", "", "：\u3000"])
WECHAT_IDS = st.from_regex(r"[a-zA-Z][a-zA-Z_-]{4,10}[0-9]{1,4}", fullmatch=True)


@settings(max_examples=300, deadline=None)
@given(WECHAT_LABELS, ID_GAPS, WECHAT_IDS, PROSE, PROSE)
def test_a_wechat_id_after_its_label_is_found(
    label: str, gap: str, wechat_id: str, before: str, after: str
) -> None:
    folded_label = unicodedata.normalize("NFKC", label)
    assume(not (folded_label.isascii() and gap == ""))  # "vxabc1" is one word, not a label
    text = f"{before}{label}{gap}{wechat_id}{after}"
    findings = find_personal_data(text, RULES)
    assert [f.rule for f in findings] == [WECHAT]
    assert text[findings[0].start : findings[0].end] == wechat_id


QQ_LABELS = st.sampled_from(
    ["QQ", "qq", "Q Q", "ＱＱ", "QQ号", "QQ号码", "扣扣", "扣扣号", "企鹅号", "Q号"]
)
QQ_NUMBERS = st.from_regex(r"[1-9][0-9]{4,9}", fullmatch=True)


@settings(max_examples=300, deadline=None)
@given(QQ_LABELS, ID_GAPS, QQ_NUMBERS, PROSE, PROSE)
def test_a_qq_number_after_its_label_is_found(
    label: str, gap: str, number: str, before: str, after: str
) -> None:
    text = f"{before}{label}{gap}{number}{after}"
    assert rules_in(text) == [QQ]


@pytest.mark.parametrize("rule", [WECHAT, QQ])
def test_an_institutional_contact_may_name_an_official_account(rule: str) -> None:
    text = {WECHAT: "办公室微信：office_2024", QQ: "办公室 QQ 12345678"}[rule]
    assert rules_in(text) == [rule]
    assert find_personal_data(text, RULES, personal_text.CONTACT_ALLOWED) == []
