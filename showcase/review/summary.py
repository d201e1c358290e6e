"""The review summary: what a pull request does to the showcase, in Markdown for a comment.

New projects, changed fields (old → new), moved levels, new achievements and deleted
projects, then the check's verdict. The comment is public, so team members are shown as
counts only (a non-public name must never reach it), and a file with a personal-data
problem is listed without any of its values.

Example::

    markdown = review_summary(diffs, problems)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from showcase.model import ACHIEVEMENT_TYPES, LEVELS
from showcase.problems import Problem, Severity
from showcase.render.text import inline
from showcase.review.ownership import PULL_REQUEST
from showcase.validate.personal_data import mask_output, redact

_LONGEST = 60


@dataclass(frozen=True)
class ProjectDiff:
    path: str
    old: dict[str, Any] | None
    """The base branch's data; None for a new project."""
    new: dict[str, Any] | None
    """The pull request's data; None for a deleted project."""


def review_summary(
    diffs: list[ProjectDiff],
    problems: list[Problem],
    titles: dict[str, str],
    touched: frozenset[str] | None = None,
) -> str:
    """The whole comment; `titles` maps project field names to their Chinese titles.

    With `touched` (the paths the pull request changes), problems in other files are
    listed apart, as consequences of the change for the rest of the repository.
    """
    private = {p.path for p in problems if p.rule.startswith("personal.")}
    lines = ["## 合并请求检查摘要", ""]
    added = [d for d in diffs if d.old is None and d.new is not None]
    changed = [d for d in diffs if d.old is not None and d.new is not None and d.old != d.new]
    deleted = [d for d in diffs if d.new is None and d.old is not None]
    if added:
        lines += ["### 新项目", ""]
        lines += [
            f"- {_name(d.new)}（`{d.path}`）" + _facts(d.new, d.path in private)
            for d in added
            if d.new is not None
        ]
        lines.append("")
    for diff in changed:
        lines += _changed(diff, titles, diff.path in private)
    if deleted:
        lines += ["### 删除的项目", ""]
        lines += [f"- {_name(d.old)}（`{d.path}`）" for d in deleted if d.old is not None]
        lines.append("")
    if not (added or changed or deleted):
        lines += ["没有改动项目文件。", ""]
    lines += _verdict(problems, touched)
    return "\n".join(lines) + "\n"


def _name(data: dict[str, Any] | None) -> str:
    return f"**{_inline(str((data or {}).get('name', '（无名称）')))}**"


def _inline(text: str) -> str:
    """`inline` for a public comment: phone, ID and student numbers masked first."""
    return inline(mask_output(text))


def _facts(data: dict[str, Any], private: bool) -> str:
    if private:
        return "：文件含个人信息，摘要不显示内容"
    level = LEVELS.get(str(data.get("level")), str(data.get("level", "")))
    return f"：{_inline(str(data.get('college', '')))} · {_inline(level)}"


def _changed(diff: ProjectDiff, titles: dict[str, str], private: bool) -> list[str]:
    old, new = diff.old or {}, diff.new or {}
    lines = [f"### 修改：{_name(new)}（`{diff.path}`）", ""]
    if private:
        return [*lines, "文件含个人信息，摘要不显示内容。", ""]
    if old.get("level") != new.get("level"):
        lines += [f"- **孵化层级变化**：{_level(old)} → {_level(new)}", ""]
    achievements = [a for a in new.get("achievements", []) if a not in old.get("achievements", [])]
    if achievements:
        lines += ["**新成果：**", ""]
        lines += [
            f"- {_inline(ACHIEVEMENT_TYPES.get(str(a.get('type')), str(a.get('type'))))}："
            f"{_inline(str(a.get('title', '')))}（{_inline(str(a.get('date', '')))}）"
            for a in achievements
            if isinstance(a, dict)
        ]
        lines.append("")
    rows = [key for key in dict.fromkeys([*old, *new]) if old.get(key) != new.get(key)]
    if rows:
        lines += ["| 字段 | 原来 | 现在 |", "| --- | --- | --- |"]
        lines += [
            f"| {_inline(titles.get(key, key))}（{_inline(key)}） | {_shown(key, old.get(key))} | "
            f"{_shown(key, new.get(key))} |"
            for key in rows
        ]
        lines.append("")
    return lines


def _level(data: dict[str, Any]) -> str:
    return _inline(LEVELS.get(str(data.get("level")), str(data.get("level", ""))))


def _shown(key: str, value: Any) -> str:
    """A value for a table cell: team as a count, lists joined, long text shortened."""
    if value is None:
        return "（无）"
    if key == "team" and isinstance(value, list):
        return f"{len(value)} 名成员"
    text = "、".join(map(_brief, value)) if isinstance(value, list) else _brief(value)
    text = mask_output(text)  # before shortening: a cut number is no longer recognised
    if len(text) > _LONGEST:
        text = text[:_LONGEST] + "…"
    return inline(text).replace("|", "\\|")


def _brief(value: Any) -> str:
    if isinstance(value, dict):
        return " ".join(str(v) for v in value.values())
    return str(value)


def _verdict(problems: list[Problem], touched: frozenset[str] | None) -> list[str]:
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return ["### 检查结果", "", "✅ 全部通过。"]
    lines = [
        "### 检查结果",
        "",
        f"{'❌' if errors else '⚠️'} {errors} 个错误，{warnings} 个警告：",
        "",
    ]
    problems = [redact(p) for p in problems]
    elsewhere = [p for p in problems if touched is not None and _elsewhere(p.path, touched)]
    lines += [_item(p) for p in problems if p not in elsewhere]
    if elsewhere:
        lines += [
            "",
            "**本合并请求没有改动、但合并后会出错的文件**（多半是改动的后果：例如关闭、隐藏、"
            "改名或删除了被典型案例或路演引用的项目。合并它会让之后的每次构建都失败）：",
            "",
        ]
        lines += [_item(p) for p in elsewhere]
    return lines


def _elsewhere(path: str, touched: frozenset[str]) -> bool:
    return path != PULL_REQUEST and path not in touched


def _item(problem: Problem) -> str:
    return (
        f"- `{problem.path}{f':{problem.line}' if problem.line else ''}` "
        + (f"{inline(problem.field)}：" if problem.field else "")
        + inline(problem.message)
    )
