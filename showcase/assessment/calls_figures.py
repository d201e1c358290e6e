"""Figures from calls (申报、立项、经费、检查): applications, funded projects, money, checkpoints.

The checked model holds the call records (`showcase.calls`): ``model.calls`` (each with
its phases and the office's ``decisions``), ``model.applications`` and
``model.checkpoints``. While it holds no call at all, every college's figure is None
("no data"), shown as 无数据 and scoring nothing, for every college alike.

An application counts in the academic year its call's 申报 closes; a decision in the year
its 公示 begins, and only once that has begun (a decision is never shown before it is
public); a checkpoint in the year its report was submitted, when its result is 通过.
"""

from __future__ import annotations

import datetime

from showcase.assessment.periods import AcademicYear
from showcase.assessment.source import Source
from showcase.calls import SUPPORTED
from showcase.model import Model

CALL_SOURCES = {
    "calls.applications": Source(
        "项目申报", "申报截止日期在本学年内的申报通知中，本学院项目提交的申报", "项"
    ),
    "calls.funded": Source(
        "获批立项",
        "公示开始日期在本学年内、已公示的决定中获批（立项、入驻或推荐）的本学院申报",
        "项",
    ),
    "calls.funding": Source("资助经费", "同上，获批申报的资助金额之和", "元", money=True),
    "calls.checkpoints-passed": Source(
        "检查通过", "报告提交日期在本学年内、结论为“通过”的中期检查和结题", "次"
    ),
}
PASSED = "passed"
"""The checkpoint result 通过 (`showcase.calls.CHECKPOINT_RESULTS`)."""


def call_figures(
    model: Model, year: AcademicYear, as_of: datetime.date
) -> dict[str, dict[str, float | None]]:
    """College id → call source → figure; None for every college while the model holds
    no call records."""
    calls = model.calls
    if not calls:
        return {college: dict.fromkeys(CALL_SOURCES) for college in model.colleges}
    figures = {college: dict.fromkeys(CALL_SOURCES, 0.0) for college in model.colleges}

    def add(college: str, source: str, amount: float = 1.0) -> None:
        if college in figures:
            figures[college][source] = (figures[college][source] or 0.0) + amount

    for application in model.applications.values():
        call = calls.get(application.call)
        if call is not None and year.holds(call.phase("application").end[:10]):
            add(application.college, "calls.applications")
    for call in calls.values():
        publicity = call.phase("publicity").start
        if not call.decisions_public(as_of) or not year.holds(publicity[:10]):
            continue
        for decision in call.decisions:
            project = model.projects.get(decision.project)
            if project is not None and decision.result in SUPPORTED:
                add(project.college, "calls.funded")
                add(project.college, "calls.funding", float(decision.amount or 0))
    for report in model.checkpoints.values():
        if report.result == PASSED and year.holds(report.submitted[:10]):
            add(report.college, "calls.checkpoints-passed")
    return figures
