"""Invisible characters that have no place in the data, found at their exact line and column.

Refused everywhere in a file, values, keys and comments alike (``load.control-character``):

* C0 control characters except tab and line feed (a carriage return only as part of CRLF),
  DEL and the C1 controls (U+0080–U+009F, including NEL, which YAML 1.1 reads as a line
  break);
* bidirectional controls: embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069
  and the marks U+200E, U+200F, U+061C. They make text (or a diff under review) display in
  another order than it is stored: the "Trojan Source" trick, so comments are no exception;
* the line and paragraph separators U+2028/U+2029, which some readers count as line
  breaks and others do not, and lone surrogates or the non-characters U+FFFE/U+FFFF;
* characters that show as nothing while carrying text: the tag characters
  U+E0000–U+E007F (a hidden ASCII message), the Hangul fillers U+115F, U+1160, U+3164
  and U+FFA0 (blank "letters" that pass for a name), the Mongolian vowel separator U+180E,
  and the private-use areas (U+E000–U+F8FF and planes 15–16), whose glyphs no font on a
  visitor's phone agrees on.

They are found in every spelling: the raw character; a double-quoted YAML escape
(``"\\x07"``, ``"\\e"``, ``"\\u202e"``), reported at its backslash; and an HTML character
reference (``&#x202E;``, ``&rlm;``), which Markdown would turn into the character. A
message names the character by code point and never repeats the text around it.

Example::

    hidden_characters("name: a\\u202eb\\n", "p.yaml")   # one Problem at 1:8, U+202E
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from showcase.problems import Problem

_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_OTHER = "\u2028\u2029\ud800-\udfff\ufffe\uffff"
_INVISIBLE = "\U000e0000-\U000e007f\u115f\u1160\u3164\uffa0\u180e\ue000-\uf8ff\U000f0000-\U0010ffff"
_FORBIDDEN = re.compile(f"[{_CONTROLS}{_BIDI}{_OTHER}{_INVISIBLE}]")
_LONE_CR = re.compile("\r(?!\n)")
"""In a file's text a CR is fine only as half of a CRLF line end."""
FORBIDDEN_IN_VALUE = re.compile(f"[{_CONTROLS}{_BIDI}{_OTHER}{_INVISIBLE}\r]")
"""In a decoded value: YAML has turned line ends into LF, so any CR came from an escape."""

