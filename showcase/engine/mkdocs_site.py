"""Building the site with MkDocs + Material from a checked model, atomically.

This module and the build driver (`showcase.engine.site_driver`: MkDocs' own build steps,
with unchanged pages reused from ``build/cache/pages`` and the rest rendered in parallel)
are where the engine talks to MkDocs. The site is built in strict mode into a
temporary folder beside the target; only a build without a single warning is swapped in
(rename the old site away, rename the new one in, delete the old one). Any failure leaves
the previous site exactly as it was and no temporary folder behind, and surfaces as
`BuildFailed` carrying MkDocs' own messages, never as a traceback.

Reproducibility: MkDocs stamps the sitemap (and the gzip header of ``sitemap.xml.gz``) with
``SOURCE_DATE_EPOCH`` or, without it, today's date. Unless the caller sets it, we set it to
the newest date in the data (`showcase.render.clock.data_epoch`), so the same data always
gives byte-identical files.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import html
import logging
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from showcase.atomic import check_output_folder, replaced_atomically
from showcase.engine import word_store
from showcase.engine.docs_writer import DocsStamp, write_docs_tree
from showcase.engine.names_apart import names_apart
from showcase.engine.page_cache import PageStore
from showcase.engine.plugin import PLUGIN_KEY, ShowcaseEnginePlugin, SiteState
from showcase.engine.render_cache import load_render_memo, save_render_memo
from showcase.engine.search_entries import SearchEntry, site_search_entries
from showcase.engine.site_driver import DriveStats, drive
from showcase.images.publish import PublishedImages, UnpublishableImage
from showcase.paths import Layout, repository_root
from showcase.render.clock import data_epoch
from showcase.render.inputs import RenderInputs
from showcase.render.tree import NavEntry, render_docs

CONFIG_REFUSAL = (
    "网站配置文件 {name} 有错误（下面是 MkDocs 的英文说明）。"
    "YAML 写法错误时，请检查所示行及其上一行的缩进、冒号和括号；"
    "设置项错误时，请按说明改正该项的名称或取值"
)
UNLOAD_PINYIN_FROM = 1_000
"""Projects from which a one-shot build frees pypinyin after rendering (`_unload_pinyin`);
a smaller site's pages are few, and a process that builds small sites again and again
(the tests) would import it again each time (0.2 s)."""


class BuildFailed(Exception):
    """The site could not be built; `details` are the engine's messages, in order."""

    def __init__(self, message: str, details: list[str]) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


@dataclass(frozen=True)
class RenderedSite:
    """A docs tree written, and all the MkDocs build still needs of the model: a one-shot
    build drops the model (~80 MB at 10,000 projects) before MkDocs forks its page
    workers (`showcase.commands.build`)."""

    target: Path
    config_path: Path
    nav: list[NavEntry]
    names: tuple[str, ...]
    docs_stamps: Mapping[str, DocsStamp]
    search_entries: dict[str, SearchEntry | None]
    epoch: int
    site_name: str
    site_url: str | None


def build_site(
    layout: Layout,
    inputs: RenderInputs,
    site_dir: Path | None = None,
    config_file: Path | None = None,
    report: Callable[[DriveStats], None] | None = None,
    keep: Callable[[SiteState], None] | None = None,
    keep_memo: bool = False,
) -> Path:
    """Render `inputs` into ``layout.build_dir/docs`` and build the site into `site_dir`.

    The site name is HTML-escaped because the theme prints it into pages unescaped.

    `inputs` are what the command gathered (`showcase.commands.gather.site_inputs`);
    `site_dir` defaults to ``layout.site_dir``; `config_file` to the repository's
    ``mkdocs.yml`` (falling back to the one beside this package, so a synthetic repository
    without its own config still builds). Returns the site folder. Raises
    `showcase.atomic.ForeignFolder` before any work when `site_dir` holds files this tool
    did not write. `report` receives how many pages were rendered and how many reused
    from ``layout.page_cache_dir`` (`showcase.engine.site_driver`); `keep` what the pages
    were rendered with, after a successful build (`showcase.engine.fast_page`);
    `keep_memo`: this process builds again, so the render memo stays in memory
    (`showcase.engine.render_cache`). The two halves are `render_site` and
    `build_rendered_site`.
    """
    rendered = render_site(layout, inputs, site_dir, config_file, keep_memo)
    return build_rendered_site(layout, rendered, report, keep)


def render_site(
    layout: Layout,
    inputs: RenderInputs,
    site_dir: Path | None = None,
    config_file: Path | None = None,
    keep_memo: bool = False,
) -> RenderedSite:
    """`build_site`'s first half: check the target, render and write the docs tree."""
    target = (site_dir or layout.site_dir).resolve()
    check_output_folder(target, layout.root)
    config_path = _config_file(layout, config_file)
    model = inputs.model
    memo = load_render_memo(layout, keep=keep_memo)
    if not keep_memo:
        memo.defer_files()  # the docs writer renders each new page as it writes it
    with names_apart(model, memo) if not keep_memo else nullcontext():
        tree = render_docs(inputs, memo)
        search_entries = site_search_entries(model, memo)
        try:
            images = PublishedImages(layout.published_images_dir)
            written = write_docs_tree(
                tree, layout.docs_tree_dir, layout.root, images, layout.docs_listing
            )
        except UnpublishableImage as error:
            raise BuildFailed(str(error), []) from None
    # render is pure: its memo holds even if MkDocs fails (complete once the files are)
    save_render_memo(layout, memo, keep=keep_memo)
    del memo
    nav = tree.nav
    del tree  # the pages are on disk now; MkDocs re-reads them, so free ~N × 10 KB first
    if not keep_memo and len(model.projects) >= UNLOAD_PINYIN_FROM:
        _unload_pinyin()
    return RenderedSite(
        target=target,
        config_path=config_path,
        nav=nav,
        names=written.names,
        docs_stamps=written.stamps,
        search_entries=search_entries,
        epoch=data_epoch(model),
        site_name=model.site.site_name,
        site_url=model.site.site_url or None,
    )


