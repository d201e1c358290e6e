"""What a college's Markdown may keep on a page: the tags, attributes and link schemes the
render stage's sanitiser allows (`showcase.render.text.rich`), and validation warns about
everything else before it silently vanishes (`showcase.validate.markup_text`)."""

from __future__ import annotations

ALLOWED_TAGS = {
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
    "h1",
    "h2",
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
ALLOWED_ATTRIBUTES = {"a": {"href"}, "th": {"align"}, "td": {"align"}}
"""No ``title``: Material's ``content.tooltips`` feature would render it as HTML."""
ALLOWED_SCHEMES = {"http", "https"}
