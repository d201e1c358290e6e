"""A small model and plan whose assessment is worked out by hand in the tests.

Academic year 2025-2026 = 2025-09-01 … 2026-08-31 (Beijing time).

textile (2000 students in 2025-2026):
  t1 started 2024-09; nursery 2024-09 → makerspace 2025-10 (a move in the year);
     funding 2025-12 ¥300,000; award 2026-03; award 2025-08 (previous year)
  t2 started 2025-11 (new); nursery 2025-11; contract 2026-01 ¥50,000;
     funding 2026-09 ¥100,000 (next year)
  t3 started 2023-03, closed (not active); award 2025-10 (counted: an award of the year)
computing (1000 students):
  c1 started 2025-09 (new); nursery 2025-09 → makerspace 2026-02 → incubator 2026-08
     (two moves); funding 2026-05 ¥50,000
  c2 started 2022-01, nursery, no milestones (active, not new)
arts (500 students): no projects.
"""

from __future__ import annotations

import datetime
from typing import Any

from showcase.assessment_plan import AssessmentPlan, plan_from_data
from showcase.model import College, Model
from tests.factories import make_fields, make_mentors, make_project, make_site

AS_OF = datetime.date(2026, 11, 30)

PLAN_DATA: dict[str, Any] = {
    "period": {"start_month": 9, "timezone": "Asia/Shanghai"},
    "ranking": {"minimum_projects": 2},
    "advanced": {"top": 1, "minimum_total": 50},
    "indicators": [
        {
            "id": "active",
            "name": "在孵项目",
            "counts": "在孵项目，按每千名学生折算。",
            "source": "projects.active",
            "weight": 30,
            "minimum": 1,
            "scoring": {"kind": "ratio", "per": "students", "unit": 1000, "full_at": 2},
        },
        {
            "id": "moves",
            "name": "输送成熟项目",
            "counts": "进阶次数。",
            "source": "ladder.moves",
            "weight": 30,
            "scoring": {"kind": "threshold", "threshold": 1, "base": 20, "increment": 10},
        },
        {
            "id": "money",
            "name": "融资金额",
            "counts": "融资，按在孵项目数折算。",
            "source": "money.raised",
            "weight": 20,
            "scoring": {"kind": "ratio", "per": "teams", "full_at": 100000},
        },
        {
            "id": "awards",
            "name": "竞赛获奖",
            "counts": "奖项。",
            "source": "achievements.award",
            "weight": 20,
            "scoring": {"kind": "threshold", "threshold": 1, "base": 10, "increment": 5},
        },
        {
            "id": "contracts",
            "name": "合同金额",
            "counts": "只展示。",
            "source": "money.contracts",
            "weight": 0,
            "scoring": {"kind": "threshold"},
        },
    ],
}


def plan() -> AssessmentPlan:
    return plan_from_data(PLAN_DATA)


def _college(college_id: str, name: str, students: int) -> College:
    return College(
        college_id,
        name,
        f"{name}创业苗圃",
        f"{name}创客协会",
        ("admin",),
        students=(("2025-2026", students),),
    )


def _award(date: str) -> dict[str, Any]:
    return {"type": "award", "title": f"{date} 获奖", "date": date}


def _money(kind: str, date: str, amount: int) -> dict[str, Any]:
    return {"type": kind, "title": f"{date} {kind}", "date": date, "amount_cny": amount}


def _steps(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [{"date": date, "level": level} for date, level in pairs]


def model() -> Model:
    projects = [
        make_project(
            "t1",
            college="textile",
            started="2024-09",
            level="makerspace",
            milestones=_steps(("2024-09", "nursery"), ("2025-10", "makerspace")),
            achievements=[
                _money("funding", "2025-12", 300000),
                _award("2026-03"),
                _award("2025-08"),
            ],
        ),
        make_project(
            "t2",
            college="textile",
            started="2025-11",
            level="nursery",
            milestones=_steps(("2025-11", "nursery")),
            achievements=[
                _money("contract", "2026-01", 50000),
                _money("funding", "2026-09", 100000),
            ],
        ),
        make_project(
            "t3",
            college="textile",
            started="2023-03",
            level="nursery",
            status="closed",
            milestones=_steps(("2023-03", "nursery")),
            achievements=[_award("2025-10")],
        ),
        make_project(
            "c1",
            college="computing",
            started="2025-09",
            level="incubator",
            milestones=_steps(
                ("2025-09", "nursery"), ("2026-02", "makerspace"), ("2026-08", "incubator")
            ),
            achievements=[_money("funding", "2026-05", 50000)],
        ),
        make_project(
            "c2",
            college="computing",
            started="2022-01",
            level="nursery",
            milestones=[],
            achievements=[],
        ),
    ]
    return Model(
        site=make_site(),
        colleges={
            "textile": _college("textile", "纺织学院", 2000),
            "computing": _college("computing", "计算机学院", 1000),
            "arts": _college("arts", "艺术学院", 500),
        },
        mentors=make_mentors(),
        fields=make_fields(),
        projects={p.id: p for p in projects},
        assessment=plan(),
    )
