"""Releases on a folder target: deploy, prune, roll back, and failures that change nothing."""

from __future__ import annotations

import errno
import gzip
import os
import shutil
from pathlib import Path

import brotli
import pytest

from showcase.atomic import OUTPUT_MARKER
from showcase.deploy import DeployError, publish, roll_back
from showcase.deploy.folder import FolderTransport
from showcase.deploy.precompress import TEXT_SUFFIXES
from showcase.deploy.releases import prune, release_name
from tests.deploy.conftest import write_site

NAMES = [f"2026113{day}T000000Z-abc1234" for day in range(10)][:9]


def no_smoke(release: str) -> list[str]:
    return []


def deploy(root: Path, site: Path, name: str, keep: int = 5) -> None:
    with FolderTransport(root) as transport:
        publish(transport, site, name, keep, no_smoke)


def rolled_back(root: Path) -> tuple[str, str]:
    with FolderTransport(root) as transport:
        return roll_back(transport)


def live(root: Path) -> str:
    return os.readlink(root / "current")


def releases(root: Path) -> list[str]:
    return sorted(path.name for path in (root / "releases").iterdir())


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix not in (".gz", ".br")
    }


def test_a_deploy_makes_a_release_and_points_current_at_it(site: Path, tmp_path: Path) -> None:
    root = tmp_path / "www"
    deploy(root, site, NAMES[0])
    assert live(root) == f"releases/{NAMES[0]}"
    published = root / "current"
    expected = {k: v for k, v in files_of(site).items() if k != OUTPUT_MARKER}
    expected["release.txt"] = f"{NAMES[0]}\n".encode()
    assert files_of(published) == expected
    modes = {path.stat().st_mode & 0o777 for path in (root / "releases" / NAMES[0]).rglob("*")}
    assert (root / "releases" / NAMES[0]).stat().st_mode & 0o777 == 0o755
    assert modes == {0o755, 0o644}


def test_a_private_build_is_published_readable(site: Path, tmp_path: Path) -> None:
    for path in [site, *site.rglob("*")]:
        path.chmod(0o700 if path.is_dir() else 0o600)
    root = tmp_path / "www"
    deploy(root, site, NAMES[0])
    release = root / "releases" / NAMES[0]
    assert {p.stat().st_mode & 0o777 for p in release.rglob("*") if p.is_file()} == {0o644}
    assert {p.stat().st_mode & 0o777 for p in [release, *release.rglob("*")] if p.is_dir()} == {
        0o755
    }


def test_a_second_deploy_switches_and_keeps_the_first(site: Path, tmp_path: Path) -> None:
    root = tmp_path / "www"
    deploy(root, site, NAMES[0])
    write_site(site, version="二")
    deploy(root, site, NAMES[1])
    assert live(root) == f"releases/{NAMES[1]}"
    assert releases(root) == NAMES[:2]
    assert "第二版" in (root / "current" / "index.html").read_text(encoding="utf-8")
    assert "第一版" in (root / "releases" / NAMES[0] / "index.html").read_text(encoding="utf-8")


def test_the_same_name_twice_gets_a_number(site: Path, tmp_path: Path) -> None:
    root = tmp_path / "www"
    deploy(root, site, NAMES[0])
    deploy(root, site, NAMES[0])
    assert releases(root) == [NAMES[0], f"{NAMES[0]}-2"]
    assert live(root) == f"releases/{NAMES[0]}-2"


@pytest.mark.parametrize("keep", [2, 3, 5])
def test_only_the_newest_releases_are_kept(site: Path, tmp_path: Path, keep: int) -> None:
    root = tmp_path / "www"
    (root / "releases" / "notes-by-hand").mkdir(parents=True)
    for name in NAMES[:7]:
        deploy(root, site, name, keep)
    assert releases(root) == sorted([*NAMES[7 - keep : 7], "notes-by-hand"])
    assert live(root) == f"releases/{NAMES[6]}"


def test_pruning_never_removes_the_live_release() -> None:
    assert prune(NAMES[:4], 2, NAMES[0]) == (NAMES[1],)
    assert prune(NAMES[:2], 5, NAMES[1]) == ()


