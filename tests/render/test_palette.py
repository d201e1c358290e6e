"""The site's colours come from one palette (assets/palette.css) that meets WCAG AA.

Every foreground in the palette names the backgrounds it is drawn on (``text on …``,
``large on …``, ``ui on …``); each pair is measured with the WCAG 2.1 contrast formula
(coloraide's ``wcag21`` method) in the light scheme and in Material's dark one, where a
colour the dark scheme does not redefine keeps its light value. The other stylesheets
name no colour of their own, so a new colour must enter through the palette and be
measured here. The WeChat article is inline-styled (no stylesheet reaches WeChat's
editor), so its own colour pairs are measured from its styles.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from coloraide import Color

from showcase.render import wechat

ASSETS = Path(__file__).parents[2] / "showcase" / "render" / "assets"
PALETTE = ASSETS / "palette.css"
MINIMUM = {"text": 4.5, "large": 3.0, "ui": 3.0}
"""WCAG 2.1 AA: 1.4.3 for text, large text; 1.4.11 for meaningful non-text."""

_BLOCK = re.compile(r"([^{}]+)\{([^{}]*)\}")
_DECLARATION = re.compile(r"(--sc-[\w-]+)\s*:\s*([^;]+);[ \t]*(?:/\*(.*?)\*/)?")
_ROLE = re.compile(r"^\s*(text|large|ui) on ((?:\s*--sc-[\w-]+)+)")
_COLOUR_LITERAL = re.compile(r"#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(")


class Palette:
    """The palette's colours per scheme and the pairs its comments declare."""

    def __init__(self, css: str) -> None:
        self.schemes: dict[str, dict[str, str]] = {"light": {}, "dark": {}}
        self.roles: dict[str, tuple[str, list[str]]] = {}
        self.decorative: set[str] = set()
        for head, body in _BLOCK.findall(css):
            selector = head.rsplit("*/", 1)[-1]
            scheme = "dark" if '"slate"' in selector else "light"
            if "--sc-" not in body or "data-md-color-primary" in selector:
                continue
            for name, value, comment in _DECLARATION.findall(body):
                if not _COLOUR_LITERAL.search(value):
                    continue  # not a colour (the story picture's filter)
                self.schemes[scheme][name] = value.strip()
                role = _ROLE.match(comment or "")
                if role:
                    self.roles[name] = (role.group(1), role.group(2).split())
                elif "decorative" in (comment or ""):
                    self.decorative.add(name)

    def colour(self, scheme: str, name: str) -> str:
        """A colour's value in `scheme`; the dark scheme inherits what it does not set."""
        return self.schemes[scheme].get(name) or self.schemes["light"][name]

    def pairs(self) -> list[tuple[str, str, str, str]]:
        """(scheme, role, foreground, background) for every declared pair."""
        return [
            (scheme, role, foreground, background)
            for scheme in self.schemes
            for foreground, (role, backgrounds) in sorted(self.roles.items())
            for background in backgrounds
        ]


def contrast(foreground: str, background: str) -> float:
    return Color(foreground).contrast(Color(background), method="wcag21")


@pytest.fixture(scope="module")
def palette() -> Palette:
    return Palette(PALETTE.read_text(encoding="utf-8"))


def test_every_declared_pair_meets_wcag_aa_in_both_schemes(palette: Palette) -> None:
    failing = [
        f"{scheme}: {fg} {palette.colour(scheme, fg)} on {bg} {palette.colour(scheme, bg)}: "
        f"{contrast(palette.colour(scheme, fg), palette.colour(scheme, bg)):.2f} < {MINIMUM[role]}"
        for scheme, role, fg, bg in palette.pairs()
        if contrast(palette.colour(scheme, fg), palette.colour(scheme, bg)) < MINIMUM[role]
    ]
    assert len(palette.pairs()) >= 40, "the palette's pair comments were not read"
    assert not failing, "\n".join(failing)


def test_every_colour_of_the_palette_is_in_a_pair_or_declared_decorative(
    palette: Palette,
) -> None:
    named_backgrounds = {bg for _role, backgrounds in palette.roles.values() for bg in backgrounds}
    for scheme, colours in palette.schemes.items():
        loose = set(colours) - set(palette.roles) - named_backgrounds - palette.decorative
        assert not loose, f"{scheme}: colours no pair measures: {sorted(loose)}"
        unknown = named_backgrounds - set(palette.schemes["light"])
        assert not unknown, f"backgrounds named but never defined: {sorted(unknown)}"


def test_the_dark_scheme_only_redefines_colours_the_light_scheme_has(palette: Palette) -> None:
    assert palette.schemes["dark"], 'no [data-md-color-scheme="slate"] block was read'
    assert set(palette.schemes["dark"]) <= set(palette.schemes["light"])


def test_the_measure_is_the_wcag_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic near-miss
    assert contrast("#ffffff", "#ef6c00") == pytest.approx(3.08, abs=0.01)  # the old startup badge


@pytest.mark.parametrize("sheet", sorted(p.name for p in ASSETS.glob("*.css") if p != PALETTE))
def test_no_stylesheet_but_the_palette_names_a_colour(sheet: str) -> None:
    text = re.sub(r"/\*.*?\*/", "", (ASSETS / sheet).read_text(encoding="utf-8"), flags=re.S)
    literals = [line.strip() for line in text.splitlines() if _COLOUR_LITERAL.search(line)]
    assert not literals, f"{sheet} names colours outside palette.css: {literals}"


def test_the_wechat_article_styles_meet_wcag_aa() -> None:
    """Each inline style's text colour against its own background, or the white page."""
    styles = [value for value in vars(wechat).values() if isinstance(value, str)]
    styles += [
        value
        for table in vars(wechat).values()
        if isinstance(table, dict)
        for value in table.values()
        if isinstance(value, str)
    ]
    measured = []
    for style in styles:
        colour = re.search(r"(?:^|;)color:(#[0-9a-fA-F]{3,6})", style)
        if not colour:
            continue
        background = re.search(r"background(?:-color)?:(#[0-9a-fA-F]{3,6})", style)
        page = background.group(1) if background else "#ffffff"
        size = re.search(r"font-size:(\d+)px", style)
        bold = "font-weight:bold" in style
        large = size is not None and (
            int(size.group(1)) >= 24 or (bold and int(size.group(1)) >= 19)
        )
        ratio = contrast(colour.group(1), page)
        measured.append(style)
        assert ratio >= (3.0 if large else 4.5), (
            f"{colour.group(1)} on {page}: {ratio:.2f} in {style}"
        )
    assert len(measured) >= 5, "the WeChat styles were not found"
