"""`docs_files` (MkDocs' files from the docs writer's names) equals MkDocs' own `get_files`:
the same files, in the same order, with the same fields, exclusions and warnings."""

from __future__ import annotations

import json
import logging
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files, get_files

from showcase.engine.docs_files import docs_files
from showcase.paths import Layout, repository_root
from tests.engine.site_manifest import built_sample_site


def facts(files: Files) -> list[tuple[object, ...]]:
    """Everything a `File` carries, in order (reading the derived fields fills them in)."""
    return [
        (
            type(file),
            file.src_uri,
            file.src_path,
            file.dest_uri,
            file.url,
            file.abs_src_path,
            file.abs_dest_path,
            file.name,
            file.inclusion,
            file.generated_by,
            file.edit_uri,
            sorted(vars(file).items(), key=lambda item: item[0]),
        )
        for file in files
    ]


def config_for(tmp_path: Path, docs: Path, **options: object):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: 测试\n", encoding="utf-8")
    return load_config(str(config), docs_dir=str(docs), site_dir=str(tmp_path / "site"), **options)


def test_the_sample_sites_files_equal_mkdocs_walk() -> None:
    with built_sample_site(repository_root()) as site:
        layout = Layout(site.parent)
        names = json.loads(layout.docs_listing.read_text(encoding="utf-8"))
        config = load_config(
            str(layout.root / "mkdocs.yml"),
            docs_dir=str(layout.docs_tree_dir),
            site_dir=str(site),
        )
        walked = get_files(config)
        assert len(walked) > 100
        shuffled = list(names)
        random.Random(17).shuffle(shuffled)
        assert facts(docs_files(config, shuffled)) == facts(walked)


PARTS = st.sampled_from(
    ["index", "README", "a", "b", "B", "a b", "项目", ".hidden", "templates", "z-1", "_x"]
)
SUFFIXES = st.sampled_from([".md", ".markdown", ".html", ".css", ".json", ".png", ".MD", ""])
NAMES = st.lists(
    st.tuples(st.lists(PARTS, max_size=3), PARTS, SUFFIXES).map(
        lambda parts: "/".join([*parts[0], parts[1] + parts[2]])
    ),
    min_size=1,
    max_size=25,
    unique=True,
)
OPTIONS = st.fixed_dictionaries(
    {
        "use_directory_urls": st.booleans(),
        "exclude_docs": st.sampled_from([None, "*.json\n", "/b/\n!b/index.md\n"]),
        "not_in_nav": st.sampled_from([None, "a*.md\n", "/项目/\n"]),
        "draft_docs": st.sampled_from([None, "_*\n", "drafts/\n"]),
    }
)


def _no_file_is_a_folder(names: list[str]) -> bool:
    folders = {"/".join(name.split("/")[:depth]) for name in names for depth in range(1, 4)}
    return not any(name in folders for name in names if name.count("/") < 3) and all(
        name.rsplit("/", 1)[-1] for name in names
    )


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much],
)
@given(names=NAMES.filter(_no_file_is_a_folder), options=OPTIONS, seed=st.integers(0, 9))
def test_generated_trees_give_mkdocs_walk(
    tmp_path_factory: pytest.TempPathFactory,
    caplog: pytest.LogCaptureFixture,
    names: list[str],
    options: dict[str, object],
    seed: int,
) -> None:
    tmp_path = tmp_path_factory.mktemp("tree")
    docs = tmp_path / "docs"
    for name in names:
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_bytes(name.encode())
    docs.mkdir(exist_ok=True)
    config = config_for(tmp_path, docs, **{k: v for k, v in options.items() if v is not None})
    shuffled = list(names)
    random.Random(seed).shuffle(shuffled)
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        caplog.clear()
        walked = facts(get_files(config))
        walk_warnings = [record.getMessage() for record in caplog.records]
        caplog.clear()
        listed = facts(docs_files(config, shuffled))
        listing_warnings = [record.getMessage() for record in caplog.records]
    assert listed == walked
    assert listing_warnings == walk_warnings


def test_a_readme_beside_an_index_is_left_out_with_mkdocs_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    for name in ("sub/README.md", "sub/index.md", "index.md"):
        (docs / name).write_text("# x\n", encoding="utf-8")
    config = config_for(tmp_path, docs)
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        listed = docs_files(config, ["sub/README.md", "index.md", "sub/index.md"])
    assert [file.src_uri for file in listed] == ["index.md", "sub/index.md"]
    assert "Excluding 'sub/README.md'" in caplog.text
    assert facts(listed) == facts(get_files(config))
    assert all(isinstance(file, File) for file in listed)


def test_a_kept_listing_gives_the_same_files_and_a_changed_one_is_not_used(
    tmp_path: Path,
) -> None:
    docs = tmp_path / "docs"
    names = ["index.md", "a/index.md", "a/b.md", "c/README.md", "c 项目/d.md", "e.png", ".x"]
    for name in names:
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_bytes(name.encode())
    cache = tmp_path / "cache" / "docs-files.json"
    for options in ({}, {"use_directory_urls": False}, {"not_in_nav": "a/*\n"}):
        config = config_for(tmp_path, docs, **options)
        listed = facts(docs_files(config, names, cache))
        kept = json.loads(cache.read_bytes())
        assert facts(docs_files(config, names, cache)) == listed == facts(get_files(config))
        assert json.loads(cache.read_bytes()) == kept  # read, not written again
    (docs / "new.md").write_text("# new\n", encoding="utf-8")
    assert facts(docs_files(config, [*names, "new.md"], cache)) == facts(get_files(config))
    (docs / "a/README.md").write_text("# conflict\n", encoding="utf-8")
    cache.unlink()
    docs_files(config, [*names, "new.md", "a/README.md"], cache)  # MkDocs warns: not kept
    assert not cache.exists()


@pytest.mark.parametrize(
    "damage", [b"", b"[]", b'{"key": 1}', b'{"key": "%s", "files": [[1, 2, 3, "INCLUDED"]]}']
)
def test_a_damaged_kept_listing_is_a_miss(tmp_path: Path, damage: bytes) -> None:
    from showcase.engine.docs_files import listing_key

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# x\n", encoding="utf-8")
    config = config_for(tmp_path, docs)
    cache = tmp_path / "docs-files.json"
    cache.write_bytes(damage.replace(b"%s", listing_key(config, ["index.md"]).encode()))
    assert facts(docs_files(config, ["index.md"], cache)) == facts(get_files(config))


def test_the_sample_sites_kept_files_equal_mkdocs_walk(tmp_path: Path) -> None:
    with built_sample_site(repository_root()) as site:
        layout = Layout(site.parent)
        names = json.loads(layout.docs_listing.read_text(encoding="utf-8"))
        config = load_config(
            str(layout.root / "mkdocs.yml"), docs_dir=str(layout.docs_tree_dir), site_dir=str(site)
        )
        cache = tmp_path / "docs-files.json"
        first = facts(docs_files(config, names, cache))
        assert cache.is_file()
        assert facts(docs_files(config, names, cache)) == first == facts(get_files(config))
