"""Fields only the makerspace office writes, in files a college's maintainers own.

A checkpoint report lies in the project's folder so the team and its college submit it,
but its result (通过 / 限期整改 / 不合格), the office's note and the rectification date are
the office's word: a pull request by anyone but a makerspace maintainer that adds or
changes them is refused (`review.office-field`). Calls, with their decisions, lie under
content/ and are the makerspace's alone already (`showcase.review.ownership`).

Example::

    office_field_problems(tree, changes, "textile-club")   # [Problem(rule="review.office-field")]
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from showcase.load.yamlfile import load_yaml_bytes
from showcase.paths import PathKind, kind_of, schema_path
from showcase.problems import Problem
from showcase.review.changes import Change, file_at

OFFICE_FIELDS = {PathKind.CHECKPOINT: ("result", "note", "rectify_by")}
"""By kind of file, the keys only a makerspace maintainer may add or change."""


def office_field_problems(root: Path, base: str, changes: list[Change]) -> list[Problem]:
    """A problem for each office field that `changes` add or alter (the caller decides
    whether the author is a makerspace maintainer, who may)."""
    found = []
    titles = _titles(root, base)
    for change in changes:
        kind = kind_of(change.path)
        keys = OFFICE_FIELDS.get(kind) if kind else None
        file = root / change.path
        if not keys or change.status == "D" or not file.is_file():
            continue
        old = _data(file_at(root, base, change.old_path or change.path), change.path)
        new = _data(file.read_bytes(), change.path)
        for key in keys:
            if new.get(key) is not None and new.get(key) != old.get(key):
                title = titles.get(key, key)
                found.append(
                    Problem(
                        change.path,
                        rule="review.office-field",
                        field=f"{key}（{title}）",
                        message=f"「{title}」由众创空间办公室填写，学院和项目团队不能添加或修改。",
                        hint=f"删除 {key} 这一行（或恢复原值）再提交；检查结果由办公室另行提交。",
                    )
                )
    return found


def _titles(root: Path, base: str) -> dict[str, str]:
    """The checkpoint schema's field titles, as the base branch has them."""
    raw = file_at(root, base, schema_path("checkpoint"))
    try:
        properties = json.loads(raw)["properties"] if raw else {}
    except (ValueError, KeyError, TypeError):
        return {}
    return {key: str(node.get("title", key)) for key, node in properties.items()}


def _data(raw: bytes | None, path: str) -> dict[str, Any]:
    if raw is None:
        return {}
    document, _ = load_yaml_bytes(raw, path)
    return document.data if document and isinstance(document.data, dict) else {}
