"""Reading and listing the repository's files without ever following a symlink.

A pull request can add a symlink as easily as a file. Followed, a link would let the
validator read (and a message quote) any file on the machine that runs it, or let the
build copy one into the public site. So nothing under ``projects/`` or ``content/`` is
read through a link: files are opened with ``O_NOFOLLOW`` after an ``lstat``, folders are
listed with ``os.scandir`` without descending into linked folders, and every link found is
reported (``file.symlink``) by its own path, never by what it points to; so is a link among
the build's other sources (`showcase.paths.Layout.build_sources`: ``overrides/``,
``mkdocs.yml``, ``schemas/``), which MkDocs and the validator would follow.

Editors and file managers leave their own files beside the data: vim's swap file and
write probe, backups ending in ``~``, emacs' auto-save file and its lock (a dangling
symlink), ``.DS_Store``. `is_temporary_name` owns that list; no listing here returns such
a file, so the local validation, the build and the preview's watcher never see one. Only
files: a folder is listed whatever its name (``old~/roster.docx`` is still a file to
check), and so is a link unless it is a temporary name pointing nowhere (emacs' lock), so
``overrides/4913 -> /etc/passwd`` is refused like any link. They are never published
either: ``.gitignore`` leaves them out of commits, the theme's static files leave them out
(`showcase.engine.theme_files`), and ``invoke check-pr`` refuses a pull request that adds
a path with such a name anywhere in it (``file.temporary``).

Example::

    raw, problems = read_source(path, "projects/textile/x.yaml", 64 * 1024, "…")
    files, links = walk_files(layout.projects_dir)
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat
from pathlib import Path

from showcase.problems import Problem

_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NON_BLOCKING = getattr(os, "O_NONBLOCK", 0)
"""Opened only after lstat says "regular file"; these flags close the gap in between."""


TEMPORARY_PATTERNS = (
    "*.sw[a-px]",  # vim's swap files (.x.yaml.swp, .swo, … and the .swx probe)
    "4913",  # vim's probe of whether it may write the folder, deleted at once
    "*~",  # backups: vim, emacs, gedit, Kate, nano
    "*.bak",  # backups made by hand or by Notepad++, WPS and other editors
    "*.orig",  # what git's merge tool and patch leave of a file they changed
    "#*#",  # emacs' auto-save file
    ".#*",  # emacs' lock: a symlink to user@host.pid that points nowhere
    ".goutputstream-*",  # gedit (GIO) writing a file before renaming it over the old one
    "*___jb_tmp___",  # JetBrains' safe write
    "*___jb_old___",
    "*.kate-swp",  # Kate's swap file
    ".~lock.*#",  # LibreOffice's lock
    "~$*",  # Microsoft Office's lock
    ".DS_Store",  # macOS Finder's folder settings
    "._*",  # macOS' resource forks on a USB stick or network share
    "Thumbs.db",  # Windows Explorer's thumbnails
    "ehthumbs.db",
    "desktop.ini",  # Windows Explorer's folder settings
    ".directory",  # KDE Dolphin's folder settings
)
"""Names of the files editors and file managers write on their own (the same patterns
are in ``.gitignore``; tests/editor_files.py holds an example of each)."""

_TEMPORARY = re.compile(
    "|".join(fnmatch.translate(pattern) for pattern in TEMPORARY_PATTERNS), re.IGNORECASE
)


def is_temporary_name(name: str) -> bool:
    """Whether a file name is an editor's or a file manager's own file (vim's swap file,
    a backup ending in ``~``, ``.DS_Store``…): never data, ignored by every listing here,
    and refused in a pull request (`TEMPORARY_PATTERNS`)."""
    return _TEMPORARY.match(name) is not None


def has_temporary_part(path: str) -> bool:
    """Whether any part of a POSIX path (a folder's name or the file's) is a temporary name:
    ``old~/roster.docx`` is no data file either, and nothing in it may be published."""
    return any(is_temporary_name(part) for part in path.split("/"))


def read_source(
    file: Path, display_path: str, max_bytes: int, too_large_hint: str
) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a regular file no larger than `max_bytes`, never through a symlink."""
    try:
        mode = file.lstat().st_mode
        if stat.S_ISLNK(mode):
            return None, [symlink_problem(display_path)]
        if not stat.S_ISREG(mode):  # a folder, or a FIFO that would block forever
            return None, [
                file_problem(
                    display_path,
                    "load.unreadable",
                    "这不是一个普通文件。",
                    "数据文件必须是普通的文本文件。",
                )
            ]
        descriptor = os.open(file, os.O_RDONLY | _NO_FOLLOW | _NON_BLOCKING)
        with os.fdopen(descriptor, "rb") as stream:
            status = os.fstat(stream.fileno())
            if status.st_size > max_bytes:
                return None, [
                    file_problem(
                        display_path,
                        "load.too-large",
                        f"文件过大（{status.st_size} 字节），上限为 {max_bytes} 字节。",
                        too_large_hint,
                    )
                ]
            return stream.read(max_bytes + 1), []
    except OSError as error:
        return None, [
            file_problem(
                display_path,
                "load.unreadable",
                f"无法读取文件：{error.strerror}。",
                "检查文件是否存在、是否有读取权限。",
            )
        ]


