"""The docs writer leaves the folder holding exactly the tree, whatever happened before.

Its listing lets it skip reading unchanged files and walking the folder; these tests check
that the folder still ends up exactly as wanted after any sequence of trees, with the
listing, without it (first build, damaged listing), and after a file changed behind its
back.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from showcase.engine.docs_writer import write_docs_tree
from showcase.images.publish import PublishedImages
from showcase.render.memo import KeptFile, file_digest
from showcase.render.tree import DocsTree

LISTING = "docs-tree.json"
_NAMES = st.sampled_from(["a.md", "b/index.md", "b/c/d.json", "e/f.md", "e/g/h/i.md", "j.md"])
_TREES = st.dictionaries(_NAMES, st.binary(max_size=8), max_size=6)


def _write(root: Path, files: dict[str, bytes]):
    tree = DocsTree(files=files, images={}, nav=[])
    images = PublishedImages(root / "images")
    return write_docs_tree(tree, root / "docs", root, images, root / LISTING)


def _on_disk(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()}


def _empty_folders(docs: Path) -> list[Path]:
    return [p for p in docs.rglob("*") if p.is_dir() and not any(p.iterdir())]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(trees=st.lists(_TREES, min_size=1, max_size=5), damage=st.lists(st.booleans(), max_size=5))
def test_the_folder_holds_exactly_the_last_tree(tmp_path_factory, trees, damage) -> None:
    root = tmp_path_factory.mktemp("writer")
    for number, files in enumerate(trees):
        if number < len(damage) and damage[number] and (root / LISTING).exists():
            (root / LISTING).write_text("{not json", encoding="utf-8")
        _write(root, files)
        assert _on_disk(root / "docs") == files
        assert _empty_folders(root / "docs") == []


def test_an_unchanged_file_is_not_written_again(tmp_path: Path) -> None:
    _write(tmp_path, {"a.md": b"same", "b.md": b"old"})
    before = (tmp_path / "docs" / "a.md").stat().st_mtime_ns
    stats = _write(tmp_path, {"a.md": b"same", "b.md": b"new"})
    assert (stats.written, stats.unchanged) == (1, 1)
    assert (tmp_path / "docs" / "a.md").stat().st_mtime_ns == before


def test_a_file_changed_behind_the_listing_is_written_again(tmp_path: Path) -> None:
    _write(tmp_path, {"a.md": b"ours"})
    (tmp_path / "docs" / "a.md").write_bytes(b"edited by hand")
    _write(tmp_path, {"a.md": b"ours"})
    assert (tmp_path / "docs" / "a.md").read_bytes() == b"ours"


def _kept(content: bytes, renders: list[bytes] | None = None) -> KeptFile:
    """A file the memo kept: its digest, and a render that notes each time it runs."""

    def render() -> bytes:
        if renders is None:
            raise AssertionError("rendered a kept file that was still on disk")
        renders.append(content)
        return content

    return KeptFile(file_digest(content), render)


def _write_kept(root: Path, files: dict[str, bytes], kept: dict[str, KeptFile]):
    tree = DocsTree(files=files, images={}, nav=[], kept=kept)
    return write_docs_tree(
        tree, root / "docs", root, PublishedImages(root / "images"), root / LISTING
    )


def test_a_kept_file_still_on_disk_is_neither_rendered_nor_read(tmp_path: Path) -> None:
    _write(tmp_path, {"a.md": b"page", "b.md": b"other"})
    before = (tmp_path / "docs" / "a.md").stat().st_mtime_ns
    stats = _write_kept(tmp_path, {"b.md": b"other"}, {"a.md": _kept(b"page")})
    assert (stats.written, stats.unchanged, stats.names) == (0, 2, ("a.md", "b.md"))
    assert (tmp_path / "docs" / "a.md").stat().st_mtime_ns == before


@pytest.mark.parametrize("outside", ["edited", "deleted", "replaced", "listing lost"])
def test_a_kept_file_changed_outside_the_build_is_rendered_and_written(
    tmp_path: Path, outside: str
) -> None:
    _write(tmp_path, {"a.md": b"page", "b/c.md": b"deep"})
    docs = tmp_path / "docs"
    if outside == "edited":
        (docs / "a.md").write_bytes(b"pagE")  # same size, other bytes
    elif outside == "deleted":
        shutil.rmtree(docs / "b")
        (docs / "a.md").unlink()
    elif outside == "replaced":
        (docs / "a.md").unlink()
        (docs / "a.md").write_bytes(b"page")  # the same bytes in another file
    else:
        (tmp_path / LISTING).unlink()
    renders: list[bytes] = []
    _write_kept(tmp_path, {}, {"a.md": _kept(b"page", renders), "b/c.md": _kept(b"deep", renders)})
    assert _on_disk(docs) == {"a.md": b"page", "b/c.md": b"deep"}
    assert renders  # at least the damaged file's bytes were made again
    _write_kept(tmp_path, {}, {"a.md": _kept(b"page"), "b/c.md": _kept(b"deep")})  # listed again


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    trees=st.lists(st.tuples(_TREES, st.sets(_NAMES)), min_size=1, max_size=5),
    damage=st.lists(st.sampled_from(["none", "edit", "delete", "listing"]), max_size=5),
)
def test_a_tree_with_kept_files_leaves_the_folder_as_the_whole_tree(
    tmp_path_factory, trees, damage
) -> None:
    """Whatever happened to the folder since, a tree some of whose files are kept (only
    their digest given) leaves exactly the tree's bytes on disk."""
    root = tmp_path_factory.mktemp("kept")
    for number, (files, kept_names) in enumerate(trees):
        harm = damage[number] if number < len(damage) else "none"
        on_disk = sorted(p for p in (root / "docs").rglob("*") if p.is_file())
        if harm == "edit" and on_disk:
            on_disk[0].write_bytes(on_disk[0].read_bytes() + b"!")
        elif harm == "delete" and on_disk:
            on_disk[-1].unlink()
        elif harm == "listing" and (root / LISTING).exists():
            (root / LISTING).write_text("[]", encoding="utf-8")
        plain = {name: content for name, content in files.items() if name not in kept_names}
        kept = {name: _kept(content, []) for name, content in files.items() if name in kept_names}
        _write_kept(root, plain, kept)
        assert _on_disk(root / "docs") == files
        assert _empty_folders(root / "docs") == []


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(files=_TREES, cut=st.integers(0, 8))
def test_a_first_write_stopped_half_way_is_mended_by_the_next(tmp_path_factory, files, cut) -> None:
    """A new file is written in place, not renamed: one left short by a stopped build (no
    listing then) is found by the next build, which compares every file."""
    root = tmp_path_factory.mktemp("stopped")
    for name, content in files.items():  # what a stopped first build left
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_bytes(content[:cut])
    _write(root, files)
    assert _on_disk(root / "docs") == files


def test_new_and_rewritten_files_get_the_same_mode(tmp_path: Path) -> None:
    _write(tmp_path, {"a.md": b"first", "b/c.md": b"first"})
    _write(tmp_path, {"a.md": b"second", "b/c.md": b"first"})
    modes = {p.name: p.stat().st_mode & 0o777 for p in (tmp_path / "docs").rglob("*.md")}
    assert modes == {"a.md": 0o600, "c.md": 0o600}
