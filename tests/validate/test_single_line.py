"""Line breaks and tabs belong in Markdown fields only; the schemas say which those are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from showcase.load.yamlfile import load_yaml_bytes
from showcase.paths import repository_root
from showcase.validate.schema_check import SchemaChecker

SCHEMAS = repository_root() / "schemas"
SAMPLE = (repository_root() / "projects/textile/smart-yarn-sensor.yaml").read_text("utf-8")


def _fields(node: object, path: str = "") -> list[tuple[str, dict]]:
    if not isinstance(node, dict):
        return []
    found = [(path, node)] if node.get("type") == "string" else []
    for key, child in node.get("properties", {}).items():
        found += _fields(child, f"{path}.{key}")
    return found + _fields(node.get("items"), f"{path}[]")


@pytest.mark.parametrize("schema", sorted(SCHEMAS.glob("*.schema.json")), ids=lambda p: p.name)
def test_every_field_described_as_markdown_is_marked_as_markdown(schema: Path) -> None:
    for path, field in _fields(json.loads(schema.read_text(encoding="utf-8"))):
        says_markdown = "Markdown" in field.get("description", "")
        marked = field.get("contentMediaType") == "text/markdown"
        assert says_markdown == marked, path


def test_a_long_markdown_field_still_gets_its_length_checked() -> None:
    text = SAMPLE.replace(
        "  ## 我们解决什么问题", "  ## 我们解决什么问题\n" + "  很长的一行文字\n" * 800
    )
    document, problems = load_yaml_bytes(text.encode(), "p.yaml")
    assert problems == [] and document is not None and ("description",) in document.multiline
    checker = SchemaChecker.from_file(SCHEMAS / "project.schema.json")
    assert [(p.rule, p.line) for p in checker.check(document)] == [("schema.max-length", 13)]


def test_a_line_break_in_a_single_line_field_is_reported_once() -> None:
    text = SAMPLE.replace("summary: 把导电", 'summary: "第一行\\n把导电')
    text = text.replace("衰减小于 8%。", '衰减小于 8%。"')
    document, _ = load_yaml_bytes(text.encode(), "p.yaml")
    assert document is not None
    checker = SchemaChecker.from_file(SCHEMAS / "project.schema.json")
    assert [(p.rule, p.line) for p in checker.check(document)] == [("text.single-line", 12)]
