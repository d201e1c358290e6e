"""Small builders for the raw-HTML bodies of generated pages.

Generated pages are written as one raw HTML block under their front matter: MkDocs then
passes the body through Markdown almost for free, which keeps a 10,000-project build
close to the cost of plain pages. Raw HTML is neither checked nor rewritten by MkDocs, so
every link comes from `showcase.render.paths.href` and every text from
`showcase.render.text.attribute` (or `rich` for Markdown fields).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from showcase.render.paths import page_styles
from showcase.render.text import attribute, front_matter


def page(
    meta: dict[str, object], body: Iterable[str], css_class: str, *, styles: Sequence[str]
) -> str:
    """A whole page: front matter, then the body as a single raw HTML block.

    `styles` are the stylesheets this kind of page needs beyond the site-wide ones
    (`showcase.render.paths.page_styles`). Blank lines are never emitted inside the block,
    so Markdown cannot split it.
    """
    inner = "\n".join(part for part in body if part)
    matter = front_matter(page_styles(meta, *styles))
    return f'{matter}\n<div class="sc-page {css_class}">\n{inner}\n</div>\n'


def anchor(href: str, label: str, *, external: bool = False) -> str:
    """A link with plain-text `label`; external links never pass on the visitor's page."""
    rel = ' rel="noopener nofollow"' if external else ""
    return f'<a href="{attribute(href)}"{rel}>{attribute(label)}</a>'


def section(
    title: str,
    content: str,
    *,
    searchable: bool = False,
    css_class: str = "",
    element_id: str = "",
) -> str:
    """An ``<h2>`` section; unless `searchable`, Material's search skips it entirely."""
    if not content:
        return ""
    classes = f"sc-section {css_class}".strip()
    identifier = f' id="{attribute(element_id)}"' if element_id else ""
    exclude = "" if searchable else " data-search-exclude"
    return (
        f'<section{identifier} class="{classes}"{exclude}>\n'
        f"<h2>{attribute(title)}</h2>\n{content}\n</section>"
    )


def bullet_list(items: Iterable[str], css_class: str = "") -> str:
    """A ``<ul>`` of already-safe HTML items; empty string when there are none."""
    rendered = "".join(f"<li>{item}</li>" for item in items)
    if not rendered:
        return ""
    class_attribute = f' class="{css_class}"' if css_class else ""
    return f"<ul{class_attribute}>{rendered}</ul>"


def facts(rows: Iterable[tuple[str, str]]) -> str:
    """A definition list of label → already-safe HTML value, skipping empty values."""
    items = "".join(
        f"<dt>{attribute(label)}</dt><dd>{value}</dd>" for label, value in rows if value
    )
    return f'<dl class="sc-facts">{items}</dl>' if items else ""


def rich_block(html: str) -> str:
    """Sanitised Markdown output (from `text.rich`) in its own wrapper, or nothing."""
    return f'<div class="sc-description">\n{html}\n</div>' if html else ""
