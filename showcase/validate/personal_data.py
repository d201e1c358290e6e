"""Personal data in the records: every decoded string of every record kind, and comments.

The repository and every pull-request diff are public, so a phone number, ID-card or
student number, or a personal mailbox must not appear anywhere in it. This module applies
the rules of `personal_text` to whole files and turns findings into problems pinned to
the exact line and column, named by the schema's Chinese field titles:

* every string value and mapping key as the YAML *decodes* it (``"\\u0031…"`` escapes,
  folded lines and block scalars are read as the site will show them), mapped back to
  where its characters were written (`showcase.load.source_text`);
* numbers the YAML holds as numbers are amounts, not phones (``amount_cny: 13800000000``),
  but an 18-digit ID number or the value of a field named 学号/student_id still counts;
* YAML comments (``# …``), and a story's Markdown body;
* a field whose schema says ``"x-personal-data": "institutional-contact"`` may hold an
  office phone or mailbox; ID and student numbers are refused there too.

`redact` masks personal data in any problem's text on its way out (CI logs, JSON, the
review comment), whichever rule wrote the message.

Example::

    rules = PersonalDataRules.for_site(site_data, today)
    scan_document(document, schema, rules)   # [Problem(... rule="personal.phone" ...)]
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
from typing import Any, NamedTuple

from showcase.load.source_text import SourceText
from showcase.load.yamlfile import Document, JsonPath
from showcase.problems import Problem
from showcase.validate.labels import field_label
from showcase.validate.personal_text import (
    CONTACT_ALLOWED,
    CONTACT_FIELD,
    MESSAGES,
    Finding,
    PersonalDataRules,
    find_personal_data,
    key_label,
    labelled_number,
    mask_text,
    may_hold,
)

COMMENT_FIELD = "注释"
BODY_FIELD = "正文"
_CONTACT_ALLOWED = CONTACT_ALLOWED
_NONE: frozenset[str] = frozenset()
_CONTACT_KEY, _CONTACT_VALUE = CONTACT_FIELD
_NO_NODE: dict[str, Any] = {}


class _Candidate(NamedTuple):
    """A key or scalar value that may hold personal data (most values are ruled out early)."""

    path: JsonPath
    text: str
    node: dict[str, Any]
    """Its schema node, for the field's title."""
    allowed: frozenset[str]
    label_rule: str | None = None
    """The rule a labelled field name (学号, student_id) gives its value."""
    is_key: bool = False


def scan_document(
    document: Document, schema: dict[str, Any], rules: PersonalDataRules, limit: int | None = None
) -> list[Problem]:
    """Every finding in the values, keys and comments of `document` (comments before the
    offset `limit` only: a story's front matter ends there)."""
    candidates: list[_Candidate] = []
    _collect(document.data, schema, (), _NONE, candidates)
    source = SourceText(document.text)
    problems: list[Problem] = []
    for candidate in candidates:
        findings = find_personal_data(candidate.text, rules, candidate.allowed)
        labelled = candidate.label_rule and labelled_number(candidate.text, candidate.label_rule)
        if labelled and all(f.end <= labelled.start or f.start >= labelled.end for f in findings):
            findings.append(labelled)
        if not findings:
            continue
        path = candidate.path
        at = document.key_positions.get(path) if candidate.is_key else None
        start = source.offset(*(at or document.position(path)))
        field = field_label(path, candidate.node.get("title", ""))
        for finding in findings:
            offset = source.value_offset(start, candidate.text, finding.start)
            problems.append(_problem(document.path, source.position(offset), field, finding))
    root = document.root_position()
    for offset, comment in source.comments(lambda: _starts(document, source), root, limit):
        # without its "#", which would otherwise count as a spelling of "@"
        problems += scan_text(document.path, comment[1:], rules, source, offset + 1, COMMENT_FIELD)
    return problems


def scan_story(
    document: Document, schema: dict[str, Any], rules: PersonalDataRules
) -> list[Problem]:
    """A story file: its front matter as a YAML record, its Markdown body as text."""
    source = SourceText(document.text)
    lines = document.text.split("\n")
    fences = [number for number, line in enumerate(lines) if line.strip() == "---"][:2]
    after = fences[-1] + 1 if len(fences) == 2 else 0  # the loader found both fences
    body = source.line_starts[after] if after < len(source.line_starts) else len(document.text)
    found = scan_document(document, schema, rules, limit=body)
    return found + scan_text(document.path, document.text[body:], rules, source, body, BODY_FIELD)


def scan_text(
    path: str,
    text: str,
    rules: PersonalDataRules,
    source: SourceText | None = None,
    offset: int = 0,
    field: str = "",
) -> list[Problem]:
    """Findings in plain `text`, which starts at `offset` of `source` (default: itself)."""
    source = source or SourceText(text)
    return [
        _problem(path, source.position(offset + finding.start), field, finding)
        for finding in find_personal_data(text, rules)
    ]


