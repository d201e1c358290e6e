"""A pull request as data: its merged tree in a folder that is read, never executed.

`invoke check-pr` runs from a trusted checkout (on CI: the base branch) and must never
import, run or take rules from the pull request it judges. `data_tree` turns the two
commits into folders the checker only reads:

- the merge of head into base, made by ``git merge-tree --write-tree`` (git 2.38 or newer)
  without touching any working tree, so the check sees the repository as it will be
  after merging, including what the base gained since the pull request branched. A
  conflict is reported and the head is judged as it is;
- `data`: a detached ``git worktree`` of that merge created *without* a checkout, into
  which only what the checker reads is written, byte for byte from git objects (``git
  cat-file --batch``): every regular file under ``projects/`` and ``content/`` and every
  other file the pull request changed (for the personal-data scan). No ``.gitattributes``
  filter, encoding or line-ending rule of the pull request applies (those files are not
  written), and a symbolic link or submodule is reported, never created;
- `rules`: the base commit's ``schemas/`` in a folder of its own.

Inside `data`, ``HEAD`` is the merge commit, so ``git diff BASE...HEAD`` there is what the
pull request changes. Both folders are deleted and the worktree unregistered on exit.

Example::

    with data_tree(root, "origin/main", "HEAD") as tree:
        validate_repository(Layout(tree.data, rules=tree.rules))
        tree.changes   # [Change("M", "projects/textile/good-yarn.yaml"), ...]
"""

from __future__ import annotations

import contextlib
import functools
import os
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from showcase.paths import CONTENT, PROJECTS, SCHEMAS
from showcase.problems import Problem
from showcase.review.changes import Change, GitError, changed_files, run_git

DATA_FOLDERS = (f"{PROJECTS}/", f"{CONTENT}/")
"""What the validator reads: written whole, whatever the pull request changed."""

RULE_FOLDERS = (f"{SCHEMAS}/",)
"""What the validator takes its rules from: always the base commit's."""

_REGULAR = {"100644", "100755"}
_IDENTITY = {
    "GIT_AUTHOR_NAME": "invoke check-pr",
    "GIT_AUTHOR_EMAIL": "check-pr@invalid",
    "GIT_AUTHOR_DATE": "@0 +0000",
    "GIT_COMMITTER_NAME": "invoke check-pr",
    "GIT_COMMITTER_EMAIL": "check-pr@invalid",
    "GIT_COMMITTER_DATE": "@0 +0000",
}
"""The merge commit's identity and date: fixed, so the same two commits give the same merge."""


@dataclass
class DataTree:
    data: Path
    """The merged repository's data files (a git worktree whose HEAD is the merge)."""
    rules: Path
    """Holds the base commit's ``schemas/``."""
    base: str
    """The base commit (full hash)."""
    changes: list[Change]
    """What the pull request changes, as ``git diff BASE...HEAD`` in `data` lists it."""
    problems: list[Problem] = field(default_factory=list)
    """Merge conflicts, and files not written: links, submodules, unusable names."""

    @functools.cached_property
    def _unwritten(self) -> frozenset[str]:
        return frozenset(p.path for p in self.problems if p.rule == "review.special-file")

    def written(self, change: Change) -> bool:
        """Whether the changed file lies in `data` as a regular file to read."""
        return change.status != "D" and change.path not in self._unwritten


@contextmanager
def data_tree(root: Path, base: str, head: str) -> Iterator[DataTree]:
    """The pull request `head` merged into `base`, as data; `root` is the trusted checkout."""
    base_commit = _commit(root, base)
    head_commit = _commit(root, head)
    merge, problems = _merge(root, base_commit, head_commit)
    with tempfile.TemporaryDirectory(prefix="check-pr-") as folder:
        data, rules = Path(folder) / "pull-request", Path(folder) / "rules"
        _run(root, "worktree", "add", "--no-checkout", "--detach", str(data), merge)
        try:
            changes = changed_files(data, base_commit)
            wanted = {c.path for c in changes if c.status != "D"}
            problems += _write_tree(
                data, merge, data, lambda p: p.startswith(DATA_FOLDERS) or p in wanted
            )
            _write_tree(data, base_commit, rules, lambda p: p.startswith(RULE_FOLDERS))
            yield DataTree(data, rules, base_commit, changes, problems)
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(data)],
                cwd=root,
                capture_output=True,
                check=False,
            )


def _commit(root: Path, ref: str) -> str:
    done = run_git(
        root,
        "rev-parse",
        "--verify",
        "--quiet",
        "--end-of-options",
        f"{ref}^{{commit}}",
        allowed=(0, 1),
    )
    if done.returncode != 0:
        raise GitError(f"git 在 {root} 里找不到提交 {ref}")
    return done.stdout.decode().strip()


