"""Rules for a call file (content/calls/<id>.yaml) beyond its schema, and the calls' run.

`check_call` checks one call on its own and against the registries: the id matches the
file name, times are real and the phases run in order (申报 → 学院推荐 → 评审 → 公示 →
结果公布), score weights add up to 1 and each range is real, ids are unique, reviewers
name mentors of the registry and conflicts name real projects or colleges, the panel can
give every application its reviews, and the committed ``decisions`` name applications
that exist and stay within the cap per project and the total budget.

`check_calls` is the run: every call file is read (applications refer to them), then the
applications and checkpoint reports (`showcase.validate.application_rules`), and the
records are built for the checked model.

Example::

    run = check_calls(layout, selection, references, checkers, personal, today)
    run.problems, run.calls, run.applications, run.checkpoints
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from showcase.calls import (
    CHECKPOINT_KINDS,
    PHASES,
    Application,
    Call,
    CheckpointReport,
    call_from_data,
)
from showcase.load.files import regular_files
from showcase.load.yamlfile import Document, load_yaml
from showcase.paths import APPLICATIONS, Layout
from showcase.problems import Problem, has_errors
from showcase.validate.application_rules import ApplicationRun, ProjectIndex
from showcase.validate.labels import Report, check_id_matches_file, closest_id, reporter
from showcase.validate.markup_text import markup_warnings
from showcase.validate.personal_data import scan_document
from showcase.validate.personal_text import PersonalDataRules
from showcase.validate.schema_check import SchemaChecker

_TIME_FORMAT = "%Y-%m-%d %H:%M"
WEIGHT_TOLERANCE = 1e-6


@dataclass(frozen=True)
class CallReferences:
    """Ids a call may name; None when that registry could not be read."""

    projects: ProjectIndex
    """Every project file by id, with what eligibility looks at."""
    colleges: frozenset[str] | None
    mentors: frozenset[str] | None
    applied: frozenset[tuple[str, str]] = frozenset()
    """(call id, project id) of every application file in the repository."""


@dataclass
class CallRun:
    problems: list[Problem] = field(default_factory=list)
    calls: dict[str, Call] = field(default_factory=dict)
    applications: dict[tuple[str, str], Application] = field(default_factory=dict)
    checkpoints: dict[tuple[str, str, str], CheckpointReport] = field(default_factory=dict)


def check_calls(
    layout: Layout,
    chosen: tuple[list[Path], list[Path], list[Path]],
    references: CallReferences,
    checkers: Mapping[str, SchemaChecker],
    personal: PersonalDataRules,
    today: datetime.date,
) -> CallRun:
    """Problems of the chosen (calls, applications, checkpoints) files and their records.

    Every call file is read, since applications and reports refer to them; only the
    chosen ones report their problems.
    """
    run = CallRun()
    chosen_calls, applications, checkpoints = chosen
    checker = checkers["call"]
    valid_calls: dict[str, Call] = {}
    for file in regular_files(layout.calls_dir, ".yaml"):
        document, problems = load_yaml(file, layout.relative(file))
        if document is not None:
            problems += checker.check(document)
            schema_valid = not has_errors(problems)
            if schema_valid:
                problems += check_call(document, file, references, checker.schema)
            problems += scan_document(document, checker.schema, personal)
            problems += markup_warnings(document, checker.schema)
            if schema_valid and not has_errors(problems):
                valid_calls[file.stem] = call_from_data(document.data, document.path)
        if file in chosen_calls:
            run.problems += problems
    run.calls = dict(
        sorted(valid_calls.items(), key=lambda item: (item[1].phase("application").start, item[0]))
    )
    known_calls = frozenset(file.stem for file in regular_files(layout.calls_dir, ".yaml"))
    records = ApplicationRun(layout, references.projects, run.calls, known_calls, checkers)
    records.check(applications, checkpoints, personal, today)
    run.problems += records.problems
    run.applications = records.applications
    run.checkpoints = records.checkpoints
    return run


def applied_pairs(layout: Layout) -> frozenset[tuple[str, str]]:
    """(call id, project id) of every application file, read from the file names."""
    return pairs_of(layout.project_record_files(APPLICATIONS))


def pairs_of(applications: Iterable[Path]) -> frozenset[tuple[str, str]]:
    """(call id, project id) of these application files
    (``projects/<college>/<project>/applications/<call>.yaml``)."""
    return frozenset((file.stem, file.parent.parent.name) for file in applications)


def check_call(
    document: Document, file: Path, references: CallReferences, schema: dict[str, Any]
) -> list[Problem]:
    """Every problem of the schema-valid call in `document` that its schema cannot see."""
    data = document.data
    found: list[Problem] = []
    report = reporter(document, schema, found)
    check_id_matches_file(data, file, "call.id-filename", "申报编号", report)
    _check_phases(data["phases"], report)
    _check_scores(data["score_categories"], report)
    _check_eligibility(data["eligibility"], references, report)
    _check_reviewers(data, references, report)
    _check_checkpoints(data.get("checkpoints", ()), report)
    _check_decisions(data, file.stem, references, report)
    return found


def _moment(value: str, path: tuple[str, ...], report: Report) -> datetime.datetime | None:
    try:
        return datetime.datetime.strptime(value, _TIME_FORMAT)
    except ValueError:
        report(
            path,
            "call.bad-time",
            f"时间 {value} 不存在。",
            "检查月份、日期和钟点，例如 2026-11-05 17:00（北京时间，24 小时制）。",
        )
        return None


def _check_phases(phases: dict[str, Any], report: Report) -> None:
    """Each phase ends after it starts, and starts no earlier than the one before ends."""
    previous: tuple[str, datetime.datetime] | None = None
    for key, name in PHASES.items():
        start = _moment(phases[key]["start"], ("phases", key, "start"), report)
        end = None
        if "end" in phases[key]:
            end = _moment(phases[key]["end"], ("phases", key, "end"), report)
        if start and end and end <= start:
            report(
                ("phases", key, "end"),
                "call.phase-order",
                f"{name}的截止时间 {phases[key]['end']} 不晚于开始时间 {phases[key]['start']}。",
                "检查日期和钟点。",
            )
        if start and previous and start < previous[1]:
            report(
                ("phases", key, "start"),
                "call.phase-order",
                f"{name}开始（{phases[key]['start']}）早于{previous[0]}结束。",
                "各阶段依次为申报、学院推荐、评审、公示、结果公布，后一阶段不早于前一阶段结束。",
            )
        if start:
            previous = (name, end or start)


def _check_scores(categories: list[dict[str, Any]], report: Report) -> None:
    total = sum(category["weight"] for category in categories)
    if abs(total - 1) > WEIGHT_TOLERANCE:
        report(
            ("score_categories",),
            "call.weights",
            f"各评分项权重之和是 {total:g}，应为 1。",
            "调整各项的 weight，使它们相加等于 1，例如 0.2、0.3、0.5。",
        )
    for index, category in enumerate(categories):
        if category["min"] >= category["max"]:
            report(
                ("score_categories", index, "max"),
                "call.score-range",
                f"评分项「{category['name']}」的最高分 {category['max']} "
                f"不高于最低分 {category['min']}。",
                "最高分须大于最低分，例如 min: 0、max: 10。",
            )
    _unique(categories, "score_categories", "评分项", report)


def _unique(items: list[dict[str, Any]], key: str, noun: str, report: Report) -> None:
    seen: set[str] = set()
    for index, item in enumerate(items):
        if item["id"] in seen:
            report(
                (key, index, "id"),
                "call.duplicate-id",
                f"{noun}编号 {item['id']} 重复。",
                f"每个{noun}的编号在本次申报内唯一，改用另一个编号。",
            )
        seen.add(item["id"])


def _check_eligibility(
    eligibility: dict[str, Any], references: CallReferences, report: Report
) -> None:
    low, high = eligibility.get("team_min"), eligibility.get("team_max")
    if low is not None and high is not None and low > high:
        report(
            ("eligibility", "team_max"),
            "call.team-range",
            f"团队最多人数 {high} 少于最少人数 {low}。",
            "检查 team_min 和 team_max。",
        )
    colleges = references.colleges
    for index, college in enumerate(eligibility.get("colleges", ())):
        if colleges is not None and college not in colleges:
            report(
                ("eligibility", "colleges", index),
                "call.unknown-college",
                f"学院编号 {college} 不在 content/colleges.yaml 中。",
                _suggest(college, colleges, "写 content/colleges.yaml 里的学院编号。"),
            )


def _check_reviewers(data: dict[str, Any], references: CallReferences, report: Report) -> None:
    reviewers = data["reviewers"]
    _unique(reviewers, "reviewers", "评审专家", report)
    mentors = references.mentors
    known = set(references.projects.ids) | set(references.colleges or ())
    for index, reviewer in enumerate(reviewers):
        mentor = reviewer.get("mentor")
        if mentor is not None and mentors is not None and mentor not in mentors:
            report(
                ("reviewers", index, "mentor"),
                "call.unknown-mentor",
                f"导师编号 {mentor} 不在导师库 content/mentors.yaml 中。",
                _suggest(mentor, mentors, "校外专家改写 name 和 institution。"),
            )
        for position, conflict in enumerate(reviewer.get("conflicts", ())):
            if references.colleges is not None and conflict not in known:
                report(
                    ("reviewers", index, "conflicts", position),
                    "call.unknown-conflict",
                    f"回避名单里的 {conflict} 既不是项目编号，也不是学院编号。",
                    _suggest(conflict, known, "写需要回避的项目编号或学院编号。"),
                )
    wanted = data["reviews_per_application"]
    if wanted > len(reviewers):
        report(
            ("reviews_per_application",),
            "call.too-few-reviewers",
            f"每份申报书要 {wanted} 位专家评审，但名单上只有 {len(reviewers)} 位。",
            "增加评审专家，或减少 reviews_per_application。",
        )


def _check_checkpoints(checkpoints: list[dict[str, Any]], report: Report) -> None:
    """One due date per kind of checkpoint, and a real one."""
    seen: set[str] = set()
    for index, checkpoint in enumerate(checkpoints):
        if checkpoint["kind"] in seen:
            report(
                ("checkpoints", index, "kind"),
                "call.duplicate-checkpoint",
                f"{CHECKPOINT_KINDS[checkpoint['kind']]}写了不止一次。",
                "每类过程检查只写一次截止日期。",
            )
        seen.add(checkpoint["kind"])
        try:
            datetime.date.fromisoformat(checkpoint["due"])
        except ValueError:
            report(
                ("checkpoints", index, "due"),
                "call.bad-time",
                f"日期 {checkpoint['due']} 不存在。",
                "检查月份和日期，例如 2026-09-30。",
            )


def _check_decisions(
    data: dict[str, Any], call_id: str, references: CallReferences, report: Report
) -> None:
    budget = data.get("budget")
    if budget and budget["cap"] > budget["total"]:
        report(
            ("budget", "cap"),
            "call.budget",
            f"单项上限 {budget['cap']} 元高于经费总额 {budget['total']} 元。",
            "检查 cap 和 total（单位元）。",
        )
    decisions = data.get("decisions", ())
    seen: set[str] = set()
    granted = 0
    for index, decision in enumerate(decisions):
        project = decision["project"]
        if (call_id, project) not in references.applied:
            report(
                ("decisions", index, "project"),
                "call.decision-unknown-application",
                f"项目 {project} 没有提交本次申报的申报书。",
                f"评审结果只能写提交了 projects/<学院>/{project}/applications/{call_id}.yaml "
                "的项目；检查项目编号。",
            )
        if project in seen:
            report(
                ("decisions", index, "project"),
                "call.decision-duplicate",
                f"项目 {project} 的评审结果写了不止一次。",
                "每个项目只保留一条结果。",
            )
        seen.add(project)
        amount = decision.get("amount")
        if amount is None:
            continue
        granted += amount
        if not budget or decision["result"] == "rejected":
            report(
                ("decisions", index, "amount"),
                "call.decision-amount",
                f"项目 {project} 写了资助金额，但"
                + ("本次申报不涉及经费。" if not budget else "结果是不予支持。"),
                "删除 amount 这一行。",
            )
        elif amount > budget["cap"]:
            report(
                ("decisions", index, "amount"),
                "call.decision-over-cap",
                f"项目 {project} 的资助金额 {amount} 元超过单项上限 {budget['cap']} 元。",
                "把金额改到上限以内。",
            )
    if budget and granted > budget["total"]:
        report(
            ("decisions",),
            "call.decision-over-budget",
            f"评审结果的资助金额合计 {granted} 元，超过经费总额 {budget['total']} 元。",
            "减少资助金额或资助项目数。",
        )


def _suggest(word: str, candidates: frozenset[str] | set[str], otherwise: str) -> str:
    match = closest_id(word, candidates)
    return f"是不是 {match}？" if match else otherwise
