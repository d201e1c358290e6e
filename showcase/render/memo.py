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

Render stays pure: the memo is an ordinary value passed in and handed back. The engine
loads the previous build's entries and saves `RenderMemo.entries` after a build that
succeeded (`showcase.engine.render_cache`).

Example::

    memo = RenderMemo(previous_entries, version)
    text = memo.reuse("projects/x/index.md", inputs, lambda: project_page(inputs))
    save(memo.entries)  # only what this build used: entries never pile up
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Iterable, Mapping

Entry = tuple[bytes, str | bytes]
"""The digest of the inputs and the text rendered from them (or, in a memo that
`holds_bytes`, that text's UTF-8 bytes: `held_bytes`)."""


class RenderMemo:
    """The outputs of one build by name, and those of the build before it."""

    def __init__(
        self,
        previous: Mapping[str, Entry] | None = None,
        version: str = "",
        holds_bytes: bool = False,
    ) -> None:
        self._previous = previous or {}
        self._version = version
        # saved once, never handed to a later render (a one-shot build): what it renders
        # is kept as UTF-8 bytes (a text holding Chinese takes two bytes a character)
        self.holds_bytes = holds_bytes
        self.entries: dict[str, Entry] = {}
        self.reused = 0
        self.rendered = 0
        self._digests: dict[int, tuple[object, bytes]] = {}
        self._fixed_key = digest(version)

    def reuse(self, name: str, inputs: object, render: Callable[[], str]) -> str:
        """The output named `name`: the previous build's if `inputs` are equal, else
        ``render()``. `render` must read nothing but `inputs` (and constants)."""
        return self.reuse_keyed(name, self.key(inputs), render)

    def key(self, inputs: object) -> bytes:
        """The key of `inputs` for `reuse_keyed` (with the code version)."""
        return digest((self._version, inputs))

    def reuse_keyed(self, name: str, key: bytes, render: Callable[[], str]) -> str:
        """`reuse` with the `key` of the inputs already computed."""
        previous = self._previous.get(name)
        if previous is not None and previous[0] == key:
            self.reused += 1
            value = previous[1]
            self.entries[name] = previous
        else:
            self.rendered += 1
            value = render()
            self.entries[name] = (key, value.encode("utf-8") if self.holds_bytes else value)
        return value

    def held_bytes(self, name: str) -> bytes | None:
        """The UTF-8 bytes of the output `name` when this memo holds them (it `holds_bytes`
        and rendered it), for a caller that would otherwise encode the text again."""
        held = self.entries.get(name, (None, None))[1]
        return held if isinstance(held, bytes) else None

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


def _is_record(value: object) -> bool:
    """A dataclass instance (`dataclasses.is_dataclass`, minus its cost on every value)."""
    return hasattr(type(value), "__dataclass_fields__")
