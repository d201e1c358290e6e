"""The one door for every image the site or the publicity office publishes.

`clean_image` decodes the contributor's file (`decode`), turns it upright by its EXIF
orientation, converts an embedded colour profile to sRGB, bounds the longest side to
`MAX_PUBLISHED_SIDE` and the file to `MAX_PUBLISHED_BYTES`, and encodes the pixels afresh
in the same format. What comes out has no EXIF, XMP, IPTC, comments, text chunks or colour
profile, and nothing after the image's end (a PNG with a ZIP or HTML page appended loses
it). The same bytes in give the same bytes out.

Decoding costs tens of milliseconds per photo, so `PublishedImages` keeps each result
under a key made of the source's bytes and `RECIPE`: a rebuild decodes only images that
changed, and any change to the recipe below invalidates the cache by itself.

Example::

    images = PublishedImages(layout.published_images_dir)
    clean = images.publish(Path("projects/textile/smart-yarn/logo.png"))
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from pathlib import Path

import PIL
from PIL import Image, ImageCms, ImageOps

from showcase.images.decode import REFUSAL_TEXT, ImageRefused, decode

MAX_PUBLISHED_SIDE = 2048
"""Longest side of a published image: sharp on any phone, a sane size for a photo."""
MAX_PUBLISHED_BYTES = 1024 * 1024
SHRINK_STEP = 0.75
"""Each further attempt, when a file is still too heavy, scales the sides by this."""

_ENCODERS: dict[str, dict[str, object]] = {
    "PNG": {"compress_level": 6},  # optimize=True costs 5x the time on screenshots for 3%
    "JPEG": {"quality": 85, "optimize": True, "progressive": True},
    "WEBP": {"quality": 90, "method": 6},
}
_MODES = {
    "PNG": ("1", "L", "LA", "P", "RGB", "RGBA", "I", "I;16"),
    "JPEG": ("L", "RGB"),
    "WEBP": ("RGB", "RGBA"),
}
RECIPE = f"{MAX_PUBLISHED_SIDE}/{MAX_PUBLISHED_BYTES}/{sorted(_ENCODERS.items())}/{PIL.__version__}"
"""Everything the output depends on besides the input: part of every cache key."""


def clean_image(data: bytes) -> bytes:
    """`data` re-encoded without metadata, bounded; raises `ImageRefused` for bad input."""
    original = decode(data)
    kind = original.format or "PNG"
    pixels = ImageOps.exif_transpose(original) or original
    pixels = _in_srgb(pixels, original.info.get("icc_profile"))
    transparency = pixels.info.get("transparency")
    pixels = _mode_for(pixels, kind, transparency is not None)
    if pixels.mode != "P":
        transparency = None
    side = max(pixels.size)
    limit = MAX_PUBLISHED_SIDE
    while True:
        if side > limit:
            pixels = _shrunk(pixels, limit / side)
            transparency = pixels.info.get("transparency") if pixels.mode == "P" else None
            side = max(pixels.size)
        encoded = _encode(pixels, kind, transparency)
        if len(encoded) <= MAX_PUBLISHED_BYTES or side <= 64:
            return encoded
        limit = max(64, int(side * SHRINK_STEP))


def published_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of `data` turned upright, read from the header only; None if it
    cannot be read. `clean_image` may shrink an image but never changes its proportions,
    which is what a page's ``<img width height>`` must give before the image arrives."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            orientation = image.getexif().get(_ORIENTATION, 1)
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    return (height, width) if orientation in _QUARTER_TURNS else (width, height)


_ORIENTATION = 0x0112
_QUARTER_TURNS = (5, 6, 7, 8)
"""EXIF orientations that swap width and height (`ImageOps.exif_transpose`)."""


def _in_srgb(image: Image.Image, profile: bytes | None) -> Image.Image:
    """Pixels in sRGB, so that dropping the profile keeps the colours people saw."""
    if not profile or image.mode not in ("RGB", "RGBA", "CMYK"):
        return image
    try:
        converted = ImageCms.profileToProfile(
            image,
            io.BytesIO(profile),
            ImageCms.createProfile("sRGB"),
            outputMode="RGBA" if image.mode == "RGBA" else "RGB",
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # a broken profile: keep the pixels as they are
    return converted or image


def _mode_for(image: Image.Image, kind: str, has_transparency: bool) -> Image.Image:
    if image.mode in _MODES[kind]:
        return image
    if kind == "JPEG":
        return image.convert("L" if image.mode in ("1", "I", "I;16") else "RGB")
    alpha = has_transparency or image.mode.endswith(("A", "a")) or image.mode == "PA"
    return image.convert("RGBA" if alpha else "RGB")


def _shrunk(image: Image.Image, scale: float) -> Image.Image:
    if image.mode in ("1", "P"):
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS)


def _encode(image: Image.Image, kind: str, transparency: object) -> bytes:
    """Only the pixels (and a palette's transparency) are handed to the encoder."""
    image.info = {}
    options = dict(_ENCODERS[kind])
    if transparency is not None:
        options["transparency"] = transparency
    buffer = io.BytesIO()
    image.save(buffer, kind, **options)
    return buffer.getvalue()


class UnpublishableImage(ValueError):
    """An image file that cannot be published; the message names it and says why."""

    def __init__(self, source: Path, refused: ImageRefused) -> None:
        super().__init__(
            f"图片 {source} 无法发布：{REFUSAL_TEXT[refused.reason]}。"
            "运行 ./dev validate 查看详情并修正。"
        )


class PublishedImages:
    """Clean bytes of source images, kept in `cache_dir` by content (None: no cache)."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.cache_dir = cache_dir
        self.used: set[Path] = set()

    def publish(self, source: Path) -> bytes:
        """The published bytes of the image file `source` (see `clean_image`).

        Raises `UnpublishableImage` for a file that is not a usable image.
        """
        data = source.read_bytes()
        if self.cache_dir is None:
            return self._clean(source, data)
        key = hashlib.sha256(RECIPE.encode() + b"\0" + data).hexdigest()
        entry = self.cache_dir / key[:2] / key
        self.used.add(entry)
        try:
            return entry.read_bytes()
        except FileNotFoundError:
            pass
        clean = self._clean(source, data)
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-")
        with os.fdopen(handle, "wb") as file:
            file.write(clean)
        os.replace(temporary, entry)
        return clean

    @staticmethod
    def _clean(source: Path, data: bytes) -> bytes:
        try:
            return clean_image(data)
        except ImageRefused as refused:
            raise UnpublishableImage(source, refused) from None

    def forget_unused(self) -> int:
        """Delete cache entries this object did not use; returns how many."""
        if self.cache_dir is None or not self.cache_dir.is_dir():
            return 0
        stale = [p for p in self.cache_dir.glob("*/*") if p not in self.used]
        for path in stale:
            path.unlink(missing_ok=True)
        return len(stale)
