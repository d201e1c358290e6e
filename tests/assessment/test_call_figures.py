"""Call figures counted by hand, with small stand-ins for `showcase.calls`' records
(Call.phase, Call.decisions_public, Decision, Application, CheckpointReport: only what the
counting reads), since a whole call file is long; the sample's real calls are counted in
tests/commands/test_report.py."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from showcase.assessment.calls_figures import call_figures
from showcase.assessment.periods import AcademicYear
from tests.assessment import fixture

YEAR = AcademicYear(2025)


@dataclass(frozen=True)
class Phase:
    start: str
    end: str = ""


@dataclass(frozen=True)
class Decision:
    project: str
    result: str
    amount: int | None = None


@dataclass(frozen=True)
class Call:
    application: Phase
    publicity: Phase
    decisions: tuple[Decision, ...] = ()

    def phase(self, key: str) -> Phase:
        return {"application": self.application, "publicity": self.publicity}[key]

    def decisions_public(self, day: datetime.date) -> bool:
        return bool(self.decisions) and self.publicity.start[:10] <= day.isoformat()


@dataclass(frozen=True)
class Application:
    call: str
    project: str
    college: str


@dataclass(frozen=True)
class Report:
    college: str
    result: str
    submitted: str


def test_no_call_at_all_is_no_data_not_zero() -> None:
    figures = call_figures(fixture.model(), YEAR, fixture.AS_OF)
    assert figures["textile"] == dict.fromkeys(figures["textile"])  # every value None


def test_applications_decisions_and_checkpoints_are_counted_by_hand() -> None:
    model = fixture.model()
    model.calls = {
        # closes and is made public in 2025-2026, before the assessment date
        "a": Call(
            Phase("2026-03-01 08:00", "2026-03-31 18:00"),
            Phase("2026-05-10 09:00"),
            (
                Decision("t1", "funded", 20000),
                Decision("c1", "rejected"),
                Decision("t2", "admitted"),
            ),
        ),
        # closes in 2026-2027; its 公示 starts after the assessment date (2026-11-30)
        "b": Call(
            Phase("2026-09-01 08:00", "2026-10-10 18:00"),
            Phase("2026-12-01 09:00"),
            (Decision("c2", "funded", 99999),),
        ),
    }
    model.applications = {
        ("a", "t1"): Application("a", "t1", "textile"),
        ("a", "t2"): Application("a", "t2", "textile"),
        ("a", "c1"): Application("a", "c1", "computing"),
        ("b", "c2"): Application("b", "c2", "computing"),
    }
    model.checkpoints = {
        ("a", "t1", "midterm"): Report("textile", "passed", "2026-07-01"),
        ("a", "c2", "midterm"): Report("computing", "rectify", "2026-06-01"),
        ("a", "c1", "final"): Report("computing", "passed", "2025-08-15"),  # 2024-2025
    }
    figures = call_figures(model, YEAR, fixture.AS_OF)
    assert figures["textile"] == {
        "calls.applications": 2,  # t1, t2 to call a (closes 2026-03-31)
        "calls.funded": 2,  # t1 funded, t2 admitted (both supported)
        "calls.funding": 20000,  # t1's ¥20,000; t2 none
        "calls.checkpoints-passed": 1,  # t1 passed 2026-07-01
    }
    assert figures["computing"] == {
        "calls.applications": 1,  # c1 to a; c2's call b closes in 2026-2027
        "calls.funded": 0,  # c1 rejected; c2's decision not public yet
        "calls.funding": 0,
        "calls.checkpoints-passed": 0,  # rectify; c1's pass is in 2024-2025
    }
    assert figures["arts"] == dict.fromkeys(figures["arts"], 0)
    later = call_figures(model, AcademicYear(2026), fixture.AS_OF)
    assert later["computing"]["calls.applications"] == 1  # c2 to b
    assert later["computing"]["calls.funded"] == 0  # b's 公示 has not begun
