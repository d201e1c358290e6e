"""`invoke check-pr --base REF [--author USER] [--format F] [--summary FILE]`.

1. the changed files, from git (`changes`);
2. ownership of every changed path, by the base branch's maintainers (`ownership`);
3. the validator over the changed project files, or over the whole repository when a
   registry, schema or event changed or a project was deleted or moved (references and id
   uniqueness are checked against every other file either way);
4. the personal-data scan over the lines the pull request added, in every text file;
5. the review summary (`summary`), printed and written to FILE for a CI comment.

Exit codes as `invoke validate`: 0 passed (warnings allowed), 1 errors, 2 the command
itself was wrong (unknown format, a base git does not know).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from showcase.forms.spec import load_project_schema
from showcase.load.yamlfile import load_yaml_bytes
from showcase.paths import Layout
from showcase.problems import Problem, has_errors, sort_problems
from showcase.review.added_data import added_personal_data
from showcase.review.changes import Change, GitError, changed_files, file_at
from showcase.review.ownership import Owners, check_ownership, owning_college
from showcase.review.summary import ProjectDiff, review_summary
from showcase.validate.report import FORMATS, format_problems
from showcase.validate.repository import validate_repository


def run(root: Path, base: str, author: str, fmt: str, summary_file: str) -> int:
    if fmt not in FORMATS:
        print(f"不支持的输出格式：{fmt}。可选：{'、'.join(FORMATS)}。", file=sys.stderr)
        return 2
    try:
        changes = changed_files(root, base)
        problems, diffs, checked = check_changes(root, base, changes, author)
    except GitError as error:
        print(
            f"无法读取合并请求的改动：{error}。"
            f"请确认 {base} 存在（CI 上先 git fetch 目标分支，且不要用浅克隆）。",
            file=sys.stderr,
        )
        return 2
    schema = load_project_schema(Layout(root))
    titles = {key: sub.get("title", key) for key, sub in schema["properties"].items()}
    summary = review_summary(diffs, problems, titles)
    print(format_problems(problems, fmt, files_checked=checked))
    print()
    print(summary, end="")
    if summary_file:
        Path(summary_file).write_text(summary, encoding="utf-8")
    return 1 if has_errors(problems) else 0


def check_changes(
    root: Path, base: str, changes: list[Change], author: str
) -> tuple[list[Problem], list[ProjectDiff], int]:
    """Every problem of the pull request, its project diffs and how many files were checked."""
    layout = Layout(root)
    problems: list[Problem] = []
    if author:
        problems += check_ownership(changes, author, _owners(root, base))
    else:
        print("未提供 --author：跳过归属检查。", file=sys.stderr)
    existing = [c for c in changes if c.status != "D"]
    whole = any(
        c.status in "DR"
        or (not c.path.startswith("projects/") and c.path.startswith(("content/", "schemas/")))
        for c in changes
    )
    projects = [layout.root / c.path for c in existing if _is_project(c.path)]
    checked = 0
    if whole or projects:
        result = validate_repository(layout, None if whole else projects)
        problems += result.problems
        checked = result.files_checked
    problems += _added_personal_data(root, base, existing, load_project_schema(layout))
    diffs = [_diff(root, base, change) for change in changes if _is_project(change.path)]
    return sort_problems(problems), diffs, checked


def _is_project(path: str) -> bool:
    return owning_college(path) is not None and path.count("/") == 2 and path.endswith(".yaml")


def _owners(root: Path, base: str) -> Owners:
    """Maintainers as the base branch lists them (never as the pull request rewrote them)."""
    site = _data_at(root, base, "content/site.yaml") or {}
    colleges = _data_at(root, base, "content/colleges.yaml") or {}
    college_list = colleges.get("colleges", []) if isinstance(colleges, dict) else []
    return Owners(
        makerspace=tuple(site.get("maintainers", ())) if isinstance(site, dict) else (),
        colleges={
            str(c["id"]): tuple(c.get("maintainers", ()))
            for c in college_list
            if isinstance(c, dict) and "id" in c
        },
    )


def _data_at(root: Path, ref: str, path: str) -> Any:
    raw = file_at(root, ref, path)
    if raw is None:
        return None
    document, _ = load_yaml_bytes(raw, path)
    return document.data if document else None


def _added_personal_data(
    root: Path, base: str, changes: list[Change], project_schema: dict[str, Any]
) -> list[Problem]:
    """Personal data on the lines this pull request added, in every text file, and binary
    files in college folders (`showcase.review.added_data`)."""
    return added_personal_data(root, base, changes, project_schema)


def _diff(root: Path, base: str, change: Change) -> ProjectDiff:
    old_path = change.old_path or change.path
    old = _data_at(root, base, old_path) if change.status != "A" else None
    new = None
    if change.status != "D":
        document, _ = load_yaml_bytes((root / change.path).read_bytes(), change.path)
        new = document.data if document else None
    return ProjectDiff(
        change.path, old if isinstance(old, dict) else None, new if isinstance(new, dict) else None
    )
