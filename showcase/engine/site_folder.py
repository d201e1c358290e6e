"""Building the site into the previous build's folder: only what changed is touched.

A site is mostly hard links: every page to its stored copy (``build/cache/pages``), every
file of the docs tree and of the theme to its source. Making 10,000 page folders afresh on
every build, then deleting the site they replace, cost seconds. So the site that a build
replaces is kept as the *spare* (`showcase.paths.Layout.spare_site_dir`, under
``build/cache``) and the next build is made inside it (`showcase.atomic.replaced_atomically`
renames it into place as the staging folder).

`prepare` makes the folder safe and right before MkDocs writes anything into it: it keeps
a file only when it is a hard link to the very file (same device and inode) that the build
would link at that path anyway (`wanted_links`), and deletes everything else, then the
folders left empty. So whatever the folder held (an older site, a build stopped half way, a
file someone added), what stays is what a build into an empty folder would create, and the
build then adds the rest as it always does. Nothing is ever written into a kept file: the
paths that MkDocs writes in place (the theme's static templates such as ``404.html`` and
``sitemap.xml``, the extra templates) are never kept, so no write goes through a link into
the page store or the docs tree. ``tests/engine/test_site_folder.py`` checks that a build
into any earlier folder equals a build into an empty one, file by file. `link_or_copy`
makes every link of a build (the site driver's and the stored theme templates').
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files


def wanted_links(
    config: MkDocsConfig,
    files: Files,
    doc_files: list[File],
    stored_pages: Iterable[tuple[File, str | None]],
) -> dict[str, str]:
    """Site path → the file the build will hard-link there, as far as known before pages
    are rendered: stored pages (`stored_pages`: each documentation page with the path of
    its stored HTML, or None when it is rendered this time or written empty) and the static
    files the build links (`showcase.engine.site_driver`). A page's path is never a static
    file's, and the paths the theme's templates write are left out."""
    from mkdocs.structure.files import InclusionLevel

    written = {
        os.path.normpath(os.path.join(config.site_dir, name))
        for template in (*config.theme.static_templates, *config.extra_templates)
        for name in (template, template + ".gz")
    }
    wanted: dict[str, str] = {}
    claimed = {file.abs_dest_path for file in doc_files}
    for file, source in stored_pages:
        if source is not None:
            wanted[file.abs_dest_path] = source
    for file in files:
        if file.is_documentation_page() or not InclusionLevel.is_included(file.inclusion):
            continue
        target = file.abs_dest_path
        if target in claimed or file.abs_src_path is None:
            continue
        claimed.add(target)  # the first static file of a path is the one linked
        if getattr(file, "_content", None) is None:
            wanted[target] = file.abs_src_path
    for path in written:
        wanted.pop(path, None)
    return wanted


def prepare(
    site_dir: str, wanted: dict[str, str], known: Mapping[str, tuple[int, int]] | None = None
) -> set[str]:
    """Delete from `site_dir` every file that is not already the hard link `wanted` names
    for its path, and every folder left empty; returns the paths kept.

    `known`: source path → (inode, device) from a stat made moments ago (the page store
    checks every stored page it reuses), so that 10,000 pages are not stat'ed again.
    A file's inode comes from the folder listing itself (``DirEntry.inode``, no stat) and
    its device is the site folder's: a file system mounted inside the folder is not
    looked for (a build never makes one there)."""
    kept: set[str] = set()
    if not os.path.isdir(site_dir):
        return kept
    device = os.stat(site_dir).st_dev
    known = known or {}

    def same_file(entry: os.DirEntry[str]) -> bool:
        source = wanted.get(entry.path)
        if source is None:
            return False
        found = known.get(source)
        if found is None:
            try:
                status = os.stat(source)
            except OSError:
                return False
            found = (status.st_ino, status.st_dev)
        # a symbolic link has an inode of its own, never its target's
        return found == (entry.inode(), device)

    def clear(folder: str) -> bool:
        """Clear `folder`; True when it is left empty."""
        empty = True
        with os.scandir(folder) as entries:
            listed = list(entries)
        for entry in listed:
            if entry.is_dir(follow_symlinks=False):
                if clear(entry.path):
                    os.rmdir(entry.path)
                else:
                    empty = False
            elif same_file(entry):
                kept.add(entry.path)
                empty = False
            else:
                os.unlink(entry.path)
        return empty

    clear(os.path.normpath(site_dir))
    return kept


def link_or_copy(source: str, target: str, *, replace: bool) -> None:
    """`target` as a hard link to `source`, or a copy on another file system; an existing
    `target` is replaced when `replace`, by a rename (it may itself be a link)."""
    try:
        _link(source, target)
    except FileNotFoundError:
        folder = os.path.dirname(target)
        if os.path.isdir(folder):
            raise
        os.makedirs(folder)
        _link(source, target)
    except FileExistsError:
        if not replace:
            raise
        folder, name = os.path.split(target)
        temporary = os.path.join(folder, f".{name}.link")
        if os.path.lexists(temporary):
            os.unlink(temporary)
        _link(source, temporary)
        os.replace(temporary, target)


def _link(source: str, target: str) -> None:
    """A hard link, or a copy where the file system refuses one (never onto a file)."""
    try:
        os.link(source, target)
    except OSError as error:
        if error.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP):
            raise
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "exists", str(target)) from None
        shutil.copyfile(source, target)
