"""``invoke bench [--count N] [--sizes A,B]``: run the benchmarks under benchmarks/.

Each benchmark prints its own figures; the first that fails stops the run with its exit
code. See benchmarks/ for what each measures. Last, Lighthouse's mobile performance on
a sample page of every kind, served with gzip and cache headers
(`showcase.commands.checkers.performance`), as a table: reported, not judged.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from showcase.commands.checkers import performance


def bench(root: Path, count: int, sizes: str) -> int:
    """Validate, build, agenda and check-pr benchmarks; `sizes` defaults to `count`."""
    build_sizes = ",".join(str(int(s)) for s in (sizes or str(count)).split(",") if s.strip())
    runs = (
        ["benchmarks/bench_validate.py", "--count", str(count)],
        ["benchmarks/bench_build.py", "--sizes", build_sizes],
        ["benchmarks/bench_agenda.py"],
        ["benchmarks/bench_check_pr.py", "--count", str(count)],
    )
    for arguments in runs:
        code = subprocess.run([sys.executable, *arguments], cwd=root, check=False).returncode
        if code:
            return code
    return performance(root)
