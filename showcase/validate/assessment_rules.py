"""Cross-field rules of ``content/assessment.yaml`` that its schema cannot say.

Weights add up to 100 points, every source is one the engine counts
(`showcase.assessment.sources.SOURCES`), a ratio rule says what it divides by, a cap never
exceeds its weight, indicator ids are unique; and a college without student figures is
named when an indicator divides by students (it would score nothing there).
"""

from __future__ import annotations

import difflib
from typing import Any

from showcase.assessment.sources import SOURCES
from showcase.load.yamlfile import Document
from showcase.problems import Problem, Severity
from showcase.validate.labels import field_label, problem_at
from showcase.validate.registries import LoadedRegistry
from showcase.validate.wording import LIST_SEPARATOR

UNKNOWN_SOURCE = "assessment.unknown-source"
WEIGHTS_TOTAL = "assessment.weights-total"
DUPLICATE_INDICATOR = "assessment.duplicate-indicator"
RATIO_INCOMPLETE = "assessment.ratio-incomplete"
CAP_ABOVE_WEIGHT = "assessment.cap-above-weight"
STUDENTS_MISSING = "assessment.students-missing"

FULL_MARKS = 100


def check_assessment(registries: dict[str, LoadedRegistry], schema: dict[str, Any]) -> None:
    """Add the plan's cross-field problems to the assessment registry's problems."""
    registry = registries.get("assessment")
    if registry is None or registry.document is None or registry.problems:
        return  # absent, unreadable or already wrong in shape: the schema said why
    document = registry.document
    indicators = document.data.get("indicators", [])
    problems = registry.problems
    seen: set[str] = set()
    for index, item in enumerate(indicators):
        problems += _indicator_problems(document, schema, index, item, seen)
    total = sum(item["weight"] for item in indicators)
    if abs(total - FULL_MARKS) > 1e-9:
        problems.append(
            problem_at(
                document,
                schema,
                ("indicators",),
                WEIGHTS_TOTAL,
                f"各项指标的权重合计 {total:g} 分，应为 {FULL_MARKS} 分。",
                "调整各项 weight（权重），使合计正好 100；只展示不计分的指标写 0。",
            )
        )
    if any(_divides_by_students(item) for item in indicators):
        registries["colleges"].problems.extend(_students_missing(registries["colleges"]))


def _indicator_problems(
    document: Document, schema: dict[str, Any], index: int, item: dict[str, Any], seen: set[str]
) -> list[Problem]:
    found = []
    here = ("indicators", index)
    if item["id"] in seen:
        found.append(
            problem_at(
                document,
                schema,
                (*here, "id"),
                DUPLICATE_INDICATOR,
                f"指标编号 {item['id']} 重复。",
                "每项指标的编号必须唯一；改成新的编号或合并这两项指标。",
            )
        )
    seen.add(item["id"])
    if item["source"] not in SOURCES:
        close = difflib.get_close_matches(item["source"], list(SOURCES), n=1)
        suggestion = f"是不是 {close[0]}？" if close else ""
        found.append(
            problem_at(
                document,
                schema,
                (*here, "source"),
                UNKNOWN_SOURCE,
                f"没有名为 {item['source']} 的数据来源。",
                f"{suggestion}可用的数据来源：{LIST_SEPARATOR.join(SOURCES)}。",
            )
        )
    scoring = item["scoring"]
    if scoring["kind"] == "ratio" and ("per" not in scoring or "full_at" not in scoring):
        found.append(
            problem_at(
                document,
                schema,
                (*here, "scoring"),
                RATIO_INCOMPLETE,
                "按比例折算的指标要写明折算依据 per 和满分比值 full_at。",
                "per 写 students（按学生人数，配合 unit，例如 1000）或 teams（按项目数），"
                "full_at 写得满分的比值。",
            )
        )
    cap = scoring.get("cap")
    if cap is not None and cap > item["weight"]:
        found.append(
            problem_at(
                document,
                schema,
                (*here, "scoring", "cap"),
                CAP_ABOVE_WEIGHT,
                f"封顶分 {cap:g} 高于这项指标的权重 {item['weight']:g}。",
                "封顶分不能超过权重；删去 cap（即按权重封顶）或把它改小。",
            )
        )
    return found


def _divides_by_students(item: dict[str, Any]) -> bool:
    scoring = item["scoring"]
    return scoring["kind"] == "ratio" and scoring.get("per") == "students" and item["weight"] > 0


def _students_missing(colleges: LoadedRegistry) -> list[Problem]:
    document = colleges.document
    if document is None:
        return []
    found = []
    for index, college in enumerate(colleges.records):
        if college.get("students"):
            continue
        line, column = document.position(("colleges", index, "id"))
        found.append(
            Problem(
                document.path,
                line,
                column,
                severity=Severity.WARNING,
                rule=STUDENTS_MISSING,
                field=field_label(("colleges", index, "students"), "学生人数"),
                message=f"学院 {college.get('id', '')} 没有填写各学年学生人数，"
                "按学生人数折算的评估指标对它不计分。",
                hint="在这个学院下加 students 列表，例如 - year: 2025-2026 和 count: 3200。",
            )
        )
    return found
