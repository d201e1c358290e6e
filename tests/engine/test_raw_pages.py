"""`RawHtmlPage` must give exactly what MkDocs' Markdown render gives, only faster."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from showcase.engine.raw_pages import RawHtmlPage, anchor_ids, raw_html_body
from showcase.paths import repository_root
from tests.factories import make_model, make_project
from tests.render.helpers import render

RAW = '<div class="sc-page">\n<h1>标题</h1>\n<p id="a">正文 &amp; 更多</p>\n</div>'


@pytest.mark.parametrize(
    "source",
    [
        "# 标题\n\n" + RAW,  # a Markdown heading first
        RAW.replace("<h1>", "\n<h1>"),  # a blank line splits the block
        RAW.replace('class="sc-page"', 'class="sc-page" markdown'),  # md_in_html at work
        RAW + "\n<div>二</div>",  # two top-level blocks
        RAW.replace("<h1>", "<!-- 注释 --><h1>"),
        RAW.replace("<h1>标题</h1>", "<pre>代码</pre>"),
        "<p>不是 div</p>",
    ],
)
def test_anything_unusual_is_left_to_markdown(source: str) -> None:
    assert raw_html_body(source) is None


def test_a_single_div_block_is_used_verbatim() -> None:
    assert raw_html_body(f"\n{RAW}\n\n") == RAW


def test_anchor_ids_are_found_like_mkdocs_finds_them() -> None:
    body = '<div id="x"><a name="y">1</a><span name="z" data-id="w">2</span><h2 id="a&amp;b">'
    assert anchor_ids(body) == {"x", "y", "a&b"}


def test_generated_pages_render_exactly_as_markdown_renders_them(tmp_path: Path) -> None:
    model = make_model(
        [
            *make_model(count=6).projects.values(),
            make_project("hostile", name="<b>*粗*</b>", summary="a & b < c `code` _x_"),
        ]
    )
    tree = render(model)
    docs = tmp_path / "docs"
    for relative, content in tree.files.items():
        (docs / relative).parent.mkdir(parents=True, exist_ok=True)
        (docs / relative).write_bytes(content)
    config = load_config(
        str(repository_root() / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(tmp_path / "site")
    )
    files = Files(
        [
            File(path, str(docs), str(tmp_path / "site"), True)
            for path in tree.files
            if path.endswith(".md")
        ]
    )
    raw_pages = 0
    for file in files.documentation_pages():
        expected = Page(None, file, config)
        expected.read_source(config)
        expected.render(config, files)
        fast = RawHtmlPage(None, file, config)
        fast.read_source(config)
        raw_pages += raw_html_body(fast.markdown or "") is not None
        fast.render(config, files)
        assert fast.content == expected.content, file.src_uri
        assert fast.present_anchor_ids == expected.present_anchor_ids, file.src_uri
        assert fast.title == expected.title, file.src_uri
        assert [i.title for i in fast.toc.items] == [i.title for i in expected.toc.items]
    assert raw_pages >= len(model.projects), "project pages should skip Markdown"
