"""Real temporary git repositories for pull-request tests: a base branch and PR branches.

The repository starts as the validation fixture (three colleges, one project) committed on
`main`; `pull_request` makes a branch from it with some files changed, and `judge` runs
`invoke check-pr` the way CI does: from a checkout of `main`, with the branch as data.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from showcase.commands.check_pr import check_pr as run
from tests.validate.conftest import TODAY, make_repository

PROJECT = "projects/textile/good-yarn.yaml"
"""The fixture's one project, in the college `textile-club` maintains."""

Files = dict[str, str | bytes | None]
"""Path → new text or bytes; None deletes the file."""


def git(repo: Path, *args: str, input_text: str | None = None) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        input=input_text.encode() if input_text is not None else None,
    )
    return done.stdout.decode("utf-8", "replace")


def write(repo: Path, files: Files) -> None:
    for path, content in files.items():
        target = repo / path
        if content is None:
            target.unlink()
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")


def base_repository(target: Path, files: Files | None = None) -> Path:
    """The fixture repository plus `files`, committed on `main` and checked out."""
    root = make_repository(target).root
    write(root, files or {})
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    return root


def commit_on(repo: Path, branch: str, files: Files, start: str = "main") -> str:
    """Commit `files` on `branch` (created from `start` if new), then go back to `main`."""
    exists = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}"], cwd=repo, check=False
    )
    git(repo, "checkout", "-q", *((branch,) if exists.returncode == 0 else ("-b", branch, start)))
    write(repo, files)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", branch)
    git(repo, "checkout", "-q", "main")
    return branch


def pull_request(repo: Path, files: Files, name: str = "pr") -> str:
    return commit_on(repo, name, files)


def project_text(repo: Path, old: str = "", new: str = "") -> str:
    """The base's project file with `old` replaced by `new` (which must be there)."""
    text = (repo / PROJECT).read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1) if old else text


def judge(
    repo: Path,
    capsys: pytest.CaptureFixture[str],
    head: str,
    author: str,
    summary: Path | None = None,
) -> tuple[int, dict, str]:
    """Exit code, JSON report and Markdown summary of `check-pr --base main --head HEAD`."""
    code = run(repo, "main", author, "json", str(summary or ""), head=head, today=TODAY)
    out = capsys.readouterr()
    return code, json.loads(out.out), out.err


def rules(report: dict) -> set[tuple[str, str]]:
    return {(p["path"], p["rule"]) for p in report["problems"]}


def errors(report: dict) -> set[tuple[str, str]]:
    return {(p["path"], p["rule"]) for p in report["problems"] if p["severity"] == "error"}
