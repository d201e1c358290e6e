"""One countable figure (a ``source`` of `content/assessment.yaml`): its name and rule."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    label: str
    """Chinese name of the figure, e.g. 在孵项目."""
    counted: str
    """How it is counted from the data, for the 评估办法 page."""
    unit: str = "个"
    money: bool = False
