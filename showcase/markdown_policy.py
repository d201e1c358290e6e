"""What a college's Markdown may keep on a page: the tags, attributes and link addresses the
render stage's sanitiser allows (`showcase.render.text.rich`), and validation warns about
everything else before it silently vanishes (`showcase.validate.markup_text`)."""

from __future__ import annotations

import re

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


_STRIPPED_AROUND = "".join(map(chr, range(0x21)))
"""What a browser strips from both ends of an address: C0 controls and spaces."""
_DROPPED_INSIDE = re.compile(r"[\t\n\r]")
"""What a browser drops anywhere in an address."""
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


def _as_browsers_read(address: str) -> str:
    """`address` (its HTML character references already decoded) as a browser's URL parser
    starts from: a space before ``/``, a tab between two slashes are gone."""
    return _DROPPED_INSIDE.sub("", address.strip(_STRIPPED_AROUND))


def names_another_host(address: str) -> bool:
    """Whether an address without a scheme still leads to another site: browsers read a
    backslash as a slash, so ``//host``, ``\\\\host``, ``/\\host`` and ``\\/host`` all open
    ``host`` with the page's own scheme. A page keeps no such link: it would be a link
    to anywhere that neither looks like one nor says which scheme it uses."""
    read = _as_browsers_read(address)
    return len(read) >= 2 and read[0] in "/\\" and read[1] in "/\\"


def keeps_address(address: str) -> bool:
    """Whether a page keeps a link to `address` (character references decoded): a relative
    address that stays on the site, or one whose scheme is in `ALLOWED_SCHEMES` followed by
    exactly ``//`` and a host. Browsers also read ``https:/host``, ``https:\\host`` and,
    on a page of the other scheme, ``http:host`` as links to ``host``; a link that does not
    look like one is not kept."""
    read = _as_browsers_read(address)
    scheme = _SCHEME.match(read)
    if scheme is None:
        return not names_another_host(address)
    rest = read[scheme.end() :]
    return (
        scheme.group(1).lower() in ALLOWED_SCHEMES
        and rest.startswith("//")
        and rest[2:3] not in ("/", "\\")
    )
