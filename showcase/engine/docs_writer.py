"""Writing a `DocsTree` to disk so that a rebuild only touches what changed.

A file is rewritten only when its bytes differ, and files the tree no longer has are
deleted (with folders left empty). Images (logos, story and page images) are published
through `showcase.images.publish.PublishedImages`: re-encoded clean, and taken from its
cache when the source did not change. Unchanged files keep their modification times, which
keeps repeated builds cheap and lets tools that watch the docs tree see only the real
changes.

At 10,000 projects the tree holds about 20,000 files, and reading each one back to compare
it, then walking the folder for files to delete, cost seconds on every build. So a listing
beside the tree (`LISTING`) records each file's digest and what ``stat`` said after it was
written (`showcase.paths.Layout.docs_listing`): a file whose wanted bytes have the
recorded digest and whose ``stat`` still says the same is left alone without being read,
and the files to delete are the listed ones no longer wanted. Without a usable listing
(the first build, a damaged listing, none asked for) every file is compared and the
folder walked.

A file the render memo kept (`showcase.render.memo.KeptFile`) comes without its bytes,
only their digest: when the listing holds that digest and ``stat`` still says the same,
the file is left alone unread and unhashed; otherwise (changed, replaced or deleted
outside the build, no listing) it is rendered again and written as any other. A file the
memo deferred (`showcase.render.memo.RenderMemo.defer_files`: its digest is "") is
rendered here, as it is written.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from showcase.atomic import write_replacing
from showcase.images.publish import PublishedImages
from showcase.render.memo import KeptFile, file_digest
from showcase.render.tree import DocsTree

Stamp = list[object]
"""``[digest, size, mtime_ns, inode]`` of one file as last written or checked."""
DocsStamp = tuple[int, int, int]
"""``(inode, size, mtime_ns)`` of one file, as the page store keeps its sources'."""


@dataclass(frozen=True)
class WriteStats:
    written: int
    unchanged: int
    deleted: int
    names: tuple[str, ...] = ()
    """Every file of the tree, now in the folder (POSIX paths relative to it): what MkDocs
    would find by walking it (`showcase.engine.docs_files`). A file someone else put into
    the folder is not among them, so it is not published, as in a clean build."""
    stamps: Mapping[str, DocsStamp] = field(default_factory=dict)
    """Each file's `DocsStamp` as just written or checked: the build driver needs not
    ``stat`` them again (`showcase.engine.site_driver`)."""


def write_docs_tree(
    tree: DocsTree,
    docs_dir: Path,
    repository_root: Path,
    images: PublishedImages,
    listing_path: Path | None = None,
) -> WriteStats:
    """Make `docs_dir` hold exactly `tree` (images read from `repository_root`), using
    and then updating the listing at `listing_path` if given.

    Raises `showcase.images.publish.UnpublishableImage` for an image that cannot be
    published (the validator refuses such an image first), with `docs_dir` unchanged.
    """
    wanted: dict[str, bytes | KeptFile] = dict(tree.files)
    if tree.kept:
        wanted = dict(sorted({**wanted, **tree.kept}.items()))
    for target, source in tree.images.items():
        wanted[target] = images.publish(repository_root / source)
    images.forget_unused()
    listing = _read_listing(listing_path) if listing_path and docs_dir.is_dir() else {}
    if listing_path:
        listing_path.unlink(missing_ok=True)  # a write stopped half way must not be trusted
    stamps: dict[str, Stamp] = {}
    written = unchanged = 0
    folder = str(docs_dir)  # strings, not Paths: 20,000 files a build
    for relative, content in wanted.items():
        path = os.path.join(folder, relative)
        kept = type(content) is KeptFile
        digest = content.digest if kept else file_digest(content)
        stamp = listing.get(relative)
        if _still(stamp, digest, path):
            unchanged += 1
            stamps[relative] = stamp  # it was just checked against the file's stat
            continue
        if kept:  # changed or gone outside the build: its bytes are needed after all
            content = content.render()
            digest = file_digest(content)
        if _write_if_changed(path, content):
            written += 1
        else:
            unchanged += 1
        stamps[relative] = [digest, *_stat(path)]
    if listing:
        deleted = _delete_listed(docs_dir, [name for name in listing if name not in wanted])
    else:
        deleted = _delete_stale(docs_dir, set(wanted))
    if listing_path:
        _write_listing(listing_path, stamps)
    docs_stamps = {name: (stamp[3], stamp[1], stamp[2]) for name, stamp in stamps.items()}
    return WriteStats(written, unchanged, deleted, names=tuple(wanted), stamps=docs_stamps)


def _still(stamp: Stamp | None, digest: str, path: str) -> bool:
    """Whether `path` still holds the bytes with `digest`, by its listing `stamp`."""
    if stamp is None or stamp[0] != digest:
        return False
    try:
        return stamp[1:] == _stat(path)
    except FileNotFoundError:
        return False


def _stat(path: str) -> list[int]:
    found = os.stat(path)
    return [found.st_size, found.st_mtime_ns, found.st_ino]


def _read_listing(path: Path) -> dict[str, Stamp]:
    try:
        listing = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return listing if isinstance(listing, dict) else {}


def _write_listing(path: Path, stamps: dict[str, Stamp]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_replacing(path, json.dumps(stamps, separators=(",", ":")).encode("utf-8"))
    except OSError:
        path.unlink(missing_ok=True)  # without a listing the next build compares every file


def _delete_listed(docs_dir: Path, names: list[str]) -> int:
    """Remove the listed files no longer wanted, then the folders they leave empty."""
    folders = set()
    for name in names:
        path = docs_dir / name
        path.unlink(missing_ok=True)
        folders.update(parent for parent in path.parents if parent.is_relative_to(docs_dir))
    for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):
        if folder != docs_dir and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return len(names)


def _write_if_changed(name: str, content: bytes) -> bool:
    path = Path(name)
    try:
        if path.stat().st_size == len(content) and path.read_bytes() == content:
            return False
    except FileNotFoundError:
        try:
            _write_new(name, content)
            return True
        except FileExistsError:  # made meanwhile by someone else: replaced as any file
            pass
    write_replacing(path, content)  # never in place: the site may link to this file
    return True


def _write_new(name: str, content: bytes) -> None:
    """Create the file `name`, which did not exist, with `content` (and its folders).

    Written in place, not through a temporary file (20,000 files on a first build): no
    one links to a new file, and one left half written by a stopped build is compared
    byte by byte by the next, since the listing is only written after the last file.
    The mode is `write_replacing`'s (``mkstemp``'s 0600), so every file has the same.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(name, flags, 0o600)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(name), exist_ok=True)
        descriptor = os.open(name, flags, 0o600)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(content)


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
