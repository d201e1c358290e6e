"""A one-shot build with many new names makes their pinyin and the submit form's names
list in another process; the site is byte-identical, and this process never loads
pypinyin."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from showcase.commands.gather import site_inputs
from showcase.engine import build_site, mkdocs_site, names_apart
from showcase.paths import Layout, repository_root
from tests.factories import make_model

CONFIG = repository_root() / "mkdocs.yml"


def _loaded() -> bool:
    return any(name.partition(".")[0] == "pypinyin" for name in sys.modules)


def _files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize("answers", ["all", "none"])
def test_outputs_made_apart_are_those_made_here_and_pinyin_stays_unloaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers: str
) -> None:
    model = make_model(count=6)
    if answers == "none":  # a process that fails: the render makes everything itself
        monkeypatch.setattr(names_apart, "_CHILD", "import sys; sys.exit(3)")
    mkdocs_site._unload_pinyin()
    monkeypatch.setattr(names_apart, "APART_FROM", 2)
    apart = Layout(tmp_path / "apart")
    build_site(apart, site_inputs(apart, model), config_file=CONFIG)
    assert _loaded() == (answers == "none")
    monkeypatch.setattr(names_apart, "APART_FROM", 10**9)
    here = Layout(tmp_path / "here")
    build_site(here, site_inputs(here, model), config_file=CONFIG)
    assert _loaded()
    assert _files(apart.docs_tree_dir) == _files(here.docs_tree_dir)
    assert _files(apart.site_dir) == _files(here.site_dir)
