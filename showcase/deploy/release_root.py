"""The layout every target shares, and what a transport must do with it.

``<root>/releases/<name>/`` holds each release, ``<root>/current`` is a relative symlink
to ``releases/<name>``. Uploads go to ``releases/.partial-<name>`` and are renamed when
complete, so a half-written release never carries a release name. Only names matching
`RELEASE_NAME` are ever listed or deleted: anything else in the root is left alone.
``<root>/history.txt`` lists the releases that were live, one a line, the live one last:
a rollback goes back to the line before, not to the release before by name (which may be
one that was rolled back).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

RELEASES = "releases"
CURRENT = "current"
PARTIAL_PREFIX = ".partial-"
STALE_MINUTES = 60
"""A partial upload or lock older than this was left by a deploy that died; a younger one
may be another deploy's, still running, and is left alone."""
HISTORY = "history.txt"
LOCK = ".deploy-lock"
"""A folder made (atomically, by mkdir) while a deploy or rollback runs on the root: two
at once would each take the other's release for a broken one and roll it back."""


def busy(where: str, lock: str) -> str:
    """The message for a root another deploy holds."""
    return (
        f"{where} 上另一个发布或回滚正在进行，请等它结束再试（最多 {STALE_MINUTES} 分钟后"
        f"自动失效）；确定没有发布在运行时，可以删除 {lock} 后重试。线上网站没有改动。"
    )


RELEASE_FILE = "release.txt"
"""Written into each release with its name: the smoke test reads it back from the live
address, proving the address serves this release (not an old copy, not another folder)."""
RELEASE_NAME = re.compile(r"^\d{8}T\d{6}Z-[0-9a-z]+(?:-\d+)?$")
"""``20261130T091500Z-34d7546``: UTC time, then the short commit (``-2`` if repeated)."""


@dataclass(frozen=True)
class RootState:
    releases: tuple[str, ...]
    """Complete releases, oldest first."""
    current: str | None
    """The release ``current`` points to; None when there is none yet."""
    history: tuple[str, ...] = ()
    """The `HISTORY` file's release names: the releases that were live, the live one last."""


def releases_in(names: list[str]) -> tuple[str, ...]:
    """The release names among `names`, oldest first."""
    return tuple(sorted(name for name in names if RELEASE_NAME.match(name)))


def history_in(text: str) -> tuple[str, ...]:
    """The release names a `HISTORY` file's `text` lists, in its order."""
    return tuple(line.strip() for line in text.splitlines() if RELEASE_NAME.match(line.strip()))


def history_text(history: tuple[str, ...]) -> str:
    return "".join(f"{name}\n" for name in history)


def current_release(link: str) -> str | None:
    """The release a ``current`` link's text names (``releases/<name>``), if any."""
    name = link.strip().rstrip("/").rsplit("/", 1)[-1]
    return name or None


class Transport(Protocol):
    """Operations on one target's release root; each raises `DeployError` on failure."""

    def state(self) -> RootState:
        """Create the root if needed, take its `LOCK` (until the transport's ``with``
        block ends), remove stale partial uploads (`STALE_MINUTES`), list what is there."""
        ...

    def upload(self, staging: Path, name: str, link_to: str | None) -> None:
        """Copy `staging` to ``releases/<name>``; on failure nothing of it is left."""
        ...

    def switch(self, name: str | None, history: tuple[str, ...]) -> None:
        """Point ``current`` at `name` in one rename (None: remove ``current``), then
        replace the `HISTORY` file with `history`."""
        ...

    def remove(self, names: list[str]) -> None:
        """Delete these releases."""
        ...
