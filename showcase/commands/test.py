"""``invoke test [-k EXPR]``: the whole test suite, pytest on every core.

The suite runs in one pytest process per core (pytest-xdist), a test file at a time per
process (``--dist loadfile``: a module's fixtures, often a whole site build, are made once),
and the slowest tests are listed at the end, so a slow new test is seen in the CI log.
Browser tests need Chromium; with ``CI=true`` they must run (see tests/browser/conftest.py).
The function is not called ``test``: pytest would collect it wherever it is imported.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SUITE_OPTIONS = ("--numprocesses=auto", "--dist=loadfile", "--durations=25")


def run_suite(root: Path, pytest_args: list[str] | None = None) -> int:
    """pytest's exit code for the suite under `root`, with `pytest_args` passed on."""
    command = [sys.executable, "-m", "pytest", *SUITE_OPTIONS, *(pytest_args or [])]
    return subprocess.run(command, cwd=root, check=False).returncode