def test_rollback_points_current_at_the_release_before(site: Path, tmp_path: Path) -> None:
    root = tmp_path / "www"
    for name in NAMES[:3]:
        deploy(root, site, name)
    assert rolled_back(root) == (NAMES[2], NAMES[1])
    assert live(root) == f"releases/{NAMES[1]}"
    assert rolled_back(root) == (NAMES[1], NAMES[0])
    with pytest.raises(DeployError, match="之前没有保留的版本"):
        rolled_back(root)
    assert live(root) == f"releases/{NAMES[0]}"
    assert releases(root) == NAMES[:3]


def test_rollback_after_rollbacks_and_a_deploy_goes_to_the_release_live_before(
    site: Path, tmp_path: Path
) -> None:
    """Deploy A, B, C; roll back twice (to A); deploy D: rolling back goes to A, not C."""
    root = tmp_path / "www"
    a, b, c, d = NAMES[:4]
    for name in (a, b, c):
        deploy(root, site, name)
    assert rolled_back(root) == (c, b)
    assert rolled_back(root) == (b, a)
    deploy(root, site, d)
    assert rolled_back(root) == (d, a)
    assert live(root) == f"releases/{a}"
    with pytest.raises(DeployError, match="之前没有保留的版本"):
        rolled_back(root)


def test_a_root_without_history_rolls_back_in_name_order(site: Path, tmp_path: Path) -> None:
    """Roots published before the history was kept still roll back."""
    root = tmp_path / "www"
    for name in NAMES[:3]:
        deploy(root, site, name)
    (root / "history.txt").unlink()
    assert rolled_back(root) == (NAMES[2], NAMES[1])


def test_rollback_skips_a_pruned_release(site: Path, tmp_path: Path) -> None:
    root = tmp_path / "www"
    for name in NAMES[:4]:
        deploy(root, site, name, keep=2)
    assert rolled_back(root) == (NAMES[3], NAMES[2])
    with pytest.raises(DeployError, match="之前没有保留的版本"):
        rolled_back(root)


def test_rollback_without_any_release_says_so(tmp_path: Path) -> None:
    with pytest.raises(DeployError, match="还没有发布过网站"):
        rolled_back(tmp_path / "www")


