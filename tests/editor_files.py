"""Files editors and file managers write beside the data: one example (or more) of each
pattern of `showcase.load.files.TEMPORARY_PATTERNS`, as the tools name them next to
``good-yarn.yaml``. The validation, watcher and check-pr tests all take them from here.
"""

from __future__ import annotations

from pathlib import Path

EMACS_LOCK = ".#good-yarn.yaml"
"""emacs' lock on an edited file: a symlink to ``user@host.pid:boot-time``, pointing nowhere."""

TEMPORARY_NAMES = [
    ".good-yarn.yaml.swp",  # vim's swap file
    ".good-yarn.yaml.swo",  # vim's second swap file (the file open twice)
    ".good-yarn.yaml.swx",  # vim's probe for a swap file name
    "4913",  # vim's probe of the folder before a save
    "good-yarn.yaml~",  # vim's, emacs', gedit's backup
    "good-yarn.yaml.bak",  # a backup made by hand or by Notepad++
    "404.HTML.BAK",  # the same, in capitals (an outside tester's overrides/404.html.bak)
    "good-yarn.yaml.orig",  # git mergetool's copy of the file before the merge
    "#good-yarn.yaml#",  # emacs' auto-save file
    EMACS_LOCK,
    ".goutputstream-8KQ2X1",  # gedit writing before renaming over the file
    "good-yarn.yaml___jb_tmp___",  # JetBrains' safe write
    "good-yarn.yaml___jb_old___",
    ".good-yarn.yaml.kate-swp",  # Kate's swap file
    ".~lock.roster.xlsx#",  # LibreOffice's lock
    "~$roster.docx",  # Microsoft Office's lock
    ".DS_Store",  # macOS Finder
    "._logo.png",  # macOS resource fork on a USB stick
    "Thumbs.db",  # Windows Explorer
    "ehthumbs.db",
    "desktop.ini",
    ".directory",  # KDE Dolphin
]


def make_temporary_file(folder: Path, name: str) -> Path:
    """`name` in `folder` as its tool leaves it: emacs' lock as a dangling symlink, the
    rest as files with a little content."""
    path = folder / name
    if name == EMACS_LOCK:
        path.symlink_to("maker@lab-pc.4242:1764547200")
    else:
        path.write_bytes(b"b0VIM 9.1\x00\x00unsaved text\n")
    return path


TEMPORARY_FOLDER_PATHS = [
    "projects/textile/old~/roster.docx",
    "projects/textile/4913/plan.pdf",
    "projects/textile/.#notes/readme.txt",
    "projects/textile/good-yarn/backup~/old.yaml",
    "content/pages/#drafts#/x.md",
]
"""Files in a folder named as an editor's file (an outside tester's examples): real files
all the same, checked locally and refused in a pull request."""

OVERRIDES_LINKS = ["4913", "partials/passwd~", "#p#", "Thumbs.db", "desktop.ini"]
"""Links in overrides/ named as editors' files (an outside tester's examples): MkDocs
copies the theme's files into the site, so each would publish what it points to."""

OVERRIDES_BACKUPS = ["main.html~", "partials/#copyright.html#"]
"""Editors' backups of the theme's templates: never published."""


def make_overrides_links(overrides: Path, target: Path) -> list[Path]:
    """Each of `OVERRIDES_LINKS` in `overrides`, a symlink to `target`."""
    links = [overrides / name for name in OVERRIDES_LINKS]
    for link in links:
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(target)
    return links
