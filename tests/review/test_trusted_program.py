"""A pull request that rewrites the checker is still judged, and refused, by the base's program.

The temporary repository carries a full copy of this program on `main`. Each pull request
rewrites part of it to let everything pass (and to leave a marker file behind if it is
ever executed) while also editing another college's project. `invoke check-pr` then runs
as CI runs it: a separate process started in the `main` checkout, the branch as data.
The control runs the same command in a checkout of the pull request, the way a CI that
runs the pull request's own code would: there the attack works, which proves the attack
is real and that only where the program comes from makes the difference.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from showcase.paths import repository_root
from tests.review.pr_repo import (
    PROJECT,
    base_repository,
    errors,
    git,
    project_text,
    pull_request,
)

PROGRAM = ("showcase", "tasks.py", "pyproject.toml", "dev", ".ci", ".github")


@pytest.fixture(scope="module")
def program_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture data and this program, committed on `main`."""
    root = base_repository(tmp_path_factory.mktemp("program") / "repo")
    source = repository_root()
    for name in PROGRAM:
        if (source / name).is_dir():
            shutil.copytree(
                source / name, root / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(source / name, root / name)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "program")
    return root


def _poison(marker: Path) -> str:
    return f"import pathlib as _p; _p.Path({str(marker)!r}).write_text('ran')\n"


def _replace(path: str, old: str, new: str) -> Callable[[Path, Path], dict[str, str]]:
    def edit(repo: Path, marker: Path) -> dict[str, str]:
        text = (repo / path).read_text(encoding="utf-8")
        assert old in text
        return {path: text.replace(old, new) + "\n" + _poison(marker)}

    return edit


def _append(path: str, code: str) -> Callable[[Path, Path], dict[str, str]]:
    def edit(repo: Path, marker: Path) -> dict[str, str]:
        text = (repo / path).read_text(encoding="utf-8")
        return {path: text + "\n" + _poison(marker) + "\n\n" + code}

    return edit


def _startup_hooks(repo: Path, marker: Path) -> dict[str, str]:
    hook = _poison(marker) + "import os; os._exit(0)\n"
    return {name: hook for name in ("sitecustomize.py", "usercustomize.py", "conftest.py")}


ATTACKS: dict[str, tuple[Callable[[Path, Path], dict[str, str]], bool]] = {
    "ownership always passes": (
        _append(
            "showcase/review/ownership.py",
            "def check_ownership(changes, author, owners):\n    return []\n",
        ),
        True,
    ),
    "check-pr exits 0": (
        _append("showcase/commands/check_pr.py", "def check_pr(*args, **kwargs):\n    return 0\n"),
        True,
    ),
    "task does nothing": (
        _replace(
            "tasks.py", "_exit(run(ROOT, base, author, format, summary, head=head))", "return"
        ),
        True,
    ),
    "package exits at import": (
        lambda repo, marker: {"showcase/__init__.py": _poison(marker) + "import os; os._exit(0)\n"},
        True,
    ),
    "validator accepts anything": (
        _append(
            "showcase/validate/repository.py",
            "def validate_repository(layout, only=None, today=None):\n"
            "    return ValidationResult(None, [], 0)\n",
        ),
        False,
    ),
    "interpreter start-up hooks": (_startup_hooks, False),
}


def _check_pr(checkout: Path, head: str, author: str) -> tuple[int, dict]:
    """`invoke check-pr` in a new process started in `checkout`, as `./dev` starts it."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "invoke",
            "check-pr",
            "--base",
            "main",
            "--head",
            head,
            "--author",
            author,
            "--format",
            "json",
        ],
        cwd=checkout,
        capture_output=True,
        check=False,
    )
    out = done.stdout.decode("utf-8")
    report = out.partition("\n\n")[0]
    return done.returncode, json.loads(report) if report.startswith("{") else {}


def _attack(repo: Path, attack: str, marker: Path, old: str, new: str) -> tuple[str, list[str]]:
    """A branch with `attack` applied and the other college's project edited; its paths."""
    files = ATTACKS[attack][0](repo, marker)
    other_college = project_text(repo, old, new)
    name = f"{marker.parent.name}-{attack.replace(' ', '-')}"
    return pull_request(repo, {**files, PROJECT: other_college}, name=name), list(files)


@pytest.mark.parametrize("attack", ATTACKS)
def test_a_pull_request_rewriting_the_checker_is_refused_by_the_base_program(
    program_repo: Path, tmp_path: Path, attack: str
) -> None:
    marker = tmp_path / "pull-request-code-ran"
    head, paths = _attack(program_repo, attack, marker, "stage: startup", "stage: unicorn")
    code, report = _check_pr(program_repo, head, "materials-club")
    assert code == 1
    found = errors(report)
    assert {(PROJECT, "review.ownership"), (PROJECT, "schema.enum")} <= found
    assert {(path, "review.protected-path") for path in paths} <= found
    assert not marker.exists()


@pytest.mark.parametrize("attack", [name for name, (_, works) in ATTACKS.items() if works])
def test_control_the_same_attack_passes_when_the_pull_requests_own_code_runs(
    program_repo: Path, tmp_path: Path, attack: str
) -> None:
    marker = tmp_path / "pull-request-code-ran"
    head, _ = _attack(program_repo, attack, marker, "name: 好纱线", "name: 好纱线二代")
    checkout = tmp_path / "pull-request-checkout"
    git(program_repo, "worktree", "add", "-q", "--detach", str(checkout), head)
    try:
        code, _ = _check_pr(checkout, head, "materials-club")
    finally:
        git(program_repo, "worktree", "remove", "--force", str(checkout))
    assert code == 0
    assert marker.exists()
