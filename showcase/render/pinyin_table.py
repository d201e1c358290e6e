"""The pinyin table the submission form suggests project ids from (``assets/submit-pinyin.js``).

The browser cannot run pypinyin, and a project's name is new text, so the page cannot be
given the readings of the names it will see. It gets the reading of every character of
GB2312 (levels 1 and 2, the 6,763 characters that cover nearly all names written in
simplified Chinese), each in its most common reading, grouped by syllable: 24 kB, 17 kB
gzipped (hanzi hardly compress), loaded by the submit page only; building it takes about
0.5 s once per build. A character outside the table is left out of
the suggestion, which the secretary can always edit; the validator checks the id, not
how it was found.

Example::

    pinyin_table()["zhu"]      # "竹主住朱…": the characters read zhu
    pinyin_script()            # b"window.scPinyin={...};"
"""

from __future__ import annotations

import functools

from showcase import jsontext

SCRIPT_NAME = "submit-pinyin.js"

_GB2312_ROWS = range(0xB0, 0xF8)
"""Lead bytes of GB2312's hanzi: level 1 (0xB0–0xD7) and level 2 (0xD8–0xF7)."""
_GB2312_CELLS = range(0xA1, 0xFF)


def gb2312_hanzi() -> list[str]:
    """Every character of GB2312 levels 1 and 2, in code order."""
    found = []
    for row in _GB2312_ROWS:
        for cell in _GB2312_CELLS:
            try:
                found.append(bytes((row, cell)).decode("gb2312"))
            except UnicodeDecodeError:
                continue  # the five unassigned cells at the end of row 0xD7
    return found


@functools.cache
def pinyin_table() -> dict[str, str]:
    """Syllable (toneless, ü as v) → the characters read that way, in code order."""
    from pypinyin import Style, lazy_pinyin  # 0.3 s to import: only when the table is made

    table: dict[str, str] = {}
    characters = gb2312_hanzi()
    # A list is read item by item, so each character gets its own most common reading
    # (one call: a third of the time of one call per character).
    for char, syllable in zip(characters, lazy_pinyin(characters, style=Style.NORMAL), strict=True):
        if syllable.isascii() and syllable.isalpha():
            table[syllable] = table.get(syllable, "") + char
    return dict(sorted(table.items()))


def pinyin_script() -> bytes:
    """The static script that gives the form `pinyin_table` as ``window.scPinyin``."""
    return f"window.scPinyin={jsontext.dumps(pinyin_table())};\n".encode()
