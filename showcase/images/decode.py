"""Opening an untrusted image: format and dimensions from the header, then every pixel.

Pillow reads the header lazily, so the format and the claimed canvas are checked before
anything is decoded; a tiny file claiming a huge canvas (a decompression bomb) is refused
there, whatever Pillow's global limit is. Then the file is verified (checksums) and decoded
in full, so a truncated or corrupt file fails here and never half-way through a build.

Example::

    image = decode(path.read_bytes())   # a loaded Pillow image, or ImageRefused
"""

from __future__ import annotations

import io
import warnings
from enum import Enum

from PIL import Image

ALLOWED_FORMATS = {"PNG": "PNG", "JPEG": "JPEG", "WEBP": "WebP"}
"""Pillow's format name → the name people know; nothing else is accepted or published."""
MAX_SIDE = 4096


class Refusal(Enum):
    FORMAT = "format"
    DIMENSIONS = "dimensions"
    CORRUPT = "corrupt"


REFUSAL_TEXT = {
    Refusal.FORMAT: "不是 PNG、JPEG 或 WebP 图片",
    Refusal.DIMENSIONS: f"尺寸超过 {MAX_SIDE}×{MAX_SIDE} 像素",
    Refusal.CORRUPT: "文件已损坏或不完整",
}
"""A short Chinese reason, for commands that report a whole file (not a field)."""


class ImageRefused(ValueError):
    """Why an image cannot be used: `reason`, and the format or size found, if any."""

    def __init__(
        self, reason: Refusal, found: str | None = None, size: tuple[int, int] | None = None
    ) -> None:
        super().__init__(f"{reason.value}: {found or size or ''}")
        self.reason = reason
        self.found = found
        self.size = size


def decode(data: bytes) -> Image.Image:
    """The fully decoded image in `data`; raises `ImageRefused`, never anything else."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return _decode(data)
    except ImageRefused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRefused(Refusal.DIMENSIONS) from None
    except Image.UnidentifiedImageError:
        raise ImageRefused(Refusal.FORMAT) from None
    except Exception:  # any decoder failure means a broken image, never a traceback
        raise ImageRefused(Refusal.CORRUPT) from None


def _decode(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as image:
        kind, (width, height) = image.format, image.size
        if kind not in ALLOWED_FORMATS:
            raise ImageRefused(Refusal.FORMAT, found=kind)
        if width > MAX_SIDE or height > MAX_SIDE:
            raise ImageRefused(Refusal.DIMENSIONS, size=(width, height))
        image.verify()
    image = Image.open(io.BytesIO(data))
    image.load()
    return image
