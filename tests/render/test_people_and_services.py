"""Mentor, college and service pages."""

from __future__ import annotations

import re

from showcase.render.college_page import college_page, college_page_inputs, group_by_college
from showcase.render.mentor_pages import (
    mentor_page,
    mentor_page_inputs,
    projects_by_mentor,
    render_mentors_index,
)
from showcase.render.services_page import render_services_page
from tests.factories import make_model, make_project


def test_mentor_page_lists_exactly_their_projects() -> None:
    mentored = [make_project(f"m-{n}", name=f"有导师{n}") for n in range(3)]
    unmentored = [make_project(f"u-{n}", name=f"无导师{n}", mentors=[]) for n in range(2)]
    model = make_model([*unmentored, *mentored])
    groups = projects_by_mentor(model)
    assert [p.id for p in groups["wang-laoshi"]] == ["m-0", "m-1", "m-2"]
    page = mentor_page(
        mentor_page_inputs(model.mentors["wang-laoshi"], groups["wang-laoshi"], model)
    )
    assert re.findall(r'href="\.\./\.\./projects/([^/]+)/"', page) == ["m-0", "m-1", "m-2"]
    assert "指导的项目（3）" in page and "<strong>功能纺织材料</strong>" in page


def test_mentor_directory_has_a_card_per_mentor() -> None:
    model = make_model(count=4)
    page = render_mentors_index(model, projects_by_mentor(model))
    assert '<a href="wang-laoshi/">王老师</a>' in page
    assert "副教授" in page and "智能纺织品" in page and "指导 4 个项目" in page


def test_services_are_grouped_by_category_in_the_policy_order() -> None:
    page = render_services_page(make_model())
    sections = re.findall(r'<section id="service-([a-z]+)"', page)
    assert sections == ["legal", "ip", "financing"]
    assert "<h2>法律援助</h2>" in page and "<h2>融资投资</h2>" in page
    assert "<strong>申请表</strong>" in page and "A 座 105 室" in page
    assert 'href="https://financing.example.edu.cn" rel="noopener nofollow"' in page


def test_college_page_groups_projects_by_level_and_stage() -> None:
    model = make_model(count=18)
    groups = group_by_college(model)
    page = college_page(college_page_inputs(model.colleges["textile"], groups["textile"]))
    assert "<h2>学院创业苗圃（3）</h2>" in page
    assert "<h3>种子期（1）</h3>" in page
    assert page.count('href="../../projects/') == len(groups["textile"])
