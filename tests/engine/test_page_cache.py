"""The build driver's page cache: what is rendered again, and that reuse changes no byte.

Every test compares an incremental build with a build of the same state from an empty
cache (or with the set of pages whose source changed), never with a stored expectation.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from showcase.commands.gather import site_inputs
from showcase.engine import BuildFailed, DriveStats, build_site, page_workers
from showcase.engine.docs_writer import write_docs_tree
from showcase.engine.mkdocs_site import _run_mkdocs
from showcase.engine.page_cache import PageStore
from showcase.images.publish import PublishedImages
from showcase.model import Model
from showcase.paths import Layout, repository_root
from showcase.render.tree import DocsTree
from tests.factories import make_model

CONFIG = repository_root() / "mkdocs.yml"


def site_bytes(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def docs_bytes(layout: Layout) -> dict[str, bytes]:
    docs = layout.docs_tree_dir
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*.md")}


def build(layout: Layout, model: Model, config: Path = CONFIG) -> tuple[dict, DriveStats]:
    reports: list[DriveStats] = []
    site = build_site(layout, site_inputs(layout, model), config_file=config, report=reports.append)
    return site_bytes(site), reports[0]


def clean_build(tmp_path: Path, model: Model, config: Path = CONFIG) -> dict[str, str]:
    """The same state built in a fresh repository folder, with an empty cache."""
    fresh = Layout(tmp_path / "fresh")
    shutil.rmtree(fresh.root, ignore_errors=True)
    return build(fresh, model, config)[0]


def local_config(tmp_path: Path) -> Path:
    """A copy of mkdocs.yml and the theme overrides that a test may edit."""
    shutil.copytree(repository_root() / "overrides", tmp_path / "theme" / "overrides")
    shutil.copyfile(CONFIG, tmp_path / "theme" / "mkdocs.yml")
    return tmp_path / "theme" / "mkdocs.yml"


def test_a_warm_rebuild_without_changes_renders_nothing(tmp_path: Path) -> None:
    layout, model = Layout(tmp_path / "repo"), make_model(count=6)
    first, cold = build(layout, model)
    second, warm = build(layout, model)
    assert cold.reused == 0 and cold.rendered > 10
    assert warm.rendered_pages == () and warm.reused == cold.rendered
    assert second == first


def test_changing_one_project_renders_exactly_the_pages_whose_source_changed(
    tmp_path: Path,
) -> None:
    layout, model = Layout(tmp_path / "repo"), make_model(count=6)
    build(layout, model)
    before = docs_bytes(layout)
    project = model.projects["project-00003"]
    edited = dataclasses.replace(project, summary=project.summary + "新增一句说明。")
    model.projects["project-00003"] = edited
    site, stats = build(layout, model)
    after = docs_bytes(layout)
    changed = {path for path in after if before.get(path) != after[path]}
    assert "projects/project-00003/index.md" in changed
    assert set(stats.rendered_pages) == changed
    assert site == clean_build(tmp_path, model)


def test_a_theme_override_edit_renders_every_page(tmp_path: Path) -> None:
    config = local_config(tmp_path)
    layout, model = Layout(tmp_path / "repo"), make_model(count=3)
    _, cold = build(layout, model, config)
    main = config.parent / "overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8") + "{# edited #}\n", encoding="utf-8")
    site, stats = build(layout, model, config)
    assert stats.reused == 0 and stats.rendered == cold.rendered
    assert site == clean_build(tmp_path, model, config)


def test_a_configuration_edit_renders_every_page(tmp_path: Path) -> None:
    config = local_config(tmp_path)
    layout, model = Layout(tmp_path / "repo"), make_model(count=3)
    _, cold = build(layout, model, config)
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("extra:\n", "copyright: 版权所有 · 测试\nextra:\n", 1))
    site, stats = build(layout, model, config)
    assert stats.reused == 0 and stats.rendered == cold.rendered
    assert site == clean_build(tmp_path, model, config)
    home = (layout.root / "site" / "index.html").read_text(encoding="utf-8")
    assert "版权所有 · 测试" in home


# Builds of a hand-written docs tree, straight through the driver, to vary the navigation.

PAGES = {
    "index.md": "# 首页\n\n见 [指南](guide.md#start)。\n",
    "guide.md": "# 指南\n\n## 开始 {#start}\n\n正文。\n",
    "extra.md": '---\ntitle: 附录\n---\n<div class="x" id="a">附录</div>\n',
}


def driver_build(tmp_path: Path, nav: list, pages: dict[str, str] = PAGES) -> DriveStats:
    docs, site = tmp_path / "docs", tmp_path / "site"
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir(parents=True)
    docs.mkdir(exist_ok=True)
    for name, text in pages.items():
        (docs / name).write_text(text, encoding="utf-8")
    store = PageStore(tmp_path / "cache")
    return _run_mkdocs(
        CONFIG, store, docs_dir=str(docs), site_dir=str(site), site_name="测试", nav=nav
    )


NAV = [{"首页": "index.md"}, {"指南": "guide.md"}]


def test_a_navigation_change_renders_every_page(tmp_path: Path) -> None:
    assert driver_build(tmp_path, NAV).rendered == 3
    assert driver_build(tmp_path, NAV).rendered == 0
    renamed = [{"首页": "index.md"}, {"使用指南": "guide.md"}]
    assert driver_build(tmp_path, renamed).rendered == 3
    reference = site_bytes(tmp_path / "site")
    shutil.rmtree(tmp_path / "cache")
    assert driver_build(tmp_path, renamed).rendered == 3
    assert site_bytes(tmp_path / "site") == reference


@pytest.mark.parametrize(
    ("damage", "rendered"),
    [
        ("truncate page", 1),
        ("same-size edit through the site", 1),
        ("garbage facts", 1),
        ("delete page", 1),
        ("garbage index", 0),
    ],
)
def test_a_damaged_cache_entry_is_rendered_again(
    tmp_path: Path, damage: str, rendered: int
) -> None:
    driver_build(tmp_path, NAV)
    reference = site_bytes(tmp_path / "site")
    page = next(
        path  # a page's entry, not a theme template's (`showcase.engine.theme_templates`)
        for path in (tmp_path / "cache").rglob("*.html")
        if "template" not in json.loads(path.with_suffix(".json").read_bytes())
    )
    index = tmp_path / "cache" / "index.json"
    if damage == "truncate page":
        page.write_bytes(page.read_bytes()[:100])
    elif damage == "same-size edit through the site":  # the site's file is a link to it
        published = next(p for p in (tmp_path / "site").rglob("*.html") if p.samefile(page))
        with published.open("r+b") as opened:
            opened.write(b"<!-- changed by hand -->")
    elif damage == "garbage facts":  # the build's summary and the page's own facts
        index.write_bytes(b"\xff{not json")
        page.with_suffix(".json").write_bytes(b"\xff{not json")
    elif damage == "garbage index":  # every page's own facts are still there
        index.write_bytes(b"[]")
    else:
        page.unlink()
    assert driver_build(tmp_path, NAV).rendered == rendered
    assert site_bytes(tmp_path / "site") == reference


def test_a_strict_warning_fails_the_build_and_stores_nothing_wrong(tmp_path: Path) -> None:
    layout, model = Layout(tmp_path / "repo"), make_model(count=3)
    first, _ = build(layout, model)
    broken = {**PAGES, "guide.md": "# 指南\n\n见 [不存在](missing.md)。\n"}
    with pytest.raises(BuildFailed) as failure:
        driver_build(tmp_path / "hand", NAV, broken)
    assert any("missing.md" in detail for detail in failure.value.details)
    # The page that warned was not stored: the same tree fails again, it is not reused.
    with pytest.raises(BuildFailed):
        driver_build(tmp_path / "hand", NAV, broken)
    assert driver_build(tmp_path / "hand", NAV).rendered == 1
    # A failing build of the repository leaves its site and cache as they were.
    cache = site_bytes(layout.page_cache_dir)
    config = local_config(tmp_path)
    main = config.parent / "overrides" / "main.html"
    block = "{% block extrahead %}"
    main.write_text(main.read_text().replace(block, block + "<script>alert(1)</script>"))
    with pytest.raises(BuildFailed):
        build(layout, model, config)
    assert site_bytes(layout.root / "site") == first
    assert site_bytes(layout.page_cache_dir) == cache
    assert build(layout, model)[1].rendered == 0


def test_parallel_rendering_gives_the_same_files_as_serial(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = make_model(count=6)
    monkeypatch.setattr(page_workers, "SERIAL_LIMIT", 10**9)
    serial, _ = build(Layout(tmp_path / "serial"), model)
    monkeypatch.setattr(page_workers, "SERIAL_LIMIT", 0)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    parallel, stats = build(Layout(tmp_path / "parallel"), model)
    assert parallel == serial and stats.rendered > 10


def test_the_site_links_to_the_cached_pages(tmp_path: Path) -> None:
    layout, model = Layout(tmp_path / "repo"), make_model(count=2)
    build(layout, model)
    page = layout.root / "site" / "projects" / "project-00001" / "index.html"
    cached = {p.stat().st_ino for p in layout.page_cache_dir.rglob("*.html")}
    assert page.stat().st_ino in cached


def test_the_docs_writer_never_changes_a_file_in_place(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    images = PublishedImages(tmp_path / "images")
    write_docs_tree(DocsTree(files={"a.md": b"old"}, images={}, nav=[]), docs, tmp_path, images)
    published = tmp_path / "published.md"
    os.link(docs / "a.md", published)
    write_docs_tree(DocsTree(files={"a.md": b"new"}, images={}, nav=[]), docs, tmp_path, images)
    assert (docs / "a.md").read_bytes() == b"new" and published.read_bytes() == b"old"


def test_pages_do_not_depend_on_the_build_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Why SOURCE_DATE_EPOCH is not in the page key: only the sitemap prints a date."""
    built = []
    for number, epoch in enumerate(("1600000000", "1700000000")):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        driver_build(tmp_path / str(number), NAV)
        built.append(site_bytes(tmp_path / str(number) / "site"))
    differing = {name for name in built[0] if built[0][name] != built[1][name]}
    assert "sitemap.xml.gz" in differing <= {"sitemap.xml", "sitemap.xml.gz"}
