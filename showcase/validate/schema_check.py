"""JSON Schema checks, translated into Chinese problems at the exact key or value.

The validator is compiled once per schema and reused for every file. Valid files take a
fast path: the schema compiled to plain Python by fastjsonschema (about fifty times
faster than jsonschema's `is_valid`, which alone would cost more than parsing the file).
Only a file that fails it pays for jsonschema's full, detailed error collection, so the
messages always come from the reference implementation. Compiling costs tens of
milliseconds a schema, more than judging a few files, so a checker's first
`_JUDGE_BEFORE_COMPILING` documents (the registries, the few files a warm build reads)
are judged by jsonschema's `is_valid` and the compiler runs only after them.
jsonschema's English messages are never shown: each keyword has its own Chinese wording,
built from the schema's ``title``, ``description``, ``x-enum-labels`` and
``x-pattern-hint``. A property the schema forbids (``"name": false``, usually in the
``then`` branch of an ``if``) takes its rule id, message and hint from the schema that
forbids it (``x-rule``, ``errorMessage``, ``x-hint``); ``errorMessage`` is also what VS
Code's YAML extension shows at that key. Branch errors are dropped while a value the
``if`` looks at has the wrong type: fixing the type comes first, and the branch taken may
change.

Example::

    checker = SchemaChecker.from_file(layout.schema("project"))
    problems = checker.check(document)   # [] when the file matches the schema
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from showcase.load.yamlfile import Document, JsonPath
from showcase.problems import Problem
from showcase.validate.ecma_regex import ecma_schema
from showcase.validate.labels import (
    closest,
    field_label,
    schema_node,
    show_value,
    type_label,
    value_type_label,
)
from showcase.validate.wording import LIST_SEPARATOR, phrase, wording

TYPE_HINTS = {
    "array": "列表的每一项单独写一行，以「- 」开头并对齐。",
    "object": "在下一行缩进两个空格，逐项写「字段名: 值」。",
    "string": '全是数字、像 true/null 或以特殊符号开头的文字，请用英文引号括起来，例如 "2024"。',
    "boolean": "写 true（是）或 false（否）。",
    "number": "只写数字，不加单位、逗号或引号，例如 500000。",
    "integer": "只写整数，不加单位、逗号或引号。",
}
URL_PATTERN_PREFIX = "^https?://"
"""A pattern starting so is a link: another scheme is refused as ``link.scheme``."""
LINK_SCHEMES = ("http", "https")
SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")
"""The scheme a link is written with (its ECMAScript twin is in the form specification)."""


class SchemaChecker:
    """One compiled schema; `check` turns its errors into problems."""

    def __init__(self, schema: dict[str, Any], *, meta_checked: bool = False):
        """`meta_checked`: the schema is known to pass the meta-schema (0.01–0.1 s a
        schema to check again); see `from_text`."""
        if not meta_checked:
            Draft202012Validator.check_schema(schema)
        self.schema = schema
        self._ecma = ecma_schema(schema)  # patterns with ECMAScript semantics, for both validators
        self._validator = Draft202012Validator(self._ecma)
        self._judged = 0

    @functools.cached_property
    def _fast_check(self) -> Callable[[Any], Any]:
        """Compiled when first needed (0.01–0.1 s a schema): see `check`."""
        return _compile_fast(self._ecma)

    @classmethod
    def from_file(cls, path: Path) -> SchemaChecker:
        """The checker for a schema file; compiled once per distinct schema text."""
        return cls.from_text(path.read_text(encoding="utf-8"))

    @classmethod
    def from_text(cls, text: str, *, meta_checked: bool = False) -> SchemaChecker:
        """The checker for a schema's text, made once per distinct text in a process.

        `meta_checked` skips the meta-schema check: only for a text that this very code
        checked before, which a build learns from its validation cache (entries written
        for exactly these schema files' bytes, `ValidationCache.prepare`). ``invoke
        validate`` and ``check-pr`` read no cache, so they always check."""
        kept = _checkers.get(text)
        if kept is None:
            kept = _checkers[text] = cls(json.loads(text), meta_checked=meta_checked)
            while len(_checkers) > _KEEP_CHECKERS:
                del _checkers[next(iter(_checkers))]
        return kept

    def check(self, document: Document) -> list[Problem]:
        """Every schema problem in `document`, or [] when it is valid."""
        broken_lines = self._single_line(document) if document.multiline else {}
        problems = list(broken_lines.values())
        if self._judged < _JUDGE_BEFORE_COMPILING:
            # The first few documents (a registry, the files a warm build re-reads) are
            # judged by jsonschema, a millisecond each, instead of compiling (tens of
            # milliseconds). When jsonschema finds no error, the full check below would
            # find none either, so the answer is the same as ever.
            self._judged += 1
            if self._validator.is_valid(document.data):
                return problems
        try:
            self._fast_check(document.data)
            return problems
        except fastjsonschema.JsonSchemaException:
            pass
        errors = list(self._validator.iter_errors(document.data))
        mistyped = {tuple(e.absolute_path) for e in errors if e.validator == "type"}
        errors = [e for e in errors if not self._condition_unclear(e, mistyped)]
        forbidden: dict[JsonPath, Problem] = {}
        for error in errors:
            if error.schema is False:
                forbidden |= self._forbidden(error, document)
        # A forbidden key's own message says all there is to say about its value.
        problems = [p for path, p in broken_lines.items() if not _under(path, forbidden)]
        problems += forbidden.values()
        reported = document.refused | broken_lines.keys()
        seen_required: set[JsonPath] = set()
        for error in errors:
            path: JsonPath = tuple(error.absolute_path)
            if path in reported or _under(path, forbidden):
                continue  # the loader or the line-break check already said what is wrong
            if error.schema is False:
                if not self._forbidden(error, document):
                    problems += _other(error, document, path)
                continue
            if error.validator != "type" and path in mistyped:
                continue  # "should be a list" says it all; skip its follow-on complaints
            if error.validator == "required":
                if path not in seen_required:
                    seen_required.add(path)
                    problems += _required(error, document, path, self._object_schema(error))
                continue
            translate = _TRANSLATORS.get(str(error.validator), _other)
            problems.extend(translate(error, document, path))
        return problems

    def _node(self, schema_path: list[Any]) -> Any:
        node: Any = self.schema
        for part in schema_path:
            node = node[part]
        return node

    def _branch_holder(self, error: ValidationError) -> dict[str, Any] | None:
        """The schema whose ``if`` chose the ``then``/``else`` branch `error` comes from."""
        parts = list(error.absolute_schema_path)
        for index in range(len(parts) - 1, -1, -1):
            if parts[index] in ("then", "else"):
                holder = self._node(parts[:index])
                if isinstance(holder, dict) and "if" in holder:
                    return holder
        return None

    def _object_schema(self, error: ValidationError) -> dict[str, Any]:
        """The schema of the object `error` is about (a branch's `required` has no properties)."""
        if isinstance(error.schema, dict) and "properties" in error.schema:
            return error.schema
        return self._branch_holder(error) or {}

    def _condition_unclear(self, error: ValidationError, mistyped: set[JsonPath]) -> bool:
        """True for a branch error while a value its ``if`` tests has the wrong type.

        The type error is reported anyway, and once it is fixed the other branch may apply.
        """
        holder = self._branch_holder(error)
        if holder is None:
            return False
        at = _object_path(error)
        return any((*at, key) in mistyped for key in holder["if"].get("properties", {}))

    def _forbidden(self, error: ValidationError, document: Document) -> dict[JsonPath, Problem]:
        """The keys a ``false`` property schema refuses, worded by the schema refusing them.

        {} for a ``false`` schema elsewhere (``patternProperties``, ``prefixItems``…): the
        generic wording covers those, and our schemas have none.
        """
        parts = list(error.absolute_schema_path)
        if parts and parts[-1] != "properties":
            parts.pop()
        if not parts or parts[-1] != "properties":
            return {}
        holder = self._node(parts[:-1])
        at = _object_path(error)
        value = _value_at(document.data, at)
        titles = self._object_schema(error).get("properties", {})
        found = {}
        for key, sub in holder["properties"].items():
            if sub is False and isinstance(value, dict) and key in value:
                path = (*at, key)
                found[path] = _problem(
                    document,
                    path,
                    holder.get("x-rule", "schema.forbidden"),
                    field_label(path, titles.get(key, {}).get("title", "")),
                    holder.get("errorMessage", f"这里不能写 {key}。"),
                    holder.get("x-hint", f"删除 {key} 这一行。"),
                    at_key=True,
                )
        return found

    def _single_line(self, document: Document) -> dict[JsonPath, Problem]:
        """Tabs and line breaks are for Markdown fields; anywhere else they are a mistake.

        A Markdown field says so with ``contentMediaType: text/markdown``. A single final
        line break (what ``summary: >`` produces) is left to the field's pattern.
        """
        problems = {}
        for path in document.multiline:
            node = schema_node(self.schema, path)
            if node.get("type") != "string" or node.get("contentMediaType") == "text/markdown":
                continue
            value = _value_at(document.data, path)
            what = phrase("text.single-line/tab" if "\t" in value else "text.single-line/newline")
            problems[path] = _problem(
                document,
                path,
                "text.single-line",
                field_label(path, node.get("title", "")),
                *wording("text.single-line", what=what),
            )
        return problems


def _under(path: JsonPath, keys: Mapping[JsonPath, object]) -> bool:
    """True when `path` is one of `keys` or lies inside one of them."""
    return any(path[: len(key)] == key for key in keys)


def _object_path(error: ValidationError) -> JsonPath:
    """Where the object `error` is about sits in the document.

    jsonschema 4.x reports a ``false`` property schema at the enclosing object, without the
    key (its schema path ends in ``properties``); should it ever add the key, drop it here.
    """
    path: JsonPath = tuple(error.absolute_path)
    if error.schema is False and error.absolute_schema_path[-1] != "properties":
        return path[:-1]
    return path


def _value_at(data: Any, path: JsonPath) -> Any:
    for part in path:
        data = data[part]
    return data


_JUDGE_BEFORE_COMPILING = 16
"""Documents a checker judges with jsonschema before it compiles the fast validator."""
_KEEP_CHECKERS = 32
_checkers: dict[str, SchemaChecker] = {}
"""Schema text → its checker, the newest `_KEEP_CHECKERS` texts (a long preview may see
many versions of a schema)."""


def _compile_fast(schema: dict[str, Any]) -> Callable[[Any], Any]:
    """fastjsonschema's draft-7 compiler; our schemas use only keywords draft 7 shares.

    `use_default=False` matters: otherwise it writes defaults into the data it checks.
    """
    draft7 = {key: value for key, value in schema.items() if key != "$schema"}
    draft7["$schema"] = "http://json-schema.org/draft-07/schema#"
    return fastjsonschema.compile(draft7, use_default=False)


def _problem(
    document: Document,
    path: JsonPath,
    rule: str,
    field: str,
    message: str,
    hint: str,
    *,
    at_key: bool = False,
) -> Problem:
    line, column = document.key_position(path) if at_key else document.position(path)
    return Problem(document.path, line, column, rule=rule, field=field, message=message, hint=hint)


def _title_label(error: ValidationError, path: JsonPath) -> str:
    return field_label(path, error.schema.get("title", ""))


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _required(
    error: ValidationError, document: Document, path: JsonPath, object_schema: dict[str, Any]
) -> Iterator[Problem]:
    properties = object_schema.get("properties", {})
    for name in error.validator_value:
        if name in error.instance:
            continue
        sub = properties.get(name, {})
        description = sub.get("description", "")
        yield _problem(
            document,
            path,
            "schema.required",
            field_label((*path, name), sub.get("title", "")),
            *wording(
                "schema.required",
                name=name,
                title=sub.get("title") or name,
                about=f"（{description}）" if description else "。",
            ),
        )


def _unknown_field(error: ValidationError, document: Document, path: JsonPath) -> Iterator[Problem]:
    properties: dict[str, Any] = error.schema.get("properties", {})
    for key in error.instance:
        if key not in properties:
            yield unknown_field(document, (*path, key), properties)


def unknown_field(
    document: Document,
    path: JsonPath,
    properties: Mapping[str, Any],
    rule: str = "schema.unknown-field",
    allowed: str = "",
) -> Problem:
    """The problem for the key at `path` that `properties` (field name → schema, whose
    ``title`` is its Chinese name) does not have: the closest field, by name or Chinese
    name, then `allowed` (what may be written there) or else the template's fields."""
    key = str(path[-1])
    by_title = {sub.get("title"): name for name, sub in properties.items()}
    suggestion = (
        by_title.get(key)
        or closest(key, properties)
        or by_title.get(closest(key, [t for t in by_title if t]) or "")
    )
    if suggestion:
        title = properties[suggestion].get("title", "")
        hint = f"是不是想写 {suggestion}（{title}）？" + (allowed or "字段名要用英文，和模板一致。")
    else:
        hint = allowed or "删除这个字段，或改成模板里的字段：" + "、".join(properties) + "。"
    return _problem(
        document, path, rule, field_label(path), f"不认识的字段 {key}。", hint, at_key=True
    )


def _type(error: ValidationError, document: Document, path: JsonPath) -> Iterator[Problem]:
    expected = error.validator_value
    first = expected if isinstance(expected, str) else expected[0]
    yield _problem(
        document,
        path,
        "schema.type",
        _title_label(error, path),
        *wording(
            "schema.type",
            expected=type_label(expected),
            actual=value_type_label(error.instance),
            value=show_value(error.instance),
            hint=TYPE_HINTS.get(first, ""),
        ),
    )


def _enum(error: ValidationError, document: Document, path: JsonPath) -> Iterator[Problem]:
    labels: dict[str, str] = error.schema.get("x-enum-labels", {})
    values = [str(v) for v in error.validator_value]
    allowed = LIST_SEPARATOR.join(f"{v}（{labels[v]}）" if v in labels else v for v in values)
    suggestion = _closest_enum(error.instance, values, labels)
    if suggestion:
        label = labels.get(suggestion)
        hint = f"改成 {suggestion}" + (f"（{label}）" if label else "") + "：写左边的英文编号。"
    else:
        hint = "从可选值中选一个，写左边的英文编号。"
    yield _problem(
        document,
        path,
        "schema.enum",
        _title_label(error, path),
        *wording("schema.enum", value=show_value(error.instance), allowed=allowed, hint=hint),
    )


def _closest_enum(value: Any, values: list[str], labels: dict[str, str]) -> str | None:
    """`种子期` → `seed`: an exact label first, then the nearest value or label (as near as
    a typo: a far-off guess such as superstar → nursery would steer the author wrong)."""
    text = str(value).strip()
    for candidate, label in labels.items():
        if text == label:
            return candidate
    lowered = text.lower()
    if lowered in values:
        return lowered
    by_label = {label: candidate for candidate, label in labels.items()}
    match = closest(lowered, [*values, *by_label])
    if match is None:
        return None
    return by_label.get(match, match)


def _pattern(error: ValidationError, document: Document, path: JsonPath) -> Iterator[Problem]:
    label = _title_label(error, path)
    scheme = SCHEME.match(str(error.instance))
    if (
        str(error.validator_value).startswith(URL_PATTERN_PREFIX)
        and scheme
        and (scheme.group(1).lower() not in LINK_SCHEMES)
    ):
        yield _problem(
            document, path, "link.scheme", label, *wording("link.scheme", scheme=scheme.group(1))
        )
        return
    hint = error.schema.get("x-pattern-hint") or error.schema.get("description", "")
    yield _problem(
        document,
        path,
        "schema.pattern",
        label,
        *wording("schema.pattern", value=show_value(error.instance), hint=hint),
    )


def _length(error: ValidationError, document: Document, path: JsonPath) -> Iterator[Problem]:
    count, limit = len(error.instance), error.validator_value
    rule = "schema.min-length" if error.validator == "minLength" else "schema.max-length"
    key = f"{rule}/empty" if count == 0 and rule == "schema.min-length" else rule
    message, hint = wording(key, count=count, limit=limit)
    yield _problem(document, path, rule, _title_label(error, path), message, hint)


def _items(error: ValidationError, document: Document, path: JsonPath) -> Iterator[Problem]:
    count, limit = len(error.instance), error.validator_value
    rule = "schema.min-items" if error.validator == "minItems" else "schema.max-items"
    key = f"{rule}/empty" if count == 0 and rule == "schema.min-items" else rule
    message, hint = wording(key, count=count, limit=limit)
    yield _problem(document, path, rule, _title_label(error, path), message, hint)


def _unique(error: ValidationError, document: Document, path: JsonPath) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for index, item in enumerate(error.instance):
        key = json.dumps(item, sort_keys=True, ensure_ascii=False)
        if key in seen:
            yield _problem(
                document,
                (*path, index),
                "schema.unique-items",
                _title_label(error, path),
                *wording(
                    "schema.unique-items",
                    index=index + 1,
                    value=show_value(item),
                    first=seen[key] + 1,
                ),
            )
        else:
            seen[key] = index


def _range(error: ValidationError, document: Document, path: JsonPath) -> Iterator[Problem]:
    limit, value = _number(error.validator_value), _number(error.instance)
    rule = "schema.minimum"
    if error.validator not in ("minimum", "exclusiveMinimum"):
        rule = "schema.maximum"
    hint = error.schema.get("description", "") or wording("schema.range/hint")[1]
    yield _problem(
        document,
        path,
        rule,
        _title_label(error, path),
        *wording(rule, limit=limit, value=value, hint=hint),
    )


def _reserved(error: ValidationError, document: Document, path: JsonPath) -> Iterator[Problem]:
    """``not: {enum: [...]}`` marks names the site itself uses, such as ``index``."""
    yield _problem(
        document,
        path,
        "schema.reserved",
        _title_label(error, path),
        *wording(
            "schema.reserved",
            value=show_value(error.instance),
            hint=error.schema.get("x-reserved-hint", "") or wording("schema.reserved/hint")[1],
        ),
    )


def _other(error: ValidationError, document: Document, path: JsonPath) -> Iterator[Problem]:
    schema = error.schema if isinstance(error.schema, dict) else {}  # a `false` schema is a bool
    yield _problem(
        document,
        path,
        "schema.other",
        field_label(path, schema.get("title", "")),
        f"「{show_value(error.instance)}」不符合要求。",
        schema.get("description", "") or "对照模板修改。",
    )


_TRANSLATORS: dict[str, Callable[[ValidationError, Document, JsonPath], Iterator[Problem]]] = {
    "additionalProperties": _unknown_field,
    "type": _type,
    "enum": _enum,
    "pattern": _pattern,
    "minLength": _length,
    "maxLength": _length,
    "minItems": _items,
    "maxItems": _items,
    "uniqueItems": _unique,
    "minimum": _range,
    "maximum": _range,
    "exclusiveMinimum": _range,
    "exclusiveMaximum": _range,
    "not": _reserved,
}
