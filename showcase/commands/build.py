"""``invoke build [--site-dir DIR] [--drafts] [--today YYYY-MM-DD] [--clean]``: validate →
render → build.

Bad data never produces a traceback: validation problems are printed the way
``invoke validate`` prints them and the command exits with 1; a failed MkDocs build prints
MkDocs' own messages under a Chinese heading. In both cases the last good site stays.

``--drafts`` is the publicity office's preview: every typical case, drafts and scheduled
ones marked, the site name prefixed with `PREVIEW_PREFIX`, written to
``build/preview-site/`` (never to ``site/``, the folder that is published).

``--clean`` deletes the build caches (``build/cache``) and the generated docs tree first, so
every page is rendered again; the last line says how many pages were rendered and reused.
"""

from __future__ import annotations

import atexit
import dataclasses
import functools
import gc
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

from showcase.atomic import ForeignFolder
from showcase.commands.common import publication_date, validated_model
from showcase.commands.gather import site_inputs
from showcase.commands.validation_apart import validated_apart
from showcase.engine import BuildFailed, DriveStats
from showcase.engine.live import BuildFailure
from showcase.engine.mkdocs_site import build_rendered_site, render_site
from showcase.engine.plugin import SiteState
from showcase.model import Model
from showcase.paths import Layout
from showcase.render.case_visibility import Publicity
from showcase.render.inputs import RenderInputs
from showcase.validate.cache import ValidationCache

PREVIEW_PREFIX = "【草稿预览】"
REFUSAL = "数据有错误，未生成网站（原有网站保持不变）。请按上面的提示修改后重试。"
FIRST_REFUSAL = "数据有错误，未生成网站。请按上面的提示修改后重试。"
DATA_ERRORS = "数据有错误，未生成网站。请按下面的提示修改："