_REFERENCE = re.compile(r"&(?:#[xX]([0-9a-fA-F]{1,8})|#([0-9]{1,10})|(lrm|rlm|LRM|RLM));?")
_ESCAPE = re.compile(r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", re.DOTALL)
_SHORT_ESCAPES = {
    "0": "\x00",
    "a": "\x07",
    "b": "\x08",
    "v": "\x0b",
    "f": "\x0c",
    "r": "\r",
    "e": "\x1b",
    "N": "\x85",
    "L": "\u2028",
    "P": "\u2029",
}
MAX_REPORTED = 10
"""A binary file full of NULs gets ten exact positions and one line counting the rest."""


def hidden_characters(text: str, display_path: str, line_offset: int = 0) -> list[Problem]:
    """Every forbidden character in `text`, raw or as an HTML reference, at its position.

    `line_offset` is added to every line (front matter that starts below line 1).
    """
    found = []
    if _FORBIDDEN.search(text):  # one pass with no match is the common case
        found += [(match.start(), match.group(), "") for match in _FORBIDDEN.finditer(text)]
    if "\r" in text:
        found += [(match.start(), "\r", "") for match in _LONE_CR.finditer(text)]
    if "&" in text:
        found += [(start, char, "reference") for start, char in _references(text)]
    found.sort()
    problems = [
        _problem(display_path, *_line_column(text, start, line_offset), char, spelling)
        for start, char, spelling in found[:MAX_REPORTED]
    ]
    if len(found) > MAX_REPORTED:
        problems.append(
            Problem(
                display_path,
                0,
                0,
                rule="load.control-character",
                message=f"另有 {len(found) - MAX_REPORTED} 处类似的不可见字符未逐一列出。",
                hint="这个文件可能不是文本文件，或整段是从别处复制来的：请重新输入这些内容。",
            )
        )
    return problems


def escaped_characters(
    source: str, value: str, display_path: str, line: int, column: int
) -> list[Problem]:
    """Forbidden characters a double-quoted scalar spells as escapes or references.

    `source` is the scalar as written (quotes included), starting at `line`:`column`;
    `value` is what it decodes to. Each escape is reported at its backslash.
    """
    problems = []
    for match in _ESCAPE.finditer(source):
        char = _decode_escape(match.group())
        if char and FORBIDDEN_IN_VALUE.fullmatch(char):
            problems.append(
                _problem(display_path, *_shifted(source, match.start(), line, column), char, "\\")
            )
    if not problems and "&" in value:
        problems = [
            _problem(display_path, line, column, char, "reference")
            for _, char in _references(value)
        ]
    return problems


def _references(text: str) -> Iterator[tuple[int, str]]:
    for match in _REFERENCE.finditer(text):
        hex_digits, decimal, name = match.groups()
        if name:
            char = html.unescape(f"&{name.lower()};")
        else:
            code = int(hex_digits, 16) if hex_digits else int(decimal)
            char = chr(code) if code <= 0x10FFFF else "\ufffe"
        if FORBIDDEN_IN_VALUE.fullmatch(char):
            yield match.start(), char


def _decode_escape(escape: str) -> str:
    body = escape[1:]
    if body[0] in "xuU" and len(body) > 1:
        code = int(body[1:], 16)
        return chr(code) if code <= 0x10FFFF else ""
    return _SHORT_ESCAPES.get(body, "")


def _line_column(text: str, index: int, line_offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line + line_offset, index - (text.rfind("\n", 0, index) + 1) + 1


def _shifted(source: str, index: int, line: int, column: int) -> tuple[int, int]:
    """The position of `source[index]` when `source` starts at `line`:`column`."""
    breaks = source.count("\n", 0, index)
    if not breaks:
        return line, column + index
    return line + breaks, index - source.rfind("\n", 0, index)


def _problem(display_path: str, line: int, column: int, char: str, spelling: str) -> Problem:
    kind, effect = _kind(char)
    written = {"\\": "用转义写成的", "reference": "用 HTML 字符引用写成的"}.get(spelling, "")
    return Problem(
        display_path,
        line,
        column,
        rule="load.control-character",
        message=f"这里有{written}不可见的{kind} U+{ord(char):04X}{effect}，数据里不允许出现。",
        hint=_HINTS.get(spelling, _RAW_HINT),
    )


def _kind(char: str) -> tuple[str, str]:
    """The character's kind and, where it is not obvious, why it is dangerous."""
    if re.fullmatch(f"[{_BIDI}]", char):
        return "双向文本控制符", "（它会让文字显示的顺序与实际顺序不同）"
    if char in "\u2028\u2029\x85\r":
        return "特殊换行符", "（不同工具对它是否换行的理解不一致）"
    if re.fullmatch(f"[{_CONTROLS}]", char):
        return "控制字符", ""
    if re.fullmatch(f"[{_INVISIBLE}]", char):
        return (
            "隐形或私用区字符",
            "（它在页面上显示为空白或各处显示不一，可用来藏字或冒充空白的姓名）",
        )
    return "非法字符", ""


_RAW_HINT = (
    "删除这个字符：它多半是复制粘贴带进来的，肉眼看不见。"
    "在编辑器里打开“显示不可见字符”后删除，或把这一段重新手动输入。"
)
_HINTS = {
    "\\": "删除这个反斜杠转义（形如 \\u202e、\\x07、\\e），只写普通文字。",
    "reference": "删除这个字符引用（形如 &#x202E; 或 &rlm;），只写普通文字。",
}
