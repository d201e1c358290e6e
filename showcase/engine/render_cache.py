"""Keeping the render stage's memo (`showcase.render.memo`) from one build to the next.

The entries of the last build that succeeded are kept in an SQLite file under
``build/cache/render/`` (`showcase.paths.Layout.render_cache_dir`), tagged with the code
version: a digest of every source file of this package, so that a change to any renderer
(or to a record whose pickle is a key) starts from an empty memo. SQLite rather than a
pickle because a CI cache may be restored from elsewhere: reading it never runs code. Only
the rows that changed are written. A missing, unreadable, corrupt or foreign file is an
empty memo, never an error: the cache can only save work.

A long-running process (``invoke serve``) keeps the last entries in memory and does not
read its own file back (``keep=True``). A one-shot build does not: at 10,000 projects the
entries are ~70,000 texts (~250 MB), which the process would otherwise hold, next to the
page workers it forks, until it exits.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import sqlite3
from contextlib import closing
from pathlib import Path

from showcase.paths import Layout, package_sources_digest
from showcase.render.memo import Entry, RenderMemo

FILE_NAME = "memo.sqlite3"
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS version (code TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS pages (name TEXT PRIMARY KEY, key BLOB NOT NULL, text TEXT NOT NULL)",
)
_in_memory: dict[Path, tuple[tuple[int, int], dict[str, Entry]]] = {}
"""Cache file → (its mtime and size when last read or written, its entries)."""


_LIBRARIES = (
    "Pillow",
    "icalendar",
    "Markdown",
    "markdownify",
    "beautifulsoup4",
    "nh3",
    "pypinyin",
    "segno",
)
"""The libraries render calls: outputs keyed by a name alone (a name's pinyin, the pinyin
table) hold their answers, so a new version must empty the memo as a code change does."""


@functools.cache
def code_version() -> str:
    """The version of our code (`package_sources_digest`) and of the libraries render
    calls, which the memo's keys belong to."""
    versions = "|".join(_version(library) for library in _LIBRARIES)
    return (
        package_sources_digest().hex() + "-" + hashlib.blake2b(versions.encode()).hexdigest()[:16]
    )


def _version(library: str) -> str:
    try:
        return importlib.metadata.version(library)
    except importlib.metadata.PackageNotFoundError:
        return "-"


def load_render_memo(layout: Layout, *, keep: bool = False) -> RenderMemo:
    """A memo holding the previous build's entries (none when there is no usable cache);
    `keep`: this process builds again, so the entries read stay in memory for it."""
    path = layout.render_cache_dir / FILE_NAME
    return RenderMemo(_entries(path, keep), code_version(), holds_bytes=not keep)


def save_render_memo(layout: Layout, memo: RenderMemo, *, keep: bool = False) -> None:
    """Keep `memo`'s entries for the next build (in memory too when `keep`: this process
    builds again); a cache that cannot be written is skipped."""
    path = layout.render_cache_dir / FILE_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            _write(path, _entries(path, keep) if keep else _kept_names(path), memo.entries)
        except sqlite3.DatabaseError:  # not a database (any more): start it again
            path.unlink()
            _write(path, {}, memo.entries)
    except (OSError, sqlite3.Error):
        path.unlink(missing_ok=True)  # no cache only costs the next build a full render
        _in_memory.pop(path, None)
        return
    if keep and not memo.holds_bytes:  # one that holds bytes was not loaded to be kept
        _in_memory[path] = (_signature(path), memo.entries)
    else:
        _in_memory.pop(path, None)


def _write(path: Path, previous: dict[str, Entry], entries: dict[str, Entry]) -> None:
    with closing(sqlite3.connect(path)) as connection, connection:
        for statement in _SCHEMA:
            connection.execute(statement)
        stored = connection.execute("SELECT code FROM version").fetchall()
        if stored != [(code_version(),)]:
            previous = {}
            connection.execute("DELETE FROM version")
            connection.execute("DELETE FROM pages")
            connection.execute("INSERT INTO version VALUES (?)", (code_version(),))
        connection.executemany(
            "DELETE FROM pages WHERE name = ?", ((name,) for name in previous.keys() - entries)
        )
        # The text goes in as UTF-8 bytes (made for this row, or the docs tree's own: see
        # `RenderMemo.hold_encoded`) and stored as TEXT: bound as a str, sqlite3 would keep
        # a UTF-8 copy inside every text (~90 MB at 10,000 projects).
        connection.executemany(
            "INSERT OR REPLACE INTO pages VALUES (?, ?, CAST(? AS TEXT))",
            (
                (name, key, text if isinstance(text, bytes) else text.encode("utf-8"))
                for name, (key, text) in entries.items()
                if previous.get(name, (None,))[0] != key
            ),
        )


def _entries(path: Path, keep: bool) -> dict[str, Entry]:
    try:
        signature = _signature(path)
    except OSError:
        return {}
    kept = _in_memory.get(path)
    if kept is not None and kept[0] == signature:
        return kept[1]
    rows = _rows(path, "SELECT name, key, text FROM pages")
    entries = {name: (bytes(key), text) for name, key, text in rows}
    if keep:
        _in_memory[path] = (signature, entries)
    return entries


def _kept_names(path: Path) -> dict[str, Entry]:
    """The stored entries' names and keys without their texts: all `_write` compares."""
    if not path.is_file():
        return {}
    return {name: (bytes(key), "") for name, key in _rows(path, "SELECT name, key FROM pages")}


def _rows(path: Path, query: str) -> list[tuple]:
    """`query`'s rows from the file at `path`, none when it is not our version's memo."""
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
            if connection.execute("SELECT code FROM version").fetchall() != [(code_version(),)]:
                return []
            return connection.execute(query).fetchall()
    except sqlite3.Error:
        return []


def _signature(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size
