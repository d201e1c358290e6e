"""A reviewer's print packet: the assigned applications as one A4 document.

A standalone HTML document (no script, no outside request, its own Content-Security-Policy,
as the agenda's print pages) that `invoke call-packets` turns into PDF with Chromium. The
cover names the call, the reviewer, the score categories with weights, ranges and what each
judges (the call's descriptions), and the applications in the order of the score sheet;
each application starts on a new page.

Anonymised (``--anonymise``), a packet names no team member, college or mentor: those
sections are left out, and every such name is also blacked out (■■) wherever the
applicants wrote it in their own text (summary, plan, budget notes, milestones).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from showcase.funding.scoring import Category
from showcase.render.chinese_numbers import money
from showcase.render.csp import document_policy, meta_tag
from showcase.render.text import attribute, rich

BLACKED_OUT = "■■"

STYLE = """
@page { size: A4; margin: 16mm 14mm 18mm;
        @bottom-center { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页";
                         font-size: 8.5pt; color: #444; } }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
       "Microsoft YaHei", sans-serif; font-size: 10.5pt; color: #000; margin: 0;
       line-height: 1.55; }
header.cover { border-top: 3mm solid #283593; padding-top: 4mm; }
header.cover h1 { font-size: 19pt; margin: 2mm 0; }
p.notice { border: 0.6pt solid #444; padding: 3pt 6pt; }
h2 { font-size: 14pt; margin: 0 0 4pt; break-after: avoid; }
h3, h4, h5, h6 { font-size: 11pt; margin: 10pt 0 3pt; break-after: avoid; }
section.application { break-before: page; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; }
th, td { border: 0.6pt solid #444; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #eee; }
tr { break-inside: avoid; }
td.amount { text-align: right; white-space: nowrap; }
dl.facts { display: grid; grid-template-columns: 7em 1fr; gap: 2pt 8pt; margin: 0 0 8pt; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
@media screen { body { max-width: 50rem; margin: 1rem auto; padding: 0 1rem; } }
"""


@dataclass(frozen=True)
class Dossier:
    """One application as its reviewers read it."""

    project: str
    name: str
    college: str
    summary: str
    plan: str
    """Markdown, as the applicants wrote it."""
    mentors: tuple[str, ...] = ()
    """Mentors' names."""
    team: tuple[str, ...] = ()
    """Public members as ``姓名（角色）``."""
    member_names: tuple[str, ...] = ()
    """Every name to black out when anonymised (members, mentors, college)."""
    requested: int | None = None
    budget_lines: tuple[tuple[str, int, str], ...] = ()
    milestones: tuple[tuple[str, str], ...] = ()
    recommendation: str = ""


def packet_html(
    call_title: str,
    reviewer_name: str,
    categories: Iterable[Category],
    dossiers: list[Dossier],
    anonymise: bool,
) -> bytes:
    """The whole packet of one reviewer."""
    rows = "".join(
        f"<tr><td>{attribute(c.name)}</td><td>{c.share}</td><td>{c.span}</td>"
        f"<td>{attribute(c.description)}</td></tr>"
        for c in categories
    )
    listed = "".join(
        f"<li>{attribute(shown_name(d, anonymise))}（{attribute(d.project)}）</li>"
        for d in dossiers
    )
    cover = (
        '<header class="cover">'
        f"<p>评审材料 · 保密，仅供本人评审使用，评审结束后请销毁</p>"
        f"<h1>{attribute(call_title)}</h1>"
        f"<p>评审专家：{attribute(reviewer_name)} · 共 {len(dossiers)} 份申报书"
        + ("（已匿名：不显示团队、学院和导师）" if anonymise else "")
        + "</p></header>"
        '<p class="notice">请在随附的 Excel 评分表中打分：各项分数填在黄色单元格中，'
        "不要增删行列、不要改动表头；总分按下表的权重加权计算。</p>"
        "<table><thead><tr><th>评分项</th><th>权重</th><th>分数范围</th><th>评分标准</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
        f"<p>申报书（与评分表的顺序相同）：</p><ol>{listed}</ol>"
    )
    body = cover + "".join(_application(d, anonymise) for d in dossiers)
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"{meta_tag(document_policy(styles=[STYLE]))}\n"
        f"<title>{attribute(call_title)} · 评审材料 · {attribute(reviewer_name)}</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    ).encode()


def _application(dossier: Dossier, anonymise: bool) -> str:
    hide = blackout(dossier.member_names) if anonymise else (lambda text: text)
    facts = [("项目编号", attribute(dossier.project))]
    if not anonymise:
        facts += [
            ("学院", attribute(dossier.college)),
            ("指导教师", attribute("、".join(dossier.mentors) or "无")),
            ("团队", attribute("、".join(dossier.team) or "未公开")),
        ]
        if dossier.recommendation:
            facts.append(("学院推荐", attribute(dossier.recommendation)))
    if dossier.requested is not None:
        facts.append(("申请金额", money(dossier.requested)))
    parts = [
        '<section class="application">',
        f"<h2>{attribute(hide(dossier.name))}</h2>",
        '<dl class="facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>",
        f"<h3>项目简介</h3><p>{attribute(hide(dossier.summary))}</p>",
        "<h3>项目计划</h3>" + rich(hide(dossier.plan), top=4),
    ]
    if dossier.budget_lines:
        lines = "".join(
            f'<tr><td>{attribute(hide(item))}</td><td class="amount">{money(amount)}</td>'
            f"<td>{attribute(hide(note))}</td></tr>"
            for item, amount, note in dossier.budget_lines
        )
        parts.append(
            "<h3>经费预算</h3><table><thead><tr><th>开支项目</th><th>金额</th><th>说明</th>"
            f"</tr></thead><tbody>{lines}</tbody></table>"
        )
    if dossier.milestones:
        steps = "".join(
            f"<tr><td>{attribute(date)}</td><td>{attribute(hide(what))}</td></tr>"
            for date, what in dossier.milestones
        )
        parts.append(
            "<h3>进度安排</h3><table><thead><tr><th>日期</th><th>计划完成</th></tr></thead>"
            f"<tbody>{steps}</tbody></table>"
        )
    return "".join(parts) + "</section>"


def shown_name(dossier: Dossier, anonymise: bool) -> str:
    """The project's name as the packet and the score sheet show it."""
    return blackout(dossier.member_names)(dossier.name) if anonymise else dossier.name


def blackout(names: tuple[str, ...]) -> Callable[[str], str]:
    """A function that replaces every one of `names` in a text by ■■, longest first."""
    found = sorted({n for n in names if n}, key=len, reverse=True)
    if not found:
        return lambda text: text
    pattern = re.compile("|".join(re.escape(n) for n in found))
    return lambda text: pattern.sub(BLACKED_OUT, text)
