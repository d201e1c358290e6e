"""Reusing what an earlier render produced, when the declared inputs are equal.

Most of a site's pages are one record's page (a project page at 10,000 projects is 97 % of
them), and most builds change a few records. A renderer that reads only one value, its
*declared inputs* (e.g. `showcase.render.project_page.ProjectPageInputs`), gives equal
output for equal inputs, so `RenderMemo.reuse` can hand back the output of the previous
build whenever that value is equal, by a digest of its pickle together with the code
version. A pickle only matches a pickle of an equal value, so a reused output can never be
stale; two equal values that pickle differently only cost a render.

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
from collections.abc import Callable, Mapping

Entry = tuple[bytes, str]
"""The digest of the inputs and the text rendered from them."""


class RenderMemo:
    """The outputs of one build by name, and those of the build before it."""

    def __init__(self, previous: Mapping[str, Entry] | None = None, version: str = "") -> None:
        self._previous = previous or {}
        self._version = version
        self.entries: dict[str, Entry] = {}
        self.reused = 0
        self.rendered = 0
        self._digests: dict[int, tuple[object, bytes]] = {}

    def reuse(self, name: str, inputs: object, render: Callable[[], str]) -> str:
        """The output named `name`: the previous build's if `inputs` are equal, else
        ``render()``. `render` must read nothing but `inputs` (and constants)."""
        key = digest((self._version, inputs))
        previous = self._previous.get(name)
        if previous is not None and previous[0] == key:
            self.reused += 1
            value = previous[1]
        else:
            self.rendered += 1
            value = render()
        self.entries[name] = (key, value)
        return value

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
