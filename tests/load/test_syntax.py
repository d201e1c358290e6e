"""libyaml's syntax errors reach a secretary in Chinese, at the line and column to fix."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from showcase.load.yamlfile import load_yaml_bytes
from showcase.paths import repository_root

CASES = [
    # (file text, line, column, what the message says)
    ('id: a\nsummary: "><img src=x>\nlevel: nursery\n', 2, 10, "引号没有成对"),
    ("id: a\nsummary: 'abc\nlevel: nursery\ndescription: |\n  一段\n", 2, 10, "引号没有成对"),
    ('id: a\nsummary: "旧\n---\nlevel: nursery\n', 2, 10, "引号没有成对"),
    ('id: a\nname: "甲\\q乙"\n', 2, 9, "反斜杠转义"),
    ("id: a\ndescription: | 第一段\n  第二段\n", 2, 14, "「|」或「>」后面的同一行"),
    ("id: a\nname: &甲\n", 2, 7, "保留符号 &"),
    ("id: a\nname: *甲\n", 2, 7, "保留符号 *"),
    ("id: a\nseeking:\n  - }partner\n", 3, 5, "保留符号"),
    ("id: a\nseeking:\n  [- talent\n", 3, 4, "保留符号"),
    ("id: a\nfields:\n  - a\n!  - b\n", 4, 4, "列表项"),
    ("%中文 x\nid: a\n", 1, 1, "以 % 开头"),
    ("  age: 1\nid: a\n", 2, 1, "开头几行"),
    ("!!# 注释\nid: a\n", 1, 1, "! 开头的标签"),
    ("id: a\nseeking: [talent, funding\nlevel: nursery\n", 2, 10, "方括号列表没有闭合"),
    ("id: a\nlinks: {site: x\n", 2, 8, "花括号没有闭合"),
]


@pytest.mark.parametrize(("text", "line", "column", "said"), CASES)
def test_a_syntax_error_is_worded_in_chinese_where_it_is(
    text: str, line: int, column: int, said: str
) -> None:
    document, problems = load_yaml_bytes(text.encode(), "p.yaml")
    assert document is None and [p.rule for p in problems] == ["load.syntax"]
    assert (problems[0].line, problems[0].column) == (line, column)
    assert said in problems[0].message and problems[0].hint


SAMPLE = (repository_root() / "projects" / "textile" / "smart-yarn-sensor.yaml").read_text("utf-8")
MARKS = ['"', "'", ":", ": ", "|", ">", "[", "]", "{", "}", "\t", "&", "*", "!", "%", "@", "`"]
ENGLISH = re.compile(r"[A-Za-z]{3,}")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    edits=st.lists(
        st.tuples(st.integers(0, len(SAMPLE)), st.sampled_from([*MARKS, "\n", "\n  ", "- "])),
        min_size=1,
        max_size=3,
    )
)
def test_no_syntax_message_falls_back_to_libyamls_english(edits) -> None:
    """Special characters typed anywhere in a real project file: whatever libyaml says,
    the message is one of ours (only "YAML" and "Tab" are written in Latin letters)."""
    text = SAMPLE
    for position, mark in edits:
        text = text[:position] + mark + text[position:]
    _document, problems = load_yaml_bytes(text.encode(), "p.yaml")
    for problem in problems:
        if problem.rule == "load.syntax":
            assert not ENGLISH.findall(problem.message.replace("YAML", "").replace("Tab", ""))
