"""Rendering the pages the cache does not have, in forked worker processes.

Workers are forked after the build has its configuration, files, navigation and theme
environment, so they inherit all of it and get only page numbers through the pipe. Each
renders its pages exactly as ``mkdocs.commands.build`` does (``_populate_page``, then the
template and the page events: `build_page_html`), stores each finished page in the
`PageStore` itself and sends back only the small facts the site-wide outputs need (search
documents, anchors) and any warning, which the parent logs again as MkDocs would have. A
page that logged a warning (or that the content policy refused) is not stored. Few pages
are rendered in this process: forking costs more than it saves.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from showcase.engine import word_store
from showcase.engine.page_cache import PageStore
from showcase.engine.plugin import ShowcaseEnginePlugin

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

SERIAL_LIMIT = 64
"""Below this many pages to render, one process renders them."""
CHUNK = 200
"""Pages a worker renders before it exits and a fresh one is forked: a worker's memory
grows as it writes into pages it shares with the parent (copy on write), so short-lived
workers keep the build's peak memory near the parent's own (a fork costs ~10 ms)."""


@dataclass
class Job:
    config: MkDocsConfig
    files: Files
    doc_files: list[File]
    nav: Navigation
    env: jinja2.Environment
    store: PageStore
    keys: list[str]
    links: str


_JOB: Job | None = None
"""The job a forked worker inherits (set just before the pool forks)."""

Result = tuple[int, dict[str, Any], list[tuple[str, int, str]], list[str]]


def populate(page: Page, config: MkDocsConfig, files: Files) -> None:
    """Read and render a page's Markdown, as MkDocs does before building any page."""
    from mkdocs.commands.build import _populate_page

    _populate_page(page, config, files)


def render(job: Job, numbers: list[int], workers: int | None) -> Iterator[tuple[int, dict]]:
    """Render the pages `numbers` of `job.doc_files`; yields (number, facts) in order."""
    global _JOB
    count = workers or os.cpu_count() or 1
    _JOB = job
    try:
        if count == 1 or len(numbers) < SERIAL_LIMIT:
            for number in numbers:
                yield number, _render_one(job, number)[1]
            word_store.keep()  # when these pages made jieba load its dictionary
            return
        _prepare_segmentation(job.config)
        size = min(CHUNK, len(numbers) // count + 1)
        chunks = [numbers[start : start + size] for start in range(0, len(numbers), size)]
        # Objects that exist now are never collected by the workers: a collection would
        # touch, and so copy, every page of memory they share with this process.
        gc.freeze()
        with multiprocessing.get_context("fork").Pool(count, maxtasksperchild=1) as pool:
            rendered = pool.imap(_render_chunk, chunks)
            word_store.keep()  # while the workers render: jieba's dictionary is loaded
            for results in rendered:
                for number, facts, warnings, problems in results:
                    _replay(job, warnings, problems)
                    yield number, facts
    finally:
        gc.unfreeze()
        _JOB = None


def _render_chunk(numbers: list[int]) -> list[Result]:
    from mkdocs.exceptions import BuildError

    assert _JOB is not None
    results = []
    for number in numbers:
        try:
            results.append(_render_one(_JOB, number))
        except Exception as error:  # re-raised in the parent as MkDocs' own build error
            raise BuildError(f"{_JOB.doc_files[number].src_uri}: {error}") from None
    return results


def _render_one(job: Job, number: int) -> Result:
    config, file = job.config, job.doc_files[number]
    page: Page = file.page
    engine = _engine_plugin(config)
    search = _material_index(config)
    problems = engine.policy_problems() if engine else []
    problems_before = len(problems)
    with _captured_warnings() as warnings:
        if page.markdown is None:
            populate(page, config, job.files)
        searched = len(search.entries) if search else 0
        output = build_page_html(page, config, job.doc_files, job.nav, job.env)
    facts: dict[str, Any] = {
        "links": None if getattr(page, "verbatim", False) else job.links,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links_to_anchors": {
            target.src_uri: links for target, links in (page.links_to_anchors or {}).items()
        },
        "material": search.entries[searched:] if search else [],
    }
    if search:
        del search.entries[searched:]
    if engine and (built := engine.take_built_page()) is not None:
        facts["ours"] = built[1]
    refused = problems[problems_before:]
    html = output.encode("utf-8", errors="xmlcharrefreplace") if output.strip() else None
    facts["stored"] = not warnings and not refused
    facts["size"], facts["mtime_ns"] = None if html is None else len(html), None
    if facts["stored"]:
        stamp = job.store.put(
            job.keys[number], html, {k: v for k, v in facts.items() if k != "stored"}
        )
        facts.update(stamp)
    if page not in job.nav.pages:
        page.markdown = page.content = None  # a worker's memory follows one page, not all
    return number, facts, warnings, refused


def build_page_html(page: Page, config: MkDocsConfig, doc_files, nav, env) -> str:
    """``mkdocs.commands.build._build_page`` without writing the file: the page's HTML."""
    from mkdocs.commands.build import get_context
    from mkdocs.exceptions import BuildError

    config._current_page = page
    try:
        page.active = True
        context = get_context(nav, doc_files, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        output = template.render(context)
        return config.plugins.on_post_page(output, page=page, config=config)
    except Exception as error:
        message = f"Error building page '{page.file.src_uri}':"
        if not isinstance(error, BuildError):
            message += f" {error}"
        logging.getLogger("mkdocs.commands.build").error(message)
        raise
    finally:
        page.active = False
        config._current_page = None


def _replay(job: Job, warnings: list[tuple[str, int, str]], problems: list[str]) -> None:
    """A worker's warnings, logged here where the strict build counts them."""
    for name, level, message in warnings:
        logging.getLogger(name).log(level, "%s", message)
    engine = _engine_plugin(job.config)
    if engine and problems:
        engine.policy_problems().extend(problems)


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


@contextmanager
def _captured_warnings() -> Iterator[list[tuple[str, int, str]]]:
    handler = _Capture()
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        yield handler.records
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)


def _engine_plugin(config: MkDocsConfig) -> ShowcaseEnginePlugin | None:
    for plugin in config.plugins.values():
        if isinstance(plugin, ShowcaseEnginePlugin):
            return plugin
    return None


def _material_index(config: MkDocsConfig) -> Any:
    from material.plugins.search.plugin import SearchPlugin

    for plugin in config.plugins.values():
        if isinstance(plugin, SearchPlugin) and plugin.config.enabled:
            return plugin.search_index
    return None


def _prepare_segmentation(config: MkDocsConfig) -> None:
    """Load jieba's dictionary once, before forking, instead of once per worker."""
    if _material_index(config) is not None:
        import jieba

        jieba.initialize()
