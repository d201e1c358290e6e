"""Text folded for matching: one spelling for the many ways a digit, space or dash is written.

`fold` turns a text into a plain form a pattern can match, and keeps, for every character
of the result, the span of the original it came from, so that a finding is reported where
the author wrote it:

* Unicode NFKC, character by character (full-width ``１３８``, ``＠``, circled ``①``,
  mathematical ``𝟏``), and every other decimal digit (Arabic-Indic, Devanagari…) as its
  ASCII digit;
* Chinese numerals read digit by digit, as a phone number is read out (一三八, 幺三八,
  壹叁捌, 〇/零, 两), as ASCII digits (`NUMERALS`); positional ones (十, 百) are left alone;
* every space becomes " ", every line break "\\n", every dash "-", every dot "."; format
  characters and combining marks (zero-width space and joiners, word joiner, BOM, soft
  hyphen, bidi marks, keycaps) are dropped (`FOLD_CLASSES`);
* percent-escapes of ASCII characters (``%40`` is @, ``%20`` a space) decoded, as a
  browser or mail client decodes a link (`PERCENT_ESCAPE`);
* ``rendered=True`` reads the text as Markdown/HTML shows it: comments and tags dropped,
  entities (``&#49;``, ``&#x31;``, ``&period;``) decoded (`MARKUP`).

The submission form folds with the same tables (`browser_tables`).

Example::

    folded = fold("１３８－1&#50;34", rendered=True)
    folded.text            # "138-1234"
    folded.span(4, 6)      # (4, 10): "1&#50;" in the original
"""

from __future__ import annotations

import functools
import html
import html.entities
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

FOLD_CLASSES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("\n", ("Zl", "Zp"), "\n\r\x0b\x0c\x85"),
    (" ", ("Zs",), "\t"),
    ("-", ("Pd",), "\u2212\u2043\u02d7\u2796\ufe63"),
    (".", (), ".\u00b7\u2022\u2027\u2219\u22c5\u30fb\u3002\u2e31"),
    ("", ("Cf", "Mn", "Me"), "\u115f\u1160\u3164\uffa0"),
)
"""(replacement, Unicode categories, extra characters): the first class that holds a
character (after NFKC) replaces it."""
MARKUP = (
    r"<!--[\s\S]*?(?:-->|(?![\s\S]))|</?[A-Za-z][^<>]*>"
    r"|&(?:#[0-9]{1,7};?|#[Xx][0-9A-Fa-f]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};)"
)
"""HTML comments, tags and entities (valid in Python and, with the u flag, JavaScript)."""
PERCENT_ESCAPE = r"%[0-7][0-9A-Fa-f]"
"""A percent-escaped ASCII character; decoded in both views (``mailto:abc%40qq.com``)."""

NUMERALS = {
    **dict.fromkeys("〇零", "0"),
    **dict.fromkeys("一幺壹", "1"),
    **dict.fromkeys("二两兩贰貳", "2"),
    **dict.fromkeys("三叁參", "3"),
    **dict.fromkeys("四肆", "4"),
    **dict.fromkeys("五伍", "5"),
    **dict.fromkeys("六陆陸", "6"),
    **dict.fromkeys("七柒", "7"),
    **dict.fromkeys("八捌", "8"),
    **dict.fromkeys("九玖", "9"),
}
"""Chinese numerals, lower-case and financial (大写), as the digit each one reads."""


def _identity_runs() -> re.Pattern[str]:
    """Printable ASCII and CJK ideographs but the numerals, which fold to digits."""
    ideographs = "".join(sorted(c for c in NUMERALS if "\u4e00" <= c <= "\u9fff"))
    ranges, start = [], 0x4E00
    for char in ideographs:
        if ord(char) > start:
            ranges.append(f"\\u{start:04x}-\\u{ord(char) - 1:04x}")
        start = ord(char) + 1
    ranges.append(f"\\u{start:04x}-\\u9fff")
    return re.compile(rf"[\x20-\x7e{''.join(ranges)}]+|\n")


_IDENTITY = _identity_runs()
"""Runs that fold to themselves (printable ASCII, CJK ideographs but numerals), copied whole."""