def symlink_problem(display_path: str) -> Problem:
    """The one wording for a symlink among the files the build reads (``file.symlink``)."""
    return file_problem(
        display_path,
        "file.symlink",
        "这是一个符号链接（快捷方式）：仓库里不接受符号链接，校验和构建都不会读取它指向的内容。",
        "把链接换成真实的文件或文件夹；需要的图片或文字请直接复制进来。",
    )


def decode_text(raw: bytes, display_path: str) -> tuple[str | None, list[Problem]]:
    """The UTF-8 text of a file without its BOM, or None and the problem naming where the
    first byte that is not UTF-8 stands and which encoding the file most likely uses."""
    try:
        return raw.decode("utf-8").removeprefix("\ufeff"), []
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff")) or raw[:200].count(b"\0") > 20
        likely = "UTF-16，即 Windows 记事本里的“Unicode”" if utf16 else "GBK/GB2312"
        return None, [
            Problem(
                display_path,
                line,
                column,
                rule="load.encoding",
                message=f"文件不是 UTF-8 编码（看起来是 {likely}）。",
                hint="用编辑器以 UTF-8 编码另存此文件（记事本：另存为 → 编码选 UTF-8）。",
            )
        ]


def file_problem(display_path: str, rule: str, message: str, hint: str) -> Problem:
    """A problem about a whole file (line and column 0)."""
    return Problem(display_path, 0, 0, rule=rule, message=message, hint=hint)


def path_order(path: Path) -> tuple[str, ...]:
    """The order of `sorted` on paths (their parts, compared one by one), as a key: many
    times faster than `PurePath.__lt__` over the 20,000 paths of a large repository."""
    return path.parts


def regular_files(folder: Path, suffix: str) -> list[Path]:
    """The regular files directly in `folder` whose names end in `suffix`, sorted.

    Empty when `folder` is missing or is itself a symlink; linked files are left out.
    """
    return sorted(
        (path for path, kind in _entries(folder) if kind == "file" and path.name.endswith(suffix)),
        key=path_order,
    )


def subfolders(folder: Path) -> list[Path]:
    """The real folders directly in `folder` (not links to folders), sorted."""
    return sorted((path for path, kind in _entries(folder) if kind == "folder"), key=path_order)


def walk_files(folder: Path) -> tuple[list[Path], list[Path]]:
    """(every regular file, every symlink) at or below `folder`, both sorted.

    Linked folders are reported, never entered; `folder` itself counts when it is a link.
    """
    if folder.is_symlink():
        return [], [folder]
    files: list[Path] = []
    links: list[Path] = []
    pending = [folder]
    while pending:
        for path, kind in _entries(pending.pop()):
            if kind == "link":
                links.append(path)
            elif kind == "folder":
                pending.append(path)
            elif kind == "file":
                files.append(path)
    return sorted(files, key=path_order), sorted(links, key=path_order)


def first_symlink(base: Path, path: Path) -> Path | None:
    """The first symlink among the parts of `path` below `base` (`base` itself not checked).

    None when there is none, or when `path` is not written under `base`.
    """
    try:
        parts = path.relative_to(base).parts
    except ValueError:
        return None
    current = base
    for part in parts:
        current = current / part
        if current.is_symlink():
            return current
    return None


def _entries(folder: Path) -> list[tuple[Path, str]]:
    """(path, "file" | "folder" | "link" | "other") for each entry but editors' and file
    managers' own files (`is_temporary_name`: a file, or a link pointing nowhere); [] for
    a linked folder."""
    if folder.is_symlink():
        return []
    try:
        with os.scandir(folder) as scanned:
            entries = [(folder / entry.name, _kind(entry)) for entry in scanned]
    except OSError:
        return []
    return [(path, kind) for path, kind in entries if not _is_temporary_file(path, kind)]


def _is_temporary_file(path: Path, kind: str) -> bool:
    if kind == "folder" or not is_temporary_name(path.name):
        return False
    return kind != "link" or not path.exists()  # a link to something is refused, whatever its name


def _kind(entry: os.DirEntry[str]) -> str:
    if entry.is_symlink():
        return "link"
    if entry.is_dir(follow_symlinks=False):
        return "folder"
    return "file" if entry.is_file(follow_symlinks=False) else "other"
