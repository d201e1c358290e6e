"""The same project submitted twice: project names that are equal once normalised.

Two files describing one project (sent again under a new id, or by another college) are
found by their ``name``: each name is normalised (Unicode NFKC, so full-width letters are
plain ones; case folded; traditional characters turned simplified with OpenCC's ``t2s``
table; everything but letters and digits dropped) and the names are bucketed by that
key, so the cost stays linear at 10,000 projects. Every file in a bucket of two or more
is reported (``project.duplicate-name``), naming the other projects by name and college
(`other_project`: the 提交项目 form says it the same way, to a reader who knows no paths).

In a partial run (``invoke validate FILE``) the selected files are compared with every
other project too; those are only peeked at up to their top-level ``name``.

Example::

    normalised_name("經緯 Smart-Yarn！")   # "经纬smartyarn"
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Protocol

import opencc
from yaml import (
    MappingEndEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    YAMLError,
)

from showcase.load.files import read_source
from showcase.load.scalars import resolve_plain
from showcase.load.yamlfile import MAX_FILE_BYTES, Document, parse_events
from showcase.paths import Layout, college_of
from showcase.problems import Problem
from showcase.validate.labels import field_label, schema_title
from showcase.validate.wording import LIST_SEPARATOR, wording

_NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]+")


@functools.cache
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def normalised_name(name: str) -> str:
    """The key two names share when a reader would take them for the same name."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return _NOT_LETTER_OR_DIGIT.sub("", _to_simplified().convert(folded))


def normalised_names(names: list[str]) -> list[str]:
    """`normalised_name` of each of `names`, with one OpenCC call for all of them (10,000
    calls cost a second): no phrase of its tables holds a line break, so names written one
    a line are converted as each alone. A name holding a line break goes alone."""
    folded = [unicodedata.normalize("NFKC", name).casefold() for name in names]
    single = [name for name in folded if "\n" not in name]
    converted = iter(_to_simplified().convert("\n".join(single)).split("\n") if single else ())
    return [
        _NOT_LETTER_OR_DIGIT.sub(
            "", _to_simplified().convert(name) if "\n" in name else next(converted)
        )
        for name in folded
    ]


def traditional_spellings(names: Iterable[str]) -> dict[str, str]:
    """Traditional character → the simplified one it folds to, for the characters of `names`.

    What a browser needs to fold a typed name the way `normalised_name` does, as far as
    it can match one of `names`: OpenCC's tables themselves are too big to ship. Each
    name is written in traditional characters whole (OpenCC picks 複 or 復 for 复 by the
    phrase) and character by character, and every traditional character that folds back
    is kept.
    """
    folded = sorted({unicodedata.normalize("NFKC", n).casefold() for n in names} - {""})
    folded = [name for name in folded if "\n" not in name]  # one name a line, below
    if not folded:  # "".split("\n") is [""], not []: nothing to convert
        return {}
    characters = sorted({character for name in folded for character in name})
    pairs: set[tuple[str, str]] = set()
    for table in ("s2t", "s2tw", "s2hk"):
        converter = opencc.OpenCC(table)
        singly = converter.convert("\n".join(characters)).split("\n")
        pairs.update(zip(singly, characters, strict=True))
        whole = converter.convert("\n".join(folded)).split("\n")  # one call for every name
        for name, written in zip(folded, whole, strict=True):
            if len(written) == len(name):
                pairs.update(zip(written, name, strict=True))
    spellings = {
        variant: character
        for variant, character in pairs
        if variant != character and _to_simplified().convert(variant) == character
    }
    return dict(sorted(spellings.items()))


def other_project(name: str, college: str) -> str:
    """Another project as a message names it: its name and its college's name."""
    return f"「{name}」（{college}）"


