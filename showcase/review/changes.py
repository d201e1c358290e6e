"""What a pull request changed, read from git: files, added lines and base-branch contents.

``git diff --name-status -M BASE...HEAD`` compares HEAD with the merge base, which is
what a forge shows as the pull request's changes. Git errors become `GitError` with a
Chinese message, never a traceback.

Example::

    for change in changed_files(root, "origin/main"):
        change.status, change.path, change.old_path   # "R", "projects/a/x.yaml", "projects/b/…"
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


class GitError(Exception):
    """git could not answer; the message says why, in Chinese."""


@dataclass(frozen=True)
class Change:
    status: str
    """A added, M modified, D deleted, R renamed (C copies count as A)."""
    path: str
    """The path after the change (for D: the deleted path)."""
    old_path: str = ""
    """The path before a rename."""


def run_git(
    root: Path, *args: str, env: dict[str, str] | None = None, allowed: tuple[int, ...] = (0,)
) -> subprocess.CompletedProcess[bytes]:
    """git's result as bytes; GitError when git is missing or exits with a code not `allowed`."""
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=root,
            capture_output=True,
            check=False,
            env={**os.environ, **env} if env else None,
        )
    except OSError as error:
        raise GitError(f"无法运行 git：{error}") from error
    if done.returncode not in allowed:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise GitError(f"git {' '.join(args)} 失败：{message}")
    return done


def _git(root: Path, *args: str) -> str:
    return run_git(root, *args).stdout.decode("utf-8", "replace")


def changed_files(root: Path, base: str) -> list[Change]:
    """Every file changed between the merge base of `base` and HEAD."""
    output = _git(
        root, "-c", "core.quotepath=off", "diff", "--name-status", "-M", "-z", f"{base}...HEAD"
    )
    fields = output.split("\0")
    changes: list[Change] = []
    index = 0
    while index < len(fields) and fields[index]:
        status = fields[index][0]
        if status in "RC":
            old, new = fields[index + 1], fields[index + 2]
            changes.append(Change("R", new, old) if status == "R" else Change("A", new))
            index += 3
        else:
            changes.append(Change(status, fields[index + 1]))
            index += 2
    return changes


def added_lines(root: Path, base: str, path: str) -> set[int]:
    """Line numbers (in HEAD's version of `path`) that the pull request added or changed.

    ``--text`` and no diff drivers: a file is compared line by line whatever
    ``.gitattributes`` says (``binary``, ``-diff`` or a textconv filter)."""
    output = _git(
        root,
        *("diff", "-U0", "--no-color", "--text", "--no-ext-diff", "--no-textconv", "-M"),
        *(f"{base}...HEAD", "--", path),
    )
    lines: set[int] = set()
    for match in _HUNK.finditer(output):
        start, count = int(match.group(1)), int(match.group(2) or 1)
        lines.update(range(start, start + count))
    return lines


def file_at(root: Path, ref: str, path: str) -> bytes | None:
    """The file's bytes at `ref`, or None when it does not exist there."""
    done = subprocess.run(
        ["git", "show", f"{ref}:{path}"], cwd=root, capture_output=True, check=False
    )
    return done.stdout if done.returncode == 0 else None


def merge_base(root: Path, base: str) -> str:
    """The commit the pull request started from (checks fail clearly on a bad ref)."""
    return _git(root, "merge-base", base, "HEAD").strip()
