"""The registries under content/: site config, colleges, mentors, fields, services, partners
and the assessment plan.

Each registry file is one mapping with a single list of records (site.yaml is the record
itself). They are loaded before the projects because projects refer to their ids. A
registry with a broken record still yields the ids it does have, so a typo in one mentor
does not make every project that names another mentor fail.

Example::

    registry = load_registry(layout, REGISTRIES["colleges"], checkers)
    registry.ids()          # frozenset({"textile", "materials", ...}) or None
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from showcase.load.yamlfile import Document, load_yaml
from showcase.paths import Layout
from showcase.problems import Problem
from showcase.validate.labels import field_label, schema_title
from showcase.validate.personal_data import scan_document
from showcase.validate.personal_text import PersonalDataRules
from showcase.validate.schema_check import SchemaChecker


@dataclass(frozen=True)
class RegistrySpec:
    name: str
    """File stem under content/, e.g. ``colleges``."""
    kind: str
    """Schema under schemas/, e.g. ``college``."""
    list_key: str | None
    """The key holding the records; None when the file is the record (site.yaml)."""
    required: bool = True


REGISTRIES = {
    spec.name: spec
    for spec in (
        RegistrySpec("site", "site", None),
        RegistrySpec("colleges", "college", "colleges"),
        RegistrySpec("mentors", "mentor", "mentors"),
        RegistrySpec("fields", "field", "fields"),
        RegistrySpec("services", "service", "services", required=False),
        RegistrySpec("partners", "partner", "partners", required=False),
        RegistrySpec("assessment", "assessment", None, required=False),
    )
}


@dataclass
class LoadedRegistry:
    spec: RegistrySpec
    file: Path
    document: Document | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def data(self) -> Any:
        """The file's data as loaded (None when the file could not be read)."""
        return self.document.data if self.document else None

    @property
    def records(self) -> list[dict[str, Any]]:
        """The records that are mappings (all of them once the file is valid)."""
        data = self.document.data if self.document else None
        if not isinstance(data, dict):
            return []
        if self.spec.list_key is None:
            return [data]
        items = data.get(self.spec.list_key)
        return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []

    def ids(self) -> frozenset[str] | None:
        """Every id written in the registry; None when the file could not be read."""
        if self.document is None:
            return None
        return frozenset(r["id"] for r in self.records if isinstance(r.get("id"), str))


def load_registry(layout: Layout, spec: RegistrySpec, checker: SchemaChecker) -> LoadedRegistry:
    """Load, schema-check and check the ids of one registry file."""
    file = layout.registry(spec.name)
    display = layout.relative(file)
    if not file.exists():
        if not spec.required:
            return LoadedRegistry(spec, file, None)
        return LoadedRegistry(
            spec,
            file,
            None,
            [
                Problem(
                    display,
                    0,
                    0,
                    rule="registry.missing",
                    message=f"缺少名录文件 {display}。",
                    hint="从仓库模板恢复这个文件；它是校验项目引用所必需的。",
                )
            ],
        )
    document, problems = load_yaml(file, display)
    registry = LoadedRegistry(spec, file, document, problems)
    if document is not None:
        registry.problems += checker.check(document)
        registry.problems += _duplicate_ids(registry, checker.schema)
    return registry


def scan_registries(
    registries: dict[str, LoadedRegistry],
    checkers: dict[str, SchemaChecker],
    personal: PersonalDataRules,
) -> None:
    """Add the personal-data findings of every registry file to its problems.

    Run after loading all of them: the personal mailbox domains come from site.yaml.
    """
    for registry in registries.values():
        if registry.document is not None:
            schema = checkers[registry.spec.kind].schema
            registry.problems += scan_document(registry.document, schema, personal)


def _duplicate_ids(registry: LoadedRegistry, schema: dict[str, Any]) -> list[Problem]:
    document, key = registry.document, registry.spec.list_key
    data = document.data if document else None
    if document is None or key is None or not isinstance(data, dict):
        return []
    if not isinstance(data.get(key), list):
        return []
    first_line: dict[str, int] = {}
    problems = []
    for index, item in enumerate(document.data[key]):
        record_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(record_id, str):
            continue
        path = (key, index, "id")
        line, column = document.position(path)
        if record_id in first_line:
            problems.append(
                Problem(
                    document.path,
                    line,
                    column,
                    rule="registry.duplicate-id",
                    field=field_label(path, schema_title(schema, (key, 0, "id"))),
                    message=f"编号 {record_id} 重复：第 {first_line[record_id]} 行已经用过。",
                    hint="每条记录的编号必须唯一；改成新的编号或合并这两条记录。",
                )
            )
        else:
            first_line[record_id] = line
    return problems
