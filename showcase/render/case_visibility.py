"""Which typical cases a build shows, decided against one publication date.

This is the one place where output depends on the date by design: an approved case goes
live on its publish date. The date is, in order: ``SOURCE_DATE_EPOCH`` when set (the
reproducible-builds convention, so a pinned build stays byte-identical), else the
``--today`` option, else the real date in Beijing. A render without a `Publicity` (tests,
benchmarks) uses the build stamp from the data (`showcase.render.clock`), never the clock.

A preview (``drafts=True``) shows every case, drafts and scheduled ones marked as such.

Example::

    publicity = Publicity(resolve_publication_date(None)[0], drafts=False)
    shown = visible_cases(model, publicity)
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass

from showcase.cases import TypicalCase
from showcase.model import Model
from showcase.render.clock import SHANGHAI, build_stamp


@dataclass(frozen=True)
class Publicity:
    as_of: datetime.date
    """Cases whose publish date is on or before this day are live."""
    drafts: bool = False
    """A preview: every case is shown, each not-yet-public one clearly marked."""


def resolve_publication_date(today: datetime.date | None) -> tuple[datetime.date, str]:
    """The publication date and, in Chinese, where it came from."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        day = datetime.datetime.fromtimestamp(int(epoch), tz=SHANGHAI).date()
        return day, "环境变量 SOURCE_DATE_EPOCH"
    if today is not None:
        return today, "--today 参数"
    return datetime.datetime.now(tz=SHANGHAI).date(), "今天的日期"


def default_publicity(model: Model) -> Publicity:
    """For renders without an explicit choice: the data's own build stamp, no drafts."""
    return Publicity(build_stamp(model).date())


def visible_cases(model: Model, publicity: Publicity) -> list[TypicalCase]:
    """The cases to show whose project is in the model, newest year first."""
    return [
        case
        for case in model.cases.values()
        if case.project in model.projects
        and (publicity.drafts or case.is_public_on(publicity.as_of))
    ]


def preview_label(case: TypicalCase, publicity: Publicity) -> str:
    """``草稿`` / ``待发布（2026-12-15）`` for a case the public cannot see yet; else ""."""
    if case.is_public_on(publicity.as_of):
        return ""
    if case.status == "draft":
        return "草稿"
    return f"待发布（{case.publish_date} 上线）"
