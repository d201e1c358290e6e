"""``invoke call-apply --call ID``: write an accepted intake's level change into project files.

For a 众创空间入驻 or 孵化推荐 call whose decisions are committed and whose results are
published (结果公布, Beijing date; before it, 公示 may still change them), every admitted or
recommended project's file gets its new ``level`` and a milestone dated the day the
results were published (`showcase.funding.follow_up`), written in the file's own style.
Nothing is committed: the office reviews ``git diff`` and commits. Running it twice
changes nothing the second time.
"""

from __future__ import annotations

import sys
from pathlib import Path

from showcase.calls import SUPPORTED
from showcase.commands.call_packets import call_named, known_call
from showcase.commands.common import publication_date, validated_model
from showcase.funding.follow_up import NEW_LEVEL, CannotEdit, Promotion, promoted_text
from showcase.model import LEVELS
from showcase.paths import Layout

REFUSAL = "数据有错误，未修改任何项目文件。请按上面的提示修改后重试。"


def call_apply(root: Path, call_id: str, today: str = "") -> int:
    """0 when every accepted project's file is up to date; 1 on bad data or before the
    results are published; 2 on a wrong call or date."""
    if not call_named(Layout(root), call_id):
        return 2
    try:
        day, _ = publication_date(today)
    except ValueError as wrong:
        print(wrong, file=sys.stderr)
        return 2
    layout = Layout(root)
    model = validated_model(layout, REFUSAL, show_warnings=False)
    if model is None:
        return 1
    call = known_call(model, call_id)
    if call is None:
        return 2
    level = NEW_LEVEL.get(call.kind)
    if level is None:
        print(
            f"「{call.title}」不是众创空间入驻或孵化推荐，结果不改变项目的孵化层级，无需修改项目文件。"
        )
        return 0
    accepted = [d.project for d in call.decisions if d.result in SUPPORTED]
    if not accepted:
        print(f"「{call.title}」还没有提交评审结果（decisions:），或没有入选的项目。")
        return 0
    published = call.phase("results").start
    date = published[:10]
    if day.isoformat() < date:
        print(
            f"「{call.title}」的结果 {published} 才公布，公示期内还可能因异议改变；"
            "请在结果公布后再运行（未修改任何文件）。",
            file=sys.stderr,
        )
        return 1
    failed = 0
    for project_id in accepted:
        project = model.projects[project_id]
        path = root / project.source
        before = path.read_text(encoding="utf-8")
        try:
            after = promoted_text(
                before, Promotion(project_id, level, date, call.title), project.source
            )
        except CannotEdit as refused:
            print(f"{project.source}: {refused}", file=sys.stderr)
            failed += 1
            continue
        if after == before:
            print(f"{project.source}：已是{LEVELS[level]}，无需修改。")
            continue
        path.write_bytes(after.encode("utf-8"))
        print(f"{project.source}：孵化层级改为{LEVELS[level]}，新增里程碑 {date}。")
    print(
        "请用 git diff 核对这些改动后提交。"
        if not failed
        else "有文件未能自动修改，请按上面的提示手工修改。"
    )
    return 1 if failed else 0
