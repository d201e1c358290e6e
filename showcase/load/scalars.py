"""Plain scalars read as the YAML 1.2 core schema reads them, and refused where readers differ.

VS Code's YAML extension and check-jsonschema (the tools colleges see) read YAML 1.2, so
``yes``, ``no``, ``on``, ``off``, ``y`` and ``n`` are text and only ``true``/``false``
(``True``, ``TRUE``…) are booleans; ``1:20`` is text, ``0o17`` is 15, ``0x1F`` is 31, and
dates stay text. PyYAML reads YAML 1.1, so the loader resolves plain scalars itself with
the core schema's table below instead of PyYAML's resolver.

Some spellings are read differently by the readers a college may use: ruamel.yaml (inside
check-jsonschema) also takes ``1_000``, ``0b101``, ``-0x1F`` for numbers, reads ``.5e3``
as text and fails on a bare ``=``; a YAML 1.1 reader differs even more. Exactly where the
core schema and ruamel.yaml disagree, the spelling is refused (``load.ambiguous-scalar``)
rather than guessed. So are numbers no record can mean: NaN
and infinities (``load.non-finite-number``) and numbers beyond what JSON carries exactly,
2^53 (``load.number-out-of-range``); the schemas' own ``maximum`` bounds each field
further.

Example::

    resolve_plain("true")    # Resolved(True)
    resolve_plain("yes")     # Resolved("yes")
    resolve_plain("1_000")   # Resolved("1_000", refusal=("load.ambiguous-scalar", …))
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

MAX_EXACT_INTEGER = 2**53 - 1
"""The largest integer every JSON reader (JavaScript's Number) holds exactly."""

_NULL = frozenset(("", "~", "null", "Null", "NULL"))
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT_DECIMAL = re.compile(r"[-+]?[0-9]+")
_INT_OCTAL = re.compile(r"0o[0-7]+")
_INT_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_INFINITY = re.compile(r"[-+]?\.(?:inf|Inf|INF)")

_RUAMEL_NUMBER = re.compile(
    r"""(?=[-+0-9.])[-+]?(?:  # ruamel.yaml only tries these first characters
        0b[0-1_]+ | 0o?[0-7_]+ | [0-9_]+ | 0x[0-9a-fA-F_]+
      | [0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?
      | [0-9][0-9_]*[eE][-+]?[0-9]+
      | \.[0-9_]+(?:[eE][-+][0-9]+)?
    )""",
    re.VERBOSE,
)
"""What ruamel.yaml (check-jsonschema's reader) takes for a number in YAML 1.2 mode: also
``1_000``, ``0b101``, ``-0x1F``, which the core schema reads as text."""
_CORE_ONLY_FLOAT = re.compile(r"[-+]?\.[0-9]+[eE][0-9]+")
"""``.5e3``: a number for the core schema, text for ruamel.yaml."""
_NUMBER_START = frozenset("0123456789-+.")
_ANY_NUMBER = re.compile(
    "|".join(
        pattern.pattern
        for pattern in (_INT_DECIMAL, _INT_OCTAL, _INT_HEX, _FLOAT, _INFINITY, _CORE_ONLY_FLOAT)
    )
    + r"|\.(?:nan|NaN|NAN)|"
    + _RUAMEL_NUMBER.pattern,
    re.VERBOSE,
)
"""One pass that tells every number-like spelling (or refused one) from plain text."""
_YAML_11_INDICATORS = frozenset(("=", "<<"))
"""Plain ``=`` and ``<<`` are YAML 1.1 value and merge keys; ruamel.yaml fails on them."""

FIRST_CHARACTERS = frozenset("0123456789-+.~tTfFnN=<")
"""Every non-string plain scalar, and every refused spelling, starts with one of these."""

Refusal = tuple[str, str, str]
"""(rule, message, hint) of a scalar the loader will not accept."""


@dataclass(frozen=True)
class Resolved:
    """What a plain scalar means; a refused scalar keeps its text and says why."""

    value: Any
    refusal: Refusal | None = None


def resolve_plain(text: str) -> Resolved:
    """The YAML 1.2 core reading of the plain (unquoted, untagged) scalar `text`."""
    if text in _NULL:
        return Resolved(None)
    if text in _BOOL:
        return Resolved(_BOOL[text])
    if text[0] not in _NUMBER_START or not _ANY_NUMBER.fullmatch(text):
        return _indicator(text) if text in _YAML_11_INDICATORS else Resolved(text)
    if _INT_DECIMAL.fullmatch(text):
        return _integer(text, text.lstrip("+-").lstrip("0"), 10)
    if _INT_OCTAL.fullmatch(text):
        return _integer(text, text[2:].lstrip("0"), 8)
    if _INT_HEX.fullmatch(text):
        return _integer(text, text[2:].lstrip("0"), 16)
    if _CORE_ONLY_FLOAT.fullmatch(text) or (
        _RUAMEL_NUMBER.fullmatch(text) and not _FLOAT.fullmatch(text)
    ):
        return Resolved(text, _ambiguous_number(text))
    if _FLOAT.fullmatch(text):
        return _float(text)
    return Resolved(text, _not_finite(text))  # what _ANY_NUMBER still allows: .nan, .inf


def _indicator(text: str) -> Resolved:
    return Resolved(
        text,
        (
            "load.ambiguous-scalar",
            f"单独的「{text}」在 YAML 1.1 里是特殊符号，部分工具会读错或报错。",
            f'如果要写的就是这个符号，请用英文引号括起来："{text}"。',
        ),
    )


def _integer(text: str, digits: str, base: int) -> Resolved:
    if len(digits) > 16:  # also keeps int() away from Python's 4300-digit limit
        return Resolved(text, _out_of_range(text))
    value = int(text) if base == 10 else int(text[2:], base)
    if abs(value) > MAX_EXACT_INTEGER:
        return Resolved(text, _out_of_range(text))
    return Resolved(value)


def _float(text: str) -> Resolved:
    value = float(text)
    if not math.isfinite(value) or abs(value) > MAX_EXACT_INTEGER:
        return Resolved(text, _out_of_range(text))
    if value == 0 and any(digit in "123456789" for digit in text.split("e")[0].split("E")[0]):
        return Resolved(text, _out_of_range(text))  # 1e-400 underflows to 0
    return Resolved(value)


def _not_finite(text: str) -> Refusal:
    return (
        "load.non-finite-number",
        f"「{text}」表示“不是数字”或无穷大，不能作为数值。",
        "写一个具体的数字，例如 500000；不知道就删除这一行。",
    )


def _out_of_range(text: str) -> Refusal:
    shown = text if len(text) <= 24 else text[:23] + "…"
    return (
        "load.number-out-of-range",
        f"数字「{shown}」大得（或小得）离谱，超出了数据能准确保存的范围。",
        "检查位数和单位（例如金额以元为单位，写 3000000 而不是科学计数法）。",
    )


def _ambiguous_number(text: str) -> Refusal:
    return (
        "load.ambiguous-scalar",
        f"「{text}」在不同的 YAML 工具里读法不同（有的读成数字，有的读成文字）。",
        "数字只写阿拉伯数字和小数点（例如 1000 或 0.5，不加下划线、冒号或 0b 前缀）；"
        f'要写文字就用英文引号括起来："{text}"。',
    )