def build(
    root: Path,
    site_dir: Path | None,
    drafts: bool = False,
    today: str = "",
    clean: bool = False,
    *,
    on_failure: Callable[[BuildFailure], None] | None = None,
    validation_cache: ValidationCache | None = None,
    before_render: Callable[[], None] | None = None,
    keep_site: Callable[[RenderInputs, SiteState], None] | None = None,
) -> int:
    """Validate the repository at `root` and build its site; 0 on success, 1 on failure.

    `drafts` builds a preview with draft and scheduled typical cases into
    ``build/preview-site/`` by default; `today` (``YYYY-MM-DD``) sets the publication date;
    `clean` first deletes the build caches and the generated docs tree. `on_failure` also
    receives what a failure printed (``invoke serve``'s banner). `validation_cache` is kept
    by a caller that builds again and again (``invoke serve``); by default the cache on
    disk is read and saved (`showcase.validate.cache`). `before_render` is called once the
    data passed, and `keep_site` receives, after a successful build, what its pages were
    rendered from and with (``invoke serve``'s fast pass, `showcase.engine.fast_page`).
    """
    layout = Layout(root)
    started = time.perf_counter()
    failed = on_failure or _ignore
    if clean:
        clean_build_outputs(layout)
    try:
        day, source = publication_date(today)
    except ValueError as error:
        print(str(error), file=sys.stderr)
        failed(BuildFailure(str(error)))
        return 1
    print("正在检查数据……", flush=True)
    target = site_dir or (preview_site_dir(layout) if drafts else layout.site_dir)
    refusal = REFUSAL if target.is_dir() else FIRST_REFUSAL
    builds_again = validation_cache is not None  # invoke serve: its caches stay in memory
    if (
        not builds_again
        and on_failure is None  # the child prints its problems; it hands none over
        and not ValidationCache.kept_in(layout.validation_cache_dir)
    ):
        # parsing every file leaves ~300 MB behind at 10,000 projects: in a child; with a
        # cache only the changed files are parsed, and the pickle back would cost more
        model, record_digests = validated_apart(layout, refusal)
    else:
        cache = validation_cache or ValidationCache.on_disk(layout.validation_cache_dir)
        model = validated_model(
            layout,
            refusal,
            on_refusal=lambda problems: failed(BuildFailure(DATA_ERRORS, tuple(problems))),
            cache=cache,
        )
        record_digests = cache.record_digests()  # the render memo's keys of the projects
        del cache  # unless the caller keeps it, every file's text and data is garbage now
    if model is None:
        return 1
    if not builds_again:
        _exit_without_collecting()
    counts = f"{len(model.projects)} 个项目，{len(model.colleges)} 个学院"
    preview = "（预览：含草稿和待发布案例）" if drafts else ""
    note = f"典型案例按发布日期 {day.isoformat()}（来自{source}）筛选{preview}。"
    print(f"数据检查通过：{counts}。{note}正在生成网站……", flush=True)
    if drafts:
        model, site_dir = preview_model(model), target
    if before_render is not None:
        before_render()
    pages: list[DriveStats] = []
    try:
        inputs = site_inputs(layout, model, Publicity(day, drafts), record_digests)
        del model, record_digests
        keep = None if keep_site is None else functools.partial(keep_site, inputs)
        rendered = render_site(layout, inputs, site_dir, keep_memo=builds_again)
        del inputs  # unless `keep` holds it, the model is freed before MkDocs forks workers
        built = build_rendered_site(layout, rendered, report=pages.append, keep=keep)
    except BuildFailed as failure:
        _print_failure(failure, kept=target.is_dir())
        failed(BuildFailure(f"构建失败：{failure.message}", details=tuple(failure.details)))
        return 1
    except ForeignFolder as foreign:
        print(foreign.message, file=sys.stderr)
        failed(BuildFailure(foreign.message))
        return 1
    except OSError as error:
        message = f"构建失败：无法读写文件（{error}）。原有网站未改动。"
        print(message, file=sys.stderr)
        failed(BuildFailure(message))
        return 1
    stats = pages[0]
    elapsed = time.perf_counter() - started
    total = stats.rendered + stats.reused
    print(f"网站已生成：{built}（{total} 个页面，用时 {elapsed:.1f} 秒）")
    print(f"重新生成 {stats.rendered:,} 个页面，复用 {stats.reused:,} 个。")
    return 0


def clean_build_outputs(layout: Layout) -> None:
    """Forget every cached output: the next build renders everything from the data."""
    for folder in (layout.cache_dir, layout.docs_tree_dir, layout.published_images_dir):
        shutil.rmtree(folder, ignore_errors=True)


def preview_model(model: Model) -> Model:
    """The model with the site name marked, so every preview page says what it is."""
    return dataclasses.replace(
        model, site=dataclasses.replace(model.site, site_name=PREVIEW_PREFIX + model.site.site_name)
    )


def preview_site_dir(layout: Layout) -> Path:
    """Previews never go to site/, the folder that is published."""
    return layout.build_dir / "preview-site"


@functools.cache
def _exit_without_collecting() -> None:
    """A one-shot build's process exits soon: at exit, the objects alive then are frozen
    out of the cyclic collector's sight.

    Python's shutdown runs full collections over every object still alive (the imported
    engine, theme and Markdown, ~160,000 objects: ~0.2 s at the end of a build at 10,000
    projects) to free memory the system takes back anyway. Registered once per process
    (tests build many times in one); a process that goes on running is unaffected.
    """
    atexit.register(gc.freeze)


def _ignore(_failure: BuildFailure) -> None:
    return


def _print_failure(failure: BuildFailed, *, kept: bool) -> None:
    """MkDocs' messages under a Chinese heading; `kept` says whether an earlier site exists
    (a first build that fails has none to keep)."""
    print(f"构建失败：{failure.message}", file=sys.stderr)
    for detail in failure.details:
        print(f"  - {detail}", file=sys.stderr)
    print("原有网站保持不变。" if kept else "尚未生成过网站。", file=sys.stderr)
