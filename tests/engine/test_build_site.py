"""Real MkDocs builds of small models: pages, determinism, atomic swap, no outside hosts."""

from __future__ import annotations

import hashlib
import os
import shutil
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

import mkdocs.utils
import pytest

from showcase.commands.gather import site_inputs
from showcase.engine import BuildFailed, build_site
from showcase.engine.mkdocs_site import CONFIG_REFUSAL
from showcase.images.publish import clean_image
from showcase.paths import Layout, repository_root
from tests.factories import make_model, make_project, make_site
from tests.image_samples import HTML_PAYLOAD, PERSONAL, zip_payload
from tests.images.test_publish import assert_clean

CONFIG = repository_root() / "mkdocs.yml"


def site_hashes(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def leftovers(folder: Path) -> list[str]:
    """Temporary build or retired-site folders left beside the site."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".site-"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Layout, Path]:
    root = tmp_path_factory.mktemp("repo")
    model = make_model(count=7)
    model.site = make_site(site_url="https://makerspace.example.edu.cn/")
    site = build_site(Layout(root), site_inputs(Layout(root), model), config_file=CONFIG)
    return Layout(root), site


def test_one_html_page_per_project_and_college(built: tuple[Layout, Path]) -> None:
    _layout, site = built
    model = make_model(count=7)
    for project_id in model.projects:
        assert (site / "projects" / project_id / "index.html").is_file()
    for college_id in model.colleges:
        assert (site / "colleges" / college_id / "index.html").is_file()
    assert (site / "index.html").is_file() and (site / "projects" / "index.html").is_file()
    project_pages = [p for p in (site / "projects").glob("*/index.html")]
    assert len(project_pages) == len(model.projects)


def test_project_pages_are_not_in_the_rendered_navigation(built: tuple[Layout, Path]) -> None:
    _layout, site = built
    home = (site / "index.html").read_text(encoding="utf-8")
    nav = home.split('<nav class="md-nav md-nav--primary"', 1)[1].split("md-sidebar--secondary")[0]
    assert "projects/project-00000/" not in nav and "colleges/textile/" not in nav
    assert "项目名录" in nav and "学院" in nav


class _ResourceCollector(HTMLParser):
    """URLs the browser would fetch by itself: link/script/img/iframe/source/... sources."""

    FETCHING: ClassVar[dict[str, str]] = {
        "link": "href",
        "script": "src",
        "img": "src",
        "iframe": "src",
        "source": "src",
        "video": "src",
        "audio": "src",
        "embed": "src",
        "object": "data",
    }

    NOT_FETCHED: ClassVar[set[str]] = {"canonical", "alternate", "prev", "next"}
    """Link relations a browser does not load (a canonical URL names the site itself)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = self.FETCHING.get(tag)
        if tag == "link" and dict(attrs).get("rel") in self.NOT_FETCHED:
            return
        for name, value in attrs:
            if value and (name == wanted or name == "srcset"):
                self.urls.append(value)


def test_no_page_loads_anything_from_another_host(built: tuple[Layout, Path]) -> None:
    _layout, site = built
    for page in site.rglob("*.html"):
        collector = _ResourceCollector()
        collector.feed(page.read_text(encoding="utf-8"))
        foreign = [u for u in collector.urls if urlsplit(u).netloc or u.startswith("//")]
        assert not foreign, f"{page}: {foreign}"
    assert 'rel="canonical" href="https://makerspace.example.edu.cn/' in (
        site / "index.html"
    ).read_text(encoding="utf-8")
    for stylesheet in site.rglob("*.css"):
        assert "fonts.googleapis" not in stylesheet.read_text(encoding="utf-8"), stylesheet


def test_building_twice_gives_byte_identical_files(tmp_path: Path) -> None:
    layout = Layout(tmp_path)
    model = make_model(count=5)
    first = site_hashes(build_site(layout, site_inputs(layout, model), config_file=CONFIG))
    second = site_hashes(build_site(layout, site_inputs(layout, model), config_file=CONFIG))
    assert first == second
    assert "sitemap.xml.gz" in first and "search/search_index.json" in first
    assert leftovers(tmp_path) == []


def test_build_does_not_depend_on_the_clock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = make_model(count=3)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first, second = Layout(tmp_path / "a"), Layout(tmp_path / "b")
    before = site_hashes(build_site(first, site_inputs(first, model), config_file=CONFIG))
    monkeypatch.setattr(mkdocs.utils, "datetime", _FarFuture)
    after = site_hashes(build_site(second, site_inputs(second, model), config_file=CONFIG))
    assert before == after


class _FarFuture(datetime):
    """A clock stuck in 2099, to prove no output depends on today's date."""

    @classmethod
    def now(cls, tz=None):  # type: ignore[override]
        return datetime(2099, 1, 1, tzinfo=tz)


def test_failed_build_keeps_the_old_site_and_leaves_no_temp_folder(tmp_path: Path) -> None:
    layout = Layout(tmp_path)
    site = build_site(layout, site_inputs(layout, make_model(count=3)), config_file=CONFIG)
    before = site_hashes(site)
    pages = layout.content_dir / "pages"
    pages.mkdir(parents=True)
    (pages / "broken.md").write_text("# 坏链接\n\n[不存在的页面](missing.md)\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failure:
        build_site(layout, site_inputs(layout, make_model(count=4)), config_file=CONFIG)
    assert any("missing.md" in detail for detail in failure.value.details)
    assert site_hashes(site) == before
    assert leftovers(tmp_path) == []


BAD_CONFIGS = {
    # what a secretary's edit of mkdocs.yml can break → what the details must point at
    "unknown theme": ("\ntheme:\n  name: no-such-theme\n", "no-such-theme"),
    "bad indentation": ("\ntheme:\n  name: material\n   palette: [\n", "line"),
    "unknown plugin": ("\nplugins:\n  - no-such-plugin\n", "no-such-plugin"),
}


@pytest.mark.parametrize(("appended", "pointer"), BAD_CONFIGS.values(), ids=BAD_CONFIGS)
def test_bad_config_fails_cleanly_with_a_chinese_explanation(
    tmp_path: Path, appended: str, pointer: str
) -> None:
    layout = Layout(tmp_path)
    site = build_site(layout, site_inputs(layout, make_model(count=2)), config_file=CONFIG)
    before = site_hashes(site)
    bad = tmp_path / "bad.yml"
    bad.write_text(CONFIG.read_text(encoding="utf-8") + appended, encoding="utf-8")
    shutil.copytree(CONFIG.parent / "overrides", tmp_path / "overrides")  # its custom_dir
    with pytest.raises(BuildFailed) as failure:
        build_site(layout, site_inputs(layout, make_model(count=2)), config_file=bad)
    assert failure.value.message == CONFIG_REFUSAL.format(name="bad.yml")
    assert any(pointer in detail for detail in failure.value.details), failure.value.details
    assert site_hashes(site) == before
    assert leftovers(tmp_path) == []


def test_logo_and_page_images_are_published_clean_and_linked(tmp_path: Path) -> None:
    logo = tmp_path / "projects" / "textile" / "sensor-fabric" / "logo.png"
    logo.parent.mkdir(parents=True)
    logo.write_bytes(PERSONAL["PNG eXIf GPS"][0]() + zip_payload())
    screenshot = tmp_path / "content" / "pages" / "img" / "form.jpg"
    screenshot.parent.mkdir(parents=True)
    screenshot.write_bytes(PERSONAL["JPEG XMP"][0]() + HTML_PAYLOAD)
    layout, model = Layout(tmp_path), make_model([make_project(logo="logo.png")])
    site = build_site(layout, site_inputs(layout, model), config_file=CONFIG)
    published = (site / "projects" / "sensor-fabric" / "logo.png").read_bytes()
    assert published == clean_image(logo.read_bytes())
    assert_clean(published, "PNG")
    assert_clean((site / "pages" / "img" / "form.jpg").read_bytes(), "JPEG")
    assert 'src="logo.png"' in (site / "projects" / "sensor-fabric" / "index.html").read_text()
    before = site_hashes(site)
    assert site_hashes(build_site(layout, site_inputs(layout, model), config_file=CONFIG)) == before


def test_an_unpublishable_image_fails_the_build_and_keeps_the_site(tmp_path: Path) -> None:
    layout = Layout(tmp_path)
    site = build_site(layout, site_inputs(layout, make_model(count=1)), config_file=CONFIG)
    before = site_hashes(site)
    logo = tmp_path / "projects" / "textile" / "sensor-fabric" / "logo.png"
    logo.parent.mkdir(parents=True)
    logo.write_bytes(b"\x89PNG\r\n\x1a\n truncated")
    with pytest.raises(BuildFailed, match=r"logo\.png 无法发布：文件已损坏或不完整"):
        build_site(
            layout,
            site_inputs(layout, make_model([make_project(logo="logo.png")])),
            config_file=CONFIG,
        )
    assert site_hashes(site) == before


def test_source_date_epoch_from_the_caller_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "946684800")  # 2000-01-01
    site = build_site(
        Layout(tmp_path), site_inputs(Layout(tmp_path), make_model(count=1)), config_file=CONFIG
    )
    gzip_header_mtime = int.from_bytes((site / "sitemap.xml.gz").read_bytes()[4:8], "little")
    assert gzip_header_mtime == 946684800
    assert os.environ["SOURCE_DATE_EPOCH"] == "946684800"
