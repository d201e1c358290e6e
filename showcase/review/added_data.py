"""The personal-data scan over what a pull request adds, in every file it touches.

A file is text when its bytes are UTF-8 without NUL, never because of its extension or
what ``.gitattributes`` says (the added lines are read with ``git diff --text``). Each run
of added lines is scanned as text, with a line of context on each side so a number
broken over two lines is still whole; files the tools read as YAML (``.yaml``, ``.yml``,
``.json``, a story's front matter) are also scanned as decoded values, so an escape such
as ``"\\u0031…"`` is read as the site will show it. Only findings on added lines count:
what the base branch already holds is not this pull request's doing.

A binary file is not scanned; in a college's folder, any file that is neither a project
file nor an image is refused by the validation check-pr runs over the whole merged
repository (``file.unexpected``): a Word roster or a spreadsheet of student numbers cannot
be checked, and the repository is public.

The rules come from the base branch (its ``personal_email_domains`` and schemas), so a
pull request cannot loosen the check that judges it.

Example::

    added_personal_data(root, "origin/main", changes, project_schema)
"""

from __future__ import annotations

import dataclasses
import datetime
import json
from pathlib import Path
from typing import Any

from showcase.load.front_matter import load_front_matter
from showcase.load.source_text import SourceText
from showcase.load.yamlfile import load_yaml_bytes
from showcase.paths import PathKind, kind_of, registry_path, schema_path
from showcase.problems import Problem
from showcase.review.changes import Change, added_lines, file_at
from showcase.validate.personal_data import scan_document, scan_story, scan_text
from showcase.validate.personal_text import PersonalDataRules
from showcase.validate.registries import REGISTRIES

_DECODED_SUFFIXES = (".yaml", ".yml", ".json")


def added_personal_data(
    root: Path, base: str, changes: list[Change], project_schema: dict[str, Any]
) -> list[Problem]:
    """Personal data on the lines the pull request added; `project_schema` names the
    fields of project files."""
    site = _yaml_at(root, base, registry_path("site"))
    rules = PersonalDataRules.for_site(site, datetime.date.today())
    found: list[Problem] = []
    for change in changes:
        file = root / change.path
        if change.status == "D" or file.is_symlink() or not file.is_file():
            continue
        found += _path_findings(change, rules)
        raw = file.read_bytes()
        text = _as_text(raw)
        if text is None:
            continue
        lines = added_lines(root, base, change.path)
        if not lines:
            continue
        schema = (
            project_schema if _kind(change.path) == "project" else _schema(root, base, change.path)
        )
        problems = _text_findings(change.path, text, lines, rules)
        problems += _decoded_findings(file, change.path, text, schema, rules)
        found += _unique(p for p in problems if p.line in lines)
    return found


def _path_findings(change: Change, rules: PersonalDataRules) -> list[Problem]:
    """A file name is published like the file (``projects/x/13812345678.yaml``)."""
    if change.status not in ("A", "R"):
        return []
    return [
        dataclasses.replace(problem, line=0, column=0)
        for problem in scan_text(change.path, change.path, rules, field="文件名")
    ]


def _as_text(raw: bytes) -> str | None:
    """The file's text, or None for a binary file (not UTF-8, or holding NUL)."""
    if b"\0" in raw:
        return None
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None


def _text_findings(
    path: str, text: str, lines: set[int], rules: PersonalDataRules
) -> list[Problem]:
    """Each run of added lines, with one line of context on each side, scanned as text."""
    source = SourceText(text)
    starts = source.line_starts
    found: list[Problem] = []
    for first, last in _runs(sorted(line for line in lines if line <= len(starts))):
        begin = starts[max(first - 2, 0)]
        end = starts[last + 1] if last + 1 < len(starts) else len(text)
        found += scan_text(path, text[begin:end], rules, source, begin)
    return found


def _runs(lines: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for line in lines:
        if runs and line == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], line)
        else:
            runs.append((line, line))
    return runs


def _decoded_findings(
    file: Path, path: str, text: str, schema: dict[str, Any], rules: PersonalDataRules
) -> list[Problem]:
    """Values as the YAML decodes them, for the files the tools read as YAML."""
    if path.endswith(".md") and text.startswith("---"):
        document, _, _ = load_front_matter(file, path)
        return scan_story(document, schema, rules) if document else []
    if not path.endswith(_DECODED_SUFFIXES):
        return []
    document, _ = load_yaml_bytes(text.encode("utf-8"), path)
    return scan_document(document, schema, rules) if document else []


def _unique(problems: Any) -> list[Problem]:
    """One problem per spot and rule; the decoded scan's (which names the field) wins."""
    best: dict[tuple[int, int, str], Problem] = {}
    for problem in problems:
        key = (problem.line, problem.column, problem.rule)
        if key not in best or (problem.field and not best[key].field):
            best[key] = problem
    return list(best.values())


_SCHEMA_KINDS = (
    PathKind.PROJECT,
    PathKind.EVENT,
    PathKind.ROADSHOW,
    PathKind.STORY,
    PathKind.TYPICAL_CASES,
    PathKind.CALL,
    PathKind.APPLICATION,
    PathKind.CHECKPOINT,
)
"""The kinds of file whose schema is named after the kind itself."""


def _kind(path: str) -> str | None:
    """The schema kind of a repository path, or None for files without one."""
    kind = kind_of(path)
    if kind is PathKind.CASE:
        return PathKind.TYPICAL_CASES.value
    if kind is PathKind.REGISTRY:
        spec = REGISTRIES.get(path.split("/")[-1].removesuffix(".yaml"))
        return spec.kind if spec else None
    return kind.value if kind in _SCHEMA_KINDS else None


def _schema(root: Path, base: str, path: str) -> dict[str, Any]:
    """The base branch's schema for `path` (titles and contact fields), or {}."""
    kind = _kind(path)
    raw = file_at(root, base, schema_path(kind)) if kind else None
    try:
        schema = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    if isinstance(schema, dict) and kind_of(path) is PathKind.CASE:
        schema = schema.get("properties", {}).get("cases", {}).get("items", {})  # one case
    return schema if isinstance(schema, dict) else {}


def _yaml_at(root: Path, ref: str, path: str) -> Any:
    raw = file_at(root, ref, path)
    document, _ = load_yaml_bytes(raw, path) if raw is not None else (None, [])
    return document.data if document else None
