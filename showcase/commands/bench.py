"""``invoke bench [--count N] [--large N] [--preview-sizes A,B]``: run the benchmarks.

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
from pathlib import Path

from showcase.commands.checkers import performance


def bench(root: Path, count: int, large: int = 0, preview_sizes: str = "") -> int:
    """Validate, build (incremental-build table), agenda and check-pr benchmarks.

    `large` (e.g. 30,000) adds the cost-per-project build; `preview_sizes` defaults to
    1,000 and `count`.
    """
    build = ["benchmarks/bench_incremental.py", "--size", str(count), "--large", str(large)]
    runs = (
        ["benchmarks/bench_validate.py", "--count", str(count)],
        [*build, *(["--preview-sizes", preview_sizes] if preview_sizes else [])],
        ["benchmarks/bench_agenda.py"],
        ["benchmarks/bench_check_pr.py", "--count", str(count)],
    )
    for arguments in runs:
        code = subprocess.run([sys.executable, *arguments], cwd=root, check=False).returncode
        if code:
            return code
    return performance(root)
