"""``invoke test [-k EXPR]``: the whole test suite, plain pytest.

Browser tests need Chromium; with ``CI=true`` they must run (see tests/browser/conftest.py).
The function is not called ``test``: pytest would collect it wherever it is imported.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run_suite(root: Path, pytest_args: list[str] | None = None) -> int:
    """pytest's exit code for the suite under `root`, with `pytest_args` passed on."""
    return subprocess.run(
        [sys.executable, "-m", "pytest", *(pytest_args or [])], cwd=root, check=False
    ).returncode
