"""Our MkDocs build: MkDocs' own steps, with finished pages reused and the rest rendered in
parallel, and the site assembled from hard links.

`drive` runs the steps of ``mkdocs.commands.build.build`` (MkDocs 1.6) in the same order
with the same functions (``get_files``, the theme's environment, ``get_navigation``, the
plugins' events, ``_populate_page``, the theme's and the extra templates) so every file is
byte-identical to MkDocs' build, with these differences:

- a page whose key (`showcase.engine.page_cache`) is in the store is not read, rendered,
  segmented or parsed: its finished HTML is linked into the site, and its search documents
  and anchors come from the store. Its per-page plugin events do not run, so the two
  plugins that collect site-wide state from them (Material's search, ours) get that state
  back from the store before ``on_post_build``; with any other plugin that listens to page
  events, nothing is reused (`reusable_plugins`);
- the pages that must be rendered are rendered by forked worker processes
  (`showcase.engine.page_workers`), which store them; the pages of the navigation are read
  and rendered first in this process, because every page carries their titles;
- the site folder is filled with hard links to the stored pages, the docs tree's files and
  the theme's assets (copies where links are impossible); it may be the previous build's
  folder, of which only the links that stay right are kept (`showcase.engine.site_folder`);
- MkDocs' list of files comes from the docs writer's names (`showcase.engine.docs_files`)
  and the theme's static files from a kept list (`showcase.engine.theme_files`);
- the theme's 404 page and sitemap are linked from the store while what they show is
  unchanged (`showcase.engine.theme_templates`).

Strict mode is unchanged: every warning is logged to the ``mkdocs`` logger as MkDocs would
log it, and a page that logged one is not stored, so it warns again next time.
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from showcase.engine import page_workers, site_folder
from showcase.engine.docs_files import docs_files
from showcase.engine.nav_pages import navigation
from showcase.engine.page_cache import PageStore, digest, files_key, global_key, page_key
from showcase.engine.plugin import ShowcaseEnginePlugin
from showcase.engine.theme_files import add_theme_files
from showcase.engine.theme_templates import write_templates

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    from showcase.engine.docs_writer import DocsStamp

log = logging.getLogger("mkdocs.commands.build")
PAGE_EVENTS = (
    "on_pre_page",
    "on_page_read_source",
    "on_page_markdown",
    "on_page_content",
    "on_page_context",
    "on_post_page",
)
ABSENT = "no entry of ours"
DOCS_FILES = "docs-files.json"
"""Beside the page store's index: the last build's list of the docs tree's files."""


@dataclass(frozen=True)
class DriveStats:
    """What a build did with its pages: the docs paths it rendered, how many it reused."""

    rendered_pages: tuple[str, ...]
    reused: int

    @property
    def rendered(self) -> int:
        return len(self.rendered_pages)


def drive(
    config: MkDocsConfig,
    store: PageStore,
    workers: int | None = None,
    template_cache: Path | None = None,
    docs_names: Iterable[str] | None = None,
    docs_stamps: Mapping[str, DocsStamp] | None = None,
) -> DriveStats:
    """Build the site of `config` into ``config.site_dir`` (empty, or an earlier build's
    folder, of which everything but the files that are already the right links is
    deleted first).

    `workers`: processes rendering pages (default: the machine's cores); `template_cache`:
    a folder for the theme's compiled templates (Jinja's bytecode cache, keyed by each
    template's source), which saves compiling the theme on every build; `docs_names`:
    every file of ``docs_dir`` when the caller knows them (`showcase.engine.docs_files`:
    the same files as MkDocs' walk, without walking); `docs_stamps`: their
    ``(inode, size, mtime_ns)`` from a stat made moments ago (the docs writer's), so that
    they are not stat'ed again.
    """
    try:
        with _no_full_collections():
            return _drive(config, store, workers, template_cache, docs_names, docs_stamps or {})
    except Exception as error:
        config.plugins.on_build_error(error=error)
        raise


