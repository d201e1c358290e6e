"""A source line break between two CJK characters is no space; every other break stays.

The rule is CSS Text Level 3's segment break transformation (East Asian Wide, Fullwidth or
Halfwidth on both sides, Hangul excepted), applied by the Python-Markdown extension
`showcase.render.cjk_breaks` in the site's MkDocs configuration and in `text.rich`.
"""

from __future__ import annotations

import itertools
from xml.etree import ElementTree

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.paths import repository_root
from showcase.render.atom import ATOM_NS, Feed, FeedEntry, atom_feed
from showcase.render.cjk_breaks import CjkBreakExtension, is_cjk, joined
from showcase.render.text import attribute, inline, markdown_source, rich


def _html(source: str) -> str:
    return markdown.markdown(source, extensions=["tables", "sane_lists", CjkBreakExtension()])


@pytest.mark.parametrize(
    ("source", "html"),
    [
        ("学生\n创业", "<p>学生创业</p>"),
        ("学生  \n创业", "<p>学生<br />\n创业</p>"),  # two trailing spaces: a hard break
        ("学生 \n 创业", "<p>学生创业</p>"),
        ("汉字，\n「引号」\n。", "<p>汉字，「引号」。</p>"),
        ("全角：\nＡＢＣ", "<p>全角：ＡＢＣ</p>"),
        ("学生\nstartup", "<p>学生\nstartup</p>"),
        ("maker\n创业", "<p>maker\n创业</p>"),
        ("make\nspace", "<p>make\nspace</p>"),
        ("2026\n年", "<p>2026\n年</p>"),
        ("한국\n어", "<p>한국\n어</p>"),
        ("**加粗**\n文字", "<p><strong>加粗</strong>文字</p>"),
        ("文字\n*强调*", "<p>文字<em>强调</em></p>"),
        ("[链\n接](https://a.example)", '<p><a href="https://a.example">链接</a></p>'),
        ("- 列表\n  继续\n- 二", "<ul>\n<li>列表继续</li>\n<li>二</li>\n</ul>"),
        ("> 引\n> 用", "<blockquote>\n<p>引用</p>\n</blockquote>"),
        ("段落一\n\n段落二", "<p>段落一</p>\n<p>段落二</p>"),
        (
            "| 表 |\n| - |\n| 格\n",
            "<table>\n<thead>\n<tr>\n<th>表</th>\n</tr>\n</thead>\n"
            "<tbody>\n<tr>\n<td>格</td>\n</tr>\n</tbody>\n</table>",
        ),
    ],
)
def test_soft_breaks_between_cjk_characters_are_removed_and_others_kept(
    source: str, html: str
) -> None:
    assert _html(source) == html


@pytest.mark.parametrize(
    ("source", "html"),
    [
        ("`代码\n汉字`", "<p><code>代码\n汉字</code></p>"),
        ("    代码\n    汉字", "<pre><code>代码\n汉字\n</code></pre>"),
        ("正文\n`代码`\n正文", "<p>正文<code>代码</code>正文</p>"),
        ("<pre>\n预\n排\n</pre>", "<pre>\n预\n排\n</pre>"),
    ],
)
def test_code_is_untouched_but_joins_its_neighbours(source: str, html: str) -> None:
    assert _html(source) == html


@pytest.mark.parametrize(
    ("character", "expected"),
    [
        ("汉", True),
        ("。", True),
        ("，", True),
        ("「", True),
        ("Ａ", True),
        ("ｶ", True),
        ("あ", True),
        ("a", False),
        ("1", False),
        (",", False),
        (" ", False),
        ("한", False),
        ("é", False),
    ],
)
def test_is_cjk_follows_east_asian_width(character: str, expected: bool) -> None:
    assert is_cjk(character) is expected


_LINE = st.text(alphabet=st.sampled_from("汉字创业。，abc 12"), min_size=1, max_size=8)


@given(st.lists(_LINE, min_size=2, max_size=5))
@settings(max_examples=200, deadline=None)
def test_joined_removes_exactly_the_breaks_between_cjk_neighbours(lines: list[str]) -> None:
    result = joined("", "\n".join(lines), "")
    assert result.replace("\n", "").replace(" ", "") == "".join(lines).replace(" ", "")
    kept = 0
    for line, following in itertools.pairwise(lines):
        left, right = line.rstrip(" "), following.lstrip(" ")
        if left and right and is_cjk(left[-1]) and is_cjk(right[0]):
            assert left[-1] + right[0] in result.replace("\n", "\x00")
        else:
            kept += 1
    assert result.count("\n") == kept


def test_rich_and_its_markdown_copy_read_one_sentence() -> None:
    source = "我们的织物\n能测心率，\nWashable\nfabric 可水洗。"
    assert rich(source) == "<p>我们的织物能测心率，\nWashable\nfabric 可水洗。</p>"
    assert markdown_source(source) == "我们的织物能测心率，\nWashable\nfabric 可水洗。"


def test_plain_text_fields_join_chinese_lines_too() -> None:
    assert inline("第一行\n第二行\nand\nmore") == "第一行第二行 and more"
    assert attribute("甲\n乙 丙") == "甲乙 丙"


def test_the_site_configuration_registers_the_extension() -> None:
    config = (repository_root() / "mkdocs.yml").read_text(encoding="utf-8")
    extensions = yaml.load(config, Loader=yaml.BaseLoader)["markdown_extensions"]
    assert "showcase.render.cjk_breaks" in extensions
    configured = markdown.Markdown(extensions=["showcase.render.cjk_breaks"])
    assert configured.convert("学生\n创业") == "<p>学生创业</p>"


def test_feed_text_joins_chinese_lines_and_keeps_latin_ones() -> None:
    feed = Feed("feeds/x.xml", "", "动态", "urn:x", "2026-11-30T00:00:00+08:00", "", "众创空间")
    entry = FeedEntry(
        "标题", "urn:x:1", "x/", "2026-11-30T00:00:00+08:00", "一句\n简介，with\nwords"
    )
    root = ElementTree.fromstring(atom_feed(feed, [entry]))
    summary = root.find(f"{{{ATOM_NS}}}entry/{{{ATOM_NS}}}summary")
    assert summary is not None and summary.text == "一句简介，with\nwords"
