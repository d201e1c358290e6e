"""The preview's fast pass: the page of a changed project, before the full rebuild.

``invoke serve`` rebuilds the whole site after every change, and a warm build is O(N)
(seconds at 10,000 projects). Like Hugo's "fast render" and MkDocs' dirty reload, the
preview first renders the page of each changed project file alone, so the visitor sees
it at once; the full build follows and stays the only source of truth.

`LastSite` is what the last successful build rendered from and with: its `RenderInputs`
and MkDocs' configuration, files, navigation and Jinja environment (`SiteState`, kept by
`showcase.engine.plugin.ShowcaseEnginePlugin`). `fast_page` renders one project's page
through the SAME pipeline as the build, nothing re-implemented:

- the page source is `showcase.render.project_page.project_page` of the project's
  `ProjectPageInputs`, computed as `showcase.render.tree.render_docs` does, from the last
  build's model with this one project record replaced;
- MkDocs then reads, renders and templates it as the build driver does
  (`page_workers.populate` and `page_workers.build_page_html`: the plugins' page events,
  Material's templates, the Content-Security-Policy of `content_policy`), from a copy of
  the page's `File` holding the new source in memory.

Nothing is written: not the docs tree, not ``site/``, not a cache (the theme's bytecode
cache is detached from the kept environment; pages in ``site/`` are hard links into the
page cache, so writing one would poison the cache). The bytes go to the preview server
only, as an overlay (`showcase.engine.live.LiveState.show_first`).

A new project file gets its page too (a `File` and `Page` made as MkDocs makes them for a
page outside the navigation). Where the page cannot be the one the build would write,
`fast_page` returns None and the preview just waits for the full build: a project that is
renamed or moved to another college, a name another project has (the full build's
duplicate-name rule fails it), a new or changed logo (its published image does not
exist yet), a page that logs a
MkDocs warning or that the content policy refuses. Other pages that show the project
(directory, college, mentors, related projects) follow with the full build, and so does
a change of the roadshow schedule the edit causes (the fast page shows the last build's
slots; the rules and the scheduler between records run in the full build only).
"""

from __future__ import annotations

import copy
import dataclasses
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from showcase.engine.page_workers import build_page_html, populate
from showcase.engine.plugin import ShowcaseEnginePlugin, SiteState
from showcase.model import Project
from showcase.render import paths
from showcase.render.call_support import public_support
from showcase.render.inputs import RenderInputs
from showcase.render.project_page import project_page, project_page_inputs
from showcase.render.related import RelatedIndex
from showcase.render.roadshow.slots import RoadshowSlots
from showcase.validate.duplicate_names import normalised_name, normalised_names

if TYPE_CHECKING:
    from mkdocs.structure.files import File


@dataclass(frozen=True)
class FastPage:
    """One page rendered by the fast pass: its path in the site (``dest_uri``) and bytes."""

    dest: str
    html: bytes


class LastSite:
    """What the last successful build rendered its pages from and with."""

    def __init__(self, inputs: RenderInputs, site: SiteState) -> None:
        from mkdocs.structure.files import InclusionLevel

        self.inputs = inputs
        self.site = site
        self.doc_files = site.files.documentation_pages(inclusion=InclusionLevel.is_included)
        site.env.bytecode_cache = None  # compiling a template must never write the cache
        engine = _plugins(site.config)[0]
        if engine is not None:
            engine.stop_noting()  # no search entry is made, so jieba is never needed
        self._lock = threading.Lock()
        self._related: RelatedIndex | None = None
        self._names: dict[str, set[str]] | None = None

    def related_index(self) -> RelatedIndex:
        """The last model's `RelatedIndex`, built once (0.1-0.3 s at 10,000 projects: the
        preview builds it in the background after each build, before any fast pass)."""
        with self._lock:
            if self._related is None:
                self._related = RelatedIndex(self.inputs.model.projects.values())
            return self._related

    def name_taken(self, project: Project) -> bool:
        """Whether another project of the last model has `project`'s name, as the full
        build's duplicate-name rule compares names (`normalised_name`): that build will
        fail, so no page is shown first."""
        key = normalised_name(project.name)
        return bool(key) and bool(self._name_index().get(key, set()) - {project.id})

    def prepare(self) -> None:
        """Build what a first fast pass would otherwise wait for."""
        self.related_index()
        self._name_index()

    def _name_index(self) -> dict[str, set[str]]:
        with self._lock:
            if self._names is None:
                projects = list(self.inputs.model.projects.values())
                keys = normalised_names([other.name for other in projects])
                self._names = {}
                for other, key in zip(projects, keys, strict=True):
                    self._names.setdefault(key, set()).add(other.id)
            return self._names


