"""Rules for applications and checkpoint reports, the files a project adds for a call.

An application (``projects/<college>/<project>/applications/<call>.yaml``) must name,
by its path, a call and a project of that college; while the call's 申报 has not closed
the project must be eligible (level, stage, status, college, team size). A call that
grants money asks for the amount, and budget lines that add up to it and stay under the
cap; a call that grants none refuses one. Two applications of one college to one call
cannot share a recommendation rank. A call whose 申报 closed is history: eligibility is
not re-checked, so a project promoted since (the point of 众创空间入驻) stays valid.

A checkpoint report (``…/checkpoints/<call>-<midterm|final>.yaml``) must belong to a
call that asks for that checkpoint and to a project the call supported.

The deadline is `check-pr`'s: `late_applications` refuses a new, changed or deleted
application file once the call's 申报 closed (Beijing date; a makerspace maintainer may
still correct or withdraw one), while `invoke validate` keeps accepting the ones that were
on time (the same split as a held roadshow, `roadshow_rules._check_closed`).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from showcase.calls import (
    CHECKPOINT_KINDS,
    SUPPORTED,
    Application,
    Call,
    CheckpointReport,
    application_from_data,
    checkpoint_from_data,
    checkpoint_name,
)
from showcase.load.yamlfile import Document, load_yaml
from showcase.model import LEVELS, STAGES, STATUSES
from showcase.paths import Layout, PathKind, call_file_path, kind_of
from showcase.problems import Problem, has_errors
from showcase.validate.labels import Report, reporter
from showcase.validate.markup_text import markup_warnings
from showcase.validate.personal_data import scan_document
from showcase.validate.personal_text import PersonalDataRules
from showcase.validate.schema_check import SchemaChecker
from showcase.validate.wording import wording


@dataclass(frozen=True)
class ProjectFacts:
    """What eligibility looks at, read from a project file as written."""

    college: str
    level: str
    stage: str
    status: str
    team_size: int


class ProjectIndex:
    """Every project file by id; facts come from the loaded data, else the file is read
    (a run on chosen files has not loaded every project)."""

    def __init__(self, files: Mapping[str, Path], loaded: Mapping[str, Any]):
        self._files = files
        self._loaded = loaded
        self._facts: dict[str, ProjectFacts | None] = {}

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(self._files)

    def college_of(self, project_id: str) -> str | None:
        file = self._files.get(project_id)
        return file.parent.name if file else None

    def facts(self, project_id: str) -> ProjectFacts | None:
        if project_id not in self._facts:
            self._facts[project_id] = self._read(project_id)
        return self._facts[project_id]

    def _read(self, project_id: str) -> ProjectFacts | None:
        data = self._loaded.get(project_id)
        if data is None and project_id in self._files:
            document, _ = load_yaml(self._files[project_id], project_id)
            data = document.data if document else None
        if not isinstance(data, dict) or not isinstance(data.get("team"), list):
            return None
        values = [data.get(key) for key in ("college", "level", "stage", "status")]
        if not all(isinstance(value, str) for value in values):
            return None
        return ProjectFacts(*values, team_size=len(data["team"]))


@dataclass
class ApplicationRun:
    layout: Layout
    projects: ProjectIndex
    calls: Mapping[str, Call]
    """The valid calls by id."""
    known_calls: frozenset[str]
    """Every call file's id, valid or not."""
    checkers: Mapping[str, SchemaChecker]
    problems: list[Problem] = field(default_factory=list)
    applications: dict[tuple[str, str], Application] = field(default_factory=dict)
    checkpoints: dict[tuple[str, str, str], CheckpointReport] = field(default_factory=dict)

    def check(
        self,
        applications: list[Path],
        checkpoints: list[Path],
        personal: PersonalDataRules,
        today: datetime.date,
    ) -> None:
        ranks: dict[tuple[str, str, int], str] = {}
        for file in applications:
            document = self._load(file, "application", personal)
            if document is not None:
                self._application(document, file, today, ranks)
        for file in checkpoints:
            document = self._load(file, "checkpoint", personal)
            if document is not None:
                self._checkpoint(document, file)
        self.applications = dict(sorted(self.applications.items(), key=_application_order))

    def _load(self, file: Path, kind: str, personal: PersonalDataRules) -> Document | None:
        """The document when it is schema-valid; its problems are recorded either way."""
        checker = self.checkers[kind]
        document, problems = load_yaml(file, self.layout.relative(file))
        if document is not None:
            problems += checker.check(document)
            problems += scan_document(document, checker.schema, personal)
            problems += markup_warnings(document, checker.schema)
        self.problems += problems
        return document if document is not None and not has_errors(problems) else None

    def _report(self, document: Document, kind: str) -> tuple[list[Problem], Report]:
        found: list[Problem] = []
        return found, reporter(document, self.checkers[kind].schema, found)

    def _owner(self, file: Path, rule: str, report: Report) -> tuple[str, str] | None:
        """(college, project) of a file in a project's folder, when that project exists."""
        project, college = file.parent.parent.name, file.parent.parent.parent.name
        if self.projects.college_of(project) == college:
            return college, project
        report(
            (),
            rule,
            f"学院 {college} 没有编号为 {project} 的项目（找不到 projects/{college}/{project}.yaml）。",
            "申报书和检查报告放在所属项目的文件夹里：projects/<学院编号>/<项目编号>/；"
            "检查文件夹名。",
        )
        return None

    def _call(self, call_id: str, rule: str, report: Report) -> Call | None:
        if call_id not in self.known_calls:
            report(
                (),
                rule,
                f"没有编号为 {call_id} 的申报通知（找不到 {call_file_path(call_id)}）。",
                "文件名是申报编号；检查拼写，或先由众创空间发布申报通知。",
            )
        return self.calls.get(call_id)

    def _application(
        self,
        document: Document,
        file: Path,
        today: datetime.date,
        ranks: dict[tuple[str, str, int], str],
    ) -> None:
        found, report = self._report(document, "application")
        owner = self._owner(file, "application.unknown-project", report)
        call = self._call(file.stem, "application.unknown-call", report)
        if owner is not None and call is not None:
            data = document.data
            _check_amounts(data, call, report)
            if not call.applications_closed(today):
                _check_eligible(self.projects.facts(owner[1]), call, report)
            recommendation = data.get("recommendation", {})
            if recommendation.get("recommended") and "rank" in recommendation:
                key = (call.id, owner[0], recommendation["rank"])
                if key in ranks:
                    report(
                        ("recommendation", "rank"),
                        "application.duplicate-rank",
                        f"学院 {owner[0]} 已把项目 {ranks[key]} 排在第 {key[2]} 位。",
                        "同一学院推荐的申报书排序各不相同：1、2、3……",
                    )
                ranks[key] = owner[1]
        self.problems += found
        if owner is not None and call is not None and not has_errors(found):
            record = application_from_data(
                document.data, call.id, owner[1], owner[0], document.path
            )
            self.applications[(call.id, owner[1])] = record

    def _checkpoint(self, document: Document, file: Path) -> None:
        found, report = self._report(document, "checkpoint")
        owner = self._owner(file, "checkpoint.unknown-project", report)
        named = checkpoint_name(file.stem)
        call = None
        if named is None:
            report(
                (),
                "checkpoint.file-name",
                f"检查报告的文件名 {file.name} 不是“<申报编号>-<检查类别>.yaml”。",
                "中期检查写成 <申报编号>-midterm.yaml，结题写成 <申报编号>-final.yaml。",
            )
        else:
            call = self._call(named[0], "checkpoint.unknown-call", report)
        if owner is not None and call is not None and named is not None:
            _check_checkpoint(document.data, call, owner[1], named[1], report)
        self.problems += found
        if owner is not None and call is not None and named is not None and not has_errors(found):
            self.checkpoints[(call.id, owner[1], named[1])] = checkpoint_from_data(
                document.data, call.id, owner[1], owner[0], named[1], document.path
            )


