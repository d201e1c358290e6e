"""``invoke ci``: the one command every CI runs (GitHub, Gitee, GitLab or a plain server).

Lint, validate, a strict build into a temporary folder and the outside checkers (Nu HTML
checker, axe-core, Lighthouse on that build: `showcase.commands.checkers`) run
first, each under its own heading, and a one-line verdict of them is printed; the test suite runs LAST so that
pytest's closing line is the last line of the output, which is what CI systems (and
people scrolling a log) read. Every step runs even when an earlier one failed, so one
run shows every failure; the exit code is non-zero when any step failed.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from showcase.commands.build import build
from showcase.commands.checkers import checkers
from showcase.commands.lint import lint
from showcase.commands.test import run_suite
from showcase.commands.validate import validate

Step = tuple[str, Callable[[Path, Path], int]]
"""A heading and a step run with the repository root and the folder of the strict build."""


def _lint(root: Path, _site: Path) -> int:
    return lint(root)


def _validate(root: Path, _site: Path) -> int:
    return validate(root, [], "text")


def _build(root: Path, site: Path) -> int:
    return build(root, site)


def _checkers(root: Path, site: Path) -> int:
    """The strict build's site when it was built, so the sample is built once."""
    return checkers(root, site if site.is_dir() else None)


STEPS: tuple[Step, ...] = (
    ("代码检查（ruff）", _lint),
    ("数据校验", _validate),
    ("严格构建网站", _build),
    ("外部检查（Nu HTML 检查器、axe-core、Lighthouse）", _checkers),
)


def ci(root: Path, pytest_args: list[str] | None = None) -> int:
    """Run every step, then the tests; 0 only when everything passed."""
    failed = []
    with tempfile.TemporaryDirectory(prefix="ci-site-") as folder:
        for title, step in STEPS:
            print(f"\n===== {title} =====", flush=True)
            if step(root, Path(folder) / "site") != 0:
                failed.append(title)
    verdict = f"未通过：{'、'.join(failed)}" if failed else "全部通过"
    print(f"\n===== 前置检查{verdict}；最后运行测试 =====", flush=True)
    tests = run_suite(root, pytest_args)
    return 1 if failed or tests else 0
