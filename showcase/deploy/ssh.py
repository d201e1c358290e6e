"""A release root on a server: rsync over SSH, each step one remote shell command.

Uses the system's OpenSSH client and rsync (Debian: ``openssh-client rsync``); the server
needs rsync and a POSIX shell with GNU ``mv -T`` (any Linux server). Logins are by key
only (``BatchMode``: never a password prompt that would hang a CI job); ``identity_file``
names the private key, which lives outside the repository (CI writes it from a secret),
and ``known_hosts`` the server's public host key, which may be committed.

A new release is sent with ``--link-dest`` to the current one, so files that did not
change are hard-linked on the server instead of sent again. All the steps of one deploy
share one SSH connection (OpenSSH's ControlMaster, its socket in a private temporary
folder): one handshake instead of six. Use the transport in a ``with`` block, which
closes that connection.
"""

from __future__ import annotations

import contextlib
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path

from showcase.deploy.errors import DeployError
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
from showcase.deploy.targets import Target

CONNECT_TIMEOUT = 10
NOT_A_LINK = "!not-a-link"
LOCKED = "!locked"
HISTORY_FOLLOWS = "!history"

_STDERR_CAUSES = (
    ("Permission denied (publickey", "服务器拒绝了登录：这个账号没有授权所用的 SSH 密钥"),
    ("Host key verification failed", "无法核实服务器身份（主机密钥未知或已改变）"),
    ("Could not resolve hostname", "找不到这个主机名"),
    ("Connection refused", "服务器拒绝连接（端口不对，或 SSH 服务没有运行）"),
    ("timed out", "连接超时（网络不通，或防火墙挡住了端口）"),
    ("No route to host", "网络不通"),
    ("No space left on device", "服务器磁盘空间不足"),
    ("Disk quota exceeded", "服务器磁盘配额已用完"),
    ("Permission denied", "服务器上没有写入权限"),
    ("Read-only file system", "服务器上的文件系统是只读的"),
    ("rsync: command not found", "服务器上没有安装 rsync"),
    ("rsync: not found", "服务器上没有安装 rsync"),
)
_HINTS = {
    "服务器拒绝了登录：这个账号没有授权所用的 SSH 密钥": (
        "请把部署公钥加进服务器上该账号的 ~/.ssh/authorized_keys，并检查 identity_file。"
    ),
    "无法核实服务器身份（主机密钥未知或已改变）": (
        "请在 known_hosts 文件里写入服务器的主机公钥（ssh-keyscan 可以取得，"
        "请与服务器管理员核对指纹），并在目标里用 known_hosts 指向它。"
    ),
}


