"""Markup in plain one-line fields: shown as typed, so it is almost always a slip.

Every page escapes what a file says, so ``<b>重点</b>`` in a project's name is harmless,
but the visitor sees the angle brackets; a quote or bracket in a mailbox makes an address
no mail program takes. `markup_warnings` walks a record's strings (one quick search each;
the schema is consulted only on a hit) and warns with ``text.markup``:

* an HTML tag, comment or character reference in a string field that is not Markdown
  (``contentMediaType: text/markdown``);
* in a mailbox field (one whose pattern needs an "@"), a character no plain address holds:
  quotes, angle brackets, parentheses, commas, semicolons, backslashes;
* in a Markdown field, what the page will silently drop (`showcase.markdown_policy`), with
  ``markdown.removed``: an image, an HTML tag the page does not keep, a link whose address
  the page does not keep (`showcase.markdown_policy.keeps_address`: not http(s), or
  ``//host``, ``https:/host`` and their spellings). Code spans show markup as text, so
  they are skipped.

Example::

    markup_warnings(document, schema)   # [Problem(rule="text.markup", severity=WARNING …)]

A story's Markdown body is not a field of its front matter: `story_body_warnings` gives
it the same ``markdown.removed`` warning, at the body's first line.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import re
from typing import Any

from showcase.load.front_matter import body_line
from showcase.load.yamlfile import Document, JsonPath
from showcase.markdown_policy import ALLOWED_TAGS, keeps_address
from showcase.problems import Problem, Severity
from showcase.validate.labels import problem_at, schema_node
from showcase.validate.wording import wording

TEXT_MARKUP = "text.markup"
_SUSPECT = re.compile(r"[<&\"'(),;\\\[\]]")
"""What any finding below starts with: most strings are passed over by this one search."""
_MARKUP = re.compile(
    r"<\s*/?\s*[A-Za-z][^<>\n]*>|<!--|&(?:#[0-9]{1,7}|#[Xx][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)
_NOT_IN_MAILBOX = re.compile(r"[\"'<>(),;\\\[\]]")
MARKDOWN_REMOVED = "markdown.removed"
_CODE_SPAN = re.compile(r"(?<![\\`])(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
"""A code span shows what it holds as typed. Fences are not code on these pages, nor is
anything from a line that starts with a block-level HTML tag to the end of its block
(raw HTML)."""
_BLOCKS = re.compile(r"\n[ \t]*\n")
_FIRST_TAG = re.compile(r" {0,3}<([A-Za-z][A-Za-z0-9-]*)")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\s*(?:\([^)\n]*\)?|\[[^\]\n]*\]?)")
_TAG = re.compile(r"<\s*/?\s*([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^<>]*>?")
_ADDRESS = re.compile(
    r"""(?:(?P<markdown>\]\(\s*<?|^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\n?[ \t]*<?)|href\s*=\s*["']?)"""
    r"""\s*(?P<address>[^\s)"'<>]+(?:\n[^\s)"'<>]+)*)""",
    re.IGNORECASE | re.MULTILINE,
)
"""A link's address: in a Markdown link, a reference definition or a raw ``href``. A line
break inside it is dropped by browsers, so the address runs on past one."""
_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()>#+\-.!|])")
"""Python-Markdown's backslash escapes, which a Markdown link's address is read through."""


def markup_warnings(document: Document, schema: dict[str, Any]) -> list[Problem]:
    """A warning for each plain one-line string of `document` that holds markup, and for
    each Markdown string that holds what its page will drop."""
    suspects: list[tuple[JsonPath, str]] = []
    _collect(document.data, (), suspects)
    problems = []
    for path, value in suspects:
        node = schema_node(schema, path)
        if node.get("type") != "string":
            continue
        if node.get("contentMediaType") == "text/markdown":
            removed = dropped_markdown(value)
            if removed:
                texts = wording(MARKDOWN_REMOVED, shown=removed)
                problem = problem_at(document, schema, path, MARKDOWN_REMOVED, *texts)
                problems.append(dataclasses.replace(problem, severity=Severity.WARNING))
            continue
        odd = _NOT_IN_MAILBOX.search(value) if "@" in node.get("pattern", "") else None
        markup = None if odd else _MARKUP.search(value)
        if odd:
            texts = wording(f"{TEXT_MARKUP}/mailbox", shown=odd.group())
        elif markup:
            texts = wording(TEXT_MARKUP, shown=markup.group())
        else:
            continue
        problem = problem_at(document, schema, path, TEXT_MARKUP, *texts)
        problems.append(dataclasses.replace(problem, severity=Severity.WARNING))
    return problems


def story_body_warnings(document: Document, body: str, field: str) -> list[Problem]:
    """The ``markdown.removed`` warning for a story's Markdown `body` (the text after the
    front matter of `document`), at the body's first written line, or none."""
    removed = dropped_markdown(body)
    if not removed:
        return []
    message, hint = wording(f"{MARKDOWN_REMOVED}/story", shown=removed)
    return [
        Problem(
            document.path,
            body_line(document.text),
            1,
            rule=MARKDOWN_REMOVED,
            field=field,
            message=message,
            hint=hint,
            severity=Severity.WARNING,
        )
    ]


def dropped_markdown(text: str) -> str | None:
    """What in Markdown `text` its page will not show (images, HTML tags the sanitiser
    removes, link addresses it does not keep), quoted as written in the order written:
    the first `SHOWN_DROPS`, then how many there are in all."""
    text = "\n\n".join(_without_code_spans(block) for block in _BLOCKS.split(text))
    images = list(_IMAGE.finditer(text))
    found = [(image.start(), image.group()) for image in images]
    tags = [tag for tag in _TAG.finditer(text) if tag[1].lower() not in ALLOWED_TAGS]
    opened = {tag[1].lower() for tag in tags if not _closing(tag)}
    found += [
        (tag.start(), tag.group())
        for tag in tags
        if tag[1].lower() not in opened or not _closing(tag)
    ]
    found += [
        (link.start("address"), link.group("address"))
        for link in _ADDRESS.finditer(text)
        if not keeps_address(_as_written(link))
        and not any(image.start() <= link.start() < image.end() for image in images)
    ]
    shown = list(dict.fromkeys(written[:60] for _, written in sorted(found)))
    if not shown:
        return None
    quoted = "".join(f"「{written}」" for written in shown[:SHOWN_DROPS])
    return quoted if len(shown) <= SHOWN_DROPS else f"{quoted}等 {len(shown)} 处"


def _as_written(link: re.Match[str]) -> str:
    """The address a browser is given: character references decoded, and in Markdown
    (not raw HTML) backslash escapes too."""
    address = link.group("address")
    if link.group("markdown") is not None:
        address = _MARKDOWN_ESCAPE.sub(r"\1", address)
    return html.unescape(address)


def _closing(tag: re.Match[str]) -> bool:
    """Whether a `_TAG` match is an end tag (``</div>``): quoted only without its start tag."""
    return tag.group().lstrip("< \t").startswith("/")


SHOWN_DROPS = 3
"""A warning quotes this many of a field's dropped pieces; a longer list would hide the fix."""


def _without_code_spans(block: str) -> str:
    """`block` with its code spans blanked, up to a line that starts with a block-level
    tag: from there to the block's end, Python-Markdown passes the text on as raw HTML."""
    lines = block.split("\n")
    for number, line in enumerate(lines):
        tag = _FIRST_TAG.match(line)
        if tag is not None and tag.group(1).lower() in _block_level_tags():
            head = "\n".join(lines[:number])
            return "\n".join([_CODE_SPAN.sub(" ", head), *lines[number:]])
    return _CODE_SPAN.sub(" ", block)


@functools.cache
def _block_level_tags() -> frozenset[str]:
    from markdown.util import BLOCK_LEVEL_ELEMENTS  # only validation of Markdown needs it

    return frozenset(BLOCK_LEVEL_ELEMENTS)


def _collect(value: Any, path: JsonPath, out: list[tuple[JsonPath, str]]) -> None:
    if isinstance(value, str):
        if _SUSPECT.search(value):
            out.append((path, value))
    elif isinstance(value, dict):
        for key, item in value.items():
            _collect(item, (*path, key), out)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _collect(item, (*path, index), out)
