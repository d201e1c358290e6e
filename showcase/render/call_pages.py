"""项目申报: the calls index and one page per call.

A call's page says what it is for, who may apply, the dates (with a countdown to the
申报 deadline, redone with the visitor's clock by ``assets/call.js``), the rubric and how
to apply, with the application form while 申报 is open. What else it shows follows the
publication day (``RenderInputs.publicity.as_of``), never a flag: once 申报 has closed,
the projects that applied, by college (names only: no plan, no amount); from the first
day of 公示 the committed decisions, marked as proposed with the objection channel until
公示 ends, then as the results. Reviewer names and scores never reach a page: the records
hold no score, and nothing here reads `Call.reviewers`.
"""

from __future__ import annotations

import datetime

from showcase.calls import (
    CALL_KINDS,
    CHECKPOINT_KINDS,
    COMBINE_METHODS,
    DECISION_RESULTS,
    SUPPORTED,
    Call,
    CallPhase,
)
from showcase.model import LEVELS, STAGES, STATUSES, Model
from showcase.render import paths
from showcase.render.chinese_numbers import money, written_date
from showcase.render.html_blocks import anchor, bullet_list, facts, page, rich_block, section
from showcase.render.submit_page import STYLESHEET as SUBMIT_STYLESHEET
from showcase.render.text import attribute, rich

CALLS = "calls/index.md"
CALL_SCRIPT = paths.asset("call.js")
NAV_TITLE = "项目申报"
PHASE_WORDS = {
    "upcoming": "即将开始申报",
    "application": "正在申报",
    "recommendation": "学院推荐中",
    "review": "评审中",
    "publicity": "结果公示中",
    "results": "已公布结果",
}


def call_page(call_id: str) -> str:
    return f"calls/{call_id}.md"


def render_calls_index(model: Model, day: datetime.date) -> str:
    """Every call, the open ones first, then by 申报 opening, newest first."""
    by_opening = sorted(
        model.calls.values(), key=lambda c: c.phase("application").start, reverse=True
    )
    open_first = [c for c in by_opening if c.accepts_applications(day)]
    others = [c for c in by_opening if not c.accepts_applications(day)]
    items = [_index_item(call, day) for call in (*open_first, *others)]
    body = [
        f"<h1>{NAV_TITLE}</h1>",
        "<p>众创空间和学院发布的入驻、孵化推荐和经费资助申报通知。每份通知写明申报条件、"
        "日程和评审办法；申报书由项目团队提交到项目文件夹，经学院推荐后由专家评审，"
        "结果先公示再公布。除注明外，时间均为北京时间。</p>",
        f'<ol class="sc-event-list">{"".join(items)}</ol>'
        if items
        else '<p class="sc-meta">暂无申报通知。</p>',
    ]
    meta = {"title": NAV_TITLE, "description": "入驻、孵化推荐和经费资助的申报通知、日程和结果"}
    return page(meta, body, "sc-calls", styles=(paths.PAGES_STYLESHEET,))


def _index_item(call: Call, day: datetime.date) -> str:
    application = call.phase("application")
    link = anchor(paths.href(CALLS, call_page(call.id)), call.title)
    return (
        f'<li><span class="sc-event__type">{CALL_KINDS[call.kind]}</span> {link}'
        f'<br><span class="sc-meta">{PHASE_WORDS[call.current_phase(day)]} · 申报时间 '
        f"{_moment(application.start)} 至 {_moment(application.end)}</span></li>"
    )


def render_call_page(call: Call, model: Model, day: datetime.date, form: str = "") -> str:
    """The page of `call` as it stands on the publication day `day`; `form` is the
    application form's HTML, shown while 申报 is open."""
    here = call_page(call.id)
    script = paths.href(here, CALL_SCRIPT)
    body = [
        f"<h1>{attribute(call.title)}</h1>",
        f'<p><span class="sc-event__type">{CALL_KINDS[call.kind]}</span> '
        f'<span class="sc-call__phase">{PHASE_WORDS[call.current_phase(day)]}</span></p>',
        f'<p class="sc-summary">{attribute(call.summary)}</p>',
        _countdown(call, day),
        section("申报条件", _eligibility(call, model), searchable=True),
        section("日程", _schedule(call)),
        section("支持方式", _support(call)),
        section("申报说明", rich_block(rich(call.description)), searchable=True),
        section("评审办法", _rubric(call)),
        section("如何申报", _how_to_apply(call, day, form), element_id="apply"),
        section("申报项目", _applicants(call, model, here, day)),
        _decisions(call, model, here, day),
        f'<script src="{script}"></script>',
    ]
    meta = {"title": call.title, "description": call.summary}
    return page(meta, body, "sc-call", styles=(paths.PAGES_STYLESHEET, SUBMIT_STYLESHEET))


