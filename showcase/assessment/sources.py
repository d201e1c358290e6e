"""What each indicator can count (its ``source``), per college, for one academic year.

`SOURCES` is the only list of source ids: `content/assessment.yaml` names one per
indicator, validation refuses any other (``assessment.unknown-source``), and the 评估办法
page explains each with its `Source.label` and `Source.counted`. `college_figures` counts
all of them, for every year at once, in one pass over the projects (`yearly_figures`).
"""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Iterable, Sequence

from showcase.assessment.calls_figures import CALL_SOURCES, call_figures
from showcase.assessment.periods import AcademicYear, local_date
from showcase.assessment.source import Source
from showcase.cases import RELEASED
from showcase.model import ACHIEVEMENT_TYPES, LEVELS, STAGES, Model, Project

LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS)}

SOURCES: dict[str, Source] = {
    "projects.active": Source("在孵项目", "学年结束前已启动、状态不是“已终止”的本学院项目"),
    "projects.new": Source("新增项目", "启动月份在本学年内的本学院项目"),
    **{
        f"projects.level.{level}": Source(
            f"{label}项目", f"在孵项目中，学年末（按孵化历程）处于“{label}”层级的项目"
        )
        for level, label in LEVELS.items()
    },
    **{
        f"projects.stage.{stage}": Source(
            f"{label}项目", f"在孵项目中，当前发展阶段为“{label}”的项目"
        )
        for stage, label in STAGES.items()
    },
    "ladder.moves": Source(
        "输送进阶",
        "孵化历程中日期在本学年内、层级比上一条更高的里程碑"
        "（学院创业苗圃→学校众创空间→校外孵化加速器）",
        "次",
    ),
    "ladder.to-makerspace": Source("输送至众创空间", "本学年进入“学校众创空间”的进阶", "次"),
    "ladder.to-incubator": Source("输送至孵化加速器", "本学年进入“校外孵化加速器”的进阶", "次"),
    **{
        f"achievements.{kind}": Source(
            f"{label}成果", f"日期在本学年内、类型为“{label}”的成果", "项"
        )
        for kind, label in ACHIEVEMENT_TYPES.items()
    },
    "money.raised": Source("融资金额", "本学年“融资”类成果所写金额之和", "元", money=True),
    "money.contracts": Source("合同金额", "本学年“合同”类成果所写金额之和", "元", money=True),
    "events.organised": Source(
        "主办活动",
        "开始日期在本学年内且已开始、主办单位写明本学院、本学院创业苗圃或学生社团名称的活动（含路演）",
        "场",
    ),
    "roadshow.projects": Source(
        "参加路演项目", "本学年已举行的项目路演中登台的本学院项目（同一项目只计一次）"
    ),
    "mentors.engaged": Source("参与导师", "本学院在孵项目所写的创业导师（同一导师只计一次）", "位"),
    "cases.typical": Source(
        "典型案例", "发布日期在本学年内且已到、已审核或已发布的本学院项目典型案例"
    ),
    **CALL_SOURCES,
}


Figures = dict[str, dict[str, float | None]]
"""College id → source id → figure (None: no data), for one academic year."""


def college_figures(model: Model, year: AcademicYear, zone: str, as_of: datetime.date) -> Figures:
    """Every college id → every source id → its figure in `year` (None: no data)."""
    return yearly_figures(model, (year,), zone, as_of)[0][0]


def yearly_figures(
    model: Model, years: Sequence[AcademicYear], zone: str, as_of: datetime.date
) -> list[tuple[Figures, tuple[tuple[str, float], ...]]]:
    """`college_figures`, and the school-wide figures that are not the colleges' sum
    (distinct mentors), of each of `years` (consecutive, oldest first), counted in one
    pass over the projects: each project's dated facts go to the year they fall in,
    instead of every year asking every project (seconds at 10,000). Sums are added in
    project order, as one year at a time adds them, so the figures are the same to the
    last bit."""
    tallies = [_Tally(model, year) for year in years]
    firsts = [year.start[:7] for year in years]
    lasts = [year.end[:7] for year in years]
    for project in model.projects.values():
        if project.college in model.colleges:
            _count_project(project, tallies, firsts, lasts)
    results = []
    for tally in tallies:
        figures = tally.figures
        for college, named in tally.mentors.items():
            figures[college]["mentors.engaged"] = float(len(named))
        _count_events(model, tally.year, zone, as_of, figures)
        _count_cases(model, tally.year, as_of, figures)
        for college, values in call_figures(model, tally.year, as_of).items():
            if college in figures:
                figures[college].update(values)
        results.append((figures, (("mentors.engaged", float(len(tally.school_mentors))),)))
    return results


