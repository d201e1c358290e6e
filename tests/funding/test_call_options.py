"""The call commands' options: confidential folders, missing options and --help, through
the command functions and through invoke itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from showcase.commands import call_apply, call_packets, call_results
from showcase.paths import repository_root

FUND = "2026-innovation-fund"


@pytest.mark.parametrize("inside", ["returned", ".", "content/returned", "build/../returned"])
def test_score_folders_inside_the_repository_outside_build_are_refused(
    sample: Path, inside: str, capsys: pytest.CaptureFixture[str]
) -> None:
    scores = sample / inside
    scores.mkdir(parents=True, exist_ok=True)
    assert call_results.call_results(sample, FUND, scores, None) == 2
    err = capsys.readouterr().err
    assert f"评分表文件夹 {scores.resolve()} 在仓库里" in err and "仓库外" in err
    assert not (sample / "build" / "calls").exists()


@pytest.mark.parametrize("kept", ["build/returned", "../returned"])
def test_score_folders_under_build_or_outside_the_repository_are_read(
    sample: Path, kept: str, capsys: pytest.CaptureFixture[str]
) -> None:
    scores = sample / kept
    scores.mkdir(parents=True)
    # An empty folder gets past the place check to the sheets: every sheet is missing.
    assert call_results.call_results(sample, FUND, scores, None) == 1
    err = capsys.readouterr().err
    assert "在仓库里" not in err and "评分表有" in err


def test_a_missing_call_or_scores_option_is_named(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert call_packets.call_packets(sample, "", None, False) == 2
    assert call_apply.call_apply(sample, " ") == 2
    assert call_results.call_results(sample, "", tmp_path, None) == 2
    assert call_results.call_results(sample, FUND, None, None) == 2
    lines = capsys.readouterr().err.splitlines()
    assert [line.split("：")[0] for line in lines] == ["缺少 --call"] * 3 + ["缺少 --scores"]
    assert all(FUND in line for line in lines[:3])


def _invoke(*arguments: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "invoke", "--search-root", str(repository_root())]
    return subprocess.run(
        [*command, *arguments], capture_output=True, text=True, check=False, timeout=60
    )


@pytest.mark.parametrize("task", ["call-packets", "call-results", "call-apply"])
def test_help_describes_the_call_tasks_in_chinese(task: str) -> None:
    shown = _invoke(task, "--help")
    assert shown.returncode == 0, shown.stderr
    assert "--call" in shown.stdout and "申报编号" in shown.stdout and "必填" in shown.stdout
    assert "找不到申报" not in shown.stdout + shown.stderr


@pytest.mark.parametrize(
    ("arguments", "missing"),
    [
        (["call-results"], "缺少 --call"),
        (["call-results", "--call", FUND], "缺少 --scores"),
        (["call-packets"], "缺少 --call"),
        (["call-apply"], "缺少 --call"),
    ],
)
def test_missing_options_are_named_in_chinese_by_the_tasks(
    arguments: list[str], missing: str
) -> None:
    ran = _invoke(*arguments)
    assert ran.returncode == 2
    assert ran.stderr.startswith(missing) and "did not receive" not in ran.stderr
