"""Repositories in a shape plain files cannot lay over the fixture: a registry deleted or
turned into a folder, a pipe where a file should be, a schema broken or edited by a
maintainer, an image past the size limit.

Each builder writes into the fixture repository for the case of the same name under
cases/ (see test_cases.py).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from showcase.validate.images import MAX_LOGO_BYTES
from tests.image_samples import encoded, picture

PROJECT_SCHEMA = Path("schemas/project.schema.json")


def _edit_schema(root: Path, path: Path, edit: Callable[[dict[str, Any]], None]) -> None:
    schema = json.loads((root / path).read_text(encoding="utf-8"))
    edit(schema)
    (root / path).write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")


def registry_missing(root: Path) -> None:
    (root / "content/mentors.yaml").unlink()


def registry_not_a_file(root: Path) -> None:
    registry = root / "content/fields.yaml"
    registry.unlink()
    (registry / "old").mkdir(parents=True)


def pipe_given(root: Path) -> None:
    """A named pipe given on the command line: reading it would block forever."""
    os.mkfifo(root / "projects/textile/pipe.yaml")
    (root / "content/events").mkdir()
    os.mkfifo(root / "content/events/2025-demo-day.yaml")


def schema_broken(root: Path) -> None:
    """A project schema cut off mid-file, as a bad merge leaves it."""
    (root / PROJECT_SCHEMA).write_text('{\n  "type": "object",\n', encoding="utf-8")


def schema_broken_publicity(root: Path) -> None:
    (root / "schemas/story.schema.json").write_text("", encoding="utf-8")


def schema_forbidden(root: Path) -> None:
    """The hidden-member rule as a maintainer might write it: no x-rule or wording of
    its own, so the generic wording applies."""

    def edit(schema: dict[str, Any]) -> None:
        then = schema["properties"]["team"]["items"]["then"]
        for key in ("x-rule", "errorMessage", "x-hint"):
            del then[key]

    _edit_schema(root, PROJECT_SCHEMA, edit)


def schema_other(root: Path) -> None:
    """Keywords the validator has no special wording for (``multipleOf``, ``const``)."""

    def edit(schema: dict[str, Any]) -> None:
        schema["properties"]["achievements"]["items"]["properties"]["amount_cny"]["multipleOf"] = (
            100
        )
        schema["properties"]["country"] = {"title": "国家", "const": "中国"}

    _edit_schema(root, PROJECT_SCHEMA, edit)


def logo_too_large(root: Path) -> None:
    folder = root / "projects/textile/good-yarn"
    folder.mkdir()
    padding = bytes(2 * MAX_LOGO_BYTES)  # past the limit by far, so the size is the one fault
    (folder / "logo.png").write_bytes(encoded(picture(), "PNG") + padding)
    project = root / "projects/textile/good-yarn.yaml"
    project.write_text(project.read_text(encoding="utf-8") + "logo: logo.png\n", "utf-8")


REPOSITORY_BUILDERS: dict[str, Callable[[Path], None]] = {
    "registry-missing": registry_missing,
    "registry-not-a-file": registry_not_a_file,
    "pipe-given": pipe_given,
    "schema-broken": schema_broken,
    "schema-broken-publicity": schema_broken_publicity,
    "schema-forbidden": schema_forbidden,
    "schema-other": schema_other,
    "logo-too-large": logo_too_large,
}
