"""A build into the previous build's folder (the spare, `showcase.engine.site_folder`) leaves
exactly what a build into an empty folder leaves, and never writes through a link."""

from __future__ import annotations

import dataclasses
import hashlib
import os
from pathlib import Path

from showcase.engine.mkdocs_site import _run_mkdocs
from showcase.engine.page_cache import PageStore
from showcase.paths import Layout
from tests.engine.test_page_cache import CONFIG, build, clean_build
from tests.factories import make_model


def tree(folder: Path) -> dict[str, str]:
    """Every file (digest) and folder ("folder") under `folder`, symbolic links as such."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[name] = "symlink"
        elif path.is_dir():
            found[name] = "folder"
        else:
            found[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


PAGES = {
    "index.md": "# 首页\n\n见 [指南](guide.md#start)。\n",
    "guide.md": "# 指南\n\n## 开始 {#start}\n\n正文。\n",
    "old.md": "# 旧页\n\n将被删除。\n",
    "assets/note.txt": "静态文件\n",
    "404.html": "<p>docs 里的静态 404</p>\n",
}
NAV = [{"首页": "index.md"}, {"指南": "guide.md"}]


def build_into(tmp_path: Path, site: Path, pages: dict[str, str]) -> None:
    """A driver build of `pages` into `site`, which is left as it is before the build;
    the docs folder's unchanged files are left alone, as the docs writer does."""
    docs = tmp_path / "docs"
    for path in docs.rglob("*") if docs.is_dir() else ():
        if path.is_file() and path.relative_to(docs).as_posix() not in pages:
            path.unlink()
    for name, text in pages.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.unlink(missing_ok=True)
            path.write_text(text, encoding="utf-8")
    site.mkdir(parents=True, exist_ok=True)
    store = PageStore(tmp_path / "cache")
    _run_mkdocs(CONFIG, store, docs_dir=str(docs), site_dir=str(site), site_name="测试", nav=NAV)


def test_a_build_into_a_tampered_earlier_folder_equals_one_into_an_empty_folder(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    build_into(tmp_path, site, PAGES)
    store = tmp_path / "cache"
    docs = tmp_path / "docs"
    # What may be in a spare: stray files and folders, symbolic links (one to the right
    # stored page), a page that is a link to the wrong stored page, and links at paths MkDocs writes in place (the
    # theme's 404.html and sitemap.xml), to files of the store and the docs tree.
    stored = sorted(store.rglob("*.html"))
    (site / "stray.txt").write_text("多余\n", encoding="utf-8")
    (site / "empty" / "deeper").mkdir(parents=True)
    (site / "link").symlink_to(docs / "index.md")
    guide = site / "guide" / "index.html"
    wrong = next(path for path in stored if not path.samefile(guide))
    guide.unlink()
    os.link(wrong, guide)
    home = site / "index.html"  # a symbolic link to the very stored page it should link
    right = next(path for path in stored if path.samefile(home))
    home.unlink()
    home.symlink_to(right)
    for name, source in (("404.html", docs / "404.html"), ("sitemap.xml", stored[0])):
        (site / name).unlink()
        os.link(source, site / name)
    witnesses = tmp_path / "witnesses"  # more links to the same files: their bytes stay
    witnesses.mkdir()
    for number, path in enumerate([*stored, docs / "404.html"]):
        os.link(path, witnesses / str(number))
    before = tree(witnesses)

    changed = {**PAGES, "guide.md": PAGES["guide.md"] + "\n新增一段。\n"}
    del changed["old.md"]
    build_into(tmp_path, site, changed)
    build_into(tmp_path / "clean", tmp_path / "clean" / "site", changed)
    assert tree(site) == tree(tmp_path / "clean" / "site")
    assert not (site / "old").exists() and not (site / "stray.txt").exists()
    assert tree(witnesses) == before


def test_unchanged_pages_stay_the_same_links(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build_into(tmp_path, site, PAGES)
    inode = (site / "guide" / "index.html").stat().st_ino
    build_into(tmp_path, site, PAGES)
    assert (site / "guide" / "index.html").stat().st_ino == inode
    assert tree(site) == tree(_fresh(tmp_path, PAGES))


def _fresh(tmp_path: Path, pages: dict[str, str]) -> Path:
    build_into(tmp_path / "fresh", tmp_path / "fresh" / "site", pages)
    return tmp_path / "fresh" / "site"


def test_repeated_builds_swap_the_spare_in_and_equal_a_clean_build(tmp_path: Path) -> None:
    layout, model = Layout(tmp_path / "repo"), make_model(count=5)
    build(layout, model)
    build(layout, model)  # the first site becomes the spare
    site = layout.root / "site"
    spare = layout.spare_site_dir(site.resolve())
    assert spare.is_dir() and spare.parent.parent == layout.cache_dir
    project = model.projects["project-00002"]
    model.projects["project-00002"] = dataclasses.replace(project, summary="改过的简介。")
    del model.projects["project-00004"]
    built, _ = build(layout, model)  # made inside the spare
    assert built == clean_build(tmp_path, model)
    assert tree(site) == tree(tmp_path / "fresh" / "site")
    assert sorted(p.name for p in site.parent.iterdir() if p.name.startswith(".site")) == []
