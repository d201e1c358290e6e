"""Who presents, in which track, and which panels may see them.

- `select_projects`: the explicit ``projects`` list plus every active project matching
  the ``selection`` rule, each once, in track order and then by id (a stable order the
  scheduler fills rooms in).
- `track_of`: the first track whose fields meet the project's fields ("" for none).
- `conflict_reason`: why a judge may not see a project (own college, a project they
  mentor, a declared conflict), or None.

Example::

    select_projects(roadshow, model.projects)   # ["battery-second-life", ...]
"""

from __future__ import annotations

from collections.abc import Mapping

from showcase.model import Mentor, Project
from showcase.roadshows import Judge, Roadshow


def select_projects(roadshow: Roadshow, projects: Mapping[str, Project]) -> list[str]:
    """Project ids taking part, explicit ones and rule matches, in scheduling order."""
    chosen = {project_id for project_id in roadshow.projects if project_id in projects}
    if not roadshow.selection.empty:
        chosen |= {p.id for p in projects.values() if _matches(roadshow, p)}
    order = {track.id: index for index, track in enumerate(roadshow.tracks)}
    return sorted(
        chosen,
        key=lambda pid: (order.get(track_of(roadshow, projects[pid]), len(order)), pid),
    )


def track_of(roadshow: Roadshow, project: Project) -> str:
    for track in roadshow.tracks:
        if set(track.fields) & set(project.fields):
            return track.id
    return ""


def conflict_reason(judge: Judge, project: Project, mentors: Mapping[str, Mentor]) -> str | None:
    """The Chinese reason `judge` must not see `project`, or None when they may."""
    mentor = mentors.get(judge.mentor)
    college = judge.college or (mentor.college if mentor else "")
    if college and college == project.college:
        return "本学院项目"
    if judge.mentor and judge.mentor in project.mentors:
        return "所指导的项目"
    if project.id in judge.conflicts:
        return "声明回避"
    return None


def _matches(roadshow: Roadshow, project: Project) -> bool:
    rule = roadshow.selection
    return (
        project.status == "active"
        and (not rule.levels or project.level in rule.levels)
        and (not rule.stages or project.stage in rule.stages)
        and (not rule.fields or bool(set(rule.fields) & set(project.fields)))
        and (not rule.colleges or project.college in rule.colleges)
        and (not rule.seeking_investment or "investment" in project.seeking)
    )
