"""Schema ``pattern``s read as ECMA-262 regular expressions, as JSON Schema specifies.

Python's `re` and ECMAScript disagree on small things that matter for validation: in
Python ``$`` also matches before a final line break (so ``"abc\\n"`` satisfies
``^[a-z]+$``), ``.`` matches CR and U+2028, and ``\\d``, ``\\w``, ``\\s`` follow Unicode
(``\\d`` accepts full-width digits, ``\\s`` misses U+FEFF). VS Code, the browser form and
check-jsonschema all use ECMAScript semantics, so the validator must too.

`to_python` rewrites an ECMAScript pattern into a Python pattern that matches the same
strings; `ecma_schema` applies it to every ``pattern`` and ``patternProperties`` key of
a schema, which is then given to both fastjsonschema and jsonschema. The tests check the
translation against ``regress`` (the ECMAScript engine check-jsonschema uses) on every
pattern of every schema. Constructs Python cannot express (``\\p{…}``) raise ValueError,
which the schema loader reports as a broken schema.

Example::

    to_python("^[a-z]+$")    # "^[a-z]+\\\\Z"
"""

from __future__ import annotations

import re
from typing import Any

_WHITESPACE = (
    "\\t\\n\\x0b\\x0c\\r \\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
)
"""ECMAScript's WhiteSpace and LineTerminator characters: the members of ``\\s``."""
_CLASS_MEMBERS = {"d": "0-9", "w": "A-Za-z0-9_", "s": _WHITESPACE}
_OUTSIDE = {
    "d": "[0-9]",
    "D": "[^0-9]",
    "w": "[A-Za-z0-9_]",
    "W": "[^A-Za-z0-9_]",
    "s": f"[{_WHITESPACE}]",
    "S": f"[^{_WHITESPACE}]",
    "b": r"(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))",
    "B": r"(?:(?<=[A-Za-z0-9_])(?=[A-Za-z0-9_])|(?<![A-Za-z0-9_])(?![A-Za-z0-9_]))",
}
_DOT = "[^\\n\\r\\u2028\\u2029]"
_NEGATED_IN_CLASS = {
    "D": "\\x00-/:-\\U0010ffff",
    "W": "\\x00-/:-@\\[-^`{-\\U0010ffff",
    "S": "\\x00-\\x08\\x0e-\\x1f!-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027"
    "\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ufefe\\uff00-\\U0010ffff",
}
_CONTROL_ESCAPE = re.compile(r"c[A-Za-z]")
_CODE_POINT = re.compile(r"u\{([0-9a-fA-F]{1,6})\}")
_CLASS_SPECIAL = "[&~|-"
"""Characters Python treats specially (or warns about) inside a class: escaped there."""


def to_python(pattern: str) -> str:
    """The Python `re` pattern matching exactly what the ECMAScript `pattern` matches."""
    out: list[str] = []
    index, in_class, class_start = 0, False, 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            text, index = _escape(pattern, index + 1, in_class)
            out.append(text)
            continue
        if in_class:
            if char == "]" and index > class_start:
                in_class = False
                out.append("]")
            elif char == "^" and index == class_start:
                out.append("^")
                class_start += 1
            elif (
                char == "-" and class_start < index < len(pattern) - 1 and pattern[index + 1] != "]"
            ):
                out.append("-")
            else:
                out.append("\\" + char if char in _CLASS_SPECIAL or char in "$]" else char)
        elif char == "[":
            rest = pattern[index + 1 :]
            if rest.startswith("]") or rest.startswith("^]"):
                out.append("(?!)" if rest.startswith("]") else "(?s:.)")
                index += 2 if rest.startswith("]") else 3
                continue
            in_class, class_start = True, index + 1
            out.append("[")
        elif char == "$":
            out.append("\\Z")
        elif char == ".":
            out.append(_DOT)
        elif char == "(" and pattern.startswith("(?<", index) and pattern[index + 3] not in "=!":
            out.append("(?P<")
            index += 3
            continue
        else:
            out.append(char)
        index += 1
    if in_class:
        raise ValueError(f"unterminated character class in {pattern!r}")
    return "".join(out)


def _escape(pattern: str, index: int, in_class: bool) -> tuple[str, int]:
    """The Python text for the escape starting after the backslash at `index` - 1."""
    if index >= len(pattern):
        raise ValueError(f"pattern ends with a backslash: {pattern!r}")
    char = pattern[index]
    if in_class and char in _CLASS_MEMBERS:
        return _CLASS_MEMBERS[char], index + 1
    if in_class and char in _NEGATED_IN_CLASS:
        return _NEGATED_IN_CLASS[char], index + 1
    if in_class and char == "b":
        return "\\x08", index + 1
    if not in_class and char in _OUTSIDE:
        return _OUTSIDE[char], index + 1
    if control := _CONTROL_ESCAPE.match(pattern, index):
        return f"\\x{ord(control.group()[1]) % 32:02x}", index + 2
    if code := _CODE_POINT.match(pattern, index):
        return f"\\U{int(code.group(1), 16):08x}", code.end()
    if char == "k" and pattern.startswith("<", index + 1):
        end = pattern.index(">", index)
        return f"(?P={pattern[index + 2 : end]})", end + 1
    if char == "0" and not pattern[index + 1 : index + 2].isdigit():
        return "\\x00", index + 1
    if char in "pP":
        raise ValueError(f"Unicode property escapes are not supported: {pattern!r}")
    if char.isalnum() and char not in "tnvfrxuU123456789":
        raise ValueError(f"unsupported escape \\{char} in {pattern!r}")
    return "\\" + char, index + 1


def ecma_schema(schema: Any) -> Any:
    """A copy of `schema` with every ``pattern`` (and patternProperties key) translated."""
    if isinstance(schema, list):
        return [ecma_schema(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    translated: dict[str, Any] = {}
    for key, value in schema.items():
        if key == "pattern" and isinstance(value, str):
            translated[key] = to_python(value)
        elif key == "patternProperties" and isinstance(value, dict):
            translated[key] = {to_python(k): ecma_schema(v) for k, v in value.items()}
        elif key in ("enum", "const", "examples", "default"):
            translated[key] = value
        else:
            translated[key] = ecma_schema(value)
    return translated
