"""`invoke build --today`, as the daily recipe runs it, on the sample repository: a later
date publishes the case scheduled for 2026-12-15 and moves the talk that ended on
2026-12-03 from 即将举行 to 往期活动 (render-level classes of dates:
tests/render/test_build_date.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from showcase.commands.build import build
from showcase.paths import repository_root

CASE = "cases/2026-dyeing-wastewater-reuse/index.html"
TALK = 'href="2026-maker-culture-talk/"'


def _events(site: Path) -> tuple[str, str]:
    page = (site / "events" / "index.html").read_text(encoding="utf-8")
    upcoming, past = page.split('id="sc-events-past"', 1)
    return upcoming, past


def test_a_later_build_date_publishes_the_scheduled_case_and_moves_the_ended_event(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)  # it would outrank --today
    before, after = tmp_path / "2026-12-03", tmp_path / "2026-12-15"
    assert build(repository_root(), before, today="2026-12-03") == 0
    assert build(repository_root(), after, today="2026-12-15") == 0
    assert not (before / CASE).exists() and (after / CASE).is_file()
    assert "让印染废水再用一次" not in (before / "cases" / "index.html").read_text("utf-8")
    assert "让印染废水再用一次" in (after / "cases" / "index.html").read_text("utf-8")
    assert "让印染废水再用一次" in (after / "feeds" / "cases.xml").read_text("utf-8")
    upcoming, past = _events(before)
    assert TALK in upcoming and TALK not in past
    upcoming, past = _events(after)
    assert TALK in past and TALK not in upcoming
