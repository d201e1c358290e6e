"""A held roadshow chosen by `selection` is refused (`roadshow.held-selection`), and the
line its hint gives can be pasted in place of the rule: the file then validates and the
agenda keeps the same projects."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from showcase.validate import validate_repository
from tests.validate.conftest import TODAY, make_repository

CASE = Path(__file__).parent / "cases" / "roadshow-held-selection"
BEFORE_HELD = TODAY.replace(month=5, day=1)
"""A day before the case's spring roadshow (2025-05-20), when a rule may still choose."""


def test_the_hints_projects_line_pasted_in_place_of_selection_is_accepted(
    tmp_path: Path,
) -> None:
    layout = make_repository(tmp_path / "repo")
    for source in CASE.rglob("*.yaml"):
        target = layout.root / source.relative_to(CASE)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    before = validate_repository(layout, today=BEFORE_HELD)
    assert before.model is not None and not before.problems
    agenda = {slot.project for slot in before.model.roadshows["spring"].slots}

    refused = validate_repository(layout, today=TODAY)
    [problem] = refused.problems
    assert problem.rule == "roadshow.held-selection"
    line = re.search(r"projects: \[[^\]]*\]", problem.hint)
    assert line is not None, problem.hint
    file = layout.root / "content" / "roadshows" / "spring.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(re.sub(r"selection:\n(  .*\n)+", line.group(0) + "\n", text), encoding="utf-8")
    assert "selection" not in file.read_text(encoding="utf-8")
    assert set(yaml.safe_load(line.group(0))["projects"]) == agenda

    accepted = validate_repository(layout, today=TODAY)
    assert accepted.problems == [] and accepted.model is not None
    assert {slot.project for slot in accepted.model.roadshows["spring"].slots} == agenda
