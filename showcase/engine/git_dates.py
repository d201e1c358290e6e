"""When each project file last changed, from one ``git log`` over ``projects/``.

Project pages show the date of their last change. File modification times differ between
checkouts, so the date comes from history instead: a single ``git log --name-only`` pass
(newest commit first) gives every file's latest commit date at once, which stays linear
at 10,000 projects. Outside a Git checkout, or for a file never committed, there is simply
no date and the page leaves it out.

A log walks the whole history, which grows with the repository, while its answer depends
only on the commit checked out: each answer is kept under ``build/cache/git/`` by the
commit (and the shallow boundary, which ``git fetch --unshallow`` moves without moving
the commit), so a rebuild of the same commit (``invoke serve``, a local rebuild) runs no
log at all. Uncommitted edits change no commit date, so they cannot make it stale.

Example::

    last_change_dates(Path("."))  # {"projects/textile/smart-yarn.yaml": "2026-03-14", ...}
"""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

from showcase.atomic import write_replacing
from showcase.paths import PROJECTS, Layout

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
    commit = _git(root, ["rev-parse", "HEAD", "--git-path", "shallow"]).split("\n")
    if len(commit) < 2 or not commit[0]:
        return ""
    shallow = Path(root, commit[1])
    boundary = shallow.read_bytes() if shallow.is_file() else b""
    key = hashlib.blake2b("\0".join([commit[0], *arguments]).encode() + boundary).hexdigest()
    kept = Layout(root).cache_dir / "git" / f"{key[:32]}.log"
    try:
        return kept.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        pass
    output = _git(root, ["-c", "core.quotePath=off", "log", "--relative", *arguments])
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        write_replacing(kept, output.encode("utf-8"))
        _forget_old(kept.parent)
    except OSError:
        pass  # no cache only costs the next build the same log again
    return output


KEEP_LOGS = 12
"""Answers kept: the few logs of each of the last few commits built."""


def _forget_old(folder: Path) -> None:
    logs = sorted(folder.glob("*.log"), key=lambda path: path.stat().st_mtime_ns, reverse=True)
    for old in logs[KEEP_LOGS:]:
        old.unlink(missing_ok=True)


def _git(root: Path, arguments: list[str]) -> str:
    """Git's output in `root`; "" when Git cannot answer (not installed, not a checkout)."""
    try:
        completed = subprocess.run(
            ["git", "-C", str(root), *arguments],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
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
