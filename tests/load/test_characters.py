"""Control and bidirectional characters are refused in every spelling, at their exact spot."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.load.front_matter import load_front_matter
from showcase.load.yamlfile import load_yaml_bytes

BOUNDED = settings(max_examples=300, deadline=None, database=None)
SECRET = "机密内容"
"""Text around a bad character: a message must never repeat it."""

FORBIDDEN = (
    [chr(c) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)]
    + [chr(c) for c in range(0x7F, 0xA0)]
    + ["\u061c", "\u200e", "\u200f", "\u2028", "\u2029", "\ufffe", "\uffff"]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)
ALLOWED = ["\t", "\u200b", "\u200d", "\xa0", "\u3000", "é", "😀", "中"]

RAW_PLACES = [
    # (template with X where the character goes, line, column of X)
    ("name: 甲X乙\n", 1, 8),
    ("name: 'X'\n", 1, 8),
    ('name: "甲X"\n', 1, 9),
    ("name: |\n  第一行\n  第二X行\n", 3, 5),
    ("name: >\n  X\n", 2, 3),
    ("naXme: 甲\n", 1, 3),
    ("'aX': 甲\n", 1, 3),
    ("name: 甲 # 注释X\n", 1, 13),
    ("# X 只在注释里\nname: 甲\n", 1, 3),
    ("team:\n  - name: 甲\n    role: X\n", 3, 11),
    ("tags: [a, bX]\n", 1, 12),
    ("map: {k: X}\n", 1, 10),
]


def problems_for(text: str) -> list[tuple[str, int, int]]:
    document, problems = load_yaml_bytes(text.encode("utf-8"), "p.yaml")
    assert document is None or problems
    return [(p.rule, p.line, p.column) for p in problems]


@pytest.mark.parametrize("char", FORBIDDEN, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize(("template", "line", "column"), RAW_PLACES)
def test_a_raw_forbidden_character_is_reported_at_its_own_column(
    char: str, template: str, line: int, column: int
) -> None:
    text = SECRET + ": 1\n" + template.replace("X", char)
    document, problems = load_yaml_bytes(text.encode("utf-8"), "p.yaml")
    assert document is None
    assert [(p.rule, p.line, p.column) for p in problems] == [
        ("load.control-character", line + 1, column)
    ]
    assert f"U+{ord(char):04X}" in problems[0].message
    assert SECRET not in problems[0].text() and char not in problems[0].text()


@pytest.mark.parametrize("char", ALLOWED, ids=lambda c: f"U+{ord(c):04X}")
def test_ordinary_invisible_looking_characters_stay_allowed(char: str) -> None:
    document, problems = load_yaml_bytes(f"name: 甲{char}乙\n".encode(), "p.yaml")
    assert problems == [] and document is not None


ESCAPES = {
    "\\0": 0x0,
    "\\a": 0x7,
    "\\b": 0x8,
    "\\v": 0xB,
    "\\f": 0xC,
    "\\r": 0xD,
    "\\e": 0x1B,
    "\\N": 0x85,
    "\\L": 0x2028,
    "\\P": 0x2029,
    "\\x07": 0x7,
    "\\x7f": 0x7F,
    "\\x9B": 0x9B,
    "\\u202e": 0x202E,
    "\\u202E": 0x202E,
    "\\u2066": 0x2066,
    "\\u200f": 0x200F,
    "\\u061c": 0x61C,
    "\\U0000202e": 0x202E,
    "\\U00002069": 0x2069,
}


@pytest.mark.parametrize(("escape", "code"), ESCAPES.items())
def test_a_double_quoted_escape_is_reported_at_its_backslash(escape: str, code: int) -> None:
    text = f'{SECRET}: 1\nteam:\n  - name: "甲{escape}乙"\n'
    document, problems = load_yaml_bytes(text.encode(), "p.yaml")
    assert [(p.rule, p.line, p.column) for p in problems] == [("load.control-character", 3, 13)]
    assert f"U+{code:04X}" in problems[0].message and "转义" in problems[0].message
    assert SECRET not in problems[0].text()
    assert document is not None and ("team", 0, "name") in document.refused


def test_escapes_on_a_later_line_of_a_quoted_scalar_and_in_keys_have_their_own_spot() -> None:
    text = 'a: "第一行\n  第二行 \\e"\n"k\\u202e": 1\n'
    assert problems_for(text) == [
        ("load.control-character", 2, 7),
        ("load.control-character", 3, 3),
    ]


def test_an_escaped_backslash_is_not_an_escape() -> None:
    document, problems = load_yaml_bytes(b'a: "C:\\\\u202e and \\\\e"\n', "p.yaml")
    assert problems == [] and document is not None
    assert document.data["a"] == "C:\\u202e and \\e"


REFERENCES = ["&#x202E;", "&#X202e", "&#8238;", "&#x0000202e;", "&rlm;", "&LRM;", "&#7;", "&#x85;"]


@pytest.mark.parametrize("reference", REFERENCES)
def test_html_character_references_count_as_the_character(reference: str) -> None:
    assert problems_for(f"description: |\n  正文 {reference} 结束\n") == [
        ("load.control-character", 2, 6)
    ]


def test_a_reference_spelled_with_yaml_escapes_is_found_in_the_value() -> None:
    assert problems_for('a: "x \\x26#x202e; y"\n') == [("load.control-character", 1, 4)]


def test_harmless_references_stay_allowed() -> None:
    document, problems = load_yaml_bytes(b"a: '&amp; &#x4E2D; &#65;'\n", "p.yaml")
    assert problems == [] and document is not None


def test_a_lone_carriage_return_is_refused_but_crlf_is_fine() -> None:
    assert problems_for("a: 1\rb: 2\n") == [("load.control-character", 1, 5)]
    document, problems = load_yaml_bytes(b"a: 1\r\nb: 2\r\n", "p.yaml")
    assert problems == [] and document is not None


def test_a_binary_file_gets_ten_positions_and_a_count() -> None:
    problems = load_yaml_bytes(b"a: " + b"\x00" * 50 + b"\n", "p.yaml")[1]
    assert len(problems) == 11
    assert [p.column for p in problems[:10]] == list(range(4, 14))
    assert problems[10].line == 0 and "另有 40 处" in problems[10].message


STORY = "---\ncase: 2025-x\nauthor: 宣传部\n---\n\n正文第一段。\n\n第二段X结束。\n"


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\x1b", "\x85", "\u2028", "&#x202e;"])
def test_a_story_body_is_checked_too(tmp_path: Path, char: str) -> None:
    story = tmp_path / "x.md"
    story.write_text(STORY.replace("X", char), encoding="utf-8")
    document, _, problems = load_front_matter(story, "content/stories/x.md")
    assert document is None
    assert [(p.rule, p.line, p.column) for p in problems] == [("load.control-character", 8, 4)]


def test_story_front_matter_escapes_are_placed_on_the_file_line(tmp_path: Path) -> None:
    story = tmp_path / "x.md"
    story.write_text(STORY.replace("宣传部", '"宣传\\u202e部"').replace("X", ""), "utf-8")
    _, _, problems = load_front_matter(story, "content/stories/x.md")
    assert [(p.rule, p.line, p.column) for p in problems] == [("load.control-character", 3, 12)]


VALID = (Path(__file__).resolve().parents[2] / "projects/textile/smart-yarn-sensor.yaml").read_text(
    encoding="utf-8"
)


@BOUNDED
@given(position=st.integers(0, len(VALID)), char=st.sampled_from(FORBIDDEN))
def test_a_character_slipped_in_anywhere_is_found_where_it_is(position: int, char: str) -> None:
    text = VALID[:position] + char + VALID[position:]
    line = text.count("\n", 0, position) + 1
    column = position - text.rfind("\n", 0, position)
    assert problems_for(text) == [("load.control-character", line, column)]
