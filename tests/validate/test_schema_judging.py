"""A schema checker gives the same problems whether jsonschema or the compiled validator
judges a document first (`showcase.validate.schema_check`, `_JUDGE_BEFORE_COMPILING`)."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from showcase.load.yamlfile import load_yaml
from showcase.paths import Layout, repository_root
from showcase.validate.schema_check import SchemaChecker

_CASES = Path(__file__).parent / "cases"
_LOADABLE = [
    file
    for file in sorted(_CASES.glob("*/projects/*/*.yaml"))
    if load_yaml(file, file.name)[0] is not None  # a schema check needs a document
]


@functools.cache
def _checkers() -> tuple[SchemaChecker, SchemaChecker]:
    """Two checkers of their own (not the one kept per text): the first judges with
    jsonschema first, the second goes straight to the compiled validator."""
    text = Layout(repository_root()).schema("project").read_text(encoding="utf-8")
    first, compiled = SchemaChecker(json.loads(text)), SchemaChecker(json.loads(text))
    compiled._judged = 10**9
    return first, compiled


def test_the_cases_hold_many_loadable_project_files() -> None:
    assert len(_LOADABLE) > 50


@pytest.mark.parametrize("file", _LOADABLE, ids=lambda f: f"{f.parts[-4]}/{f.name}")
def test_judged_first_by_jsonschema_or_by_the_compiled_validator_the_problems_are_equal(
    file: Path,
) -> None:
    document, _ = load_yaml(file, file.name)
    assert document is not None
    first, compiled = _checkers()
    first._judged = 0
    assert first.check(document) == compiled.check(document)
    assert first._judged == 1
