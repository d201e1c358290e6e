"""Figures from calls (申报、立项、经费、检查): applications, funded projects, money, checkpoints.

Issue 15 adds the call records to the checked model (``model.calls``,
``model.applications``). Until they exist every college's figure is None ("no data"),
which the pages show as 无数据 and which scores no points, for every college alike.
"""

from __future__ import annotations

from showcase.assessment.periods import AcademicYear
from showcase.assessment.source import Source
from showcase.model import Model

CALL_SOURCES = {
    "calls.applications": Source("项目申报", "本学年截止的项目申报通知中，本学院提交的申报", "项"),
    "calls.funded": Source("获批立项", "本学年获批立项（资助）的本学院申报", "项"),
    "calls.funding": Source(
        "资助经费", "本学年获批立项的本学院申报的资助金额之和", "元", money=True
    ),
    "calls.checkpoints-passed": Source(
        "检查通过", "本学年中期检查、结题等检查中结论为“通过”的本学院项目", "次"
    ),
}


def call_figures(model: Model, year: AcademicYear) -> dict[str, dict[str, float | None]]:
    """College id → call source → figure; None ("no data") for every college while the
    model holds no call records."""
    del year  # used once the call records exist (issue 15)
    if not hasattr(model, "applications"):
        return {college: dict.fromkeys(CALL_SOURCES) for college in model.colleges}
    return {college: dict.fromkeys(CALL_SOURCES, 0.0) for college in model.colleges}
