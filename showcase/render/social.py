"""The site's default link-preview image (og:image), drawn at build time.

Link previews in WeChat and elsewhere need a raster image; pages without a project logo
use this one. It shows the ladder 创业苗圃 → 众创空间 → 孵化加速器 as three rising steps
in the level colours, with no text, so it needs no fonts and is the same on every machine.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1200, 630
_BACKGROUND = (40, 53, 147)
_STEPS = ((46, 125, 50), (21, 101, 192), (106, 27, 154))


def social_image() -> bytes:
    """A 1200×630 PNG; identical bytes on every build."""
    image = Image.new("RGB", (WIDTH, HEIGHT), _BACKGROUND)
    draw = ImageDraw.Draw(image)
    step_width, step_height, left, floor = 260, 130, 210, 520
    for index, colour in enumerate(_STEPS):
        x = left + index * step_width
        top = floor - (index + 1) * step_height
        draw.rectangle((x, top, x + step_width - 20, floor), fill=colour)
        draw.rectangle((x, top, x + step_width - 20, top + 14), fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
