"""Project pages: timeline, achievements, mentors, related projects, privacy and links."""

from __future__ import annotations

from showcase.render.project_page import render_project_page
from showcase.render.related import RelatedIndex
from tests.factories import make_model, make_project
from tests.render.helpers import render, unresolved_links


def test_timeline_lists_milestones_oldest_first() -> None:
    project = make_project(
        milestones=[
            {"date": "2025-06", "level": "incubator", "note": "进入校外孵化器"},
            {"date": "2023-09", "level": "nursery", "note": "入驻苗圃"},
            {"date": "2024-03", "level": "makerspace"},
        ]
    )
    page = render_project_page(project, make_model([project]))
    timeline = page.split('<ol class="sc-timeline">', 1)[1].split("</ol>", 1)[0]
    positions = [timeline.index(date) for date in ("2023-09", "2024-03", "2025-06")]
    assert positions == sorted(positions)
    assert "sc-timeline__step--incubator" in timeline and "<p>进入校外孵化器</p>" in timeline


def test_achievements_show_type_title_date_amount_and_issuer_newest_first() -> None:
    project = make_project()
    page = render_project_page(project, make_model([project]))
    block = page.split('<ul class="sc-achievements">', 1)[1].split("</ul>", 1)[0]
    assert block.index("天使轮融资") < block.index("省赛金奖")
    for expected in ("融资", "获奖", "2024 年 11 月 15 日", "50 万元", "省教育厅"):
        assert expected in block, expected


def test_mentors_link_to_their_pages() -> None:
    project = make_project()
    page = render_project_page(project, make_model([project]))
    assert '<a href="../../mentors/wang-laoshi/">王老师</a>' in page


def test_external_links_do_not_pass_on_the_visitor() -> None:
    project = make_project(links={"website": "https://a.example", "repo": "ftp://b.example"})
    page = render_project_page(project, make_model([project]))
    assert '<a href="https://a.example" rel="noopener nofollow">官网</a>' in page
    assert "ftp://" not in page


def test_related_projects_are_at_most_four_and_never_the_project_itself() -> None:
    model = make_model(count=40)
    index = RelatedIndex(model.projects.values())
    for project in model.projects.values():
        related = index.related(project)
        assert 0 < len(related) <= 4
        assert project.id not in {p.id for p in related}
        assert len({p.id for p in related}) == len(related)


def test_related_projects_prefer_the_same_field_and_are_deterministic() -> None:
    alone = make_project("alone", fields=["green"], college="computing")
    same_field = make_project("same-field", fields=["green"], college="textile")
    others = [make_project(f"other-{n}", fields=["ai"], college="computing") for n in range(5)]
    model = make_model([alone, same_field, *others])
    first = [p.id for p in RelatedIndex(model.projects.values()).related(alone)]
    again = [p.id for p in RelatedIndex(reversed(list(model.projects.values()))).related(alone)]
    assert first[0] == "same-field" and first == again and len(first) == 4


def test_a_project_with_no_neighbours_has_no_related_section() -> None:
    project = make_project()
    assert "相关项目" not in render_project_page(project, make_model([project]))


def test_last_change_date_comes_from_the_mapping_or_is_left_out() -> None:
    project = make_project()
    model = make_model([project])
    dated = render_project_page(project, model, last_changed={project.source: "2026-03-01"})
    assert '最近更新：<time datetime="2026-03-01">2026 年 3 月 1 日</time>' in dated
    assert "最近更新" not in render_project_page(project, model)


def test_only_name_summary_and_facts_are_left_for_search() -> None:
    project = make_project()
    page = render_project_page(project, make_model([project]))
    for title in ("团队", "成果", "发展历程", "项目介绍"):
        assert f"data-search-exclude>\n<h2>{title}</h2>" in page, title
    head = page.split("<section", 1)[0]
    assert "柔性传感织物" in head and "智能纺织" in head and "纺织学院" in head


def test_every_link_on_generated_pages_resolves() -> None:
    model = make_model([make_project(logo="logo.png"), *make_model(count=6).projects.values()])
    tree = render(model)
    checked = [
        path
        for path in tree.files
        if path.startswith(
            (
                "projects/project-",
                "projects/sensor",
                "colleges/",
                "mentors/",
                "events/",
                "services/",
            )
        )
        and path.endswith(".md")
    ]
    assert len(checked) > 10
    for path in checked:
        assert unresolved_links(tree, path) == [], path


def test_project_page_stays_small() -> None:
    project = make_project()
    page = render_project_page(project, make_model([project]))
    assert len(page.encode()) < 6000
