"""Where a site is published: a target from ``content/site.yaml`` or the command line.

``site.yaml``'s ``deploy`` section (schema-checked by `invoke validate`)::

    deploy:
      default: local
      targets:
        local: {kind: folder, path: build/deploy}
        campus: {kind: ssh, host: www.example.edu.cn, user: deploy, path: /srv/showcase,
                 url: https://makerspace.example.edu.cn/}

``--target`` names one of them, or is given whole for one-off use: a folder path or
``ssh://user@host:port/path``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from showcase.deploy.errors import DeployError

DEFAULT_KEEP = 5
"""Releases kept on a target unless ``keep`` or ``--keep`` says otherwise."""

KINDS = ("folder", "ssh", "object-storage")
SAFE_REMOTE_PATH = re.compile(r"^/[A-Za-z0-9._/-]+$")
"""A server path that needs no quoting anywhere (the schema's pattern for ``path``)."""


@dataclass(frozen=True)
class Target:
    """One place to publish to; which fields matter depends on `kind`."""

    name: str
    kind: str
    path: str = ""
    """The release root: a local folder (absolute) or, over SSH, a path on the server."""
    url: str = ""
    """The live address the smoke test fetches; empty skips the smoke test."""
    keep: int = DEFAULT_KEEP
    host: str = ""
    user: str = ""
    port: int = 22
    identity_file: str = ""
    known_hosts: str = ""
    remote: str = ""
    """object-storage: the rclone remote and path, e.g. ``oss:bucket/showcase``."""

    def describe(self) -> str:
        """The target in Chinese, for messages."""
        if self.kind == "ssh":
            login = f"{self.user}@{self.host}" if self.user else self.host
            return f"服务器 {login}:{self.port} 的 {self.path}"
        if self.kind == "object-storage":
            return f"对象存储 {self.remote}"
        return f"文件夹 {self.path}"


def target_from_data(name: str, data: dict[str, Any], root: Path) -> Target:
    """The configured target `name` (a schema-valid mapping); a folder's relative path is
    taken from the repository `root`."""
    kind = data["kind"]
    path = str(data.get("path", ""))
    if kind == "folder":
        path = str((root / path).resolve())
    return Target(
        name=name,
        kind=kind,
        path=path,
        url=data.get("url", ""),
        keep=data.get("keep", DEFAULT_KEEP),
        host=data.get("host", ""),
        user=data.get("user", ""),
        port=data.get("port", 22),
        identity_file=_local_file(data.get("identity_file", ""), root),
        known_hosts=_local_file(data.get("known_hosts", ""), root),
        remote=data.get("remote", ""),
    )


def _local_file(path: str, root: Path) -> str:
    return str((root / Path(path).expanduser()).resolve()) if path else ""


def choose_target(spec: str, deploy: dict[str, Any] | None, root: Path) -> Target:
    """The target `spec` names (empty: the configured default), or raise `DeployError`."""
    targets = (deploy or {}).get("targets", {})
    name = spec or (deploy or {}).get("default", "")
    if name in targets:
        return target_from_data(name, targets[name], root)
    if spec:
        if targets and not spec.startswith("ssh://") and not _looks_like_path(spec):
            raise DeployError(
                f"未知的发布目标「{spec}」：content/site.yaml 的 deploy.targets 里没有这个名字。"
                f"请用 --target 选一个：{'、'.join(targets)}；"
                "一次性发布时也可以写文件夹路径（如 ./public）或 ssh://用户@主机:端口/路径。"
            )
        return target_from_spec(spec, Path.cwd())
    if not targets:
        raise DeployError(
            "没有配置发布目标：请在 content/site.yaml 的 deploy 下写 targets（见部署指南），"
            "或用 --target 给出文件夹路径或 ssh://用户@主机:端口/路径。"
        )
    raise DeployError(
        f"没有指定发布目标：content/site.yaml 的 deploy 没有写 default。"
        f"请用 --target 选一个：{'、'.join(targets)}。"
    )


def target_from_spec(spec: str, base: Path, keep: int = DEFAULT_KEEP) -> Target:
    """A target written whole on the command line: ``ssh://user@host:port/path`` or a
    folder path (relative to `base`)."""
    if spec.startswith("ssh://"):
        return _ssh_from_url(spec, keep)
    if "://" in spec or not _looks_like_path(spec):
        raise DeployError(
            f"未知的发布目标「{spec}」：content/site.yaml 的 deploy.targets 里没有这个名字。"
            "一次性发布时可以写文件夹路径（如 ./public 或 /srv/showcase）"
            "或 ssh://用户@主机:端口/路径。"
        )
    return Target(
        name=spec, kind="folder", path=str((base / spec).expanduser().resolve()), keep=keep
    )


def _looks_like_path(spec: str) -> bool:
    return "/" in spec or spec.startswith((".", "~"))


def _ssh_from_url(spec: str, keep: int) -> Target:
    try:
        parts = urlsplit(spec)
        port = parts.port or 22
    except ValueError:
        parts, port = None, 0
    if parts is None or not parts.hostname or not SAFE_REMOTE_PATH.match(parts.path):
        raise DeployError(
            f"发布目标「{spec}」写得不对：请写成 ssh://用户@主机:端口/绝对路径，"
            "例如 ssh://deploy@www.example.edu.cn:22/srv/showcase；路径只用字母、数字和 . _ - /。"
        )
    if parts.password:
        raise DeployError("发布目标里不能写密码：请用 SSH 密钥登录（部署指南里写了怎么设置）。")
    return Target(
        name=spec,
        kind="ssh",
        host=parts.hostname,
        user=parts.username or "",
        port=port,
        path=parts.path.rstrip("/") or "/",
        keep=keep,
    )
