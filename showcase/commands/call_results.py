"""``invoke call-results --call ID --scores DIR [--out DIR] [--places N] [--disagreement X]``.

Validates the repository, assigns the reviewers again (the same input gives the same
assignment as ``call-packets``), reads every returned score sheet in DIR and refuses the
whole run, naming each sheet and cell, when any sheet is wrong (`showcase.funding.sheets`).
Otherwise it combines the scores as the call says, ranks, allocates the budget
(`showcase.funding.scoring`) and writes into the confidential folder (default
``build/calls/<ID>/results/``, git-ignored, never inside the site): ``评审结果.html``
(every score, spread and comment), ``结果摘要.txt`` and ``decisions.yaml``, the draft
``decisions:`` block that the office checks and commits into content/calls/<ID>.yaml.
The call file itself is never edited.
"""

from __future__ import annotations

import sys
from pathlib import Path

from showcase.atomic import ForeignFolder, replaced_atomically
from showcase.calls import COMBINE_METHODS
from showcase.commands.call_packets import (
    call_named,
    confidential_folder,
    in_repository_outside_build,
    kept_out,
    known_call,
)
from showcase.commands.common import validated_model
from showcase.funding.panel import CallReview, call_review
from showcase.funding.results import Entry, decide, decisions_yaml, report_html, summary_text
from showcase.funding.returned import Returned, read_folder
from showcase.funding.scoring import allocate, disagreement_limit, review_total, standings
from showcase.paths import Layout
from showcase.problems import sort_problems

REFUSAL = "数据有错误，未汇总评审结果。请按上面的提示修改后重试。"
REPORT, SUMMARY, DRAFT = "评审结果.html", "结果摘要.txt", "decisions.yaml"


def call_results(
    root: Path,
    call_id: str,
    scores_dir: Path | None,
    out_dir: Path | None,
    places: str = "",
    disagreement: str = "",
) -> int:
    """0 when the results were written; 1 on bad data or sheets; 2 on a wrong option."""
    layout = Layout(root)
    if not call_named(layout, call_id):
        return 2
    scores = _private_scores(layout, scores_dir)
    if scores is None:
        return 2
    chosen = _options(places, disagreement)
    if chosen is None:
        return 2
    model = validated_model(layout, REFUSAL)
    if model is None:
        return 1
    call = known_call(model, call_id)
    if call is None:
        return 2
    if not scores.is_dir():
        print(
            f"评分表文件夹 {scores} 不存在。请把交回的评分表放进一个文件夹，用 --scores 指定。",
            file=sys.stderr,
        )
        return 2
    review = call_review(model, call)
    specs = review.specs()
    if not specs:
        print(f"申报 {call_id} 还没有分配评审的申报书，没有可汇总的分数。")
        return 0
    target = confidential_folder(layout, out_dir, f"calls/{call_id}/results")
    if target is None:
        return 1
    returned, problems = read_folder(scores, specs)
    if problems:
        for problem in sort_problems(problems):
            print(problem.text(), file=sys.stderr)
        print(
            f"评分表有 {len(problems)} 处问题，未汇总（什么都没有写入）。请按提示改好评分表后重试。",
            file=sys.stderr,
        )
        return 1
    text, files = _results(review, returned, *chosen)
    try:
        with replaced_atomically(target, repository=root) as staging:
            for name, data in files.items():
                (staging / name).write_bytes(data)
    except ForeignFolder as refused:
        print(refused.message, file=sys.stderr)
        return 1
    print(text, end="")
    print(f"保密的评审结果已写入：{target}（{kept_out(layout, target)}；请勿外传）")
    print(
        f"评审结果草稿：{target / DRAFT}。请核对后用其中的 decisions: 整段替换 "
        f"content/calls/{call_id}.yaml 中的 decisions:（还没有就加在末尾）再提交；"
        "本命令不修改申报文件。"
    )
    return 0


def _private_scores(layout: Layout, scores_dir: Path | None) -> Path | None:
    """The --scores folder, or None after saying why not: missing, or inside the repository
    outside build/, where the sheets (reviewers' names and scores) are one `git add` from a
    commit (judged as --out is)."""
    if scores_dir is None:
        print(
            "缺少 --scores：请写明交回的评分表所在的文件夹（放在仓库外，或仓库的 build/ 下），"
            "例如 --scores ~/评审/returned。",
            file=sys.stderr,
        )
        return None
    if in_repository_outside_build(layout, scores_dir):
        print(
            f"评分表文件夹 {scores_dir.resolve()} 在仓库里：交回的评分表有评审专家的姓名和分数，"
            "是保密的，放在仓库里一次 git add 就会被提交。请把它移到仓库外的文件夹"
            "（或仓库的 build/ 下，不会被提交），再用 --scores 指定。",
            file=sys.stderr,
        )
        return None
    return scores_dir


def _options(places: str, disagreement: str) -> tuple[int | None, float | None] | None:
    """--places and --disagreement as numbers, or None after saying what is wrong."""
    count = int(places) if places.strip().isdigit() and int(places) > 0 else None
    if places and count is None:
        print(f"--places「{places}」应是正整数（拟入选的名额），例如 --places 5。", file=sys.stderr)
        return None
    try:
        limit = float(disagreement) if disagreement else None
    except ValueError:
        limit = -1.0
    if limit is not None and not limit >= 0:
        print(
            f"--disagreement「{disagreement}」应是不小于 0 的数（标准差阈值，与总分同一尺度），"
            "例如 --disagreement 1.5。",
            file=sys.stderr,
        )
        return None
    return count, limit


def _results(
    review: CallReview,
    returned: dict[str, Returned],
    places: int | None,
    disagreement: float | None,
) -> tuple[str, dict[str, bytes]]:
    call, categories = review.call, list(review.categories)
    names = {p.id: p.name for p in review.panel}
    totals: dict[str, dict[str, float]] = {}
    entries: dict[str, Entry] = {}
    for submission in review.submissions:
        reviewers = review.assignment.reviewers[submission.project]
        totals[submission.project] = {
            r: review_total(categories, returned[r].scores[submission.project]) for r in reviewers
        }
        entries[submission.project] = Entry(
            submission.project,
            submission.name,
            submission.college_name,
            tuple(names[r] for r in reviewers),
            tuple(
                f"{names[r]}：{returned[r].comments[submission.project]}"
                for r in reviewers
                if submission.project in returned[r].comments
            ),
            review.assignment.shortfalls.get(submission.project, ""),
        )
    ranked = standings(categories, totals, call.combine, disagreement)
    requested = {a.project: a.requested_amount for a in review.applications}
    if call.budget is not None:
        ranked = allocate(ranked, requested, call.budget.cap, call.budget.total)
    decisions = decide(call.kind, ranked, call.budget is not None, places)
    label = COMBINE_METHODS[call.combine]
    with_budget = call.budget is not None
    text = summary_text(call.title, label, ranked, entries, decisions, with_budget)
    return text, {
        REPORT: report_html(
            call.title,
            label,
            disagreement_limit(categories, disagreement),
            ranked,
            entries,
            decisions,
            with_budget,
        ),
        SUMMARY: text.encode(),
        DRAFT: decisions_yaml(call.id, call.title, decisions).encode(),
    }