def test_a_failed_copy_leaves_current_and_no_partial_release(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "www"
    deploy(root, site, NAMES[0])
    copied: list[str] = []
    real_copy = shutil.copy2

    def copy_until_the_disk_is_full(source: str, target: str) -> object:
        if len(copied) == 3:
            raise OSError(errno.ENOSPC, "No space left on device", target)
        copied.append(source)
        return real_copy(source, target)

    monkeypatch.setattr(shutil, "copy2", copy_until_the_disk_is_full)
    with pytest.raises(DeployError) as failure:
        deploy(root, site, NAMES[1])
    assert "磁盘空间不足" in failure.value.message
    assert "线上网站没有改动" in failure.value.message
    assert live(root) == f"releases/{NAMES[0]}"
    assert releases(root) == [NAMES[0]]


def test_a_target_under_a_file_is_refused_with_nothing_written(site: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "plain-file"
    blocker.write_text("not a folder")
    with pytest.raises(DeployError, match=f"路径中的 {blocker} 是文件而不是文件夹") as under:
        deploy(blocker / "www" / "deeper", site, NAMES[0])
    with pytest.raises(DeployError, match=f"：{blocker} 是文件而不是文件夹") as itself:
        deploy(blocker, site, NAMES[0])
    for failure in (under, itself):
        assert f"{blocker}/releases" not in failure.value.message
    assert blocker.read_text() == "not a folder"


def test_a_current_that_is_a_real_folder_is_never_replaced(site: Path, tmp_path: Path) -> None:
    root = tmp_path / "www"
    (root / "current").mkdir(parents=True)
    (root / "current" / "index.html").write_text("手工上传的网站")
    with pytest.raises(DeployError, match="不是符号链接"):
        deploy(root, site, NAMES[0])
    assert (root / "current" / "index.html").read_text() == "手工上传的网站"


def test_every_text_file_has_precompressed_twins_that_decompress_to_it(
    site: Path, tmp_path: Path
) -> None:
    root = tmp_path / "www"
    deploy(root, site, NAMES[0])
    published = root / "current"
    texts = [p for p in published.rglob("*") if p.suffix in TEXT_SUFFIXES]
    assert {p.suffix for p in texts} >= {".html", ".css", ".json", ".ics"}
    for text in texts:
        packed = text.with_name(text.name + ".gz")
        if text.stat().st_size < 200:  # too small to shrink: left alone
            continue
        assert gzip.decompress(packed.read_bytes()) == text.read_bytes()
        squeezed = text.with_name(text.name + ".br")
        assert brotli.decompress(squeezed.read_bytes()) == text.read_bytes()
        assert packed.stat().st_mtime_ns == text.stat().st_mtime_ns
        assert squeezed.stat().st_mtime_ns == text.stat().st_mtime_ns
    assert not list(published.rglob("*.png.gz"))
    assert not (published / "robots.txt.gz").exists()  # 14 bytes: gzip would be larger


def test_release_names_sort_by_utc_time() -> None:
    import datetime

    shanghai = datetime.timezone(datetime.timedelta(hours=8))
    early = release_name("abc1234", datetime.datetime(2026, 12, 1, 0, 10, tzinfo=shanghai))
    late = release_name("abc1234", datetime.datetime(2026, 11, 30, 17, 0, tzinfo=datetime.UTC))
    assert early == "20261130T161000Z-abc1234"
    assert early < late
    assert release_name("").endswith("-nogit")


class Stuck(FolderTransport):
    """A folder whose ``current`` cannot be switched back, nor old releases deleted."""

    switches = 0

    def switch(self, name: str | None, history: tuple[str, ...]) -> None:
        self.switches += 1
        if self.switches > 1:
            raise DeployError("无法切换（测试）。")
        super().switch(name, history)

    def remove(self, names: list[str]) -> None:
        if names:
            raise DeployError("无法删除（测试）。")


def test_a_rollback_that_fails_says_the_new_release_is_live(site: Path, tmp_path: Path) -> None:
    root = tmp_path / "www"
    deploy(root, site, NAMES[0])
    with pytest.raises(DeployError) as failure, Stuck(root) as stuck:
        publish(stuck, site, NAMES[1], 5, lambda _: ["events/events.ics 返回 HTTP 404"])
    message = failure.value.message
    assert "events.ics 返回 HTTP 404" in message and "自动回滚也失败了" in message
    assert f"线上现在是本次版本 {NAMES[1]}，请尽快运行 ./dev deploy --rollback" in message
    assert live(root) == f"releases/{NAMES[1]}"


def test_old_releases_that_cannot_be_deleted_only_warn(site: Path, tmp_path: Path) -> None:
    root = tmp_path / "www"
    deploy(root, site, NAMES[0])
    with Stuck(root) as stuck:
        published = publish(stuck, site, NAMES[1], 1, no_smoke)
    assert published.removed == () and "旧版本没有删掉" in published.warning
    assert live(root) == f"releases/{NAMES[1]}"


def test_only_stale_partial_uploads_are_cleaned(site: Path, tmp_path: Path) -> None:
    """A partial upload younger than an hour may be another deploy's, still running."""
    root = tmp_path / "www"
    stale, running = (root / "releases" / f".partial-{name}" for name in NAMES[:2])
    for partial in (stale, running):
        (partial / "assets").mkdir(parents=True)
    os.utime(stale, (0, 0))
    deploy(root, site, NAMES[2])
    assert not stale.exists() and running.is_dir()


def test_a_second_deploy_at_once_is_refused_and_a_stale_lock_is_taken_over(
    site: Path, tmp_path: Path
) -> None:
    root = tmp_path / "www"
    deploy(root, site, NAMES[0])
    assert not (root / ".deploy-lock").exists()
    with FolderTransport(root) as first:
        first.state()
        with pytest.raises(DeployError, match="另一个发布或回滚正在进行"):
            deploy(root, site, NAMES[1])
        with pytest.raises(DeployError, match="另一个发布或回滚正在进行"):
            rolled_back(root)
    assert not (root / ".deploy-lock").exists()
    (root / ".deploy-lock").mkdir()
    os.utime(root / ".deploy-lock", (0, 0))  # left by a deploy that was killed
    deploy(root, site, NAMES[1])
    assert live(root) == f"releases/{NAMES[1]}" and not (root / ".deploy-lock").exists()
