"""Choosing a target: a configured name, the default, a folder path or an ssh:// address."""

from __future__ import annotations

from pathlib import Path

import pytest

from showcase.deploy import DeployError
from showcase.deploy.targets import DEFAULT_KEEP, choose_target, target_from_spec

CONFIG = {
    "default": "local",
    "targets": {
        "local": {"kind": "folder", "path": "build/deploy"},
        "campus": {
            "kind": "ssh",
            "host": "www.example.edu.cn",
            "user": "showcase-deploy",
            "port": 2222,
            "path": "/srv/showcase",
            "url": "https://makerspace.example.edu.cn/",
            "identity_file": "~/.ssh/showcase-deploy",
            "known_hosts": "deploy/known_hosts",
            "keep": 8,
        },
    },
}


def test_no_target_means_the_default_relative_to_the_repository(tmp_path: Path) -> None:
    target = choose_target("", CONFIG, tmp_path)
    assert (target.name, target.kind, target.path) == (
        "local",
        "folder",
        str(tmp_path / "build/deploy"),
    )
    assert target.keep == DEFAULT_KEEP and target.url == ""


def test_a_configured_ssh_target_keeps_every_field(tmp_path: Path) -> None:
    target = choose_target("campus", CONFIG, tmp_path)
    assert (target.host, target.user, target.port, target.path, target.keep) == (
        "www.example.edu.cn",
        "showcase-deploy",
        2222,
        "/srv/showcase",
        8,
    )
    assert target.identity_file == str(Path.home() / ".ssh/showcase-deploy")
    assert target.known_hosts == str(tmp_path / "deploy/known_hosts")


@pytest.mark.parametrize(
    ("spec", "login", "port", "path"),
    [
        (
            "ssh://deploy@www.example.edu.cn:2222/srv/showcase",
            ("deploy", "www.example.edu.cn"),
            2222,
            "/srv/showcase",
        ),
        (
            "ssh://deploy@www.example.edu.cn/srv/showcase/",
            ("deploy", "www.example.edu.cn"),
            22,
            "/srv/showcase",
        ),
        ("ssh://10.1.2.3/var/www/show-case_1.0", ("", "10.1.2.3"), 22, "/var/www/show-case_1.0"),
    ],
)
def test_ssh_addresses_on_the_command_line(
    spec: str, login: tuple[str, str], port: int, path: str
) -> None:
    target = choose_target(spec, CONFIG, Path("/repo"))
    assert (target.kind, (target.user, target.host), target.port, target.path) == (
        "ssh",
        login,
        port,
        path,
    )


@pytest.mark.parametrize(
    ("spec", "says"),
    [
        ("ssh://deploy:hunter2@www.example.edu.cn/srv/x", "不能写密码"),
        ("ssh://www.example.edu.cn", "ssh://用户@主机:端口/绝对路径"),
        ("ssh://www.example.edu.cn/srv/my site", "ssh://用户@主机:端口/绝对路径"),
        ("ssh://www.example.edu.cn:99999/srv/x", "ssh://用户@主机:端口/绝对路径"),
        ("ssh:///srv/x", "ssh://用户@主机:端口/绝对路径"),
        ("campsu", "未知的发布目标「campsu」"),
        ("https://example.edu.cn/", "未知的发布目标"),
    ],
)
def test_bad_targets_are_explained(spec: str, says: str) -> None:
    with pytest.raises(DeployError, match=says.replace("|", r"\|")):
        choose_target(spec, CONFIG, Path("/repo"))


@pytest.mark.parametrize("spec", ["./public", "../www", "/srv/showcase", "~/www", "out/site"])
def test_any_path_spelling_is_a_folder_target(spec: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    target = target_from_spec(spec, tmp_path)
    assert target.kind == "folder" and Path(target.path).is_absolute()
    assert Path(target.path) == (tmp_path / spec).expanduser().resolve()


def test_without_any_configuration_the_message_says_how_to_add_one() -> None:
    with pytest.raises(DeployError, match="没有配置发布目标"):
        choose_target("", None, Path("/repo"))
    with pytest.raises(DeployError, match="没有写 default。请用 --target 选一个：local、campus"):
        choose_target("", {"targets": CONFIG["targets"]}, Path("/repo"))