def _application_order(item: tuple[tuple[str, str], Application]) -> tuple[str, str, str]:
    return item[0][0], item[1].college, item[1].project


def _check_amounts(data: dict[str, Any], call: Call, report: Report) -> None:
    amount = data.get("requested_amount")
    lines = data.get("budget_lines")
    if call.budget is None:
        for key in ("requested_amount", "budget_lines"):
            if key in data:
                report(
                    (key,),
                    "application.amount-not-offered",
                    f"申报通知「{call.title}」不涉及经费，申报书里不写申请金额和经费预算。",
                    f"删除 {key} 这一项。",
                )
        return
    if amount is None or not lines:
        report(
            ("requested_amount",) if amount is None else ("budget_lines",),
            "application.amount-required",
            f"申报通知「{call.title}」是经费资助，须写申请金额和经费预算。",
            "写 requested_amount（元）和 budget_lines（每项开支的 item 和 amount）。",
        )
        return
    total = sum(line["amount"] for line in lines)
    if total != amount:
        message, hint = wording("application.budget-sum", total=total, amount=amount)
        report(("budget_lines",), "application.budget-sum", message, hint)
    if amount > call.budget.cap:
        message, hint = wording("application.over-cap", amount=amount, cap=call.budget.cap)
        report(("requested_amount",), "application.over-cap", message, hint)