def reason_to_wait(last: LastSite, project: Project) -> str | None:
    """Why `project`'s page cannot be told from one page, in the words the preview prints,
    or None when `fast_page` may render it."""
    before = last.inputs.model.projects.get(project.id)
    if last.name_taken(project):
        return "和另一个项目重名"
    if before is None:
        sources = {other.source for other in last.inputs.model.projects.values()}
        if project.source in sources:
            return "项目编号改了"
        return "新项目有标志图片（图片由完整构建处理）" if project.logo else None
    if before.source != project.source or before.college != project.college:
        return "项目文件改了名或换了学院"
    if before.logo != project.logo:
        return "标志图片换了（图片由完整构建处理）"
    file = last.site.files.get_file_from_path(paths.project_page(project.id))
    return "网站里还没有这个项目的页面" if file is None or file.page is None else None


def fast_page(last: LastSite, project: Project) -> FastPage | None:
    """The page the full build would write for `project` (a changed record of a project the
    last build had, or a new one), or None when that cannot be told from one page
    (`reason_to_wait`, or a page that would log a warning or that the content policy
    refuses)."""
    from mkdocs.structure.pages import Page

    if reason_to_wait(last, project) is not None:
        return None
    model = last.inputs.model
    config, files, nav, env = last.site
    before = model.projects.get(project.id)
    if before is None:
        file = _new_page_file(last, project)
    else:
        file = files.get_file_from_path(paths.project_page(project.id))
    model = dataclasses.replace(model, projects={**model.projects, project.id: project})
    # The neighbours of a project that kept its fields and college are the same others.
    same_groups = before is not None and before.fields == project.fields
    inputs = project_page_inputs(
        project,
        model,
        last.related_index() if same_groups else RelatedIndex(model.projects.values()),
        last.inputs.last_changed,
        RoadshowSlots(model),
        public_support(model, last.inputs.publicity.as_of),
    )
    page = Page(None, _with_source(file, project_page(inputs)), config)
    engine, search = _plugins(config)
    known_problems = len(engine.policy_problems()) if engine else 0
    indexed = len(search.entries) if search else 0
    try:
        with counted_warnings() as warned:
            populate(page, config, files)
            output = build_page_html(page, config, last.doc_files, nav, env)
        refused = engine is not None and len(engine.policy_problems()) > known_problems
    finally:
        if search:
            del search.entries[indexed:]
        if engine:
            del engine.policy_problems()[known_problems:]
    if warned.count or refused or not output.strip():
        return None
    return FastPage(file.dest_uri, output.encode("utf-8", errors="xmlcharrefreplace"))


def _new_page_file(last: LastSite, project: Project) -> File:
    """The `File` MkDocs would make for a new project's page (outside the navigation, as
    every project page is)."""
    from mkdocs.structure.files import File

    config = last.site.config
    return File(
        paths.project_page(project.id),
        config.docs_dir,
        config.site_dir,
        config.use_directory_urls,
    )


def _with_source(file: File, source: str) -> File:
    """A copy of the page's file whose source is `source`, in memory (MkDocs reads a
    file's ``content_string`` when it has one instead of the file on disk)."""
    copied = copy.copy(file)
    copied.content_string = source
    return copied


def _plugins(config: Any) -> tuple[ShowcaseEnginePlugin | None, Any]:
    """Our engine plugin and Material's search index, whose per-page state the fast pass
    takes back out (the kept site is used again by the next fast pass)."""
    from material.plugins.search.plugin import SearchPlugin

    engine = search = None
    for plugin in config.plugins.values():
        if isinstance(plugin, ShowcaseEnginePlugin):
            engine = plugin
        elif isinstance(plugin, SearchPlugin) and plugin.config.enabled:
            search = plugin.search_index
    return engine, search


class WarningCount(logging.Handler):
    """Counts the warnings logged to MkDocs' logger while it is attached."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@contextmanager
def counted_warnings() -> Iterator[WarningCount]:
    """A page that logs a warning fails the strict build: the fast pass shows no such page
    (and the build driver stores no such theme template, `showcase.engine.theme_templates`)."""
    handler = WarningCount()
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        yield handler
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
