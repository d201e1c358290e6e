"""What a pull request breaks, judged by this checkout's program with the pull request as data.

`check_tree` takes the pull request merged into its base (`data_tree`) and collects:

1. ownership of every changed path, by the base branch's maintainers, for the author
   the forge reports as the pull request's opener (`ownership`); edits to the checker,
   schemas, build or CI are flagged, and an empty or malformed author fails;
2. the validator over the whole merged repository, so a change to one project that
   breaks another file (a typical case or roadshow naming a project the pull request
   closes, hides, renames or deletes) fails here rather than in every later build; and
   the deadline of calls: an application the pull request adds after its call's 申报
   closed (today's Beijing date) is refused, though validation accepts the old ones;
3. the personal-data scan over the lines the pull request added, in every text file;
   and every path it adds or changes that is, or lies in a folder named as, an editor's
   or file manager's own file, refused (``file.temporary``, in place of what validation
   says of it): validation ignores such files, as it must for a local checkout;
4. each changed project's old and new data, for the review summary (`summary`).

``invoke check-pr`` (`showcase.commands.check_pr`) prints them; see docs/ci.md.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from showcase.load.files import has_temporary_part
from showcase.load.schemas import load_schema
from showcase.load.yamlfile import load_yaml_bytes
from showcase.paths import Layout, PathKind, kind_of, registry_path
from showcase.problems import Problem, sort_problems
from showcase.render.clock import SHANGHAI
from showcase.review.added_data import added_personal_data
from showcase.review.changes import Change, file_at
from showcase.review.data_tree import DataTree
from showcase.review.office_fields import office_field_problems
from showcase.review.ownership import (
    Owners,
    as_maintainer_fixture,
    check_ownership,
    is_makerspace_maintainer,
)
from showcase.review.summary import ProjectDiff
from showcase.validate.application_rules import late_applications
from showcase.validate.repository import validate_repository
from showcase.validate.selection import temporary_file_problem


def check_tree(
    root: Path, tree: DataTree, author: str, today: datetime.date | None = None
) -> tuple[list[Problem], list[ProjectDiff], int]:
    """Every problem of the pull request in `tree`, its project diffs and the files checked.

    `root` is the trusted checkout: only its git objects (the base's maintainers) are read.
    """
    layout = Layout(tree.data, rules=tree.rules)
    owners = _owners(root, tree.base)
    temporary = [c.path for c in tree.changes if c.status != "D" and has_temporary_part(c.path)]
    problems = [temporary_file_problem(path) for path in temporary]
    problems += check_ownership(tree.changes, author, owners)
    result = validate_repository(layout, today=today)
    # emacs' lock is a link, old~/roster.docx a stray file: the name says what to do
    problems += [p for p in tree.problems + result.problems if p.path not in temporary]
    maintainer = is_makerspace_maintainer(author, owners)
    problems += late_applications(
        layout,
        _application_changes(tree, maintainer),
        today or datetime.datetime.now(SHANGHAI).date(),
    )
    if not maintainer:
        problems += office_field_problems(tree.data, tree.base, tree.changes)
    existing = [c for c in tree.changes if tree.written(c)]
    added = _added_personal_data(
        tree.data, tree.base, existing, load_schema(layout.schema("project"))
    )
    if maintainer:
        added = [as_maintainer_fixture(problem) for problem in added]
    problems += added
    diffs = [_diff(tree, c) for c in tree.changes if kind_of(c.path) is PathKind.PROJECT]
    return sort_problems(problems), diffs, result.files_checked


def _application_changes(tree: DataTree, maintainer: bool) -> list[tuple[str, str]]:
    """``(path, added|changed|deleted)`` for the files the deadline judges: a new file from
    anyone; a changed or deleted one only from a college (the office may correct one)."""
    found = []
    for change in tree.changes:
        if change.status in ("A", "R") and tree.written(change):
            found.append((change.path, "added"))
        if maintainer:
            continue
        if change.status == "M" and tree.written(change):
            found.append((change.path, "changed"))
        elif change.status == "D":
            found.append((change.path, "deleted"))
        elif change.status == "R" and change.old_path:
            found.append((change.old_path, "deleted"))
    return found


def _owners(root: Path, base: str) -> Owners:
    """Maintainers as the base branch lists them (never as the pull request rewrote them)."""
    site = _data_at(root, base, registry_path("site")) or {}
    colleges = _data_at(root, base, registry_path("colleges")) or {}
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


def _diff(tree: DataTree, change: Change) -> ProjectDiff:
    old_path = change.old_path or change.path
    old = _data_at(tree.data, tree.base, old_path) if change.status != "A" else None
    new = None
    if tree.written(change):
        document, _ = load_yaml_bytes((tree.data / change.path).read_bytes(), change.path)
        new = document.data if document else None
    return ProjectDiff(
        change.path, old if isinstance(old, dict) else None, new if isinstance(new, dict) else None
    )
