"""Calls on their own: the deadline check-pr applies, phases over time, and the records.

The data-driven cases (tests/validate/cases/call-*, application-rules, checkpoint-rules;
tests/review/cases/review-application-after-deadline) hold every rule id; these tests pin
the day boundaries those cases cannot show one by one.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.calls import PHASES
from showcase.paths import Layout, application_file_path, repository_root
from showcase.validate import validate_repository
from showcase.validate.application_rules import late_applications

SAMPLE_CALL = "2026-innovation-fund"
CLOSES = datetime.date(2026, 3, 20)


def sample_copy(tmp_path: Path) -> Layout:
    for folder in ("content", "schemas", "projects"):
        shutil.copytree(repository_root() / folder, tmp_path / folder)
    return Layout(tmp_path)


def test_a_new_application_is_refused_from_the_day_after_the_close(tmp_path: Path) -> None:
    layout = sample_copy(tmp_path)
    added = [(application_file_path("textile", "natural-dye-studio", SAMPLE_CALL), "added")]
    assert late_applications(layout, added, CLOSES) == []
    late = late_applications(layout, added, CLOSES + datetime.timedelta(days=1))
    assert [(p.path, p.rule) for p in late] == [(added[0][0], "application.after-deadline")]
    assert "2026-03-20 17:00" in late[0].message


def test_the_deadline_concerns_only_applications_to_known_calls(tmp_path: Path) -> None:
    layout = sample_copy(tmp_path)
    later = datetime.date(2027, 1, 1)
    others = [
        "projects/textile/natural-dye-studio.yaml",
        "projects/textile/natural-dye-studio/checkpoints/2026-innovation-fund-final.yaml",
        application_file_path("textile", "natural-dye-studio", "no-such-call"),
    ]
    for change in ("added", "changed", "deleted"):
        assert late_applications(layout, [(path, change) for path in others], later) == []


def test_old_applications_stay_valid_after_the_close_and_their_projects_moved_on(
    tmp_path: Path,
) -> None:
    """A funded makerspace project that became an incubator project since: no longer
    eligible, but its application was on time and the call is history."""
    layout = sample_copy(tmp_path)
    project = tmp_path / "projects/textile/recycled-pet-fibre.yaml"
    text = project.read_text(encoding="utf-8").replace("level: makerspace", "level: incubator")
    project.write_text(text, encoding="utf-8")
    assert validate_repository(layout, today=datetime.date(2026, 11, 30)).problems == []
    before = validate_repository(layout, today=CLOSES)
    ineligible = [p.path for p in before.problems if p.rule == "application.ineligible"]
    assert ineligible == [application_file_path("textile", "recycled-pet-fibre", SAMPLE_CALL)]


@settings(max_examples=30, deadline=None)
@given(st.dates(datetime.date(2025, 1, 1), datetime.date(2028, 1, 1)))
def test_a_call_moves_through_its_phases_in_order_and_never_back(day: datetime.date) -> None:
    result = validate_repository(Layout(repository_root()), today=datetime.date(2026, 11, 30))
    assert result.model is not None
    order = ["upcoming", *PHASES]
    for call in result.model.calls.values():
        now = order.index(call.current_phase(day))
        tomorrow = order.index(call.current_phase(day + datetime.timedelta(days=1)))
        assert now <= tomorrow
        assert call.accepts_applications(day) == (call.current_phase(day) == "application")
        assert not (call.accepts_applications(day) and call.applications_closed(day))
