"""The theme's static files (scripts, styles, fonts) without listing 14,000 templates a build.

MkDocs' ``Files.add_files_from_theme`` lists every file of the theme's folders (Material's
templates folder holds ~14,000 icons) and matches each against a dozen patterns, to find
the ~40 files a site copies. The answer depends only on what those folders hold, so
`add_theme_files` keeps it in ``build/cache/templates/theme-files.json`` under a key of the theme's
folders: for an installed package (under ``site-packages``) its version, as the page cache
does (`showcase.engine.page_cache`), for any other folder (``overrides/``) the names of
its files. Files of the docs tree still win over the theme's, as in MkDocs.

Unlike MkDocs, the list leaves out editors' and file managers' own files
(`showcase.load.files.is_temporary_name`, in the name or any folder of the path): MkDocs
copies every file of ``overrides/`` but dot-files, so ``overrides/main.html~`` or a
``Thumbs.db`` would be published, and the symlink check lets a dangling emacs lock by.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from showcase.atomic import write_replacing
from showcase.engine.page_cache import DISTRIBUTIONS, digest, distribution_version
from showcase.load.files import has_temporary_part

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

FORMAT = "theme-files-2"  # 2: without editors' own files


def add_theme_files(
    files: Files, env: jinja2.Environment, config: MkDocsConfig, cache: Path | None
) -> None:
    """``files.add_files_from_theme(env, config)`` without editors' own files, from `cache`
    when the theme is as it was (listed afresh when `cache` is None)."""
    from mkdocs.structure.files import File

    key = theme_key(config)
    found = _read(cache) if cache is not None else None
    if found is not None and found.get("key") == key and isinstance(found.get("files"), list):
        theme = [(str(path), str(folder)) for path, folder in found["files"]]
    else:
        theme = _listed(env, config)
        if cache is not None:
            _write(cache, {"key": key, "files": theme})
    for path, folder in theme:
        if files.get_file_from_path(path) is None:
            files.append(File(path, folder, config.site_dir, config.use_directory_urls))


def _listed(env: jinja2.Environment, config: MkDocsConfig) -> list[tuple[str, str]]:
    from mkdocs.structure.files import Files

    listed = Files([])
    listed.add_files_from_theme(env, config)
    return [
        (file.src_uri, str(file.src_dir)) for file in listed if not has_temporary_part(file.src_uri)
    ]


def theme_key(config: MkDocsConfig) -> str:
    """What decides the theme's list of static files: its folders and what they hold,
    and MkDocs' patterns (its version, the static templates, the Markdown suffixes)."""
    from mkdocs import utils

    parts: list[bytes | str] = [
        FORMAT,
        json.dumps(sorted(config.theme.static_templates)),
        json.dumps(list(utils.markdown_extensions)),
        *(distribution_version(name) for name in DISTRIBUTIONS),
    ]
    for folder in config.theme.dirs:
        parts.append(folder)
        if "site-packages" not in Path(folder).parts:
            parts.append(json.dumps(_names(folder)))
    return digest(*parts)


def _names(folder: str) -> list[str]:
    names = []
    for parent, folders, found in os.walk(folder):
        folders.sort()
        names += sorted(os.path.relpath(os.path.join(parent, name), folder) for name in found)
    return names


def _read(cache: Path) -> dict | None:
    try:
        found = json.loads(cache.read_bytes())
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) else None


def _write(cache: Path, value: dict) -> None:
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        write_replacing(cache, json.dumps(value, ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass  # the next build lists the theme again
