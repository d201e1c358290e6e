"""``invoke call-packets --call ID [--out DIR] [--anonymise]``: reviewers' packets.

Validates the repository, assigns the call's reviewers (`showcase.funding.assignment`),
prints the assignment and any application short of reviewers with the reason, and writes
for each reviewer ``<姓名>.pdf`` (A4, with ``<姓名>.html`` as its print source) and
``<姓名>.xlsx`` (the score sheet), plus ``分配表.txt``. The folder (default
``build/calls/<ID>/packets/``) is confidential: it is never inside the site, and a
folder inside the repository is refused unless it is under the git-ignored ``build/``.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from showcase.atomic import ForeignFolder, check_output_folder, replaced_atomically
from showcase.calls import Call
from showcase.commands.common import validated_model
from showcase.engine.pdf import write_pdfs
from showcase.funding.packets import packet_html, shown_name
from showcase.funding.panel import CallReview, call_review, dossiers
from showcase.funding.sheets import write_sheet
from showcase.model import Model
from showcase.paths import Layout

REFUSAL = "数据有错误，未生成评审材料（原有输出保持不变）。请按上面的提示修改后重试。"
SUMMARY = "分配表.txt"
CALL_EXAMPLE = "2026-innovation-fund"


def call_packets(root: Path, call_id: str, out_dir: Path | None, anonymise: bool) -> int:
    """0 when the packets were written, 1 on bad data or output folder, 2 on a wrong call."""
    layout = Layout(root)
    if not call_named(layout, call_id):
        return 2
    model = validated_model(layout, REFUSAL)
    if model is None:
        return 1
    call = known_call(model, call_id)
    if call is None:
        return 2
    review = call_review(model, call)
    if not review.applications:
        print(f"申报 {call_id} 还没有申报书，无需分配评审。")
        return 0
    target = confidential_folder(layout, out_dir, f"calls/{call_id}/packets")
    if target is None:
        return 1
    text = assignment_text(review, anonymise)
    print(text, end="")
    try:
        notice = _write(model, review, target, root, text, anonymise)
    except ForeignFolder as refused:
        print(refused.message, file=sys.stderr)
        return 1
    print(f"评审材料已写入：{target}（保密，仅发给各位评审专家；{kept_out(layout, target)}）")
    if notice:
        print(notice, file=sys.stderr)
    return 0


def kept_out(layout: Layout, target: Path) -> str:
    """Why `target` stays private, in Chinese (it is under build/ or outside the repository)."""
    if target.is_relative_to(layout.build_dir.resolve()):
        return "build/ 不进入仓库，也不会进入网站"
    return "在仓库以外，不会被提交，也不会进入网站"


def call_named(layout: Layout, call_id: str) -> bool:
    """False after saying how to name the call when --call was not given (checked before
    the slow validation, so a forgotten option is answered at once)."""
    if call_id.strip():
        return True
    known = "、".join(sorted(p.stem for p in layout.calls_dir.glob("*.yaml"))) or "（没有）"
    print(
        f"缺少 --call：请写明申报编号（content/calls/ 中的文件名），例如 --call {CALL_EXAMPLE}。"
        f"content/calls/ 里有：{known}。",
        file=sys.stderr,
    )
    return False


def in_repository_outside_build(layout: Layout, folder: Path) -> bool:
    """Whether `folder` could be committed or published: inside the repository but not
    under the git-ignored build/ (where confidential files may stay)."""
    target, root = folder.resolve(), layout.root.resolve()
    inside = target == root or target.is_relative_to(root)
    return inside and not target.is_relative_to(layout.build_dir.resolve())


def known_call(model: Model, call_id: str) -> Call | None:
    if call_id in model.calls:
        return model.calls[call_id]
    known = "、".join(model.calls) or "（没有）"
    print(f"找不到申报 {call_id}。content/calls/ 里有：{known}。", file=sys.stderr)
    return None


def confidential_folder(layout: Layout, out_dir: Path | None, default: str) -> Path | None:
    """`out_dir` (or build/`default`), or None after saying why not: inside the repository
    outside build/ (it could be committed or published), or someone else's folder."""
    target = (out_dir or layout.build_dir / default).resolve()
    if in_repository_outside_build(layout, target):
        print(
            f"输出文件夹 {target} 在仓库里：评审材料和分数是保密的，不能放进仓库或网站。"
            "请换成仓库外的文件夹，或不写 --out（默认 build/ 下，不会被提交）。",
            file=sys.stderr,
        )
        return None
    try:
        check_output_folder(target, layout.root)
    except ForeignFolder as refused:
        print(refused.message, file=sys.stderr)
        return None
    return target


def assignment_text(review: CallReview, anonymise: bool) -> str:
    call = review.call
    lines = [
        f"【{call.title}】{len(review.applications)} 份申报书，{len(review.panel)} 位评审专家，"
        f"每份 {call.reviews_per_application} 位" + ("（匿名评审材料）" if anonymise else "")
    ]
    names = {s.project: s.name for s in review.submissions}
    for panelist in review.panel:
        assigned = review.assignment.assigned_to(panelist.id)
        listed = "、".join(names[p] for p in assigned) or "（无）"
        lines.append(f"  {panelist.name}：{len(assigned)} 份：{listed}")
    lines += [f"  评审人数不足：{why}" for why in review.assignment.shortfalls.values()]
    return "\n".join(lines) + "\n"


def _write(
    model: Model, review: CallReview, target: Path, root: Path, text: str, anonymise: bool
) -> str:
    every = dossiers(model, review)
    with replaced_atomically(target, repository=root) as staging:
        printable = []
        for reviewer, spec in review.specs().items():
            stem = Path(spec.file_name).stem
            rows = tuple((p, shown_name(every[p], anonymise)) for p, _ in spec.rows)
            write_sheet(replace(spec, rows=rows), staging / spec.file_name)
            html = staging / f"{stem}.html"
            html.write_bytes(
                packet_html(
                    review.call.title,
                    review.panelist(reviewer).name,
                    review.categories,
                    [every[project] for project, _ in spec.rows],
                    anonymise,
                )
            )
            printable.append(html)
        (staging / SUMMARY).write_text(text, encoding="utf-8")
        notice = write_pdfs(printable)
    return notice
