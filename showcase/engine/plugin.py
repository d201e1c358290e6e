"""The MkDocs plugin through which the engine makes a 10,000-page build cheap.

`build_site` adds one `ShowcaseEnginePlugin` to every build it runs (it is not listed in
``mkdocs.yml``: it needs the checked model, which only the engine has, and a plain
``mkdocs build`` still works without it, just slower and with a full-text index). It:

- swaps every page outside the navigation for a `RawHtmlPage`, which skips the Markdown
  pipeline when the page body is a single verbatim raw HTML block (see `raw_pages`);
- gives each page listed in `search_entries` exactly that one search entry (or none, for a
  page left out of search; pages for the staff, ``audience: staff``, have none), segmented for Chinese the way Material's search does it, and
  tells Material's search plugin to skip the page, so the page's HTML is never parsed for
  the index and long text is never run through jieba (see `search_entries`);
- rewrites ``search/search_index.json`` as UTF-8 instead of Material's ASCII escapes: every
  Chinese character and every jieba separator costs 3 bytes instead of 6, which halves the
  file each visitor downloads on their first search;
- puts a Content-Security-Policy into every HTML file of the built site (see
  `content_policy`); a page with an inline script that is not the theme's fails the build;
- keeps what a build set up for its pages (configuration, files, navigation, the theme's
  environment: `site_state`), so that ``invoke serve`` can render one changed page through
  the same pipeline before the full rebuild (`showcase.engine.fast_page`).

How it talks to Material's search plugin, using only what Material documents or publishes:
the plugin is found by its class (the one Material's ``material/search`` entry point names)
and its ``enabled`` option; a page leaves Material's index through the documented
``search: {exclude: true}`` page metadata; and our entries go into the file Material
writes, ``search/search_index.json`` (``{"config": …, "docs": [{"location", "title",
"text"}, …]}``, the format its browser code reads and MkDocs' own search plugin shares),
which we rewrite anyway. Material's in-memory ``SearchIndex.entries`` list and its
``add_entry_from_context`` are undocumented internals, and the latter would parse HTML
again, which is what the entries exist to avoid. Our entries are put where Material would
have put them, in build order (`merged_docs`), so the file is the same as when they were
appended to Material's list. This runs before Material's offline plugin copies the index
into ``search_index.js``. Without Material's search plugin (or with it disabled) the pages
are left to whatever search plugin runs.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page

from showcase import jsontext
from showcase.atomic import write_replacing
from showcase.engine.content_policy import ContentPolicies
from showcase.engine.raw_pages import RawHtmlPage
from showcase.engine.search_entries import SearchEntry, segment_chinese

if TYPE_CHECKING:  # types only: MkDocs' config module alone takes 0.1 s to import
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.utils.templates import TemplateContext

PLUGIN_KEY = "showcase/engine"
log = logging.getLogger("mkdocs.plugins.showcase")

IndexEntry = dict[str, Any]
"""One document of ``search_index.json``: ``location``, ``title``, ``text`` and optional
``tags`` and ``boost``."""


class NoOptions(Config):
    """The plugin reads nothing from ``mkdocs.yml``; `build_site` passes it what it needs."""


class ShowcaseEnginePlugin(BasePlugin[NoOptions]):
    def __init__(self, search_entries: Mapping[str, SearchEntry | None] | None = None) -> None:
        super().__init__()
        self.search_entries = dict(search_entries or {})
        self._material_search = False
        self._built_pages: list[tuple[str, IndexEntry | None]] = []
        self._policies: ContentPolicies | None = None
        self._copied_html: list[str] = []
        self._nav: Navigation | None = None
        self._site: SiteState | None = None
        self._noting = True

    def on_config(self, config: MkDocsConfig) -> None:
        """Is Material's search plugin in this build, and enabled?"""
        from material.plugins.search.plugin import SearchPlugin  # it imports jieba: 0.2 s

        self._material_search = any(
            isinstance(plugin, SearchPlugin) and plugin.config.enabled
            for plugin in config.plugins.values()
        )
        self._built_pages = []

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """The HTML files MkDocs copies as they are get their policy after the build."""
        self._copied_html = [
            f.dest_uri for f in files.static_pages() if f.dest_uri.endswith(".html")
        ]
        self._policies = ContentPolicies(config)
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Pages outside the navigation become `RawHtmlPage`s (MkDocs made plain ones)."""
        in_nav = {id(page) for page in nav.pages}
        for file in files.documentation_pages():
            page = file.page
            if page is None or id(page) in in_nav:
                continue
            if type(page) is Page:
                # The same state as a new RawHtmlPage(None, file, config), which adds no
                # field, only `render`: 10,000 fewer page objects built at 10,000 projects.
                page.__class__ = RawHtmlPage
            else:
                RawHtmlPage(None, file, config)  # registers itself as file.page
        self._nav = nav
        return nav

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        """The last setup event before pages are built: everything `site_state` keeps exists."""
        if self._nav is not None:
            self._site = SiteState(config, files, self._nav, env)
        return env

    def site_state(self) -> SiteState | None:
        """What this build rendered its pages with (None before ``on_env``)."""
        return self._site

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """A page with an entry of ours (or None) is left out of Material's own indexing,
        and so is a page for the site's staff (``audience: staff``): a visitor searching
        路演 is looking for roadshows, not for the organisers' guide."""
        if self._material_search and (
            page.file.src_uri in self.search_entries or page.meta.get("audience") == "staff"
        ):
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        return markdown

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """Notes every page in build order (Material indexes them in the same order), each
        with our index entry if it has one."""
        if self._material_search and self._noting:
            entry = self.search_entries.get(page.file.src_uri)
            ours = index_entry(page.url, entry, page.title or "") if entry else None
            self._built_pages.append((page.url, ours))
        return context

    def stop_noting(self) -> None:
        """The build is over: pages rendered from now on (`showcase.engine.fast_page`) are
        for the preview alone, so they are neither noted for the index nor segmented."""
        self._noting = False

    def take_built_page(self) -> tuple[str, IndexEntry | None] | None:
        """The page `on_page_context` just noted, removed (the build driver stores it)."""
        return self._built_pages.pop() if self._material_search and self._built_pages else None

    def restore_built_pages(self, built_pages: list[tuple[str, IndexEntry | None]]) -> None:
        """Every page in build order, as `on_page_context` would have noted them."""
        self._built_pages = list(built_pages)

    def policy_problems(self) -> list[str]:
        """The content policy's findings so far (a list the driver may extend)."""
        return self._policies.problems if self._policies is not None else []

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return self._policies.page(output, page.file.dest_uri) if self._policies else output

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        if self._policies is None or not template_name.endswith(".html"):
            return output_content
        return self._policies.page(output_content, template_name)

    # After Material's search plugin (priority 0) has written the index, before its offline
    # plugin (-100) copies the index into a script.
    @event_priority(-50)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self._policies is not None:
            for name in self._copied_html:
                self._policies.file(Path(config.site_dir), name)
            for problem in self._policies.problems:
                log.warning(problem)
        path = Path(config.site_dir) / "search" / "search_index.json"
        if self._material_search and path.is_file():
            index = json.loads(path.read_text(encoding="utf-8"))
            index["docs"] = merged_docs(index["docs"], self._built_pages)
            write_replacing(path, jsontext.dumps(index).encode("utf-8"))


