"""The render memo survives from one build to the next, and a bad cache costs only work."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from showcase.engine import render_cache
from showcase.engine.render_cache import FILE_NAME, load_render_memo, save_render_memo
from showcase.paths import Layout
from showcase.render.memo import KeptFile, file_digest


def _memo_with(layout: Layout, pages: dict[str, str], *, keep: bool = False):
    memo = load_render_memo(layout, keep=keep)
    for name, text in pages.items():
        memo.reuse(name, text, lambda text=text: text)
    return memo


def _forget_memory() -> None:
    render_cache._in_memory.clear()


def test_a_saved_memo_is_reused_by_the_next_build(tmp_path: Path) -> None:
    layout = Layout(tmp_path)
    save_render_memo(layout, _memo_with(layout, {"a.md": "A", "b.md": "B"}))
    _forget_memory()
    memo = load_render_memo(layout)
    assert memo.reuse("a.md", "A", _never) == "A"


def test_entries_not_used_again_are_dropped_and_changed_ones_replaced(tmp_path: Path) -> None:
    layout = Layout(tmp_path)
    save_render_memo(layout, _memo_with(layout, {"a.md": "A", "b.md": "B"}))
    save_render_memo(layout, _memo_with(layout, {"a.md": "A2"}))
    _forget_memory()
    stored = sqlite3.connect(layout.render_cache_dir / FILE_NAME).execute(
        "SELECT name, text FROM pages"
    )
    assert sorted(stored) == [("a.md", "A2")]


@pytest.mark.parametrize(
    "content", [b"", b"not a database at all", b"SQLite format 3\x00" + b"\xff" * 200]
)
def test_a_corrupt_cache_is_an_empty_memo_and_is_replaced(tmp_path: Path, content: bytes) -> None:
    layout = Layout(tmp_path)
    layout.render_cache_dir.mkdir(parents=True)
    (layout.render_cache_dir / FILE_NAME).write_bytes(content)
    memo = load_render_memo(layout)
    assert memo.reuse("a.md", "A", lambda: "A") == "A" and memo.rendered == 1
    save_render_memo(layout, memo)
    _forget_memory()
    assert load_render_memo(layout).reuse("a.md", "A", _never) == "A"


def test_a_cache_of_other_code_is_not_used(tmp_path: Path, monkeypatch) -> None:
    layout = Layout(tmp_path)
    save_render_memo(layout, _memo_with(layout, {"a.md": "A"}))
    _forget_memory()
    monkeypatch.setattr(render_cache, "code_version", lambda: "other code")
    memo = load_render_memo(layout)
    assert memo.reuse("a.md", "A", lambda: "fresh") == "fresh"


def test_a_long_running_process_does_not_read_its_own_cache_back(
    tmp_path: Path, monkeypatch
) -> None:
    layout = Layout(tmp_path)
    save_render_memo(layout, _memo_with(layout, {"a.md": "A"}, keep=True), keep=True)
    monkeypatch.setattr(sqlite3, "connect", _refused)
    assert load_render_memo(layout, keep=True).reuse("a.md", "A", _never) == "A"


def test_a_one_shot_build_holds_no_entries_once_saved(tmp_path: Path) -> None:
    """A command-line build forks its page workers after saving the memo: the texts of
    every output must not stay in its memory."""
    _forget_memory()  # what another test's long-running process kept
    layout = Layout(tmp_path)
    save_render_memo(layout, _memo_with(layout, {"a.md": "A", "b.md": "B"}))
    assert render_cache._in_memory == {}
    memo = load_render_memo(layout)
    assert memo.reuse("a.md", "A", _never) == "A"
    save_render_memo(layout, memo)
    assert render_cache._in_memory == {}
    assert load_render_memo(layout).reuse("a.md", "A", _never) == "A"


def _never() -> str:
    raise AssertionError("rendered although a good cache held it")


def _refused(*args, **kwargs):
    raise AssertionError("read the cache file again")


def test_a_relative_repository_path_works(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    layout = Layout(Path("repo"))
    save_render_memo(layout, _memo_with(layout, {"a.md": "A"}))
    _forget_memory()
    assert load_render_memo(layout).reuse("a.md", "A", _never) == "A"


def test_saving_compares_with_the_entries_read_without_reading_the_keys_back(
    tmp_path: Path, monkeypatch
) -> None:
    layout = Layout(tmp_path)
    save_render_memo(layout, _memo_with(layout, {"a.md": "A", "b.md": "B"}))
    _forget_memory()
    memo = _memo_with(layout, {"a.md": "A", "c.md": "C"})
    monkeypatch.setattr(render_cache, "_kept_names", _refused)
    save_render_memo(layout, memo)
    stored = sqlite3.connect(layout.render_cache_dir / FILE_NAME).execute(
        "SELECT name, text FROM pages"
    )
    assert sorted(stored) == [("a.md", "A"), ("c.md", "C")]


def test_a_cache_file_changed_since_it_was_read_has_its_keys_read_back(tmp_path: Path) -> None:
    """Another build wrote the file between this build's load and save: what it holds
    now, not what was read, decides which rows to write and delete."""
    layout = Layout(tmp_path)
    save_render_memo(layout, _memo_with(layout, {"a.md": "A"}))
    _forget_memory()
    memo = _memo_with(layout, {"a.md": "A"})
    with sqlite3.connect(layout.render_cache_dir / FILE_NAME) as other_build:
        other_build.execute("INSERT INTO pages VALUES ('b.md', x'00', 'B')")
    save_render_memo(layout, memo)
    stored = sqlite3.connect(layout.render_cache_dir / FILE_NAME).execute(
        "SELECT name, text FROM pages"
    )
    assert sorted(stored) == [("a.md", "A")]


def test_a_kept_files_entry_survives_a_save_and_load(tmp_path: Path) -> None:
    layout = Layout(tmp_path)
    memo = load_render_memo(layout)
    memo.reuse_file("p/index.md", b"key", lambda: b"page")
    save_render_memo(layout, memo)
    _forget_memory()
    kept = load_render_memo(layout).reuse_file("p/index.md", b"key", _never)
    assert isinstance(kept, KeptFile) and kept.digest == file_digest(b"page")
