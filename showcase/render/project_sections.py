"""The data-heavy blocks of a project page: ladder timeline, achievements and team.

Each returns raw HTML (or an empty string when the project has nothing to show) and
escapes every value it prints.
"""

from __future__ import annotations

from showcase.model import ACHIEVEMENT_TYPES, LEVELS, Achievement, Milestone, Project, TeamMember
from showcase.render.chinese_numbers import money, time_element
from showcase.render.text import attribute

_LEVEL_ORDER = {level: index for index, level in enumerate(LEVELS)}


def badge(kind: str, value: str, label: str) -> str:
    """A coloured label such as 众创空间; `kind` and `value` become CSS classes."""
    return f'<span class="sc-badge sc-badge--{kind} sc-{kind}-{value}">{attribute(label)}</span>'


def timeline(milestones: tuple[Milestone, ...]) -> str:
    """The climb up the ladder, oldest first (ties follow the ladder's order)."""
    ordered = sorted(milestones, key=lambda m: (m.date, _LEVEL_ORDER.get(m.level, 0)))
    items = "".join(
        f'<li class="sc-timeline__step sc-timeline__step--{m.level}">'
        f"{time_element(m.date)}"
        f"{badge('level', m.level, LEVELS[m.level])}"
        + (f"<p>{attribute(m.note)}</p>" if m.note else "")
        + "</li>"
        for m in ordered
    )
    return f'<ol class="sc-timeline">{items}</ol>' if items else ""


def achievements(entries: tuple[Achievement, ...]) -> str:
    """Achievements, newest first: type label, title, date, amount and issuer."""
    ordered = sorted(entries, key=lambda a: (a.date, a.title), reverse=True)
    items = "".join(_achievement(a) for a in ordered)
    return f'<ul class="sc-achievements">{items}</ul>' if items else ""


def _achievement(entry: Achievement) -> str:
    details = [time_element(entry.date)]
    if entry.amount_cny is not None:
        details.append(f'<span class="sc-amount">{money(entry.amount_cny)}</span>')
    if entry.issuer:
        details.append(f"<span>{attribute(entry.issuer)}</span>")
    return (
        f'<li><span class="sc-achievement__type sc-achievement--{entry.type}">'
        f"{ACHIEVEMENT_TYPES[entry.type]}</span> <strong>{attribute(entry.title)}</strong>"
        f'<br><span class="sc-meta">{" · ".join(details)}</span></li>'
    )


def hidden_members_note(project: Project) -> str:
    """The sentence every output uses for the members who are not named ("" when none).

    Showing the count is deliberate: it tells investors and partners the real team size
    without naming anyone who asked not to be named.
    """
    count = project.hidden_members
    return f"另有 {count} 名成员未公开姓名。" if count else ""


def team(project: Project) -> str:
    """The named members, then how many more are not named."""
    items = "".join(_member(m) for m in project.team)
    members = f'<ul class="sc-team">{items}</ul>' if items else ""
    note = hidden_members_note(project)
    return members + (f'<p class="sc-meta">{note}</p>' if note else "")


def _member(member: TeamMember) -> str:
    extra = " ".join(attribute(v) for v in (member.major, member.grade) if v)
    return (
        f'<li><strong class="sc-team__name">{attribute(member.name)}</strong>'
        f" <span>{attribute(member.role)}</span>"
        + (f' <span class="sc-meta">{extra}</span>' if extra else "")
        + "</li>"
    )
