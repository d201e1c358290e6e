"""Problems as text for people, JSON for machines, or GitHub annotations for pull requests.

Every problem passes `personal_data.redact` on its way out, so no CI log or JSON report
repeats a phone, ID or student number, or an e-mail address, whichever rule quoted it.

Example::

    print(format_problems(result.problems, "text", files_checked=result.files_checked))
    # projects/textile/foo.yaml:12:5: 错误 stage（阶段）: 「种子期」不是可选值。…
    # 检查了 52 个文件：1 个错误，0 个警告。
"""

from __future__ import annotations

from showcase import jsontext
from showcase.problems import Problem, Severity
from showcase.validate.personal_data import redact

FORMATS = ("text", "json", "github")


def format_problems(problems: list[Problem], fmt: str, *, files_checked: int | None = None) -> str:
    """Render `problems` in `fmt` (one of FORMATS); `files_checked` feeds the summary."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {FORMATS}")
    problems = [redact(problem) for problem in problems]
    checked = files_checked if files_checked is not None else len({p.path for p in problems})
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    if fmt == "json":
        return jsontext.dumps(
            {
                "files_checked": checked,
                "errors": errors,
                "warnings": warnings,
                "problems": [p.as_dict() for p in problems],
            },
            indent=2,
        )
    lines = [p.text() for p in problems] if fmt == "text" else [_annotation(p) for p in problems]
    lines.append(summary_line(checked, errors, warnings))
    return "\n".join(lines)


def summary_line(files_checked: int, errors: int, warnings: int) -> str:
    if errors == warnings == 0:
        return f"检查了 {files_checked} 个文件，全部通过。"
    return f"检查了 {files_checked} 个文件：{errors} 个错误，{warnings} 个警告。"


def _annotation(problem: Problem) -> str:
    """``::error file=…,line=…,col=…,title=…::message`` as GitHub Actions reads it."""
    level = "error" if problem.severity is Severity.ERROR else "warning"
    properties = [f"file={_escape_property(problem.path)}"]
    if problem.line:
        properties += [f"line={problem.line}", f"col={problem.column}"]
    properties.append(f"title={_escape_property(problem.field or problem.rule)}")
    message = problem.message + (f" 修改建议：{problem.hint}" if problem.hint else "")
    return f"::{level} {','.join(properties)}::{_escape_data(message)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
