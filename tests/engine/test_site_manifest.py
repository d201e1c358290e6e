"""The built sample site is exactly what tests/engine/site-manifest.txt lists.

See site_manifest.py for what a digest covers and why the build is the same anywhere.
"""

from __future__ import annotations

from pathlib import Path

from tests.engine.site_manifest import (
    MANIFEST,
    REGENERATE,
    differences,
    format_manifest,
    manifest_of,
    read_manifest,
)


def test_the_sample_site_matches_the_committed_manifest(sample_site_dir: Path) -> None:
    committed = read_manifest(MANIFEST.read_text(encoding="utf-8"))
    changed = differences(committed, manifest_of(sample_site_dir))
    assert not changed, (
        f"the sample site's output differs from {MANIFEST.name} "
        f"(+ added, - removed, ~ changed):\n{changed}\n"
        f"If every change is intended, run `{REGENERATE}` and commit the manifest's diff."
    )


def test_a_difference_names_each_path_added_removed_or_changed() -> None:
    committed = {"site/a.html": "sha256:1", "site/b.html": "sha256:2", "site/c.png": "PNG 1x1"}
    built = {"site/a.html": "sha256:1", "site/c.png": "PNG 2x2", "site/d.html": "sha256:4"}
    assert differences(committed, built).splitlines() == [
        "+ site/d.html",
        "- site/b.html",
        "~ site/c.png",
    ]
    assert differences(built, built) == ""
    assert read_manifest(format_manifest(built)) == built
