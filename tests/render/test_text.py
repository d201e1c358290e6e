"""The only doors from data to page text: escaping and sanitising."""

from __future__ import annotations

import itertools
import re

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.render.text import attribute, front_matter, inline, rich
from tests.hostile import OTHER_HOST_LINKS, SAME_SITE_LINKS


def _as_html(markdown_source: str) -> str:
    return markdown.markdown(markdown_source, extensions=["tables", "attr_list", "md_in_html"])


@pytest.mark.parametrize(
    "value",
    [
        "<script>alert(1)</script>",
        "*x*",
        "_y_",
        "[a](javascript:alert(1))",
        "`code`",
        "# 标题",
        "a | b",
        "1. 第一",
        "![img](http://evil.example/x.png)",
        "{: .x }",
        "&amp; 与 &lt;",
        "\\*",
    ],
)
def test_inline_text_renders_literally(value: str) -> None:
    html = _as_html(f"<p>before</p>\n\n{inline(value)}")
    text = html.split("</p>", 1)[1]
    assert "<script" not in text and "<em>" not in text and "<a " not in text
    assert "<img" not in text and "<code>" not in text and "<h1>" not in text
    assert "<table" not in text and "<ol>" not in text


def test_inline_text_keeps_the_characters() -> None:
    html = _as_html(inline("<b>*粗体*</b> & [链接](x)"))
    assert html == "<p>&lt;b&gt;*粗体*&lt;/b&gt; &amp; [链接](x)</p>"


def test_inline_collapses_line_breaks_so_no_block_can_start() -> None:
    assert inline("第一行\n# 第二行\n\n    代码") == "第一行 \\# 第二行 代码"


def test_attribute_escapes_quotes() -> None:
    assert attribute('"><script>') == "&quot;&gt;&lt;script&gt;"


def test_rich_keeps_ordinary_markdown() -> None:
    html = rich("我们的**织物**能测心率。\n\n- 低成本\n- 可水洗\n\n[官网](https://example.com)")
    assert "<strong>织物</strong>" in html
    assert "<li>低成本</li>" in html
    assert '<a href="https://example.com" rel="noopener nofollow">官网</a>' in html


@pytest.mark.parametrize(
    ("source", "forbidden"),
    [
        ("<script>alert('x')</script>正文", "alert"),
        ('<img src="x" onerror="alert(1)">', "onerror"),
        ('<img src="https://tracker.example/p.gif">', "<img"),
        ("[点我](javascript:alert(1))", "javascript:"),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "alert"),
        ('<a href="data:text/html,hi">x</a>', "data:"),
        ('<a href="java&#9;script:alert(1)">x</a>', "alert"),
        ("[x]( JAVASCRIPT:alert(1))", "alert"),
        ('<iframe src="https://evil.example"></iframe>', "iframe"),
        ('<p style="position:fixed">x</p>', "style"),
        ('<a href="https://x.example" onclick="steal()">x</a>', "onclick"),
    ],
)
def test_rich_removes_dangerous_markup(source: str, forbidden: str) -> None:
    assert forbidden not in rich(source).lower()


@pytest.mark.parametrize(
    "source",
    [
        "[点这里](javascript:alert(1))",
        '<a href="data:text/html,hi">点这里</a>',
        "<a>点这里</a>",
        "[**点这里**](vbscript:x)",
        "[点这里](<mailto:a@b.cn>)",
        '<a href="https://x.example" onclick="x()">好</a> 和 [点这里](ftp://x)',
    ],
)
def test_a_link_whose_address_is_removed_is_left_as_plain_words(source: str) -> None:
    """Not underlined words that look like a link and lead nowhere."""
    shown = rich(source)
    assert "点这里" in shown and re.search(r"<a(?![^>]*\bhref=)", shown) is None, shown


@pytest.mark.parametrize("link", OTHER_HOST_LINKS)
def test_a_link_to_another_host_without_scheme_slashes_loses_its_address(link: str) -> None:
    """``//host``, ``https:/host`` and every spelling a browser reads as them: its words
    stay, as text."""
    assert rich(link) == "<p>x</p>"


@pytest.mark.parametrize("link", SAME_SITE_LINKS)
def test_a_near_miss_of_another_host_keeps_its_address(link: str) -> None:
    assert 'href="' in rich(link)


def test_rich_moves_headings_below_the_page_sections() -> None:
    html = rich("# 大标题\n\n## 二级标题\n\n<h2 class='x'>原始</h2>")
    assert "<h3>大标题</h3>" in html and "<h4>二级标题</h4>" in html and "<h4>原始</h4>" in html
    assert "<h1" not in html and "<h2" not in html


@settings(max_examples=150, deadline=None)
@given(
    levels=st.lists(st.integers(1, 6), min_size=1, max_size=12),
    raw=st.lists(st.booleans(), min_size=12, max_size=12),
    top=st.integers(2, 5),
)
def test_rich_headings_form_an_outline_that_never_skips_a_level(
    levels: list[int], raw: list[bool], top: int
) -> None:
    """Any levels an author writes, as Markdown or raw HTML, in any order."""
    source = "\n\n".join(
        f"<h{level}>标题{n}</h{level}>" if raw[n] else f"{'#' * level} 标题{n}"
        for n, level in enumerate(levels)
    )
    given_levels = [int(found) for found in re.findall(r"<h([1-6])>", rich(source, top=top))]
    assert len(given_levels) == len(levels)
    assert given_levels[0] == top and all(top <= level <= 6 for level in given_levels)
    assert all(b <= a + 1 for a, b in itertools.pairwise(given_levels))
    assert re.findall(r"</h([1-6])>", rich(source, top=top)) == [str(n) for n in given_levels]


def test_rich_allows_relative_links() -> None:
    assert 'href="../other/"' in rich("[另一个项目](../other/)")


def test_rich_of_nothing_is_empty() -> None:
    assert rich("  \n") == ""


def test_front_matter_is_valid_yaml_with_escaped_strings() -> None:
    import yaml

    block = front_matter({"title": '<b>"引号"</b>: #x', "search": {"exclude": True}})
    assert block.startswith("---\n") and block.endswith("---\n")
    data = yaml.safe_load(block.strip("-\n"))
    assert data == {"title": "&lt;b&gt;&quot;引号&quot;&lt;/b&gt;: #x", "search": {"exclude": True}}
