"""Reusing what an earlier render produced, when the declared inputs are equal.

Most of a site's pages are one record's page (a project page at 10,000 projects is 97 % of
them), and most builds change a few records. A renderer that reads only one value, its
*declared inputs* (e.g. `showcase.render.project_page.ProjectPageInputs`), gives equal
output for equal inputs, so `RenderMemo.reuse` can hand back the output of the previous
build whenever that value is equal, by a digest of its pickle together with the code
version. A pickle only matches a pickle of an equal value, so a reused output can never be
stale; two equal values that pickle differently only cost a render.

Digests are the costly part of a warm render (a pickle per input, tens of thousands of
inputs at 10,000 projects), so they are made cheap three ways:

* `digest_of` computes a record's digest once per render, by identity, however many
  outputs read it (a college, a mentor: every page of their projects);
* `know` seeds it with a digest the record comes with: a project read through the
  validation cache is a function of its file's path and bytes and of the code, libraries
  and schemas, whose digest the cache already holds
  (`showcase.validate.cache.ValidationCache.record_digests`); pickling 10,000 projects is
  then not needed at all;
* `key` digests inputs once when several outputs share them (a project's JSON record and
  CSV row), and `reuse_keyed` takes that key.

A whole file of the docs tree (a project page, its edit JSON) is kept by `reuse_file`
without its text: its entry holds the digest of the file's bytes (`file_digest`), and a
reused file is a `KeptFile` (that digest and a way to render it again). The docs writer
(`showcase.engine.docs_writer`) leaves a file alone whose listing says it still holds
those bytes, so at 10,000 projects ~70 MB of page text is neither stored, read back,
hashed nor compared on a warm build; a file changed or deleted outside the build is
rendered again.

Render stays pure: the memo is an ordinary value passed in and handed back. The engine
loads the previous build's entries and saves `RenderMemo.entries` after a build that
succeeded (`showcase.engine.render_cache`).

Example::

    memo = RenderMemo(previous_entries, version)
    text = memo.reuse("projects/x/index.md", inputs, lambda: project_page(inputs))
    save(memo.entries)  # only what this build used: entries never pile up
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import pickle
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

Entry = tuple[bytes, str]
"""The digest of the inputs and the text rendered from them (for a whole file, named
`FILE` + its docs path, the `file_digest` of its bytes)."""
FILE = "file:"
"""The prefix of a whole file's entry (`RenderMemo.reuse_file`)."""


class Given(Protocol):
    """Outputs made elsewhere (`RenderMemo.give`)."""

    def get(self, name: str) -> tuple[bytes, str | bytes] | None:
        """The key and the output named `name`, if made there (waiting for it if need be)."""


@dataclass(frozen=True, eq=False)
class KeptFile:
    """A whole output file the previous build made from equal inputs: the `file_digest`
    of its bytes, and `render`, which makes those bytes again (pure, from the inputs) for
    a writer that finds the file changed or gone. A digest of "" is a file not rendered
    yet (`RenderMemo.defer_files`): any writer renders it."""

    digest: str
    render: Callable[[], bytes]


def file_digest(content: bytes) -> str:
    """The digest the memo keeps of a whole file and the docs writer lists (hex)."""
    return hashlib.blake2b(content, digest_size=16).hexdigest()


