"""The YAML text writer must read back as exactly the data it was given."""

from __future__ import annotations

import pytest

from showcase.load.yamlfile import load_yaml_bytes
from showcase.yamltext import to_yaml

TRICKY = [
    "纺织学院",
    "中文：冒号",
    "中文: 英文冒号后有空格",
    "结尾冒号:",
    "井号 #不是注释",
    "结尾空格 ",
    "yes",
    "No",
    "null",
    "~",
    "true",
    "123",
    "0x1A",
    "1e3",
    "2024-09",
    "2024-09-15",
    "-起始连字符",
    "* 星号",
    "& 和号",
    "! 感叹号",
    "'单引号'",
    '"双引号"',
    "“中文引号”",
    "@at",
    "`反引号`",
    "",
    " 前导空格",
    "smart-yarn",
    "a.b",
    "tab\t内",
    "\ufeffBOM",
    "emoji 🧵",
    "[方括号]",
    "{花括号}",
    "|竖线",
    ">大于",
    "%百分号",
    "多行\n文本",
    "尾换行\n",
]


@pytest.mark.parametrize("value", TRICKY)
def test_scalars_round_trip(value: str) -> None:
    document, problems = load_yaml_bytes(to_yaml({"value": value}).encode(), "t.yaml")
    assert problems == [] and document is not None
    assert document.data == {"value": value}


@pytest.mark.parametrize("value", ["行\u2028分隔", "控制\x07字符", "反向\u202e文字", "\x1b[31m"])
def test_invisible_characters_are_written_as_escapes_that_the_loader_refuses(value: str) -> None:
    text = to_yaml({"value": value})
    assert all(char.isprintable() or char == "\n" for char in text)
    assert load_yaml_bytes(text.encode(), "t.yaml")[1][0].rule == "load.control-character"


def test_nested_structures_round_trip_in_house_style() -> None:
    data = {
        "id": "demo",
        "description": "## 标题\n\n- 列表 **加粗**\n  缩进的续行\n",
        "amount": 1500000,
        "ratio": 0.5,
        "public": False,
        "team": [{"name": "王小明", "role": "负责人"}, {"role": "财务", "public": False}],
        "links": {"website": "https://example.com/a?b=c#d"},
        "empty_list": [],
        "empty_map": {},
    }
    text = to_yaml(data)
    assert "team:\n  - name: 王小明\n    role: 负责人\n" in text
    assert "description: |\n  ## 标题\n\n  - 列表" in text
    document, problems = load_yaml_bytes(text.encode(), "t.yaml")
    assert problems == [] and document is not None
    assert document.data == data
