"""Building the site with MkDocs + Material from a checked model, atomically.

This is the only module that talks to MkDocs. The site is built in strict mode into a
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

import html
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from showcase.atomic import check_output_folder, replaced_atomically
from showcase.engine.docs_writer import write_docs_tree
from showcase.engine.plugin import PLUGIN_KEY, ShowcaseEnginePlugin
from showcase.engine.render_cache import load_render_memo, save_render_memo
from showcase.engine.search_entries import site_search_entries
from showcase.images.publish import PublishedImages, UnpublishableImage
from showcase.paths import Layout, repository_root
from showcase.render.clock import data_epoch
from showcase.render.inputs import RenderInputs
from showcase.render.tree import render_docs


class BuildFailed(Exception):
    """The site could not be built; `details` are the engine's messages, in order."""

    def __init__(self, message: str, details: list[str]) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


def build_site(
    layout: Layout,
    inputs: RenderInputs,
    site_dir: Path | None = None,
    config_file: Path | None = None,
) -> Path:
    """Render `inputs` into ``layout.build_dir/docs`` and build the site into `site_dir`.

    The site name is HTML-escaped because the theme prints it into pages unescaped.

    `inputs` are what the command gathered (`showcase.commands.gather.site_inputs`);
    `site_dir` defaults to ``layout.site_dir``; `config_file` to the repository's
    ``mkdocs.yml`` (falling back to the one beside this package, so a synthetic repository
    without its own config still builds). Returns the site folder. Raises
    `showcase.atomic.ForeignFolder` before any work when `site_dir` holds files this tool
    did not write.
    """
    target = (site_dir or layout.site_dir).resolve()
    check_output_folder(target, layout.root)
    config_path = _config_file(layout, config_file)
    docs_dir = layout.build_dir / "docs"
    model = inputs.model
    memo = load_render_memo(layout)
    tree = render_docs(inputs, memo)
    try:
        write_docs_tree(tree, docs_dir, layout.root, PublishedImages(layout.published_images_dir))
    except UnpublishableImage as error:
        raise BuildFailed(str(error), []) from None
    nav = tree.nav
    del tree  # the pages are on disk now; MkDocs re-reads them, so free ~N × 10 KB first

    with (
        replaced_atomically(target, "build", layout.root) as staging,
        _source_date_epoch(data_epoch(model)),
    ):
        _run_mkdocs(
            config_path,
            docs_dir=str(docs_dir.resolve()),
            site_dir=str(staging),
            site_name=html.escape(model.site.site_name),
            site_url=model.site.site_url or None,
            nav=nav,
            engine_plugin=ShowcaseEnginePlugin(site_search_entries(model)),
        )
    save_render_memo(layout, memo)
    return target


def _config_file(layout: Layout, config_file: Path | None) -> Path:
    for candidate in (config_file, layout.root / "mkdocs.yml", repository_root() / "mkdocs.yml"):
        if candidate is not None and candidate.is_file():
            return candidate
    raise BuildFailed(f"找不到网站配置文件 {config_file or layout.root / 'mkdocs.yml'}", [])


def _run_mkdocs(
    config_path: Path, engine_plugin: ShowcaseEnginePlugin | None = None, **overrides: object
) -> None:
    """One strict MkDocs build; every warning or error becomes `BuildFailed`.

    `engine_plugin` is added after the configured plugins (see `showcase.engine.plugin`).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with _collect_engine_messages() as messages:
        try:
            config = load_config(str(config_path), strict=True, **overrides)
            if engine_plugin is not None:
                config.plugins[PLUGIN_KEY] = engine_plugin
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except MkDocsException as error:
            raise BuildFailed(f"MkDocs 构建失败：{error}", list(messages)) from error
        if messages:
            raise BuildFailed("MkDocs 在严格模式下报告了警告，构建已中止", list(messages))


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
    _quiet_jieba()
    try:
        yield collector.messages
    finally:
        logger.removeHandler(collector)


def _quiet_jieba() -> None:
    """jieba (Chinese segmentation for search) logs its dictionary loading at DEBUG."""
    try:
        import jieba
    except ImportError:
        return
    jieba.setLogLevel(logging.WARNING)


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
