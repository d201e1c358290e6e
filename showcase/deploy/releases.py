"""One deploy, start to end: stage, upload, switch, smoke test, roll back or prune.

The order is what keeps the live site whole: the release is complete on the target
before ``current`` moves (a failed upload changes nothing), ``current`` moves in one
rename, and a failed smoke test moves it back to exactly where it was (or removes it,
when there was no site before) and deletes the release that failed.
"""

from __future__ import annotations

import datetime
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from showcase.atomic import OUTPUT_MARKER
from showcase.deploy.errors import DeployError, explain_os_error
from showcase.deploy.precompress import Compressed, precompress
from showcase.deploy.release_root import RELEASE_FILE, RootState, Transport

PUBLIC_FOLDER, PUBLIC_FILE = 0o755, 0o644
"""A release's modes: the web server's account must read it, whatever the umask of the
build (the built site's own folder is private, made by mkdtemp)."""

SmokeTest = Callable[[str], list[str]]
"""Fetches the live site, which should be the release named; returns what failed, in
Chinese (empty: all good)."""


@dataclass(frozen=True)
class Published:
    name: str
    previous: str | None
    removed: tuple[str, ...]
    """Old releases pruned to keep the last N."""
    compressed: Compressed
    warning: str = ""
    """A step after going live that failed without harm (pruning), in Chinese."""


class SmokeFailed(DeployError):
    """The live site failed the smoke test; ``current`` is back where it was."""


def release_name(commit: str, now: datetime.datetime | None = None) -> str:
    """``<UTC time>-<short commit>``: sorts by time, says what was published."""
    moment = (now or datetime.datetime.now(datetime.UTC)).astimezone(datetime.UTC)
    return f"{moment:%Y%m%dT%H%M%SZ}-{commit or 'nogit'}"


def publish(transport: Transport, site: Path, name: str, keep: int, smoke: SmokeTest) -> Published:
    """Put `site` live as release `name`; raise `DeployError` (live site as it was)."""
    state = transport.state()
    unique = _unused(name, state.releases)
    with tempfile.TemporaryDirectory(prefix="showcase-release-") as folder:
        staging = Path(folder) / unique
        try:
            shutil.copytree(site, staging, ignore=shutil.ignore_patterns(OUTPUT_MARKER))
            (staging / RELEASE_FILE).write_text(f"{unique}\n", encoding="utf-8")
            compressed = precompress(staging)
            make_public(staging)
        except OSError as error:
            raise DeployError(
                f"无法准备发布文件：{explain_os_error(error)}。线上网站没有改动。"
            ) from None
        transport.upload(staging, unique, state.current)
    kept = tuple(name for name in _lived(state) if name in state.releases)
    transport.switch(unique, (*kept, unique))
    failures = smoke(unique)
    if failures:
        _undo(transport, unique, state, "；".join(failures))
    removed = prune([*state.releases, unique], keep, unique)
    try:
        transport.remove(list(removed))
    except DeployError as failure:
        return Published(
            unique, state.current, (), compressed, f"旧版本没有删掉：{failure.message}"
        )
    return Published(unique, state.current, removed, compressed)


def _undo(transport: Transport, failed: str, state: RootState, failures: str) -> None:
    """Put `state` back (live release and history) after the smoke test found `failures`;
    always raises."""
    previous = state.current
    try:
        transport.switch(previous, state.history)
    except DeployError as stuck:
        raise DeployError(
            f"发布后检查线上网站失败：{failures}。自动回滚也失败了：{stuck.message}"
            f"线上现在是本次版本 {failed}，请尽快运行 ./dev deploy --rollback。"
        ) from None
    restored = "上一版本已恢复上线" if previous else "发布前没有网站，已撤下本次版本"
    try:
        transport.remove([failed])
        removed = "失败的版本已删除"
    except DeployError:
        removed = f"失败的版本 {failed} 没有删掉（下次发布时会按保留个数清理）"
    raise SmokeFailed(
        f"发布后检查线上网站失败，已自动回滚：{failures}。{restored}（{previous or '无'}），{removed}。"
    )


def make_public(folder: Path) -> None:
    """Every folder and file under `folder` (and itself) readable by the web server."""
    folder.chmod(PUBLIC_FOLDER)
    for parent, folders, files in os.walk(folder):
        for name in folders:
            os.chmod(os.path.join(parent, name), PUBLIC_FOLDER)
        for name in files:
            os.chmod(os.path.join(parent, name), PUBLIC_FILE)


def _unused(name: str, taken: tuple[str, ...]) -> str:
    candidate, number = name, 1
    while candidate in taken:
        number += 1
        candidate = f"{name}-{number}"
    return candidate


def prune(releases: list[str], keep: int, current: str) -> tuple[str, ...]:
    """The releases beyond the newest `keep` (never `current`)."""
    ordered = sorted(releases)
    return tuple(name for name in ordered[: max(len(ordered) - keep, 0)] if name != current)


def _lived(state: RootState) -> tuple[str, ...]:
    """The releases that were live up to the current one, oldest first, the current last.
    A root without a history (published before it was kept) is taken to have gone live in
    name order."""
    if state.current is None:
        return ()
    if state.current in state.history:
        last = len(state.history) - 1 - state.history[::-1].index(state.current)
        return state.history[: last + 1]
    return (*(name for name in state.releases if name < state.current), state.current)


def roll_back(transport: Transport) -> tuple[str, str]:
    """Point ``current`` at the release that was live before it; (from, to)."""
    state = transport.state()
    if state.current is None:
        raise DeployError("目标上还没有发布过网站，没有可以回滚的版本。")
    lived = _lived(state)
    earlier = [name for name in lived[:-1] if name in state.releases]
    if not earlier:
        raise DeployError(
            f"当前版本 {state.current} 之前没有保留的版本，无法回滚；线上网站没有改动。"
        )
    back = earlier[-1]
    last = len(lived) - 1 - lived[::-1].index(back)
    transport.switch(back, tuple(name for name in lived[: last + 1] if name in state.releases))
    return state.current, back
