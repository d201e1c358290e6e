"""Replacing a generated folder all at once, so a failure never leaves half of it.

Used for the built site and for the agenda outputs: everything is written into a staging
folder beside the target, and only when that succeeded does a pair of renames swap it in
(the old folder is removed afterwards). On any error the previous folder is untouched and
no staging folder is left behind.

Example::

    with replaced_atomically(Path("site")) as staging:
        (staging / "index.html").write_text("…")
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replaced_atomically(target: Path, label: str = "new") -> Iterator[Path]:
    """An empty staging folder that replaces `target` when the block ends without error.

    Staging folders are named ``.<target>-<label>-*`` beside `target`.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-{label}-", dir=target.parent))
    try:
        yield staging
        swap_in(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def swap_in(staging: Path, target: Path) -> None:
    """Replace `target` with `staging` by renames, restoring the old folder on failure."""
    if not target.exists():
        staging.rename(target)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
    retired.rmdir()
    target.rename(retired)
    try:
        staging.rename(target)
    except OSError:
        retired.rename(target)
        raise
    shutil.rmtree(retired, ignore_errors=True)
