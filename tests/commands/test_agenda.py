"""`invoke agenda`: a summary and complete outputs, or errors and nothing touched."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from showcase.commands import agenda
from tests.validate.conftest import make_repository

CASES = Path(__file__).parents[1] / "validate" / "cases"


def repository(tmp_path: Path, case: str) -> Path:
    layout = make_repository(tmp_path / "repo")
    target = layout.root / "content" / "roadshows"
    target.mkdir(parents=True)
    shutil.copyfile(CASES / case / "content" / "roadshows" / "spring.yaml", target / "spring.yaml")
    return layout.root


def test_a_roadshow_that_fits_is_summarised_and_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(agenda, "write_pdfs", lambda files: "")
    root = repository(tmp_path, "roadshow-pinned-outside")
    spring = root / "content" / "roadshows" / "spring.yaml"
    spring.write_text(spring.read_text(encoding="utf-8").split("breaks:")[0], encoding="utf-8")
    out = tmp_path / "agenda"
    assert agenda.agenda(root, "", out) == 0
    printed = capsys.readouterr().out
    assert "【春季路演】1 个项目，1 个路演室，1 天" in printed
    assert "路演厅 A：4 月 10 日（周四） 1 个，09:13 结束（评委 0 人）" in printed
    assert {p.name for p in (out / "spring").iterdir()} == {
        "agenda.ics",
        "day-2025-04-10.ics",
        "room-hall-a.ics",
        "project-good-yarn.ics",
        "print.html",
        "schedule.json",
    }


def test_an_infeasible_roadshow_exits_1_and_keeps_the_last_outputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = repository(tmp_path, "roadshow-capacity")
    out = tmp_path / "agenda"
    out.mkdir()
    (out / "previous.txt").write_text("上一次的输出", encoding="utf-8")
    assert agenda.agenda(root, "", out) == 1
    captured = capsys.readouterr()
    assert "时间不够" in captured.out and "排不下：good-yarn" in captured.out
    assert "未生成议程" in captured.err
    assert [p.name for p in out.iterdir()] == ["previous.txt"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".agenda")] == []


def test_an_unknown_roadshow_id_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = repository(tmp_path, "roadshow-panel-impossible")
    (root / "content" / "roadshows" / "spring.yaml").write_text(
        (root / "content" / "roadshows" / "spring.yaml")
        .read_text(encoding="utf-8")
        .replace("    mentor: mentor-wang\n", ""),
        encoding="utf-8",
    )
    assert agenda.agenda(root, "autumn", tmp_path / "agenda") == 2
    assert "找不到路演 autumn。content/roadshows/ 里有：spring。" in capsys.readouterr().err
