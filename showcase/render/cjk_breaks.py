"""A Python-Markdown extension: a soft line break between two CJK characters is no space.

Chinese is written without spaces between words, so an author who wraps a long paragraph
in the source (``……创业\\n项目……``) means one unbroken sentence. Markdown keeps the line
break as a newline in the HTML, and a browser shows a newline as a space: "创业 项目".
CSS Text Level 3 describes the rule browsers do not yet apply (segment break
transformation): when the characters on both sides of a break are East Asian Wide,
Fullwidth or Halfwidth (Unicode's East_Asian_Width W, F or H) and neither is Hangul, the
break is removed. Everything else (Chinese–Latin, Latin–Latin, Korean) keeps its space.

`CjkBreakTreeprocessor` applies that rule to the element tree after the inline patterns
ran, so the characters on each side are found across inline elements (``**加粗**\\n文字``)
and nothing inside ``<code>`` or ``<pre>`` is touched. Hard breaks (two trailing spaces,
``<br>``) stay. One extension, used by the site's MkDocs configuration (``mkdocs.yml``:
``showcase.render.cjk_breaks``) and by `showcase.render.text`'s converter, so every output
made from Markdown (pages, feeds, WeChat article, print pages) reads the same.

Example::

    markdown.markdown("学生\\n创业", extensions=[CjkBreakExtension()])  # '<p>学生创业</p>'
"""

from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

_UNTOUCHED = frozenset({"code", "pre", "kbd", "samp", "script", "style"})
"""Elements whose text is shown exactly as written."""
_BLANKS = " \t"


def is_cjk(character: str) -> bool:
    """True for a character on whose sides a line break is not a space (CSS Text 3)."""
    if unicodedata.east_asian_width(character) not in ("W", "F", "H"):
        return False
    return not unicodedata.name(character, "").startswith("HANGUL")


def joined(before: str, text: str, after: str) -> str:
    """`text` with each line break between two CJK characters removed.

    `before` and `after` are the characters just outside `text` in reading order ("" at
    the edge of a block), so a break at either end of `text` is judged by its neighbours.
    Spaces and tabs around a removed break (indentation of continued lines) go with it.
    """
    if "\n" not in text:
        return text
    pieces = text.split("\n")
    result = pieces[0]
    for piece in pieces[1:]:
        left = result.rstrip(_BLANKS)
        right = piece.lstrip(_BLANKS)
        last = left[-1:] or before
        first = right[:1] or after
        if last and first and is_cjk(last) and is_cjk(first):
            result = left + right
        else:
            result += "\n" + piece
    return result


class CjkBreakTreeprocessor(Treeprocessor):
    """Removes soft line breaks between CJK characters from every run of inline text."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag not in _UNTOUCHED and not _is_inline(element):
                _join_run(list(_run(element)))


_INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "del", "dfn", "em", "i", "ins", "mark", "q", "s"}
    | {"small", "span", "strong", "sub", "sup", "time", "u", "var", "code", "kbd", "samp"}
)
"""Elements that sit inside a line of text; every other element starts or ends a run
(a ``<br>`` too: the line ends there whatever the source says)."""
_EDGE = None
"""A boundary in a run: no character on that side."""


def _is_inline(element: etree.Element) -> bool:
    return isinstance(element.tag, str) and element.tag in _INLINE


class _Text:
    """One ``text`` or ``tail`` of the tree, read and written in place."""

    def __init__(self, element: etree.Element, attribute: str, frozen: bool) -> None:
        self.element, self.attribute, self.frozen = element, attribute, frozen

    @property
    def value(self) -> str:
        return getattr(self.element, self.attribute) or ""

    @value.setter
    def value(self, text: str) -> None:
        old = getattr(self.element, self.attribute)
        setattr(self.element, self.attribute, type(old)(text))  # an AtomicString stays one


def _run(element: etree.Element, frozen: bool = False) -> Iterator[_Text | None]:
    """The texts of `element`'s own line in reading order; `_EDGE` where a block or a
    ``<br>`` interrupts it. Inline children are followed, block children are runs of
    their own; `frozen` marks code, whose text is never changed but is a neighbour."""
    yield _Text(element, "text", frozen)
    for child in element:
        if _is_inline(child):
            yield from _run(child, frozen or child.tag in _UNTOUCHED)
        else:
            yield _EDGE
        yield _Text(child, "tail", frozen)


def _join_run(run: list[_Text | None]) -> None:
    texts = [text for text in run if text is _EDGE or text.value]
    for index, text in enumerate(texts):
        if text is _EDGE or text.frozen or "\n" not in text.value:
            continue
        previous = texts[index - 1] if index else _EDGE
        following = texts[index + 1] if index + 1 < len(texts) else _EDGE
        before = previous.value[-1:] if previous is not _EDGE else ""
        after = following.value[:1] if following is not _EDGE else ""
        text.value = joined(before, text.value, after)


class CjkBreakExtension(Extension):
    """Runs `CjkBreakTreeprocessor` after the inline patterns and ``prettify`` (priorities
    20 and 10) and before the table of contents reads the headings (``toc``, 5)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(CjkBreakTreeprocessor(md), "cjk_breaks", 6)


def makeExtension(**kwargs: Any) -> CjkBreakExtension:
    """What Python-Markdown calls for ``extensions: [showcase.render.cjk_breaks]``."""
    return CjkBreakExtension(**kwargs)
