"""jieba's default dictionary kept in SQLite, so that a few pages are segmented without
loading 500,000 words.

Segmenting even one page with jieba first loads its whole dictionary (a 9 MB ``marshal``
of every word and prefix: about a second of CPU). A warm build that renders ten changed
project pages paid that second for a few hundred look-ups. jieba's segmentation asks its
dictionary only three questions (is this string a word or prefix, its count, the total),
so a `jieba.Tokenizer` whose ``FREQ`` answers them from this SQLite file segments exactly
as jieba does. The file is written from jieba's own loaded dictionary the first time a
build has it loaded anyway (the page workers load it before forking); it is used only
while jieba's global tokenizer is untouched (its default dictionary, not loaded: Material's
``jieba_dict`` and ``jieba_dict_user`` options change or load it, and then jieba itself
segments). Reading it runs no code; a damaged or foreign file is never used
(`tokenizer`), and ``tests/engine/test_word_store.py`` compares the segmentation with
jieba's on a corpus and on generated text.

jieba itself is imported through `import_jieba`: without ``pkg_resources``, which jieba
only uses to open its own data files (its fallback opens the same files by path, as it
does wherever setuptools is not installed) and which costs more to import than jieba.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from showcase.engine.page_cache import distribution_version

if TYPE_CHECKING:
    import jieba

FORMAT = "jieba-words-1"
_state: dict[str, object] = {"path": None, "tokenizer": None}
"""This process's word file (`use`) and the tokenizer chosen for the build (`segment`)."""


def import_jieba() -> None:
    """Import jieba (if installed) with its logging quiet (it logs its dictionary loading
    at DEBUG) and without importing ``pkg_resources`` for it (0.06-0.09 s of a warm build:
    nothing else of a build imports it). Material's search plugin imports jieba when it
    is loaded, so a build calls this first."""
    blocked = "jieba" not in sys.modules and "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # ImportError
    try:
        import jieba
    except ImportError:
        return
    finally:
        if blocked and sys.modules.get("pkg_resources", False) is None:
            del sys.modules["pkg_resources"]
    jieba.setLogLevel(logging.WARNING)


def use(path: Path | None) -> None:
    """Segment with the words of `path` from now on (None: jieba's own); a build calls it
    first, and its first segmentation chooses the tokenizer (after the plugins' setup)."""
    _state["path"], _state["tokenizer"] = path, None


def segment(text: str) -> list[str]:
    """``jieba.lcut(text)``, from the word file where `tokenizer` allows it."""
    import jieba

    chosen = _state["tokenizer"]
    if chosen is None or jieba.dt.initialized:
        chosen = _state["tokenizer"] = tokenizer(_state["path"])  # type: ignore[arg-type]
    try:
        return list(chosen.cut(text))  # type: ignore[attr-defined]
    except sqlite3.Error:  # the file broke under us: jieba's own dictionary
        _state["tokenizer"] = jieba.dt
        return jieba.lcut(text)


class DiskWords:
    """The read-only mapping jieba's tokenizer uses as ``FREQ``, from the SQLite file."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        self._known: dict[str, int | None] = {}

    def get(self, word: str, default: int | None = None) -> int | None:
        try:
            found = self._known[word]
        except KeyError:
            row = self._connection.execute(
                "SELECT count FROM words WHERE word = ?", (word,)
            ).fetchone()
            found = self._known[word] = None if row is None else int(row[0])
        return default if found is None else found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def __getitem__(self, word: str) -> int:
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found


def tokenizer(path: Path | None) -> jieba.Tokenizer:
    """jieba's global tokenizer, or one reading its words from `path` when that is the
    same dictionary and the global one has not loaded its own yet."""
    import jieba

    if path is None or jieba.dt.initialized or jieba.dt.dictionary != jieba.DEFAULT_DICT:
        return jieba.dt
    return disk_tokenizer(path) or jieba.dt


def disk_tokenizer(path: Path) -> jieba.Tokenizer | None:
    """A tokenizer with jieba's default dictionary read from `path`; None when `path`
    does not hold it (missing, damaged, another format or jieba version)."""
    import jieba

    try:
        # Read only, and SQLite serialises its connections: a fast-pass thread may read too.
        connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
        )
        meta = dict(connection.execute("SELECT name, value FROM meta").fetchall())
        total = int(meta["total"])
    except (sqlite3.Error, OSError, KeyError, ValueError, TypeError):
        return None
    if meta.get("format") != _stamp() or total <= 0:
        connection.close()
        return None
    disk = jieba.Tokenizer()
    disk.FREQ, disk.total, disk.initialized = DiskWords(connection), total, True
    return disk


def keep() -> None:
    """Write jieba's default dictionary to the word file (`use`) if jieba has loaded it
    (untouched) and the file does not hold it yet. Never fails the build: the next one
    writes it."""
    import jieba

    path: Path | None = _state["path"]  # type: ignore[assignment]
    if path is None or not jieba.dt.initialized or jieba.dt.dictionary != jieba.DEFAULT_DICT:
        return
    if jieba.dt.user_word_tag_tab or _holds_words(path):
        return  # words were added (a user dictionary): not the default dictionary
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.unlink(missing_ok=True)
        with sqlite3.connect(temporary) as connection:
            connection.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT)")
            connection.execute(
                "CREATE TABLE words (word TEXT PRIMARY KEY, count INTEGER) WITHOUT ROWID"
            )
            connection.executemany("INSERT INTO words VALUES (?, ?)", jieba.dt.FREQ.items())
            connection.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [("format", _stamp()), ("total", str(jieba.dt.total))],
            )
        connection.close()
        os.replace(temporary, path)
    except (sqlite3.Error, OSError):
        temporary.unlink(missing_ok=True)


def _holds_words(path: Path) -> bool:
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT value FROM meta WHERE name = 'format'").fetchone()
        finally:
            connection.close()
    except (sqlite3.Error, OSError):
        return False
    return row is not None and row[0] == _stamp()


def _stamp() -> str:
    return f"{FORMAT} {distribution_version('jieba')}"
