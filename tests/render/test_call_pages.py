"""The call pages and what follows a decision, on any publication day of a call's life.

The sample's two calls are rendered for days before, during and after each phase: who
applied shows only after the deadline, decisions only from the first day of 公示 (marked
as proposed, with the objection channel, until it ends), and no page or open-data file
ever holds a score, a reviewer's name, an application's plan or a rejection.
"""

from __future__ import annotations

import datetime
import json
import re
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.calls import Call
from showcase.model import Model
from showcase.paths import Layout, repository_root
from showcase.render.call_pages import render_call_page, render_calls_index
from showcase.render.call_support import public_support
from showcase.render.clock import build_stamp
from showcase.render.exports import open_data_files, projects_csv
from showcase.render.project_page import render_project_page
from showcase.validate import validate_repository

FUND = "2026-innovation-fund"
INTAKE = "2026-autumn-makerspace-intake"
DAYS = st.dates(datetime.date(2025, 12, 1), datetime.date(2027, 6, 30))


@cache
def sample() -> Model:
    result = validate_repository(Layout(repository_root()), today=datetime.date(2026, 11, 30))
    assert result.model is not None
    return result.model


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def confidential(model: Model, call: Call) -> list[str]:
    """What no public output may hold: external reviewers, plans, college opinions."""
    secret = [r.name for r in call.reviewers if r.name]
    secret += [r.institution for r in call.reviewers if r.institution]
    for application in model.applications_to(call.id):
        secret.append(application.plan.split("\n")[0][:20])
        if application.recommendation and application.recommendation.opinion:
            secret.append(application.recommendation.opinion)
    return secret


@settings(max_examples=40, deadline=None)
@given(day=DAYS)
def test_a_call_page_shows_what_its_phase_allows_and_never_a_secret(day: datetime.date) -> None:
    model = sample()
    for call in model.calls.values():
        shown = text_of(render_call_page(call, model, day))
        closed = call.phase("application").end[:10] < day.isoformat()
        public = bool(call.decisions) and call.phase("publicity").start[:10] <= day.isoformat()
        in_publicity = public and day.isoformat() <= call.phase("publicity").end[:10]
        applicant = model.projects[model.applications_to(call.id)[0].project].name
        assert (applicant in shown) == closed
        assert ("拟支持名单（公示）" in shown) == in_publicity
        assert ("评审结果 公示期满" in shown) == (public and not in_publicity)
        assert (call.objections.office in shown) == in_publicity
        rejected = [d for d in call.decisions if d.result == "rejected"]
        for decision in call.decisions:
            if decision in rejected:
                continue
            project = model.projects[decision.project]
            assert (f"{project.name} {model.colleges[project.college].name}" in shown) == public
        for secret in confidential(model, call):
            assert secret not in shown
        assert not re.search(r"\d+(\.\d+)? ?分", shown), "no score on a call page"


def test_the_deadline_counts_down_on_the_build_day_and_in_the_visitors_clock() -> None:
    model = sample()
    call = model.calls[FUND]
    before = render_call_page(call, model, datetime.date(2026, 3, 1))
    during = render_call_page(call, model, datetime.date(2026, 3, 18))
    after = render_call_page(call, model, datetime.date(2026, 3, 21))
    assert "申报将于 2026 年 3 月 2 日 09:00 开始" in text_of(before)
    assert "距申报截止还有 2 天" in text_of(during)
    assert "申报已于 2026 年 3 月 20 日截止" in text_of(after)
    assert 'data-closes="2026-03-20T17:00:00+08:00"' in during
    assert "call.js" in during


def test_the_index_lists_every_call_with_its_phase() -> None:
    model = sample()
    shown = text_of(render_calls_index(model, datetime.date(2026, 11, 30)))
    for call in model.calls.values():
        assert call.title in shown
    assert "结果公示中" in shown and "已公布结果" in shown


@settings(max_examples=25, deadline=None)
@given(day=DAYS)
def test_support_reaches_project_pages_and_open_data_only_from_publicity_on(
    day: datetime.date,
) -> None:
    model = sample()
    call = model.calls[FUND]
    support = public_support(model, day)
    public = call.phase("publicity").start[:10] <= day.isoformat()
    final = call.phase("publicity").end[:10] < day.isoformat()
    funded = [d for d in call.decisions if d.result == "funded"]
    records = {
        p["id"]: p
        for p in json.loads(
            open_data_files(model, build_stamp(model, ""), support)["data/projects.json"]
        )["projects"]
    }
    rows = projects_csv(model, "", support).decode("utf-8-sig")
    for decision in funded:
        project = model.projects[decision.project]
        page = text_of(render_project_page(project, model, support=support))
        assert (call.title in page) == public
        listed = [s for s in records[project.id]["support"] if s["call"] == FUND]
        assert listed == (
            [
                {
                    "call": FUND,
                    "call_title": call.title,
                    "kind": "funding",
                    "kind_label": "经费资助",
                    "result": "funded",
                    "result_label": "立项",
                    "amount_cny": decision.amount,
                    "final": final,
                }
            ]
            if public
            else []
        )
        row = next(line for line in rows.splitlines() if line.startswith(project.id + ","))
        assert (f",{decision.amount}," in row) == final
    for decision in call.decisions:
        if decision.result == "rejected":
            assert decision.project not in support or all(
                s.call != FUND for s in support[decision.project]
            )
    for secret in confidential(model, call):
        assert secret not in json.dumps(records, ensure_ascii=False)
