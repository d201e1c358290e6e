"""A real OpenSSH server on 127.0.0.1 for the SSH target's tests.

Started once per session on a free port with a throwaway host key and one authorized
client key, for the current user (root in CI). Where it cannot start (no sshd, no
privilege-separation folder we may create), the tests are skipped with a loud notice,
and fail under ``CI=true``, as the browser tests do (tests/browser/conftest.py).
"""

from __future__ import annotations

import getpass
import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

SSHD = Path("/usr/sbin/sshd")
PRIVILEGE_SEPARATION = Path("/run/sshd")
START_TIMEOUT = 15.0


@dataclass(frozen=True)
class Server:
    port: int
    user: str
    key: Path
    """The authorized client key."""
    stranger_key: Path
    """A key the server does not know."""
    known_hosts: Path
    process: subprocess.Popen[bytes]


class Unavailable(Exception):
    """Why no server could be started (for the skip notice)."""


def start_server(folder: Path) -> Server:
    for tool in (SSHD, shutil.which("ssh-keygen"), shutil.which("ssh"), shutil.which("rsync")):
        if tool is None or not Path(tool).exists():
            raise Unavailable(
                f"缺少 {tool or 'ssh-keygen/ssh/rsync'}（Debian：apt-get install openssh-server rsync）"
            )
    if os.geteuid() == 0 and not PRIVILEGE_SEPARATION.is_dir():
        PRIVILEGE_SEPARATION.mkdir(mode=0o755)
    host, key, stranger = folder / "host_ed25519", folder / "client", folder / "stranger"
    for path in (host, key, stranger):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(path)], check=True)
    (folder / "authorized_keys").write_text(key.with_suffix(".pub").read_text())
    port = _free_port()
    config = folder / "sshd_config"
    config.write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {host}\n"
        f"AuthorizedKeysFile {folder / 'authorized_keys'}\nPidFile {folder / 'sshd.pid'}\n"
        "StrictModes no\nUsePAM no\nPasswordAuthentication no\n"
        "KbdInteractiveAuthentication no\nPubkeyAuthentication yes\n"
        "PermitRootLogin prohibit-password\nLogLevel ERROR\n"
    )
    known_hosts = folder / "known_hosts"
    known_hosts.write_text(f"[127.0.0.1]:{port} {host.with_suffix('.pub').read_text()}")
    log = (folder / "sshd.log").open("wb")
    process = subprocess.Popen([str(SSHD), "-D", "-e", "-f", str(config)], stderr=log)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            reason = (folder / "sshd.log").read_text(errors="replace").strip()
            raise Unavailable(f"sshd 无法启动：{reason or process.returncode}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return Server(port, getpass.getuser(), key, stranger, known_hosts, process)
        time.sleep(0.1)
    process.kill()
    raise Unavailable(f"sshd 在 {START_TIMEOUT:.0f} 秒内没有开始监听端口 {port}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
