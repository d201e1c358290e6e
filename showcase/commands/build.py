"""``invoke build [--site-dir DIR] [--drafts] [--today YYYY-MM-DD]``: validate → render → build.

Bad data never produces a traceback: validation problems are printed the way
``invoke validate`` prints them and the command exits with 1; a failed MkDocs build prints
MkDocs' own messages under a Chinese heading. In both cases the last good site stays.

``--drafts`` is the publicity office's preview: every typical case, drafts and scheduled
ones marked, the site name prefixed with `PREVIEW_PREFIX`, written to
``build/preview-site/`` (never to ``site/``, the folder that is published).
"""

from __future__ import annotations

import dataclasses
import sys
import time
from pathlib import Path

from showcase.atomic import ForeignFolder
from showcase.commands.common import publication_date, validated_model
from showcase.commands.gather import site_inputs
from showcase.engine import BuildFailed, build_site
from showcase.model import Model
from showcase.paths import Layout
from showcase.render.case_visibility import Publicity
from showcase.validate.cache import ValidationCache

PREVIEW_PREFIX = "【草稿预览】"
REFUSAL = "数据有错误，未生成网站（原有网站保持不变）。请按上面的提示修改后重试。"


def build(
    root: Path,
    site_dir: Path | None,
    drafts: bool = False,
    today: str = "",
    validation_cache: ValidationCache | None = None,
) -> int:
    """Validate the repository at `root` and build its site; 0 on success, 1 on failure.

    `drafts` builds a preview with draft and scheduled typical cases into
    ``build/preview-site/`` by default; `today` (``YYYY-MM-DD``) sets the publication date.
    `validation_cache` is kept by a caller that builds again and again (``invoke serve``);
    by default the cache on disk is read and saved (`showcase.validate.cache`).
    """
    layout = Layout(root)
    started = time.perf_counter()
    try:
        day, source = publication_date(today)
    except ValueError as error:
        print(str(error), file=sys.stderr)
        return 1
    print("正在检查数据……", flush=True)
    cache = validation_cache or ValidationCache.on_disk(layout.validation_cache_dir)
    model = validated_model(layout, REFUSAL, cache=cache)
    del cache  # unless the caller keeps it, every file's text and data is garbage now
    if model is None:
        return 1
    counts = f"{len(model.projects)} 个项目，{len(model.colleges)} 个学院"
    preview = "（预览：含草稿和待发布案例）" if drafts else ""
    note = f"典型案例按发布日期 {day.isoformat()}（来自{source}）筛选{preview}。"
    print(f"数据检查通过：{counts}。{note}正在生成网站……", flush=True)
    if drafts:
        model, site_dir = preview_model(model), site_dir or preview_site_dir(layout)
    try:
        built = build_site(layout, site_inputs(layout, model, Publicity(day, drafts)), site_dir)
    except BuildFailed as failure:
        _print_failure(failure)
        return 1
    except ForeignFolder as refused:
        print(refused.message, file=sys.stderr)
        return 1
    except OSError as error:
        print(f"构建失败：无法读写文件（{error}）。原有网站未改动。", file=sys.stderr)
        return 1
    pages = sum(1 for _ in built.rglob("*.html"))
    elapsed = time.perf_counter() - started
    print(f"网站已生成：{built}（{pages} 个页面，用时 {elapsed:.1f} 秒）")
    return 0


def preview_model(model: Model) -> Model:
    """The model with the site name marked, so every preview page says what it is."""
    return dataclasses.replace(
        model, site=dataclasses.replace(model.site, site_name=PREVIEW_PREFIX + model.site.site_name)
    )


def preview_site_dir(layout: Layout) -> Path:
    """Previews never go to site/, the folder that is published."""
    return layout.build_dir / "preview-site"


def _print_failure(failure: BuildFailed) -> None:
    print(f"构建失败：{failure.message}", file=sys.stderr)
    for detail in failure.details:
        print(f"  - {detail}", file=sys.stderr)
    print("原有网站保持不变。", file=sys.stderr)
