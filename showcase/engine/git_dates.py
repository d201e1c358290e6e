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
    command = [
        "git",
        "-C",
        str(root),
        "-c",
        "core.quotePath=off",
        "log",
        "--relative",
        "--format=%x00%cs",
        "--name-only",
        "--",
        folder,
    ]
    try:
        completed = subprocess.run(
            command, capture_output=True, text=True, encoding="utf-8", check=False
        )
    except OSError:
        return {}
    if completed.returncode != 0:
        return {}
    return parse_log(completed.stdout)


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
