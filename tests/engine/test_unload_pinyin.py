"""A one-shot build of a large site frees pypinyin after rendering; pinyin stays right."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from showcase.commands.gather import site_inputs
from showcase.engine import build_site, mkdocs_site
from showcase.paths import Layout, repository_root
from showcase.render.directory_index import pinyin_key
from tests.factories import make_model

CONFIG = repository_root() / "mkdocs.yml"
NAMES = ("重庆长江创业行", "乐行单车", "银行家", "覃朴")


def _loaded() -> bool:
    return any(name.partition(".")[0] == "pypinyin" for name in sys.modules)


@pytest.mark.parametrize("keep_memo", [False, True])
def test_only_a_one_shot_build_unloads_pinyin_and_pinyin_comes_back_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keep_memo: bool
) -> None:
    before = [pinyin_key(name) for name in NAMES]
    monkeypatch.setattr(mkdocs_site, "UNLOAD_PINYIN_FROM", 2)
    layout = Layout(tmp_path)
    build_site(
        layout, site_inputs(layout, make_model(count=2)), config_file=CONFIG, keep_memo=keep_memo
    )
    assert _loaded() == keep_memo  # a long-running process builds again: it keeps it
    assert [pinyin_key(name) for name in NAMES] == before


def test_a_small_site_keeps_pinyin_loaded(tmp_path: Path) -> None:
    layout = Layout(tmp_path)
    pinyin_key(NAMES[0])
    build_site(layout, site_inputs(layout, make_model(count=2)), config_file=CONFIG)
    assert _loaded()
