"""College pages (学院创业苗圃): one per college, plus the index listing them all.

Projects are grouped by college once (`group_by_college`) and handed in, so building every
college page costs one pass over the projects, not one pass per college. A college's page
is a function of its `CollegePageInputs` alone (its projects as small tuples), so a build
reuses it while they are equal (`showcase.render.memo`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from showcase.assessment import Assessment
from showcase.model import LEVELS, STAGES, STATUSES, College, Model, Project
from showcase.render import paths
from showcase.render.contact import college_contact_section
from showcase.render.dashboard import college_card
from showcase.render.html_blocks import anchor, facts, page, rich_block, section
from showcase.render.roadshow.slots import RoadshowSlots
from showcase.render.text import attribute, rich


def group_by_college(model: Model) -> dict[str, list[Project]]:
    """Every college id mapped to its projects sorted by id (empty list if none)."""
    groups: dict[str, list[Project]] = {college_id: [] for college_id in model.colleges}
    for project in sorted(model.projects.values(), key=lambda p: p.id):
        groups.setdefault(project.college, []).append(project)
    return groups


@dataclass(frozen=True)
class CollegePageInputs:
    """Everything a college's page shows: `college_page` reads only this."""

    college: College
    projects: tuple[tuple[str, str, str, str, str], ...]
    """Id, name, level, stage and status of each of its projects, in page order."""
    roadshow_block: str
    """Its projects' roadshow slots (`RoadshowSlots.college_block`), or empty."""
    assessment_card: str | None
    """Its 评估考核 card (`college_card`); None when the site has no assessment."""


def college_page_inputs(
    college: College,
    projects: Sequence[Project],
    slots: RoadshowSlots | None = None,
    assessment: Assessment | None = None,
) -> CollegePageInputs:
    """What `college_page` needs for `college` and its `projects`: with the site's `slots`,
    its projects' roadshow slots; with the `assessment`, its position and trend."""
    here = paths.college_page(college.id)
    return CollegePageInputs(
        college,
        tuple((p.id, p.name, p.level, p.stage, p.status) for p in projects),
        slots.college_block(projects, here) if slots else "",
        college_card(assessment, college.id, here) if assessment is not None else None,
    )


def college_page(inputs: CollegePageInputs) -> str:
    """One college's page: its nursery, association, projects by level and stage, and
    (when `inputs` say) its projects' roadshow slots and its assessment card."""
    college, projects = inputs.college, inputs.projects
    here = paths.college_page(college.id)
    by_level: dict[str, list[_Listed]] = {level: [] for level in LEVELS}
    for project in projects:
        by_level[project[2]].append(project)
    meta = {
        "title": college.name,
        "description": f"{college.name}：{college.nursery}，{len(projects)} 个项目",
    }
    body = [
        f"<h1>{attribute(college.name)}</h1>",
        facts(
            [
                ("创业苗圃", attribute(college.nursery)),
                ("学生社团", attribute(college.association)),
                ("项目数量", str(len(projects))),
            ]
        ),
        rich_block(rich(college.description, top=2)),
        college_contact_section(college, here),  # Contact (issue 12)
        _level_counts(by_level),
        *(
            section(
                f"{label}（{len(by_level[level])}）",
                _by_stage(here, by_level[level]),
                searchable=True,
            )
            for level, label in LEVELS.items()
        ),
        inputs.roadshow_block,
        inputs.assessment_card or "",
    ]
    styles = (paths.PAGES_STYLESHEET, paths.CONTACT_STYLESHEET)
    if inputs.assessment_card is not None:
        styles += (paths.DASHBOARD_STYLESHEET,)
    return page(meta, body, "sc-college", styles=styles)


_Listed = tuple[str, str, str, str, str]
"""A project as its college's page lists it (`CollegePageInputs.projects`)."""


def _level_counts(by_level: dict[str, list[_Listed]]) -> str:
    cells = "".join(
        f'<div class="sc-stat"><span class="sc-stat__value" data-level="{level}">'
        f'{len(by_level[level])}</span><span class="sc-stat__label">{label}</span></div>'
        for level, label in LEVELS.items()
    )
    return f'<div class="sc-stats">{cells}</div>'


def _by_stage(here: str, projects: Sequence[_Listed]) -> str:
    if not projects:
        return '<p class="sc-meta">暂无项目。</p>'
    blocks = []
    for stage, label in STAGES.items():
        at_stage = [p for p in projects if p[3] == stage]
        if not at_stage:
            continue
        items = "".join(
            f"<li>{anchor(paths.href(here, paths.project_page(project_id)), name)}"
            f' <span class="sc-meta">{STATUSES[status]}</span></li>'
            for project_id, name, _level, _stage, status in at_stage
        )
        blocks.append(f"<h3>{label}（{len(at_stage)}）</h3><ul>{items}</ul>")
    return "".join(blocks)


def render_colleges_index(model: Model, groups: dict[str, list[Project]]) -> str:
    """The list of colleges with their nursery, association and project counts per level."""
    rows = []
    for college in sorted(model.colleges.values(), key=lambda c: c.id):
        projects = groups[college.id]
        levels = " · ".join(
            f"{label} {sum(p.level == level for p in projects)}" for level, label in LEVELS.items()
        )
        link = anchor(paths.href(paths.COLLEGES, paths.college_page(college.id)), college.name)
        rows.append(
            f'<li>{link} <strong>{len(projects)}</strong> 个项目<br><span class="sc-meta">'
            f"{attribute(college.nursery)} · {attribute(college.association)}<br>"
            f"{levels}</span></li>"
        )
    listing = f'<ul class="sc-cards">{"".join(rows)}</ul>' if rows else "<p>暂无学院。</p>"
    meta = {
        "title": "各学院创业苗圃",
        "description": f"{len(rows)} 个学院的创业苗圃与学生社团",
    }
    return page(
        meta,
        ["<h1>各学院创业苗圃</h1>", listing],
        "sc-colleges",
        styles=(paths.PAGES_STYLESHEET, paths.BROWSE_STYLESHEET),
    )
