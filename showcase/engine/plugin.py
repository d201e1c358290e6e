"""The MkDocs plugin through which the engine makes a 10,000-page build cheap.

`build_site` adds one `ShowcaseEnginePlugin` to every build it runs (it is not listed in
``mkdocs.yml``: it needs the checked model, which only the engine has, and a plain
``mkdocs build`` still works without it, just slower and with a full-text index). It:

- swaps every page outside the navigation for a `RawHtmlPage`, which skips the Markdown
  pipeline when the page body is a single verbatim raw HTML block (see `raw_pages`);
- gives each page listed in `search_entries` exactly that one search entry, segmented for
  Chinese the way Material's search does it, and tells Material's search plugin to skip
  the page (``search: {exclude: true}``), so the page's HTML is never parsed for the index
  and long text is never run through jieba (see `search_entries`);
- rewrites ``search/search_index.json`` as UTF-8 instead of Material's ASCII escapes: every
  Chinese character and every jieba separator costs 3 bytes instead of 6, which halves the
  file each visitor downloads on their first search;
- puts a Content-Security-Policy into every HTML file of the built site (see
  `content_policy`); a page with an inline script that is not the theme's fails the build.

Both only take effect when their counterpart is there: without Material's search plugin
the pages are left to whatever search plugin runs.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.plugins import BasePlugin, event_priority

from showcase import jsontext
from showcase.engine.content_policy import ContentPolicies
from showcase.engine.raw_pages import RawHtmlPage
from showcase.engine.search_entries import SearchEntry

PLUGIN_KEY = "showcase/engine"
log = logging.getLogger("mkdocs.plugins.showcase")


class ShowcaseEnginePlugin(BasePlugin):
    def __init__(self, search_entries: Mapping[str, SearchEntry] | None = None) -> None:
        super().__init__()
        self.search_entries = dict(search_entries or {})
        self._index: Any = None
        self._policies: ContentPolicies | None = None
        self._copied_html: list[str] = []

    def on_config(self, config: Any) -> None:
        """Find Material's search index (its plugin sets it up in its own `on_config`)."""
        self._index = None
        for name, plugin in config.plugins.items():
            index = getattr(plugin, "search_index", None)
            if name.endswith("search") and hasattr(index, "entries"):
                self._index = index

    def on_files(self, files: Any, *, config: Any) -> Any:
        """The HTML files MkDocs copies as they are get their policy after the build."""
        self._copied_html = [
            f.dest_uri for f in files.static_pages() if f.dest_uri.endswith(".html")
        ]
        self._policies = ContentPolicies(config)
        return files

    def on_nav(self, nav: Any, *, config: Any, files: Any) -> Any:
        """Pages outside the navigation become `RawHtmlPage`s (MkDocs made plain ones)."""
        in_nav = {id(page) for page in nav.pages}
        for file in files.documentation_pages():
            if file.page is not None and id(file.page) not in in_nav:
                RawHtmlPage(None, file, config)  # registers itself as file.page
        return nav

    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        if self._index is not None and page.file.src_uri in self.search_entries:
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        return markdown

    def on_page_context(self, context: Any, *, page: Any, config: Any, nav: Any) -> Any:
        entry = self.search_entries.get(page.file.src_uri)
        if entry is not None and self._index is not None:
            self._index.entries.append(
                {
                    "location": page.url,
                    "title": self._segment(entry.title),
                    "text": self._segment(entry.text),
                }
            )
        return context

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        return self._policies.page(output, page.file.dest_uri) if self._policies else output

    def on_post_template(self, output_content: str, *, template_name: str, config: Any) -> str:
        if self._policies is None or not template_name.endswith(".html"):
            return output_content
        return self._policies.page(output_content, template_name)

    def _segment(self, text: str) -> str:
        """Chinese words separated as Material's search plugin does (when jieba is there)."""
        from material.plugins.search import plugin as material_search

        if material_search.jieba is None:
            return text
        return self._index._segment_chinese(text)

    @event_priority(-100)  # after Material's search plugin has written the index
    def on_post_build(self, *, config: Any) -> None:
        if self._policies is not None:
            for name in self._copied_html:
                self._policies.file(Path(config.site_dir), name)
            for problem in self._policies.problems:
                log.warning(problem)
        if self._index is None:
            return
        path = Path(config.site_dir) / "search" / "search_index.json"
        if path.is_file():
            data = json.loads(path.read_text(encoding="utf-8"))
            path.write_text(jsontext.dumps(data), encoding="utf-8")
