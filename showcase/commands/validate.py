"""``invoke validate [PATH…] --format F``: print the problems, return the exit code.

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 the command itself was
wrong (unknown format, a path that does not exist).
"""

from __future__ import annotations

import sys
from pathlib import Path

from showcase.commands.common import format_supported
from showcase.paths import Layout
from showcase.validate import validate_repository
from showcase.validate.report import format_problems


def validate(root: Path, paths: list[str], fmt: str) -> int:
    """Validate the repository at `root` (or only `paths`) and print in format `fmt`."""
    if not format_supported(fmt):
        return 2
    chosen: list[Path] = []
    for given in paths:
        found = _resolve(root, given)
        if found is None:
            print(f"找不到路径：{given}（相对于当前目录或仓库根目录 {root}）。", file=sys.stderr)
            return 2
        chosen.append(found)
    result = validate_repository(Layout(root), chosen if paths else None)
    print(format_problems(result.problems, fmt, files_checked=result.files_checked))
    return 0 if result.ok else 1


def _resolve(root: Path, given: str) -> Path | None:
    """A path as typed: absolute, relative to the current folder, or to the repository."""
    path = Path(given)
    for candidate in (path, Path.cwd() / path, root / path):
        if candidate.exists():
            return candidate.absolute()
    return None
