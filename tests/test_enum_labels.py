"""The Chinese labels of coded values have one source of truth each: the code's label
tables (level, stage, status, …) say exactly what the schemas' ``x-enum-labels`` say.

The schemas' labels reach contributors (validation messages, the submission form, the
issue form); the code's tables reach visitors (badges, filters, exports). A label changed
in one place only would show two names for one value, so every labelled enum of every
schema is compared with the code table holding its values.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from showcase.calls import (
    CALL_KINDS,
    CHECKPOINT_KINDS,
    CHECKPOINT_RESULTS,
    COMBINE_METHODS,
    DECISION_RESULTS,
)
from showcase.cases import CASE_CATEGORIES, CASE_STATUSES
from showcase.load.schemas import load_schema
from showcase.model import (
    ACHIEVEMENT_TYPES,
    EVENT_TYPES,
    LEVELS,
    SEEKING,
    SERVICE_CATEGORIES,
    STAGES,
    STATUSES,
)
from showcase.paths import Layout, repository_root
from showcase.roadshows import JUDGE_ROLES

CODE_TABLES = {
    "LEVELS": LEVELS,
    "STAGES": STAGES,
    "STATUSES": STATUSES,
    "ACHIEVEMENT_TYPES": ACHIEVEMENT_TYPES,
    "SEEKING": SEEKING,
    "EVENT_TYPES": EVENT_TYPES,
    "SERVICE_CATEGORIES": SERVICE_CATEGORIES,
    "CASE_CATEGORIES": CASE_CATEGORIES,
    "CASE_STATUSES": CASE_STATUSES,
    "JUDGE_ROLES": JUDGE_ROLES,
    "CALL_KINDS": CALL_KINDS,
    "COMBINE_METHODS": COMBINE_METHODS,
    "DECISION_RESULTS": DECISION_RESULTS,
    "CHECKPOINT_KINDS": CHECKPOINT_KINDS,
    "CHECKPOINT_RESULTS": CHECKPOINT_RESULTS,
}
SCHEMA_ONLY = {("site", "/properties/forge")}
"""Labels only the forms show (the forge a site uses); no page renders them."""


def labelled_enums() -> Iterator[tuple[str, str, dict[str, Any], dict[str, str]]]:
    """(schema kind, JSON pointer, node, labels) of every node with ``x-enum-labels``."""
    layout = Layout(repository_root())
    for path in sorted(layout.schemas_dir.glob("*.schema.json")):
        yield from _walk(path.name.removesuffix(".schema.json"), "", load_schema(path))


def _walk(kind: str, pointer: str, node: Any) -> Iterator[Any]:
    if isinstance(node, dict):
        if "x-enum-labels" in node:
            yield kind, pointer, node, node["x-enum-labels"]
        for key, value in node.items():
            yield from _walk(kind, f"{pointer}/{key}", value)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(kind, f"{pointer}/{index}", value)


ENUMS = list(labelled_enums())
IDS = [f"{kind}{pointer}" for kind, pointer, _, _ in ENUMS]


@pytest.mark.parametrize(("kind", "pointer", "node", "labels"), ENUMS, ids=IDS)
def test_each_schema_enum_labels_every_value_and_nothing_else(
    kind: str, pointer: str, node: dict[str, Any], labels: dict[str, str]
) -> None:
    assert list(labels) == node["enum"]


@pytest.mark.parametrize(("kind", "pointer", "node", "labels"), ENUMS, ids=IDS)
def test_each_schema_enum_has_the_labels_of_the_code_table_with_its_values(
    kind: str, pointer: str, node: dict[str, Any], labels: dict[str, str]
) -> None:
    tables = [table for table in CODE_TABLES.values() if set(labels) <= set(table)]
    if (kind, pointer) in SCHEMA_ONLY:
        assert not tables
        return
    assert tables, f"no label table in the code holds the values of {kind}{pointer}"
    assert any(labels == {value: table[value] for value in labels} for table in tables)


@pytest.mark.parametrize("name", CODE_TABLES)
def test_each_code_table_is_a_whole_schema_enum(name: str) -> None:
    assert any(labels == CODE_TABLES[name] for _, _, _, labels in ENUMS)
