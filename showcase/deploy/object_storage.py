"""A release root in object storage (OSS, COS, S3, …), through rclone.

rclone (Debian: ``apt-get install rclone``) speaks to every provider a university is
likely to use; the bucket's credentials stay in rclone's own configuration or its
``RCLONE_CONFIG_*`` environment variables (a CI secret), never in the repository. The
target names an rclone remote and path, e.g. ``remote: oss:makerspace/showcase``.

Object storage has no symlinks, so ``current`` is the prefix ``live/``, which the CDN
serves: switching syncs it from the release (a server-side copy where the provider has
one; only changed files move, fingerprinted assets first need no care) and then records
the release's name in the object ``current-release``. Unlike a server's symlink this
switch is not a single step: a visitor may see a mix of two releases for its duration.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from showcase.deploy.errors import DeployError
from showcase.deploy.release_root import (
    HISTORY,
    PARTIAL_PREFIX,
    RELEASES,
    RootState,
    history_in,
    history_text,
    releases_in,
)
from showcase.deploy.targets import Target

LIVE = "live"
CURRENT_RECORD = "current-release"
NOT_FOUND = (3, 4)
"""rclone's exit codes for a missing directory and a missing file."""


class ObjectStorageTransport:
    def __init__(self, target: Target) -> None:
        if shutil.which("rclone") is None:
            raise DeployError(
                "发布到对象存储需要 rclone，但本机没有安装：请运行 apt-get install rclone，"
                "再用 rclone config 配置存储桶（密钥只保存在 rclone 的配置或环境变量里，"
                "不要写进仓库）。线上网站没有改动。"
            )
        self.remote = target.remote.rstrip("/")
        self.target = target

    def _rclone(self, *args: str, doing: str, stdin: str | None = None) -> str | None:
        """rclone's output; None when what it reads does not exist."""
        try:
            done = subprocess.run(
                ["rclone", *args], capture_output=True, text=True, input=stdin, check=False
            )
        except OSError as error:
            raise DeployError(f"{doing}失败：无法运行 rclone（{error}）。") from None
        if done.returncode in NOT_FOUND:
            return None
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or [""])[-1]
            if "didn't find section in config file" in done.stderr:
                name = self.remote.split(":", 1)[0]
                raise DeployError(
                    f"{doing}失败：rclone 里还没有名为「{name}」的存储。请在发布机器上运行 "
                    f"rclone config 添加它（或在 CI 里用 RCLONE_CONFIG_{name.upper()}_… "
                    "环境变量给出），密钥不要写进仓库。线上网站没有改动。"
                )
            raise DeployError(f"{doing}失败：rclone 报错（{last}）。")
        return done.stdout

    def state(self) -> RootState:
        doing = f"连接{self.target.describe()} "
        listed = self._rclone("lsf", "--dirs-only", f"{self.remote}/{RELEASES}", doing=doing)
        names = [line.rstrip("/") for line in (listed or "").splitlines()]
        for partial in (name for name in names if name.startswith(PARTIAL_PREFIX)):
            self._rclone("purge", f"{self.remote}/{RELEASES}/{partial}", doing=doing)
        current = self._rclone("cat", f"{self.remote}/{CURRENT_RECORD}", doing=doing)
        lived = self._rclone("cat", f"{self.remote}/{HISTORY}", doing=doing)
        return RootState(
            releases_in(names), (current or "").strip() or None, history_in(lived or "")
        )

    def upload(self, staging: Path, name: str, link_to: str | None) -> None:
        partial = f"{self.remote}/{RELEASES}/{PARTIAL_PREFIX}{name}"
        try:
            self._rclone("copy", str(staging), partial, doing="上传")
            self._rclone("moveto", partial, f"{self.remote}/{RELEASES}/{name}", doing="上传")
        except DeployError as failure:
            try:
                self._rclone("purge", partial, doing="清理")
                left = "未完成的版本已删除"
            except DeployError:
                left = f"未完成的上传留在 {partial}（下次发布时会清理它）"
            raise DeployError(f"{failure.message}{left}，线上网站没有改动。") from None

    def switch(self, name: str | None, history: tuple[str, ...]) -> None:
        doing = "切换线上版本"
        if name is None:
            self._rclone("purge", f"{self.remote}/{LIVE}", doing=doing)
            self._rclone("deletefile", f"{self.remote}/{CURRENT_RECORD}", doing=doing)
        else:
            release = f"{self.remote}/{RELEASES}/{name}"
            self._rclone("sync", "--checksum", release, f"{self.remote}/{LIVE}", doing=doing)
            self._rclone("rcat", f"{self.remote}/{CURRENT_RECORD}", doing=doing, stdin=name)
        text = history_text(history)
        self._rclone("rcat", f"{self.remote}/{HISTORY}", doing=doing, stdin=text)

    def remove(self, names: list[str]) -> None:
        for name in names:
            self._rclone("purge", f"{self.remote}/{RELEASES}/{name}", doing="删除旧版本")
