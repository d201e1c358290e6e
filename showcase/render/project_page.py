"""One page per project: everything public about it, in Simplified Chinese.

The body is raw HTML (see `showcase.render.html_blocks`), so MkDocs spends almost nothing
on it. Only the name, summary, college, fields and keywords are left for the search index;
the other sections carry ``data-search-exclude``. Per-page work is constant: registries
are dictionaries and related projects come from a `RelatedIndex` built once per site.
Team members marked non-public never reach this module: the model drops them and keeps
only a count.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from showcase.contacts import Contact
from showcase.model import LEVELS, SEEKING, STAGES, STATUSES, College, Mentor, Model, Project
from showcase.render import paths
from showcase.render.call_pages import call_page
from showcase.render.call_support import Support, SupportIndex
from showcase.render.chinese_numbers import money, time_element, written_date
from showcase.render.contact import BLOCK_ID as CONTACT_ID
from showcase.render.contact import TITLE as CONTACT_TITLE
from showcase.render.contact import project_contact_block
from showcase.render.html_blocks import anchor, bullet_list, facts, page, rich_block, section
from showcase.render.project_sections import achievements, badge, team, timeline
from showcase.render.related import RelatedIndex
from showcase.render.roadshow.slots import RoadshowSlots
from showcase.render.submit_page import edit_link
from showcase.render.text import attribute, rich

__all__ = [
    "ProjectPageInputs",
    "badge",
    "project_page",
    "project_page_inputs",
    "render_project_page",
]

_LINK_LABELS = {"website": "官网", "repo": "代码仓库", "video": "视频"}


@dataclass(frozen=True)
class ProjectPageInputs:
    """Everything a project's page shows, and nothing else: `project_page` reads only this.

    Because the page is a function of this value alone, an equal value means an equal page,
    which is what lets a build reuse the page it rendered before (`showcase.render.memo`).
    """

    project: Project
    college: College
    field_names: tuple[str, ...]
    """The display names of the project's fields, in its order."""
    mentors: tuple[Mentor, ...]
    related: tuple[tuple[str, str, str], ...]
    """Id, name and level of each related project."""
    roadshow_block: str
    support: tuple[Support, ...]
    changed: str
    """The date of the project file's last commit, or empty."""
    site_contacts: tuple[Contact, ...]
    """The makerspace's own offices (the answering office for a team without a mailbox)."""


def project_page_inputs(
    project: Project,
    model: Model,
    related: RelatedIndex,
    last_changed: Mapping[str, str],
    slots: RoadshowSlots,
    support: SupportIndex,
) -> ProjectPageInputs:
    """What `project_page` needs for `project`, taken from the site-wide indexes."""
    return ProjectPageInputs(
        project=project,
        college=model.colleges[project.college],
        field_names=tuple(model.fields[f].name if f in model.fields else f for f in project.fields),
        mentors=tuple(model.mentors[m] for m in project.mentors if m in model.mentors),
        related=tuple((p.id, p.name, p.level) for p in related.related(project)),
        roadshow_block=slots.project_block(project.id, paths.project_page(project.id)),
        support=tuple(support.get(project.id, ())),
        changed=last_changed.get(project.source, ""),
        site_contacts=tuple(model.site.contacts),
    )


def render_project_page(
    project: Project,
    model: Model,
    related: RelatedIndex | None = None,
    last_changed: Mapping[str, str] | None = None,
    slots: RoadshowSlots | None = None,
    support: SupportIndex | None = None,
) -> str:
    """The source of the project's page, for a caller rendering a single page.

    A site build computes `related` (`RelatedIndex`) and `slots` once for every page and
    calls `project_page_inputs` and `project_page` itself; `last_changed` maps a project's
    source file to the date of its last commit (left out when the file has none);
    `support` is what the project received from the calls (`showcase.render.call_support`).
    """
    inputs = project_page_inputs(
        project,
        model,
        related or RelatedIndex(model.projects.values()),
        last_changed or {},
        slots or RoadshowSlots(model),
        support or {},
    )
    return project_page(inputs)


