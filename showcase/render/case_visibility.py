"""Which typical cases a build shows, decided against one publication date.

This is the one place where output depends on the date by design: an approved case goes
live on its publish date. The command chooses the date
(`showcase.commands.common.publication_date`); without a choice it is the day of the
build stamp (`showcase.render.clock`), never the clock.

A preview (``drafts=True``) shows every case, drafts and scheduled ones marked as such.

Example::

    publicity = Publicity(datetime.date(2026, 11, 25), drafts=False)
    shown = visible_cases(model, publicity)
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from showcase.cases import TypicalCase
from showcase.model import Model
from showcase.render.chinese_numbers import written_date


@dataclass(frozen=True)
class Publicity:
    as_of: datetime.date
    """Cases whose publish date is on or before this day are live."""
    drafts: bool = False
    """A preview: every case is shown, each not-yet-public one clearly marked."""


def visible_cases(model: Model, publicity: Publicity) -> list[TypicalCase]:
    """The cases to show whose project is in the model, newest year first."""
    return [
        case
        for case in model.cases.values()
        if case.project in model.projects
        and (publicity.drafts or case.is_public_on(publicity.as_of))
    ]


def preview_label(case: TypicalCase, publicity: Publicity) -> str:
    """``草稿`` / ``待发布（2026 年 12 月 15 日上线）`` for a case the public cannot see yet; else ""."""
    if case.is_public_on(publicity.as_of):
        return ""
    if case.status == "draft":
        return "草稿"
    return f"待发布（{written_date(str(case.publish_date))}上线）"