def _moment(value: str) -> str:
    """``2026-11-06 17:00`` as a ``<time>`` the reader and the machine both read."""
    day, _, clock = value.partition(" ")
    return (
        f'<time datetime="{attribute(day)}T{attribute(clock)}+08:00">'
        f"{written_date(day)} {attribute(clock)}</time>"
    )


def _countdown(call: Call, day: datetime.date) -> str:
    """The build's word on the deadline; call.js recounts it with the visitor's clock."""
    application = call.phase("application")
    if call.applications_closed(day):
        text = f"申报已于 {written_date(application.end[:10])}截止。"
    elif call.accepts_applications(day):
        left = (datetime.date.fromisoformat(application.end[:10]) - day).days
        text = f"距申报截止还有 {left} 天（{written_date(application.end[:10])} {application.end[11:]}）。"
    else:
        text = f"申报将于 {written_date(application.start[:10])} {application.start[11:]} 开始。"
    return (
        f'<p class="sc-call__countdown" role="status" data-opens="{_iso(application.start)}" '
        f'data-closes="{_iso(application.end)}">{attribute(text)}</p>'
    )


def _iso(moment: str) -> str:
    return attribute(moment.replace(" ", "T") + ":00+08:00")


def _eligibility(call: Call, model: Model) -> str:
    rule = call.eligibility
    team = ""
    if rule.team_min is not None or rule.team_max is not None:
        low = f"至少 {rule.team_min} 人" if rule.team_min is not None else ""
        high = f"至多 {rule.team_max} 人" if rule.team_max is not None else ""
        team = "，".join(part for part in (low, high) if part)
    rows = [
        ("孵化层级", "、".join(LEVELS[v] for v in rule.levels) or "不限"),
        ("发展阶段", "、".join(STAGES[v] for v in rule.stages) or "不限"),
        ("项目状态", "、".join(STATUSES[v] for v in rule.statuses) or "不限"),
        ("学院", "、".join(attribute(_college(model, c)) for c in rule.colleges) or "全校各学院"),
        ("团队人数", team or "不限"),
    ]
    return facts(rows) + "<p>每个项目在本次申报中只能提交一份申报书。</p>"


def _college(model: Model, college_id: str) -> str:
    college = model.colleges.get(college_id)
    return college.name if college else college_id


def _schedule(call: Call) -> str:
    rows = "".join(
        f'<tr><th scope="row">{phase.name}</th><td>{_span(phase)}</td></tr>'
        for phase in call.phases
    )
    return f"<table><thead><tr><th>阶段</th><th>时间</th></tr></thead><tbody>{rows}</tbody></table>"


def _span(phase: CallPhase) -> str:
    if not phase.end:
        return _moment(phase.start)
    return f"{_moment(phase.start)} 至 {_moment(phase.end)}"


def _support(call: Call) -> str:
    rows = []
    if call.budget is not None:
        rows.append(("经费总额", f'<span class="sc-amount">{money(call.budget.total)}</span>'))
        rows.append(("单项最高", money(call.budget.cap)))
    if call.checkpoints:
        rows.append(
            (
                "过程检查",
                "；".join(
                    f"{CHECKPOINT_KINDS[c.kind]}报告 {written_date(c.due)}前提交"
                    for c in call.checkpoints
                ),
            )
        )
    if call.organiser:
        rows.append(("组织单位", attribute(call.organiser)))
    return facts(rows)


