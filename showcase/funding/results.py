"""The confidential results of a review: draft decisions, a report and a short summary.

The decisions follow the rank (`showcase.funding.scoring`): in a call with a budget an
application is 立项 (``funded``) when it was granted money, else 不予支持; in a call
without one the first `places` ranks are accepted (入驻 for an intake, 推荐 for an
incubation recommendation) and the rest are not. The draft is YAML in the shape of the
call file's ``decisions:`` block for the office to check and commit; the report (HTML,
scores, spreads, every reviewer's total and comment) stays under ``build/``.

Example::

    draft = decisions_yaml(call_id, title, decide("funding", ranked, True, None))
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from showcase.funding.scoring import Standing
from showcase.render.chinese_numbers import money
from showcase.render.csp import document_policy, meta_tag
from showcase.render.text import attribute
from showcase.yamltext import to_yaml

ACCEPTED = {
    "funding": "funded",
    "makerspace-intake": "admitted",
    "nursery-intake": "admitted",
    "incubation": "recommended",
}
RESULT_LABELS = {
    "funded": "立项",
    "admitted": "入驻",
    "recommended": "推荐",
    "rejected": "不予支持",
}

STYLE = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
       "Microsoft YaHei", sans-serif; font-size: 10.5pt; margin: 1rem auto; max-width: 70rem;
       padding: 0 1rem; }
p.secret { border: 2px solid #b00020; padding: 4pt 8pt; font-weight: bold; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #666; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #eee; }
td.number { text-align: right; white-space: nowrap; }
tr.flag td { background: #fff4c2; }
"""


@dataclass(frozen=True)
class Entry:
    """What the report shows of an application besides its scores."""

    project: str
    name: str
    college: str
    reviewers: tuple[str, ...]
    """Names of its reviewers, in the order of `Standing.totals`."""
    comments: tuple[str, ...] = ()
    """``姓名：评语`` of the reviewers who wrote one."""
    note: str = ""
    """Why it had fewer reviewers than the call asks, if it did."""


def decide(
    kind: str, ranked: list[Standing], with_budget: bool, places: int | None
) -> list[dict[str, Any]]:
    """The draft ``decisions:`` entries, in rank order."""
    accepted = ACCEPTED.get(kind, "admitted")
    decisions = []
    for index, standing in enumerate(ranked):
        chosen = standing.granted > 0 if with_budget else places is None or index < places
        entry: dict[str, Any] = {
            "project": standing.project,
            "result": accepted if chosen else "rejected",
        }
        if with_budget and chosen:
            entry["amount"] = standing.granted
        entry["rank"] = standing.rank
        decisions.append(entry)
    return decisions


def decisions_yaml(call_id: str, title: str, decisions: list[dict[str, Any]]) -> str:
    ties = sorted(
        {d["rank"] for d in decisions if sum(e["rank"] == d["rank"] for e in decisions) > 1}
    )
    head = [
        f"# 评审结果草稿：{title}（由 invoke call-results 生成，尚未生效）",
        f"# 请核对后用下面的 decisions: 整段替换 content/calls/{call_id}.yaml 中的 decisions:"
        "（还没有就加在文件末尾）再提交；",
        "# 提交后，公示开始时网站才会显示。",
    ]
    if ties:
        head.append(
            "# 注意：排名 "
            + "、".join(str(r) for r in ties)
            + " 有并列，顺序按项目编号，请办公室复核。"
        )
    return "\n".join(head) + "\n" + to_yaml({"decisions": decisions})


