"""Each page of the built sample site loads the stylesheets its kind uses, and no other.

What a page "uses" is read from the sheets themselves: a sheet is needed when one of its
selectors names only classes the page's HTML carries. Every page must link each sheet it
needs, in its head (a sheet linked in the body arrives after the first paint, and its
content jumps), and all pages of one kind (projects, colleges, cases …) link the same
sheets, the union of what the kind's pages need in the sample: a college page without a
contact still gets the contact sheet its kind uses. The sheets ``mkdocs.yml`` loads on
every page are only the palette and the site-wide rules. Every ``<img>`` states its
width and height, so nothing shifts when the image arrives.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from showcase.paths import repository_root

ASSETS = repository_root() / "showcase" / "render" / "assets"
SITE_WIDE = {"assets/palette.css", "assets/showcase.css"}
STANDALONE = re.compile(r"roadshows/[^/]+/(print|sheet-[^/]+)\.html$")
"""The print version and score sheets: whole documents with their own print styles."""

_SELECTOR_HEAD = re.compile(r"([^{}]+)\{")
_IS = re.compile(r":is\(([^()]*)\)")
_NOT = re.compile(r":not\([^()]*\)")
_CLASS = re.compile(r"\.(sc-[\w-]+)")


class PageParts(HTMLParser):
    """The classes, stylesheet links (and whether each is in the head) and images of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.classes: set[str] = set()
        self.stylesheets: list[tuple[str, bool]] = []
        self.images: list[dict[str, str | None]] = []
        self._in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.classes.update((attributes.get("class") or "").split())
        if tag == "head":
            self._in_head = True
        elif tag == "body":
            self._in_head = False
        elif tag == "link" and attributes.get("rel") == "stylesheet":
            self.stylesheets.append((attributes.get("href") or "", self._in_head))
        elif tag == "img":
            self.images.append(attributes)

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self._in_head = False


def _alternatives(selector: str) -> Iterator[str]:
    """`selector` with each ``:is(a, b)`` spelled out as one selector per branch."""
    match = _IS.search(selector)
    if not match:
        yield selector
        return
    for branch in match.group(1).split(","):
        yield from _alternatives(f"{selector[: match.start()]} {branch} {selector[match.end() :]}")


def _top_level(selector_list: str) -> list[str]:
    """A selector list split at its own commas, not at those inside ``:is(…)``."""
    parts, depth, start = [], 0, 0
    for position, character in enumerate(selector_list):
        depth += {"(": 1, ")": -1}.get(character, 0)
        if character == "," and depth == 0:
            parts.append(selector_list[start:position])
            start = position + 1
    return [*parts, selector_list[start:]]


def sheet_selectors(css: str) -> list[frozenset[str]]:
    """The ``sc-`` classes each selector of `css` requires (``:not(…)`` requires none)."""
    found = []
    for head in _SELECTOR_HEAD.findall(re.sub(r"/\*.*?\*/", "", css, flags=re.S)):
        if head.strip().startswith("@"):
            continue
        for selector in _top_level(head):
            for branch in _alternatives(_NOT.sub("", selector)):
                classes = frozenset(_CLASS.findall(branch))
                if classes:
                    found.append(classes)
    return found


def page_kind(path: str) -> str:
    """``projects/<id>/index.html`` → ``projects/*``; an index page is its own kind."""
    parts = path.split("/")
    if parts[:2] == ["projects", "page"]:
        return "projects/"
    if parts[:2] == ["cases", "annual"]:
        return "cases/annual/*"
    if len(parts) == 3:
        return f"{parts[0]}/*"
    return "/".join(parts[:-1]) + "/" if len(parts) > 1 else path


@pytest.fixture(scope="module")
def sample_pages(sample_site_dir: Path) -> dict[str, PageParts]:
    pages = {}
    for html in sorted(sample_site_dir.rglob("*.html")):
        parts = PageParts()
        parts.feed(html.read_text(encoding="utf-8"))
        pages[html.relative_to(sample_site_dir).as_posix()] = parts
    return pages


def own_stylesheets(page: PageParts) -> dict[str, bool]:
    """The page's links to our own sheets (not Material's), by docs path → in the head."""
    return {
        "assets/" + href.rsplit("assets/", 1)[1]: in_head
        for href, in_head in page.stylesheets
        if "assets/" in href and "/stylesheets/" not in href
    }


def test_only_the_palette_and_the_site_wide_rules_load_on_every_page() -> None:
    config = yaml.load((repository_root() / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    assert set(config["extra_css"]) == SITE_WIDE


def test_each_page_kind_links_exactly_the_stylesheets_its_pages_use(
    sample_pages: dict[str, PageParts],
) -> None:
    sheets = {
        f"assets/{css.name}": sheet_selectors(css.read_text(encoding="utf-8"))
        for css in ASSETS.glob("*.css")
        if f"assets/{css.name}" not in SITE_WIDE
    }
    needed_by_kind: dict[str, set[str]] = defaultdict(set)
    linked_by_kind: dict[str, set[frozenset[str]]] = defaultdict(set)
    for path, page in sample_pages.items():
        if STANDALONE.search(path):
            continue
        linked = own_stylesheets(page)
        assert set(linked) >= SITE_WIDE, f"{path} misses a site-wide sheet: {sorted(linked)}"
        assert all(linked.values()), f"{path} links a stylesheet outside its head: {linked}"
        needed = {
            sheet
            for sheet, selectors in sheets.items()
            if any(classes <= page.classes for classes in selectors)
        }
        assert needed <= set(linked), f"{path} uses {sorted(needed - set(linked))}, not linked"
        needed_by_kind[page_kind(path)] |= needed
        linked_by_kind[page_kind(path)].add(frozenset(set(linked) - SITE_WIDE))
    assert {"projects/*", "colleges/*", "cases/*", "roadshows/*", "submit/", "404.html"} <= set(
        linked_by_kind
    ), sorted(linked_by_kind)
    for kind, linked_sets in sorted(linked_by_kind.items()):
        assert len(linked_sets) == 1, f"pages of kind {kind} link different sheets: {linked_sets}"
        (linked,) = linked_sets
        assert linked == needed_by_kind[kind], (
            f"{kind}: linked {sorted(linked)}, its pages use {sorted(needed_by_kind[kind])}"
        )


def test_every_image_states_its_width_and_height(sample_pages: dict[str, PageParts]) -> None:
    images = [(path, image) for path, page in sample_pages.items() for image in page.images]
    assert any("/qr/" in (image.get("src") or "") for _path, image in images)
    assert any(path.startswith("cases/") for path, _image in images)
    missing = [
        f"{path}: {image.get('src')}"
        for path, image in images
        if not (image.get("width") or "").isdigit() or not (image.get("height") or "").isdigit()
    ]
    assert not missing, "images without width and height:\n" + "\n".join(missing)


def test_a_selector_needs_every_class_it_names_on_one_branch_of_is() -> None:
    css = ".md-typeset .sc-a :is(.sc-b, .sc-c) > li { x: y } .sc-d:not(.sc-e) { x: y }"
    assert sheet_selectors(css) == [
        frozenset({"sc-a", "sc-b"}),
        frozenset({"sc-a", "sc-c"}),
        frozenset({"sc-d"}),
    ]
    assert page_kind("projects/smart-yarn/index.html") == "projects/*"
    assert page_kind("projects/page/2/index.html") == "projects/"
    assert page_kind("cases/annual/2026/index.html") == "cases/annual/*"
    assert page_kind("submit/index.html") == "submit/"
    assert page_kind("404.html") == "404.html"
