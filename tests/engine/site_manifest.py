"""The whole-site manifest: every output path of the sample site with a digest of its content.

In the manner of Pelican's functional tests, the repository's own sample data (projects/,
content/) is built into the public site, and every file is listed with a digest in
tests/engine/site-manifest.txt. The test compares a fresh build with the committed list,
so any change to the output shows up, path by path, in the diff of a pull request;
``./dev manifest`` rewrites the list after an intended change. One build (~5–10 s): the
drafts preview differs by its draft cases and title, which tests/render/test_publicity.py
and tests/test_leak_audit.py cover.

What makes the build the same on every machine and every day:

* the publication date is `MANIFEST_DAY`, not today (the data is validated as
  ``./dev build`` does, on today's date: that decides only whether it builds, not what);
* the build reads a copy of the data outside any git checkout, so project pages carry
  no last-change dates (those depend on commit times; tests/engine/test_git_dates.py
  covers them), and ``SOURCE_DATE_EPOCH`` is unset so that the data's own newest date
  stamps the sitemap, as in a real build.

What the digest leaves to the toolchain, so that an upgrade within the pinned ranges does
not fail the test:

* files the theme ships verbatim (Material's scripts, styles, lunr, favicon) are left
  out, and the theme's generator tag and asset fingerprints are masked in the pages;
* images are digested by format and size only: their bytes depend on the Pillow, zlib
  and FreeType builds (their content is tested in tests/images and tests/render);
* ``.gz`` files are digested by their decompressed content.
"""

from __future__ import annotations

import datetime
import gzip
import hashlib
import io
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PIL import Image

from showcase.commands.gather import site_inputs
from showcase.engine.mkdocs_site import build_site
from showcase.paths import IMAGE_SUFFIXES, Layout
from showcase.render.case_visibility import Publicity
from showcase.validate import validate_repository

MANIFEST = Path(__file__).parent / "site-manifest.txt"
MANIFEST_DAY = datetime.date(2026, 6, 1)
"""The publication date: between the sample's published and its scheduled typical cases,
so both kinds are in the manifest."""
REGENERATE = "./dev manifest"
SOURCES = ("projects", "content", "schemas", "overrides", "mkdocs.yml")
"""What a build reads from the repository."""

_GENERATOR = re.compile(r'(<meta name="generator" content=")[^"]*(")')
_FINGERPRINT = re.compile(r"(assets/(?:javascripts|stylesheets)/[\w/.-]*?\.)[0-9a-f]{8}(\.min\.)")
_BINARY_IMAGES = (*(suffix for suffix in IMAGE_SUFFIXES if suffix != ".svg"), ".ico")


def build_manifest(root: Path) -> dict[str, str]:
    """Output path (``site/…``) → digest, for the data at `root`."""
    with built_sample_site(root) as site:
        return manifest_of(site)


def manifest_of(site: Path) -> dict[str, str]:
    """Output path (``site/…``) → digest, for a site built by `built_sample_site`."""
    theme = _theme_files()
    return {f"site/{path}": digest for path, digest in _site_digests(site, theme).items()}


@contextmanager
def built_sample_site(root: Path) -> Iterator[Path]:
    """The public site of the data at `root`, built as for the manifest (see the module
    docstring), in a temporary folder that is removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="site-manifest-") as folder:
        copy = Path(folder) / "repo"
        for name in SOURCES:
            source = root / name
            if source.is_dir():
                shutil.copytree(source, copy / name, symlinks=True)
            elif source.is_file():
                copy.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, copy / name)
        layout = Layout(copy)
        with _outside_git(Path(folder)):
            result = validate_repository(layout)
            if result.model is None:
                problems = "\n".join(problem.text() for problem in result.problems)
                raise AssertionError(f"the sample data does not validate:\n{problems}")
            publicity = Publicity(MANIFEST_DAY, drafts=False)
            inputs = site_inputs(layout, result.model, publicity)
            yield build_site(layout, inputs, copy / "site")


def format_manifest(manifest: dict[str, str]) -> str:
    header = (
        f"# Every file of the sample site built for {MANIFEST_DAY.isoformat()}: path, digest.\n"
        f"# Written by `{REGENERATE}` (tests/engine/site_manifest.py says what the digest\n"
        "# covers); review its diff like code.\n"
    )
    return header + "".join(f"{path}  {manifest[path]}\n" for path in sorted(manifest))


def read_manifest(text: str) -> dict[str, str]:
    entries = (line.split("  ", 1) for line in text.splitlines() if not line.startswith("#"))
    return {path: digest for path, digest in entries}


def differences(committed: dict[str, str], built: dict[str, str]) -> str:
    """What changed from `committed` to `built`, one path a line; empty when nothing did."""
    lines = [f"+ {path}" for path in sorted(built.keys() - committed.keys())]
    lines += [f"- {path}" for path in sorted(committed.keys() - built.keys())]
    lines += [
        f"~ {path}"
        for path in sorted(committed.keys() & built.keys())
        if committed[path] != built[path]
    ]
    return "\n".join(lines)


def write_manifest(root: Path) -> int:
    """Rebuild the sample site and rewrite the manifest; print what changed."""
    old = read_manifest(MANIFEST.read_text(encoding="utf-8")) if MANIFEST.exists() else {}
    new = build_manifest(root)
    MANIFEST.write_text(format_manifest(new), encoding="utf-8")
    changed = differences(old, new)
    print(changed or "输出没有变化。")
    print(f"已写入 {MANIFEST.relative_to(root)}（{len(new)} 个文件）。")
    return 0


def _site_digests(site: Path, theme: dict[str, bytes]) -> dict[str, str]:
    digests = {}
    for file in sorted(site.rglob("*")):
        if not file.is_file():
            continue
        path = file.relative_to(site).as_posix()
        data = file.read_bytes()
        if theme.get(path) == data:
            continue
        digests[path] = _digest(path, data)
    return digests


def _digest(path: str, data: bytes) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in _BINARY_IMAGES:
        with Image.open(io.BytesIO(data)) as image:
            return f"{image.format} {image.width}x{image.height}"
    if suffix == ".gz":
        data = gzip.decompress(data)
    if path.endswith((".html", ".xml", ".html.gz", ".xml.gz")):
        text = data.decode("utf-8")
        text = _FINGERPRINT.sub(r"\1*\2", _GENERATOR.sub(r"\1*\2", text))
        data = text.encode("utf-8")
    return "sha256:" + hashlib.sha256(data).hexdigest()[:20]


def _theme_files() -> dict[str, bytes]:
    """Site path → bytes of every file Material copies into a site unchanged."""
    import material

    templates = Path(material.__file__).parent / "templates"
    return {
        file.relative_to(templates).as_posix(): file.read_bytes()
        for file in templates.rglob("*")
        if file.is_file() and file.suffix not in (".html", ".py")
    }


@contextmanager
def _outside_git(folder: Path) -> Iterator[None]:
    """Git finds no repository at or above `folder`, and no epoch comes from outside."""
    saved = {key: os.environ.get(key) for key in ("GIT_CEILING_DIRECTORIES", "SOURCE_DATE_EPOCH")}
    os.environ["GIT_CEILING_DIRECTORIES"] = str(folder.parent)
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


if __name__ == "__main__":
    raise SystemExit(write_manifest(Path(__file__).resolve().parents[2]))
