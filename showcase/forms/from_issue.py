"""A submitted issue form back into a project file (``invoke from-issue``).

GitHub renders an issue form as ``### 标签`` sections, each followed by the answer
(``_No response_`` when left empty; a multi-select as ``a, b``). Each section is read
back through `ISSUE_FIELDS` (`read_issue`), the file is written in the house style with
the schema header (`project_text`), and then checked by the real validator in a temporary
overlay of the repository (`validate_in_overlay`, so references and id uniqueness are
still checked). Problems in the issue text itself (an unknown option, a record line with
too few columns, an id that is no safe file name) name the body file and its line. A team
line whose name column says `NOT_NAMED` becomes a member with ``public: false`` and no
name. `showcase.commands.from_issue` prints the result and writes the file.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from showcase.forms.issue_form import (
    ISSUE_FIELDS,
    NOT_NAMED,
    SEPARATOR,
    IssueField,
    field_schema,
)
from showcase.load.files import walk_files
from showcase.paths import SCHEMA_HEADER, Layout
from showcase.problems import Problem, has_errors, sort_problems
from showcase.validate.ecma_regex import to_python
from showcase.validate.repository import validate_repository
from showcase.validate.result import ValidationResult
from showcase.yamltext import to_yaml

_HEADING = re.compile(r"^###\s+(.+?)\s*$")
_SAFE_NAME = "^[a-z0-9]+(-[a-z0-9]+)*$"
"""What an id or college must look like if the schema ever stops saying so itself."""
_OPTION_ID = re.compile(r"（([a-z0-9]+(?:-[a-z0-9]+)*)）\s*$")
_WORDS = re.compile(r"\s*[,，、;；]\s*")
NO_RESPONSE = "_No response_"


def read_issue(
    body: str, display: str, schema: dict[str, Any]
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The project data of an issue body, or None and why (sorted) it cannot become a file.

    The id and college must be present and safe path parts (`unsafe_path_parts`) before
    any path is built from them.
    """
    data, problems = parse_issue(body, display, schema)
    if not has_errors(problems) and "id" in data and "college" in data:
        problems += unsafe_path_parts(body, display, data, schema)
    if has_errors(problems) or "id" not in data or "college" not in data:
        return None, sort_problems(
            problems
            or [
                Problem(
                    display,
                    rule="issue.incomplete",
                    message="议题缺少项目编号或所属学院，无法生成文件。",
                    hint="在议题里补上「项目编号」和「所属学院」。",
                )
            ]
        )
    return data, problems


def project_text(data: dict[str, Any]) -> str:
    """The project file as the form writes it: the schema header, then the data."""
    return SCHEMA_HEADER + "\n" + to_yaml(data)


def parse_issue(
    body: str, display: str, schema: dict[str, Any]
) -> tuple[dict[str, Any], list[Problem]]:
    """The project data an issue body describes, in schema order, and what could not be read."""
    sections = _sections(body)
    by_label = {field_schema(schema, field)["title"]: field for field in ISSUE_FIELDS}
    values: dict[str, Any] = {}
    links: dict[str, str] = {}
    problems: list[Problem] = []
    for label, (line, text) in sections.items():
        field = by_label.get(label)
        if field is None or not text:
            continue
        reader = _Reader(display, line, field, field_schema(schema, field), problems)
        value = reader.read(text)
        if value in (None, "", []):
            continue
        if field.kind == "link":
            links[field.key] = value
        else:
            values[field.key] = value
    if links:
        values["links"] = links
    ordered = {key: values[key] for key in schema["properties"] if key in values}
    return ordered, problems


def _sections(body: str) -> dict[str, tuple[int, str]]:
    """``### label`` → (line of the first answer line, answer text)."""
    sections: dict[str, tuple[int, list[str]]] = {}
    current: list[str] | None = None
    for number, line in enumerate(body.replace("\r\n", "\n").split("\n"), start=1):
        heading = _HEADING.match(line)
        if heading:
            current = []
            sections[heading.group(1)] = (number + 1, current)
        elif current is not None:
            current.append(line)
    result = {}
    for label, (line, lines) in sections.items():
        while lines and not lines[0].strip():
            lines.pop(0)
            line += 1
        text = "\n".join(lines).strip()
        result[label] = (line, "" if text == NO_RESPONSE else text)
    return result


