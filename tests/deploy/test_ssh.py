"""The SSH target against a real sshd on 127.0.0.1: rsync uploads, switch, rollback, failures.

The "server" is this machine, so its release root is a local folder the test can read.
"""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest

from showcase.deploy import DeployError, Target, publish, roll_back
from showcase.deploy.releases import SmokeFailed
from showcase.deploy.smoke import check_live
from showcase.deploy.ssh import SshTransport
from tests.deploy.conftest import SITE_NAME, serving, write_site
from tests.deploy.sshd import Server

NAMES = [f"2026120{day}T001000Z-c0ffee{day}" for day in range(1, 6)]


def no_smoke(release: str) -> list[str]:
    return []


def target_for(server: Server, root: Path, **changes: object) -> Target:
    fields: dict[str, object] = {
        "name": "test-server",
        "kind": "ssh",
        "host": "127.0.0.1",
        "port": server.port,
        "user": server.user,
        "path": str(root),
        "identity_file": str(server.key),
        "known_hosts": str(server.known_hosts),
    }
    return Target(**{**fields, **changes})  # type: ignore[arg-type]


def deploy(target: Target, site: Path, name: str, keep: int = 5, smoke=no_smoke) -> None:
    with SshTransport(target) as transport:
        publish(transport, site, name, keep, smoke)


def releases(root: Path) -> list[str]:
    return sorted(path.name for path in (root / "releases").iterdir())


def test_deploy_twice_over_ssh_links_unchanged_files(
    sshd: Server, site: Path, tmp_path: Path
) -> None:
    root = tmp_path / "www"
    target = target_for(sshd, root)
    deploy(target, site, NAMES[0])
    assert os.readlink(root / "current") == f"releases/{NAMES[0]}"
    assert (root / "current" / "index.html").read_bytes() == (site / "index.html").read_bytes()
    assert (root / "current" / "index.html.gz").is_file()
    assert stat.S_IMODE((root / "releases" / NAMES[0]).stat().st_mode) == 0o755
    write_site(site, version="二")
    (site / "assets" / "logo.png").touch()  # rewritten by the build, but the same bytes…
    os.utime(site / "assets" / "logo.png", ns=(0, 10**18))  # …and a fixed time: linkable
    deploy(target, site, NAMES[1])
    deploy(target, site, NAMES[2])
    first, second = (root / "releases" / name for name in NAMES[1:3])
    assert os.readlink(root / "current") == f"releases/{NAMES[2]}"
    assert "第二版" in (root / "current" / "index.html").read_text(encoding="utf-8")
    logo = [(folder / "assets" / "logo.png").stat().st_ino for folder in (first, second)]
    assert logo[0] == logo[1], "--link-dest did not hard-link an unchanged file"


def test_keep_and_rollback_over_ssh(sshd: Server, site: Path, tmp_path: Path) -> None:
    root = tmp_path / "www"
    target = target_for(sshd, root)
    for name in NAMES[:4]:
        deploy(target, site, name, keep=3)
    assert releases(root) == NAMES[1:4]
    with SshTransport(target) as transport:
        assert roll_back(transport) == (NAMES[3], NAMES[2])
    assert os.readlink(root / "current") == f"releases/{NAMES[2]}"
    deploy(target, site, NAMES[4], keep=3)
    with SshTransport(target) as transport:
        assert roll_back(transport) == (NAMES[4], NAMES[2]), "went to a rolled-back release"
    assert os.readlink(root / "current") == f"releases/{NAMES[2]}"


