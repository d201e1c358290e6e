"""评估办法: the scoring document, written from ``content/assessment.yaml`` itself.

Like OpenSSF Scorecard's checks document, it is generated from the file that drives the
scoring (`showcase.assessment_plan`), so the published rules cannot disagree with the
numbers on the 数据看板.
"""

from __future__ import annotations

from showcase.assessment import Assessment
from showcase.assessment.periods import AcademicYear
from showcase.assessment.scoring import advanced_condition
from showcase.assessment.sources import SOURCES
from showcase.assessment.tables import indicators_table
from showcase.render import paths
from showcase.render.dashboard import STYLES, cell_text, period_text
from showcase.render.html_blocks import anchor, facts, page, rich_block, section
from showcase.render.text import attribute, rich


def render_assessment_method(assessment: Assessment) -> str:
    plan, here = assessment.plan, paths.ASSESSMENT_METHOD
    example = AcademicYear(2025, plan.start_month)
    scored = [i for i in plan.indicators if i.weight]
    shown = [i for i in plan.indicators if not i.weight]
    body = [
        f"<h1>{attribute(plan.title)}</h1>",
        rich_block(rich(plan.introduction, top=2)),
        f"<p>各学院的得分、排名和先进单位见{anchor(paths.href(here, paths.DASHBOARD), '数据看板')}；"
        "本页与数据看板由同一份评估办法文件生成，内容始终一致。</p>",
        section(
            "评估周期",
            f"<p>按学年评估：每年 {plan.start_month} 月 1 日至次年 {plan.start_month - 1 or 12} 月底，"
            f"按北京时间计。例如 {example.chinese}为{attribute(period_text(example))}。"
            "只写年月的日期按所在月份归入学年。</p>",
        ),
        section(
            "指标与权重",
            f"<p>共 {len(scored)} 项计分指标，满分 "
            f"{sum(i.weight for i in scored):g} 分；另有 {len(shown)} 项只展示、不计分。"
            "每项指标最多得到它的权重分，总分是各项得分之和。</p>" + _indicator_cards(assessment),
            searchable=True,
        ),
        section("计分规则", _rules_text(assessment)),
        section("先进单位", _advanced_text(assessment)),
        section("数据来源", _sources_list(), searchable=True),
    ]
    meta = {
        "title": plan.title,
        "description": "学院创业苗圃评估考核的指标、权重、计分规则和先进单位评选规则",
    }
    return page(meta, body, "sc-assessment-method", styles=STYLES)


def _indicator_cards(assessment: Assessment) -> str:
    """Each indicator as a heading and its facts (the workbook's 评估指标 table, row by
    row): a phone reads them without scrolling sideways."""
    table = indicators_table(assessment)
    cards = []
    for row in table.rows:
        pairs = zip(table.headers[1:], row[1:], table.kinds[1:], strict=True)
        cards.append(
            f"<h3>{attribute(str(row[0]))}</h3>"
            + facts((label, attribute(cell_text(value, kind))) for label, value, kind in pairs)
        )
    return "".join(cards)


def _rules_text(assessment: Assessment) -> str:
    plan = assessment.plan
    items = [
        "门槛加增量：数量达到门槛得起始分，此后每多一个加增量分，不超过封顶分（未写时为权重）。",
        "按比例折算：数量除以学院当学年的学生人数（按每若干名学生计）或在孵项目数，"
        "比值达到满分比值得满分，不足按比例计分；效率优先于规模。",
        "某项原始数量低于该指标的最低数量时，数字照常列出，但这一项不计分。",
        "暂时没有数据的指标（例如尚未开始记录的项目申报）显示“无数据”，各学院一律不计分。",
        "每项得分保留两位小数（四舍五入），总分相同的学院名次相同。",
    ]
    if plan.minimum_projects:
        items.append(
            f"本学年在孵项目少于 {plan.minimum_projects} 个的学院照常列出全部数字，"
            "但标注“不参与排名”，以免小数字带来偶然的名次。"
        )
    items.append("没有项目的学院同样列出，各项为 0。")
    return "<ul>" + "".join(f"<li>{attribute(item)}</li>" for item in items) + "</ul>"


def _advanced_text(assessment: Assessment) -> str:
    condition = advanced_condition(assessment.plan)
    return (
        f"<p>参与排名的学院中，{attribute(condition)}的学院评为本学年先进单位，"
        "由学校根据创新创业工作开展情况予以资金支持和鼓励。数据看板写明每个先进单位的理由。</p>"
    )


def _sources_list() -> str:
    items = "".join(
        f"<li><strong>{attribute(s.label)}</strong>（{attribute(s.unit)}）：{attribute(s.counted)}</li>"
        for s in SOURCES.values()
    )
    return f"<p>各项指标从以下数据中统计：</p><ul>{items}</ul>"
