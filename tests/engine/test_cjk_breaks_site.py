"""No output of a whole build shows a space where a source line broke between two Chinese
characters, and every other line break still reads as a space.

The hostile build (`tests.hostile`) plants `SOFT_BREAKS` into every Markdown field, every
story and every hand-written page; this test reads every page, feed, WeChat article (HTML
and Markdown) and print page built from it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from tests.hostile import HostileBuild

_SUFFIXES = (".html", ".xml", ".md", ".ics")
_SPACED = re.compile(r"软换行之前\s+软换行之后")
"""A source break between 前 and 软 shown as a space (a newline in HTML and Markdown is one)."""
_JOINED = "软换行之前软换行之后"
_LATIN_KEPT = re.compile(r"English\s+words\s+与中文")
_LATIN_LOST = re.compile(r"Englishwords|words与")


def _outputs(build: HostileBuild) -> Iterator[tuple[str, str]]:
    for folder in (build.site, build.preview, build.publicity):
        for path in sorted(folder.rglob("*")):
            if path.suffix in _SUFFIXES:
                yield str(path.relative_to(folder.parent)), path.read_text(encoding="utf-8")
    for name, data in build.agenda.items():
        if Path(name).suffix in _SUFFIXES:
            yield name, data.decode("utf-8")


def test_no_output_shows_a_space_from_a_chinese_line_break(hostile_build: HostileBuild) -> None:
    spaced, joined, latin = [], Counter(), []
    for name, text in _outputs(hostile_build):
        if _SPACED.search(text):
            spaced.append(name)
        if _LATIN_LOST.search(text):
            latin.append(name)
        if _JOINED in text:
            joined[Path(name).suffix] += 1
            assert _LATIN_KEPT.search(text), f"{name}: a Latin line break lost its space"
    assert spaced == [], "a line break between Chinese characters shown as a space"
    assert latin == [], "a line break next to a Latin word lost its space"
    # The check is not blind: the planted paragraph reached pages, hand-written pages and
    # the WeChat articles in both their forms.
    assert joined[".html"] > 50 and joined[".md"] > 0, joined
    pages = {name for name, text in _outputs(hostile_build) if _JOINED in text}
    assert any(name.startswith("site/pages/about/") for name in pages), "hand-written page"
    assert any("article.html" in name for name in pages), "WeChat article"
