"""What a validation run hands back: the checked model and every problem found."""

from __future__ import annotations

from dataclasses import dataclass

from showcase.model import Model
from showcase.problems import Problem, Severity


@dataclass
class ValidationResult:
    model: Model | None
    """Built from the valid data; None when there is any error."""
    problems: list[Problem]
    """Sorted by file, line and column."""
    files_checked: int

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings are allowed)."""
        return not any(p.severity is Severity.ERROR for p in self.problems)

    @property
    def errors(self) -> int:
        return sum(p.severity is Severity.ERROR for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity is Severity.WARNING for p in self.problems)
