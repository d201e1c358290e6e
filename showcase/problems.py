"""Problems found in the data, pinned to a file, a line and a field.

Every stage reports what is wrong as `Problem` values instead of raising, so that a
college secretary sees every mistake in one run, sorted by file and line, each with a
hint on how to fix it. Messages are Simplified Chinese because that is who reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        return "错误" if self is Severity.ERROR else "警告"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one value.

    `path` is relative to the repository root with forward slashes; `line` and `column`
    are 1-based (0 when the problem concerns the whole file). `field` is the human name
    of the field, e.g. ``stage（阶段）``; empty when the problem is about the file itself.
    `rule` is a stable machine id (``schema.enum``, ``personal.phone``…) for JSON output
    and for tests.
    """

    path: str
    line: int = 0
    column: int = 0
    severity: Severity = dataclass_field(default=Severity.ERROR, compare=False)
    rule: str = ""
    field: str = ""
    message: str = ""
    hint: str = dataclass_field(default="", compare=False)

    @property
    def where(self) -> str:
        """``path:line:col``, or the bare path for a problem about the whole file (as
        compilers print it: editors read ``path:0:0`` as a position before the file)."""
        return f"{self.path}:{self.line}:{self.column}" if self.line else self.path

    def text(self) -> str:
        """The one-line form: ``path:line:col: 错误 field: message 修改建议：hint``."""
        where = self.where
        subject = f" {self.field}:" if self.field else ""
        hint = f" 修改建议：{self.hint}" if self.hint else ""
        line = f"{where}: {self.severity.label}{subject} {self.message}{hint}"
        return line.replace("\r", "").replace(
            "\n", "↵"
        )  # a value quoted in a message stays on one line

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "rule": self.rule,
            "field": self.field,
            "message": self.message,
            "hint": self.hint,
        }


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Sort by file, line and column, dropping exact repeats."""
    return sorted(set(problems))


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)
