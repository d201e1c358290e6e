"""Finished site pages kept between builds, keyed by everything their bytes depend on.

A page's key is a hash of the site-wide key (`global_key`: configuration, theme, our code,
navigation) and the page's own source path, source bytes and search entry. An entry is two
files under ``build/cache/pages/<2 hex>/``: ``<key>.html``, the final page (after every
plugin, with its content policy), and ``<key>.json``, what the site-wide outputs need from
the page without rendering it again (its search documents, its anchors and links to anchors,
whether its render read the list of the site's files). Both are written under a temporary
name and renamed into place, and the site links to the ``.html`` files: no file here is ever
changed in place. A missing, unreadable or inconsistent entry is a miss, never an error, and
so is a page whose size or modification time differs from when it was stored (someone
edited a file of ``site/``, which is a link to it).

Example::

    store = PageStore(layout.page_cache_dir)
    entry = store.get(key)                       # None: render the page
    store.put(key, html_bytes, {"anchors": []})  # after a render without warnings
    store.prune(used_keys)                       # after a good build
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from showcase.atomic import write_replacing

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

INDEX = "index.json"
FORMAT = "page-cache-2"
"""Changes whenever what an entry holds, or how a key is made, changes."""
DISTRIBUTIONS = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "jieba")
"""Packages whose code shapes a page's bytes (theme, Markdown, templates, segmentation)."""
CODE_FOLDERS = ("engine", "render")
"""Our own code that runs while a page renders: the plugin, raw pages, content policy and
the Markdown extension and HTML helpers of the render stage."""
NAV_META_KEYS = ("icon", "subtitle", "status")
"""The front matter of OTHER pages that a page shows: Material's navigation items read
these (``partials/nav-item.html``, ``tabs-item.html``); everything else of another page it
shows is its title and URL. A template (or override) that prints more of another page's
front matter must add the key here. Keeping the rest out matters: the directory's
description counts the projects, and it must not make every page render again."""
_IGNORED_CONFIG = frozenset({"site_dir", "docs_dir", "config_file_path", "plugins", "theme"})
"""Paths that only say where the build runs, and objects described by other parts."""


def digest(*parts: bytes | str) -> str:
    """A hex key for `parts` (lengths included, so the parts cannot run into each other)."""
    hasher = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


def global_key(config: MkDocsConfig, nav: Navigation) -> str:
    """What every page's HTML can depend on besides its own source.

    The effective configuration (``mkdocs.yml`` and the values the engine passes in), the
    theme (its packages' versions and every file of the ``custom_dir``), our own code, and
    the navigation each page carries (titles, URLs and the front matter the theme reads
    from nav pages). ``SOURCE_DATE_EPOCH`` is left out: only the sitemap prints a date, and
    its own key holds every page's (`showcase.engine.theme_templates`).
    """
    settings = {name: value for name, value in config.items() if name not in _IGNORED_CONFIG}
    theme = config.theme
    parts: list[bytes | str] = [
        FORMAT,
        Path(config.config_file_path).read_bytes() if config.config_file_path else "",
        _json(settings),
        _json({name: theme[name] for name in theme if name != "custom_dir"}),
        _json(sorted(theme.static_templates)),
        *(distribution_version(name) for name in DISTRIBUTIONS),
        _json([plugin.__class__.__qualname__ for plugin in config.plugins.values()]),
        _json([_plugin_options(plugin) for plugin in config.plugins.values()]),
        _json(_navigation_facts(nav.items)),
    ]
    for folder in [*theme.dirs, *_code_folders()]:
        parts.extend(_folder_facts(Path(folder)))
    return digest(*parts)


def files_key(files: Files) -> str:
    """The site's files and their URLs: what link resolution in Markdown depends on."""
    return digest(_json([(f.src_uri, f.dest_uri, f.url) for f in files]))


def page_key(site: str, src_uri: str, source_digest: str, search_entry: object) -> str:
    return digest(site, src_uri, source_digest, repr(search_entry))


