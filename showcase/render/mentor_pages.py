"""Mentors (创业导师): a directory in the navigation and one page per mentor (not in it).

Each mentor's projects come from `projects_by_mentor`, built in one pass over the
projects, so the pages together cost time linear in projects plus mentors. A mentor's page
is a function of its `MentorPageInputs` alone (its projects as small tuples), so a build
reuses it while they are equal (`showcase.render.memo`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from showcase.model import LEVELS, College, Mentor, Model, Project
from showcase.render import paths
from showcase.render.html_blocks import anchor, bullet_list, facts, page, rich_block, section
from showcase.render.project_sections import badge
from showcase.render.text import attribute, rich


def projects_by_mentor(model: Model) -> dict[str, list[Project]]:
    """Every mentor id mapped to the projects naming them, in project-id order."""
    groups: dict[str, list[Project]] = {mentor_id: [] for mentor_id in model.mentors}
    for project in sorted(model.projects.values(), key=lambda p: p.id):
        for mentor_id in dict.fromkeys(project.mentors):
            if mentor_id in groups:
                groups[mentor_id].append(project)
    return groups


def render_mentors_index(model: Model, groups: dict[str, list[Project]]) -> str:
    """The mentor directory: a card per mentor with title, organisation and expertise."""
    cards = "".join(
        f"<li>{anchor(paths.href(paths.MENTORS, paths.mentor_page(m.id)), m.name)}"
        f' <span class="sc-meta">{attribute(m.title)}</span><br>{attribute(m.organisation)}'
        f'<br><span class="sc-tags">{_expertise(m)}</span>'
        f'<br><span class="sc-meta">指导 {len(groups[m.id])} 个项目</span></li>'
        for m in model.mentors.values()
    )
    meta = {
        "title": "创业导师",
        "description": f"{len(model.mentors)} 位校内外创业导师，为学生团队提供专业指导",
    }
    body = [
        "<h1>创业导师</h1>",
        "<p>创业导师来自各学院和合作企业，按专长为学生团队提供一对一指导。</p>",
        f'<ul class="sc-cards">{cards}</ul>' if cards else "<p>暂无导师。</p>",
    ]
    return page(meta, body, "sc-mentors", styles=(paths.PAGES_STYLESHEET, paths.BROWSE_STYLESHEET))


@dataclass(frozen=True)
class MentorPageInputs:
    """Everything a mentor's page shows: `mentor_page` reads only this."""

    mentor: Mentor
    college: College | None
    projects: tuple[tuple[str, str, str], ...]
    """Id, name and level of each project the mentor helps, in page order."""


def mentor_page_inputs(
    mentor: Mentor, projects: Sequence[Project], model: Model
) -> MentorPageInputs:
    """What `mentor_page` needs for `mentor` and the `projects` they help."""
    return MentorPageInputs(
        mentor,
        model.colleges.get(mentor.college),
        tuple((p.id, p.name, p.level) for p in projects),
    )


def mentor_page(inputs: MentorPageInputs) -> str:
    """One mentor: who they are, their sanitised bio, and every project they mentor."""
    mentor, college, projects = inputs.mentor, inputs.college, inputs.projects
    here = paths.mentor_page(mentor.id)
    meta = {
        "title": mentor.name,
        "description": f"{mentor.name}，{mentor.title}，{mentor.organisation}",
    }
    project_items = bullet_list(
        anchor(paths.href(here, paths.project_page(project_id)), name)
        + " "
        + badge("level", level, LEVELS[level])
        for project_id, name, level in projects
    )
    body = [
        f"<h1>{attribute(mentor.name)}</h1>",
        facts(
            [
                ("职称", attribute(mentor.title)),
                ("单位", attribute(mentor.organisation)),
                (
                    "所属学院",
                    anchor(paths.href(here, paths.college_page(college.id)), college.name)
                    if college
                    else "",
                ),
                ("专长", f'<span class="sc-tags">{_expertise(mentor)}</span>'),
            ]
        ),
        rich_block(rich(mentor.bio, top=2)),
        section(
            f"指导的项目（{len(projects)}）",
            project_items or '<p class="sc-meta">暂无公开项目。</p>',
            css_class="sc-mentor-projects",
        ),
        f"<p>{anchor(paths.href(here, paths.MENTORS), '← 全部创业导师')}</p>",
    ]
    return page(meta, body, "sc-mentor", styles=(paths.PAGES_STYLESHEET,))


def _expertise(mentor: Mentor) -> str:
    return "".join(f'<span class="sc-tag">{attribute(e)}</span>' for e in mentor.expertise)
