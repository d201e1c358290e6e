"""Markup in plain one-line fields: shown as typed, so it is almost always a slip.

Every page escapes what a file says, so ``<b>重点</b>`` in a project's name is harmless,
but the visitor sees the angle brackets; a quote or bracket in a mailbox makes an address
no mail program takes. `markup_warnings` walks a record's strings (one quick search each;
the schema is consulted only on a hit) and warns with ``text.markup``:

* an HTML tag, comment or character reference in a string field that is not Markdown
  (``contentMediaType: text/markdown``);
* in a mailbox field (one whose pattern needs an "@"), a character no plain address holds:
  quotes, angle brackets, parentheses, commas, semicolons, backslashes.

Example::

    markup_warnings(document, schema)   # [Problem(rule="text.markup", severity=WARNING …)]
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from showcase.load.yamlfile import Document, JsonPath
from showcase.problems import Problem, Severity
from showcase.validate.labels import problem_at, schema_node
from showcase.validate.wording import wording

TEXT_MARKUP = "text.markup"
_SUSPECT = re.compile(r"[<&\"'(),;\\\[\]]")
"""What any finding below starts with: most strings are passed over by this one search."""
_MARKUP = re.compile(
    r"<\s*/?\s*[A-Za-z][^<>\n]*>|<!--|&(?:#[0-9]{1,7}|#[Xx][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)
_NOT_IN_MAILBOX = re.compile(r"[\"'<>(),;\\\[\]]")


def markup_warnings(document: Document, schema: dict[str, Any]) -> list[Problem]:
    """A warning for each plain one-line string of `document` that holds markup."""
    suspects: list[tuple[JsonPath, str]] = []
    _collect(document.data, (), suspects)
    problems = []
    for path, value in suspects:
        node = schema_node(schema, path)
        if node.get("type") != "string" or node.get("contentMediaType") == "text/markdown":
            continue
        odd = _NOT_IN_MAILBOX.search(value) if "@" in node.get("pattern", "") else None
        markup = None if odd else _MARKUP.search(value)
        if odd:
            texts = wording(f"{TEXT_MARKUP}/mailbox", shown=odd.group())
        elif markup:
            texts = wording(TEXT_MARKUP, shown=markup.group())
        else:
            continue
        problem = problem_at(document, schema, path, TEXT_MARKUP, *texts)
        problems.append(dataclasses.replace(problem, severity=Severity.WARNING))
    return problems


def _collect(value: Any, path: JsonPath, out: list[tuple[JsonPath, str]]) -> None:
    if isinstance(value, str):
        if _SUSPECT.search(value):
            out.append((path, value))
    elif isinstance(value, dict):
        for key, item in value.items():
            _collect(item, (*path, key), out)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _collect(item, (*path, index), out)
