"""Safe YAML loading that remembers where every value came from.

The loader walks PyYAML's event stream (libyaml's C parser when installed) and builds
plain Python values itself, so that it can:

* keep the line and column of every key and value (for errors at the exact spot);
* read plain scalars as YAML 1.2 does, like VS Code and check-jsonschema (``yes`` is
  text), refusing spellings readers disagree on and absurd numbers
  (`showcase.load.scalars`);
* refuse duplicate keys, anchors and aliases, merge keys, custom tags, ``%YAML``
  directives and multi-document files;
* keep dates as the strings the author wrote (``2024-09-01`` stays a string);
* refuse control and bidirectional characters in any spelling, at their exact column
  (`showcase.load.characters`);
* refuse files that are empty, too large, not UTF-8 or symlinks (a BOM and CRLF are fine).

Example::

    doc, problems = load_yaml(Path("projects/textile/smart-yarn.yaml"), "projects/...")
    doc.data["team"][0]["name"]          # "王小明"
    doc.position(("team", 0, "name"))    # (12, 11): line and column, 1-based
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from showcase.load.characters import FORBIDDEN_IN_VALUE, escaped_characters, hidden_characters
from showcase.load.files import decode_text, read_source
from showcase.load.files import file_problem as _file_problem
from showcase.load.scalars import FIRST_CHARACTERS, resolve_plain
from showcase.load.syntax import syntax_problem
from showcase.problems import Problem

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml missing: slower, same results
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 64 * 1024
"""A project file is a page of text; anything larger is a mistake or an attack."""

JsonPath = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_ALLOWED_EXPLICIT_TAGS = {_STR, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}


@dataclass
class Document:
    """A loaded file: its data plus the 1-based position of every key and value."""

    path: str
    data: Any
    value_positions: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    text: str = ""
    """The decoded source without its BOM, for checks that read comments too."""
    refused: set[JsonPath] = field(default_factory=set)
    """Values the loader already reported (an ambiguous number, an escaped control
    character): the schema check does not repeat a second message about them."""
    multiline: list[JsonPath] = field(default_factory=list)
    """String values holding a tab or a line break before their end, for the check that
    only Markdown fields may have them (`showcase.validate.schema_check`)."""

    def position(self, path: JsonPath) -> tuple[int, int]:
        """Where the value at `path` starts, or its nearest ancestor when it is absent."""
        for end in range(len(path), -1, -1):
            found = self.value_positions.get(path[:end])
            if found:
                return found
        return (1, 1)

    def root_position(self) -> tuple[int, int]:
        """Where the top-level value starts ((1, 1) when the file holds none)."""
        return self.value_positions.get((), (1, 1))

    def key_position(self, path: JsonPath) -> tuple[int, int]:
        """Where the key naming `path` stands; the value's position for list items."""
        return self.key_positions.get(path) or self.position(path)

    def top_value(self, key: str) -> Any:
        """The value of `key` in the top-level mapping; None when it is absent or the data
        is no mapping. The rules between records read a few such values of every file."""
        data = self.data
        return data.get(key) if isinstance(data, dict) else None


@dataclass(slots=True)
class Deferred:
    """A document's data read only when something asks for it (`RestoredDocument`), and
    the values of its top-level mapping known without reading it (`Document.top_value`)."""

    read: Callable[[], Any]
    top: dict[str, Any]


_POSITION_FIELDS = frozenset({"value_positions", "key_positions"})


class RestoredDocument(Document):
    """A document rebuilt from its path, data, text and the loader's notes (the validation
    cache keeps no positions: they are most of a document's size and rarely read once a
    file passed; nor the text, which `text` may read again).

    The positions are found again, by parsing the same text, the first time anything asks
    for them. Only made for a text `load_yaml` already accepted, so the second parse
    succeeds and gives exactly what the first did. `text` is that text, or a function
    reading it again the first time it is asked for, which gives None when the file no
    longer holds it (changed since it was checked): then the text is empty and every
    position is the file's start, (1, 1), until the next run reads the new file. `data`
    may likewise be `Deferred`: read the first time anything but its known top-level
    values is asked for.
    """

    def __init__(
        self,
        path: str,
        data: Any,
        text: str | Callable[[], str | None],
        refused: set[JsonPath],
        multiline: list[JsonPath],
        root: tuple[int, int],
    ):
        self.path = path
        if isinstance(data, Deferred):
            self._deferred = data
        else:
            self.data = data
        if isinstance(text, str):
            self.text = text
        else:
            self._source = text
        self.refused, self.multiline, self.root = refused, multiline, root

    @functools.cached_property
    def text(self) -> str:  # type: ignore[override]
        found = self._source()
        if found is None:
            self.value_positions, self.key_positions = {}, {}
            return ""
        return found

    def root_position(self) -> tuple[int, int]:
        """Kept apart: the personal-data scan asks every document for it."""
        return self.root

    def top_value(self, key: str) -> Any:
        if "data" not in self.__dict__ and key in self._deferred.top:
            return self._deferred.top[key]
        return super().top_value(key)

    def __getattr__(self, name: str) -> Any:
        if name == "data" and "_deferred" in self.__dict__:
            self.data = self._deferred.read()
            return self.data
        if name not in _POSITION_FIELDS:
            raise AttributeError(name)
        text = self.text
        if name in self.__dict__:  # the file changed: no positions (`text`)
            return self.__dict__[name]
        builder = _Builder(self.path, text)
        builder.build(parse_events(text))
        self.value_positions, self.key_positions = builder.value_positions, builder.key_positions
        return getattr(self, name)