class RenderMemo:
    """The outputs of one build by name, and those of the build before it."""

    def __init__(self, previous: Mapping[str, Entry] | None = None, version: str = "") -> None:
        self._previous = previous or {}
        self._version = version
        self.entries: dict[str, Entry] = {}
        self.reused = 0
        self.rendered = 0
        self._digests: dict[int, tuple[object, bytes]] = {}
        self._fixed_key = digest(version)
        self._given: Given | None = None
        self._deferred = False

    @property
    def previous(self) -> Mapping[str, Entry]:
        """The previous build's entries this memo was given."""
        return self._previous

    def reuse(self, name: str, inputs: object, render: Callable[[], str]) -> str:
        """The output named `name`: the previous build's if `inputs` are equal, else
        ``render()``. `render` must read nothing but `inputs` (and constants)."""
        return self.reuse_keyed(name, self.key(inputs), render)

    def key(self, inputs: object) -> bytes:
        """The key of `inputs` for `reuse_keyed` (with the code version)."""
        return digest((self._version, inputs))

    def declared_key(self, inputs: object) -> bytes:
        """The key of a frozen dataclass of declared inputs (a page's), each field's
        records counted by their digests (`records`)."""
        return self.key(
            tuple(self.records(getattr(inputs, name)) for name in _fields(type(inputs)))
        )

    def reuse_keyed(self, name: str, key: bytes, render: Callable[[], str]) -> str:
        """`reuse` with the `key` of the inputs already computed."""
        previous = self._previous.get(name)
        if previous is not None and previous[0] == key:
            self.reused += 1
            value = previous[1]
        else:
            self.rendered += 1
            value = self._given_output(name, key, str) or render()
        self.entries[name] = (key, value)
        return value

    def reuse_file(self, name: str, key: bytes, render: Callable[[], bytes]) -> bytes | KeptFile:
        """The whole file named `name` (a docs path): a `KeptFile` of the previous build's
        bytes if its inputs' `key` is equal, else ``render()``, its bytes."""
        previous = self._previous.get(FILE + name)
        if previous is not None and previous[0] == key:
            self.reused += 1
            self.entries[FILE + name] = previous
            return KeptFile(previous[1], render)
        self.rendered += 1
        made = functools.partial(self._rendered_file, name, key, render)
        return KeptFile("", made) if self._deferred else made()

    def _rendered_file(self, name: str, key: bytes, render: Callable[[], bytes]) -> bytes:
        content = self._given_output(FILE + name, key, bytes) or render()
        self.entries[FILE + name] = (key, file_digest(content))
        return content

    def defer_files(self) -> None:
        """From now on a whole file that is not the previous build's is rendered only when
        it is written, and its entry made then (a `KeptFile` with no digest): a one-shot
        build then never holds every page at once (~80 MB at 10,000 projects). `entries`
        are complete once every such file was rendered."""
        self._deferred = True

    def give(self, outputs: Given) -> None:
        """Outputs computed elsewhere (`showcase.engine.names_apart`: in another process,
        while this render runs), taken instead of rendering them when their key is the
        one wanted. Named as in `entries` (``FILE`` + the docs path for a whole file)."""
        self._given = outputs

    def _given_output(self, name: str, key: bytes, kind: type) -> str | bytes | None:
        found = self._given.get(name) if self._given is not None else None
        if found is None or found[0] != key or type(found[1]) is not kind:
            return None
        return found[1]

    def carry(self, names: Iterable[str]) -> None:
        """Keep the previous build's entries of `names` for the next build without using
        them now (parts of an output that was reused whole, e.g. each name's pinyin)."""
        for name in names:
            previous = self._previous.get(name)
            if previous is not None and name not in self.entries:
                self.entries[name] = previous

    def know(self, known: Iterable[tuple[object, bytes]]) -> None:
        """Take each record's digest as given (`digest_of` returns it for exactly that
        object). The digest must change whenever anything the record is built from does."""
        for record, given in known:
            self._digests[id(record)] = (record, b"known:" + given)

    def records(self, value: object) -> object:
        """`value` with every record in it (a dataclass instance, alone or in a tuple)
        replaced by its `digest_of`: a key as exact as `value`'s, at the cost of one pickle
        per record per render (or none, for a record it `know`s)."""
        if type(value) is tuple:
            if value and _is_record(value[0]):
                return tuple(self.digest_of(v) if _is_record(v) else v for v in value)
            return value
        return self.digest_of(value) if _is_record(value) else value

    def part_key(self, name: str, records: Iterable[Any], part: Callable[[Any], object]) -> bytes:
        """A key as exact as ``key(tuple(part(r) for r in records))`` for an output that
        reads only `part` of each record (what the assessment counts of a project, not
        its summary), at the cost of a dictionary lookup per unchanged record: each part's
        digest is kept under `name` by its record's digest (`part` must read nothing else)."""
        known = self.previous_digests(name)
        parts: dict[str, str] = {}
        digests = []
        for record in records:
            record_digest = self.digest_of(record).hex()
            found = parts.get(record_digest) or known.get(record_digest)
            if found is None:
                found = digest(part(record)).hex()
            parts[record_digest] = found
            digests.append(found)
        self.keep_digests(name, parts)
        return self.key((name, tuple(digests)))

    def previous_digests(self, name: str) -> dict[str, str]:
        """The map of hex digests the previous build kept under `name` (`keep_digests`)."""
        previous = self._previous.get(name)
        if previous is None or previous[0] != self._fixed_key:
            return {}
        return dict(pair.split(",", 1) for pair in previous[1].split(";") if pair)

    def keep_digests(self, name: str, digests: Mapping[str, str]) -> None:
        """Keep a map of hex digests (one digest to another) under `name` for the next
        build, as one entry of this code version."""
        self.entries[name] = (self._fixed_key, ";".join(f"{k},{v}" for k, v in digests.items()))

    def fixed_key(self) -> bytes:
        """The key of an output whose name alone says what it is made from (a name's
        pinyin, named ``pinyin:<name>``): the code version only."""
        return self._fixed_key

    def digest_of(self, record: object) -> bytes:
        """`digest` of a record that many outputs read (a project: its page, its row in
        each export, its edit data), computed once per render and used in their inputs."""
        kept = self._digests.get(id(record))
        if kept is None or kept[0] is not record:
            kept = (record, digest(record))
            self._digests[id(record)] = kept
        return kept[1]


def digest(value: object) -> bytes:
    """16 bytes that differ whenever the pickle of `value` does."""
    pickled = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return hashlib.blake2b(pickled, digest_size=16).digest()


@functools.cache
def _fields(inputs_type: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(inputs_type))


def _is_record(value: object) -> bool:
    """A dataclass instance (`dataclasses.is_dataclass`, minus its cost on every value)."""
    return hasattr(type(value), "__dataclass_fields__")
