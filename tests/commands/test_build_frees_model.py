"""A one-shot build drops the model before MkDocs forks its page workers; serve keeps it."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from showcase.commands import build
from showcase.engine import mkdocs_site
from showcase.model import Model
from showcase.paths import repository_root
from showcase.synth import write_repository
from showcase.validate.cache import ValidationCache


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("frees") / "repo"
    write_repository(repository_root(), out, 5, seed=9)
    return out


def _models(among: list[object]) -> list[Model]:
    return [thing for thing in among if isinstance(thing, Model)]


def _models_alive_when_mkdocs_starts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many models that did not exist before exist as the MkDocs half of the build
    begins (one per build); other tests of this process may hold models of their own."""
    seen: list[int] = []
    real = mkdocs_site._return_free_memory
    gc.collect()
    before = _models(gc.get_objects())

    def counting() -> None:
        gc.collect()
        seen.append(sum(all(m is not b for b in before) for m in _models(gc.get_objects())))
        real()

    monkeypatch.setattr(mkdocs_site, "_return_free_memory", counting)
    return seen


@pytest.mark.parametrize("cached", [False, True])
def test_a_one_shot_build_holds_no_model_while_mkdocs_builds(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cached: bool
) -> None:
    """Without a validation cache (validated in a child) and with one (validated here)."""
    seen = _models_alive_when_mkdocs_starts(monkeypatch)
    if cached:
        assert build.build(synthetic, tmp_path / "first") == 0
    assert build.build(synthetic, tmp_path / "site") == 0
    assert seen[-1] == 0


def test_a_build_that_keeps_its_site_keeps_the_model(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _models_alive_when_mkdocs_starts(monkeypatch)
    kept = []
    code = build.build(
        synthetic, tmp_path / "site", keep_site=lambda inputs, state: kept.append(inputs)
    )
    assert code == 0 and seen == [1] and kept[0].model is not None


def test_only_a_one_shot_build_freezes_its_objects_at_exit(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Python's shutdown would visit every object still alive; a process that builds
    again (``invoke serve``: its validation cache kept) is left as it is."""
    registered: list[object] = []
    monkeypatch.setattr(build.atexit, "register", registered.append)
    build._exit_without_collecting.cache_clear()
    cache = ValidationCache()  # in memory, as invoke serve keeps one
    assert build.build(synthetic, tmp_path / "served", validation_cache=cache) == 0
    assert registered == []
    for _ in range(2):
        assert build.build(synthetic, tmp_path / "site") == 0
    assert registered == [gc.freeze]
    build._exit_without_collecting.cache_clear()