@dataclass
class Folded:
    """Folded text and, for each of its characters, the span of the original it came from."""

    text: str = ""
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original that `text[start:end]` came from."""
        return self.starts[start], self.ends[end - 1]


def fold(text: str, rendered: bool = False) -> Folded:
    """`text` folded; `rendered` reads it as HTML shows it."""
    folded = Folded()
    pieces: list[str] = []
    position = 0
    for match in (_DECODED if rendered else _PERCENT).finditer(text):
        _fold_plain(text, position, match.start(), pieces, folded)
        for char in decode_entity(match.group()):
            for part in fold_char(char):
                pieces.append(part)
                folded.starts.append(match.start())
                folded.ends.append(match.end())
        position = match.end()
    _fold_plain(text, position, len(text), pieces, folded)
    folded.text = "".join(pieces)
    return folded


def has_markup(text: str) -> bool:
    """Whether the rendered view of `text` differs from the written one."""
    return _MARKUP.search(text) is not None


def fold_text(text: str) -> str:
    return fold(text).text


@functools.lru_cache(maxsize=8192)
def fold_char(char: str) -> str:
    """One character folded (it may become none, or several: ``⑩`` is "10")."""
    return "".join(_fold_one(c) for c in unicodedata.normalize("NFKC", char))


def decode_entity(token: str) -> str:
    """What HTML shows for a `MARKUP` token (a comment or tag shows nothing), or the
    character of a `PERCENT_ESCAPE`."""
    if token.startswith("%"):
        return chr(int(token[1:], 16))
    if not token.startswith("&"):
        return ""
    if not token.startswith("&#"):
        return _entities().get(token[1:-1], token)
    digits = token[2:].rstrip(";")
    code = int(digits[1:], 16) if digits[:1] in "xX" else int(digits)
    if code in _character_references():
        return _character_references()[code]
    return "\ufffd" if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF else chr(code)


def browser_tables() -> dict[str, Any]:
    """The folding for the submission form's engine (it has NFKC and \\p{…} built in)."""
    return {
        "fold": [[to, list(categories), chars] for to, categories, chars in FOLD_CLASSES],
        "markup": MARKUP,
        "percent": PERCENT_ESCAPE,
        "digitZeros": _digit_zeros(),
        "numerals": NUMERALS,
        "entities": _entities(),
        "characterReferences": _character_references(),
    }


def _fold_plain(text: str, start: int, end: int, pieces: list[str], folded: Folded) -> None:
    position = start
    while position < end:
        same = _IDENTITY.match(text, position, end)
        if same:
            pieces.append(same.group())
            folded.starts.extend(range(position, same.end()))
            folded.ends.extend(range(position + 1, same.end() + 1))
            position = same.end()
            continue
        for part in fold_char(text[position]):
            pieces.append(part)
            folded.starts.append(position)
            folded.ends.append(position + 1)
        position += 1


def _fold_one(char: str) -> str:
    category = unicodedata.category(char)
    for replacement, categories, extra in FOLD_CLASSES:
        if char in extra or category in categories:
            return replacement
    if category == "Nd" and not char.isascii():
        return str(unicodedata.decimal(char))
    return NUMERALS.get(char, char)


@functools.cache
def _digit_zeros() -> list[int]:
    """The code point of every zero of a decimal digit script (the form computes digit
    values from them)."""
    zeros = [
        code
        for code in range(0x80, 0x20000)
        if unicodedata.category(chr(code)) == "Nd" and unicodedata.decimal(chr(code)) == 0
    ]
    return [0x30, *zeros]


@functools.cache
def _entities() -> dict[str, str]:
    """Named entities that spell a digit, sign, space or nothing (``&commat;`` → @).

    Entities for letters are left as written, in the form as here, to keep the table small.
    """
    return {
        name[:-1]: value
        for name, value in html.entities.html5.items()
        if name.endswith(";")
        and fold_text(value).isascii()
        and not _LETTER.search(fold_text(value))
    }


@functools.cache
def _character_references() -> dict[int, str]:
    """Numeric references HTML decodes to another character (``&#150;`` is an en dash)."""
    table = {}
    for code in range(0xA0):
        decoded = html.unescape(f"&#{code};")
        if decoded != chr(code):
            table[code] = decoded
    return table


_MARKUP = re.compile(MARKUP)
_PERCENT = re.compile(PERCENT_ESCAPE)
_DECODED = re.compile(f"{MARKUP}|{PERCENT_ESCAPE}")
_LETTER = re.compile(r"[^\W\d_]")