def _check_eligible(facts: ProjectFacts | None, call: Call, report: Report) -> None:
    if facts is None:
        return
    rule = call.eligibility
    unmet = rule.unmet(facts.level, facts.stage, facts.status, facts.college, facts.team_size)
    reasons = {
        "level": f"孵化层级是{LEVELS.get(facts.level, facts.level)}",
        "stage": f"发展阶段是{STAGES.get(facts.stage, facts.stage)}",
        "status": f"项目状态是{STATUSES.get(facts.status, facts.status)}",
        "college": f"学院 {facts.college} 不在可申报的学院之列",
        "team_min": f"团队 {facts.team_size} 人，少于 {rule.team_min} 人",
        "team_max": f"团队 {facts.team_size} 人，多于 {rule.team_max} 人",
    }
    if unmet:
        report(
            (),
            "application.ineligible",
            f"项目不符合「{call.title}」的申报条件：{'；'.join(reasons[key] for key in unmet)}。",
            "对照申报通知里的申报条件；项目信息有误时先改正项目文件。",
        )


def _check_checkpoint(
    data: dict[str, Any], call: Call, project: str, kind: str, report: Report
) -> None:
    name = CHECKPOINT_KINDS[kind]
    if kind not in {due.kind for due in call.checkpoints}:
        report(
            (),
            "checkpoint.not-required",
            f"申报通知「{call.title}」没有安排{name}。",
            "检查文件名里的申报编号和检查类别。",
        )
    decision = call.decision_for(project)
    if decision is None or decision.result not in SUPPORTED:
        report(
            (),
            "checkpoint.not-supported",
            f"项目 {project} 没有在「{call.title}」中获得支持，不需要提交{name}报告。",
            "只有评审结果为立项、入驻或推荐的项目提交过程检查报告。",
        )
    if data.get("result") == "rectify" and "rectify_by" not in data:
        report(
            ("result",),
            "checkpoint.rectify-date",
            "检查结果是限期整改，但没有写整改期限。",
            "加一行 rectify_by: YYYY-MM-DD。",
        )


LATE_CHANGES = {
    "added": ("不再接受新的申报书。", "如有特殊情况，请联系{office}。"),
    "changed": (
        "申报书不能再修改：评审和公示以截止时的申报书为准。",
        "撤销这个文件的改动；确需更正，请联系{office}，由众创空间维护者提交。",
    ),
    "deleted": ("申报书不能再撤回。", "恢复这个文件；撤回申报请联系{office}。"),
}
"""What a pull request did to an application file after the deadline: message, hint."""


def late_applications(
    layout: Layout, changed: list[tuple[str, str]], today: datetime.date
) -> list[Problem]:
    """A problem for each application file a pull request added, changed or deleted
    (`changed`: ``(path, one of LATE_CHANGES)``) after its call's 申报 closed before
    `today` (Beijing date): `check-pr` refuses it, `validate` never sees this rule."""
    found = []
    for path, change in changed:
        if kind_of(path) is not PathKind.APPLICATION:
            continue
        call_id = Path(path).stem
        document, _ = load_yaml(layout.root / call_file_path(call_id), call_file_path(call_id))
        data = document.data if document else None
        try:
            closes = data["phases"]["application"]["end"]
            title = data["title"]
        except (TypeError, KeyError):
            continue  # an unknown or broken call is the validator's to report
        if isinstance(closes, str) and closes[:10] < today.isoformat():
            office = data.get("organiser") or "众创空间管理办公室"
            message, hint = LATE_CHANGES[change]
            found.append(
                Problem(
                    path,
                    1,
                    1,
                    rule="application.after-deadline",
                    message=f"「{title}」已于 {closes}（北京时间）截止申报，{message}",
                    hint=hint.format(office=office),
                )
            )
    return found
