"""Roadshow data built in code for scheduler and output tests."""

from __future__ import annotations

from typing import Any

from showcase.model import Model
from showcase.roadshow.scheduler import Plan, schedule
from showcase.roadshows import Agenda, Roadshow, roadshow_from_data
from tests.factories import make_model, make_project


def roadshow_data(**overrides: Any) -> dict[str, Any]:
    """A schema-valid roadshow: two rooms, one day with a lunch break, three criteria."""
    data: dict[str, Any] = {
        "id": "test-roadshow",
        "title": "测试路演",
        "venue": "众创空间路演厅",
        "summary": "测试用的项目路演。",
        "days": [{"date": "2026-05-20", "windows": ["09:00-12:00", "13:00-17:00"]}],
        "rooms": [{"id": "hall-a", "name": "路演厅 A"}, {"id": "hall-b", "name": "路演厅 B"}],
        "format": {
            "pitch_minutes": 8,
            "qa_minutes": 5,
            "changeover_minutes": 2,
            "max_block_minutes": 60,
            "break_minutes": 10,
        },
        "breaks": [{"title": "午餐", "time": "12:00-13:00"}],
        "criteria": [
            {"name": "创新性", "points": 40},
            {"name": "市场", "points": 30},
            {"name": "团队", "points": 30},
        ],
    }
    data.update(overrides)
    return data


def projects_model(count: int, colleges: tuple[str, ...] = ("textile", "computing")) -> Model:
    projects = [
        make_project(
            f"p{index:03d}",
            name=f"路演项目{index}",
            college=colleges[index % len(colleges)],
            fields=[("smart-textiles", "ai", "green")[index % 3]],
            mentors=[],
        )
        for index in range(count)
    ]
    return make_model(projects)


def plan_for(model: Model, **overrides: Any) -> tuple[Roadshow, Plan]:
    data = roadshow_data(projects=sorted(model.projects), **overrides)
    roadshow = roadshow_from_data(data, "content/roadshows/test-roadshow.yaml")
    return roadshow, schedule(roadshow, model.projects, model.mentors)


def with_agenda(model: Model, **overrides: Any) -> Model:
    """`model` with one scheduled roadshow (fails the test if it does not fit)."""
    _, plan = plan_for(model, **overrides)
    assert plan.agenda is not None, plan.issues
    model.roadshows = {plan.agenda.roadshow.id: plan.agenda}
    return model


def slot_of(agenda: Agenda, project_id: str) -> Any:
    return next(slot for slot in agenda.slots if slot.project == project_id)
