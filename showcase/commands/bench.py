"""``invoke bench [--count N] [--large N] [--preview-sizes A,B] [--repeat N] [--edits N]
[--no-browser]``: run the benchmarks.

Each benchmark prints its own figures; the first that fails stops the run with its exit
code. See benchmarks/README.md for what each measures; the build figures (cold, warm,
preview, Zensical) are one table from benchmarks/bench_incremental.py. Last, Lighthouse's
mobile performance on
a sample page of every kind, served with gzip and cache headers
(`showcase.commands.checkers.performance`), as a table: reported, not judged.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from showcase.commands.checkers import performance


@dataclass(frozen=True)
class BuildOptions:
    """The incremental-build table's options (`benchmarks/bench_incremental.py --help`):
    `large` (e.g. 30,000) adds the cost-per-project build; `preview_sizes` defaults to
    1,000 and the count; `repeat` 0 is the script's default; `no_browser` skips Playwright."""

    large: int = 0
    preview_sizes: str = ""
    repeat: int = 0
    edits: int = 10
    no_browser: bool = False

    def arguments(self) -> list[str]:
        return [
            *("--large", str(self.large), "--repeat", str(self.repeat), "--edits", str(self.edits)),
            *(["--preview-sizes", self.preview_sizes] if self.preview_sizes else []),
            *(["--no-browser"] if self.no_browser else []),
        ]


def bench(root: Path, count: int, options: BuildOptions = BuildOptions()) -> int:
    """Validate, build (incremental-build table), agenda and check-pr benchmarks."""
    build = ["benchmarks/bench_incremental.py", "--size", str(count), *options.arguments()]
    runs = (
        ["benchmarks/bench_validate.py", "--count", str(count)],
        build,
        ["benchmarks/bench_agenda.py"],
        ["benchmarks/bench_check_pr.py", "--count", str(count)],
    )
    for arguments in runs:
        code = subprocess.run([sys.executable, *arguments], cwd=root, check=False).returncode
        if code:
            return code
    return performance(root)
