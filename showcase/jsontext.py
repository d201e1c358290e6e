"""The one writer of every JSON the toolkit outputs: strict, UTF-8, and safe to embed.

Python's `json` writes ``NaN`` and ``Infinity`` by default, which no other JSON parser
reads (a browser's ``JSON.parse`` throws, check-jsonschema refuses the file), so a value
that slipped past validation would break every visitor's directory or search instead of
the build. Every JSON output (site data, search index, exports, frab schedules, the form's
spec and edit data, validation reports, front-matter values) is written here with
``allow_nan=False``: such a value fails the build with a `ValueError` naming it.

Characters are written as themselves (``ensure_ascii=False``: Chinese costs 3 bytes, not
6), except U+2028 and U+2029, which are valid in JSON but end a line in older JavaScript
and in YAML, and the C1 controls U+007F–U+009F (U+0085 ends a line in YAML; HTML forbids
them in a page, so a spec in a ``data-`` attribute would fail the Nu HTML checker): these
are always written as escapes.

Example::

    >>> dumps({"name": "经纬", "score": 1.5})
    '{"name":"经纬","score":1.5}'
    >>> dumps(float("nan"))
    Traceback (most recent call last):
    ValueError: Out of range float values are not JSON compliant: nan
"""

from __future__ import annotations

import json
import re
from typing import Any


def dumps(value: Any, *, indent: int | None = None, sort_keys: bool = False) -> str:
    """`value` as JSON text: compact unless `indent` is given; NaN and infinities refused."""
    text = json.dumps(
        value,
        ensure_ascii=False,
        allow_nan=False,
        indent=indent,
        sort_keys=sort_keys,
        separators=(",", ": ") if indent is not None else (",", ":"),
    )
    if _LINE_ENDS_AND_C1.search(text):  # rare: a scan is far cheaper than a translate
        text = _LINE_ENDS_AND_C1.sub(lambda found: f"\\u{ord(found[0]):04x}", text)
    return text


_LINE_ENDS_AND_C1 = re.compile("[\u2028\u2029\x7f-\x9f]")


def encode(value: Any, *, indent: int | None = None, sort_keys: bool = False) -> bytes:
    """`value` as a JSON file's bytes: UTF-8, ending with a newline."""
    return (dumps(value, indent=indent, sort_keys=sort_keys) + "\n").encode("utf-8")
