"""The validate stage: schemas first, then cross-record rules, then the checked model.

Example::

    result = validate_repository(Layout(repository_root()))
    if result.ok:
        render(result.model)
    else:
        print(format_problems(result.problems, "text"))
"""

from showcase.validate.repository import validate_repository
from showcase.validate.result import ValidationResult

__all__ = ["ValidationResult", "validate_repository"]
