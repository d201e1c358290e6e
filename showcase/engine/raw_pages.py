"""Pages whose body is one raw HTML block skip the Markdown pipeline.

Generated pages (projects, colleges, mentors…) are written by the render stage as front
matter plus a single ``<div>…</div>`` raw HTML block. Python-Markdown returns such a block
unchanged, but only after building a fresh `markdown.Markdown` with every configured
extension and running the HTML through three HTML parsers (MkDocs' anchor collector,
``html_block``, ``md_in_html``): at 10,000 projects that is most of the Markdown cost of
the build, for no change in output.

`RawHtmlPage.render` therefore uses the block as the page content when `raw_html_body`
proves Markdown would pass it through verbatim (one top-level ``<div>``, no blank line, no
``markdown`` attribute), and falls back to the normal Markdown render otherwise. What
MkDocs learns from a render is reproduced: no Markdown headings, so an empty table of
contents and no title from the body (generated pages set ``title`` in front matter), and
the ``id`` anchors other pages may link to. Raw HTML links are never rewritten or checked
by MkDocs either way, which is why the renderers write final URLs
(`showcase.render.paths.href`).

The tests compare `RawHtmlPage` output with a real Markdown render, byte for byte.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_DIV_TAG = re.compile(r"<(/?)div\b[^>]*>", re.IGNORECASE)
_MARKDOWN_ATTRIBUTE = re.compile(r"<[^>]*\smarkdown(?=[\s=/>])", re.IGNORECASE)
_START_TAG = re.compile(r"<([a-zA-Z][\w-]*)(\s[^>]*)>")
_ID_ATTRIBUTE = re.compile(r'\s(id|name)\s*=\s*"([^"]*)"', re.IGNORECASE)
_UNSAFE = ("\x02", "\x03", "<!--", "<?", "<![", "<script", "<pre", "<textarea", "<style")


def raw_html_body(markdown: str) -> str | None:
    """The HTML Markdown would output for `markdown`, if it is one verbatim raw block.

    None means "let Markdown decide": anything unusual (comments, ``<pre>``, Markdown's own
    placeholder characters, several blocks) is left to the real pipeline.
    """
    body = markdown.strip()
    if not (body.startswith("<div") and body.endswith("</div>")):
        return None
    if _BLANK_LINE.search(body) or _MARKDOWN_ATTRIBUTE.search(body):
        return None
    lowered = body.lower()
    if any(marker in lowered for marker in _UNSAFE):
        return None
    depth = 0
    tags = list(_DIV_TAG.finditer(body))
    for number, tag in enumerate(tags):
        depth += -1 if tag.group(1) else 1
        if depth == 0 and number != len(tags) - 1:
            return None  # the first <div> closes before the end: more than one block
    return body if depth == 0 and tags and tags[0].start() == 0 else None


def anchor_ids(body: str) -> set[str]:
    """The ids (and ``<a name>``s) in raw HTML, as MkDocs' own collector finds them."""
    found = set()
    for tag in _START_TAG.finditer(body):
        for name, value in _ID_ATTRIBUTE.findall(tag.group(2)):
            if name.lower() == "id" or tag.group(1).lower() == "a":
                found.add(html.unescape(value))
    return found


class RawHtmlPage(Page):
    """A `Page` that renders a verbatim raw HTML body without running Markdown."""

    verbatim = False
    """True once rendered without Markdown: then the output does not depend on the site's
    other files (no link was resolved), which `showcase.engine.page_cache` relies on."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        body = raw_html_body(self.markdown or "")
        if body is None:
            super().render(config, files)
            return
        self.verbatim = True
        self.content = body
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = anchor_ids(body)
        self.links_to_anchors = {}