@contextmanager
def _no_full_collections() -> Iterator[None]:
    """The cyclic collector's full passes put off until the build is over.

    A full pass visits every object alive (the model, the memo, 20,000 files and 10,000
    pages: 0.3 s each time) and a build's objects are alive until it ends; the young
    generations are still collected, and the next full pass comes after the build.
    """
    young, middle, full = gc.get_threshold()
    gc.set_threshold(young, middle, max(full, 1_000_000))
    try:
        yield
    finally:
        gc.set_threshold(young, middle, full)


def _drive(
    config: MkDocsConfig,
    store: PageStore,
    workers: int | None,
    template_cache: Path | None,
    docs_names: Iterable[str] | None,
    docs_stamps: Mapping[str, DocsStamp],
) -> DriveStats:
    from mkdocs.structure.files import InclusionLevel, get_files, set_exclusions
    from mkdocs.structure.pages import Page

    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    listing = store.folder / DOCS_FILES
    files = get_files(config) if docs_names is None else docs_files(config, docs_names, listing)
    env = config.theme.get_env()
    if template_cache is not None:
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(template_cache))
    kept = None if template_cache is None else template_cache / "theme-files.json"
    add_theme_files(files, env, config, kept)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = navigation(files, config)
    nav = config.plugins.on_nav(nav, config=config, files=files)
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    for file in doc_files:
        if file.page is None and file.inclusion.is_not_in_nav():
            Page(None, file, config)
    for page in nav.pages:
        page_workers.populate(page, config, files)
    env = config.plugins.on_env(env, config=config, files=files)

    reuse = reusable_plugins(config)
    site, links = global_key(config, nav), files_key(files)
    entries = _engine_plugin(config)
    keys: list[str] = []
    facts: list[dict[str, Any] | None] = []
    store.load_index()
    sources: dict[str, list[Any]] = {}
    for file in doc_files:
        # None (left out of search) differs from absent (indexed by Material)
        entry = entries.search_entries.get(file.src_uri, ABSENT) if entries else ABSENT
        stamped = docs_stamps.get(file.src_uri) if file.src_dir == config.docs_dir else None
        source = _source_digest(file, store.sources, sources, stamped)
        keys.append(page_key(site, file.src_uri, source, entry))
        found = store.get(keys[-1]) if reuse else None
        if found is not None and found.get("links") not in (None, links):
            found = None  # rendered against another list of files
        facts.append(None if found is None else {**found, "stored": True})
    misses = [number for number, found in enumerate(facts) if found is None]
    kept = _prepare_site_folder(config, files, doc_files, store, keys, facts, docs_stamps)
    # Before the pages, as MkDocs does; workers then inherit the compiled theme.
    templates = write_templates(
        config, env, files, nav, store, site if reuse else None, links, entries
    )
    job = page_workers.Job(config, files, doc_files, nav, env, store, keys, links)
    for number, result in page_workers.render(job, misses, workers):
        facts[number] = result
    _link_pages(store, doc_files, keys, facts, kept)
    _link_static_files(files, kept)
    _restore_page_state(config, files, doc_files, facts)
    for file in doc_files:
        file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
    config.plugins.on_post_build(config=config)
    stored = [key for key, found in zip(keys, facts, strict=True) if found and found["stored"]]
    if len(stored) == len(keys):
        pages = {key: _without_flag(found) for key, found in zip(keys, facts, strict=True)}
        pages.update(templates.store(store))
        store.save_index(pages, sources)
        store.prune(pages)
    rendered = tuple(doc_files[number].src_uri for number in misses)
    return DriveStats(rendered_pages=rendered, reused=len(keys) - len(misses))


def reusable_plugins(config: MkDocsConfig) -> bool:
    """Can a page's events be skipped? Only when every plugin listening to them is one
    whose per-page state `_restore_page_state` puts back."""
    from material.plugins.search.plugin import SearchPlugin

    known = (SearchPlugin, ShowcaseEnginePlugin)
    return all(
        isinstance(plugin, known) or not any(hasattr(plugin, name) for name in PAGE_EVENTS)
        for plugin in config.plugins.values()
    )


def _engine_plugin(config: MkDocsConfig) -> ShowcaseEnginePlugin | None:
    for plugin in config.plugins.values():
        if isinstance(plugin, ShowcaseEnginePlugin):
            return plugin
    return None


