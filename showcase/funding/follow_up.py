"""What follows a decision: the level change of an accepted project, and late checkpoints.

An accepted 众创空间入驻 moves a project to the makerspace level, an accepted 孵化推荐 to
the incubator; `promoted_text` writes that into the project's own YAML text as a person
would: the value of ``level:`` is replaced in place (a comment after it stays), and one
item is added at the end of ``milestones:`` in the indentation the file already uses (or
the key is added at the end of the file). Every other byte stays as it was, comments and
blank lines included. The office reviews the change and commits it.

`overdue` lists the checkpoint reports (中期检查, 结题) that supported projects owe and
have not submitted by their due date, against today's Beijing date.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

from showcase.load.yamlfile import load_yaml_bytes
from showcase.yamltext import scalar

NEW_LEVEL = {"makerspace-intake": "makerspace", "incubation": "incubator"}
"""The level an accepted application of these kinds of call moves the project to."""

_LEVEL_LINE = re.compile(r"^level:[ \t]*(?P<value>[^#\s][^#\n]*?)?(?P<rest>[ \t]*(?:#.*)?)$", re.M)
_MILESTONES_LINE = re.compile(r"^milestones:[ \t]*(?P<flow>\[[ \t]*\])?[ \t]*(?:#.*)?$", re.M)


@dataclass(frozen=True)
class Promotion:
    project: str
    level: str
    date: str
    """``YYYY-MM-DD``: when the result was published."""
    note: str


class CannotEdit(Exception):
    """The file is written in a way this editor does not change by itself (Chinese reason)."""


def promoted_text(text: str, promotion: Promotion, shown: str) -> str:
    """`text` with the new level and milestone; unchanged when both are already there.

    The result is read back and compared with the original data plus the change, so an
    edit that would lose or alter anything else raises `CannotEdit` instead."""
    crlf = "\r\n" in text
    text = text.replace("\r\n", "\n")
    before = _data(text, shown)
    item = {"date": promotion.date, "level": promotion.level, "note": promotion.note}
    milestones = before.get("milestones") or []
    done = any(m.get("level") == promotion.level for m in milestones)
    if before.get("level") == promotion.level and done:
        return text.replace("\n", "\r\n") if crlf else text
    level = _LEVEL_LINE.search(text)
    if level is None:
        raise CannotEdit(f"{shown} 中找不到顶格书写的 level: 一行，请手工修改孵化层级。")
    start, end = level.span("value") if level.group("value") else (level.end(0), level.end(0))
    edited = text[:start] + promotion.level + text[end:]
    if not done:
        edited = _with_milestone(edited, item)
    expected = {**before, "level": promotion.level}
    if not done:
        expected["milestones"] = [*milestones, item]
    if _data(edited, shown) != expected:
        raise CannotEdit(f"{shown} 的写法无法自动修改（改动后内容不一致），请手工修改。")
    return edited.replace("\n", "\r\n") if crlf else edited


def overdue(
    due: list[tuple[str, str, str, str]], submitted: set[tuple[str, str, str]], today: datetime.date
) -> list[tuple[str, str, str, str, int]]:
    """(call, project, kind, due date, days late) of each report owed and not submitted.

    `due` holds (call, project, kind, due date) for every supported project of a call with
    checkpoints; `submitted` the (call, project, kind) of the reports in the repository."""
    late = []
    for call, project, kind, when in due:
        days = (today - datetime.date.fromisoformat(when)).days
        if days > 0 and (call, project, kind) not in submitted:
            late.append((call, project, kind, when, days))
    return sorted(late, key=lambda row: (-row[4], row[0], row[1], row[2]))


def _block(lines: list[str]) -> list[str]:
    """The lines of a block sequence under a top-level key, without trailing blanks."""
    taken = []
    for line in lines:
        if line.strip() and not (line[:1].isspace() or line.startswith("- ") or line == "-"):
            break
        taken.append(line)
    while taken and not taken[-1].strip():
        taken.pop()
    return taken


def _with_milestone(text: str, item: dict[str, str]) -> str:
    found = _MILESTONES_LINE.search(text)
    if found is None:
        body = text if not text or text.endswith("\n") else text + "\n"
        return body + "milestones:\n" + _item(item, "  ")
    if found.group("flow"):
        start, end = found.span("flow")
        text = text[:start].rstrip(" \t") + text[end:]
        found = _MILESTONES_LINE.search(text)
        assert found is not None
    key_end = found.end()
    rest = text[key_end:]
    lines = rest.split("\n")
    block = _block(lines[1:])
    first = next((line for line in block if line.lstrip().startswith("-")), "  -")
    pad = first[: len(first) - len(first.lstrip())]
    cut = len("\n".join(lines[: 1 + len(block)]))
    return text[:key_end] + rest[:cut] + "\n" + _item(item, pad).removesuffix("\n") + rest[cut:]


def _data(text: str, shown: str) -> dict[str, Any]:
    document, problems = load_yaml_bytes(text.encode(), shown)
    if document is None or not isinstance(document.data, dict):
        reason = problems[0].message if problems else "不是一个 YAML 映射"
        raise CannotEdit(f"{shown} 无法读取：{reason}")
    return document.data


def _item(item: dict[str, str], pad: str) -> str:
    first, *others = [key for key in ("date", "level", "note") if item.get(key)]
    lines = [f"{pad}- {first}: {scalar(item[first])}"]
    lines += [f"{pad}  {key}: {scalar(item[key])}" for key in others]
    return "\n".join(lines) + "\n"
