"""``invoke strip-images PATH…``: rewrite images without their metadata, in place.

Each file goes through `showcase.images.strip.strip_file`; a folder stands for every
image in it. One line per file says what happened; the exit code is 1 when any file
could not be cleaned or found, 2 when no path was given.

Example::

    ./dev strip-images projects/textile/smart-yarn/logo.png content/stories/2026-x/
"""

from __future__ import annotations

import sys
from pathlib import Path

from showcase.images.strip import strip_file
from showcase.paths import is_image_name

USAGE = (
    "用法：./dev strip-images 图片或文件夹…，例如 ./dev strip-images projects/textile/foo/logo.png"
)


def strip_images(root: Path, given: list[str]) -> int:
    """Strip every image named in `given` (relative to `root`); 0 when all were cleaned."""
    if not given:
        print(USAGE, file=sys.stderr)
        return 2
    failed = False
    for name in given:
        path = Path(name) if Path(name).is_absolute() else root / name
        for file in _images(path):
            message, ok = strip_file(file)
            print(f"{_shown(file, root)}：{message}", file=sys.stdout if ok else sys.stderr)
            failed |= not ok
        if not path.exists() and not path.is_symlink():
            print(f"{name}：找不到这个文件或文件夹。", file=sys.stderr)
            failed = True
    return 1 if failed else 0


def _shown(file: Path, root: Path) -> str:
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return str(file)


def _images(path: Path) -> list[Path]:
    if path.is_dir() and not path.is_symlink():
        return [p for p in sorted(path.rglob("*")) if is_image_name(p.name)]
    return [path] if path.exists() or path.is_symlink() else []
