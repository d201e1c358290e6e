"""Writing a `DocsTree` to disk so that a rebuild only touches what changed.

A file is rewritten only when its bytes differ, and files the tree no longer has are
deleted (with folders left empty). Images (logos, story and page images) are published
through `showcase.images.publish.PublishedImages`: re-encoded clean, and taken from its
cache when the source did not change. Unchanged files keep their modification times, which
keeps repeated builds cheap and lets tools that watch the docs tree see only the real
changes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from showcase.engine.page_cache import write_replacing
from showcase.images.publish import PublishedImages
from showcase.render.tree import DocsTree


@dataclass(frozen=True)
class WriteStats:
    written: int
    unchanged: int
    deleted: int


def write_docs_tree(
    tree: DocsTree, docs_dir: Path, repository_root: Path, images: PublishedImages
) -> WriteStats:
    """Make `docs_dir` hold exactly `tree` (images read from `repository_root`).

    Raises `showcase.images.publish.UnpublishableImage` for an image that cannot be
    published (the validator refuses such an image first), with `docs_dir` unchanged.
    """
    wanted = dict(tree.files)
    for target, source in tree.images.items():
        wanted[target] = images.publish(repository_root / source)
    images.forget_unused()
    written = unchanged = 0
    for relative, content in wanted.items():
        if _write_if_changed(docs_dir / relative, content):
            written += 1
        else:
            unchanged += 1
    deleted = _delete_stale(docs_dir, set(wanted))
    return WriteStats(written=written, unchanged=unchanged, deleted=deleted)


def _write_if_changed(path: Path, content: bytes) -> bool:
    try:
        if path.stat().st_size == len(content) and path.read_bytes() == content:
            return False
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
    write_replacing(path, content)  # never in place: the site may link to this file
    return True


def _delete_stale(docs_dir: Path, wanted: set[str]) -> int:
    """Remove files not in `wanted`, then folders that became empty (deepest first)."""
    deleted = 0
    for folder, _subfolders, files in os.walk(docs_dir, topdown=False):
        folder_path = Path(folder)
        for name in files:
            path = folder_path / name
            if path.relative_to(docs_dir).as_posix() not in wanted:
                path.unlink()
                deleted += 1
        if folder_path != docs_dir and not any(folder_path.iterdir()):
            folder_path.rmdir()
    return deleted
