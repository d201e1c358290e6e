"""Where a character of a decoded YAML value was written, and where the comments are.

The loader keeps where each scalar starts; a check that finds something *inside* a
value (a phone number in the middle of a summary) wants the line and column of that
character. `SourceText.value_offset` walks the scalar's source beside its decoded value:
quotes, escapes (``\\u0031``, ``''``), block headers, indentation and folded line breaks
are stepped over, so the answer is exact for every scalar style.

`SourceText.comments` finds the YAML comments (``# …`` to the end of the line) outside
every scalar: the repository is public, so what a comment says is published too.

Example::

    source = SourceText(document.text)
    start = source.offset(*document.position(("summary",)))
    source.position(source.value_offset(start, document.data["summary"], 12))   # (9, 22)
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator

_ESCAPE_LENGTHS = {"x": 4, "u": 6, "U": 10}
_AFTER_TAG = re.compile(r"!\S*[ \t]*")
_LINE_END = re.compile(r"[\r\n]")


class SourceText:
    """A file's text with line/column ↔ offset conversions (1-based lines and columns)."""

    def __init__(self, text: str):
        self.text = text
        self._line_starts: list[int] | None = None

    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            self._line_starts = [0, *(m.end() for m in re.finditer("\n", self.text))]
        return self._line_starts

    def offset(self, line: int, column: int) -> int:
        starts = self.line_starts
        if not 0 < line <= len(starts):
            return len(self.text)
        return min(starts[line - 1] + column - 1, len(self.text))

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def value_offsets(self, start: int, value: str) -> list[int]:
        """The source offset of each character of `value` (the scalar starting at `start`),
        and of the end of the scalar's content.

        Whitespace on either side that the other lacks (indentation, a folded line break)
        is stepped over; should the walk lose its way, the rest maps to where it stopped.
        """
        text, end = self.text, len(self.text)
        style, position = self._style(start)
        if style in ("|", ">"):
            newline = text.find("\n", position)
            position = end if newline < 0 else newline + 1
        elif style in ("'", '"'):
            position += 1
        offsets: list[int] = []
        index = 0
        while index < len(value) and position < end:
            char, wanted = text[position], value[index]
            if style == '"' and char == "\\":
                following = text[position + 1 : position + 2]
                if following in ("\n", "\r"):  # an escaped line break: nothing in the value
                    position += 2
                    continue
                offsets.append(position)
                position += _ESCAPE_LENGTHS.get(following, 2)
                index += 1
            elif style == "'" and char == "'" and text[position + 1 : position + 2] == "'":
                offsets.append(position)
                position += 2
                index += 1
            elif char == wanted:
                offsets.append(position)
                position += 1
                index += 1
            elif char in " \t\r\n":
                position += 1
            elif wanted in " \n":
                offsets.append(position)  # a line break the source folded into a space
                index += 1
            else:
                break
        offsets += [position] * (len(value) - len(offsets))
        if style in ("'", '"') and text[position : position + 1] == style:
            position += 1
        offsets.append(position)
        return offsets

    def _style(self, start: int) -> tuple[str, int]:
        """The scalar's first character after any explicit tag (``!!str``), and its offset."""
        tag = _AFTER_TAG.match(self.text, start)
        position = tag.end() if tag else start
        return self.text[position : position + 1], position

    def value_offset(self, start: int, value: str, index: int) -> int:
        """The source offset of `value[index]`, the scalar starting at `start`."""
        return self.value_offsets(start, value[: index + 1])[index]

    def comments(
        self,
        scalars: Callable[[], Iterable[tuple[int, str]]],
        first: tuple[int, int],
        limit: int | None = None,
    ) -> Iterator[tuple[int, str]]:
        """Every comment before `limit` as (offset of its ``#``, text).

        `first` is the line and column of the first scalar; `scalars()` gives the (start
        offset, decoded value) of every key and scalar value, and is only called when a
        ``#`` follows `first` (most files have just the schema comment on their first line).
        """
        ordered: list[tuple[int, str]] | None = None
        starts: list[int] = []
        text = self.text
        end = len(text) if limit is None else limit
        offset = text.find("#", 0, end)
        while offset >= 0:
            comment = not offset or text[offset - 1] in " \t\r\n"  # "C#" starts none
            line = text.count("\n", 0, offset) + 1
            if comment and (line, offset - text.rfind("\n", 0, offset)) >= first:
                if ordered is None:
                    ordered = sorted(scalars())
                    starts = [start for start, _ in ordered]
                at = bisect.bisect_right(starts, offset) - 1
                comment = at < 0 or not self._inside(*ordered[at], offset)
            if comment:
                line_end = _LINE_END.search(text, offset, end)
                stop = line_end.start() if line_end else end
                yield offset, text[offset:stop]
                offset = stop  # a "#" later in the comment starts nothing
            offset = text.find("#", offset + 1, end)

    def _inside(self, start: int, value: str, offset: int) -> bool:
        """Whether `offset` lies in the scalar at `start` (a plain scalar ends before " #")."""
        style, _ = self._style(start)
        if style not in ("'", '"', "|", ">"):
            return False
        if style in ("|", ">") and "\n" not in self.text[start:offset]:
            return False  # a comment on the block scalar's header line
        return offset < self.value_offsets(start, value)[-1]
