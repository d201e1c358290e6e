"""Personal data in whole files: decoded values at their exact spot, keys, comments, numbers,
institutional contact fields, stories, and masking on the way out."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.load.front_matter import load_front_matter
from showcase.load.yamlfile import load_yaml_bytes
from showcase.problems import Problem
from showcase.validate.personal_data import redact, scan_document, scan_story
from showcase.validate.personal_text import PersonalDataRules
from showcase.validate.report import format_problems

TODAY = datetime.date(2025, 6, 15)
RULES = PersonalDataRules(TODAY, ("qq.com", "163.com"))


def found(source: str, schema: dict | None = None) -> list[tuple[str, int, int, str]]:
    document, problems = load_yaml_bytes(source.encode(), "p.yaml")
    assert document is not None, problems
    problems = sorted(scan_document(document, schema or {}, RULES))
    return [(p.rule, p.line, p.column, p.field) for p in problems]


@pytest.mark.parametrize(
    ("source", "line", "column"),
    [
        ("note: 联系 13812345678 即可\n", 1, 10),
        ("note: '联系 13812345678'\n", 1, 11),
        ("note: 'it''s 13812345678'\n", 1, 14),
        ('note: "联系 13812345678"\n', 1, 11),
        ('note: "\\u8054\\u7CFB 13812345678"\n', 1, 21),
        (
            'note: "\\u0031\\u0033\\u0038\\u0031\\u0032\\u0033\\u0034\\u0035\\u0036\\u0037\\u0038"\n',
            1,
            8,
        ),
        ('note: "\\x31\\x33812345678"\n', 1, 8),
        ('note: "\\t138\\u200b1234\\u20605678"\n', 1, 10),
        ('note: "第一行\\\n  13812345678"\n', 2, 3),
        ("note: |\n  第一行\n  电话 13812345678\n", 3, 6),
        ("note: >-\n  第一行\n\n    电话 138-1234-5678\n", 4, 8),
        ("note: 第一行\n  第二行 13812345678\n", 2, 7),
        ("notes: [甲, '乙 13812345678']\n", 1, 15),
        ("notes:\n  - 甲\n  - 乙 １３８１２３４５６７８\n", 3, 7),
        ("note: !!str 13812345678\n", 1, 13),
        ("note: 电话&#49;3812345678\n", 1, 9),
        ("note: 邮箱 abc@qq.com\n", 1, 10),
    ],
)
def test_a_finding_is_reported_where_its_first_character_was_written(
    source: str, line: int, column: int
) -> None:
    assert [(rule_line, rule_column) for _, rule_line, rule_column, _ in found(source)] == [
        (line, column)
    ]


STYLES = ("plain", "single", "double", "escaped", "literal", "folded")


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(STYLES),
    st.text(alphabet="项目团队：，。的 ", max_size=10).map(str.strip),
    st.sampled_from(["", " ", "-", "\u3000"]),
)
def test_every_scalar_style_points_at_the_number(style: str, before: str, separator: str) -> None:
    phone = f"138{separator}1234{separator}5678"
    value = f"联系{before}{phone}"
    if style == "plain":
        line = f"note: {value}"
    elif style == "single":
        line = f"note: '{value}'"
    elif style in ("double", "escaped"):
        written = value.replace("\u3000", "\\u3000") if style == "escaped" else value
        line = f'note: "{written}"'
    else:
        line = f"note: {'|' if style == 'literal' else '>'}\n  第一行\n  {value}"
    source = f"# 注释\nother: 1\n{line}\n"
    last = source.splitlines()[-1]
    column = last.index("138") + 1
    assert found(source) == [("personal.phone", len(source.splitlines()), column, "note")]


def test_comments_are_scanned_and_quoted_hashes_are_values() -> None:
    source = (
        "# 负责人 13912345678\n"
        "a: 'x # 13812345678'  # 备用 13712345678\n"
        "b: |\n"
        "  # 标题 13612345678\n"
        "c: 1 # abc@qq.com\n"
    )
    assert found(source) == [
        ("personal.phone", 1, 7, "注释"),
        ("personal.phone", 2, 9, "a"),
        ("personal.phone", 2, 28, "注释"),
        ("personal.phone", 4, 8, "b"),
        ("personal.email", 5, 8, "注释"),
    ]


def test_keys_are_scanned_too() -> None:
    assert found("contacts:\n  13812345678: 王同学\n") == [
        ("personal.phone", 2, 3, "contacts.13812345678")
    ]


def test_numbers_are_amounts_unless_they_are_id_numbers_or_labelled() -> None:
    assert found("amount_cny: 13800000000\n") == []
    assert found("amount_cny: 13800000000  # 1.38 亿\n") == []
    assert found("id_card: 440524188001010014\n") == [("personal.id-card", 1, 10, "id_card")]
    assert found("student_id: 20211234\n") == [("personal.student-id", 1, 13, "student_id")]
    assert found("学号: '2021123456'\n") == [("personal.student-id", 1, 6, "学号")]
    assert found("year: 2025\nflag: true\nnothing:\n") == []


CONTACT_SCHEMA = {
    "type": "object",
    "properties": {
        "office": {
            "type": "object",
            "title": "办公室",
            "x-personal-data": "institutional-contact",
            "properties": {"phone": {"type": "string", "title": "电话"}},
        },
        "contact": {
            "type": "string",
            "title": "联系方式",
            "x-personal-data": "institutional-contact",
        },
        "note": {"type": "string", "title": "说明"},
    },
}


def test_institutional_contact_fields_allow_a_phone_and_mailbox_but_no_id() -> None:
    source = (
        "office:\n  phone: 13812345678\n"
        "contact: 13912345678 / office@qq.com / 身份证 11010519491231002X\n"
        "note: '13712345678'\n"
    )
    assert found(source, CONTACT_SCHEMA) == [
        ("personal.id-card", 3, 44, "contact（联系方式）"),
        ("personal.phone", 4, 8, "note（说明）"),
    ]


def test_the_field_is_named_by_the_schema_title() -> None:
    schema = {"properties": {"team": {"items": {"properties": {"role": {"title": "角色"}}}}}}
    assert found("team:\n  - role: 负责人 13812345678\n", schema) == [
        ("personal.phone", 2, 15, "team[1].role（角色）")
    ]


def test_a_story_is_scanned_in_its_front_matter_and_body(tmp_path: Path) -> None:
    story = tmp_path / "s.md"
    story.write_text(
        "---\ncase: x  # 13912345678\nauthor: 宣传部 13812345678\n---\n"
        "# 标题 13712345678\n\n正文 <!-- 13612345678 --> 学号：2021123456\n",
        encoding="utf-8",
    )
    document, _, problems = load_front_matter(story, "content/stories/s.md")
    assert document is not None, problems
    schema = {"properties": {"author": {"title": "作者"}}}
    assert sorted(
        (p.line, p.column, p.rule, p.field) for p in scan_story(document, schema, RULES)
    ) == [
        (2, 12, "personal.phone", "注释"),
        (3, 13, "personal.phone", "author（作者）"),
        (5, 6, "personal.phone", "正文"),
        (7, 9, "personal.phone", "正文"),
        (7, 28, "personal.student-id", "正文"),
    ]


def test_the_message_says_why_and_masks_the_number() -> None:
    document, _ = load_yaml_bytes("note: 电话 13812345678\n".encode(), "p.yaml")
    assert document is not None
    (problem,) = scan_document(document, {}, RULES)
    assert "《个人信息保护法》" in problem.message
    assert "138****5678" in problem.message
    assert "13812345678" not in problem.text()


ECHOING = Problem(
    "projects/a/b.yaml",
    3,
    5,
    rule="schema.pattern",
    field="contacts.13812345678",
    message="格式不对：「学号 2021123456，abc@example.org，110105194912310021」。",
    hint="完整的邮箱地址，例如 team@mail.example.edu.cn；不要写 13812345678。",
)


def test_every_report_masks_personal_data_whichever_rule_quoted_it() -> None:
    masked = redact(ECHOING)
    assert masked.field == "contacts.138****5678"
    assert "202****456" in masked.message and "a***@example.org" in masked.message
    assert "team@mail.example.edu.cn" in masked.hint and "138****5678" in masked.hint
    for fmt in ("text", "json", "github"):
        output = format_problems([ECHOING], fmt)
        for secret in ("13812345678", "2021123456", "abc@example.org"):
            assert secret not in output
    assert json.loads(format_problems([ECHOING], "json"))["problems"][0]["line"] == 3


def test_a_problem_without_personal_data_is_reported_unchanged() -> None:
    plain = Problem("a.yaml", 1, 1, rule="schema.enum", message="「种子期」不是可选值。")
    assert redact(plain) is plain


def test_a_story_whose_fences_have_trailing_spaces_keeps_its_body_apart(tmp_path: Path) -> None:
    story = tmp_path / "s.md"
    story.write_text("--- \r\ncase: x\r\n---  \r\n# 标题 13712345678\r\n", encoding="utf-8")
    document, _, problems = load_front_matter(story, "s.md")
    assert document is not None, problems
    assert [(p.line, p.column, p.field) for p in scan_story(document, {}, RULES)] == [
        (4, 6, "正文")
    ]