class PageStore:
    """The folder of cached pages; see the module docstring."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._root = str(folder)
        self._pages: dict[str, dict[str, Any]] = {}
        self.sources: dict[str, list[Any]] = {}
        """Docs path → [inode, size, mtime_ns, digest] of the source when last hashed."""
        self.found: dict[str, tuple[int, int]] = {}
        """Stored page path → its (inode, device) when `get` last checked it: the site
        folder's preparation compares its links with them without a second stat."""

    def load_index(self) -> None:
        """Read the last good build's summary: one file instead of one per page.

        It holds every page's facts and a digest of every source with the file's inode,
        size and modification time: the docs writer replaces a changed file by a new one
        (new inode), so an unchanged stamp means unchanged bytes and the source need not be
        read again. Unreadable: an empty summary (each entry is still in its own file).
        """
        try:
            index = json.loads((self.folder / INDEX).read_bytes())
            pages, sources = index["pages"], index["sources"]
        except (OSError, ValueError, KeyError, TypeError):
            return
        if isinstance(pages, dict) and isinstance(sources, dict):
            self._pages, self.sources = pages, sources

    def save_index(self, pages: dict[str, dict[str, Any]], sources: dict[str, list]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"pages": pages, "sources": sources}, ensure_ascii=False, default=str)
        write_replacing(self.folder / INDEX, text.encode("utf-8"))

    def html_path(self, key: str) -> str:
        return os.path.join(self._root, key[:2], key + ".html")  # str: 10,000 calls a build

    def _facts_path(self, key: str) -> str:
        return os.path.join(self._root, key[:2], key + ".json")

    def get(self, key: str) -> dict[str, Any] | None:
        """The facts stored with `key`, or None when the entry is missing or damaged."""
        try:
            facts = self._pages.get(key)
            if facts is None:
                with open(self._facts_path(key), "rb") as stored:
                    facts = json.loads(stored.read())
            size, written = facts["size"], facts["mtime_ns"]
            if size is not None:
                path = self.html_path(key)
                found = os.stat(path)
                if (found.st_size, found.st_mtime_ns) != (size, written):
                    return None  # changed since it was stored, e.g. through a site/ link
                self.found[path] = (found.st_ino, found.st_dev)
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return facts if isinstance(facts, dict) else None

    def put(self, key: str, html: bytes | None, facts: dict[str, Any]) -> dict[str, Any]:
        """Store a page (`html` None: the page rendered empty and is not written); returns
        the stamp `get` checks the stored page by (its size and modification time)."""
        folder = self.folder / key[:2]
        folder.mkdir(parents=True, exist_ok=True)
        written = None
        if html is not None:
            write_replacing(Path(self.html_path(key)), html)
            written = os.stat(self.html_path(key)).st_mtime_ns
        stamp = {"size": None if html is None else len(html), "mtime_ns": written}
        # Key order kept: the search documents go into the index as they are.
        text = json.dumps({**facts, **stamp}, ensure_ascii=False, default=str)
        write_replacing(Path(self._facts_path(key)), text.encode("utf-8"))
        return stamp

    def prune(self, used: Iterable[str]) -> int:
        """Delete every entry whose key is not in `used`; the number of files deleted."""
        keep = set(used)
        deleted = 0
        if not self.folder.is_dir():
            return 0
        for sub in self.folder.iterdir():
            for path in sub.iterdir() if sub.is_dir() else ():
                if path.name.split(".", 1)[0] not in keep:
                    path.unlink(missing_ok=True)
                    deleted += 1
        return deleted


def _json(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=repr)


def distribution_version(name: str) -> str:
    try:
        return f"{name}=={metadata.version(name)}"
    except metadata.PackageNotFoundError:
        return f"{name} absent"


def _plugin_options(plugin: object) -> object:
    options = getattr(plugin, "config", None)
    return dict(options.items()) if hasattr(options, "items") else None


def _navigation_facts(items: Iterable[Any]) -> list[object]:
    facts: list[object] = []
    for item in items:
        children = getattr(item, "children", None)
        facts.append(
            {
                "kind": type(item).__name__,
                "title": item.title,
                "url": getattr(item, "url", None),
                "meta": _nav_meta(getattr(item, "meta", None)),
                "children": _navigation_facts(children) if children else None,
            }
        )
    return facts


def _nav_meta(meta: dict[str, Any] | None) -> dict[str, Any] | None:
    if not meta:
        return None
    return {key: meta[key] for key in NAV_META_KEYS if key in meta}


def _code_folders() -> list[Path]:
    package = Path(__file__).resolve().parent.parent
    return [package / name for name in CODE_FOLDERS]


def _folder_facts(folder: Path) -> list[bytes | str]:
    """Every file under `folder` with its path (Material's own files are covered by its
    version instead: its templates folder holds thousands of icons)."""
    if "site-packages" in folder.parts or not folder.is_dir():
        return [str(folder.name)]
    parts: list[bytes | str] = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    return parts
