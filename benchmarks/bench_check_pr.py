"""What does judging a one-project pull request cost at scale?

Writes a synthetic repository with ``--count`` projects, commits it on ``main`` and a pull
request changing one project (by its college's maintainer), then times, best of
``--repeat``:

(a) `invoke validate` of the working tree, for reference;
(b) merging the pull request into the base and writing its data tree (``data_tree``);
(c) the whole `invoke check-pr`: (b), ownership, validation of the whole merged
    repository with the base's schemas, the personal-data scan of added lines, summary.

The data tree is written under ``TMPDIR``; file creation there is most of (b).

    python benchmarks/bench_check_pr.py --count 10000
"""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from timing import best_of, synthetic_arguments

from showcase.commands.check_pr import check_pr as run
from showcase.paths import Layout, repository_root
from showcase.review.data_tree import data_tree
from showcase.synth import write_repository
from showcase.validate import validate_repository


def git(root: Path, *args: str) -> None:
    identity = ["-c", "user.name=bench", "-c", "user.email=bench@example.invalid"]
    subprocess.run(["git", *identity, *args], cwd=root, check=True, capture_output=True)


def pull_request(root: Path) -> str:
    """Commit the repository on main and one project's change on branch `pr`; its author."""
    project = next(
        file for file in Layout(root).project_files() if "\nkeywords:\n" in file.read_text("utf-8")
    )
    colleges = yaml.safe_load((root / "content/colleges.yaml").read_text(encoding="utf-8"))
    college = next(c for c in colleges["colleges"] if c["id"] == project.parent.name)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    git(root, "checkout", "-q", "-b", "pr")
    text = project.read_text(encoding="utf-8")
    project.write_text(text.replace("\nkeywords:\n", "\nkeywords:\n  - 基准测试\n", 1), "utf-8")
    git(root, "commit", "-q", "-am", "change one project")
    git(root, "checkout", "-q", "main")
    return college["maintainers"][0]


def check_pr(root: Path, author: str) -> int:
    with contextlib.redirect_stdout(io.StringIO()):
        return run(root, "main", author, "json", "", head="pr")


def write_tree(root: Path) -> None:
    with data_tree(root, "main", "pr"):
        pass


def main(argv: list[str] | None = None) -> int:
    args = synthetic_arguments(__doc__, "benchmarks/out/check-pr", argv)

    shutil.rmtree(args.out, ignore_errors=True)
    write_repository(repository_root(), args.out, args.count, args.seed)
    root = args.out.resolve()
    author = pull_request(root)
    code = check_pr(root, author)  # also warms the OS file cache

    validate_seconds = best_of(args.repeat, lambda: validate_repository(Layout(root)))
    tree_seconds = best_of(args.repeat, lambda: write_tree(root))
    check_seconds = best_of(args.repeat, lambda: check_pr(root, author))

    print(f"项目文件：{args.count} 个；合并请求改动 1 个项目，check-pr 退出码 {code}")
    print(f"(a) invoke validate（工作区）：      {validate_seconds:.3f} 秒")
    print(f"(b) 合并并写出数据树（data_tree）：  {tree_seconds:.3f} 秒")
    print(f"(c) invoke check-pr（全部）：        {check_seconds:.3f} 秒")
    print(f"比值 (c)/(a)：{check_seconds / validate_seconds:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
