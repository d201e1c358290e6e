"""A small fixture repository in tmp_path: three colleges, two mentors, one valid project.

The schemas are copied from the real schemas/ folder at test time, so the tests always
check the contract the colleges actually write against.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from showcase.paths import Layout, repository_root

FIXTURE_REPO = Path(__file__).parent / "fixture_repo"
TODAY = datetime.date(2025, 6, 15)
"""Every test validates as if it were this day, so date rules give stable results."""


def make_repository(target: Path) -> Layout:
    shutil.copytree(FIXTURE_REPO, target, dirs_exist_ok=True)
    shutil.copytree(repository_root() / "schemas", target / "schemas")
    return Layout(target)


@pytest.fixture
def fixture_layout(tmp_path: Path) -> Layout:
    return make_repository(tmp_path / "repo")