def summary_text(
    title: str,
    method_label: str,
    ranked: list[Standing],
    entries: dict[str, Entry],
    decisions: list[dict[str, Any]],
    with_budget: bool,
) -> str:
    """A few lines for the terminal and the report folder."""
    result = {d["project"]: RESULT_LABELS[d["result"]] for d in decisions}
    lines = [f"【{title}】{len(ranked)} 份申报书，汇总方式：{method_label}"]
    for standing in ranked:
        entry = entries[standing.project]
        flags = _flags(standing)
        money_part = f"，拟资助 {money(standing.granted)}" if with_budget else ""
        lines.append(
            f"  第 {standing.rank} 名 {entry.name}（{entry.college}）{standing.combined:.2f} 分"
            f"{money_part}，{result[standing.project]}" + (f"（{flags}）" if flags else "")
        )
    if with_budget:
        lines.append(f"  拟资助合计 {money(sum(s.granted for s in ranked))}")
    ranked_ids = {s.project for s in ranked}
    lines += [
        f"  未评审、未排名：{entry.name}（{entry.note}）"
        for project, entry in entries.items()
        if project not in ranked_ids
    ]
    return "\n".join(lines) + "\n"


def report_html(
    title: str,
    method_label: str,
    limit: float,
    ranked: list[Standing],
    entries: dict[str, Entry],
    decisions: list[dict[str, Any]],
    with_budget: bool,
) -> bytes:
    result = {d["project"]: RESULT_LABELS[d["result"]] for d in decisions}
    rows = []
    for s in ranked:
        entry = entries[s.project]
        reviews = "<br>".join(
            f"{attribute(name)}：{total:.2f}"
            for name, total in zip(entry.reviewers, s.totals, strict=True)
        )
        money_cells = (
            f'<td class="number">{money(s.requested) if s.requested is not None else "未填"}</td>'
            f'<td class="number">{money(s.granted)}</td>'
            if with_budget
            else ""
        )
        flags = attribute(_flags(s) + (f"；{entry.note}" if entry.note else ""))
        marked = ' class="flag"' if flags else ""
        rows.append(
            f'<tr{marked}><td class="number">{s.rank}</td>'
            f"<td>{attribute(entry.name)}<br>{attribute(s.project)}</td><td>{attribute(entry.college)}</td>"
            f'<td class="number">{s.combined:.2f}</td><td class="number">{s.mean:.2f}</td>'
            f'<td class="number">{s.median:.2f}</td><td class="number">{s.spread:.2f}</td>'
            f"<td>{reviews}</td>{money_cells}<td>{result[s.project]}</td><td>{flags}</td></tr>"
        )
    money_heads = "<th>申请金额</th><th>拟资助</th>" if with_budget else ""
    comments = "".join(
        f"<h3>{attribute(entries[s.project].name)}</h3><ul>"
        + "".join(f"<li>{attribute(c)}</li>" for c in entries[s.project].comments)
        + "</ul>"
        for s in ranked
        if entries[s.project].comments
    )
    body = (
        '<p class="secret">保密材料：含评审专家姓名和分数，不得公开、不得提交到仓库或放进网站。</p>'
        f"<h1>{attribute(title)} · 评审结果（草稿）</h1><p>汇总方式：{attribute(method_label)}。"
        f"分歧：各评审总分的标准差超过 {limit:g}；并列：综合得分相同，顺序按项目编号。</p>"
        "<table><thead><tr><th>排名</th><th>项目</th><th>学院</th><th>综合得分</th>"
        "<th>平均分</th><th>中位数</th><th>标准差</th><th>各评审总分</th>"
        f"{money_heads}<th>拟定结果</th><th>提示</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        + "".join(
            f"<p>未评审、未排名：{attribute(entry.name)}（{attribute(entry.note)}）</p>"
            for project, entry in entries.items()
            if project not in {s.project for s in ranked}
        )
        + (f"<h2>评语</h2>{comments}" if comments else "")
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"{meta_tag(document_policy(styles=[STYLE]))}\n"
        '<meta name="robots" content="noindex">\n'
        f"<title>{attribute(title)} · 评审结果（保密）</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    ).encode()


def _flags(standing: Standing) -> str:
    flags = []
    if standing.disagreement:
        flags.append(f"评审分歧较大（标准差 {standing.spread:.2f}）")
    if standing.tie:
        flags.append("并列")
    if standing.budget_short:
        flags.append(
            f"预算余额不足：拟资助比申请少 {money(standing.budget_short)}，请确认是否部分资助"
        )
    return "，".join(flags)