def counted_facts(project: Project) -> tuple[object, ...]:
    """Everything `yearly_figures` reads of `project` (its id: events, cases and call
    decisions name projects): equal facts, equal figures, whatever else changed (its
    summary, its team). `tests/render/test_assessment_figures.py` proves every other field
    of a project leaves the figures alone."""
    return (
        project.id,
        project.college,
        project.started,
        project.status,
        project.stage,
        project.level,
        project.mentors,
        tuple((m.date, m.level) for m in project.milestones),
        tuple((a.type, a.date, a.amount_cny) for a in project.achievements),
    )


class _Tally:
    """One year's figures while the projects are counted."""

    def __init__(self, model: Model, year: AcademicYear) -> None:
        self.year = year
        self.figures: Figures = {college: dict.fromkeys(SOURCES, 0.0) for college in model.colleges}
        self.mentors: dict[str, set[str]] = {college: set() for college in model.colleges}
        self.school_mentors: set[str] = set()

    def add(self, college: str, key: str, amount: float = 1.0) -> None:
        into = self.figures[college]
        into[key] = (into[key] or 0.0) + amount


def level_at(project: Project, day: str) -> str:
    """The project's level on `day` by its milestones (its level field without any)."""
    reached = [m.level for m in project.milestones if m.date[:10] <= day]
    if reached:
        return reached[-1]
    return project.milestones[0].level if project.milestones else project.level


def ladder_moves(project: Project) -> Iterable[tuple[str, str]]:
    """``(date, level)`` of each milestone that moves the project up a level."""
    previous = None
    for milestone in sorted(project.milestones, key=lambda m: m.date):
        if previous is not None and LEVEL_RANK[milestone.level] > LEVEL_RANK[previous]:
            yield milestone.date, milestone.level
        previous = milestone.level


def _count_project(
    project: Project, tallies: list[_Tally], firsts: list[str], lasts: list[str]
) -> None:
    """Add `project`'s facts to the tally of the year each falls in (`AcademicYear.holds`
    by months: the years are consecutive, so the one to hold a month is found by bisection)."""

    def tally_of(date: str) -> _Tally | None:
        month = date[:7]
        index = bisect.bisect_right(firsts, month) - 1
        return tallies[index] if date and index >= 0 and month <= lasts[index] else None

    college = project.college
    if (tally := tally_of(project.started)) is not None:
        tally.add(college, "projects.new")
    for date, level in ladder_moves(project):
        if (tally := tally_of(date)) is not None:
            tally.add(college, "ladder.moves")
            tally.add(college, f"ladder.to-{level}")
    for achievement in project.achievements:
        if (tally := tally_of(achievement.date)) is not None:
            tally.add(college, f"achievements.{achievement.type}")
            if achievement.type == "funding" and achievement.amount_cny:
                tally.add(college, "money.raised", achievement.amount_cny)
            if achievement.type == "contract" and achievement.amount_cny:
                tally.add(college, "money.contracts", achievement.amount_cny)
    if project.status == "closed":
        return
    # In the ladder (counted as active) in every year from the one whose last month is not
    # before the start month, unless closed.
    for tally in tallies[bisect.bisect_left(lasts, project.started[:7]) :]:
        tally.add(college, "projects.active")
        tally.add(college, f"projects.level.{level_at(project, tally.year.end)}")
        tally.add(college, f"projects.stage.{project.stage}")
        tally.mentors[college].update(project.mentors)
        tally.school_mentors.update(project.mentors)


def _count_events(
    model: Model,
    year: AcademicYear,
    zone: str,
    as_of: datetime.date,
    figures: dict[str, dict[str, float | None]],
) -> None:
    """Events that have begun by `as_of`: a planned roadshow is not yet a pitch."""
    names = {
        college.id: tuple(n for n in (college.name, college.nursery, college.association) if n)
        for college in model.colleges.values()
    }
    pitched: dict[str, set[str]] = {college: set() for college in figures}
    for event in model.public_events():
        day = local_date(event.start, event.timezone, zone)
        if not year.holds(day) or day > as_of.isoformat():
            continue
        for college, spellings in names.items():
            if any(name in event.organiser for name in spellings):
                figures[college]["events.organised"] = (
                    figures[college]["events.organised"] or 0.0
                ) + 1
        if event.type == "roadshow":
            for project_id in event.projects:
                project = model.projects.get(project_id)
                if project is not None and project.college in pitched:
                    pitched[project.college].add(project_id)
    for college, projects in pitched.items():
        figures[college]["roadshow.projects"] = float(len(projects))


def _count_cases(
    model: Model,
    year: AcademicYear,
    as_of: datetime.date,
    figures: dict[str, dict[str, float | None]],
) -> None:
    """Cases published by `as_of` (a scheduled case is not public yet)."""
    for case in model.cases.values():
        project = model.projects.get(case.project)
        published = year.holds(case.publish_date) and case.publish_date <= as_of.isoformat()
        released = case.status in RELEASED and published
        if released and project is not None and project.college in figures:
            values = figures[project.college]
            values["cases.typical"] = (values["cases.typical"] or 0.0) + 1
