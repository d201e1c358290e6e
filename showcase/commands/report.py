"""``invoke report [--year 2025-2026] [--out DIR]``: the assessment for the leadership group.

Writes into ``build/report/`` (replaced as a whole, only if this tool wrote it: see
`showcase.atomic`)::

    评估报表-2025-2026.xlsx   one sheet per table, Chinese headers, frozen header row
    ranking.csv …             the same tables, UTF-8 with BOM
    report.html, report.pdf   the A4 report (cover, charts, page numbers; PDF by Chromium)

and prints the year's ranking with each indicator's contribution. Without ``--year`` the
last academic year that has ended is reported.
"""

from __future__ import annotations

import sys
from pathlib import Path

from showcase.assessment import Assessment, assess
from showcase.assessment.periods import parse_year
from showcase.assessment.scoring import YearResult, format_number
from showcase.assessment.tables import report_tables
from showcase.atomic import ForeignFolder, replaced_atomically
from showcase.commands.common import publication_date, validated_model
from showcase.commands.report_files import write_csv, write_workbook
from showcase.engine.pdf import write_pdfs
from showcase.paths import Layout
from showcase.render.assessment_report import report_document

REFUSAL = "数据有错误，未生成评估报表。请按上面的提示修改后重试。"


def report(root: Path, year: str, out: str, today: str = "") -> int:
    layout = Layout(root)
    try:
        day, _source = publication_date(today)
    except ValueError as error:
        print(str(error), file=sys.stderr)
        return 1
    model = validated_model(layout, REFUSAL)
    if model is None:
        return 1
    if model.assessment is None:
        print(
            "缺少评估办法文件 content/assessment.yaml，无法评估；请从仓库恢复它。",
            file=sys.stderr,
        )
        return 1
    assessment = assess(model, model.assessment, day)
    chosen = _chosen_year(assessment, year)
    if chosen is None:
        return 1
    target = Path(out) if out else layout.build_dir / "report"
    tables = report_tables(chosen, assessment)
    try:
        with replaced_atomically(target, repository=root) as staging:
            write_workbook(staging / f"评估报表-{chosen.year.label}.xlsx", tables)
            for table in tables:
                write_csv(staging / f"{table.key}.csv", table)
            (staging / "report.html").write_text(
                report_document(assessment, chosen, model.site.school), encoding="utf-8"
            )
    except ForeignFolder as refused:
        print(refused.message, file=sys.stderr)
        return 1
    except OSError as error:
        print(f"无法写入 {target}：{error}", file=sys.stderr)
        return 1
    notice = write_pdfs([target / "report.html"])
    print(ranking_text(chosen))
    print(
        f"已写入 {target}：评估报表（XLSX）、{len(tables)} 个 CSV 表格、report.html"
        + ("" if notice else "、report.pdf")
    )
    if notice:
        print(notice, file=sys.stderr)
    return 0


def _chosen_year(assessment: Assessment, label: str) -> YearResult | None:
    if not label:
        chosen = assessment.default_year()
        if chosen is None:
            print("没有可评估的学年。", file=sys.stderr)
        return chosen
    parsed = parse_year(label, assessment.plan.start_month)
    found = assessment.year(parsed.label) if parsed else None
    if found is None:
        known = "、".join(y.year.label for y in assessment.years)
        print(f"没有学年 {label}：可选的学年有 {known}（写成 2025-2026）。", file=sys.stderr)
    return found


def ranking_text(year: YearResult) -> str:
    """The year's ranking, one college per line with each indicator's contribution."""
    lines = [f"{year.year.chinese}评估结果（排名 · 学院 · 总分 · 各项得分）："]
    if not year.has_data:
        return lines[0] + "本学年暂无数据。"
    for college in year.colleges:
        rank = f"第 {college.rank} 名" if college.rank is not None else "不排名"
        parts = "，".join(
            f"{r.indicator.name} {format_number(r.points)}"
            for r in college.results
            if r.indicator.weight
        )
        mark = " 【先进单位】" if college.advanced else ""
        note = f"（{college.note}）" if college.note else ""
        lines.append(
            f"  {rank} {college.college.name} {format_number(college.total)} 分{mark}{note}：{parts}"
        )
    return "\n".join(lines)
