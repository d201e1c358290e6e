"""``invoke check-pr --base REF [--head REF] --author USER [--format F] [--summary FILE]``.

The program that runs is the checkout this command is started from; on CI that is a
checkout of the base branch (see docs/ci.md). The pull request is only ever data: it is
merged into the base from git objects and judged by `showcase.review.check_pr.check_tree`
(ownership, the whole merged repository validated, personal data on added lines); the
problems are printed in the chosen format, then the review summary
(`showcase.review.summary`; to standard error with ``--format json``, so that standard
output parses as JSON), which is also written to FILE for a CI comment.

Exit codes as ``invoke validate``: 0 passed (warnings allowed), 1 errors, 2 the command
itself was wrong (unknown format, a ref git does not know).
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

from showcase.commands.common import format_supported
from showcase.load.schemas import load_schema
from showcase.paths import Layout
from showcase.problems import has_errors
from showcase.review.changes import GitError
from showcase.review.check_pr import check_tree
from showcase.review.data_tree import data_tree
from showcase.review.summary import review_summary
from showcase.validate.report import format_problems


def check_pr(
    root: Path,
    base: str,
    author: str,
    fmt: str,
    summary_file: str,
    head: str = "HEAD",
    today: datetime.date | None = None,
) -> int:
    """Judge HEAD merged into BASE, print the problems and the summary; the exit code."""
    if not format_supported(fmt):
        return 2
    try:
        with data_tree(root, base, head) as tree:
            problems, diffs, checked = check_tree(root, tree, author, today)
            schema = load_schema(Layout(tree.data, rules=tree.rules).schema("project"))
            touched = frozenset(p for c in tree.changes for p in (c.path, c.old_path) if p)
    except GitError as error:
        print(
            f"无法读取合并请求的改动：{error}。请确认 {base} 和 {head} 都存在"
            "（CI 上先 git fetch 目标分支和合并请求，且不要用浅克隆；需要 git 2.38 或更新版本）。",
            file=sys.stderr,
        )
        return 2
    titles = {key: sub.get("title", key) for key, sub in schema["properties"].items()}
    summary = review_summary(diffs, problems, titles, touched)
    print(format_problems(problems, fmt, files_checked=checked))
    # JSON is read by programs: its stream holds the report alone, the summary goes beside
    if fmt == "json":
        print(summary, end="", file=sys.stderr)
    else:
        print()
        print(summary, end="")
    if summary_file:
        Path(summary_file).write_text(summary, encoding="utf-8")
    return 1 if has_errors(problems) else 0
