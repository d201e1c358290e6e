"""When each project file last changed, from one ``git log`` over ``projects/``.

Project pages show the date of their last change. File modification times differ between
checkouts, so the date comes from history instead: a single ``git log --name-only`` pass
(newest commit first) gives every file's latest commit date at once, which stays linear
at 10,000 projects. Outside a Git checkout, or for a file never committed, there is simply
no date and the page leaves it out.

Example::

    last_change_dates(Path("."))  # {"projects/textile/smart-yarn.yaml": "2026-03-14", ...}
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from showcase.paths import PROJECTS

_COMMIT_MARK = "\x00"


def last_change_dates(root: Path, folder: str = PROJECTS) -> dict[str, str]:
    """Root-relative POSIX path → ``YYYY-MM-DD`` of the newest commit touching it."""
    return parse_log(_git_log(root, ["--format=%x00%cs", "--name-only", "--", folder]))


def last_change_times(root: Path, *folders: str) -> dict[str, int]:
    """Root-relative POSIX path → Unix time of the newest commit touching it, for the
    files under `folders` (the calendars' revision times, `showcase.commands.gather`)."""
    output = _git_log(root, ["--format=%x00%ct", "--name-only", "--", *folders])
    return {path: int(seconds) for path, seconds in parse_log(output).items()}


def newest_change_time(root: Path, folder: str) -> int | None:
    """Unix time of the newest commit touching anything under `folder` (a file deleted
    there too); None outside a Git checkout or when none did."""
    output = _git_log(root, ["-1", "--format=%ct", "--", folder]).strip()
    return int(output) if output.isdigit() else None


def _git_log(root: Path, arguments: list[str]) -> str:
    """``git log`` in `root` with paths relative to it; "" when Git cannot answer."""
    command = ["git", "-C", str(root), "-c", "core.quotePath=off", "log", "--relative"]
    try:
        completed = subprocess.run(
            [*command, *arguments], capture_output=True, text=True, encoding="utf-8", check=False
        )
    except OSError:
        return ""
    return completed.stdout if completed.returncode == 0 else ""


def parse_log(output: str) -> dict[str, str]:
    """Parse ``git log --format=<NUL>%cs --name-only`` output; the newest date wins."""
    dates: dict[str, str] = {}
    current = ""
    for line in output.splitlines():
        if line.startswith(_COMMIT_MARK):
            current = line[len(_COMMIT_MARK) :]
        elif line and current:
            dates.setdefault(line, current)
    return dates
