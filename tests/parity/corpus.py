"""The parity corpus: bad values, each a data file naming the rule every door must give.

``cases/<name>.yaml`` changes one thing of the good project in ``base.yaml``:

- ``rule``: the rule id every door must report (each door must report the same rules,
  and this one among them);
- ``severity`` (default ``error``): ``warning`` for advice, which no door refuses for;
- ``set``: dotted paths (``team.0.role``) and the values a person gives there;
- ``remove``: dotted paths left empty;
- ``without`` (rare): door → why that door cannot even express the value (the issue
  form reads a summary back as one line, say), so it is not asked.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent
BASE = HERE / "base.yaml"
CASES = HERE / "cases"


@dataclass(frozen=True)
class Case:
    name: str
    rule: str
    data: dict[str, Any]
    severity: str = "error"
    without: dict[str, str] = field(default_factory=dict)


def base_project() -> dict[str, Any]:
    return yaml.safe_load(BASE.read_text(encoding="utf-8"))


def load_cases() -> list[Case]:
    cases = []
    for path in sorted(CASES.glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        data = base_project()
        for dotted, value in (spec.get("set") or {}).items():
            parent, key = _locate(data, dotted)
            if isinstance(parent, list) and key == len(parent):
                parent.append(copy.deepcopy(value))
            else:
                parent[key] = copy.deepcopy(value)
        for dotted in spec.get("remove") or []:
            parent, key = _locate(data, dotted)
            del parent[key]
        cases.append(
            Case(
                path.stem,
                spec["rule"],
                data,
                spec.get("severity", "error"),
                spec.get("without") or {},
            )
        )
    return cases


def _locate(data: Any, dotted: str) -> tuple[Any, Any]:
    parts: list[Any] = [int(p) if p.isdigit() else p for p in dotted.split(".")]
    for part in parts[:-1]:
        data = data[part]
    return data, parts[-1]
