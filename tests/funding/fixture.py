"""A small call's panel for the score-sheet tests: 4 applications, 4 reviewers, 2 each."""

from __future__ import annotations

from showcase.funding.assignment import Panelist, Submission, assign
from showcase.funding.scoring import Category
from showcase.funding.sheets import SheetSpec

CALL, CALL_TITLE = "2026-seed-fund", "2026 年度创新创业项目经费资助"
CATEGORIES = (
    Category("value", "选题价值", 0.4, 0, 10, "问题是否真实、重要，成果有没有用处。"),
    Category("plan", "内容设计", 0.3, 0, 10, "目标、内容和进度安排是否清楚可行。"),
    Category("team", "条件保障", 0.3, 0, 10),
)
SUBMISSIONS = (
    Submission("smart-yarn", "智能纱线", "textile", ("wen",), "纺织学院"),
    Submission("reader", "无障碍阅读器", "computing", ("lin",), "计算机学院"),
    Submission("denim", "旧衣新生", "arts", ("cen",), "艺术学院"),
    Submission("mascot", "校园吉祥物", "arts", (), "艺术学院"),
)
PANEL = (
    Panelist("wen", "闻思远", mentor="wen", college="textile"),
    Panelist("lin", "林知行", mentor="lin", college="computing"),
    Panelist("zhao", "赵专家", conflicts=("denim",)),
    Panelist("qian", "钱专家", conflicts=("computing",)),
)


def specs() -> dict[str, SheetSpec]:
    """Each reviewer's sheet, as `call-packets` would write it for this panel."""
    plan = assign(SUBMISSIONS, PANEL, 2)
    names = {s.project: s.name for s in SUBMISSIONS}
    return {
        p.id: SheetSpec(
            CALL,
            CALL_TITLE,
            p.id,
            p.name,
            CATEGORIES,
            tuple((project, names[project]) for project in plan.assigned_to(p.id)),
        )
        for p in PANEL
        if plan.assigned_to(p.id)
    }
