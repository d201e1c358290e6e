"""Turning data values into safe page text.

Everything a college writes ends up inside a Markdown page that MkDocs turns into HTML, so
every value goes through exactly one of these doors:

- `inline(value)` for plain-text fields placed in Markdown (headings, table cells, list
  items, link text): HTML-escaped, Markdown specials backslash-escaped, whitespace collapsed,
  so a project called ``<script>`` or ``*x*`` shows exactly those characters.
- `attribute(value)` for plain text inside raw HTML (element text or quoted attributes).
- `rich(markdown_text)` for the Markdown fields (project and college ``description``,
  mentor ``bio``): converted with Python-Markdown, then sanitised with nh3 down to a small
  set of harmless tags; links may only be http, https or relative and get
  ``rel="noopener nofollow"``. Images are not allowed: they would make the visitor's
  browser fetch from another host.
- `front_matter(mapping)` for the YAML block at the top of a page.
"""

from __future__ import annotations

import html
import json
import re

import markdown
import nh3

# The characters Python-Markdown (with the tables extension) unescapes after a backslash.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")

_ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "b",
    "i",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
_ALLOWED_SCHEMES = {"http", "https"}

_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)

_converter = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")


def inline(value: str) -> str:
    """Plain text made literal in inline Markdown (one line, nothing interpreted)."""
    collapsed = " ".join(value.split())
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(collapsed, quote=False))


def attribute(value: str) -> str:
    """Plain text made literal inside raw HTML, including quoted attribute values."""
    return html.escape(" ".join(value.split()), quote=True)


def rich(markdown_text: str) -> str:
    """Markdown written by a college, as sanitised HTML safe to embed in a page.

    Headings are moved two levels down (``#`` becomes h3) so a description sits under the
    page's own section heading and cannot break its outline.
    """
    if not markdown_text.strip():
        return ""
    converted = _HEADING_TAG.sub(_demote_heading, _converter.reset().convert(markdown_text))
    return nh3.clean(
        converted,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_ALLOWED_SCHEMES,
        link_rel="noopener nofollow",
        strip_comments=True,
    ).strip()


def front_matter(values: dict[str, object]) -> str:
    """A YAML front-matter block; each value written as JSON (which is valid YAML).

    String values are HTML-escaped because the theme prints front-matter values (``title``
    into ``<title>`` and the header, ``description`` into ``<meta>``) without escaping.
    Generated pages always set ``title``: without it the theme derives the ``<title>`` from
    the first heading through Jinja's ``striptags``, which turns ``&lt;`` back into ``<``.
    """
    lines = [
        f"{key}: {json.dumps(_escaped(value), ensure_ascii=False)}" for key, value in values.items()
    ]
    return "---\n" + "\n".join(lines) + "\n---\n"


def _demote_heading(match: re.Match[str]) -> str:
    return f"<{match.group(1)}h{min(int(match.group(2)) + 2, 6)}"


def _escaped(value: object) -> object:
    return attribute(value) if isinstance(value, str) else value
