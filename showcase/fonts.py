"""The CJK font every picture with Chinese text is drawn with (share images, logos).

Fonts come from a system package (Debian's fonts-noto-cjk), never from the network. A
machine without one gets None, and callers degrade (skip share images, draw logos without
text) instead of failing. The font is read into memory once, so whatever draws with it
(the renderers) reads no file.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass, field
from pathlib import Path

from PIL import ImageFont

FONT_DIRS = (Path("/usr/share/fonts"),)
_PREFERRED = ("NotoSansCJK-Bold.ttc", "NotoSansCJK-Regular.ttc", "NotoSerifCJK-Bold.ttc")
_SIMPLIFIED_FAMILY = "CJK SC"
MISSING_FONT_NOTICE = (
    "！！！未找到中文字体（fonts-noto-cjk），已跳过分享图片。"
    "安装方法：apt-get install fonts-noto-cjk ！！！"
)


@dataclass(frozen=True)
class CjkFont:
    data: bytes = field(repr=False)
    """The whole font file."""
    index: int
    """The face inside a .ttc collection that is Simplified Chinese."""

    def at(self, size: int) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(io.BytesIO(self.data), size, index=self.index)


@functools.cache
def find_cjk_font(search: tuple[Path, ...] = FONT_DIRS) -> CjkFont | None:
    """The best installed Noto CJK font (bold sans first, Simplified face), or None."""
    found = [
        path
        for folder in search
        if folder.is_dir()
        for path in folder.rglob("*CJK*")
        if path.suffix.lower() in (".ttc", ".otf", ".ttf")
    ]
    ranked = sorted(found, key=lambda p: (_rank(p.name), p.as_posix()))
    for path in ranked:
        index = _simplified_index(path)
        if index is not None:
            return CjkFont(path.read_bytes(), index)
    return None


def _rank(name: str) -> int:
    return _PREFERRED.index(name) if name in _PREFERRED else len(_PREFERRED)


def _simplified_index(path: Path) -> int | None:
    """The SC face of a collection (else its first face); None when it cannot be read."""
    first = None
    for index in range(16):
        try:
            family = ImageFont.truetype(str(path), 20, index=index).getname()[0] or ""
        except OSError:
            break
        first = index if first is None else first
        if _SIMPLIFIED_FAMILY in family:
            return index
    return first
