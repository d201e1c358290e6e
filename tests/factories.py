"""Small checked models built in code, for render, engine and browser tests.

They go through `Project.from_data`, the same door the validator uses, so privacy rules
(non-public members dropped) apply exactly as in production.
"""

from __future__ import annotations

from typing import Any

from showcase.model import (
    College,
    Field,
    Mentor,
    Model,
    Project,
    Site,
)

HIDDEN_MEMBER = "隐藏成员甲"
"""The name of a non-public team member; must never appear in any output."""

LEVEL_CYCLE = ("nursery", "makerspace", "incubator")
STAGE_CYCLE = ("seed", "startup", "growth")
STATUS_CYCLE = ("active", "graduated", "paused", "closed")


def make_site(**overrides: Any) -> Site:
    values: dict[str, Any] = {
        "school": "示例纺织工程大学",
        "site_name": "众创空间项目展示",
        "repository": "https://git.example.edu.cn/makerspace/showcase",
        "allowed_email_domains": ("example.edu.cn",),
        "maintainers": ("showcase-admin",),
        "tagline": "从学院创业苗圃到校外孵化加速器，看见每一个学生创业项目。",
    }
    values.update(overrides)
    return Site(**values)


def make_colleges() -> dict[str, College]:
    return {
        "textile": College(
            "textile", "纺织学院", "纺织学院创业苗圃", "纺织工创客协会", ("textile-admin",),
            "纺织学院的**创业苗圃**面向全院学生开放。",
        ),
        "computing": College(
            "computing", "计算机学院", "计算机学院创业苗圃", "计算机工创客协会", ("cs-admin",),
        ),
    }


def make_mentors() -> dict[str, Mentor]:
    return {
        "wang-laoshi": Mentor(
            "wang-laoshi", "王老师", "副教授", "示例纺织工程大学", ("智能纺织品",), "textile",
            "长期从事**功能纺织材料**研究。",
        ),
    }


def make_fields() -> dict[str, Field]:
    return {
        "smart-textiles": Field("smart-textiles", "智能纺织"),
        "ai": Field("ai", "人工智能"),
        "green": Field("green", "绿色环保"),
    }


def project_data(project_id: str, **overrides: Any) -> dict[str, Any]:
    """Raw project data as a college would write it (before `Project.from_data`)."""
    data: dict[str, Any] = {
        "id": project_id,
        "name": "柔性传感织物",
        "college": "textile",
        "level": "makerspace",
        "stage": "startup",
        "status": "active",
        "fields": ["smart-textiles", "ai"],
        "summary": "把柔性传感器织进面料，用于可穿戴健康监测。",
        "started": "2023-09",
        "team": [
            {"name": "张同学", "role": "负责人", "major": "纺织工程", "grade": "2021级"},
            {"name": "李同学", "role": "硬件开发"},
            {"name": HIDDEN_MEMBER, "role": "财务", "public": False},
        ],
        "description": "## 背景\n\n我们的织物能**测量心率**。\n\n- 低成本\n- 可水洗\n",
        "mentors": ["wang-laoshi"],
        "achievements": [
            {"type": "award", "title": "“互联网+”大学生创新创业大赛省赛金奖", "date": "2024-08",
             "issuer": "省教育厅"},
            {"type": "funding", "title": "天使轮融资", "date": "2024-11-15", "amount_cny": 500000},
        ],
        "milestones": [
            {"date": "2023-09", "level": "nursery", "note": "入驻学院创业苗圃"},
            {"date": "2024-03", "level": "makerspace", "note": "通过评审进入学校众创空间"},
        ],
        "seeking": ["investment", "partner"],
        "links": {"website": "https://sensor-fabric.example.com"},
    }
    data.update(overrides)
    return data


def make_project(project_id: str = "sensor-fabric", **overrides: Any) -> Project:
    data = project_data(project_id, **overrides)
    return Project.from_data(data, f"projects/{data['college']}/{project_id}.yaml")


def make_model(projects: list[Project] | None = None, count: int = 0) -> Model:
    """A model with the given projects, or with `count` generated ones spread over every
    level, stage, status and both colleges."""
    if projects is None:
        projects = [
            make_project(
                f"project-{index:05d}",
                name=f"示例项目{index}",
                college=("textile", "computing")[index % 2],
                level=LEVEL_CYCLE[index % 3],
                stage=STAGE_CYCLE[(index // 3) % 3],
                status=STATUS_CYCLE[index % 4],
            )
            for index in range(count)
        ]
    return Model(
        site=make_site(),
        colleges=make_colleges(),
        mentors=make_mentors(),
        fields=make_fields(),
        projects={p.id: p for p in projects},
    )
