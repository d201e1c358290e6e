"""MkDocs' list of the docs tree's files, made from the docs writer's names instead of a walk.

``mkdocs.structure.files.get_files`` walks ``docs_dir`` (20,000 files at 10,000 projects)
and sorts each folder's names. The docs writer (`showcase.engine.docs_writer`) has just
made the folder hold exactly the names it wrote, so `docs_files` builds the same `Files`
from those names: the same `File` objects, in the order of MkDocs' walk (each folder's
files, ``index``/``README`` first, then its subfolders by name), with MkDocs' own
exclusions (`set_exclusions`) and its README/index conflict rule. Names that are not
normalised relative paths (which the writer never makes) are left to MkDocs' walk.
``tests/engine/test_docs_files.py`` compares both, file by file, on generated trees.
Each file's destination and URL (``File.dest_uri``, ``File.url``) and inclusion are kept
in a JSON file for the next build with the same names and settings (a second build of the
same tree reads 20,000 entries instead of working them out).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import posixpath
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from showcase.atomic import write_replacing
from showcase.engine.page_cache import digest, distribution_version

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files

log = logging.getLogger("mkdocs.structure.files")
CACHE_FORMAT = "docs-files-1"


class _Folder:
    __slots__ = ("files", "folders")

    def __init__(self) -> None:
        self.files: list[str] = []
        self.folders: dict[str, _Folder] = {}


def walk_order(names: Iterable[str]) -> Iterator[tuple[str, list[str]]]:
    """(folder relative to the docs folder, its file names) in ``os.walk``'s top-down order
    with each folder's names sorted as ``get_files`` sorts them; the top folder is ``.``."""
    from mkdocs.structure.files import _file_sort_key

    top = _Folder()
    for name in names:
        *parents, base = name.split("/")
        folder = top
        for part in parents:
            folder = folder.folders.get(part) or folder.folders.setdefault(part, _Folder())
        folder.files.append(base)

    def visit(relative: str, folder: _Folder) -> Iterator[tuple[str, list[str]]]:
        yield relative, sorted(folder.files, key=_file_sort_key)
        for part in sorted(folder.folders):
            below = part if relative == "." else os.path.join(relative, part)
            yield from visit(below, folder.folders[part])

    yield from visit(".", top)


def docs_files(config: MkDocsConfig, names: Iterable[str], cache: Path | None = None) -> Files:
    """``get_files(config)`` for a ``docs_dir`` holding exactly `names` (POSIX paths
    relative to it): the loop of MkDocs 1.6's ``get_files`` with the walk replaced.

    `cache`: a JSON file keeping each file's destination, URL and inclusion from the last
    build with the same names and settings (`listing_key`), which then need not be
    worked out again (a listing that made MkDocs warn is never kept)."""
    from mkdocs.structure.files import get_files

    names = list(names)
    if any(posixpath.normpath(name) != name or name.startswith(("/", "../")) for name in names):
        return get_files(config)  # not names the docs writer writes: let MkDocs walk
    if cache is None:
        return _listed_files(config, names)[0]
    key = listing_key(config, names)
    found = _kept_files(config, cache, key)
    if found is not None:
        return found
    files, warned = _listed_files(config, names)
    if not warned:
        _keep_files(cache, key, files)
    return files


def listing_key(config: MkDocsConfig, names: list[str]) -> str:
    """Everything a file's destination, URL and inclusion depend on besides the folders:
    the names, MkDocs' version, its Markdown suffixes and the exclusion patterns."""
    from mkdocs import utils
    from mkdocs.structure.files import _default_exclude

    patterns = {
        option: [(p.pattern, p.include) for p in spec.patterns] if spec else None
        for option, spec in (
            ("default", _default_exclude),
            *((name, config.get(name)) for name in ("exclude_docs", "draft_docs", "not_in_nav")),
        )
    }
    settings = [config["use_directory_urls"], list(utils.markdown_extensions), patterns]
    return digest(
        CACHE_FORMAT,
        distribution_version("mkdocs"),
        json.dumps(settings, ensure_ascii=False, default=repr),
        json.dumps(names, ensure_ascii=False),
    )


def _kept_files(config: MkDocsConfig, cache: Path, key: str) -> Files | None:
    """The files kept under `key`, as `File` objects of this build's folders; None on
    a miss or any damage."""
    from mkdocs.structure.files import File, Files, InclusionLevel

    try:
        kept = json.loads(cache.read_bytes())
        if kept["key"] != key:
            return None
        files = []
        docs_dir, site_dir, directory_urls = (
            config["docs_dir"],
            config["site_dir"],
            config["use_directory_urls"],
        )
        for src_uri, dest_uri, url, inclusion in kept["files"]:
            if not all(isinstance(field, str) for field in (src_uri, dest_uri, url)):
                return None
            file = File.__new__(File)
            file.src_uri, file.src_dir, file.dest_dir = src_uri, docs_dir, site_dir
            file.use_directory_urls = directory_urls
            file.inclusion = InclusionLevel[inclusion]
            file.__dict__["dest_uri"], file.__dict__["url"] = dest_uri, url  # cached properties
            files.append(file)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return Files(files)


def _keep_files(cache: Path, key: str, files: Files) -> None:
    listed = [[f.src_uri, f.dest_uri, f.url, f.inclusion.name] for f in files]
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"key": key, "files": listed}, ensure_ascii=False)
        write_replacing(cache, text.encode("utf-8"))
    except OSError:
        pass  # the next build lists them again


def _listed_files(config: MkDocsConfig, names: list[str]) -> tuple[Files, bool]:
    """The files of `names` (see `docs_files`), and whether MkDocs' conflict rule warned."""
    from mkdocs.structure.files import File, Files, InclusionLevel, set_exclusions

    warned = False
    files: list[File] = []
    conflicting_files: list[tuple[File, File]] = []
    docs_dir, site_dir, directory_urls = (
        config["docs_dir"],
        config["site_dir"],
        config["use_directory_urls"],
    )
    for relative_dir, filenames in walk_order(names):
        files_by_dest: dict[str, File] = {}
        for filename in filenames:
            # File(os.path.join(relative_dir, filename), docs_dir, site_dir, directory_urls)
            # stores these five fields; its path setter only normalises the path (PurePath),
            # which a normalised name already is, at a third of the cost of the whole loop.
            file = File.__new__(File)
            file.src_uri = filename if relative_dir == "." else f"{relative_dir}/{filename}"
            file.src_dir, file.dest_dir = docs_dir, site_dir
            file.use_directory_urls = directory_urls
            file.inclusion = InclusionLevel.UNDEFINED
            prev_file = files_by_dest.setdefault(file.dest_uri, file)
            if prev_file is not file:
                conflicting_files.append((prev_file, file))
            files.append(file)
    set_exclusions(files, config)
    for a, b in conflicting_files:
        if b.inclusion.is_included():
            if a.inclusion.is_included():
                warned = True
                log.warning(
                    f"Excluding '{a.src_uri}' from the site because it conflicts with '{b.src_uri}'."
                )
            with contextlib.suppress(ValueError):  # the same file twice
                files.remove(a)
        else:
            with contextlib.suppress(ValueError):
                files.remove(b)
    return Files(files), warned
