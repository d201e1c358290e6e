"""Fixtures shared by the render, engine and browser tests."""

from __future__ import annotations

import datetime

import pytest

from tests.hostile import HostileBuild, build_hostile

PUBLICATION_DAY = datetime.date(2026, 11, 30)
"""A fixed day, so which typical cases are live does not depend on when the tests run."""


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> HostileBuild:
    """The sample repository with payloads in every free-text field, built once."""
    return build_hostile(tmp_path_factory.mktemp("hostile-repo"), PUBLICATION_DAY)
