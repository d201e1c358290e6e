"""Render stage: pure functions from the checked `Model` to a generated docs tree.

No network, no clock, no engine: `render_docs(model, content_pages)` returns a
`DocsTree` (Markdown pages with front matter, static assets, files to copy and the
navigation); `showcase.engine` writes it out and builds the site from it. One module per
page kind; `text` is the only way data becomes page text.
"""

from showcase.render.clock import data_epoch
from showcase.render.content_pages import read_content_pages
from showcase.render.roadshow.printing import STYLE as PRINT_STYLE
from showcase.render.tree import DocsTree, render_docs

INLINE_STYLES = (PRINT_STYLE,)
"""Every inline ``<style>`` the render stage writes (in its standalone documents); the
engine allows exactly these in the site's Content-Security-Policy."""

__all__ = ["INLINE_STYLES", "DocsTree", "data_epoch", "read_content_pages", "render_docs"]