def _merge(root: Path, base: str, head: str) -> tuple[str, list[Problem]]:
    """The merge commit of `head` into `base`, or `head` itself when they conflict."""
    done = run_git(
        root,
        "merge-tree",
        "--write-tree",
        "--name-only",
        "--no-messages",
        "-z",
        base,
        head,
        allowed=(0, 1),  # 1: conflicts, listed after the tree
    )
    tree, *conflicted = [name for name in done.stdout.split(b"\0") if name]
    if done.returncode == 1:
        return head, [_conflict(os.fsdecode(name)) for name in conflicted]
    message = f"check-pr: {head} merged into {base}"
    commit = _run(
        root, "commit-tree", tree.decode(), "-p", base, "-p", head, "-m", message, env=_IDENTITY
    )
    return commit.strip(), []


def _conflict(path: str) -> Problem:
    return Problem(
        path,
        rule="review.merge-conflict",
        message="这个文件在目标分支上也被改过，和本合并请求的改动冲突，无法自动合并。"
        "本次检查按合并请求自己的版本判断，合并前必须先解决冲突。",
        hint="把目标分支的最新内容合并（或变基）到你的分支，解决冲突后再推送。",
    )


def _write_tree(
    repo: Path, commit: str, target: Path, wanted: Callable[[str], bool]
) -> list[Problem]:
    """Write `commit`'s regular files that `wanted` accepts under `target`; report the rest."""
    listing = run_git(repo, "ls-tree", "-r", "-z", "--full-tree", commit)
    blobs: list[tuple[str, Path]] = []
    problems: list[Problem] = []
    for entry in listing.stdout.split(b"\0"):
        if not entry:
            continue
        meta, raw_path = entry.split(b"\t", 1)
        mode, _, oid = meta.decode().split(" ")
        try:
            path = raw_path.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(_special(os.fsdecode(raw_path), "文件名不是 UTF-8 编码"))
            continue
        if not wanted(path):
            continue
        if mode not in _REGULAR:
            kind = "子模块（submodule）" if mode == "160000" else "符号链接（symlink）"
            problems.append(_special(path, f"这是一个{kind}"))
        elif not _safe(path):
            problems.append(_special(path, "路径里有空的、「.」「..」或「.git」部分"))
        elif Path(path).name != ".gitattributes":
            blobs.append((oid, target / path))
    unwritten = _write_blobs(repo, blobs)
    problems += [
        _special(p.relative_to(target).as_posix(), "无法写出这个文件（名字太长或不合法）")
        for p in unwritten
    ]
    return problems


def _special(path: str, what: str) -> Problem:
    return Problem(
        path,
        rule="review.special-file",
        message=f"{what}，仓库里只能放普通文件；检查程序不会读取或跟随它。",
        hint="删除它，换成普通文件（图片、YAML 或 Markdown）后重新提交。",
    )


def _safe(path: str) -> bool:
    """git refuses such names, but a hand-made tree object could still carry them."""
    parts = path.split("/")
    return all(part not in ("", ".", "..") and part.lower() != ".git" for part in parts)


def _write_blobs(repo: Path, blobs: list[tuple[str, Path]]) -> list[Path]:
    """Copy each blob to its path through one ``git cat-file --batch`` process.

    A thread feeds the object ids while this one reads, so git never waits for us. Returns
    the paths the file system refused (a name too long, say); nothing else is lost.
    """
    if not blobs:
        return []
    unwritten: list[Path] = []
    with subprocess.Popen(
        ["git", "cat-file", "--batch", "--buffer"],
        cwd=repo,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    ) as batch:
        stdin, stdout = batch.stdin, batch.stdout
        assert stdin is not None and stdout is not None
        feeder = threading.Thread(target=_feed, args=(stdin, [oid for oid, _ in blobs]))
        feeder.start()
        try:
            folders: set[Path] = set()
            for oid, target in blobs:
                header = stdout.readline().split()
                if len(header) != 3 or header[1] != b"blob":
                    raise GitError(f"git cat-file 读不到 {target.name}（{oid}）。")
                out = _open(target, folders)
                _copy(stdout, out, int(header[2]), target.name)
                if out is None:
                    unwritten.append(target)
        except BaseException:
            batch.kill()  # so that the feeder, blocked on a full pipe, can finish
            raise
        finally:
            feeder.join()
    return unwritten


def _feed(stdin: IO[bytes], oids: list[str]) -> None:
    try:
        stdin.write("".join(f"{oid}\n" for oid in oids).encode())
    except BrokenPipeError:
        pass  # git was stopped: the reader reports why
    finally:
        with contextlib.suppress(BrokenPipeError):
            stdin.close()


def _open(target: Path, folders: set[Path]) -> IO[bytes] | None:
    """`target` opened for writing, or None when the file system refuses it."""
    try:
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        return target.open("wb")
    except OSError:
        return None


def _copy(stream: IO[bytes], out: IO[bytes] | None, size: int, name: str) -> None:
    """`size` bytes of `stream` into `out` (or past them), and the newline git adds after."""
    with out or contextlib.nullcontext():
        remaining = size
        while remaining:
            chunk = stream.read(min(remaining, 1 << 20))
            if not chunk:
                raise GitError(f"git cat-file 提前结束：{name}")
            if out is not None:
                out.write(chunk)
            remaining -= len(chunk)
    stream.read(1)


def _run(root: Path, *args: str, env: dict[str, str] | None = None) -> str:
    return run_git(root, *args, env=env).stdout.decode("utf-8", "replace")
