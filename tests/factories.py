"""Small checked models built in code, for render, engine and browser tests.

They go through `Project.from_data`, the same door the validator uses, so privacy rules
(members who are not named kept apart from the team) apply exactly as in production.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from showcase.contacts import Contact, Partner
from showcase.load.schemas import load_schema
from showcase.model import (
    College,
    Event,
    Field,
    Mentor,
    Model,
    Project,
    Service,
    Site,
    event_from_data,
    service_from_data,
)
from showcase.paths import Layout, repository_root

LEVEL_CYCLE = ("nursery", "makerspace", "incubator")
STAGE_CYCLE = ("seed", "startup", "growth")
STATUS_CYCLE = ("active", "graduated", "paused", "closed")


def project_schema() -> dict[str, Any]:
    """The project schema this checkout ships."""
    return shipped_schema("project")


def schema_keys(schema: dict[str, Any]) -> set[str]:
    """Every property name anywhere in `schema`: words a form for people must not show."""
    keys: set[str] = set()
    pending = [schema]
    while pending:
        node = pending.pop()
        keys |= set(node.get("properties", {}))
        pending += [c for c in node.get("properties", {}).values() if isinstance(c, dict)]
        pending += [node["items"]] if isinstance(node.get("items"), dict) else []
    return keys


def shipped_schema(kind: str) -> dict[str, Any]:
    """`kind`'s schema as this checkout ships it."""
    return load_schema(Layout(repository_root()).schema(kind))


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
            "textile",
            "纺织学院",
            "纺织学院创业苗圃",
            "纺织工创客协会",
            ("textile-admin",),
            "纺织学院的**创业苗圃**面向全院学生开放。",
        ),
        "computing": College(
            "computing",
            "计算机学院",
            "计算机学院创业苗圃",
            "计算机工创客协会",
            ("cs-admin",),
        ),
    }


def make_mentors() -> dict[str, Mentor]:
    return {
        "wang-laoshi": Mentor(
            "wang-laoshi",
            "王老师",
            "副教授",
            "示例纺织工程大学",
            ("智能纺织品",),
            "textile",
            "长期从事**功能纺织材料**研究。",
        ),
    }


def make_fields() -> dict[str, Field]:
    return {
        "smart-textiles": Field("smart-textiles", "智能纺织"),
        "ai": Field("ai", "人工智能"),
        "green": Field("green", "绿色环保"),
    }


def make_events() -> dict[str, Event]:
    """Two events in start order: a roadshow with speakers and projects, and a salon."""
    events = [
        event_from_data(
            {
                "id": "2026-spring-roadshow",
                "title": "2026 春季项目路演",
                "type": "roadshow",
                "start": "2026-04-22 13:30",
                "end": "2026-04-22 17:30",
                "location": "众创空间路演厅",
                "organiser": "创业指导中心",
                "summary": "入驻项目面向导师和投资机构路演。",
                "description": "路演分**两轮**进行。",
                "speakers": [
                    {"name": "王老师", "mentor": "wang-laoshi"},
                    {"name": "赵投资人", "title": "合伙人"},
                ],
                "projects": ["project-00001", "hostile", "sensor-fabric"],
                "registration": "https://forms.example.edu.cn/roadshow",
            }
        ),
        event_from_data(
            {
                "id": "2026-ip-salon",
                "title": "专利与软著沙龙",
                "type": "salon",
                "start": "2026-11-12 19:00",
                "end": "2026-11-12 20:30",
                "location": "图书馆研讨室",
                "organiser": "知识产权办公室",
                "summary": "聊清楚什么能申请专利、何时申请。",
            }
        ),
    ]
    return {e.id: e for e in events}


def make_services() -> dict[str, Service]:
    services = [
        service_from_data(
            {
                "id": "legal-aid",
                "category": "legal",
                "name": "创业法律援助",
                "provider": "法律诊所",
                "offers": ["合同审阅"],
                "how_to_apply": "在线填写**申请表**。",
                "office": "A 座 105 室",
            }
        ),
        service_from_data(
            {
                "id": "financing",
                "category": "financing",
                "name": "融资对接",
                "provider": "合作投资机构",
                "offers": ["路演推荐", "投资人对接"],
                "how_to_apply": "向创业指导中心提出申请。",
                "link": "https://financing.example.edu.cn",
            }
        ),
        service_from_data(
            {
                "id": "patents",
                "category": "ip",
                "name": "专利申请指导",
                "provider": "知识产权办公室",
                "offers": ["专利检索"],
                "how_to_apply": "经学院苗圃汇总后报送。",
            }
        ),
    ]
    return {s.id: s for s in services}


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
            {"role": "财务", "major": "会计学", "public": False},
        ],
        "description": "## 背景\n\n我们的织物能**测量心率**。\n\n- 低成本\n- 可水洗\n",
        "mentors": ["wang-laoshi"],
        "achievements": [
            {
                "type": "award",
                "title": "“互联网+”大学生创新创业大赛省赛金奖",
                "date": "2024-08",
                "issuer": "省教育厅",
            },
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
        events=make_events(),
        services=make_services(),
    )


NURSERY = Contact(
    office="纺织学院创业苗圃办公室",
    answers="项目对接、参观预约",
    address="纺织楼 A208 室",
    phone="025-84315201",
    email="jingwei@example.edu.cn",
    wechat="示例经纬苗圃",
    hours="工作日 8:30–17:00",
    qr_image="content/pages/img/qr-jingwei.png",
    key="college-textile-nursery",
)
DESK = Contact(
    office="众创空间服务台",
    phone="025-84312000-802",
    email="makerspace@example.edu.cn",
    qr_url="https://makerspace.example.edu.cn/",
    key="site-1",
)
PARTNER = Partner(
    "science-park",
    "示例科创园孵化器",
    Contact(office="科创园入孵服务部", phone="400-820-6618", key="partner-science-park"),
    summary="承接成长期项目。",
    website="https://incubator.example.com/",
)


def with_contacts(model: Model, textile: tuple[Contact, ...] = (NURSERY,)) -> Model:
    """`model` with contacts: the textile college's (`textile`), the makerspace's service
    desk (a QR code drawn from an address) and one incubator partner; computing has none."""
    colleges = dict(model.colleges)
    colleges["textile"] = dataclasses.replace(colleges["textile"], contacts=textile)
    model.colleges = colleges
    model.site = dataclasses.replace(model.site, contacts=(DESK,))
    model.partners = {PARTNER.id: PARTNER}
    return model