def build_rendered_site(
    layout: Layout,
    rendered: RenderedSite,
    report: Callable[[DriveStats], None] | None = None,
    keep: Callable[[SiteState], None] | None = None,
) -> Path:
    """`build_site`'s second half: the strict MkDocs build of the written docs tree."""
    _return_free_memory()
    engine_plugin = ShowcaseEnginePlugin(rendered.search_entries)
    word_store.use(layout.word_store)
    target = rendered.target
    with (
        replaced_atomically(
            target, "build", layout.root, spare=layout.spare_site_dir(target)
        ) as staging,
        _source_date_epoch(rendered.epoch),
    ):
        stats = _run_mkdocs(
            rendered.config_path,
            PageStore(layout.page_cache_dir),
            layout.cache_dir / "templates",
            docs_names=rendered.names,
            docs_stamps=rendered.docs_stamps,
            docs_dir=str(layout.docs_tree_dir.resolve()),
            site_dir=str(staging),
            site_name=html.escape(rendered.site_name),
            site_url=rendered.site_url,
            nav=rendered.nav,
            engine_plugin=engine_plugin,
        )
    if report is not None:
        report(stats)
    if keep is not None and (state := engine_plugin.site_state()) is not None:
        keep(state)
    return target


def _unload_pinyin() -> None:
    """Free pypinyin's dictionaries (~60 MB) once a one-shot build has rendered.

    Only render converts names to pinyin (and only for new names: a cold build converts
    them all); the page workers forked next would share, and partly copy, that memory
    until the build ends. Its modules leave ``sys.modules`` with their namespaces cleared,
    which frees the dictionaries at once, without a full collection. Nothing else holds
    a pypinyin object (render imports its functions inside the functions that call
    them), and an import after this loads it again.
    """
    for name in [name for name in sys.modules if name.partition(".")[0] == "pypinyin"]:
        sys.modules.pop(name).__dict__.clear()


def _return_free_memory() -> None:
    """Give the freed docs tree (and a one-shot build's model) back to the system before
    the page workers fork.

    The tree's page texts are malloc'd blocks; glibc keeps freed blocks for reuse, so the
    process keeps their size, and every forked worker would share, then copy, that space.
    """
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to give back this way
        pass


def _config_file(layout: Layout, config_file: Path | None) -> Path:
    for candidate in (config_file, layout.root / "mkdocs.yml", repository_root() / "mkdocs.yml"):
        if candidate is not None and candidate.is_file():
            return candidate
    raise BuildFailed(f"找不到网站配置文件 {config_file or layout.root / 'mkdocs.yml'}", [])


def _run_mkdocs(
    config_path: Path,
    store: PageStore,
    template_cache: Path | None = None,
    engine_plugin: ShowcaseEnginePlugin | None = None,
    docs_names: tuple[str, ...] | None = None,
    docs_stamps: Mapping[str, DocsStamp] | None = None,
    **overrides: object,
) -> DriveStats:
    """One strict build (`showcase.engine.site_driver.drive`, MkDocs' steps with pages
    reused from `store`); every warning or error becomes `BuildFailed`.

    `engine_plugin` is added after the configured plugins (see `showcase.engine.plugin`);
    `docs_names`: every file of ``docs_dir``, when the caller knows them (then it is not
    walked), and `docs_stamps` their stamps (then they are not stat'ed again).
    """
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with _collect_engine_messages() as messages:
        try:
            config = load_config(str(config_path), strict=True, **overrides)
        except MkDocsException as error:
            raise BuildFailed(
                CONFIG_REFUSAL.format(name=config_path.name), [*messages, str(error)]
            ) from None
        try:
            if engine_plugin is not None:
                config.plugins[PLUGIN_KEY] = engine_plugin
            config.plugins.on_startup(command="build", dirty=False)
            try:
                if template_cache is not None:
                    template_cache.mkdir(parents=True, exist_ok=True)
                stats = drive(
                    config,
                    store,
                    template_cache=template_cache,
                    docs_names=docs_names,
                    docs_stamps=docs_stamps,
                )
            finally:
                config.plugins.on_shutdown()
        except MkDocsException as error:
            raise BuildFailed(f"MkDocs 构建失败：{error}", list(messages)) from error
        if messages:
            raise BuildFailed("MkDocs 在严格模式下报告了警告，构建已中止", list(messages))
    return stats


class _MessageCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _collect_engine_messages() -> Iterator[list[str]]:
    """Capture MkDocs' warnings and errors instead of letting them print half-way."""
    collector = _MessageCollector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    word_store.import_jieba()
    try:
        yield collector.messages
    finally:
        logger.removeHandler(collector)


@contextmanager
def _source_date_epoch(default: int) -> Iterator[None]:
    """Set ``SOURCE_DATE_EPOCH`` for the build unless the caller already chose one."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(default)
    try:
        yield
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
