"""Placeholder logos: a flat geometric mark with one or two Chinese characters.

Used for the sample projects and for synthetic repositories, so that pages, image checks
and benchmarks see real PNG files. Output is deterministic for the same text and seed and
stays well under 20 KB (a 256×256 palette image). When no CJK font is installed the mark
is drawn without characters rather than with missing-glyph boxes.

Example::

    write_logo(Path("projects/textile/smart-yarn/logo.png"), "经纬", seed=3)
"""

from __future__ import annotations

import hashlib
import io
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw

from showcase.fonts import find_cjk_font

SIZE = 256
_PALETTE = (
    ("#0f4c81", "#f2c14e"),
    ("#1b7f5b", "#f6f1e3"),
    ("#8c2f39", "#fbe3c4"),
    ("#3d348b", "#f7b801"),
    ("#0b6e4f", "#c9f2e4"),
    ("#b5533c", "#fff4e0"),
    ("#264653", "#e9c46a"),
    ("#6a4c93", "#ffd6e0"),
    ("#1d3557", "#a8dadc"),
    ("#5f0f40", "#fb8b24"),
)


def write_logo(path: Path, text: str, seed: int = 0) -> None:
    """Draw a logo for `text` (its first two characters are shown) and save it as PNG."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(logo_png(text[:2], seed))


@cache
def logo_png(text: str, seed: int = 0) -> bytes:
    """The PNG bytes of the logo for `text`; cached, as synthetic names repeat."""
    digest = hashlib.sha256(f"{seed}:{text}".encode()).digest()
    background, accent = _PALETTE[digest[0] % len(_PALETTE)]
    image = Image.new("RGB", (SIZE, SIZE), background)
    draw = ImageDraw.Draw(image)
    _draw_mark(draw, digest[1] % 4, accent, digest[2])
    font = find_cjk_font()
    if font is not None and text:
        draw.text(
            (SIZE / 2, SIZE / 2),
            text[:2],
            font=font.at(80 if len(text[:2]) == 2 else 120),
            fill="#ffffff",
            anchor="mm",
            stroke_width=4,
            stroke_fill=background,
        )
    buffer = io.BytesIO()
    image.quantize(colors=32, dither=Image.Dither.NONE).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _draw_mark(draw: ImageDraw.ImageDraw, shape: int, colour: str, turn: int) -> None:
    margin = 24
    box = (margin, margin, SIZE - margin, SIZE - margin)
    if shape == 0:
        draw.ellipse(box, outline=colour, width=14)
    elif shape == 1:
        draw.rounded_rectangle(box, radius=48, outline=colour, width=14)
    elif shape == 2:
        draw.regular_polygon(
            (SIZE / 2, SIZE / 2, SIZE / 2 - margin), 6, rotation=turn % 60, outline=colour, width=14
        )
    else:
        for offset in range(-SIZE, SIZE, 48):
            draw.line((offset, SIZE, offset + SIZE, 0), fill=colour, width=10)
