"""Calls for applications (申报通知), applications and checkpoint reports, after validation.

A call (``content/calls/<id>.yaml``) says who may apply, when each phase runs (Beijing
wall-clock ``YYYY-MM-DD HH:MM`` strings: string order is time order), how the experts
score and how their scores are combined; after the review the office commits its
``decisions`` into the same file. An application and a checkpoint report live in the
applying project's folder, so which project and call they belong to is their path
(`showcase.paths.application_file_path`): one application per project and call, by
construction. Scores never enter the repository; nothing here holds one.

Whether decisions are public is derived from the dates (`Call.decisions_public`), never
from a flag, so a committed block stays unseen until its 公示 starts.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

CALL_KINDS = {
    "nursery-intake": "苗圃入驻",
    "makerspace-intake": "众创空间入驻",
    "incubation": "孵化推荐",
    "funding": "经费资助",
}
COMBINE_METHODS = {
    "mean": "平均分",
    "median": "中位数",
    "normalised-mean": "按评审人归一化后的平均分",
}
DECISION_RESULTS = {
    "funded": "立项",
    "admitted": "入驻",
    "recommended": "推荐",
    "rejected": "不予支持",
}
SUPPORTED = frozenset({"funded", "admitted", "recommended"})
"""Decision results that mean the project is supported (all but 不予支持)."""
CHECKPOINT_KINDS = {"midterm": "中期检查", "final": "结题"}
CHECKPOINT_RESULTS = {"passed": "通过", "rectify": "限期整改", "failed": "不合格"}
PHASES = {
    "application": "申报",
    "recommendation": "学院推荐",
    "review": "评审",
    "publicity": "公示",
    "results": "结果公布",
}
"""The phases of a call in the order they must run, with their Chinese names."""


@dataclass(frozen=True)
class CallPhase:
    key: str
    """One of `PHASES`."""
    start: str
    end: str = ""
    """Empty for 结果公布, which has only a start."""

    @property
    def name(self) -> str:
        return PHASES[self.key]


@dataclass(frozen=True)
class ObjectionChannel:
    """Where to object during 公示: an office's institutional contacts, never a person's."""

    office: str
    email: str = ""
    phone: str = ""
    note: str = ""


@dataclass(frozen=True)
class Eligibility:
    """Who may apply; an empty tuple or None means no limit."""

    levels: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    colleges: tuple[str, ...] = ()
    team_min: int | None = None
    team_max: int | None = None

    def unmet(
        self, level: str, stage: str, status: str, college: str, team_size: int
    ) -> tuple[str, ...]:
        """The criteria a project with these facts fails: ``level``, ``stage``,
        ``status``, ``college``, ``team_min``, ``team_max``; empty when it may apply."""
        failed = (
            ("level", bool(self.levels) and level not in self.levels),
            ("stage", bool(self.stages) and stage not in self.stages),
            ("status", bool(self.statuses) and status not in self.statuses),
            ("college", bool(self.colleges) and college not in self.colleges),
            ("team_min", self.team_min is not None and team_size < self.team_min),
            ("team_max", self.team_max is not None and team_size > self.team_max),
        )
        return tuple(key for key, fails in failed if fails)


@dataclass(frozen=True)
class Budget:
    total: int
    """Yuan."""
    cap: int
    """Yuan per project."""


@dataclass(frozen=True)
class ScoreCategory:
    id: str
    name: str
    weight: float
    min: int
    max: int
    description: str = ""


@dataclass(frozen=True)
class Reviewer:
    """A mentor of the registry (`mentor`) or an external expert (`name`, `institution`).

    Never shown on the site or in open data: only the review packets name reviewers.
    """

    id: str
    mentor: str = ""
    name: str = ""
    institution: str = ""
    conflicts: tuple[str, ...] = ()
    """Project or college ids this reviewer must not review."""


@dataclass(frozen=True)
class CheckpointDue:
    kind: str
    """One of `CHECKPOINT_KINDS`."""
    due: str
    """``YYYY-MM-DD``."""


@dataclass(frozen=True)
class Decision:
    project: str
    result: str
    """One of `DECISION_RESULTS`."""
    amount: int | None = None
    """Yuan granted; None when the call grants no money or the project none."""
    rank: int | None = None


@dataclass(frozen=True)
class Call:
    id: str
    title: str
    kind: str
    summary: str
    eligibility: Eligibility
    phases: tuple[CallPhase, ...]
    """Every phase of `PHASES`, in that order."""
    objections: ObjectionChannel
    score_categories: tuple[ScoreCategory, ...]
    reviewers: tuple[Reviewer, ...]
    reviews_per_application: int
    combine: str
    """One of `COMBINE_METHODS`."""
    description: str = ""
    organiser: str = ""
    budget: Budget | None = None
    checkpoints: tuple[CheckpointDue, ...] = ()
    decisions: tuple[Decision, ...] = ()
    """As the office committed them, in file order; empty until then."""
    source: str = ""

    def phase(self, key: str) -> CallPhase:
        return next(phase for phase in self.phases if phase.key == key)

    def current_phase(self, day: datetime.date) -> str:
        """The key of the phase under way on `day` (a phase counts from its first day):
        ``"upcoming"`` before 申报 opens; between two phases, the one that began last, but
        the days between 申报's close and the next phase belong to the next one (colleges
        recommend), so a call is never "accepting" after its deadline."""
        current = "upcoming"
        for phase in self.phases:
            if phase.start[:10] <= day.isoformat():
                current = phase.key
        if current == "application" and self.applications_closed(day):
            return "recommendation"  # 申报 closed: never shown as open after its deadline
        return current

    def accepts_applications(self, day: datetime.date) -> bool:
        """申报 is open on `day`, its first and its closing day included."""
        application = self.phase("application")
        return application.start[:10] <= day.isoformat() <= application.end[:10]

    def applications_closed(self, day: datetime.date) -> bool:
        """申报 closed before `day`: no new application (`check-pr`), and the site may
        list who applied."""
        return self.phase("application").end[:10] < day.isoformat()

    def in_publicity(self, day: datetime.date) -> bool:
        publicity = self.phase("publicity")
        return publicity.start[:10] <= day.isoformat() <= publicity.end[:10]

    def decisions_public(self, day: datetime.date) -> bool:
        """Committed decisions are shown from the first day of 公示 on, never before."""
        return bool(self.decisions) and self.phase("publicity").start[:10] <= day.isoformat()

    def decision_for(self, project_id: str) -> Decision | None:
        return next((d for d in self.decisions if d.project == project_id), None)


@dataclass(frozen=True)
class BudgetLine:
    item: str
    amount: int
    note: str = ""


@dataclass(frozen=True)
class PlannedMilestone:
    date: str
    what: str


@dataclass(frozen=True)
class Recommendation:
    """The college's word on an application (学院推荐)."""

    recommended: bool
    rank: int | None = None
    opinion: str = ""


