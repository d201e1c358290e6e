"""A call of the checked model, as the review's pure parts take it.

`CallReview` gathers, for one call: its applications as `Submission`s (project, college,
mentors), its reviewers as `Panelist`s (a mentor's college from content/mentors.yaml, an
outside expert's declared conflicts), the score categories, the assignment, each
reviewer's `SheetSpec` and each application's `Dossier`. `call-packets` and
`call-results` both start here, so the results read exactly the sheets the packets wrote.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from showcase.calls import Application, Call
from showcase.funding.assignment import Assignment, Panelist, Submission, assign
from showcase.funding.packets import Dossier
from showcase.funding.scoring import Category
from showcase.funding.sheets import SheetSpec
from showcase.model import Model


@dataclass(frozen=True)
class CallReview:
    call: Call
    applications: tuple[Application, ...]
    submissions: tuple[Submission, ...]
    panel: tuple[Panelist, ...]
    categories: tuple[Category, ...]
    assignment: Assignment

    def panelist(self, reviewer: str) -> Panelist:
        return next(p for p in self.panel if p.id == reviewer)

    def specs(self) -> dict[str, SheetSpec]:
        """The score sheet of every reviewer who has at least one application."""
        names = {s.project: s.name for s in self.submissions}
        return {
            p.id: SheetSpec(
                self.call.id,
                self.call.title,
                p.id,
                p.name,
                self.categories,
                tuple((project, names[project]) for project in self.assignment.assigned_to(p.id)),
            )
            for p in self.panel
            if self.assignment.assigned_to(p.id)
        }


def call_review(model: Model, call: Call) -> CallReview:
    applications = tuple(model.applications_to(call.id))
    submissions = tuple(_submission(model, a) for a in applications)
    panel = _panel(model, call)
    categories = tuple(
        Category(c.id, c.name, c.weight, c.min, c.max, c.description) for c in call.score_categories
    )
    plan = assign(submissions, panel, call.reviews_per_application)
    return CallReview(call, applications, submissions, panel, categories, plan)


def dossiers(model: Model, review: CallReview) -> dict[str, Dossier]:
    """Every application as its reviewers read it, by project id."""
    found = {}
    for application in review.applications:
        project = model.projects[application.project]
        college = model.colleges[project.college].name
        mentors = tuple(model.mentors[m].name for m in project.mentors if m in model.mentors)
        team = tuple(f"{m.name}（{m.role}）" for m in project.team)
        recommendation = application.recommendation
        said = ""
        if recommendation is not None:
            said = "推荐" if recommendation.recommended else "不推荐"
            if recommendation.rank is not None:
                said += f"，院内排序第 {recommendation.rank}"
            if recommendation.opinion:
                said += f"：{recommendation.opinion}"
        found[application.project] = Dossier(
            project=project.id,
            name=project.name,
            college=college,
            summary=project.summary,
            plan=application.plan,
            mentors=mentors,
            team=team,
            member_names=(*(m.name for m in project.team), *mentors, college),
            requested=application.requested_amount,
            budget_lines=tuple((b.item, b.amount, b.note) for b in application.budget_lines),
            milestones=tuple((m.date, m.what) for m in application.milestones),
            recommendation=said,
        )
    return found


def _submission(model: Model, application: Application) -> Submission:
    project = model.projects[application.project]
    college = model.colleges.get(project.college)
    return Submission(
        project.id,
        project.name,
        project.college,
        project.mentors,
        college.name if college else project.college,
    )


def _panel(model: Model, call: Call) -> tuple[Panelist, ...]:
    """The reviewers, named as people read them; a name two reviewers share gets the id."""
    named = []
    for reviewer in call.reviewers:
        mentor = model.mentors.get(reviewer.mentor) if reviewer.mentor else None
        name = mentor.name if mentor else reviewer.name
        named.append((reviewer, mentor, name))
    shared = Counter(name for _, _, name in named)
    return tuple(
        Panelist(
            reviewer.id,
            name if shared[name] == 1 else f"{name}-{reviewer.id}",
            mentor=reviewer.mentor,
            college=mentor.college if mentor else "",
            conflicts=reviewer.conflicts,
        )
        for reviewer, mentor, name in named
    )
