"""Turning data values into safe page text.

Everything a college writes ends up inside a Markdown page that MkDocs turns into HTML, so
every value goes through exactly one of these doors:

- `inline(value)` for plain-text fields placed in Markdown (headings, table cells, list
  items, link text): HTML-escaped, Markdown specials backslash-escaped, whitespace collapsed,
  control characters dropped, so a project called ``<script>`` or ``*x*`` shows exactly
  those characters.
- `attribute(value)` for plain text inside raw HTML (element text or quoted attributes),
  one line the same way; also the search index's fields, which Material shows as HTML.
- `rich(markdown_text)` for the Markdown fields (project and college ``description``,
  mentor ``bio``): converted with Python-Markdown, then sanitised with nh3 down to a small
  set of harmless tags; links may only be http, https or relative and get
  ``rel="noopener nofollow"`` (an address that names another host without ``scheme://``,
  ``//host``, ``/\\host`` or ``https:/host``, is removed: `showcase.markdown_policy.keeps_address`).
  Images are not allowed: they would make the visitor's browser fetch from another host.
- `front_matter(mapping)` for the YAML block at the top of a page.
- `json_attribute(value)` for data handed to the site's scripts in a ``data-`` attribute:
  written by `showcase.jsontext` and escaped exactly (no whitespace collapsed), so no
  quote, ``<`` or ``</script>`` in the data can end the attribute or the element.
- `markdown_source(markdown_text)` for a Markdown field re-emitted as Markdown (the
  WeChat article's ``.md``): the `rich` HTML converted back, so it can only express what
  `rich` allows and raw HTML in it is escaped text.
- `markdown_as_written(markdown_text)` for a Markdown field handed out as the author's own
  source (the open data, the form's edit data): unchanged but for HTML comments, which
  authors use for notes they believe hidden and which no rendered page shows either.

The other formats have one writer each, which escapes for its own syntax: JSON
(`showcase.jsontext`), Atom XML (`showcase.render.atom`), iCalendar
(`showcase.render.ical`), and share-image text (`showcase.render.share_image`).
"""

from __future__ import annotations

import functools
import html
import re
from typing import Any

import markdown
import nh3

from showcase import jsontext
from showcase.markdown_policy import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_SCHEMES,
    ALLOWED_TAGS,
    keeps_address,
)
from showcase.render.cjk_breaks import CjkBreakExtension, joined

# The characters Python-Markdown (with the tables extension) unescapes after a backslash.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")


_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)

_converter = markdown.Markdown(
    extensions=["tables", "sane_lists", CjkBreakExtension()], output_format="html"
)
"""A soft line break between two Chinese characters is no space here, as on the site's
own pages (`showcase.render.cjk_breaks`, also in ``mkdocs.yml``)."""