def _source_digest(
    file: File, known: dict[str, list], seen: dict[str, list], stamped: DocsStamp | None
) -> str:
    """The digest of a page's source, hashed again only when its file changed (see
    `PageStore.load_index`); `stamped`: its file's stamp when the docs writer gave one."""
    path = file.abs_src_path
    if path is None or getattr(file, "_content", None) is not None:
        return digest(file.content_bytes)
    if stamped is None:
        status = os.stat(path)
        stamp = [status.st_ino, status.st_size, status.st_mtime_ns]
    else:
        stamp = list(stamped)
    before = known.get(file.src_uri)
    source = before[3] if before and before[:3] == stamp else digest(file.content_bytes)
    seen[file.src_uri] = [*stamp, source]
    return source


def _without_flag(found: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in found.items() if name != "stored"}


def _prepare_site_folder(config, files, doc_files, store, keys, facts, docs_stamps) -> set[str]:
    """Clear the site folder (the previous build's, `showcase.engine.site_folder`) of all
    but the links this build makes anyway; returns the paths kept. The docs tree's files
    are known by the docs writer's stamps, the stored pages by the store's."""
    stored = [
        (file, store.html_path(key) if _linked(found) else None)
        for file, key, found in zip(doc_files, keys, facts, strict=True)
    ]
    wanted = site_folder.wanted_links(config, files, doc_files, stored)
    known = dict(store.found)
    if docs_stamps:
        device = os.stat(config.docs_dir).st_dev
        for file in files:
            if file.src_dir == config.docs_dir and (stamp := docs_stamps.get(file.src_uri)):
                known[file.abs_src_path] = (stamp[0], device)
    return site_folder.prepare(config.site_dir, wanted, known)


def _linked(found: dict[str, Any] | None) -> bool:
    """Is this page's stored HTML linked into the site?"""
    return found is not None and found["size"] is not None and found["stored"]


def _link_pages(store: PageStore, doc_files, keys, facts, kept: set[str]) -> None:
    """Pages override templates of the same name, as when MkDocs writes them later; a
    page already linked (`kept`) stays."""
    for file, key, found in zip(doc_files, keys, facts, strict=True):
        if _linked(found) and file.abs_dest_path not in kept:
            site_folder.link_or_copy(store.html_path(key), file.abs_dest_path, replace=True)


def _link_static_files(files: Files, kept: set[str]) -> None:
    """The docs tree's and the theme's files, under everything else of the same name (MkDocs
    copies them first, so any page or template overwrites them). `kept`: the paths the
    site folder kept (`site_folder.prepare`), which exist without asking."""
    from mkdocs.structure.files import InclusionLevel

    for file in files:
        if file.is_documentation_page() or not InclusionLevel.is_included(file.inclusion):
            continue
        target = file.abs_dest_path
        if target in kept or os.path.exists(target):
            continue
        if file.abs_src_path is None or getattr(file, "_content", None) is not None:
            file.copy_file()
        else:
            site_folder.link_or_copy(file.abs_src_path, target, replace=False)


def _restore_page_state(config: MkDocsConfig, files: Files, doc_files, facts) -> None:
    """What the skipped page events would have left behind, for validation and the plugins'
    ``on_post_build``: anchors, links to anchors, search documents in build order."""
    from material.plugins.search.plugin import SearchPlugin

    built_pages: list[tuple[str, Any]] = []
    material: list[dict[str, Any]] = []
    for file, found in zip(doc_files, facts, strict=True):
        page: Page = file.page
        page.present_anchor_ids = set(found["anchors"])
        page.links_to_anchors = {
            target: links
            for uri, links in found["links_to_anchors"].items()
            if (target := files.get_file_from_path(uri)) is not None
        }
        if "ours" in found:
            built_pages.append((page.url, found["ours"]))
        material.extend(found["material"])
    for plugin in config.plugins.values():
        if isinstance(plugin, SearchPlugin) and plugin.config.enabled:
            plugin.search_index.entries = material
        elif isinstance(plugin, ShowcaseEnginePlugin):
            plugin.restore_built_pages(built_pages)
