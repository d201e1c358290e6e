"""One page per project: everything public about it, in Simplified Chinese.

The page only reads the project and the registries it points to (its college and
mentors), so its cost does not grow with the number of projects. Team members marked
non-public never reach this module: the model drops them and keeps only a count.
"""

from __future__ import annotations

from showcase.model import ACHIEVEMENT_TYPES, LEVELS, SEEKING, STAGES, STATUSES, Model, Project
from showcase.render import paths
from showcase.render.text import attribute, front_matter, inline, rich

_LINK_LABELS = {"website": "官网", "repo": "代码仓库", "video": "视频"}


def render_project_page(project: Project, model: Model) -> str:
    """The Markdown source of the project's page."""
    page = paths.project_page(project.id)
    sections = [
        front_matter({"title": project.name, "description": project.summary}),
        f"# {inline(project.name)}\n",
        _badges(project),
        _logo(project),
        f"{inline(project.summary)}\n",
        _facts(project, model, page),
        _description(project),
        _team(project),
        _achievements(project),
        _milestones(project),
        _mentors(project, model),
        _links(project),
    ]
    return "\n".join(section for section in sections if section)


def badge(kind: str, value: str, label: str) -> str:
    """A coloured label such as 众创空间; `kind` and `value` become CSS classes."""
    return f'<span class="sc-badge sc-badge--{kind} sc-{kind}-{value}">{attribute(label)}</span>'


def _badges(project: Project) -> str:
    badges = (
        badge("level", project.level, LEVELS[project.level]),
        badge("stage", project.stage, STAGES[project.stage]),
        badge("status", project.status, STATUSES[project.status]),
    )
    return f'<p class="sc-badges">{"".join(badges)}</p>\n'


def _logo(project: Project) -> str:
    if not project.logo:
        return ""
    logo = paths.link(paths.project_page(project.id), paths.project_logo(project.id, project.logo))
    return f'![{inline(project.name)} 标志]({logo}){{ .sc-logo width="96" height="96" }}\n'


def _facts(project: Project, model: Model, page: str) -> str:
    college = model.colleges[project.college]
    college_link = paths.link(page, paths.college_page(college.id))
    field_names = "、".join(_field_name(model, field_id) for field_id in project.fields)
    facts = [
        f"- **所属学院**：[{inline(college.name)}]({college_link})",
        f"- **领域**：{inline(field_names)}",
        f"- **开始时间**：{inline(project.started)}",
    ]
    if project.seeking:
        facts.append(f"- **正在寻求**：{'、'.join(SEEKING[s] for s in project.seeking)}")
    return "\n".join(facts) + "\n"


def _field_name(model: Model, field_id: str) -> str:
    known = model.fields.get(field_id)
    return known.name if known else field_id


def _description(project: Project) -> str:
    html = rich(project.description)
    if not html:
        return ""
    return f'## 项目介绍\n\n<div class="sc-description">\n{html}\n</div>\n'


def _team(project: Project) -> str:
    rows = [
        f"| {inline(m.name)} | {inline(m.role)} "
        f"| {inline(m.major) or '—'} | {inline(m.grade) or '—'} |"
        for m in project.team
    ]
    table = "| 姓名 | 角色 | 专业 | 年级 |\n| --- | --- | --- | --- |\n" + "\n".join(rows) + "\n"
    hidden = ""
    if project.hidden_members:
        hidden = f"\n另有 {project.hidden_members} 名成员未公开姓名。\n"
    return f"## 团队\n\n{table}{hidden}"


def _achievements(project: Project) -> str:
    if not project.achievements:
        return ""
    rows = [
        f"| {ACHIEVEMENT_TYPES[a.type]} | {inline(a.title)} | {inline(a.date)} "
        f"| {inline(a.issuer) or '—'} | {_amount(a.amount_cny)} |"
        for a in sorted(project.achievements, key=lambda a: (a.date, a.title))
    ]
    header = "| 类型 | 名称 | 日期 | 颁发或出资方 | 金额 |\n| --- | --- | --- | --- | --- |\n"
    return f"## 成果\n\n{header}" + "\n".join(rows) + "\n"


def _amount(amount_cny: float | None) -> str:
    """Amounts in 万元 as Chinese readers expect, without float noise (12.5 万元)."""
    if amount_cny is None:
        return "—"
    return f"{amount_cny / 10_000:,.2f}".rstrip("0").rstrip(".") + " 万元"


def _milestones(project: Project) -> str:
    if not project.milestones:
        return ""
    items = [
        f'<li><time>{attribute(m.date)}</time> {badge("level", m.level, LEVELS[m.level])}'
        + (f" {attribute(m.note)}" if m.note else "")
        + "</li>"
        for m in project.milestones
    ]
    return '## 发展历程\n\n<ol class="sc-timeline">\n' + "\n".join(items) + "\n</ol>\n"


def _mentors(project: Project, model: Model) -> str:
    mentors = [model.mentors[m] for m in project.mentors if m in model.mentors]
    if not mentors:
        return ""
    items = [
        f"- **{inline(m.name)}**，{inline(m.title)}，{inline(m.organisation)}" for m in mentors
    ]
    return "## 创业导师\n\n" + "\n".join(items) + "\n"


def _links(project: Project) -> str:
    urls = [
        (label, getattr(project.links, key))
        for key, label in _LINK_LABELS.items()
        if getattr(project.links, key).startswith(("http://", "https://"))
    ]
    if not urls:
        return ""
    items = [
        f'- <a href="{attribute(url)}" rel="noopener nofollow">{label}</a>' for label, url in urls
    ]
    return "## 链接\n\n" + "\n".join(items) + "\n"