class _Refused(Exception):
    """Raised inside the walk when the file uses something we never accept."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def load_yaml(
    file: Path, display_path: str, max_bytes: int = MAX_FILE_BYTES
) -> tuple[Document | None, list[Problem]]:
    """Load one YAML file; return the document (None when unusable) and its problems."""
    raw, problems = read_yaml_source(file, display_path, max_bytes)
    if raw is None:
        return None, problems
    return load_yaml_bytes(raw, display_path)


def read_yaml_source(
    file: Path, display_path: str, max_bytes: int = MAX_FILE_BYTES
) -> tuple[bytes | None, list[Problem]]:
    """The bytes `load_yaml` parses, or None and why (a symlink, too large, unreadable)."""
    return read_source(
        file,
        display_path,
        max_bytes,
        "项目文件只写文字信息；长介绍请精简，图片放在项目文件夹里用 logo 字段引用。",
    )


def load_yaml_bytes(raw: bytes, display_path: str) -> tuple[Document | None, list[Problem]]:
    """Load YAML from bytes already read; see `load_yaml`."""
    text, problems = decode_text(raw, display_path)
    if text is None:
        return None, problems
    hidden = hidden_characters(text, display_path)
    if hidden:
        return None, hidden
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        return None, [
            _file_problem(
                display_path,
                "load.empty",
                "文件是空的。",
                "按模板填写项目信息，或用 ./dev new 生成新文件。",
            )
        ]
    builder = _Builder(display_path, text)
    try:
        data = builder.build(parse_events(text))
    except _Refused as refused:
        return None, [*builder.problems, refused.problem]
    except yaml.MarkedYAMLError as error:
        return None, [syntax_problem(display_path, error, text)]
    except yaml.YAMLError as error:  # pragma: no cover - unmarked errors are rare
        return None, [_file_problem(display_path, "load.syntax", f"YAML 语法错误：{error}", "")]
    document = Document(
        display_path,
        data,
        builder.value_positions,
        builder.key_positions,
        text,
        builder.refused,
        builder.multiline,
    )
    return document, builder.problems


def parse_events(text: str) -> Iterator[Any]:
    """libyaml's event stream for `text`, read lazily (PyYAML's own parser without libyaml)."""
    return iter(yaml.parse(text, Loader=_Loader))


class _Builder:
    """Turns the event stream into values, recording positions and problems."""

    def __init__(self, display_path: str, text: str):
        self.path = display_path
        self.text = text
        self.value_positions: dict[JsonPath, tuple[int, int]] = {}
        self.key_positions: dict[JsonPath, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.refused: set[JsonPath] = set()
        self.multiline: list[JsonPath] = []

    def build(self, events: Any) -> Any:
        events = iter(events)
        next(events)  # StreamStartEvent
        start = next(events)
        if not isinstance(start, DocumentStartEvent):  # pragma: no cover - empty handled before
            raise _Refused(_file_problem(self.path, "load.empty", "文件是空的。", ""))
        if start.version or start.tags:
            raise _Refused(
                Problem(
                    self.path,
                    *_position(start),
                    rule="load.directive",
                    message="不支持 %YAML 或 %TAG 指令：它们会改变 yes、on 等写法的含义。",
                    hint="删除以 % 开头的行和它下面的 --- 行。",
                )
            )
        value = self._value(next(events), events, ())
        next(events)  # DocumentEndEvent
        following = next(events)
        if not isinstance(following, StreamEndEvent):
            line, column = _position(following)
            raise _Refused(
                Problem(
                    self.path,
                    line,
                    column,
                    rule="load.multiple-documents",
                    message="一个文件里只能有一个 YAML 文档（发现了第二个 --- 分隔的文档）。",
                    hint="每个项目单独一个文件；删除多余的 --- 及其后的内容。",
                )
            )
        return value

    def _value(self, event: Any, events: Any, path: JsonPath) -> Any:
        mark = event.start_mark
        position = (mark.line + 1, mark.column + 1)
        self.value_positions[path] = position
        kind = event.__class__
        if kind is AliasEvent or event.anchor:
            raise _Refused(
                Problem(
                    self.path,
                    *position,
                    rule="load.anchor",
                    message="不支持 YAML 锚点（&）和别名（*）。",
                    hint="把要重复的内容直接写出来，每处写完整。",
                )
            )
        tag = event.tag
        if tag is not None and tag != "!" and tag not in _ALLOWED_EXPLICIT_TAGS:
            raise _Refused(
                Problem(
                    self.path,
                    *position,
                    rule="load.tag",
                    message=f"不支持自定义标签 {tag}。",
                    hint="删除值前面以 ! 开头的标签，只写普通的值。",
                )
            )
        if kind is ScalarEvent:
            return self._scalar(event, path, position)
        if kind is MappingStartEvent:
            return self._mapping(events, path)
        if kind is SequenceStartEvent:
            items: list[Any] = []
            for child in events:
                if child.__class__ is SequenceEndEvent:
                    return items
                items.append(self._value(child, events, (*path, len(items))))
        raise _Refused(  # pragma: no cover - the parser gives only the events above
            Problem(
                self.path,
                *position,
                rule="load.syntax",
                message="无法识别的 YAML 结构。",
                hint="",
            )
        )

    def _mapping(self, events: Any, path: JsonPath) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        key_positions = self.key_positions
        for key_event in events:
            if key_event.__class__ is MappingEndEvent:
                return mapping
            mark = key_event.start_mark
            key_position = (mark.line + 1, mark.column + 1)
            if key_event.__class__ is not ScalarEvent or key_event.anchor:
                raise _Refused(
                    Problem(
                        self.path,
                        *key_position,
                        rule="load.complex-key",
                        message="字段名必须是普通文字。",
                        hint="写成「字段名: 值」的形式。",
                    )
                )
            if key_event.value == "<<" and key_event.style == "" and key_event.implicit[0]:
                raise _Refused(
                    Problem(
                        self.path,
                        *key_position,
                        rule="load.merge-key",
                        message="不支持 YAML 合并键 <<：不同工具对它的处理不一致。",
                        hint="把要合并的字段直接逐项写出来。",
                    )
                )
            key = str(self._scalar(key_event, None, key_position))
            child_path = (*path, key)
            if key in mapping:
                first_line = key_positions[child_path][0]
                self.problems.append(
                    Problem(
                        self.path,
                        *key_position,
                        rule="load.duplicate-key",
                        field=key,
                        message=f"字段重复：第 {first_line} 行已经写过 {key}。",
                        hint="同一字段只写一次；删除或合并重复的那一处。",
                    )
                )
                self._value(next(events), events, ("<duplicate>",))
                continue
            key_positions[child_path] = key_position
            mapping[key] = self._value(next(events), events, child_path)
        return mapping  # pragma: no cover - the parser always closes mappings

    def _scalar(self, event: ScalarEvent, path: JsonPath | None, position: tuple[int, int]) -> Any:
        """The scalar's value: YAML 1.2 core types, text kept for anything refused.

        `path` is None for a key: keys are names, checked by the schema.
        """
        value = event.value
        style = event.style
        if style == '"' and (FORBIDDEN_IN_VALUE.search(value) or "&" in value):
            source = self.text[event.start_mark.index : event.end_mark.index]
            found = escaped_characters(source, value, self.path, *position)
            if found:
                self.problems += found
                if path is not None:
                    self.refused.add(path)
                return value
        if style or not event.implicit[0] or (value and value[0] not in FIRST_CHARACTERS):
            text = value  # no implicit type: text (the fast path for most values)
        else:
            resolved = resolve_plain(value)
            if resolved.refusal:
                rule, message, hint = resolved.refusal
                self.problems.append(
                    Problem(self.path, *position, rule=rule, message=message, hint=hint)
                )
                if path is not None:
                    self.refused.add(path)
            if not isinstance(resolved.value, str):
                return resolved.value
            text = resolved.value
        if path is not None and ("\t" in text or text.find("\n", 0, len(text) - 1) >= 0):
            self.multiline.append(path)
        return text


def _position(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1)