class SshTransport:
    def __init__(self, target: Target) -> None:
        for tool, package in (("ssh", "openssh-client"), ("rsync", "rsync")):
            if shutil.which(tool) is None:
                raise DeployError(
                    f"发布到服务器需要 {tool}，但本机没有安装：请运行 "
                    f"apt-get install {package}（Debian/Ubuntu）后重试。线上网站没有改动。"
                )
        self.target = target
        self.root = target.path
        self._control = Path(tempfile.mkdtemp(prefix="showcase-ssh-"))
        self._locked = False

    def __enter__(self) -> SshTransport:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the root's lock, end the shared connection and remove its socket's
        folder."""
        if self._locked:
            with contextlib.suppress(DeployError):
                self._remote(f"rm -rf {shlex.quote(f'{self.root}/{LOCK}')}", "解锁")
            self._locked = False
        subprocess.run(
            [*self._ssh(), "-O", "exit", self._login()], capture_output=True, check=False
        )
        shutil.rmtree(self._control, ignore_errors=True)

    def _ssh(self) -> list[str]:
        options = [
            "ssh",
            "-p",
            str(self.target.port),
            "-o",
            "BatchMode=yes",
            "-o",
            f"ConnectTimeout={CONNECT_TIMEOUT}",
            "-o",
            "ServerAliveInterval=15",
            "-o",
            "ControlMaster=auto",
            "-o",
            f"ControlPath={self._control}/%C",
            "-o",
            "ControlPersist=60",
        ]
        if self.target.identity_file:
            options += ["-i", self.target.identity_file, "-o", "IdentitiesOnly=yes"]
        if self.target.known_hosts:
            options += [
                "-o",
                f"UserKnownHostsFile={self.target.known_hosts}",
                "-o",
                "StrictHostKeyChecking=yes",
            ]
        return options

    def _login(self) -> str:
        t = self.target
        return f"{t.user}@{t.host}" if t.user else t.host

    def _run(self, argv: list[str], doing: str) -> str:
        try:
            done = subprocess.run(argv, capture_output=True, text=True, check=False)
        except OSError as error:
            raise DeployError(f"{doing}失败：无法运行 {argv[0]}（{error}）。") from None
        if done.returncode != 0:
            raise DeployError(f"{doing}失败：{_explain(done.stderr, self.target)}")
        return done.stdout

    def _remote(self, command: str, doing: str) -> str:
        return self._run([*self._ssh(), self._login(), command], doing)

    def state(self) -> RootState:
        root = shlex.quote(self.root)
        stale = f"-mmin +{STALE_MINUTES}"
        output = self._remote(
            f"mkdir -p {root}/{RELEASES} && cd {root} && "
            f'if mkdir {LOCK} 2>/dev/null || {{ [ -n "$(find {LOCK} -maxdepth 0 {stale})" ] && '
            f"rm -rf {LOCK} && mkdir {LOCK}; }}; then :; else echo '{LOCKED}'; exit 0; fi && "
            f"find {RELEASES} -mindepth 1 -maxdepth 1 -name '{PARTIAL_PREFIX}*' {stale} "
            f"-exec rm -rf {{}} + && "
            f"if [ -L {CURRENT} ]; then readlink {CURRENT}; "
            f"elif [ -e {CURRENT} ]; then echo '{NOT_A_LINK}'; else echo; fi && ls -1A {RELEASES} && "
            f"echo '{HISTORY_FOLLOWS}' && {{ cat {HISTORY} 2>/dev/null || :; }}",
            f"连接服务器 {self._login()}:{self.target.port} ",
        )
        listing, _, lived = output.partition(f"\n{HISTORY_FOLLOWS}\n")
        link, *names = listing.split("\n")
        if link == LOCKED:
            raise DeployError(busy(f"服务器 {self._login()}", f"{self.root}/{LOCK}"))
        self._locked = True
        if link == NOT_A_LINK:
            raise DeployError(
                f"服务器上的 {self.root}/{CURRENT} 已存在但不是符号链接（可能是手工上传的网站）；"
                "为避免覆盖已停止。请先把它移走，再重新发布。"
            )
        return RootState(
            releases_in(names), current_release(link) if link else None, history_in(lived)
        )

    def upload(self, staging: Path, name: str, link_to: str | None) -> None:
        partial = f"{self.root}/{RELEASES}/{PARTIAL_PREFIX}{name}"
        # --modify-window=-1: times compared to the nanosecond (rsync compares whole seconds
        # by default, so a page rebuilt within the second of the last release's, at the
        # same size, was linked from that release instead of uploaded)
        argv = ["rsync", "-a", "--modify-window=-1", "--delete", "-e", shlex.join(self._ssh())]
        if link_to:
            argv.append(f"--link-dest=../{link_to}")
        argv += [f"{staging}/", f"{self._login()}:{partial}/"]
        try:
            self._run(argv, "上传")
            self._remote(
                f"mv -T {shlex.quote(partial)} {shlex.quote(f'{self.root}/{RELEASES}/{name}')}",
                "上传",
            )
        except DeployError as failure:
            try:
                self._remote(f"rm -rf {shlex.quote(partial)}", "清理")
                left = "未完成的版本已删除"
            except DeployError:
                left = f"未完成的上传留在 {partial}（{STALE_MINUTES} 分钟后的发布会清理它）"
            raise DeployError(f"{failure.message}{left}，线上网站没有改动。") from None

    def switch(self, name: str | None, history: tuple[str, ...]) -> None:
        root = shlex.quote(self.root)
        if name is None:
            command = f"cd {root} && rm -f {CURRENT}"
        else:
            fresh = f".{CURRENT}-new"
            command = (
                f"cd {root} && ln -sfn {RELEASES}/{shlex.quote(name)} {fresh} && "
                f"mv -Tf {fresh} {CURRENT}"
            )
        lived = shlex.quote(history_text(history))
        command += f" && printf '%s' {lived} > .{HISTORY}-new && mv -f .{HISTORY}-new {HISTORY}"
        self._remote(command, f"切换 {self.root}/{CURRENT}")

    def remove(self, names: list[str]) -> None:
        if names:
            folders = " ".join(shlex.quote(f"{self.root}/{RELEASES}/{name}") for name in names)
            self._remote(f"rm -rf {folders}", "删除旧版本")


def _explain(stderr: str, target: Target) -> str:
    """The failure in Chinese, what to do about it, and ssh/rsync's own last line."""
    last = next((line for line in reversed(stderr.strip().splitlines()) if line.strip()), "")
    cause = next((c for text, c in _STDERR_CAUSES if text in stderr), "")
    shown = f"（{last.strip()}）" if last else ""
    if not cause:
        return f"{target.describe()} 返回错误{shown}。"
    hint = _HINTS.get(cause, "")
    return f"{cause}{shown}。{hint}"
