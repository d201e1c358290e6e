"""Share images per typical case: the link preview and the WeChat article covers.

One design in three sizes (`SIZES`): the school's colour as the ground, the school and
makerspace named at the top, the project's logo on a white tile, the headline, the college
and project, and the key facts (money raised, else achievements, and the ladder level).
``share.png`` (1200×630) is the link preview (``og:image``); ``cover-wide.png`` (900×383,
2.35:1) and ``cover-square.png`` (500×500, 1:1) are the sizes WeChat's editor crops an
article's cover to (the wide one heads the article card, the square one is shown when the
article is shared to a chat or is not the first of a push), so the office uploads them as
they are instead of cropping the preview.

Every text goes through `drawable` first: one line, without control and format characters.
A line break would make Pillow draw lines over each other, and bidirectional overrides
(U+202E …) or zero-width characters could make the picture say something the data does
not show as text.

Drawn with Pillow in the CJK font the command loaded (`showcase.fonts.find_cjk_font`);
the logo's bytes are read by the command too (`showcase.commands.gather.case_logos`), so
drawing reads no file. Without a font there is nothing correct to draw, so callers skip
share images with a notice instead of failing the build; a logo Pillow cannot read (SVG)
gives way to the project name's first character. The same inputs give byte-identical PNGs.

Example::

    png = share_image(case, model, font, SIZES["cover-wide.png"], logo=logo_bytes)
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from PIL import Image, ImageDraw, ImageFile, ImageFont

from showcase.cases import CASE_CATEGORIES, TypicalCase
from showcase.fonts import CjkFont
from showcase.model import LEVELS, Model, Project
from showcase.render.chinese_numbers import money

SHARE_IMAGE = "share.png"
SIZES = {SHARE_IMAGE: (1200, 630), "cover-wide.png": (900, 383), "cover-square.png": (500, 500)}
"""File name → (width, height) of each share image."""
WIDTH, HEIGHT = SIZES[SHARE_IMAGE]
EMPTY_LOGOS: Mapping[str, bytes] = MappingProxyType({})
"""No logo read: every tile shows the project name's first character."""
_ACCENT = (255, 112, 67)
_ACCENT_TEXT = (255, 171, 145)
"""The accent lightened for small text, readable on a dark school colour (4.5:1 and more
on the default indigo); the full accent is kept for bars and the large key figure."""
_WHITE = (255, 255, 255)


@dataclass(frozen=True)
class _Palette:
    ground: tuple[int, int, int]
    panel: tuple[int, int, int]
    muted: tuple[int, int, int]


def palette(colour: str) -> _Palette:
    """The school's colour (``#RRGGBB``) as ground, a darker panel and a pale text colour."""
    ground = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    panel = tuple(round(c * 0.72) for c in ground)
    muted = tuple(round(c + (255 - c) * 0.75) for c in ground)
    return _Palette(ground, panel, muted)  # type: ignore[arg-type]


@dataclass(frozen=True)
class _Canvas:
    """What every part of a design draws with."""

    image: Image.Image
    draw: ImageDraw.ImageDraw
    font: CjkFont
    colours: _Palette


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


def share_image(
    case: TypicalCase,
    model: Model,
    font: CjkFont,
    size: tuple[int, int] = (WIDTH, HEIGHT),
    logo: bytes | None = None,
) -> bytes:
    """The case's PNG at `size` (one of `SIZES`): wide sizes put the logo beside the text,
    the square one above it."""
    width, height = size
    colours = palette(model.site.school_colour)
    image = Image.new("RGB", size, colours.ground)
    canvas = _Canvas(image, ImageDraw.Draw(image), font, colours)
    (_wide if width / height > 1.5 else _square)(canvas, case, model, logo)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _wide(canvas: _Canvas, case: TypicalCase, model: Model, logo: bytes | None) -> None:
    draw, image, font, colours = canvas.draw, canvas.image, canvas.font, canvas.colours
    width, height = image.size
    unit = height / 630
    project = model.projects[case.project]
    margin = round(72 * unit)
    draw.rectangle((0, 0, round(20 * unit), height), fill=_ACCENT)
    tile = round(150 * unit)
    _logo_tile(
        image, draw, project, logo, font, (width - margin - tile, margin), tile, colours.ground
    )
    text_width = width - 2 * margin - tile - round(32 * unit)
    school = drawable(f"{model.site.school} · 众创空间")
    _line(draw, (margin, margin), school, font, round(30 * unit), colours.muted, text_width)
    label = f"{case.year} 年度典型案例 · {CASE_CATEGORIES[case.category]}"
    _line(draw, (margin, margin + round(46 * unit)), label, font, round(30 * unit), _ACCENT_TEXT)
    y = margin + round(112 * unit)
    headline_size = round(64 * unit)
    for line in _wrap(draw, drawable(case.headline), font.at(headline_size), text_width)[:2]:
        draw.text((margin, y), line, font=font.at(headline_size), fill=_WHITE)
        y += round(headline_size * 1.3)
    college = model.colleges[project.college].name
    who = drawable(f"{college} · {project.name}")
    _line(
        draw,
        (margin, y + round(6 * unit)),
        who,
        font,
        round(30 * unit),
        colours.muted,
        width - 2 * margin,
    )
    _facts(
        draw,
        project,
        font,
        colours,
        (margin, height - margin - round(100 * unit)),
        (width - 2 * margin, round(100 * unit)),
        unit,
        with_level=True,
    )