class SiteState(NamedTuple):
    """What a build renders every page with: MkDocs' configuration (its plugins
    included), the site's files, the navigation and the theme's Jinja environment."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: jinja2.Environment


def index_entry(url: str, entry: SearchEntry, page_title: str) -> IndexEntry:
    """`entry` as Material's indexer would write it for the page at `url` (whose title,
    escaped as in its front matter, stands in for an entry without one)."""
    document: IndexEntry = {
        "location": url,
        "title": segment_chinese(page_title if entry.title is None else entry.title),
        "text": segment_chinese(entry.text),
    }
    if entry.boost != 1.0:
        document["boost"] = entry.boost
    return document


def merged_docs(
    material: list[IndexEntry], built_pages: Iterable[tuple[str, IndexEntry | None]]
) -> list[IndexEntry]:
    """Material's documents with ours in their pages' places, in build order.

    Material writes a page's documents (the page, then its sections: ``url#id``) together,
    in the order pages are built, which `built_pages` records. A document of Material's
    that does not fit that order is kept, at the end: nothing is lost.
    """
    merged: list[IndexEntry] = []
    position = 0
    for url, ours in built_pages:
        if ours is not None:
            merged.append(ours)
            continue
        while position < len(material) and material[position]["location"].split("#")[0] == url:
            merged.append(material[position])
            position += 1
    merged.extend(material[position:])
    return merged
