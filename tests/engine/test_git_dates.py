"""Last-change dates come from one git log pass, never from file times."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from showcase.engine import git_dates
from showcase.engine.git_dates import last_change_dates, parse_log


def test_the_newest_commit_touching_a_file_wins() -> None:
    log = (
        "\x002026-05-02\n\nprojects/a/x.yaml\n"
        "\x002026-01-09\n\nprojects/a/x.yaml\nprojects/b/y.yaml\n"
    )
    assert parse_log(log) == {
        "projects/a/x.yaml": "2026-05-02",
        "projects/b/y.yaml": "2026-01-09",
    }


def test_outside_a_git_checkout_there_are_no_dates(tmp_path: Path) -> None:
    assert last_change_dates(tmp_path) == {}


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_dates_come_from_commits_and_uncommitted_files_have_none(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.edu.cn",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.edu.cn",
        "GIT_COMMITTER_DATE": "2026-03-14T10:00:00+08:00",
        "GIT_AUTHOR_DATE": "2026-03-14T10:00:00+08:00",
    }

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-C", str(tmp_path), *args], check=True, env=env, capture_output=True
        )

    (tmp_path / "projects" / "textile").mkdir(parents=True)
    (tmp_path / "projects" / "textile" / "a.yaml").write_text("id: a\n", encoding="utf-8")
    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "add a")
    (tmp_path / "projects" / "textile" / "b.yaml").write_text("id: b\n", encoding="utf-8")
    assert last_change_dates(tmp_path) == {"projects/textile/a.yaml": "2026-03-14"}


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_same_commit_runs_no_log_again_and_a_new_commit_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.edu.cn"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.edu.cn"}

    def commit(name: str, day: str) -> None:
        (tmp_path / "projects" / "textile").mkdir(parents=True, exist_ok=True)
        (tmp_path / "projects" / "textile" / name).write_text(f"id: {name}\n", encoding="utf-8")
        dated = env | {"GIT_COMMITTER_DATE": f"{day}T10:00:00+08:00"}
        for args in (["add", "."], ["commit", "-q", "-m", name]):
            subprocess.run(["git", "-C", str(tmp_path), *args], check=True, env=dated)

    subprocess.run(["git", "-C", str(tmp_path), "init", "-q"], check=True)
    commit("a.yaml", "2026-03-14")
    assert last_change_dates(tmp_path) == {"projects/textile/a.yaml": "2026-03-14"}
    logs: list[list[str]] = []
    real_git = git_dates._git
    monkeypatch.setattr(
        git_dates, "_git", lambda root, args: logs.append(args) or real_git(root, args)
    )
    assert last_change_dates(tmp_path) == {"projects/textile/a.yaml": "2026-03-14"}
    assert not [args for args in logs if "log" in args]
    commit("b.yaml", "2026-04-01")
    assert last_change_dates(tmp_path) == {
        "projects/textile/a.yaml": "2026-03-14",
        "projects/textile/b.yaml": "2026-04-01",
    }
