"""`./dev TASK --help` prints the task's help for every task, whatever its arguments.

invoke alone reads ``--help`` after ``check-pr`` as the value of its positional ``base``
and ``-h`` as check-pr's ``--head``; the script asks invoke for the help instead.
"""

from __future__ import annotations

import subprocess

import pytest

from showcase.paths import repository_root

ROOT = repository_root()


def _dev(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ROOT / "dev"), *arguments], capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.parametrize(
    "arguments",
    [
        ("check-pr", "--help"),
        ("check-pr", "-h"),
        ("check-pr", "origin/main", "--help"),
        ("validate", "--help"),
        ("validate", "projects/x.yaml", "--help"),
        ("serve", "-h"),
    ],
)
def test_a_task_followed_by_help_prints_its_help(arguments: tuple[str, ...]) -> None:
    done = _dev(*arguments)
    assert done.returncode == 0, done.stderr
    assert f"inv[oke] [--core-opts] {arguments[0]} [--options]" in done.stdout


def test_help_after_double_dash_is_an_argument() -> None:
    """``./dev validate -- --help`` validates a file called --help."""
    done = _dev("validate", "--", "--help")
    assert done.returncode != 0 and "--help" in done.stdout + done.stderr
    assert "[--core-opts]" not in done.stdout
