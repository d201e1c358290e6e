"""Draft decisions from a ranked list: which result each kind of call gives, and the YAML."""

from __future__ import annotations

from dataclasses import replace

import yaml

from showcase.funding.results import Entry, decide, decisions_yaml, report_html, summary_text
from showcase.funding.scoring import Standing


def standing(project: str, rank: int, granted: int = 0, tie: bool = False) -> Standing:
    return Standing(project, (7.0,), 7.0, 7.0, 7.0, 0.0, False, rank, tie, None, granted)


RANKED = [standing("a", 1, 30000, True), standing("d", 1, 20000, True), standing("b", 3)]


def test_a_funding_call_funds_exactly_the_projects_granted_money() -> None:
    assert decide("funding", RANKED, True, None) == [
        {"project": "a", "result": "funded", "amount": 30000, "rank": 1},
        {"project": "d", "result": "funded", "amount": 20000, "rank": 1},
        {"project": "b", "result": "rejected", "rank": 3},
    ]


def test_an_intake_without_budget_admits_the_first_places() -> None:
    assert [d["result"] for d in decide("makerspace-intake", RANKED, False, 2)] == [
        "admitted",
        "admitted",
        "rejected",
    ]
    assert [d["result"] for d in decide("incubation", RANKED, False, None)] == ["recommended"] * 3


def test_the_draft_reads_back_as_the_decisions_and_warns_of_ties() -> None:
    decisions = decide("funding", RANKED, True, None)
    draft = decisions_yaml("2026-fund", "2026 年度经费资助", decisions)
    assert yaml.safe_load(draft) == {"decisions": decisions}
    assert "# 注意：排名 1 有并列，顺序按项目编号，请办公室复核。" in draft
    assert "content/calls/2026-fund.yaml" in draft


def test_an_application_nobody_could_review_is_named_not_dropped() -> None:
    entries = {
        "a": Entry("a", "甲项目", "纺织学院", ("闻思远",)),
        "d": Entry("d", "丁项目", "艺术学院", ("赵专家",)),
        "b": Entry("b", "乙项目", "计算机学院", ("钱专家",)),
        "z": Entry("z", "无人可评", "纺织学院", (), note="只有 0 位可以评审"),
    }
    decisions = decide("funding", RANKED, True, None)
    text = summary_text("经费资助", "平均分", RANKED, entries, decisions, True)
    assert "  未评审、未排名：无人可评（只有 0 位可以评审）" in text.splitlines()
    report = report_html("经费资助", "平均分", 1.5, RANKED, entries, decisions, True).decode()
    assert "未评审、未排名：无人可评" in report and "标准差超过 1.5；" in report


def test_a_grant_cut_short_by_the_budget_is_flagged_and_a_full_one_is_not() -> None:
    # 100 000 budget, 30 000 cap: the third application asks 30 000 and gets the 5 000 left
    full, capped = standing("a", 1, 30000), standing("b", 2, 30000)
    cut = replace(standing("c", 3, 5000), requested=30000, budget_short=25000)
    ranked = [full, capped, cut]
    entries = {
        s.project: Entry(s.project, f"项目{s.project}", "纺织学院", ("闻思远",)) for s in ranked
    }
    decisions = decide("funding", ranked, True, None)
    flag = "预算余额不足：拟资助比申请少 2.5 万元，请确认是否部分资助"
    report = report_html("经费资助", "平均分", 1.5, ranked, entries, decisions, True).decode()
    rows = [row for row in report.split("<tr") if "项目" in row and "<td" in row]
    assert [flag in row for row in rows] == [False, False, True]
    assert rows[2].startswith(' class="flag"')
    text = summary_text("经费资助", "平均分", ranked, entries, decisions, True)
    assert [flag in line for line in text.splitlines()[1:4]] == [False, False, True]
