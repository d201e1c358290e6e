"""``invoke lint``: ruff over the whole repository, lint rules and formatting.

Both checks run even when the first fails, so one run shows every finding.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CHECKS = (["check", "."], ["format", "--check", "."])


def lint(root: Path) -> int:
    """0 when ``ruff check`` and ``ruff format --check`` both pass."""
    return max(
        subprocess.run([sys.executable, "-m", "ruff", *args], cwd=root, check=False).returncode
        for args in CHECKS
    )
