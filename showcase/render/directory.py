"""The project directory: for now a plain table of every project, linking to its page.

Kept apart from the other pages because it is the page that changes most next (cards,
filters and pagination for 10,000 projects). It is left out of the search index: one row
per project would only duplicate the project pages there.
"""

from __future__ import annotations

from showcase.model import LEVELS, STAGES, STATUSES, Model
from showcase.render import paths
from showcase.render.text import front_matter, inline


def render_directory_page(model: Model) -> str:
    """The Markdown source of the directory page, projects sorted by id."""
    rows = []
    for project in sorted(model.projects.values(), key=lambda p: p.id):
        college = model.colleges[project.college]
        link = paths.link(paths.DIRECTORY, paths.project_page(project.id))
        rows.append(
            f"| [{inline(project.name)}]({link}) | {inline(college.name)} "
            f"| {LEVELS[project.level]} | {STAGES[project.stage]} | {STATUSES[project.status]} |"
        )
    header = "| 项目 | 学院 | 层级 | 阶段 | 状态 |\n| --- | --- | --- | --- | --- |\n"
    table = header + "\n".join(rows) + "\n" if rows else "暂无项目。\n"
    return "\n".join(
        [
            front_matter(
                {
                    "title": "项目名录",
                    "description": f"全部 {len(rows)} 个学生创业项目",
                    "search": {"exclude": True},
                }
            ),
            "# 项目名录\n",
            f"共 {len(rows)} 个项目。\n",
            table,
        ]
    )
