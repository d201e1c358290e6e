"""The layout every target shares, and what a transport must do with it.

``<root>/releases/<name>/`` holds each release, ``<root>/current`` is a relative symlink
to ``releases/<name>``. Uploads go to ``releases/.partial-<name>`` and are renamed when
complete, so a half-written release never carries a release name. Only names matching
`RELEASE_NAME` are ever listed or deleted: anything else in the root is left alone.
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
"""A partial upload older than this was left by a deploy that died; a younger one may be
another deploy's, still running, and is left alone."""
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


def releases_in(names: list[str]) -> tuple[str, ...]:
    """The release names among `names`, oldest first."""
    return tuple(sorted(name for name in names if RELEASE_NAME.match(name)))


def current_release(link: str) -> str | None:
    """The release a ``current`` link's text names (``releases/<name>``), if any."""
    name = link.strip().rstrip("/").rsplit("/", 1)[-1]
    return name or None


class Transport(Protocol):
    """Operations on one target's release root; each raises `DeployError` on failure."""

    def state(self) -> RootState:
        """Create the root if needed, remove stale partial uploads (`STALE_MINUTES`), list
        what is there."""
        ...

    def upload(self, staging: Path, name: str, link_to: str | None) -> None:
        """Copy `staging` to ``releases/<name>``; on failure nothing of it is left."""
        ...

    def switch(self, name: str | None) -> None:
        """Point ``current`` at `name` in one rename (None: remove ``current``)."""
        ...

    def remove(self, names: list[str]) -> None:
        """Delete these releases."""
        ...