class _Reader:
    """Reads one section's answer into the value the schema expects."""

    def __init__(
        self,
        display: str,
        line: int,
        field: IssueField,
        schema: dict[str, Any],
        problems: list[Problem],
    ):
        self.display, self.line, self.field, self.schema = display, line, field, schema
        self.problems = problems

    def read(self, text: str) -> Any:
        kind = self.field.kind
        if kind in ("text", "link"):
            return " ".join(text.split())
        if kind == "long":
            return text + "\n" if self.field.key == "description" else " ".join(text.split())
        if kind == "list":
            return [word for word in _WORDS.split(text) if word]
        if kind == "choice":
            return self._choice(text, self.schema)
        if kind == "choices":
            items = self.schema.get("items", {})
            chosen = (self._choice(part, items) for part in text.split(", ") if part.strip())
            return [value for value in chosen if value]
        return self._records(text)

    def _choice(self, text: str, sub: dict[str, Any], line: int | None = None) -> str | None:
        text = text.strip()
        match = _OPTION_ID.search(text)
        if match:
            return match.group(1)
        labels = {label: value for value, label in sub.get("x-enum-labels", {}).items()}
        if text in labels or text in sub.get("enum", ()):
            return labels.get(text, text)
        self._problem(
            line or self.line, f"「{text}」不是可选项。", "从议题表单的下拉列表里选择，不要手写。"
        )
        return None

    def _records(self, text: str) -> list[dict[str, Any]]:
        items = self.schema["items"]
        records = []
        for offset, raw in enumerate(text.split("\n")):
            if not raw.strip():
                continue
            line = self.line + offset
            cells = [cell.strip() for cell in raw.strip().strip(SEPARATOR).split(SEPARATOR)]
            most = len(self.field.columns)
            if len(cells) > most:
                self._problem(
                    line,
                    f"这一行有 {len(cells)} 栏，最多 {most} 栏。",
                    f"每行按顺序写 {most} 栏，用 {SEPARATOR} 隔开。",
                )
                continue
            record: dict[str, Any] = {}
            for column, cell in zip(self.field.columns, cells, strict=False):
                if not cell:
                    continue
                sub = items["properties"][column]
                if "enum" in sub:
                    value = self._choice(cell, sub, line)
                    if value:
                        record[column] = value
                elif sub.get("type") == "number":
                    record[column] = _number(cell)
                else:
                    record[column] = cell
            if self.field.key == "team" and NOT_NAMED in record.get("name", ""):
                if record["name"] != NOT_NAMED:
                    self._problem(
                        line,
                        f"姓名一栏除了「{NOT_NAMED}」还写了别的字。",
                        f"不公开姓名的成员，姓名一栏只写「{NOT_NAMED}」三个字，不要写姓名："
                        "仓库和议题都是公开的，写在这里就已经公开了。",
                    )
                    continue
                del record["name"]
                record["public"] = False
            records.append(record)
        return records

    def _problem(self, line: int, message: str, hint: str) -> None:
        self.problems.append(
            Problem(
                self.display,
                line,
                1,
                rule="issue.unreadable",
                field=f"{self.field.key}（{self.schema.get('title', '')}）",
                message=message,
                hint=hint,
            )
        )


def _number(cell: str) -> float | int | str:
    """``50,000`` → 50000; anything else stays text, and the schema says why it is wrong."""
    cleaned = cell.replace(",", "").replace("，", "")
    try:
        number = float(cleaned)
    except ValueError:
        return cell
    return int(number) if number.is_integer() else number


def unsafe_path_parts(
    body: str, display: str, data: dict[str, Any], schema: dict[str, Any]
) -> list[Problem]:
    """The id and college become a path: each must match its schema pattern first.

    Checked before any path is built, so ``../../x``, ``/abs``, ``a/b`` or a look-alike
    letter can never name a file outside ``projects/<college>/``. The rule id is the one
    the validator gives the value (``schema.pattern``…), so every door agrees; the value
    is not repeated in the message (it may hold anything, control characters included).
    """
    lines = {label: line for label, (line, _) in _sections(body).items()}
    problems = []
    for key in ("id", "college"):
        sub = schema["properties"][key]
        rule = _broken_rule(data[key], sub)
        if rule is None:
            continue
        problems.append(
            Problem(
                display,
                lines.get(sub["title"], 0),
                1 if sub["title"] in lines else 0,
                rule=rule,
                field=f"{key}（{sub['title']}）",
                message=f"{sub['title']}格式不对，无法用它生成文件路径。",
                hint=(sub.get("x-pattern-hint") or sub.get("description", ""))
                + (
                    f"，{sub['minLength']}–{sub['maxLength']} 个字符。"
                    if "maxLength" in sub
                    else "。"
                ),
            )
        )
    return problems


def _broken_rule(value: Any, schema: dict[str, Any]) -> str | None:
    """The rule the validator would give `value` (the same id at every door), or None."""
    if not isinstance(value, str):
        return "schema.type"
    if len(value) < schema.get("minLength", 0):
        return "schema.min-length"
    if len(value) > schema.get("maxLength", len(value)):
        return "schema.max-length"
    if not re.search(to_python(schema.get("pattern", _SAFE_NAME)), value):
        return "schema.pattern"
    return None


def validate_in_overlay(
    layout: Layout, target: Path, text: str, today: datetime.date | None = None
) -> ValidationResult:
    """Validate the file as if it were in the repository, without touching its data.

    The overlay is a scratch folder inside the repository's build/ (nothing is written
    outside the repository, not even a temporary file). It holds hard links to (or,
    where the file system has none, copies of) content/, schemas/ and every project
    file, never symlinks, so references and id uniqueness are checked against the real
    data by the same rules that refuse symlinks.
    """
    layout.build_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="from-issue-", dir=layout.build_dir) as temporary:
        overlay = Layout(Path(temporary))
        sources = [
            *walk_files(layout.content_dir)[0],
            *walk_files(layout.schemas_dir)[0],
            *layout.project_files(),
        ]
        for source in sources:
            _link_or_copy(source, overlay.root / source.relative_to(layout.root))
        placed = overlay.root / target.relative_to(layout.root)
        placed.parent.mkdir(parents=True, exist_ok=True)
        placed.write_text(text, encoding="utf-8")
        return validate_repository(overlay, [placed], today)


def _link_or_copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        shutil.copyfile(source, target, follow_symlinks=False)
