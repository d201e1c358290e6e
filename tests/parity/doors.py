"""The doors a project comes in by, each turned into "which rules refuse these values".

A door takes the repository it would join and a project's data (the values a person
gives it) and returns what it reports as (severity, rule id) pairs; the door accepts the
project when no pair is an error (warnings are advice). `DOORS` holds the doors that need
no browser; the browser form's door is added by tests/browser/test_parity.py. A door
answers None for values it has no way to take (``invoke new`` asks no achievement).
"""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from showcase.commands.from_issue import from_issue
from showcase.commands.new import NewOptions, check_options
from showcase.commands.validate import validate
from showcase.forms.from_issue import NO_RESPONSE, project_text
from showcase.forms.issue_form import (
    ISSUE_FIELDS,
    NOT_NAMED,
    SEPARATOR,
    IssueField,
    choices,
    field_schema,
    option,
)
from showcase.model import Model
from showcase.paths import Layout
from tests.parity.corpus import base_project


@dataclass(frozen=True)
class Repository:
    """The repository a submitted project joins, with its checked model and project schema."""

    root: Path
    model: Model
    schema: dict[str, Any]


Found = frozenset[tuple[str, str]]
"""(severity, rule id) of each problem a door reports: ``("error", "date.future")``."""
Door = Callable[[Repository, dict[str, Any]], Found | None]


def refuses(found: Found) -> bool:
    return any(severity == "error" for severity, _ in found)


def reported(output: str) -> Found:
    """What the JSON report that ends a command's `output` names."""
    start = ("\n" + output).find("\n{\n")
    assert start >= 0, f"no JSON report in: {output}"
    report, _ = json.JSONDecoder().raw_decode(output[start:])
    return frozenset((p["severity"], p["rule"]) for p in report["problems"])


def validate_door(repository: Repository, data: dict[str, Any]) -> Found:
    """``invoke validate FILE``: the file written where the form says it goes, then checked."""
    target = Layout(repository.root).project_file(data["college"], data["id"])
    assert not target.exists(), f"{target} would replace a project of the repository"
    target.write_text(project_text(data), encoding="utf-8")
    output = io.StringIO()
    try:
        with contextlib.redirect_stdout(output):
            code = validate(repository.root, [str(target)], "json")
    finally:
        target.unlink()
    found = reported(output.getvalue())
    assert (code == 0) == (not refuses(found)), output.getvalue()
    return found


def issue_door(repository: Repository, data: dict[str, Any]) -> Found:
    """``invoke from-issue --body FILE``: the issue body the forge's form would produce."""
    body = repository.root / "build" / "parity-issue.md"
    body.parent.mkdir(parents=True, exist_ok=True)
    body.write_text(issue_body(repository, data), encoding="utf-8")
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        code = from_issue(repository.root, str(body), write=False, fmt="json")
    found = reported(output.getvalue())
    assert (code == 0) == (not refuses(found)), output.getvalue()
    return found


NEW_ASKS = frozenset(
    {"college", "id", "name", "level", "stage", "status", "fields", "summary", "started"}
    | {"mentors", "team"}
)
"""What ``invoke new`` asks; the rest (achievements, links…) is added to the file later."""


def new_door(repository: Repository, data: dict[str, Any]) -> Found | None:
    """``invoke new --yes`` with options: the same values, typed as its options take them.

    Only errors are compared (``new`` refuses or writes; it gives no advice), and only a
    project whose every other field is the good project's, since ``new`` never asks them.
    """
    base = base_project()
    others = (set(data) | set(base)) - NEW_ASKS
    if any(data.get(key) != base.get(key) for key in others):
        return None
    members = data.get("team") or []
    if any("name" not in m and m.get("public", True) is not False for m in members):
        return None
    options = NewOptions(
        college=data.get("college", ""),
        id=data.get("id", ""),
        name=data.get("name", ""),
        level=data.get("level", ""),
        stage=data.get("stage", ""),
        status=data.get("status", ""),
        fields=",".join(data.get("fields") or []),
        summary=data.get("summary", ""),
        started=str(data.get("started", "")),
        mentors=",".join(data.get("mentors") or []),
        members=tuple(
            _member(m, named=True) for m in members if m.get("public", True) is not False
        ),
        hidden_members=tuple(
            _member(m, named=False) for m in members if m.get("public", True) is False
        ),
    )
    _, refusals = check_options(repository.root, options)
    return frozenset(("error", refusal.rule) for refusal in refusals)


def _member(member: dict[str, Any], named: bool) -> str:
    parts = [member.get("name", "") if named else ""]
    parts += [str(member.get(key, "")) for key in ("role", "major", "grade")]
    while parts and parts[-1] == "":
        parts.pop()
    return ":".join(parts)


DOORS: dict[str, Door] = {"validate": validate_door, "from-issue": issue_door, "new": new_door}


def issue_body(repository: Repository, data: dict[str, Any]) -> str:
    """The body GitHub renders from the issue form when `data` is typed into it."""
    sections = []
    for field in ISSUE_FIELDS:
        label = field_schema(repository.schema, field)["title"]
        value = (
            (data.get("links") or {}).get(field.key)
            if field.kind == "link"
            else data.get(field.key)
        )
        text = NO_RESPONSE if value in (None, "", []) else _answer(repository, field, value)
        sections.append(f"### {label}\n\n{text}\n")
    return "\n".join(sections)


def _answer(repository: Repository, field: IssueField, value: Any) -> str:
    if field.kind in ("choice", "choices"):
        labels = dict(choices(repository.schema, repository.model, field.key))
        chosen = value if isinstance(value, list) else [value]
        return ", ".join(option(item, labels.get(item, item)) for item in chosen)
    if field.kind == "list":
        return "、".join(value)
    if field.kind == "records":
        return "\n".join(_record(field, record) for record in value)
    return str(value).rstrip("\n")


def _record(field: IssueField, record: dict[str, Any]) -> str:
    cells = {**record}
    if field.key == "team" and record.get("public") is False:
        cells["name"] = NOT_NAMED
    return f" {SEPARATOR} ".join(str(cells.get(column, "")) for column in field.columns)
