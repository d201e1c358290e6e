"""A one-shot build validates in a forked child: same model, digests, output and refusal."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from showcase.commands import build as build_command
from showcase.commands import validation_apart
from showcase.commands.validation_apart import validated_apart
from showcase.paths import Layout, repository_root
from showcase.synth import write_repository
from showcase.validate.cache import ValidationCache

REFUSAL = "数据有错误"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("apart") / "repo"
    write_repository(repository_root(), out, 6, seed=5)
    return out


def _in_process(layout: Layout, monkeypatch: pytest.MonkeyPatch):
    with monkeypatch.context() as patched:
        patched.delattr(os, "fork")
        return validated_apart(layout, REFUSAL)


def test_the_child_returns_the_model_and_digests_validation_here_gives(
    synthetic: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    layout = Layout(synthetic)
    model, digests = validated_apart(layout, REFUSAL)
    apart = capsys.readouterr()
    here_model, here_digests = _in_process(layout, monkeypatch)
    assert model == here_model and model is not None
    assert apart == capsys.readouterr()
    assert [digest for _, digest in digests] == [digest for _, digest in here_digests]
    assert [record for record, _ in digests] == [record for record, _ in here_digests]
    projects = {id(project) for project in model.projects.values()}
    assert projects >= {id(record) for record, _ in digests}, "digests name the model's records"


def test_a_refused_repository_prints_its_problems_here_and_returns_no_model(
    synthetic: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken"
    write_repository(repository_root(), broken, 3, seed=6)
    project = sorted((broken / "projects").rglob("*.yaml"))[0]
    project.write_text("name: [未闭合\n", encoding="utf-8")
    model, digests = validated_apart(Layout(broken), REFUSAL)
    printed = capsys.readouterr()
    assert model is None and digests == []
    assert project.name in printed.out and REFUSAL in printed.err


def test_a_child_that_fails_leaves_validation_to_this_process(
    synthetic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = os.getpid()
    real = validation_apart._validated

    def fails_in_the_child(layout: Layout, refusal: str):
        if os.getpid() != here:
            raise RuntimeError("the child broke")
        return real(layout, refusal)

    monkeypatch.setattr(validation_apart, "_validated", fails_in_the_child)
    model, digests = validated_apart(Layout(synthetic), REFUSAL)
    assert model is not None and len(digests) == len(model.projects)


def test_only_a_build_without_a_validation_cache_validates_in_a_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cold build parses every file (a child frees that); a warm one parses few."""
    root = tmp_path / "repo"
    write_repository(repository_root(), root, 6, seed=5)
    children: list[Path] = []

    def counted(layout: Layout, refusal: str):
        children.append(layout.root)
        return validated_apart(layout, refusal)

    monkeypatch.setattr(build_command, "validated_apart", counted)
    assert not ValidationCache.kept_in(Layout(root).validation_cache_dir)
    assert build_command.build(root, None) == 0
    assert children == [root] and ValidationCache.kept_in(Layout(root).validation_cache_dir)
    assert build_command.build(root, None) == 0
    assert children == [root], "the second build read the cache in its own process"
