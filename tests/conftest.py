"""Fixtures shared by the render, engine and browser tests."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest

from showcase.paths import repository_root
from tests.engine.site_manifest import built_sample_site
from tests.hostile import HostileBuild, build_hostile

PUBLICATION_DAY = datetime.date(2026, 11, 30)
"""A fixed day, so which typical cases are live does not depend on when the tests run."""


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> HostileBuild:
    """The sample repository with payloads in every free-text field, built once."""
    return build_hostile(tmp_path_factory.mktemp("hostile-repo"), PUBLICATION_DAY)


@pytest.fixture(scope="session")
def sample_site_dir() -> Iterator[Path]:
    """The repository's sample site, built as for the manifest once per test process and
    shared by every test that only reads it: never write into it."""
    with built_sample_site(repository_root()) as site:
        yield site
