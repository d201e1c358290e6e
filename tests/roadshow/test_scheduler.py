"""The scheduler's hard rules, its soft goals and its explanations when nothing fits."""

from __future__ import annotations

import itertools
import random

from showcase.roadshow.selection import conflict_reason
from showcase.roadshows import Agenda
from tests.roadshow.builders import plan_for, projects_model, slot_of

COLLEGES = ("textile", "computing", "materials", "arts", "economics")


def assert_no_overlap(agenda: Agenda) -> None:
    for room in agenda.roadshow.rooms:
        spans = sorted((s.start, s.end) for s in agenda.slots_in(room.id))
        spans += sorted((p.start, p.end) for p in agenda.pauses if p.room in ("", room.id))
        spans.sort()
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end <= start, f"{room.id}: {end} > {start}"


def test_judges_never_see_a_project_they_conflict_with_over_many_inputs() -> None:
    checked = 0
    for seed in range(25):
        chance = random.Random(seed)
        model = projects_model(chance.randint(5, 30), COLLEGES)
        rooms = [{"id": f"room-{n}", "name": f"路演室 {n}"} for n in range(chance.randint(2, 4))]
        judges = [
            {
                "id": f"judge-{n}",
                "name": f"评委{n}",
                "organisation": "示例大学",
                "room": chance.choice(rooms)["id"],
                "college": chance.choice(COLLEGES),
                "conflicts": chance.sample(sorted(model.projects), 1),
            }
            for n in range(chance.randint(1, 5))
        ]
        _, plan = plan_for(
            model,
            rooms=rooms,
            judges=judges,
            days=[{"date": "2026-05-20", "windows": ["08:00-20:00"]}],
        )
        if plan.agenda is None:
            assert [i.rule for i in plan.issues] == ["roadshow.panel-impossible"] * len(plan.issues)
            continue
        checked += 1
        agenda = plan.agenda
        assert sorted(s.project for s in agenda.slots) == sorted(model.projects)
        assert_no_overlap(agenda)
        for slot in agenda.slots:
            for judge in agenda.judges_in(slot.room):
                assert conflict_reason(judge, model.projects[slot.project], model.mentors) is None
    assert checked >= 15


def test_a_mentor_judge_does_not_see_the_project_they_mentor() -> None:
    model = projects_model(6)
    mentored = model.projects["p001"]
    model.projects["p001"] = type(mentored)(**{**mentored.__dict__, "mentors": ("wang-laoshi",)})
    judges = [
        {
            "id": "wang",
            "name": "王老师",
            "organisation": "示例大学",
            "room": "hall-a",
            "mentor": "wang-laoshi",
        }
    ]
    _, plan = plan_for(model, judges=judges)
    assert plan.agenda is not None
    # wang-laoshi's college is textile, so every textile project goes to hall-b as well
    assert slot_of(plan.agenda, "p001").room == "hall-b"
    assert all(s.room == "hall-b" for s in plan.agenda.slots if s.project in {"p000", "p002"})


def test_capacity_error_gives_minutes_and_names_the_projects_left_out() -> None:
    model = projects_model(30)
    _, plan = plan_for(
        model,
        rooms=[{"id": "hall-a", "name": "路演厅 A"}],
        days=[{"date": "2026-05-20", "windows": ["09:00-12:00"]}],
        breaks=[],
    )
    assert plan.agenda is None
    (issue,) = plan.issues
    assert issue.rule == "roadshow.capacity" and issue.path == ("days",)
    assert "30 个项目每个需要 15 分钟" in issue.message and "共需 450 分钟" in issue.message
    assert "路演厅 A 2026-05-20 可用 180 分钟" in issue.message
    fits = int(issue.message.split("可排 ")[1].split(" 个")[0])
    left_out = issue.message.split("排不下：")[1].rstrip("。").split("、")
    assert left_out == sorted(model.projects)[fits:]
    assert "路演室" in issue.hint and "半天" in issue.hint
    assert "问答" not in issue.hint  # even without Q&A 30 projects do not fit in 3 hours


def test_capacity_error_suggests_the_shorter_q_and_a_that_would_fit() -> None:
    model = projects_model(12)
    _, plan = plan_for(
        model,
        rooms=[{"id": "hall-a", "name": "路演厅 A"}],
        days=[{"date": "2026-05-20", "windows": ["09:00-12:00"]}],
        breaks=[],
    )
    (issue,) = plan.issues
    assert issue.hint.startswith("任选其一：把问答缩短到 ")
    shorter = int(issue.hint.split("把问答缩短到 ")[1].split(" 分钟")[0])
    _, retry = plan_for(
        model,
        rooms=[{"id": "hall-a", "name": "路演厅 A"}],
        days=[{"date": "2026-05-20", "windows": ["09:00-12:00"]}],
        breaks=[],
        format={
            "pitch_minutes": 8,
            "qa_minutes": shorter,
            "changeover_minutes": 2,
            "max_block_minutes": 60,
            "break_minutes": 10,
        },
    )
    assert retry.agenda is not None and len(retry.agenda.slots) == 12


