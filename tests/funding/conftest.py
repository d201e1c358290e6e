"""Fixtures shared by the call commands' tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from showcase.paths import repository_root


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A copy of the sample repository's data (its calls, panel and applications)."""
    root = tmp_path / "repo"
    for folder in ("content", "schemas", "projects"):
        shutil.copytree(repository_root() / folder, root / folder)
    return root
