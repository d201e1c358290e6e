"""Human names for fields, types and values, taken from the schemas' Chinese titles.

A college secretary does not read ``$.team[1].name``; they read ``team[2].name（姓名）``:
the key they typed, list positions counted from 1, and the schema's Chinese ``title``.

Example::

    field_label(("team", 1, "name"), "姓名")   # "team[2].name（姓名）"
    type_label("array")                        # "列表"
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from showcase.load.yamlfile import Document, JsonPath
from showcase.problems import Problem

TYPE_LABELS = {
    "string": "文字",
    "number": "数字",
    "integer": "整数",
    "boolean": "是或否(true/false)",
    "array": "列表",
    "object": "字段组",
    "null": "空值",
}


def field_label(path: Sequence[str | int], title: str = "") -> str:
    """``team[2].name（姓名）``: the written path with 1-based list indices and the title."""
    written = ""
    for part in path:
        if isinstance(part, int):
            written += f"[{part + 1}]"
        else:
            written += f".{part}" if written else part
    if title and written:
        return f"{written}（{title}）"
    return written or title


def type_label(schema_type: str | Sequence[str]) -> str:
    """The Chinese name of a JSON Schema type (or of several, joined with 或)."""
    if isinstance(schema_type, str):
        return TYPE_LABELS.get(schema_type, schema_type)
    return "或".join(TYPE_LABELS.get(t, t) for t in schema_type)


def value_type_label(value: Any) -> str:
    """The Chinese name of the type of a value the author wrote."""
    if value is None:
        return TYPE_LABELS["null"]
    if isinstance(value, bool):
        return TYPE_LABELS["boolean"]
    if isinstance(value, int):
        return TYPE_LABELS["integer"]
    if isinstance(value, float):
        return TYPE_LABELS["number"]
    if isinstance(value, list):
        return TYPE_LABELS["array"]
    if isinstance(value, dict):
        return TYPE_LABELS["object"]
    return TYPE_LABELS["string"]


SHOWN_VALUE_LIMIT = 40
"""Characters of a value a one-line message repeats before cutting it with …."""


def show_value(value: Any, limit: int = SHOWN_VALUE_LIMIT) -> str:
    """A value as the author would recognise it, shortened for one-line messages."""
    if value is None:
        text = "（空）"
    elif isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = str(value)
    text = text.replace("\n", "↵")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def closest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The candidate most like `word` (difflib), or None when nothing is close."""
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=cutoff)
    return matches[0] if matches else None


WELL_FORMED_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""The schemas' id pattern (lower-case words joined by hyphens)."""
ID_SPELLING = (
    "编号只用小写英文字母、数字和连字符（如 smart-yarn），id 和文件名（不含扩展名）写成同一个编号。"
)


def closest_id(word: str, ids: Iterable[str]) -> str | None:
    """The well-formed id most like `word`: a registry id the schema refuses is never
    suggested, or the fix would repeat the mistake."""
    return closest(word, sorted(i for i in ids if WELL_FORMED_ID.fullmatch(i)))


def schema_node(schema: dict[str, Any], path: Sequence[str | int]) -> dict[str, Any]:
    """The subschema for the value at `path` (list positions may be any int); {} if none."""
    node: Any = schema
    for part in path:
        if not isinstance(node, dict):
            return {}
        if isinstance(part, int):
            node = node.get("items")
        else:  # a named property, else a name of the mapping's own choosing
            node = node.get("properties", {}).get(part, node.get("additionalProperties"))
    return node if isinstance(node, dict) else {}


def schema_title(schema: dict[str, Any], path: Sequence[str | int]) -> str:
    """The ``title`` the schema gives the value at `path`, or "" when it has none."""
    return str(schema_node(schema, path).get("title", ""))


def problem_at(
    document: Document, schema: dict[str, Any], path: JsonPath, rule: str, message: str, hint: str
) -> Problem:
    """An error at the value `path` of `document`, its field named from `schema`'s titles."""
    generic = tuple(0 if isinstance(part, int) else part for part in path)
    line, column = document.position(path)
    return Problem(
        document.path,
        line,
        column,
        rule=rule,
        field=field_label(path, schema_title(schema, generic)),
        message=message,
        hint=hint,
    )


Report = Callable[[JsonPath, str, str, str], None]
"""``report(path, rule, message, hint)``: record a problem at the value `path`."""


def reporter(document: Document, schema: dict[str, Any], found: list[Problem]) -> Report:
    """A `Report` that appends to `found` (see `problem_at`)."""

    def report(path: JsonPath, rule: str, message: str, hint: str) -> None:
        found.append(problem_at(document, schema, path, rule, message, hint))

    return report


def check_id_matches_file(
    data: dict[str, Any], file: Path, rule: str, noun: str, report: Report
) -> None:
    """A record's ``id`` is its file name: the site's URLs and references rely on it."""
    record_id = data.get("id")
    if isinstance(record_id, str) and record_id != file.stem:
        renamed = f"把文件改名为 {record_id}{file.suffix}"
        if not WELL_FORMED_ID.fullmatch(file.stem):  # never suggest a file name as the id
            hint = f"{renamed}。" if WELL_FORMED_ID.fullmatch(record_id) else ID_SPELLING
        elif not WELL_FORMED_ID.fullmatch(record_id):
            hint = f"把 id 改成 {file.stem}。"
        else:
            hint = f"把 id 改成 {file.stem}，或{renamed}。"
        report(("id",), rule, f"{noun} {record_id} 与文件名 {file.name} 不一致。", hint)