def test_a_failed_upload_over_ssh_leaves_the_live_site(
    sshd: Server, site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "www"
    target = target_for(sshd, root)
    deploy(target, site, NAMES[0])
    tools = tmp_path / "bin"
    tools.mkdir()
    broken = tools / "rsync"  # sends everything, then reports a dropped connection
    broken.write_text('#!/bin/sh\n/usr/bin/rsync "$@"\necho "连接中断" >&2\nexit 12\n')
    broken.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(DeployError) as failure:
        deploy(target, write_site(tmp_path / "new", version="二"), NAMES[1])
    assert "上传失败" in failure.value.message
    assert "未完成的版本已删除，线上网站没有改动" in failure.value.message
    assert os.readlink(root / "current") == f"releases/{NAMES[0]}"
    assert sorted(os.listdir(root / "releases")) == [NAMES[0]]


def test_a_failed_smoke_test_rolls_back_over_ssh(sshd: Server, site: Path, tmp_path: Path) -> None:
    root = tmp_path / "www"
    target = target_for(sshd, root)
    broken = write_site(tmp_path / "broken", version="二")
    (broken / "events" / "events.ics").unlink()
    with serving(root / "current") as url:
        deploy(target, site, NAMES[0], smoke=check_live(url, SITE_NAME))
        with pytest.raises(SmokeFailed, match=r"events\.ics 返回 HTTP 404"):
            deploy(target, broken, NAMES[1], smoke=check_live(url, SITE_NAME))
    assert os.readlink(root / "current") == f"releases/{NAMES[0]}"
    assert releases(root) == [NAMES[0]]


def test_a_key_the_server_does_not_know_is_refused_in_chinese(
    sshd: Server, site: Path, tmp_path: Path
) -> None:
    target = target_for(sshd, tmp_path / "www", identity_file=str(sshd.stranger_key))
    with pytest.raises(DeployError, match="服务器拒绝了登录：这个账号没有授权所用的 SSH 密钥"):
        deploy(target, site, NAMES[0])
    assert not (tmp_path / "www").exists()


def test_a_server_with_another_host_key_is_refused(
    sshd: Server, site: Path, tmp_path: Path
) -> None:
    impostor = tmp_path / "known_hosts"
    public = sshd.stranger_key.with_suffix(".pub").read_text()
    impostor.write_text(f"[127.0.0.1]:{sshd.port} {public}")
    target = target_for(sshd, tmp_path / "www", known_hosts=str(impostor))
    with pytest.raises(DeployError, match="无法核实服务器身份"):
        deploy(target, site, NAMES[0])
    assert not (tmp_path / "www").exists()


def test_a_closed_port_is_named(sshd: Server, site: Path, tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    target = target_for(sshd, tmp_path / "www", port=port)
    with pytest.raises(DeployError, match="服务器拒绝连接"):
        deploy(target, site, NAMES[0])


def test_missing_ssh_tools_are_named_with_their_package(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(DeployError, match="apt-get install openssh-client"):
        SshTransport(Target(name="x", kind="ssh", host="example.edu.cn", path="/srv/x"))


def test_only_stale_partial_uploads_are_cleaned_over_ssh(
    sshd: Server, site: Path, tmp_path: Path
) -> None:
    root = tmp_path / "www"
    stale, running = (root / "releases" / f".partial-{name}" for name in NAMES[:2])
    for partial in (stale, running):
        (partial / "assets").mkdir(parents=True)
    os.utime(stale, (0, 0))
    deploy(target_for(sshd, root), site, NAMES[2])
    assert not stale.exists() and running.is_dir()


def test_a_second_deploy_at_once_is_refused_over_ssh(
    sshd: Server, site: Path, tmp_path: Path
) -> None:
    root = tmp_path / "www"
    target = target_for(sshd, root)
    with SshTransport(target) as first:
        first.state()
        assert (root / ".deploy-lock").is_dir()
        with pytest.raises(DeployError, match="另一个发布或回滚正在进行"):
            deploy(target, site, NAMES[0])
    assert not (root / ".deploy-lock").exists()
    (root / ".deploy-lock").mkdir()
    os.utime(root / ".deploy-lock", (0, 0))  # left by a deploy that was killed
    deploy(target, site, NAMES[0])
    assert os.readlink(root / "current") == f"releases/{NAMES[0]}"
    assert not (root / ".deploy-lock").exists()