def redact(problem: Problem) -> Problem:
    """`problem` with personal data masked in its message, field and hint.

    Every report passes through here, so a rule that quotes the value it refuses (a
    pattern or type error) never prints a phone or ID number. Addresses are masked in
    messages whatever their domain; hints keep their example addresses.
    """
    message = mask_text(problem.message, _output_rules(any_email=True))
    field = mask_text(problem.field, _output_rules(any_email=True))
    hint = mask_text(problem.hint, _output_rules(any_email=False))
    if (message, field, hint) == (problem.message, problem.field, problem.hint):
        return problem
    return dataclasses.replace(problem, message=message, field=field, hint=hint)


def mask_output(text: str) -> str:
    """Text for a public comment or log with phone, ID and student numbers masked."""
    return mask_text(text, _output_rules(any_email=False))


@functools.lru_cache(maxsize=4096)
def _key_facts(key: str) -> tuple[bool, str | None]:
    """Whether a mapping key may hold personal data itself, and the rule it labels its
    value with (学号, student_id); keys repeat across files, so this is cached."""
    return may_hold(key), key_label(key)


@functools.cache
def _output_rules(any_email: bool) -> PersonalDataRules:
    return PersonalDataRules(datetime.date.today(), any_email=any_email)


def _collect(
    data: Any, node: Any, path: JsonPath, allowed: frozenset[str], out: list[_Candidate]
) -> None:
    """The keys and scalars under `data` that may hold personal data, with schema nodes.

    Called for every value of every file, so it rules values out as cheaply as it can:
    most strings fail `may_hold`, most numbers are amounts.
    """
    node = node if isinstance(node, dict) else _NO_NODE
    if node.get(_CONTACT_KEY) == _CONTACT_VALUE:
        allowed = _CONTACT_ALLOWED
    if isinstance(data, dict):
        properties = node.get("properties")
        properties = properties if isinstance(properties, dict) else _NO_NODE
        for key, child in data.items():
            key_holds, label_rule = _key_facts(key)
            if key_holds:
                out.append(
                    _Candidate((*path, key), key, properties.get(key) or {}, allowed, is_key=True)
                )
            if isinstance(child, str):
                if label_rule or may_hold(child):
                    _add(child, properties.get(key), (*path, key), allowed, label_rule, out)
            elif isinstance(child, dict | list):
                _collect(child, properties.get(key), (*path, key), allowed, out)
            elif _worth_a_look(child, label_rule):
                _add(child, properties.get(key), (*path, key), allowed, label_rule, out)
    elif isinstance(data, list):
        items = node.get("items")
        for index, child in enumerate(data):
            if isinstance(child, dict | list):
                _collect(child, items, (*path, index), allowed, out)
            elif may_hold(child) if isinstance(child, str) else _worth_a_look(child, None):
                _add(child, items, (*path, index), allowed, None, out)
    elif may_hold(data) if isinstance(data, str) else _worth_a_look(data, None):
        _add(data, node, path, allowed, None, out)


def _worth_a_look(value: Any, label_rule: str | None) -> bool:
    """A number is an amount, a year or a count, never a phone; it may be an ID number
    (18 digits) or the value of a labelled field."""
    if isinstance(value, bool) or not isinstance(value, int):
        return False
    return bool(label_rule) or abs(value) >= 10**16


def _add(
    value: str | int,
    node: Any,
    path: JsonPath,
    allowed: frozenset[str],
    label_rule: str | None,
    out: list[_Candidate],
) -> None:
    node = node if isinstance(node, dict) else _NO_NODE
    if node.get(_CONTACT_KEY) == _CONTACT_VALUE:
        allowed = _CONTACT_ALLOWED
    if isinstance(value, int):
        allowed = allowed | _CONTACT_ALLOWED
    out.append(_Candidate(path, str(value), node, allowed, label_rule))


def _starts(document: Document, source: SourceText) -> list[tuple[int, str]]:
    """(offset, decoded text) of every key and scalar value, for finding comments."""
    starts = [
        (source.offset(*position), str(path[-1]))
        for path, position in document.key_positions.items()
        if path
    ]
    for path, position in document.value_positions.items():
        value = _lookup(document.data, path)
        if not isinstance(value, dict | list):
            starts.append((source.offset(*position), "" if value is None else str(value)))
    return starts


def _lookup(data: Any, path: JsonPath) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _problem(path: str, at: tuple[int, int], field: str, finding: Finding) -> Problem:
    message, hint = MESSAGES[finding.rule]
    return Problem(
        path,
        *at,
        rule=finding.rule,
        field=field,
        message=message.format(shown=finding.shown),
        hint=hint,
    )
