"""``invoke manifest``: rebuild the sample site and rewrite tests/engine/site-manifest.txt.

The manifest is test data (tests/engine/site_manifest.py writes and checks it), so the
command runs that module in its own interpreter, as ``invoke test`` runs pytest, and the
package never imports the tests.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def manifest(root: Path) -> int:
    """The exit code of rewriting the manifest of the checkout at `root`."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.engine.site_manifest"], cwd=root, check=False
    )
    return done.returncode