def test_panel_impossible_names_the_project_and_the_judges() -> None:
    model = projects_model(2)
    judges = [
        {
            "id": f"j{n}",
            "name": f"评委{n}",
            "organisation": "纺织学院",
            "room": room,
            "college": "textile",
        }
        for n, room in enumerate(("hall-a", "hall-b"))
    ]
    _, plan = plan_for(model, judges=judges)
    assert plan.agenda is None
    (issue,) = plan.issues
    assert issue.rule == "roadshow.panel-impossible" and "p000" in issue.message
    assert "路演厅 A：评委0（本学院项目）" in issue.message


def test_fixed_breaks_span_all_rooms_and_automatic_breaks_follow_the_block_limit() -> None:
    model = projects_model(40)
    _, plan = plan_for(model)
    agenda = plan.agenda
    assert agenda is not None
    assert_no_overlap(agenda)
    lunch = [p for p in agenda.pauses if p.title == "午餐"]
    assert [(p.start, p.end, p.room) for p in lunch] == [
        ("2026-05-20 12:00", "2026-05-20 13:00", "")
    ]
    assert not [s for s in agenda.slots if "2026-05-20 12:00" <= s.start < "2026-05-20 13:00"]
    rests = [p for p in agenda.pauses if p.room == "hall-a"]
    assert rests and all(p.title == "休息" for p in rests)
    # every run of slots between two rests is at most max_block_minutes long
    marks = sorted(
        [(s.start, s.end, "slot") for s in agenda.slots_in("hall-a")]
        + [(p.start, p.end, "rest") for p in agenda.pauses if p.room in ("", "hall-a")]
    )
    run_start = None
    previous_end = None
    for start, end, kind in marks:
        if kind == "rest" or (previous_end and start[:10] != previous_end[:10]):
            run_start = None
        elif run_start is None:
            run_start = start
        if kind == "slot":
            assert _minutes(end) - _minutes(run_start) <= 60
        previous_end = end


def test_pinned_and_unavailable_times_are_honoured() -> None:
    model = projects_model(20)
    pinned = [
        {"project": "p007", "start": "2026-05-20 14:00", "room": "hall-b"},
        {"project": "p003", "start": "2026-05-20 09:00"},
    ]
    unavailable = [{"project": "p000", "from": "2026-05-20 08:00", "to": "2026-05-20 13:30"}]
    _, plan = plan_for(model, pinned=pinned, unavailable=unavailable)
    agenda = plan.agenda
    assert agenda is not None
    assert (slot_of(agenda, "p007").start, slot_of(agenda, "p007").room) == (
        "2026-05-20 14:00",
        "hall-b",
    )
    assert slot_of(agenda, "p003").start == "2026-05-20 09:00"
    assert slot_of(agenda, "p000").start >= "2026-05-20 13:30"
    assert_no_overlap(agenda)


def test_two_pins_on_the_same_spot_are_reported() -> None:
    model = projects_model(4)
    pinned = [
        {"project": "p001", "start": "2026-05-20 09:00", "room": "hall-a"},
        {"project": "p002", "start": "2026-05-20 09:05", "room": "hall-a"},
    ]
    _, plan = plan_for(model, pinned=pinned)
    assert [(i.rule, i.path) for i in plan.issues] == [
        ("roadshow.pin-clash", ("pinned", 1, "start"))
    ]


def test_tracks_stay_together_and_rooms_finish_at_about_the_same_time() -> None:
    model = projects_model(24)
    tracks = [
        {"id": "smart", "name": "智能纺织", "fields": ["smart-textiles"]},
        {"id": "ai", "name": "人工智能", "fields": ["ai"]},
    ]
    _, plan = plan_for(model, tracks=tracks)
    agenda = plan.agenda
    assert agenda is not None
    rooms_of = {t: {s.room for s in agenda.slots if s.track == t} for t in ("smart", "ai")}
    assert all(len(rooms) == 1 for rooms in rooms_of.values())
    assert rooms_of["smart"] != rooms_of["ai"]
    counts = [len(agenda.slots_in(room.id)) for room in agenda.roadshow.rooms]
    assert max(counts) - min(counts) <= 1


def test_the_same_input_gives_the_same_agenda() -> None:
    model = projects_model(37, COLLEGES)
    first = plan_for(model)[1].agenda
    shuffled = list(model.projects.items())
    random.Random(3).shuffle(shuffled)
    model.projects = dict(shuffled)
    assert plan_for(model)[1].agenda == first


def _minutes(moment: str) -> int:
    return int(moment[11:13]) * 60 + int(moment[14:16])
