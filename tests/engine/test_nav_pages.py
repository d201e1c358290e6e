"""`navigation` (pages outside the navigation made as copies) equals MkDocs' own
`get_navigation`: the same navigation, the same page objects field by field, the same log
records; and `page_urls` is ``urljoin`` and its path."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.structure.files import Files, get_files
from mkdocs.structure.nav import Navigation, get_navigation

from showcase.engine.docs_files import docs_files
from showcase.engine.nav_pages import navigation, page_urls
from showcase.paths import Layout, repository_root
from tests.engine.site_manifest import built_sample_site
from tests.engine.test_docs_files import NAMES, _no_file_is_a_folder

BASES = [
    None,
    "https://example.edu.cn/",
    "https://example.edu.cn/showcase",
    "https://example.edu.cn/a/../b/",
    "https://example.edu.cn/a//b/",
    "https://example.edu.cn/x/?q=1",
    "https://example.edu.cn/x/#top",
    "http://例子.中国/站点/",
]


PAGES = ["p1.md", "zz-sub/p 2.md", "项目集/p3.md", "zz-sub/index.md", "a.b/c.md"]
"""Pages every generated tree has besides its drawn names."""


def _page_facts(page: object) -> dict[str, object]:
    fields = dict(vars(page))
    fields["file"] = fields["file"].src_uri
    for name in ("previous_page", "next_page", "parent"):
        if fields.get(name) is not None:
            fields[name] = getattr(fields[name], "title", None) or repr(fields[name])
    return {"type": type(page).__name__, **fields}


def _items(items: list) -> list[object]:
    return [
        (
            type(item).__name__,
            item.title,
            getattr(item, "url", None),
            getattr(getattr(item, "file", None), "src_uri", None),
            getattr(item.parent, "title", None),
            _items(item.children) if item.children else None,
        )
        for item in items
    ]


def facts(files: Files, nav: Navigation) -> tuple[object, ...]:
    pages = [_page_facts(file.page) for file in files if file.page is not None]
    return (
        pages,
        _items(nav.items),
        [page.file.src_uri for page in nav.pages],
        [_page_facts(page) for page in nav.pages],
    )


def both(config, make_files, caplog: pytest.LogCaptureFixture) -> tuple[object, object]:
    """(MkDocs' navigation, ours) as facts, each with its log records."""
    results = []
    for build in (get_navigation, navigation):
        files = make_files()
        with caplog.at_level(logging.DEBUG, logger="mkdocs"):
            caplog.clear()
            nav = build(files, config)
            messages = sorted(record.getMessage() for record in caplog.records)
        results.append((facts(files, nav), messages))
    return results[0], results[1]


@pytest.mark.parametrize("site_url", ["https://example.edu.cn/showcase/", None])
def test_the_sample_sites_navigation_equals_mkdocs(
    site_url: str | None, caplog: pytest.LogCaptureFixture
) -> None:
    with built_sample_site(repository_root()) as site:
        layout = Layout(site.parent)
        names = json.loads(layout.docs_listing.read_text(encoding="utf-8"))
        docs = layout.docs_tree_dir
        nav = ["index.md", *sorted(f"{d.name}/index.md" for d in docs.iterdir() if d.is_dir())]
        nav = [{"首页": nav[0]}, {"栏目": [n for n in nav[1:] if (docs / n).is_file()]}]
        config = load_config(
            str(layout.root / "mkdocs.yml"),
            docs_dir=str(docs),
            site_dir=str(site),
            site_url=site_url,
            nav=nav,
        )
        theirs, ours = both(config, lambda: docs_files(config, names), caplog)
    assert len(theirs[0][0]) > 100
    assert ours == theirs


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much],
)
@given(
    names=NAMES.filter(_no_file_is_a_folder),
    data=st.data(),
    base=st.sampled_from(BASES),
    directory_urls=st.booleans(),
)
def test_generated_navigations_equal_mkdocs(
    tmp_path_factory: pytest.TempPathFactory,
    caplog: pytest.LogCaptureFixture,
    names: list[str],
    data: st.DataObject,
    base: str | None,
    directory_urls: bool,
) -> None:
    tmp_path = tmp_path_factory.mktemp("nav")
    docs = tmp_path / "docs"
    docs.mkdir()
    names = [*names, *(page for page in PAGES if not any(n.startswith(page) for n in names))]
    for name in names:
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_bytes(name.encode())
    entries = st.sampled_from([*names, "/" + names[0], "missing.md", "https://example.org/"])
    listed = data.draw(st.lists(entries, min_size=1, max_size=6))
    nested = data.draw(st.booleans())
    nav = [{"节": listed[:2]}, *listed[2:]] if nested and listed else listed
    (tmp_path / "mkdocs.yml").write_text("site_name: 测试\n", encoding="utf-8")
    config = load_config(
        str(tmp_path / "mkdocs.yml"),
        docs_dir=str(docs),
        site_dir=str(tmp_path / "site"),
        site_url=base,
        use_directory_urls=directory_urls,
        nav=nav,
    )
    theirs, ours = both(config, lambda: get_files(config), caplog)
    assert ours == theirs


PLAIN_PART = st.text(
    alphabet=st.sampled_from("abcXYZ09-_~%.項"), min_size=1, max_size=6
) | st.sampled_from([".", "..", "", "a;b", "a?b", "a#b", "c:d", "%20"])


@settings(max_examples=400, deadline=None)
@given(
    base=st.sampled_from([*(b for b in BASES if b), "/relative/", "rel/"]).map(
        lambda b: b if b.endswith("/") else b + "/"
    ),
    parts=st.lists(PLAIN_PART, max_size=5),
    slash=st.booleans(),
)
def test_page_urls_are_urljoin_and_its_path(base: str, parts: list[str], slash: bool) -> None:
    url = "/".join(parts) + ("/" if slash and parts else "")
    joined = urljoin(base, url)
    assert page_urls(base, urlsplit(base).path, url) == (joined, urlsplit(joined).path)


def test_a_plain_url_on_a_plain_base_is_appended_without_parsing() -> None:
    base = "https://example.edu.cn/showcase/"
    assert page_urls(base, "/showcase/", "projects/a-1/") == (
        base + "projects/a-1/",
        "/showcase/projects/a-1/",
    )


def test_pages_outside_the_navigation_are_of_mkdocs_page_class(tmp_path: Path) -> None:
    from mkdocs.structure.pages import Page

    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("index.md", "a.md", "b.md"):
        (docs / name).write_text("# x\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: 测试\n", encoding="utf-8")
    config = load_config(
        str(tmp_path / "mkdocs.yml"),
        docs_dir=str(docs),
        site_dir=str(tmp_path / "s"),
        nav=["index.md"],
    )
    files = get_files(config)
    nav = navigation(files, config)
    assert [page.file.src_uri for page in nav.pages] == ["index.md"]
    assert all(type(file.page) is Page for file in files)
    assert (
        files.get_file_from_path("b.md").page.toc is not files.get_file_from_path("a.md").page.toc
    )
