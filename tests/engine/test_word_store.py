"""jieba with its dictionary read from the word file (`showcase.engine.word_store`)
segments exactly as jieba with its own dictionary, and a bad file is never used."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jieba
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.engine import word_store
from tests.engine.test_segmentation import CORPUS, HAN_AND_NEIGHBOURS


@pytest.fixture(scope="module")
def words(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("words") / "jieba-words.sqlite3"
    jieba.initialize()
    word_store.use(path)
    word_store.keep()
    word_store.use(None)
    assert path.is_file()
    return path


@pytest.mark.parametrize(
    "text", [*CORPUS, "本项目简介已在基准测试中修订，修订编号 123，用于测量增量构建。"]
)
def test_the_corpus_is_segmented_as_jieba_does(words: Path, text: str) -> None:
    disk = word_store.disk_tokenizer(words)
    assert disk is not None
    assert list(disk.cut(text)) == list(jieba.dt.cut(text))


@settings(max_examples=300, deadline=None, database=None)
@given(text=st.text(HAN_AND_NEIGHBOURS, max_size=60))
def test_generated_text_is_segmented_as_jieba_does(words: Path, text: str) -> None:
    disk = word_store.disk_tokenizer(words)
    assert disk is not None
    assert list(disk.cut(text)) == list(jieba.dt.cut(text))


@pytest.mark.parametrize("damage", [b"", b"not a database at all", None])
def test_a_damaged_or_foreign_file_is_not_used(words: Path, tmp_path: Path, damage) -> None:
    path = tmp_path / "words.sqlite3"
    if damage is None:  # a real database of another format
        import sqlite3

        with sqlite3.connect(path) as connection:
            connection.execute("CREATE TABLE meta (name TEXT, value TEXT)")
            connection.execute("INSERT INTO meta VALUES ('format', 'other'), ('total', '5')")
        connection.close()
    else:
        path.write_bytes(damage)
    assert word_store.disk_tokenizer(path) is None
    assert word_store.disk_tokenizer(tmp_path / "missing.sqlite3") is None


def test_a_fresh_process_segments_from_the_file_without_loading_jiebas_dictionary(
    words: Path,
) -> None:
    text = "把柔性传感器织进面料，让衣服会“感觉”温度。2024年创新创业大赛金奖"
    other = "校园二手交易平台支持双端，无人机植保节省农药"  # words not looked up before
    program = (
        "import sys, threading, jieba; from pathlib import Path; "
        "from showcase.engine import word_store; word_store.use(Path(sys.argv[1])); "
        "print('|'.join(word_store.segment(sys.argv[2]))); "
        "other = threading.Thread(target=lambda: print('|'.join(word_store.segment(sys.argv[3])))); "
        "other.start(); other.join(); print(jieba.dt.initialized)"
    )
    done = subprocess.run(
        [sys.executable, "-c", program, str(words), text, other],
        capture_output=True,
        text=True,
        check=True,
    )
    expected = ["|".join(jieba.dt.cut(text)), "|".join(jieba.dt.cut(other)), "False"]
    assert done.stdout.splitlines() == expected  # the second from another thread


def test_without_a_file_jieba_itself_segments(tmp_path: Path) -> None:
    word_store.use(tmp_path / "missing.sqlite3")
    try:
        assert word_store.segment("柔性传感器面料") == jieba.lcut("柔性传感器面料")
    finally:
        word_store.use(None)


def test_jieba_imported_for_a_build_segments_as_ever_without_pkg_resources() -> None:
    """jieba's data files are opened by path instead of through ``pkg_resources``: the
    same dictionary and the same model, so the same words."""
    program = (
        "import json, logging, sys; from showcase.engine import word_store; "
        "word_store.import_jieba(); import jieba; "
        "print('pkg_resources' in sys.modules, sys.modules.get('pkg_resources', 0) is None); "
        "print(logging.getLogger('jieba').level == logging.WARNING); "
        "print(json.dumps([jieba.lcut(text) for text in sys.argv[1:]]))"
    )
    texts = [*CORPUS, "耄耋之年的老匠人把榫卯结构讲给无人机社团听"]  # unseen words: the HMM model
    done = subprocess.run(
        [sys.executable, "-c", program, *texts], capture_output=True, text=True, check=True
    )
    *flags, words = done.stdout.splitlines()
    assert flags == ["False False", "True"]
    assert json.loads(words) == [jieba.lcut(text) for text in texts]
