"""The level change written into a project's file, and the overdue checkpoint list."""

from __future__ import annotations

import datetime
import difflib
from pathlib import Path

import pytest

from showcase.funding.follow_up import CannotEdit, Promotion, overdue, promoted_text

ROOT = Path(__file__).resolve().parents[2]
PROMOTION = Promotion("demo", "makerspace", "2026-12-20", "2026 年秋季众创空间入驻")

BEFORE = """\
# yaml-language-server: $schema=../../schemas/project.schema.json
id: demo
name: 演示项目
level: nursery   # 学院苗圃里孵化
stage: seed
milestones:
    # the indentation of this file is four spaces
    - date: 2025-03
      level: nursery

seeking:
  - partner
"""

AFTER = """\
# yaml-language-server: $schema=../../schemas/project.schema.json
id: demo
name: 演示项目
level: makerspace   # 学院苗圃里孵化
stage: seed
milestones:
    # the indentation of this file is four spaces
    - date: 2025-03
      level: nursery
    - date: 2026-12-20
      level: makerspace
      note: "2026 年秋季众创空间入驻"

seeking:
  - partner
"""


def test_the_level_and_a_milestone_are_written_in_the_files_own_style() -> None:
    assert promoted_text(BEFORE, PROMOTION, "demo.yaml") == AFTER


def test_writing_it_again_changes_nothing() -> None:
    assert promoted_text(AFTER, PROMOTION, "demo.yaml") == AFTER


def test_a_file_without_milestones_gets_the_key_at_its_end() -> None:
    text = "id: demo\nlevel: nursery\nstage: seed\n"
    assert promoted_text(text, PROMOTION, "demo.yaml") == (
        "id: demo\nlevel: makerspace\nstage: seed\nmilestones:\n"
        '  - date: 2026-12-20\n    level: makerspace\n    note: "2026 年秋季众创空间入驻"\n'
    )


def test_an_empty_flow_list_becomes_a_block_list_and_crlf_stays_crlf() -> None:
    text = "id: demo\r\nlevel: nursery\r\nmilestones: []\r\nstage: seed\r\n"
    assert promoted_text(text, PROMOTION, "demo.yaml") == (
        "id: demo\r\nlevel: makerspace\r\nmilestones:\r\n  - date: 2026-12-20\r\n"
        '    level: makerspace\r\n    note: "2026 年秋季众创空间入驻"\r\nstage: seed\r\n'
    )


def test_a_file_it_cannot_edit_safely_is_refused_with_a_reason() -> None:
    with pytest.raises(CannotEdit, match="手工"):
        promoted_text(
            "id: demo\nlevel: nursery\nmilestones: [{date: 2025-03, level: nursery}]\n",
            PROMOTION,
            "demo.yaml",
        )


@pytest.mark.parametrize(
    "path", sorted(ROOT.glob("projects/*/*.yaml")), ids=lambda p: f"{p.parent.name}/{p.stem}"
)
def test_every_sample_project_keeps_every_line_but_the_level(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    promotion = Promotion(path.stem, "incubator", "2026-12-20", "孵化推荐")
    old, new = text.splitlines(), promoted_text(text, promotion, path.name).splitlines()
    changes = [
        (tag, old[i1:i2], new[j1:j2])
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new).get_opcodes()
        if tag != "equal"
    ]
    level = next(line for line in old if line.startswith("level:"))
    if level.split()[1] == "incubator" and "    level: incubator" in text:
        assert new == old  # promoted before: nothing to do
        return
    added = [line.strip() for kind, _, lines in changes if kind == "insert" for line in lines]
    replaced = [(a, b) for kind, a, b in changes if kind == "replace"]
    was = level.split()[1]
    assert replaced == (
        [] if was == "incubator" else [([level], [level.replace(was, "incubator")])]
    )
    assert added[-3:] == ["- date: 2026-12-20", "level: incubator", "note: 孵化推荐"]
    assert len(added) == 3 + ("milestones:" in added)


def test_overdue_reports_are_listed_latest_first_against_today() -> None:
    due = [
        ("fund", "yarn", "midterm", "2026-06-30"),  # submitted
        ("fund", "reader", "midterm", "2026-06-30"),  # 2026-06-30 → 2026-11-30: 153 days
        ("fund", "reader", "final", "2026-12-31"),  # not yet due
        ("fund", "denim", "midterm", "2026-11-29"),  # 1 day
        ("fund", "mascot", "midterm", "2026-11-30"),  # due today: not late yet
    ]
    submitted = {("fund", "yarn", "midterm")}
    assert overdue(due, submitted, datetime.date(2026, 11, 30)) == [
        ("fund", "reader", "midterm", "2026-06-30", 153),
        ("fund", "denim", "midterm", "2026-11-29", 1),
    ]
