"""Rewriting an image without its metadata, in place (``invoke strip-images PATH…``).

This is the fix the validator names when an image carries location or personal metadata
(`showcase.images.metadata`). Each file goes through the same door as a published image
(`showcase.images.publish.clean_image`), so what is committed afterwards is exactly what
the site shows: no metadata, no trailing bytes, at most 2048 pixels on a side. A folder
stands for every image in it (`showcase.commands.strip_images`). A file that is not a
usable image, or a symbolic link, is reported and left alone; the file is replaced only
when the new one is complete.

Example::

    message, ok = strip_file(Path("projects/textile/smart-yarn/logo.png"))
    # ("已去除 GPS 位置信息，并重新保存（48213 → 40127 字节）。", True)
"""

from __future__ import annotations

import os
import shlex
import tempfile
from pathlib import Path

from showcase.images.decode import REFUSAL_TEXT, ImageRefused, decode
from showcase.images.metadata import personal_metadata
from showcase.images.publish import clean_image


def strip_command(path: str) -> str:
    """The command line that strips `path` (repository-relative), ready to copy."""
    if any(c.isspace() or c in "'\"$`\\" for c in path):
        return f"./dev strip-images --path {shlex.quote(path)}"
    return f"./dev strip-images {path}"


def strip_file(file: Path) -> tuple[str, bool]:
    """Rewrite `file` without metadata; a Chinese line saying what happened, and success."""
    if file.is_symlink():
        return "是符号链接，未改动；请把图片文件本身放在这里。", False
    try:
        data = file.read_bytes()
        found = personal_metadata(decode(data))
        clean = clean_image(data)
    except ImageRefused as refused:
        return f"{REFUSAL_TEXT[refused.reason]}，未改动。", False
    except OSError as error:
        return f"无法读取（{error.strerror or error}），未改动。", False
    if clean == data:
        return "没有需要去除的内容，未改动。", True
    try:
        _replace(file, clean)
    except OSError as error:
        return f"无法写入（{error.strerror or error}），原文件未改动。", False
    removed = "、".join(found) if found else "全部元数据"
    return f"已去除 {removed}，并重新保存（{len(data)} → {len(clean)} 字节）。", True


def _replace(file: Path, content: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.chmod(temporary, file.stat().st_mode & 0o777)
        os.replace(temporary, file)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
