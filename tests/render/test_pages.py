"""Page generators: what each page shows, what it must never show, and stable output."""

from __future__ import annotations

import markdown

from showcase.render import paths
from showcase.render.clock import data_epoch
from showcase.render.college_page import college_page, college_page_inputs, group_by_college
from showcase.render.project_page import render_project_page
from tests.factories import make_model, make_project
from tests.render.helpers import render

EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "toc"]


def _html(page_source: str) -> str:
    """The page body as MkDocs would render it (front matter stripped)."""
    body = page_source.split("\n---\n", 1)[1] if page_source.startswith("---\n") else page_source
    return markdown.markdown(body, extensions=EXTENSIONS)


def test_project_page_shows_public_facts_with_chinese_labels() -> None:
    project = make_project()
    html = _html(render_project_page(project, make_model([project])))
    for expected in (
        "柔性传感织物",
        "学校众创空间",
        "初创期",
        "在孵",
        "纺织学院",
        "智能纺织",
        "张同学",
        "李同学",
        "王老师",
        "天使轮融资",
        "50 万元",
        "入驻学院创业苗圃",
        "https://sensor-fabric.example.com",
        "<strong>测量心率</strong>",
    ):
        assert expected in html, expected


def test_members_not_named_are_counted_on_the_project_page() -> None:
    tree = render(make_model([make_project()]))
    page = tree.files["projects/sensor-fabric/index.md"].decode()
    assert '<p class="sc-meta">另有 1 名成员未公开姓名。</p>' in page


def test_plain_fields_are_escaped_everywhere() -> None:
    hostile = make_project(
        "hostile",
        name="<script>alert(1)</script>*粗*",
        summary="_斜_ [链接](javascript:alert(1)) <img src=x onerror=alert(1)>",
        team=[{"name": "<b>王</b>", "role": "| 破坏表格 |"}],
        achievements=[{"type": "award", "title": "**奖**<script>", "date": "2024-01"}],
        milestones=[{"date": "2024-01", "level": "nursery", "note": "<i>备注</i>"}],
    )
    tree = render(make_model([hostile]))
    for path in ("projects/hostile/index.md", "projects/index.md", "colleges/textile.md"):
        html = _html(tree.files[path].decode())
        assert "<script>alert" not in html and "<img" not in html and "<b>王" not in html, path
        assert "<em>" not in html and 'href="javascript' not in html, path
    project_html = _html(tree.files["projects/hostile/index.md"].decode())
    assert "&lt;script&gt;alert(1)&lt;/script&gt;*粗*" in project_html
    assert "| 破坏表格 |" in project_html and "<i>备注" not in project_html


def test_description_is_sanitised() -> None:
    project = make_project(
        description='<script>alert(1)</script><img src=x onerror="alert(2)">'
        "[坏链接](javascript:alert(3)) [好链接](https://ok.example)",
    )
    page = render_project_page(project, make_model([project]))
    assert "<script" not in page and "onerror" not in page and "javascript:" not in page
    assert '<a href="https://ok.example" rel="noopener nofollow">好链接</a>' in page


def test_front_matter_title_is_escaped_for_the_theme() -> None:
    project = make_project(name="</title><script>x</script>")
    page = render_project_page(project, make_model([project]))
    assert page.splitlines()[1] == 'title: "&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;"'


def test_college_page_groups_projects_by_level() -> None:
    model = make_model(count=9)
    groups = group_by_college(model)
    page = college_page(college_page_inputs(model.colleges["textile"], groups["textile"]))
    assert "<h2>学院创业苗圃（" in page and "<h2>校外孵化加速器（" in page
    assert page.count('href="../../projects/') == len(groups["textile"])
    assert "<strong>创业苗圃</strong>" in _html(page)


def test_project_and_college_pages_are_not_in_nav() -> None:
    tree = render(make_model(count=5), content_pages={"about.md": "# 关于我们\n\n正文。\n"})
    targets = [
        entry if isinstance(entry, str) else next(iter(entry.values())) for entry in tree.nav
    ]
    assert targets == [
        "index.md",
        "projects/index.md",
        "colleges/index.md",
        "mentors/index.md",
        "events/index.md",
        "roadshows/index.md",
        "cases/index.md",
        "services/index.md",
        "data/index.md",
        "submit/index.md",
        "contact/index.md",
        "pages/about.md",
    ]
    assert "pages/about.md" in tree.files


def test_rendering_is_deterministic() -> None:
    first = render(make_model(count=20), content_pages={"b.md": "# B\n", "a.md": "# A\n"})
    second = render(make_model(count=20), content_pages={"a.md": "# A\n", "b.md": "# B\n"})
    assert first == second
    assert list(first.files) == sorted(first.files)


def test_logo_is_copied_beside_the_project_page() -> None:
    project = make_project(logo="./Logo.PNG")
    tree = render(make_model([project]))
    source = "projects/textile/sensor-fabric/Logo.PNG"
    assert tree.images == {"projects/sensor-fabric/logo.png": source}
    page = tree.files["projects/sensor-fabric/index.md"].decode()
    assert '<img class="sc-logo" src="logo.png"' in page


def test_data_epoch_is_the_newest_date_in_the_data() -> None:
    assert data_epoch(make_model([make_project()])) == 1731628800  # 2024-11-15 UTC
    assert data_epoch(make_model([])) == 0


def test_a_repository_without_projects_renders_every_listing_empty() -> None:
    """A new installation starts with no project file; its first build must not crash."""
    files = render(make_model([])).files
    assert paths.HOME in files and paths.DIRECTORY in files