def project_page(inputs: ProjectPageInputs) -> str:
    """The source of a project's page: front matter and one raw HTML block."""
    project = inputs.project
    here = paths.project_page(project.id)
    meta: dict[str, object] = {"title": project.name, "description": project.summary}
    if project.logo:
        meta["social_image"] = paths.project_logo(project.id, project.logo)
    body = [
        _header(project, here),
        f'<p class="sc-summary">{attribute(project.summary)}</p>',
        _facts(project, inputs.college, inputs.field_names, here),
        inputs.roadshow_block,
        section("项目介绍", rich_block(rich(project.description))),
        section("发展历程", timeline(project.milestones)),
        section("成果", achievements(project.achievements)),
        section("获得支持", _support(inputs.support, here)),
        section("团队", team(project)),
        section("创业导师", _mentors(inputs.mentors, here)),
        section("链接", _links(project)),
        section("相关项目", _related(inputs.related, here)),
        # Contact (issue 12): the page's last section, "联系项目团队".
        project_contact_block(project, inputs.college, inputs.site_contacts, here),
        f'<p class="sc-meta sc-updated">最近更新：{time_element(inputs.changed)}</p>'
        if inputs.changed
        else "",
        f'<p class="sc-meta sc-edit"><a href="{attribute(edit_link(here, project.id))}">'
        "修改此项目</a></p>",
    ]
    return page(meta, body, "sc-project", styles=(paths.PAGES_STYLESHEET, paths.CONTACT_STYLESHEET))


def _support(supports: tuple[Support, ...], here: str) -> str:
    """经费支持 and other support from the calls, each linked to its call."""
    items = []
    for entry in supports:
        link = anchor(paths.href(here, call_page(entry.call)), entry.call_title)
        amount = (
            f'，经费支持 <span class="sc-amount">{money(entry.amount)}</span>'
            if entry.amount
            else ""
        )
        proposed = "" if entry.final else "（公示中）"
        items.append(
            f'<span class="sc-achievement__type">{entry.kind_label}</span> {link}：'
            f"{entry.result_label}{amount}{proposed}"
        )
    return bullet_list(items, "sc-achievements")


def _header(project: Project, here: str) -> str:
    logo = ""
    if project.logo:
        src = paths.href(here, paths.project_logo(project.id, project.logo))
        logo = (
            f'<img class="sc-logo" src="{attribute(src)}" alt="{attribute(project.name)} 标志"'
            ' width="80" height="80">'
        )
    badges = "".join(
        (
            badge("level", project.level, LEVELS[project.level]),
            badge("stage", project.stage, STAGES[project.stage]),
            badge("status", project.status, STATUSES[project.status]),
        )
    )
    # The contact block closes the page, three screens down on a phone: a way to it on
    # the first screen.
    jump = f'<p class="sc-project__jump"><a href="#{CONTACT_ID}">{CONTACT_TITLE}</a></p>'
    return (
        f'<header class="sc-project__head">{logo}<div><h1>{attribute(project.name)}</h1>'
        f'<p class="sc-badges">{badges}</p>{jump}</div></header>'
    )


def _facts(project: Project, college: College, field_names: tuple[str, ...], here: str) -> str:
    fields = "、".join(attribute(name) for name in field_names)
    return facts(
        [
            ("所属学院", anchor(paths.href(here, paths.college_page(college.id)), college.name)),
            ("领域", fields),
            ("关键词", "、".join(attribute(k) for k in project.keywords)),
            ("开始时间", written_date(project.started)),
            ("正在寻求", "、".join(SEEKING[s] for s in project.seeking)),
        ]
    )


def _mentors(mentors: tuple[Mentor, ...], here: str) -> str:
    return bullet_list(
        anchor(paths.href(here, paths.mentor_page(m.id)), m.name)
        + f' <span class="sc-meta">{attribute(m.title)} · {attribute(m.organisation)}</span>'
        for m in mentors
    )


def _links(project: Project) -> str:
    return bullet_list(
        anchor(url, label, external=True)
        for key, label in _LINK_LABELS.items()
        if (url := getattr(project.links, key)).startswith(("http://", "https://"))
    )


def _related(projects: tuple[tuple[str, str, str], ...], here: str) -> str:
    return bullet_list(
        anchor(paths.href(here, paths.project_page(id_)), name)
        + " "
        + badge("level", level, LEVELS[level])
        for id_, name, level in projects
    )