@dataclass(frozen=True)
class Application:
    call: str
    project: str
    college: str
    plan: str
    requested_amount: int | None = None
    budget_lines: tuple[BudgetLine, ...] = ()
    milestones: tuple[PlannedMilestone, ...] = ()
    recommendation: Recommendation | None = None
    source: str = ""


@dataclass(frozen=True)
class CheckpointReport:
    call: str
    project: str
    college: str
    kind: str
    """One of `CHECKPOINT_KINDS`."""
    report: str
    submitted: str
    result: str = ""
    """One of `CHECKPOINT_RESULTS` once the office recorded it, else empty."""
    note: str = ""
    rectify_by: str = ""
    source: str = ""


def call_from_data(data: dict[str, Any], source: str = "") -> Call:
    """The record of a schema-valid call file."""
    eligibility = data["eligibility"]
    phases = data["phases"]
    objections = phases["publicity"]["objections"]
    budget = data.get("budget")
    return Call(
        id=data["id"],
        title=data["title"],
        kind=data["kind"],
        summary=data["summary"].strip(),
        eligibility=Eligibility(
            levels=tuple(eligibility.get("levels", ())),
            stages=tuple(eligibility.get("stages", ())),
            statuses=tuple(eligibility.get("statuses", ())),
            colleges=tuple(eligibility.get("colleges", ())),
            team_min=eligibility.get("team_min"),
            team_max=eligibility.get("team_max"),
        ),
        phases=tuple(
            CallPhase(key, phases[key]["start"], phases[key].get("end", "")) for key in PHASES
        ),
        objections=ObjectionChannel(
            objections["office"],
            objections.get("email", ""),
            objections.get("phone", ""),
            objections.get("note", ""),
        ),
        score_categories=tuple(
            ScoreCategory(
                c["id"], c["name"], float(c["weight"]), c["min"], c["max"], c.get("description", "")
            )
            for c in data["score_categories"]
        ),
        reviewers=tuple(
            Reviewer(
                r["id"],
                r.get("mentor", ""),
                r.get("name", ""),
                r.get("institution", ""),
                tuple(r.get("conflicts", ())),
            )
            for r in data["reviewers"]
        ),
        reviews_per_application=data["reviews_per_application"],
        combine=data["combine"],
        description=data.get("description", ""),
        organiser=data.get("organiser", ""),
        budget=Budget(budget["total"], budget["cap"]) if budget else None,
        checkpoints=tuple(CheckpointDue(c["kind"], c["due"]) for c in data.get("checkpoints", ())),
        decisions=tuple(
            Decision(d["project"], d["result"], d.get("amount"), d.get("rank"))
            for d in data.get("decisions", ())
        ),
        source=source,
    )


def application_from_data(
    data: dict[str, Any], call: str, project: str, college: str, source: str = ""
) -> Application:
    """The record of a schema-valid application file; `call`, `project` and `college`
    come from its path."""
    recommendation = data.get("recommendation")
    return Application(
        call=call,
        project=project,
        college=college,
        plan=data["plan"],
        requested_amount=data.get("requested_amount"),
        budget_lines=tuple(
            BudgetLine(line["item"], line["amount"], line.get("note", ""))
            for line in data.get("budget_lines", ())
        ),
        milestones=tuple(
            PlannedMilestone(m["date"], m["what"]) for m in data.get("milestones", ())
        ),
        recommendation=Recommendation(
            recommendation["recommended"],
            recommendation.get("rank"),
            recommendation.get("opinion", ""),
        )
        if recommendation
        else None,
        source=source,
    )


def checkpoint_from_data(
    data: dict[str, Any], call: str, project: str, college: str, kind: str, source: str = ""
) -> CheckpointReport:
    """The record of a schema-valid checkpoint report; the rest comes from its path."""
    return CheckpointReport(
        call=call,
        project=project,
        college=college,
        kind=kind,
        report=data["report"],
        submitted=data["submitted"],
        result=data.get("result", ""),
        note=data.get("note", ""),
        rectify_by=data.get("rectify_by", ""),
        source=source,
    )


def checkpoint_name(stem: str) -> tuple[str, str] | None:
    """``(call id, kind)`` of a checkpoint file's stem ``<call id>-<kind>``, else None."""
    call, dash, kind = stem.rpartition("-")
    return (call, kind) if dash and call and kind in CHECKPOINT_KINDS else None
