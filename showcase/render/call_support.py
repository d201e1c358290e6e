"""What each project received from the calls, as the public may see it on a given day.

One owner for "which decisions are public": a decision counts from the first day of its
call's 公示 (`Call.decisions_public`), marked 公示中 until 公示 ends; only supported
results (立项, 入驻, 推荐) are listed, never a rejection, a rank, a score or a reviewer.
The project pages (获得支持) and the open data (``support``, 经费支持（元）) read it.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from showcase.calls import CALL_KINDS, DECISION_RESULTS, SUPPORTED
from showcase.model import Model


@dataclass(frozen=True)
class Support:
    call: str
    call_title: str
    kind: str
    result: str
    amount: int | None
    """Yuan granted, None when the call grants no money."""
    final: bool
    """False while the call's 公示 runs: the result is proposed, not yet final."""

    @property
    def kind_label(self) -> str:
        return CALL_KINDS[self.kind]

    @property
    def result_label(self) -> str:
        return DECISION_RESULTS[self.result]


SupportIndex = Mapping[str, tuple[Support, ...]]
"""Project id → what it received, in the order of the calls (by 申报 opening)."""


def public_support(model: Model, day: datetime.date) -> SupportIndex:
    """Every project's public support on the publication day `day`."""
    found: dict[str, list[Support]] = {}
    for call in model.calls.values():
        if not call.decisions_public(day):
            continue
        final = not call.in_publicity(day)
        for decision in call.decisions:
            if decision.result in SUPPORTED:
                found.setdefault(decision.project, []).append(
                    Support(call.id, call.title, call.kind, decision.result, decision.amount, final)
                )
    return {project: tuple(items) for project, items in found.items()}


def granted_total(supports: tuple[Support, ...]) -> int:
    """The money granted in final decisions, in yuan."""
    return sum(s.amount or 0 for s in supports if s.final)