def _square(canvas: _Canvas, case: TypicalCase, model: Model, logo: bytes | None) -> None:
    draw, image, font, colours = canvas.draw, canvas.image, canvas.font, canvas.colours
    side = image.size[0]
    unit = side / 500
    project = model.projects[case.project]
    margin = round(36 * unit)
    inner = side - 2 * margin
    draw.rectangle((0, 0, side, round(10 * unit)), fill=_ACCENT)
    school = drawable(f"{model.site.school} · 众创空间")
    _centred(draw, side, margin, school, font, round(24 * unit), colours.muted, inner)
    tile = round(130 * unit)
    _logo_tile(
        image,
        draw,
        project,
        logo,
        font,
        ((side - tile) // 2, round(80 * unit)),
        tile,
        colours.ground,
    )
    y = round(226 * unit)
    size = round(34 * unit)
    for line in _wrap(draw, drawable(project.name), font.at(size), inner)[:2]:
        _centred(draw, side, y, line, font, size, _WHITE, inner)
        y += round(size * 1.3)
    label = f"{case.year} 年度典型案例 · {CASE_CATEGORIES[case.category]}"
    _centred(draw, side, y + round(4 * unit), label, font, round(22 * unit), _ACCENT_TEXT, inner)
    _facts(
        draw,
        project,
        font,
        colours,
        (margin, side - margin - round(80 * unit)),
        (inner, round(80 * unit)),
        unit * 0.8,
        with_level=False,
    )


def _facts(
    draw: ImageDraw.ImageDraw,
    project: Project,
    font: CjkFont,
    colours: _Palette,
    origin: tuple[int, int],
    box: tuple[int, int],
    unit: float,
    with_level: bool,
) -> None:
    """The key figure on the left of a dark panel, its caption (and the project's level,
    where there is room) on the right."""
    x, y = origin
    width, height = box
    draw.rounded_rectangle(
        (x, y, x + width, y + height), radius=round(16 * unit), fill=colours.panel
    )
    figure, caption = key_figure(project)
    pad = round(28 * unit)
    figure_size = round(56 * unit)
    level = with_level and caption != "孵化层级"
    right = f"{caption} · {LEVELS[project.level]}" if level else caption
    caption_size = round(28 * unit)
    caption_room = width - 3 * pad - draw.textlength(caption, font=font.at(caption_size))
    figure = _fit(draw, drawable(figure), font.at(figure_size), caption_room)
    draw.text(
        (x + pad, y + height // 2), figure, font=font.at(figure_size), fill=_ACCENT, anchor="lm"
    )
    room = width - 3 * pad - draw.textlength(figure, font=font.at(figure_size))
    right = _fit(draw, right, font.at(caption_size), room)
    draw.text(
        (x + width - pad, y + height // 2),
        right,
        font=font.at(caption_size),
        fill=_WHITE,
        anchor="rm",
    )


def _logo_tile(
    image: Image.Image,
    draw: ImageDraw.ImageDraw,
    project: Project,
    logo: bytes | None,
    font: CjkFont,
    origin: tuple[int, int],
    tile: int,
    ink: tuple[int, int, int],
) -> None:
    """A white rounded tile with the logo fitted inside it (the name's first character
    when there is no logo Pillow can read)."""
    x, y = origin
    draw.rounded_rectangle((x, y, x + tile, y + tile), radius=tile // 8, fill=_WHITE)
    picture = _logo_image(logo)
    pad = tile // 10
    if picture is not None:
        picture.thumbnail((tile - 2 * pad, tile - 2 * pad), Image.Resampling.LANCZOS)
        left = x + (tile - picture.width) // 2
        top = y + (tile - picture.height) // 2
        image.paste(picture, (left, top), picture)
        return
    initial = drawable(project.name)[:1] or "项"
    draw.text(
        (x + tile // 2, y + tile // 2),
        initial,
        font=font.at(tile // 2),
        fill=ink,
        anchor="mm",
    )


def _logo_image(logo: bytes | None) -> Image.Image | None:
    """The logo decoded from its bytes (Pillow's incremental parser: no file involved)."""
    if not logo:
        return None
    parser = ImageFile.Parser()
    try:
        parser.feed(logo)
        return parser.close().convert("RGBA")
    except (OSError, ValueError, SyntaxError):
        return None


def _line(
    draw: ImageDraw.ImageDraw,
    origin: tuple[int, int],
    text: str,
    font: CjkFont,
    size: int,
    fill: tuple[int, int, int],
    width: float | None = None,
) -> None:
    face = font.at(size)
    draw.text(origin, _fit(draw, text, face, width) if width else text, font=face, fill=fill)


def _centred(
    draw: ImageDraw.ImageDraw,
    side: int,
    y: int,
    text: str,
    font: CjkFont,
    size: int,
    fill: tuple[int, int, int],
    width: float,
) -> None:
    face = font.at(size)
    draw.text((side // 2, y), _fit(draw, text, face, width), font=face, fill=fill, anchor="ma")


def _wrap(
    draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: float
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


def _fit(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: float) -> str:
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…"
