"""Steps several commands share, written once.

- `validated_model`: validate the repository, print the problems, refuse to go on;
- `format_supported`: the ``--format`` check of the commands that print problems;
- `project_schema`: the repository's project schema, else the one this checkout ships;
- `publication_date`: the day typical cases are judged against (``--today``, the
  ``SOURCE_DATE_EPOCH`` convention, or today in Beijing).
"""

from __future__ import annotations

import datetime
import os
import sys
from collections.abc import Callable
from typing import Any

from showcase.load.schemas import load_schema
from showcase.model import Model
from showcase.paths import Layout, repository_root
from showcase.problems import Problem
from showcase.render.clock import SHANGHAI
from showcase.validate import validate_repository
from showcase.validate.cache import ValidationCache
from showcase.validate.personal_data import redact
from showcase.validate.report import FORMATS, format_problems


def validated_model(
    layout: Layout,
    refusal: str,
    *,
    show_warnings: bool = True,
    on_refusal: Callable[[list[Problem]], None] | None = None,
    cache: ValidationCache | None = None,
) -> Model | None:
    """The checked model, or None after printing the problems and `refusal` (why nothing
    was written). `show_warnings` prints the warnings of a repository that passed too;
    `on_refusal` receives the printed problems (redacted as printed), for the preview;
    `cache` reuses the results of unchanged files (`showcase.validate.cache`)."""
    result = validate_repository(layout, cache=cache)
    if result.problems and (show_warnings or result.model is None):
        print(format_problems(result.problems, "text", files_checked=result.files_checked))
    if result.model is None:
        print(refusal, file=sys.stderr)
        if on_refusal is not None:
            on_refusal([redact(problem) for problem in result.problems])
    return result.model


def project_schema(layout: Layout) -> dict[str, Any]:
    """The project schema of `layout`'s repository, else the one this checkout ships: a
    repository of data alone (a test's, a synthetic one) builds, just as the build falls
    back to the package's mkdocs.yml."""
    return shipped_schema(layout, "project")


def shipped_schema(layout: Layout, kind: str) -> dict[str, Any]:
    """`kind`'s schema in `layout`'s repository, else the one this checkout ships."""
    own = layout.schema(kind)
    return load_schema(own if own.is_file() else Layout(repository_root()).schema(kind))


def format_supported(fmt: str) -> bool:
    """True for an output format of `showcase.validate.report`; else says which exist."""
    if fmt in FORMATS:
        return True
    print(f"不支持的输出格式：{fmt}。可选：{'、'.join(FORMATS)}。", file=sys.stderr)
    return False


def publication_date(today: str) -> tuple[datetime.date, str]:
    """The publication date and, in Chinese, where it came from.

    In order: ``SOURCE_DATE_EPOCH`` when set (the reproducible-builds convention, so a
    pinned build stays byte-identical), else `today` (``YYYY-MM-DD``, the ``--today``
    option), else the real date in Beijing. A malformed `today` raises ValueError with a
    Chinese message, even when ``SOURCE_DATE_EPOCH`` wins.
    """
    chosen = _parse_today(today)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        day = datetime.datetime.fromtimestamp(int(epoch), tz=SHANGHAI).date()
        return day, "环境变量 SOURCE_DATE_EPOCH"
    if chosen is not None:
        return chosen, "--today 参数"
    return datetime.datetime.now(tz=SHANGHAI).date(), "今天的日期"


def _parse_today(text: str) -> datetime.date | None:
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"--today 的日期「{text}」无效：请写成 YYYY-MM-DD，例如 2026-11-25。"
        ) from None
