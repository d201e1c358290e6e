"""The theme's static templates (404 page, sitemap and its gzip) kept in the page store:
linked while what they show is unchanged, rendered again otherwise, byte for byte what a
build from an empty cache writes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin

from showcase.engine import BuildFailed
from showcase.engine.mkdocs_site import _run_mkdocs
from showcase.engine.page_cache import PageStore
from showcase.engine.plugin import ShowcaseEnginePlugin
from showcase.engine.site_driver import drive
from showcase.paths import repository_root

CONFIG = repository_root() / "mkdocs.yml"
PAGES = {"index.md": "# 首页\n\n正文。\n", "guide.md": "# 指南\n\n正文。\n"}
NAV = [{"首页": "index.md"}, {"指南": "guide.md"}]
WRITTEN = ("404.html", "sitemap.xml", "sitemap.xml.gz")


def build(
    folder: Path, pages: dict[str, str] = PAGES, config: Path = CONFIG, cache: str = "cache"
) -> dict[str, bytes]:
    """A build of `pages` into a new site folder with the page store `cache`; the bytes
    of the files the templates write."""
    docs, site = folder / "docs", folder / "site"
    shutil.rmtree(docs, ignore_errors=True)
    shutil.rmtree(site, ignore_errors=True)
    docs.mkdir(parents=True)
    site.mkdir()
    for name, text in pages.items():
        (docs / name).write_text(text, encoding="utf-8")
    _run_mkdocs(
        config,
        PageStore(folder / cache),
        docs_dir=str(docs),
        site_dir=str(site),
        site_name="测试",
        site_url="https://example.edu.cn/",
        nav=NAV,
        engine_plugin=ShowcaseEnginePlugin({}),
    )
    return {name: (site / name).read_bytes() for name in WRITTEN}


def linked(folder: Path, name: str) -> bool:
    """Is the site's file a link into the page store?"""
    return os.stat(folder / "site" / name).st_nlink > 1


def test_unchanged_templates_are_linked_from_the_store_with_the_same_bytes(
    tmp_path: Path,
) -> None:
    first = build(tmp_path)
    assert not any(linked(tmp_path, name) for name in WRITTEN)
    assert build(tmp_path) == first
    assert all(linked(tmp_path, name) for name in WRITTEN)


def test_a_new_page_is_in_the_next_sitemap(tmp_path: Path) -> None:
    build(tmp_path)
    pages = {**PAGES, "extra.md": "# 附录\n"}
    after = build(tmp_path, pages)
    assert b"https://example.edu.cn/extra/" in after["sitemap.xml"]
    assert after == build(tmp_path, pages, cache="fresh")


def test_a_new_update_date_renders_the_sitemap_and_its_gzip_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    before = build(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767312000")  # 2026-01-02
    after = build(tmp_path)
    assert b"2026-01-02" in after["sitemap.xml"] and b"2026-01-01" in before["sitemap.xml"]
    assert after["sitemap.xml.gz"] != before["sitemap.xml.gz"]
    assert after == build(tmp_path, cache="fresh")


def test_an_error_page_with_a_policy_problem_fails_every_build(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    shutil.copytree(repository_root() / "overrides", theme / "overrides")
    shutil.copyfile(CONFIG, theme / "mkdocs.yml")
    page = theme / "overrides" / "404.html"
    text = page.read_text(encoding="utf-8").replace("</ul>", "</ul><script>alert(1)</script>")
    page.write_text(text, encoding="utf-8")
    for _ in range(2):
        with pytest.raises(BuildFailed) as failed:
            build(tmp_path, config=theme / "mkdocs.yml")
        assert any("404.html" in detail for detail in failed.value.details)


class TemplateListener(BasePlugin):
    """A plugin of someone else's that changes the templates' output."""

    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def on_post_template(self, output: str, /, *, template_name: str, config: object) -> str:
        self.calls += 1
        return output + f"<!-- {self.calls} -->"


def test_a_plugin_listening_to_template_events_sees_every_template(tmp_path: Path) -> None:
    build(tmp_path)  # the docs tree
    for run in ("first", "second"):
        site = tmp_path / run
        site.mkdir()
        config = load_config(
            str(CONFIG), docs_dir=str(tmp_path / "docs"), site_dir=str(site), nav=NAV
        )
        listener = TemplateListener()
        config.plugins["listener"] = listener
        drive(config, PageStore(tmp_path / "listened"))
        assert listener.calls == 2  # 404.html and sitemap.xml, rendered each time
        assert (site / "404.html").read_text(encoding="utf-8").endswith(" -->")
        assert os.stat(site / "sitemap.xml").st_nlink == 1
