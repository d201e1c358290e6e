"""Personal data that must never reach the public site: phones, ID-card and student numbers.

The scan reads the raw text of a file, so a number hidden in a YAML comment is caught as
surely as one in a value (comments are published too: the repository is public). One
combined regular expression finds candidates; only candidates are examined further:

* mobile numbers: ``1[3-9]`` + 9 digits, optionally ``+86``/``86`` and spaces or dashes
  (``138-1234-5678``), never part of a longer digit run. A number the YAML file holds as
  a number (``amount_cny: 13800000000``) is an amount, not a phone;
* resident ID numbers (GB 11643): 18 characters with a real birth date and a correct
  mod-11 check digit, so random 18-digit numbers are not flagged;
* student numbers: 8–12 digits right after 学号 / 学生证号 / student id.

Example::

    scan_personal_data(document, schema, today)   # [Problem(... rule="personal.phone" ...)]
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from showcase.load.yamlfile import Document, JsonPath
from showcase.problems import Problem
from showcase.validate.labels import field_label, schema_title

_CANDIDATES = re.compile(
    r"(?P<student>(?:学号|学生证号|student[ _-]?(?:id|no|number))[^\d\n]{0,8}?"
    r"(?P<student_number>(?<!\d)[A-Za-z]{0,2}\d{8,12})(?!\d))"
    r"|(?P<id_card>(?<!\d)[1-9]\d{5}(?:18|19|20)\d{9}[\dXx](?!\d))"
    r"|(?P<phone>(?<!\d)(?:(?:\+|00)?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d))",
    re.IGNORECASE,
)
_QUICK_CHECK = re.compile(r"\d{8}|\d[ -]\d{4}[ -]\d{4}")
"""Every candidate holds 8 digits in a row or a dashed phone; most files hold neither."""

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"

_WHY = "网站和数据仓库都是公开的，依照《个人信息保护法》，未经本人同意不得公开个人信息"
_PHONE_MESSAGE = f"发现手机号「{{shown}}」：{_WHY}，手机号公开后会招来骚扰和诈骗。"
_PHONE_HINT = "删除号码；对外联系统一通过学院或 contact_email（学校邮箱）。"
_ID_MESSAGE = f"发现身份证号「{{shown}}」：身份证号属于敏感个人信息，{_WHY}，泄露后无法收回。"
_ID_HINT = "删除身份证号；展示网站不需要它，报名材料请走学院的内部渠道。"
_STUDENT_MESSAGE = f"发现学号「{{shown}}」：学号能对应到具体学生，{_WHY}。"
_STUDENT_HINT = "删除学号；成员只写姓名、角色、专业和年级。"


def scan_personal_data(
    document: Document, schema: dict[str, Any], today: datetime.date
) -> list[Problem]:
    """Every phone, ID-card and student number in the file's text, comments included."""
    text = document.text
    if not _QUICK_CHECK.search(text):
        return []
    problems: list[Problem] = []
    numeric: set[tuple[int, int]] | None = None
    for match in _CANDIDATES.finditer(text):
        kind = match.lastgroup
        start = match.start("student_number") if kind == "student" else match.start()
        line = text.count("\n", 0, start) + 1
        column = start - text.rfind("\n", 0, start)
        found = match.group("student_number") if kind == "student" else match.group()
        if kind == "id_card":
            if not _is_resident_id(found, today):
                continue
            rule, message, hint = "personal.id-card", _ID_MESSAGE, _ID_HINT
        elif kind == "phone":
            if numeric is None:
                numeric = _numeric_scalar_starts(document)
            if _inside_number(text, start, line, numeric):
                continue
            rule, message, hint = "personal.phone", _PHONE_MESSAGE, _PHONE_HINT
        else:
            rule, message, hint = "personal.student-id", _STUDENT_MESSAGE, _STUDENT_HINT
        problems.append(
            Problem(
                document.path,
                line,
                column,
                rule=rule,
                field=_field_at(document, schema, text, start, line, column),
                message=message.format(shown=_mask(found, kind)),
                hint=hint,
            )
        )
    return problems


def browser_rules() -> dict[str, Any]:
    """The scan's pattern and messages for the submission form, which runs the same check.

    The pattern is rewritten to JavaScript's named-group syntax; the birth date and check
    digit of ID numbers are re-checked there with `_ID_WEIGHTS` and `_ID_CHECK_CHARS`.
    """
    return {
        "pattern": _CANDIDATES.pattern.replace("(?P<", "(?<"),
        "idWeights": list(_ID_WEIGHTS),
        "idCheckChars": _ID_CHECK_CHARS,
        "rules": {
            "phone": ["personal.phone", _PHONE_MESSAGE, _PHONE_HINT],
            "id_card": ["personal.id-card", _ID_MESSAGE, _ID_HINT],
            "student": ["personal.student-id", _STUDENT_MESSAGE, _STUDENT_HINT],
        },
    }


def _is_resident_id(number: str, today: datetime.date) -> bool:
    """GB 11643: a real birth date, not in the future, and the mod-11 check digit."""
    try:
        born = datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    if born > today:
        return False
    total = sum(int(digit) * weight for digit, weight in zip(number, _ID_WEIGHTS, strict=False))
    return _ID_CHECK_CHARS[total % 11] == number[17].upper()


def _mask(found: str, kind: str) -> str:
    """Enough to find it in the file, not enough to publish it again in a CI log."""
    digits = "".join(c for c in found if c.isalnum())
    if kind == "phone":
        digits = digits[-11:]  # without the +86 prefix
        return f"{digits[:3]}****{digits[-4:]}"
    keep = 4 if kind == "id_card" else 3
    return digits[:keep] + "*" * (len(digits) - 2 * keep) + digits[-keep:]


def _numeric_scalar_starts(document: Document) -> set[tuple[int, int]]:
    """Where the values the YAML holds as numbers (not text) begin."""
    starts = set()
    for path, position in document.value_positions.items():
        value = _lookup(document.data, path)
        if isinstance(value, int | float) and not isinstance(value, bool):
            starts.add(position)
    return starts


def _inside_number(text: str, start: int, line: int, numeric: set[tuple[int, int]]) -> bool:
    token_start = start
    while token_start > 0 and text[token_start - 1] in "0123456789+-.":
        token_start -= 1
    return (line, token_start - text.rfind("\n", 0, token_start)) in numeric


def _lookup(data: Any, path: JsonPath) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _field_at(
    document: Document, schema: dict[str, Any], text: str, start: int, line: int, column: int
) -> str:
    """The field holding the match; empty when the match sits in a comment."""
    before = text[text.rfind("\n", 0, start) + 1 : start]
    if before.lstrip().startswith("#") or " #" in before:
        return "注释"
    holder: JsonPath | None = None
    holder_position = (0, 0)
    for path, position in document.value_positions.items():
        if holder_position < position <= (line, column) and path[:1] != ("<duplicate>",):
            holder, holder_position = path, position
    if not holder:
        return ""
    return field_label(holder, schema_title(schema, holder))