def inline(value: str) -> str:
    """Plain text made literal in inline Markdown (one line, nothing interpreted)."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(_one_line(value), quote=False))


def attribute(value: str) -> str:
    """Plain text made literal inside raw HTML, including quoted attribute values."""
    return html.escape(_one_line(value), quote=True)


_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
"""Control characters that are not whitespace. Python-Markdown uses STX/ETX (\\x02, \\x03)
to mark its placeholders for stashed HTML, so they must never reach a page source."""


def _one_line(value: str) -> str:
    """`value` without control characters, every whitespace run one space, and no space
    where a line broke between two Chinese characters (as in Markdown, `rich`)."""
    return " ".join(joined("", _CONTROLS.sub("", value), "").split())


def rich(markdown_text: str, top: int = 3) -> str:
    """Markdown written by a college, as sanitised HTML safe to embed in a page.

    Its headings become an outline that starts at level `top` (3: under the page's own
    ``<h2>`` section heading) and never skips a level, whatever levels the author used
    (``##`` first, ``#`` then ``###``, raw ``<h5>``): see `_outline`.
    """
    if not markdown_text.strip():
        return ""
    cleaned = nh3.clean(
        _converter.reset().convert(markdown_text),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_without_generic_attributes,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener nofollow",
        strip_comments=True,
    ).strip()
    return _outline(_LINK_WITHOUT_ADDRESS.sub(r"\1", cleaned), top)


_LINK_WITHOUT_ADDRESS = re.compile(r'<a(?: rel="noopener nofollow")?>(.*?)</a>', re.DOTALL)
"""A link whose address the sanitiser removed (``javascript:``, ``data:``…): its words stay,
as plain text, not as something that looks like a link and does nothing. Sanitised links
never nest, so the first closing tag is its own."""


def _outline(sanitised: str, top: int) -> str:
    """Renumber the headings of sanitised HTML (balanced tags, headings never nested) as
    an outline: the first is `top`; a heading one level deeper than the heading above it
    as written goes one level deeper, any shallower one back to where that level started;
    never past h6. Skipped levels (``#`` then ``###``) thus close up."""
    opened: list[tuple[int, int]] = []  # (level as written, level given), outermost first
    current = top

    def renumber(match: re.Match[str]) -> str:
        nonlocal current
        if not match.group(1):
            written = int(match.group(2))
            while opened and opened[-1][0] >= written:
                opened.pop()
            current = min(opened[-1][1] + 1, 6) if opened else top
            opened.append((written, current))
        return f"<{match.group(1)}h{current}"

    return _HEADING_TAG.sub(renumber, sanitised)


def front_matter(values: dict[str, object]) -> str:
    """A YAML front-matter block; each value written as JSON (which is valid YAML).

    String values are HTML-escaped because the theme prints front-matter values (``title``
    into ``<title>`` and the header, ``description`` into ``<meta>``) without escaping.
    Generated pages always set ``title``: without it the theme derives the ``<title>`` from
    the first heading through Jinja's ``striptags``, which turns ``&lt;`` back into ``<``.
    """
    lines = [f"{key}: {jsontext.dumps(_escaped(value))}" for key, value in values.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


def json_attribute(value: object) -> str:
    """`value` as JSON inside a quoted HTML attribute; ``JSON.parse`` reads it back exactly."""
    return html.escape(jsontext.dumps(value), quote=True)


@functools.cache
def _to_markdown() -> Any:
    """The converter, made on first use: markdownify and Beautiful Soup take 0.1 s to
    import, and only a typical case's WeChat article needs them."""
    from markdownify import MarkdownConverter

    return MarkdownConverter(
        escape_misc=True, heading_style="ATX", bullets="-", strong_em_symbol="*", wrap=False
    )


def markdown_source(markdown_text: str) -> str:
    """Markdown written by a college, re-written as Markdown that only says what `rich` allows.

    Any Markdown reader may render the result, so it is produced from the sanitised HTML:
    raw HTML, images and links to other schemes are gone, and ``<``, ``&`` and the other
    characters that could start markup are backslash-escaped text.
    """
    return _to_markdown().convert(rich(markdown_text)).strip()


def markdown_as_written(markdown_text: str) -> str:
    """The author's Markdown without its HTML comments (an unclosed one runs to the end,
    as it does in the rendered page)."""
    return _HTML_COMMENT.sub("", markdown_text)


def _without_generic_attributes(tag: str, name: str, value: str) -> str | None:
    """nh3 also allows ``lang`` and ``title`` on every tag; keep only what we listed
    (``rel`` is the one nh3 sets itself). nh3 keeps every address without a scheme and
    every http(s) one, so one that still leads to another site without saying so
    (``//host``, ``https:/host``: `keeps_address`) goes here."""
    if name == "href" and not keeps_address(value):
        return None
    return value if name in ALLOWED_ATTRIBUTES.get(tag, ()) or name == "rel" else None


def _escaped(value: object) -> object:
    return attribute(value) if isinstance(value, str) else value