def _rubric(call: Call) -> str:
    rows = "".join(
        f"<tr><td>{attribute(c.name)}</td><td>{round(c.weight * 100):d}%</td>"
        f"<td>{attribute(c.description)}</td></tr>"
        for c in call.score_categories
    )
    return (
        f"<p>每份申报书由 {call.reviews_per_application} 位专家独立评审，"
        f"各项得分按权重相加；多位专家的总分取{COMBINE_METHODS[call.combine]}。"
        "评审专家名单和分数不公开。</p>"
        f"<table><thead><tr><th>评分项</th><th>权重</th><th>说明</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def _how_to_apply(call: Call, day: datetime.date, form: str) -> str:
    steps = bullet_list(
        [
            "确认项目符合上面的申报条件，并且项目文件里的层级、阶段、状态和团队是最新的。",
            "用下面的申报表填写项目计划"
            + ("、申请金额和经费预算" if call.budget is not None else "")
            + "，网页会当场检查并生成申报书；按页面提示在代码托管平台上新建文件、发起合并请求。"
            "申报书放在项目自己的文件夹里，由学院维护人审核合并。",
            "学院在学院推荐阶段审核本院的申报书，填写推荐意见和院内排序。",
            "截止以后，新的申报书和对已提交申报书的修改、撤回都会被合并前的检查拒绝。",
        ]
    )
    if call.accepts_applications(day):
        return steps + form
    if call.applications_closed(day):
        return '<p class="sc-meta">本次申报已截止，不再接受新的申报书。</p>'
    return steps + '<p class="sc-meta">申报开始后，这里会出现申报表。</p>'


def _applicants(call: Call, model: Model, here: str, day: datetime.date) -> str:
    """After the deadline: who applied, by college; names only."""
    if not call.applications_closed(day):
        return ""
    by_college: dict[str, list[str]] = {}
    for application in model.applications_to(call.id):
        project = model.projects.get(application.project)
        if project is not None:
            link = anchor(paths.href(here, paths.project_page(project.id)), project.name)
            by_college.setdefault(application.college, []).append(link)
    if not by_college:
        return '<p class="sc-meta">本次申报没有收到申报书。</p>'
    count = sum(len(items) for items in by_college.values())
    groups = "".join(
        f"<h3>{attribute(_college(model, college))}（{len(by_college[college])} 项）</h3>"
        f"{bullet_list(by_college[college])}"
        for college in model.colleges
        if college in by_college
    )
    return f"<p>共收到 {len(by_college)} 个学院的 {count} 份申报书。</p>{groups}"


def _decisions(call: Call, model: Model, here: str, day: datetime.date) -> str:
    """From the first day of 公示: the supported projects, proposed until 公示 ends."""
    if not call.decisions_public(day):
        return ""
    supported = sorted(
        (d for d in call.decisions if d.result in SUPPORTED),
        key=lambda d: (d.rank is None, d.rank or 0, d.project),
    )
    money_column = call.budget is not None
    rows = []
    for decision in supported:
        project = model.projects.get(decision.project)
        name = (
            anchor(paths.href(here, paths.project_page(project.id)), project.name)
            if project
            else attribute(decision.project)
        )
        college = attribute(_college(model, project.college)) if project else ""
        amount = money(decision.amount) if decision.amount is not None else "—"
        rows.append(
            f"<tr><td>{name}</td><td>{college}</td><td>{DECISION_RESULTS[decision.result]}</td>"
            + (f"<td>{amount}</td>" if money_column else "")
            + "</tr>"
        )
    head = "<th>项目</th><th>学院</th><th>结果</th>" + ("<th>资助金额</th>" if money_column else "")
    table = (
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        if rows
        else '<p class="sc-meta">本次申报没有拟支持的项目。</p>'
    )
    publicity = call.phase("publicity")
    if call.in_publicity(day):
        channel = call.objections
        contacts = [
            ("受理部门", attribute(channel.office)),
            ("邮箱", anchor(f"mailto:{channel.email}", channel.email) if channel.email else ""),
            ("电话", anchor(f"tel:{channel.phone}", channel.phone) if channel.phone else ""),
            ("说明", attribute(channel.note)),
        ]
        intro = (
            f"<p>以下为拟支持名单，公示期至 {_moment(publicity.end)}。"
            "对结果有异议的，请在公示期内联系：</p>"
        )
        # not searchable: the objection channel stays on this page, out of the search index
        return section("拟支持名单（公示）", intro + facts(contacts) + table)
    results = call.phase("results")
    intro = f"<p>公示期满，结果于 {_moment(results.start)} 公布。</p>"
    return section("评审结果", intro + table, searchable=True)
