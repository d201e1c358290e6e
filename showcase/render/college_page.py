"""College pages (学院创业苗圃): one per college, plus the index listing them all.

Projects are grouped by college once (`group_by_college`) and handed in, so building every
college page costs one pass over the projects, not one pass per college.
"""

from __future__ import annotations

from collections.abc import Sequence

from showcase.model import LEVELS, STAGES, STATUSES, College, Model, Project
from showcase.render import paths
from showcase.render.text import front_matter, inline, rich


def group_by_college(model: Model) -> dict[str, list[Project]]:
    """Every college id mapped to its projects sorted by id (empty list if none)."""
    groups: dict[str, list[Project]] = {college_id: [] for college_id in model.colleges}
    for project in sorted(model.projects.values(), key=lambda p: p.id):
        groups.setdefault(project.college, []).append(project)
    return groups


def render_college_page(college: College, projects: Sequence[Project]) -> str:
    """The Markdown source of one college's page: its nursery, association, projects by level."""
    page = paths.college_page(college.id)
    description = rich(college.description)
    sections = [
        front_matter(
            {
                "title": college.name,
                "description": f"{college.name}：{college.nursery}，{len(projects)} 个项目",
            }
        ),
        f"# {inline(college.name)}\n",
        f'<div class="sc-description">\n{description}\n</div>\n' if description else "",
        f"- **创业苗圃**：{inline(college.nursery)}\n"
        f"- **学生社团**：{inline(college.association)}\n"
        f"- **项目数量**：{len(projects)}\n",
    ]
    for level, label in LEVELS.items():
        at_level = [p for p in projects if p.level == level]
        sections.append(f"## {label}（{len(at_level)}）\n")
        sections.append(_project_list(page, at_level))
    return "\n".join(section for section in sections if section)


def _project_list(page: str, projects: Sequence[Project]) -> str:
    if not projects:
        return "暂无项目。\n"
    items = [
        f"- [{inline(p.name)}]({paths.link(page, paths.project_page(p.id))})"
        f" · {STAGES[p.stage]} · {STATUSES[p.status]}"
        for p in projects
    ]
    return "\n".join(items) + "\n"


def render_colleges_index(model: Model, groups: dict[str, list[Project]]) -> str:
    """The Markdown source of the list of colleges with their project counts."""
    rows = [
        f"| [{inline(college.name)}]({paths.link(paths.COLLEGES, paths.college_page(college.id))}) "
        f"| {inline(college.nursery)} | {inline(college.association)} | {len(groups[college.id])} |"
        for college in sorted(model.colleges.values(), key=lambda c: c.id)
    ]
    header = "| 学院 | 创业苗圃 | 学生社团 | 项目数量 |\n| --- | --- | --- | --- |\n"
    description = f"{len(rows)} 个学院的创业苗圃与学生社团"
    return "\n".join(
        [
            front_matter({"title": "各学院创业苗圃", "description": description}),
            "# 各学院创业苗圃\n",
            header + "\n".join(rows) + "\n" if rows else "暂无学院。\n",
        ]
    )
