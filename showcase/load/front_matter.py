"""Markdown files with a YAML front-matter block, loaded with positions kept.

The block between the opening ``---`` line and the next ``---`` line goes through the
same safe loader as every YAML file (`showcase.load.yamlfile`), with the opening line
read as a blank one, so every line number, in a position or inside a message ("第 2 行已经
写过"), is the line of the ``.md`` file. Stories must have the block
(`load_front_matter`); a hand-written page may (`opens_front_matter`,
`parse_front_matter`), and MkDocs would publish a block it cannot read as the page's
text, so the validator reads it first.

Example::

    document, body, problems = load_front_matter(Path("content/stories/x.md"), "content/...")
    document.position(("case",))   # (2, 7): line 2 of the .md file
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import yaml

from showcase.load.characters import hidden_characters
from showcase.load.files import decode_text, file_problem, read_source
from showcase.load.yamlfile import Document, load_yaml_bytes
from showcase.problems import Problem

try:
    from yaml import CSafeLoader as _MkDocsLoader
except ImportError:  # pragma: no cover - libyaml missing: the same answers, slower
    from yaml import SafeLoader as _MkDocsLoader  # type: ignore[assignment]

MAX_STORY_BYTES = 128 * 1024
_FENCE = "---"
_MKDOCS_OPENING = re.compile(r"---[ \t]*(?:\r?\n|\Z)")
_MKDOCS_BLOCK = re.compile(r"-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
"""`mkdocs.utils.meta.YAML_RE`: where MkDocs finds a page's front matter."""


def load_front_matter(file: Path, display_path: str) -> tuple[Document | None, str, list[Problem]]:
    """The front matter as a `Document` (None when unusable), the Markdown body, problems."""
    raw, problems = read_source(
        file,
        display_path,
        MAX_STORY_BYTES,
        "稿件只写文字；图片放在同名文件夹里，用 image 字段引用。",
    )
    if raw is None:
        return None, "", problems
    text, problems = decode_text(raw, display_path)
    if text is None:
        return None, "", problems
    hidden = hidden_characters(text, display_path)
    if hidden:
        return None, "", hidden
    if text.split("\n", 1)[0].strip() != _FENCE:
        return (
            None,
            "",
            [
                file_problem(
                    display_path,
                    "story.front-matter",
                    "稿件开头缺少 --- 之间的信息块。",
                    "第一行写 ---，接着写「case: 案例编号」，再写一行 ---，然后是正文。",
                )
            ],
        )
    return parse_front_matter(text, display_path, "story.front-matter")


def opens_front_matter(text: str) -> bool:
    """Whether `text` starts with a front-matter block as MkDocs reads one: a first line of
    ``---`` (trailing blanks allowed). Without it a page has no front matter at all."""
    return _MKDOCS_OPENING.match(text) is not None


def mkdocs_meta(text: str) -> dict[str, Any] | None:
    """The front matter of a page's `text` as MkDocs reads it (`mkdocs.utils.meta.get_data`:
    YAML 1.1, so ``yes`` is true and ``12:30`` a number): {} without a block, None for a
    block it does not find or cannot read as a mapping, which it then publishes as the
    page's text."""
    found = _MKDOCS_BLOCK.match(text.replace("\r\n", "\n"))
    if found is None:  # no block, or one MkDocs does not see (no line break after its end)
        return None if opens_front_matter(text) else {}
    try:
        meta = yaml.load(found.group(1), Loader=_MkDocsLoader)
    except Exception:  # as MkDocs: any failure (a bad date too) leaves the block unread
        return None
    return meta if isinstance(meta, dict) else None


def parse_front_matter(
    text: str, display_path: str, rule: str
) -> tuple[Document | None, str, list[Problem]]:
    """The front matter of `text`, whose first line is ``---``: the block up to the next
    ``---`` line, loaded like every YAML file, with positions in `text`; the Markdown body
    after it; problems (`rule` for a block that never ends). MkDocs also ends the block
    at YAML's ``...``, which the pages' titles (`showcase.render.content_pages`) do not
    read: such a block is refused as never ending."""
    lines = text.replace("\r\n", "\n").split("\n")
    end = _closing_fence(lines)
    if end is None:
        return (
            None,
            "",
            [
                Problem(
                    display_path,
                    1,
                    1,
                    rule=rule,
                    message="开头的 --- 信息块没有结束。",
                    hint="在信息块最后一行之后单独写一行 ---。",
                )
            ],
        )
    block = "\n".join(["", *lines[1:end]]) + "\n"  # the opening --- as a blank line
    body = "\n".join(lines[end + 1 :]).strip() + "\n"
    if not block.strip():  # the loader's "empty file" would name the whole file
        return None, body, [_empty_block(display_path, rule)]
    document, problems = load_yaml_bytes(block.encode("utf-8"), display_path)
    if document is not None:
        document = dataclasses.replace(document, text=text)
    return document, body, problems


def body_line(text: str) -> int:
    """The line of `text` (a front-matter block, then Markdown) where the body's writing
    starts: its first line that is not blank after the closing ``---``."""
    lines = text.replace("\r\n", "\n").split("\n")
    end = _closing_fence(lines) or 0
    return next((i for i in range(end + 1, len(lines)) if lines[i].strip()), end + 1) + 1


def _closing_fence(lines: list[str]) -> int | None:
    """The index of the ``---`` line that ends the block opened by the first line."""
    return next((i for i in range(1, len(lines)) if lines[i].strip() == _FENCE), None)


def _empty_block(display_path: str, rule: str) -> Problem:
    return Problem(
        display_path,
        1,
        1,
        rule=rule,
        message="开头的 --- 信息块是空的。",
        hint="在两行 --- 之间一行写一个「字段名: 值」；不需要信息块就删掉这两行。",
    )
