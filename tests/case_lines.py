"""The lines a data-driven case expects, and the same lines made from a command's report.

Every case folder (tests/validate/cases, tests/forms/cases, tests/review/cases,
tests/funding/cases) holds an ``expected.txt``: one problem per line, ``[rule.id] path:line:col: 错误 field: message
修改建议：hint`` (`Problem.text` behind its rule id), the summary line left out; an empty
file means the input must be accepted. tests/rule_coverage.py reads the rule ids back.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from showcase.problems import Problem, Severity


def expected_lines(case: Path) -> list[str]:
    text = (case / "expected.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line]


def problem_line(problem: Problem) -> str:
    return f"[{problem.rule}] {problem.text()}"


def report_lines(output: str) -> list[str]:
    """The problems of the JSON report that ends `output` (``--format json``), as lines."""
    start = ("\n" + output).find("\n{\n")
    report, _ = json.JSONDecoder().raw_decode(output[start:])
    return [problem_line(_problem(entry)) for entry in report["problems"]]


def _problem(entry: dict[str, Any]) -> Problem:
    return Problem(**{**entry, "severity": Severity(entry["severity"])})