def check_duplicate_names(
    layout: Layout,
    loaded: Iterable[tuple[Document, Path]],
    unselected: Iterable[Path],
    schema: dict[str, Any],
    college_names: Mapping[str, str] | None = None,
    kept: KeptClashes | None = None,
) -> list[Problem]:
    """A problem on each loaded project whose name another project also uses.

    `unselected` are the project files a partial run does not check; their names are
    peeked at so that a new file is still compared with the whole repository.
    `college_names` (college id → name) words the other projects' colleges; an id
    missing there is shown as written. `kept`: where the name groups of the last run are
    kept (`_clashes`).
    """
    documents = {file: document for document, file in loaded}
    named = list(_names(documents, unselected))
    groups = _clashes(named, kept)
    shown: dict[Path, str] = {}
    for group in groups:
        for file, name in (named[number] for number in group):
            college = college_of(layout.relative(file)) or ""
            shown[file] = other_project(name, (college_names or {}).get(college, college))
    title = schema_title(schema, ("name",))
    problems = []
    for group in groups:
        files = [named[number][0] for number in group]
        for file in files:
            document = documents.get(file)
            if document is None:
                continue
            others = LIST_SEPARATOR.join(shown[other] for other in sorted(files) if other != file)
            message, hint = wording("project.duplicate-name", others=others)
            line, column = document.position(("name",))
            problems.append(
                Problem(
                    document.path,
                    line,
                    column,
                    rule="project.duplicate-name",
                    field=field_label(("name",), title),
                    message=message,
                    hint=hint,
                )
            )
    return problems


class KeptClashes(Protocol):
    """Where the groups of a list of names are kept between runs (the validation cache)."""

    def kept_groups(self, kind: str, key: bytes) -> list[list[int]] | None: ...

    def keep_groups(self, kind: str, key: bytes, groups: list[list[int]]) -> None: ...


def _clashes(named: list[tuple[Path, str]], kept: KeptClashes | None) -> list[list[int]]:
    """The positions in `named` of each group of two or more equal names once normalised,
    in the order of `named`. The groups depend on the names and their order alone, so
    `kept` keeps them under a digest of the (file, name) list: a warm build whose names
    did not change (10,000 of them) normalises none."""
    key = b""
    if kept is not None:
        digest = hashlib.blake2b(digest_size=16, person=b"duplicate-names")
        for file, name in named:
            for part in (str(file), name):
                data = part.encode("utf-8", "surrogatepass")
                digest.update(len(data).to_bytes(8, "little") + data)
        key = digest.digest()
        found = kept.kept_groups("duplicate-names", key)
        if found is not None and _fits(found, len(named)):
            return found
    buckets: dict[str, list[int]] = {}
    normalised = normalised_names([name for _, name in named])
    for number, folded in enumerate(normalised):
        if folded:
            buckets.setdefault(folded, []).append(number)
    groups = [group for group in buckets.values() if len(group) > 1]
    if kept is not None:
        kept.keep_groups("duplicate-names", key, groups)
    return groups


def _fits(groups: object, count: int) -> bool:
    """Groups that can be positions of a list of `count` names (a kept value is untrusted)."""
    return type(groups) is list and all(
        type(group) is list
        and len(group) > 1
        and all(type(n) is int and 0 <= n < count for n in group)
        for group in groups
    )


def _names(
    documents: dict[Path, Document], unselected: Iterable[Path]
) -> Iterable[tuple[Path, str]]:
    for file, document in documents.items():
        name = document.top_value("name")
        if isinstance(name, str) and ("name",) not in document.refused:
            yield file, name
    for file in unselected:
        name = _peek_name(file)
        if name is not None:
            yield file, name


def _peek_name(file: Path) -> str | None:
    """A project's top-level ``name``, parsing only as far as that key; None if unreadable."""
    raw, _ = read_source(file, file.name, MAX_FILE_BYTES, "")
    if raw is None:
        return None
    try:
        events = parse_events(raw.decode("utf-8-sig"))
        top = next(e for e in events if isinstance(e, NodeEvent))
        if not isinstance(top, MappingStartEvent):
            return None
        for key in events:
            if not isinstance(key, ScalarEvent):
                return None  # the mapping ended without a name
            value = next(events)
            if key.value == "name":
                return _text(value)
            _skip_nested(value, events)
    except (UnicodeDecodeError, YAMLError, StopIteration):
        return None
    return None


def _text(event: Any) -> str | None:
    if not isinstance(event, ScalarEvent):
        return None
    if event.style or not event.implicit[0]:
        return str(event.value)
    resolved = resolve_plain(event.value).value
    return resolved if isinstance(resolved, str) else None


def _skip_nested(event: Any, events: Any) -> None:
    """Consume the rest of a list or mapping value that starts with `event`."""
    depth = 1 if isinstance(event, (MappingStartEvent, SequenceStartEvent)) else 0
    while depth:
        following = next(events)
        if isinstance(following, (MappingStartEvent, SequenceStartEvent)):
            depth += 1
        elif isinstance(following, (MappingEndEvent, SequenceEndEvent)):
            depth -= 1
