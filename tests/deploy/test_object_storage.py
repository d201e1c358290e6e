"""Object storage through rclone, with a local folder standing for the bucket (rclone treats
a plain path as a remote), so the real rclone runs every step."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from showcase.deploy import DeployError, Target, publish, roll_back
from showcase.deploy.object_storage import CURRENT_RECORD, LIVE, ObjectStorageTransport
from showcase.deploy.releases import SmokeFailed
from tests.deploy.conftest import write_site

NAMES = [f"2026120{day}T001000Z-0b1ec7{day}" for day in range(1, 5)]


@pytest.fixture
def bucket(tmp_path: Path) -> Target:
    if shutil.which("rclone") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI 必须运行对象存储发布测试，但没有安装 rclone（apt-get install rclone）")
        pytest.skip("对象存储发布测试被跳过：没有安装 rclone（apt-get install rclone）")
    return Target(name="cdn", kind="object-storage", remote=str(tmp_path / "bucket"))


def deploy(target: Target, site: Path, name: str, keep: int = 5, failures=()) -> None:
    publish(ObjectStorageTransport(target), site, name, keep, lambda _: list(failures))


def live_text(target: Target) -> str:
    return (Path(target.remote) / LIVE / "index.html").read_text(encoding="utf-8")


def recorded(target: Target) -> str:
    return (Path(target.remote) / CURRENT_RECORD).read_text(encoding="utf-8")


def test_deploy_prune_and_roll_back_in_object_storage(
    bucket: Target, site: Path, tmp_path: Path
) -> None:
    deploy(bucket, site, NAMES[0])
    assert "第一版" in live_text(bucket) and recorded(bucket) == NAMES[0]
    assert (Path(bucket.remote) / LIVE / "index.html.gz").is_file()
    for name in NAMES[1:]:
        deploy(bucket, write_site(tmp_path / name, version="二"), name, keep=3)
    assert sorted(os.listdir(Path(bucket.remote) / "releases")) == NAMES[1:]
    assert "第二版" in live_text(bucket) and recorded(bucket) == NAMES[3]
    assert roll_back(ObjectStorageTransport(bucket)) == (NAMES[3], NAMES[2])
    assert recorded(bucket) == NAMES[2]
    later = "20261209T001000Z-0b1ec79"
    deploy(bucket, site, later, keep=3)
    assert roll_back(ObjectStorageTransport(bucket)) == (later, NAMES[2])
    assert recorded(bucket) == NAMES[2]


def test_a_failed_smoke_test_restores_the_live_prefix(
    bucket: Target, site: Path, tmp_path: Path
) -> None:
    deploy(bucket, site, NAMES[0])
    broken = write_site(tmp_path / "broken", version="二")
    with pytest.raises(SmokeFailed):
        deploy(bucket, broken, NAMES[1], failures=["events/events.ics 返回 HTTP 404"])
    assert "第一版" in live_text(bucket) and recorded(bucket) == NAMES[0]
    assert os.listdir(Path(bucket.remote) / "releases") == [NAMES[0]]


def test_without_rclone_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(DeployError, match=r"需要 rclone.*apt-get install rclone"):
        ObjectStorageTransport(Target(name="cdn", kind="object-storage", remote="oss:b/s"))


def test_a_failed_upload_leaves_the_live_prefix_and_no_partial_release(
    bucket: Target, site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deploy(bucket, site, NAMES[0])
    tools = tmp_path / "bin"
    tools.mkdir()
    real = shutil.which("rclone")
    broken = tools / "rclone"  # uploads everything, then reports a dropped connection
    broken.write_text(
        f'#!/bin/sh\nif [ "$1" = copy ]; then "{real}" "$@"; echo "连接中断" >&2; exit 5; fi\n'
        f'exec "{real}" "$@"\n'
    )
    broken.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(DeployError) as failure:
        deploy(bucket, write_site(tmp_path / "new", version="二"), NAMES[1])
    assert "上传失败" in failure.value.message and "连接中断" in failure.value.message
    assert "未完成的版本已删除，线上网站没有改动" in failure.value.message
    assert "第一版" in live_text(bucket) and recorded(bucket) == NAMES[0]
    assert os.listdir(Path(bucket.remote) / "releases") == [NAMES[0]]


def test_a_remote_rclone_does_not_know_is_named_with_how_to_add_it(
    bucket: Target, site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RCLONE_CONFIG", str(tmp_path / "empty.conf"))
    unknown = Target(name="cdn", kind="object-storage", remote="campusoss:makerspace/showcase")
    with pytest.raises(DeployError, match="rclone 里还没有名为「campusoss」的存储"):
        deploy(unknown, site, NAMES[0])
