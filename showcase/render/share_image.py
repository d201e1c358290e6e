"""A share image per typical case (1200×630 PNG): headline, college and one key figure.

Every text goes through `drawable` first: one line, without control and format characters.
A line break would make Pillow draw lines over each other, and bidirectional overrides
(U+202E …) or zero-width characters could make the picture say something the data does
not show as text.

Drawn with Pillow in the CJK font the command loaded (`showcase.fonts.find_cjk_font`).
Without such a font there is nothing correct to draw, so callers skip share images with a
notice instead of failing the build. The same font and data give byte-identical PNGs.

Example::

    png = share_image(case, model, font) if font else None
"""

from __future__ import annotations

import io
import unicodedata

from PIL import Image, ImageDraw, ImageFont

from showcase.cases import CASE_CATEGORIES, TypicalCase
from showcase.fonts import CjkFont
from showcase.model import LEVELS, Model, Project
from showcase.render.chinese_numbers import money

WIDTH, HEIGHT = 1200, 630
_BACKGROUND = (40, 53, 147)
_ACCENT = (255, 112, 67)
_WHITE = (255, 255, 255)
_MUTED = (197, 202, 233)


def key_figure(project: Project) -> tuple[str, str]:
    """(figure, caption): money raised and contracted, else achievements, else the level."""
    raised = sum(
        a.amount_cny or 0 for a in project.achievements if a.type in ("funding", "contract")
    )
    if raised:
        return money(raised), "融资与合同金额"
    if project.achievements:
        return f"{len(project.achievements)} 项", "成果"
    return LEVELS[project.level], "孵化层级"


def drawable(text: str) -> str:
    """`text` as one line of visible characters: whitespace runs become one space, and
    control and format characters (Unicode categories Cc, Cf: bidi overrides, zero-width
    joiners, soft hyphens) are removed."""
    kept = "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf") or c.isspace())
    return " ".join(kept.split())


def share_image(case: TypicalCase, model: Model, font: CjkFont) -> bytes:
    """The case's 1200×630 PNG."""
    project = model.projects[case.project]
    image = Image.new("RGB", (WIDTH, HEIGHT), _BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 24, HEIGHT), fill=_ACCENT)
    label = f"典型案例 · {case.year} · {CASE_CATEGORIES[case.category]}"
    draw.text((80, 60), label, font=font.at(34), fill=_MUTED)
    y = 130
    for line in _wrap(draw, drawable(case.headline), font.at(72), WIDTH - 160)[:2]:
        draw.text((80, y), line, font=font.at(72), fill=_WHITE)
        y += 96
    college = model.colleges[project.college].name
    draw.text(
        (80, y + 10),
        _fit(draw, drawable(f"{college} · {project.name}"), font.at(34), WIDTH - 160),
        font=font.at(34),
        fill=_MUTED,
    )
    figure, caption = key_figure(project)
    draw.rounded_rectangle((80, 470, WIDTH - 80, 580), radius=16, fill=(26, 35, 126))
    draw.text((110, 485), figure, font=font.at(60), fill=_ACCENT)
    draw.text((WIDTH - 110, 525), caption, font=font.at(32), fill=_WHITE, anchor="rm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _wrap(
    draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int
) -> list[str]:
    """Chinese wraps at any character; the last kept line is shortened with an ellipsis."""
    lines, current = [], ""
    for char in text:
        if draw.textlength(current + char, font=font) > width and current:
            lines.append(current)
            current = char
        else:
            current += char
    lines.append(current)
    if len(lines) > 2:
        lines = [lines[0], _fit(draw, lines[1] + "".join(lines[2:]), font, width)]
    return lines


def _fit(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…"
