"""Who reviews which application: n reviewers each, no conflict, loads as even as possible.

The problem is a min-cost flow (networkx's network simplex): the source sends n units to
every application, an application sends one unit to each reviewer it may have (so nobody
reviews it twice), and a reviewer's k-th application costs k. The cost of a load L is then
L(L+1)/2, a convex function, so the cheapest maximum flow minimises the sum of squared
loads: among all assignments that give every application as many reviewers as it can get,
it is the most even one (no reviewer could hand an application to one with two fewer, and
no chain of such hand-overs exists either). With no conflicts the loads differ by at most
one. The graph is built in sorted order, so the same input gives the same assignment.

An application with fewer than n reviewers that may review it gets all of them, and an
explanation in Chinese naming who was excluded and why (`Assignment.shortfalls`).

Example::

    plan = assign([Submission("yarn", "智能纱线", "textile", ("wen",))], panel, 3)
    plan.reviewers["yarn"]   # ("r1", "r2", "r3")
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx


@dataclass(frozen=True)
class Submission:
    """One application as the assignment sees it: its project, college and mentors."""

    project: str
    name: str
    college: str
    mentors: tuple[str, ...] = ()
    college_name: str = ""


@dataclass(frozen=True)
class Panelist:
    """One reviewer: a mentor of the registry (with their college) or an outside expert.

    `conflicts` are project or college ids the reviewer declared (or the call declared
    for them); `college` is the mentor's own college (empty for an outside expert)."""

    id: str
    name: str
    mentor: str = ""
    college: str = ""
    conflicts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Assignment:
    reviewers: dict[str, tuple[str, ...]]
    """Project id → the ids of its reviewers, in panel order."""
    shortfalls: dict[str, str]
    """Project id → why it has fewer reviewers than the call asks (Chinese)."""

    def load(self, panelist: str) -> int:
        return sum(panelist in chosen for chosen in self.reviewers.values())

    def assigned_to(self, panelist: str) -> tuple[str, ...]:
        """The projects a reviewer has, in the order of the applications."""
        return tuple(p for p, chosen in self.reviewers.items() if panelist in chosen)


def conflict(panelist: Panelist, submission: Submission) -> str:
    """Why `panelist` may not review `submission` (Chinese), or "" when they may."""
    college = submission.college_name or submission.college
    if panelist.mentor and panelist.mentor in submission.mentors:
        return "项目导师"
    if panelist.college and panelist.college == submission.college:
        return f"本学院（{college}）"
    if submission.project in panelist.conflicts:
        return "声明回避本项目"
    if submission.college in panelist.conflicts:
        return f"声明回避{college}"
    return ""


def assign(
    submissions: Iterable[Submission], panel: Iterable[Panelist], per_application: int
) -> Assignment:
    """`per_application` reviewers for every submission where the conflicts allow it."""
    submissions, panel = list(submissions), list(panel)
    eligible = {s.project: [p.id for p in panel if not conflict(p, s)] for s in submissions}
    flow = _cheapest_flow(eligible, [p.id for p in panel], per_application)
    order = {p.id: index for index, p in enumerate(panel)}
    reviewers = {
        s.project: tuple(
            sorted(
                (r for r in eligible[s.project] if flow[("a", s.project)][("r", r)]),
                key=order.__getitem__,
            )
        )
        for s in submissions
    }
    shortfalls = {
        s.project: _explain(s, panel, per_application)
        for s in submissions
        if len(reviewers[s.project]) < per_application
    }
    return Assignment(reviewers, shortfalls)


def _cheapest_flow(eligible: dict[str, list[str]], panel: list[str], per_application: int) -> dict:
    """The cheapest maximum flow, built with at most `cap` load slots per reviewer.

    The most even assignment's largest load L* is the smallest cap at which every
    application still gets min(n, its eligible reviewers); with cap ≥ L* the cheapest flow
    is the same as without a cap. So start at the even share and double until the flow
    is complete: a much smaller graph than one slot per eligible application."""
    if not eligible:
        return {}
    wanted = sum(min(per_application, len(allowed)) for allowed in eligible.values())
    most = {r: sum(r in allowed for allowed in eligible.values()) for r in panel}
    cap = -(-wanted // max(len(panel), 1))
    while True:
        graph = _network(
            eligible, panel, per_application, {r: min(m, cap) for r, m in most.items()}
        )
        flow = nx.max_flow_min_cost(graph, "source", "sink")
        if sum(flow["source"].values()) == wanted or cap >= max(most.values(), default=0):
            return flow
        cap *= 2


def _network(
    eligible: dict[str, list[str]], panel: list[str], per_application: int, slots: dict[str, int]
) -> nx.DiGraph:
    """source → application (n) → reviewer (1 each) → k-th slot (cost k) → sink."""
    graph = nx.DiGraph()
    graph.add_nodes_from(["source", "sink"])
    for project, allowed in eligible.items():
        graph.add_edge("source", ("a", project), capacity=per_application, weight=0)
        for reviewer in allowed:
            graph.add_edge(("a", project), ("r", reviewer), capacity=1, weight=0)
    for reviewer in panel:
        for k in range(1, slots[reviewer] + 1):
            graph.add_edge(("r", reviewer), ("slot", reviewer, k), capacity=1, weight=k)
            graph.add_edge(("slot", reviewer, k), "sink", capacity=1, weight=0)
    return graph


def _explain(submission: Submission, panel: list[Panelist], per_application: int) -> str:
    allowed = [p.name for p in panel if not conflict(p, submission)]
    excluded = [f"{p.name}（{why}）" for p in panel if (why := conflict(p, submission))]
    college = submission.college_name or submission.college
    return (
        f"「{submission.name}」（{college}）需要 {per_application} 位评审专家，"
        f"只有 {len(allowed)} 位可以评审"
        + (f"：{'、'.join(allowed)}" if allowed else "")
        + "。回避的专家："
        + ("、".join(excluded) or "无")
        + "。请在申报通知的 reviewers 中增加与该项目没有回避关系的专家，"
        "或减少 reviews_per_application。"
    )
