"""The theme's static templates (``404.html``, ``sitemap.xml`` and its ``.gz``), rendered
again only when what they show changed; otherwise linked from the page store.

MkDocs renders them on every build, and the sitemap lists every page (~0.1 s of CPU at
10,000 projects). Each is stored like a page (`showcase.engine.page_cache.PageStore`),
under a key of what it shows:

- the error page (``404.html``): the site-wide key (`global_key`: configuration, theme,
  our code, navigation) and the site's files (`files_key`); it is rendered with the same
  context as a page, which shows nothing more of other pages than the navigation;
- the sitemap: the same, and what MkDocs' own template prints of every page (its
  canonical and absolute URL and update date; the newest update date is also the gzip
  header's time). Only MkDocs' or Material's own ``sitemap.xml``: an override could print
  more of each page.

Any other static template, every extra template, and all of them when a plugin other than
ours listens to the template events (`TEMPLATE_EVENTS`), or when pages are not reused
(`site_driver.reusable_plugins`), are rendered as MkDocs renders them. A template whose
render logged a warning or found a content policy problem is not stored, so it warns again
next time, and only a build whose pages were all stored stores any (`WrittenTemplates`). The site folder never keeps these paths (`site_folder.wanted_links`): a stored
copy is linked after the folder was cleared, and MkDocs writes a new file where it renders
one, never through a link.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from showcase.engine.page_cache import PageStore, digest
from showcase.engine.plugin import ShowcaseEnginePlugin
from showcase.engine.site_folder import link_or_copy

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

TEMPLATE_EVENTS = ("on_pre_template", "on_template_context", "on_post_template")
SITEMAP = "sitemap.xml"
GZIP = ".gz"


@dataclass
class WrittenTemplates:
    """The store's entries a build's templates used (key → facts) and those it rendered
    (key → bytes, None for no file), stored only by a build whose pages all were
    (`store`), so a failing build leaves the store as it was."""

    reused: dict[str, dict[str, Any]] = field(default_factory=dict)
    rendered: dict[str, bytes | None] = field(default_factory=dict)

    def store(self, store: PageStore) -> dict[str, dict[str, Any]]:
        """Store the rendered entries; returns every entry used, key → facts."""
        facts = dict(self.reused)
        for key, data in self.rendered.items():
            facts[key] = {"template": True, **store.put(key, data, {"template": True})}
        return facts


def write_templates(
    config: MkDocsConfig,
    env: jinja2.Environment,
    files: Files,
    nav: Navigation,
    store: PageStore,
    site: str | None,
    links: str,
    engine: ShowcaseEnginePlugin | None,
) -> WrittenTemplates:
    """Write the static and extra templates into ``config.site_dir`` as MkDocs does;
    `site`: the site-wide key, None when nothing may be reused; `links`: the site's
    files (`files_key`); `engine`: our plugin, whose content policy checks the error page."""
    from mkdocs.commands.build import _build_extra_template, _build_theme_template

    written = WrittenTemplates()
    reuse = site is not None and _reusable(config)
    for name in config.theme.static_templates:
        keys = _keys(f"{site} {links}", name, env, files) if reuse else None
        if keys is None:
            _build_theme_template(name, env, files, config, nav)
        elif not _link_stored(store, keys, config.site_dir, written.reused):
            with _findings(engine) as clean:
                _build_theme_template(name, env, files, config, nav)
            if clean():
                for written_name, key in keys.items():
                    path = os.path.join(config.site_dir, written_name)
                    written.rendered[key] = (
                        Path(path).read_bytes() if os.path.isfile(path) else None
                    )
    for template in config.extra_templates:
        _build_extra_template(template, files, config, nav)
    return written


def _reusable(config: MkDocsConfig) -> bool:
    return all(
        isinstance(plugin, ShowcaseEnginePlugin)
        or not any(hasattr(plugin, name) for name in TEMPLATE_EVENTS)
        for plugin in config.plugins.values()
    )


def _keys(site: str, name: str, env: jinja2.Environment, files: Files) -> dict[str, str] | None:
    """Site path (relative) → store key of each file the template writes; None: render.
    `site`: the site-wide key and the site's files."""
    from mkdocs.utils import is_error_template

    if is_error_template(name):
        return {name: digest("template", site, name)}
    if name != SITEMAP or not _stock(env.get_template(name).filename):
        return None
    shown = [
        None if file.page is None else (f.canonical_url, f.abs_url, f.update_date)
        for file in files.documentation_pages()
        for f in (file.page,)
    ]
    key = digest("template", site, name, json.dumps(shown, ensure_ascii=False))
    return {name: key, name + GZIP: digest(key, GZIP)}


def _stock(filename: str | None) -> bool:
    """Is the template MkDocs' or Material's own (their versions are in the site key)?"""
    import material
    import mkdocs

    if filename is None:
        return False
    path = Path(filename).resolve()
    return any(path.is_relative_to(Path(package.__file__).parent) for package in (mkdocs, material))


def _link_stored(
    store: PageStore, keys: dict[str, str], site_dir: str, used: dict[str, dict[str, Any]]
) -> bool:
    """Link the stored files of a template into the site; False (nothing linked) when any
    is missing."""
    found = {name: store.get(key) for name, key in keys.items()}
    if any(facts is None for facts in found.values()):
        return False
    for name, key in keys.items():
        if found[name]["size"] is not None:
            link_or_copy(store.html_path(key), os.path.join(site_dir, name), replace=True)
        used[key] = found[name]
    return True


@contextmanager
def _findings(engine: ShowcaseEnginePlugin | None) -> Iterator[Callable[[], bool]]:
    """Yields a function telling whether the block logged no warning and `engine` found
    no content policy problem in it."""
    from showcase.engine.fast_page import counted_warnings

    problems = engine.policy_problems if engine else list
    before = len(problems())
    with counted_warnings() as warned:
        yield lambda: warned.count == 0 and len(problems()) == before
