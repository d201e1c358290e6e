"""`add_theme_files` (the theme's static files, listed once and kept) equals MkDocs'
``add_files_from_theme`` before and after the theme's own folder changes, but for
editors' own files, which it never lists."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files

from showcase.engine.theme_files import add_theme_files
from showcase.paths import repository_root
from tests.editor_files import (
    OVERRIDES_BACKUPS,
    TEMPORARY_FOLDER_PATHS,
    TEMPORARY_NAMES,
    make_temporary_file,
)
from tests.engine.test_docs_files import facts


def theme_config(tmp_path: Path):
    shutil.copytree(repository_root() / "overrides", tmp_path / "overrides")
    shutil.copyfile(repository_root() / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "docs").mkdir()
    return load_config(
        str(tmp_path / "mkdocs.yml"), docs_dir=str(tmp_path / "docs"), site_dir=str(tmp_path / "s")
    )


def both(config, cache: Path) -> tuple[list, list]:
    env = config.theme.get_env()
    docs = [File("assets/javascripts/bundle.js", config.docs_dir, config.site_dir, True)]
    ours, theirs = Files(list(docs)), Files(list(docs))
    add_theme_files(ours, env, config, cache)
    theirs.add_files_from_theme(env, config)
    return facts(ours), facts(theirs)


def test_the_kept_list_equals_mkdocs_listing_and_follows_the_overrides(tmp_path: Path) -> None:
    config, cache = theme_config(tmp_path), tmp_path / "cache" / "theme-files.json"
    listed, expected = both(config, cache)
    assert listed == expected and len(expected) > 20 and cache.is_file()
    assert both(config, cache)[0] == expected  # from the kept list
    # A new file in the overrides is a new static file; a docs file still wins.
    (tmp_path / "overrides" / "assets").mkdir(exist_ok=True)
    (tmp_path / "overrides" / "assets" / "extra.js").write_text("//\n", encoding="utf-8")
    listed, expected = both(config, cache)
    assert listed == expected
    assert "assets/extra.js" in [row[1] for row in listed]
    cache.write_bytes(b"\xff not json")
    assert both(config, cache)[0] == expected


@pytest.mark.parametrize("kept", [True, False])
def test_editors_files_in_the_overrides_are_never_listed(tmp_path: Path, kept: bool) -> None:
    """MkDocs lists every file of ``overrides/`` but dot-files: ``main.html~`` would be
    published, and so would ``assets/old~/roster.docx``; with the kept list or without (``cache`` None)."""
    config = theme_config(tmp_path)
    cache = tmp_path / "cache" / "theme-files.json" if kept else None
    clean, _ = both(config, cache)
    overrides = tmp_path / "overrides"
    for folder in (overrides, overrides / "partials"):
        for name in TEMPORARY_NAMES:
            make_temporary_file(folder, name)
    folders = (f"assets/{path.split('/', 2)[2]}" for path in TEMPORARY_FOLDER_PATHS)
    for name in [*OVERRIDES_BACKUPS, *folders]:
        (overrides / name).parent.mkdir(parents=True, exist_ok=True)
        (overrides / name).write_text("unsaved\n", encoding="utf-8")
    listed, theirs = both(config, cache)
    assert listed == clean and len(theirs) > len(clean)
