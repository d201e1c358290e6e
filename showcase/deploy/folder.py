"""A release root in a local (or mounted) folder: copies, and a symlink replaced by rename."""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from pathlib import Path

from showcase.deploy.errors import DeployError, explain_os_error
from showcase.deploy.release_root import (
    CURRENT,
    HISTORY,
    LOCK,
    PARTIAL_PREFIX,
    RELEASES,
    STALE_MINUTES,
    RootState,
    busy,
    current_release,
    history_in,
    history_text,
    releases_in,
)


class FolderTransport:
    """Use in a ``with`` block: the root's lock is released at its end."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._locked = False

    def __enter__(self) -> FolderTransport:
        return self

    def __exit__(self, *_: object) -> None:
        if self._locked:
            shutil.rmtree(self.root / LOCK, ignore_errors=True)
            self._locked = False

    def _lock(self) -> None:
        lock = self.root / LOCK
        try:
            lock.mkdir()
        except FileExistsError:
            if lock.stat().st_mtime > time.time() - STALE_MINUTES * 60:
                raise DeployError(busy(str(self.root), str(lock))) from None
            shutil.rmtree(lock)
            lock.mkdir()
        self._locked = True

    def state(self) -> RootState:
        releases = self.root / RELEASES
        current = self.root / CURRENT
        _refuse_a_file_on_the_way(self.root)
        try:
            releases.mkdir(parents=True, exist_ok=True)
            self._lock()
            stale = time.time() - STALE_MINUTES * 60
            for partial in releases.glob(f"{PARTIAL_PREFIX}*"):
                if partial.lstat().st_mtime < stale:
                    shutil.rmtree(partial)
            names = releases_in([path.name for path in releases.iterdir() if path.is_dir()])
            history = self.root / HISTORY
            lived = history_in(history.read_text(encoding="utf-8")) if history.is_file() else ()
        except OSError as error:
            raise DeployError(
                f"无法使用发布文件夹 {self.root}：{explain_os_error(error)}。线上网站没有改动。"
            ) from None
        if current.exists() and not current.is_symlink():
            raise DeployError(
                f"{current} 已存在但不是符号链接（可能是手工复制的网站）；为避免覆盖已停止。"
                f"请先把它移走，再重新发布。"
            )
        link = os.readlink(current) if current.is_symlink() else ""
        return RootState(names, current_release(link) if link else None, lived)

    def upload(self, staging: Path, name: str, link_to: str | None) -> None:
        partial = self.root / RELEASES / f"{PARTIAL_PREFIX}{name}"
        try:
            _copy_tree(staging, partial)
            partial.rename(self.root / RELEASES / name)
        except OSError as error:
            shutil.rmtree(partial, ignore_errors=True)
            raise DeployError(
                f"上传失败：{explain_os_error(error)}。未完成的版本已删除，线上网站没有改动。"
            ) from None

    def switch(self, name: str | None, history: tuple[str, ...]) -> None:
        current = self.root / CURRENT
        fresh = self.root / f".{CURRENT}-{os.getpid()}"
        fresh_history = self.root / f".{HISTORY}-{os.getpid()}"
        try:
            if name is None:
                current.unlink(missing_ok=True)
            else:
                with contextlib.suppress(FileNotFoundError):
                    fresh.unlink()
                fresh.symlink_to(f"{RELEASES}/{name}")
                os.replace(fresh, current)
            fresh_history.write_text(history_text(history), encoding="utf-8")
            os.replace(fresh_history, self.root / HISTORY)
        except OSError as error:
            for leftover in (fresh, fresh_history):
                with contextlib.suppress(OSError):
                    leftover.unlink()
            raise DeployError(
                f"无法切换 {current}：{explain_os_error(error)}。线上网站没有改动。"
            ) from None

    def remove(self, names: list[str]) -> None:
        for name in names:
            shutil.rmtree(self.root / RELEASES / name, ignore_errors=True)


def _refuse_a_file_on_the_way(root: Path) -> None:
    """Name the file that stands where `root` or one of its folders should be (the OS error
    would name ``<root>/releases``, a path the user never wrote)."""
    existing = next((path for path in (root, *root.parents) if os.path.lexists(path)), None)
    if existing is not None and not existing.is_dir():
        what = f"{root} 是文件" if existing == root else f"路径中的 {existing} 是文件"
        raise DeployError(
            f"无法使用发布文件夹 {root}：{what}而不是文件夹。"
            "请换一个文件夹路径（--target 或 content/site.yaml 的 deploy.targets）。"
            "线上网站没有改动。"
        )


def _copy_tree(source: Path, target: Path) -> None:
    """`shutil.copytree`, but stopping at the first error with its errno (copytree gathers
    them into one `shutil.Error` that has lost it: "disk full" must say so)."""
    target.mkdir()
    shutil.copystat(source, target)
    for folder, subfolders, files in os.walk(source):
        here = target / Path(folder).relative_to(source)
        for name in subfolders:
            (here / name).mkdir()
            shutil.copystat(Path(folder) / name, here / name)
        for name in files:
            shutil.copy2(Path(folder) / name, here / name)
