"""``invoke call-checkpoints [--today YYYY-MM-DD]``: overdue 中期检查 and 结题 reports.

For every call with checkpoints and committed decisions, each supported project owes a
report per checkpoint by its due date; this lists, for the office, those not in the
repository (``projects/<college>/<project>/checkpoints/<call>-<kind>.yaml``) after their
due date, against today's Beijing date, latest first, and the reports whose result is
限期整改 past their deadline. It is a listing: the exit code is 0 either way.
"""

from __future__ import annotations

import sys
from pathlib import Path

from showcase.calls import CHECKPOINT_KINDS, SUPPORTED
from showcase.commands.common import publication_date, validated_model
from showcase.funding.follow_up import overdue
from showcase.paths import Layout, checkpoint_file_path

REFUSAL = "数据有错误，未能列出过程检查。请按上面的提示修改后重试。"


def call_checkpoints(root: Path, today: str = "") -> int:
    layout = Layout(root)
    try:
        day, source = publication_date(today)
    except ValueError as wrong:
        print(wrong, file=sys.stderr)
        return 2
    model = validated_model(layout, REFUSAL, show_warnings=False)
    if model is None:
        return 1
    due = [
        (call.id, decision.project, checkpoint.kind, checkpoint.due)
        for call in model.calls.values()
        for decision in call.decisions
        if decision.result in SUPPORTED
        for checkpoint in call.checkpoints
    ]
    submitted = set(model.checkpoints)
    late = overdue(due, submitted, day)
    print(f"过程检查（截至 {day.isoformat()}，{source}）：")
    for call_id, project_id, kind, when, days in late:
        project = model.projects.get(project_id)
        where = checkpoint_file_path(project.college, project_id, call_id, kind) if project else ""
        name = project.name if project else project_id
        print(
            f"  逾期 {days} 天：「{name}」{model.calls[call_id].title} {CHECKPOINT_KINDS[kind]}"
            f"（截止 {when}），应提交 {where}"
        )
    rectify = [
        report
        for report in model.checkpoints.values()
        if report.result == "rectify" and report.rectify_by and report.rectify_by < day.isoformat()
    ]
    for report in rectify:
        name = (
            model.projects[report.project].name
            if report.project in model.projects
            else report.project
        )
        print(
            f"  整改逾期：「{name}」{CHECKPOINT_KINDS[report.kind]}限期整改，期限 {report.rectify_by} 已过，"
            "请核实整改情况并更新检查结果。"
        )
    if not late and not rectify:
        print("  没有逾期的过程检查报告。")
    return 0
