"""Reviewer assignment: by hand on a small panel, and as properties over random panels."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.funding.assignment import Panelist, Submission, assign, conflict

COLLEGES = ("textile", "computing", "arts")

YARN = Submission("smart-yarn", "智能纱线", "textile", ("wen",), "纺织学院")
READER = Submission("reader", "无障碍阅读器", "computing", ("lin",), "计算机学院")
DENIM = Submission("denim", "旧衣新生", "arts", ("cen",), "艺术学院")
MASCOT = Submission("mascot", "校园吉祥物", "arts", (), "艺术学院")

WEN = Panelist("wen", "闻思远", mentor="wen", college="textile")
LIN = Panelist("lin", "林知行", mentor="lin", college="computing")
ZHAO = Panelist("zhao", "赵专家", conflicts=("denim",))
QIAN = Panelist("qian", "钱专家", conflicts=("computing",))


def test_a_small_panel_is_assigned_as_worked_out_by_hand() -> None:
    # Conflicts: wen ✗ smart-yarn (its mentor, and own college); lin ✗ reader (mentor,
    # college); zhao ✗ denim (declared); qian ✗ reader (declared college computing).
    # Eligible: smart-yarn {lin, zhao, qian}; reader {wen, zhao}; denim {wen, lin, qian};
    # mascot {wen, lin, zhao, qian}. 4 applications × 2 = 8 reviews over 4 reviewers: the
    # even split is 2 each. reader can only have wen and zhao, which leaves wen 1, zhao 1,
    # lin 2, qian 2 places for the other 6 reviews: exactly enough, so every load is 2,
    # e.g. smart-yarn {lin, qian}, denim {wen, qian}, mascot {lin, zhao}.
    plan = assign([YARN, READER, DENIM, MASCOT], [WEN, LIN, ZHAO, QIAN], 2)
    assert plan.reviewers["reader"] == ("wen", "zhao")
    assert [plan.load(p) for p in ("wen", "lin", "zhao", "qian")] == [2, 2, 2, 2]
    assert all(len(chosen) == 2 for chosen in plan.reviewers.values())
    assert plan.shortfalls == {}


def test_an_application_short_of_reviewers_is_explained_in_chinese() -> None:
    plan = assign([YARN, READER], [WEN, LIN, ZHAO, QIAN], 3)
    assert plan.reviewers["reader"] == ("wen", "zhao")
    assert plan.reviewers["smart-yarn"] == ("lin", "zhao", "qian")
    assert plan.shortfalls == {
        "reader": "「无障碍阅读器」（计算机学院）需要 3 位评审专家，只有 2 位可以评审：闻思远、"
        "赵专家。回避的专家：林知行（项目导师）、钱专家（声明回避计算机学院）。"
        "请在申报通知的 reviewers 中增加与该项目没有回避关系的专家，"
        "或减少 reviews_per_application。"
    }


def test_each_kind_of_conflict_is_named() -> None:
    assert conflict(WEN, YARN) == "项目导师"
    assert conflict(Panelist("x", "某老师", mentor="x", college="textile"), YARN) == (
        "本学院（纺织学院）"
    )
    assert conflict(ZHAO, DENIM) == "声明回避本项目"
    assert conflict(QIAN, READER) == "声明回避计算机学院"
    assert conflict(ZHAO, YARN) == ""


submissions = st.lists(
    st.builds(
        Submission,
        project=st.sampled_from([f"p{i}" for i in range(8)]),
        name=st.just("项目"),
        college=st.sampled_from(COLLEGES),
        mentors=st.lists(st.sampled_from(["m0", "m1", "m2"]), max_size=2).map(tuple),
    ),
    max_size=7,
    unique_by=lambda s: s.project,
)
panels = st.lists(
    st.one_of(
        st.builds(
            Panelist,
            id=st.sampled_from(["m0", "m1", "m2"]),
            name=st.just("导师"),
            mentor=st.sampled_from(["m0", "m1", "m2"]),
            college=st.sampled_from(COLLEGES),
        ),
        st.builds(
            Panelist,
            id=st.sampled_from([f"x{i}" for i in range(4)]),
            name=st.just("专家"),
            conflicts=st.lists(
                st.sampled_from([*COLLEGES, *(f"p{i}" for i in range(8))]), max_size=3
            ).map(tuple),
        ),
    ),
    min_size=1,
    max_size=6,
    unique_by=lambda p: p.id,
)


@settings(max_examples=150, deadline=None)
@given(submissions, panels, st.integers(min_value=1, max_value=4))
def test_no_conflicted_or_repeated_reviewer_and_everyone_gets_what_the_panel_allows(
    apps: list[Submission], panel: list[Panelist], n: int
) -> None:
    plan = assign(apps, panel, n)
    by_id = {p.id: p for p in panel}
    for app in apps:
        chosen = plan.reviewers[app.project]
        assert len(set(chosen)) == len(chosen)
        assert all(not conflict(by_id[r], app) for r in chosen)
        allowed = sum(not conflict(p, app) for p in panel)
        assert len(chosen) == min(n, allowed)
        assert (app.project in plan.shortfalls) == (allowed < n)


@settings(max_examples=150, deadline=None)
@given(submissions, panels, st.integers(min_value=1, max_value=4))
def test_no_application_could_move_to_a_reviewer_with_two_fewer(
    apps: list[Submission], panel: list[Panelist], n: int
) -> None:
    plan = assign(apps, panel, n)
    for app in apps:
        chosen = plan.reviewers[app.project]
        for busy, idle in itertools.product(chosen, panel):
            if idle.id not in chosen and not conflict(idle, app):
                assert plan.load(busy) - plan.load(idle.id) <= 1


@settings(max_examples=150, deadline=None)
@given(submissions, st.integers(min_value=1, max_value=6), st.integers(min_value=1, max_value=4))
def test_without_conflicts_loads_differ_by_at_most_one(
    apps: list[Submission], size: int, n: int
) -> None:
    panel = [Panelist(f"x{i}", "专家") for i in range(size)]
    plan = assign(apps, panel, n)
    loads = [plan.load(p.id) for p in panel]
    assert max(loads) - min(loads) <= 1


@settings(max_examples=60, deadline=None)
@given(submissions.map(lambda s: s[:4]), panels.map(lambda p: p[:4]), st.integers(1, 2))
def test_the_spread_of_loads_is_the_smallest_any_assignment_can_have(
    apps: list[Submission], panel: list[Panelist], n: int
) -> None:
    """Brute force over every choice of reviewers on tiny panels."""
    plan = assign(apps, panel, n)
    options = []
    for app in apps:
        allowed = [p.id for p in panel if not conflict(p, app)]
        options.append(list(itertools.combinations(allowed, min(n, len(allowed)))))
    best = min(
        (
            max(loads) - min(loads)
            for choice in itertools.product(*options)
            for loads in [[sum(p.id in c for c in choice) for p in panel]]
        ),
        default=0,
    )
    loads = [plan.load(p.id) for p in panel]
    assert max(loads) - min(loads) == best


def test_the_same_input_gives_the_same_assignment() -> None:
    first = assign([YARN, READER, DENIM, MASCOT], [WEN, LIN, ZHAO, QIAN], 2)
    again = assign([YARN, READER, DENIM, MASCOT], [WEN, LIN, ZHAO, QIAN], 2)
    assert first == again
