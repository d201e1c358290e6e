"""`markdown.removed`: a Markdown field is warned about exactly when its page will drop
something of it (the render stage's sanitiser, `showcase.render.text.rich`, is the oracle)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.render import text
from showcase.validate.markup_text import dropped_markdown
from tests.hostile import OTHER_HOST_LINKS, SAME_SITE_LINKS

FRAGMENTS = [
    "普通介绍，",
    "**粗体**",
    "[官网](https://example.org/a)",
    "[别处](//example.org)",
    "<https://example.org>",
    "`<script>`",
    "``a `<i>` b``",
    "<b>粗</b>",
    "<br>",
    "<p>段</p>",
    "a < b 和 c > d",
    "3<5",
    "\n\n## 标题\n\n",
    "\n\n- 列表\n",
    "\n\n> 引用\n\n",
    "![图](https://evil.example/a.png)",
    "![图][ref]\n\n[ref]: https://evil.example/a.png\n\n",
    "[这里](javascript:alert(1))",
    "[写信](mailto:a@example.org)",
    "[x]( data:text/html,abc )",
    '<a href="javascript:alert(1)">x</a>',
    "<a href='https://example.org'>好</a>",
    "<iframe src=x></iframe>",
    "<svg onload=alert(1)>",
    "<div>块</div>",
    "<img src=x>",
    "```\n<script>alert(1)</script>\n```\n",
    "<span>行内</span>",
    '<a href="java&#9;script:alert(1)">x</a>',
    "[x]( JAVASCRIPT:alert(1))",
    *OTHER_HOST_LINKS,
    *SAME_SITE_LINKS,
]
MIXABLE = [f for f in FRAGMENTS if not f.startswith("[x](&")]
"""A Markdown link whose address is character references loses them when raw HTML ends
earlier on its line (Python-Markdown moves them out as text: ``<p>段</p> [x](&#47;&#47;h)``
links to ``h``), so the validator, which reads them, warns where the page drops nothing;
those links are checked alone."""
_TAGS = re.compile(r"<([a-z][a-z0-9]*)")


def dropped_by_the_page(markdown: str) -> bool:
    """Whether `rich` loses an element or a link address the Markdown produced."""
    raw = text._converter.reset().convert(markdown)
    kept = text.rich(markdown)

    def tags(html: str) -> set[str]:
        return {re.sub(r"^h[1-6]$", "h", tag) for tag in _TAGS.findall(html)}

    return bool(tags(raw) - tags(kept)) or raw.count("href=") > kept.count("href=")


@pytest.mark.parametrize("fragment", FRAGMENTS)
def test_a_fragment_is_warned_about_when_its_page_drops_it(fragment: str) -> None:
    assert (dropped_markdown(fragment) is not None) == dropped_by_the_page(fragment)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(MIXABLE), min_size=1, max_size=5))
def test_any_mix_is_warned_about_when_its_page_drops_something(parts: list[str]) -> None:
    """Joined by spaces: glued backtick runs (a code span's end touching the next one's
    start) are read differently by Markdown's inline parser; the warning is advice, the
    page is sanitised either way."""
    markdown = " ".join(parts)
    assert (dropped_markdown(markdown) is not None) == dropped_by_the_page(markdown)


def test_the_warning_quotes_what_is_dropped_in_the_order_written() -> None:
    assert dropped_markdown("好 <iframe src=x></iframe> 再 ![图](a.png)") == (
        "「<iframe src=x>」「![图](a.png)」"
    )
    assert dropped_markdown("[这里](javascript:alert(1)) <img src=x>") == (
        "「javascript:alert(1」「<img src=x>」"
    )
    assert dropped_markdown("结尾 </div>") == "「</div>」", "a lone closing tag is dropped too"
    many = "<style>x</style> [a](data:x) ![b](c.png) <iframe></iframe> <b>留</b>"
    assert dropped_markdown(many) == "「<style>」「data:x」「![b](c.png)」等 4 处"


@pytest.mark.parametrize("link", OTHER_HOST_LINKS)
def test_a_link_to_another_host_without_scheme_slashes_is_warned_about_as_written(
    link: str,
) -> None:
    """As a link to a scheme the page does not keep: quoted as the author wrote it."""
    shown = dropped_markdown(f"介绍 {link} 结尾")
    assert shown is not None and "evil.example/p" in shown
