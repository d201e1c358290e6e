"""Share images: one design in the link-preview size and WeChat's two cover sizes, in the
school's colour, with the project's logo, drawn in a CJK font (every character a glyph)."""

from __future__ import annotations

import dataclasses
import io
import os
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from showcase.commands.publicity import write_publicity
from showcase.fonts import CjkFont, find_cjk_font
from showcase.model import Model
from showcase.render.case_visibility import Publicity
from showcase.render.share_image import SIZES, palette, share_image
from tests.render.test_publicity import PROJECT, TODAY, case, model_with_cases

PRIVATE_USE = "\ue000"
"""A character no font maps: the font draws its "missing glyph" box for it."""


@pytest.fixture(scope="module")
def font() -> CjkFont:
    found = find_cjk_font()
    if found is None:
        assert os.environ.get("CI") != "true", "CI must have fonts-noto-cjk installed"
        pytest.skip("no CJK font (apt-get install fonts-noto-cjk)")
    return found


def _model(headline: str = "把传感器纺进一根纱线", colour: str = "#1D4E89") -> Model:
    model = model_with_cases(case("2026-published", "published", "2026-05-01", headline=headline))
    model.site = dataclasses.replace(model.site, school_colour=colour)
    return model


def _logo(colour: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (240, 240), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def _image(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    return image.convert("RGB")


def test_the_three_sizes_are_the_preview_and_wechat_covers() -> None:
    assert SIZES == {
        "share.png": (1200, 630),
        "cover-wide.png": (900, 383),  # 2.35:1
        "cover-square.png": (500, 500),  # 1:1
    }
    assert abs(900 / 383 - 2.35) < 0.01


@pytest.mark.parametrize("name", SIZES)
def test_each_size_is_drawn_on_the_school_colour_with_the_logo(font: CjkFont, name: str) -> None:
    model, logo_colour = _model(colour="#7A1F2B"), (0, 160, 90)
    data = share_image(model.cases["2026-published"], model, font, SIZES[name], _logo(logo_colour))
    image = _image(data)
    assert image.size == SIZES[name]
    colours = {colour for _, colour in image.getcolors(maxcolors=1 << 20)}
    assert palette("#7A1F2B").ground in colours and logo_colour in colours
    assert image.getpixel((image.width - 2, image.height - 2)) == palette("#7A1F2B").ground
    again = share_image(model.cases["2026-published"], model, font, SIZES[name], _logo(logo_colour))
    assert again == data, "the same inputs must give the same bytes"


@pytest.mark.parametrize("name", SIZES)
def test_without_a_readable_logo_the_tile_shows_the_name(font: CjkFont, name: str) -> None:
    model = _model()
    shown = {
        share_image(model.cases["2026-published"], model, font, SIZES[name], logo)
        for logo in (None, b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    }
    assert len(shown) == 1


@pytest.mark.parametrize("name", SIZES)
def test_chinese_text_is_drawn_with_real_glyphs(font: CjkFont, name: str) -> None:
    # A font without these glyphs draws the same box for every character, so two
    # headlines (or names) differing in one character would give the same picture.
    first, second = _model("把传感器纺进一根纱线甲"), _model("把传感器纺进一根纱线乙")
    second.projects[PROJECT] = dataclasses.replace(
        second.projects[PROJECT], name=second.projects[PROJECT].name + "乙"
    )
    first.projects[PROJECT] = dataclasses.replace(
        first.projects[PROJECT], name=first.projects[PROJECT].name + "甲"
    )
    size = SIZES[name]
    assert share_image(first.cases["2026-published"], first, font, size) != share_image(
        second.cases["2026-published"], second, font, size
    )


def test_every_character_the_design_draws_has_a_glyph_in_the_font(font: CjkFont) -> None:
    model = _model()
    drawn = {
        *model.site.school,
        *"众创空间年度典型案例科技创新类融资与合同金额孵化层级成果项万元·…",
        *model.cases["2026-published"].headline,
        *model.projects[PROJECT].name,
    }
    face = font.at(40)

    def picture(character: str) -> bytes:
        image = Image.new("L", (60, 60))
        ImageDraw.Draw(image).text((5, 5), character, font=face, fill=255)
        return image.tobytes()

    missing = picture(PRIVATE_USE)
    assert picture("汉") != missing
    assert [c for c in sorted(drawn) if not c.isspace() and picture(c) == missing] == []


def test_the_publicity_folder_gets_every_size(font: CjkFont, tmp_path: Path) -> None:
    model = _model()
    write_publicity(model, Publicity(TODAY), tmp_path / "out", tmp_path / "repo")
    folder = tmp_path / "out" / "2026-published"
    for name, size in SIZES.items():
        with Image.open(folder / name) as image:
            assert image.format == "PNG" and image.size == size
