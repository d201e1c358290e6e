"""`invoke deploy` end to end: the sample repository built and published to a folder target,
then published again without a build and rolled back; and the refusals, in Chinese."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from showcase.atomic import OUTPUT_MARKER
from showcase.commands.build import PREVIEW_PREFIX
from showcase.commands.deploy import deploy
from showcase.paths import repository_root
from tests.deploy.conftest import serving, write_site

TODAY = "2026-06-01"


def sample_repository(root: Path, deploy_section: str) -> Path:
    for folder in ("content", "schemas", "projects"):
        shutil.copytree(repository_root() / folder, root / folder)
    site_yaml = root / "content" / "site.yaml"
    text = site_yaml.read_text(encoding="utf-8").split("\ndeploy:\n")[0]
    site_yaml.write_text(f"{text}\n{deploy_section}", encoding="utf-8")
    return root


FOLDER_TARGET = (
    "deploy:\n  default: local\n  targets:\n    local:\n      kind: folder\n      path: ../www\n"
)


def test_deploy_builds_the_sample_and_publishes_it_to_a_folder(tmp_path: Path, capsys) -> None:
    """Built, published, checked live (the real smoke test on the real site), published
    again without a build, rolled back."""
    www = tmp_path / "www"
    with serving(www / "current") as url:
        root = sample_repository(tmp_path / "repo", f"{FOLDER_TARGET}      url: {url}\n")
        assert deploy(root, today=TODAY) == 0
        out = capsys.readouterr().out
        assert "网站已生成" in out and "发布完成：当前版本" in out
        assert f"线上检查通过：{url}" in out
        first = os.readlink(www / "current")
        live = www / "current"
        assert (live / "index.html").is_file() and (live / "events" / "events.ics").is_file()
        assert (live / "index.html.gz").is_file()
        assert (live / "search" / "search_index.json.br").is_file()
        assert not (live / OUTPUT_MARKER).exists()

        assert deploy(root, no_build=True, keep=2) == 0
        second = os.readlink(www / "current")
        assert second != first and len(os.listdir(www / "releases")) == 2

        assert deploy(root, rollback=True) == 0
        assert os.readlink(www / "current") == first
        out = capsys.readouterr().out
        assert "已回滚" in out and f"线上检查通过：{url}" in out


def test_no_build_refuses_a_site_that_is_not_a_complete_build(tmp_path: Path, capsys) -> None:
    root = sample_repository(tmp_path / "repo", FOLDER_TARGET)
    half = root / "site"
    half.mkdir()
    (half / "index.html").write_text("<title>半成品</title>")
    assert deploy(root, no_build=True) == 1
    assert "没有完整构建好的网站" in capsys.readouterr().err
    (half / OUTPUT_MARKER).write_text("")
    (half / "index.html").write_text(f"<title>{PREVIEW_PREFIX}众创空间</title>")
    assert deploy(root, no_build=True) == 1
    assert "草稿预览" in capsys.readouterr().err
    assert not (tmp_path / "www").exists()


@pytest.mark.parametrize(
    ("options", "says"),
    [
        ({"target": "campsu"}, "未知的发布目标「campsu」"),
        ({"target": "campsu"}, "请用 --target 选一个：local"),
        ({"keep": 1}, "--keep 至少是 2"),
        ({"no_build": True, "today": TODAY}, "--today 只用于构建"),
        ({"rollback": True}, "还没有发布过网站"),
        ({"target": "ssh://deploy:pw@example.edu.cn/srv/x"}, "不能写密码"),
    ],
)
def test_user_errors_are_one_chinese_message(
    tmp_path: Path, capsys, options: dict[str, object], says: str
) -> None:
    root = sample_repository(tmp_path / "repo", FOLDER_TARGET)
    assert deploy(root, **options) == 1  # type: ignore[arg-type]
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err


def test_a_bad_deploy_section_is_reported_at_its_line(tmp_path: Path, capsys) -> None:
    section = FOLDER_TARGET.replace("default: local", "default: campus")
    root = sample_repository(tmp_path / "repo", section)
    assert deploy(root) == 1
    captured = capsys.readouterr()
    assert (
        "content/site.yaml:" in captured.out
        and "默认发布目标「campus」不在 targets 里" in captured.out
    )
    assert "content/site.yaml 有错误，未发布" in captured.err


def test_a_mistyped_folder_target_loses_none_of_its_files(tmp_path: Path) -> None:
    root = sample_repository(tmp_path / "repo", FOLDER_TARGET)
    mine = tmp_path / "my documents"
    files = {"论文终稿.docx": b"PK\x03\x04", "releases/notes.txt": "别删我".encode()}
    for name, data in files.items():
        (mine / name).parent.mkdir(parents=True, exist_ok=True)
        (mine / name).write_bytes(data)
    write_site(root / "site")
    for _ in range(3):
        assert deploy(root, target=str(mine), no_build=True, keep=2) == 0
    for name, data in files.items():
        assert (mine / name).read_bytes() == data
    assert len(os.listdir(mine / "releases")) == 3  # two releases and the notes


def test_the_invoke_task_passes_every_option_through(tmp_path: Path) -> None:
    """The command line as the CI recipes and the guide write it."""
    site = write_site(tmp_path / "built")
    www = tmp_path / "www"
    command = [sys.executable, "-m", "invoke", "--search-root", str(repository_root()), "deploy"]
    options = ["--site-dir", str(site), "--target", str(www), "--no-build", "--keep", "2"]
    for _ in range(2):
        done = subprocess.run([*command, *options], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
    assert "发布完成" in done.stdout and len(os.listdir(www / "releases")) == 2
    back = subprocess.run(
        [*command, "--target", str(www), "--rollback"], capture_output=True, text=True, check=False
    )
    assert back.returncode == 0 and "已回滚" in back.stdout
    refused = subprocess.run(
        [*command, *options[:-1], "1"], capture_output=True, text=True, check=False
    )
    assert refused.returncode == 1 and "--keep 至少是 2" in refused.stderr
    assert "Traceback" not in refused.stderr


@pytest.mark.parametrize("inside", ["site", "site/", "./site/deploy", "site/releases/x"])
def test_a_folder_target_inside_the_site_being_published_is_refused(
    tmp_path: Path, capsys, inside: str
) -> None:
    """Each deploy would copy the earlier releases again (and the next build delete them)."""
    section = FOLDER_TARGET.replace("path: ../www", f"path: {inside}")
    root = sample_repository(tmp_path / "repo", section)
    write_site(root / "site")
    before = sorted(path.relative_to(root) for path in (root / "site").rglob("*"))
    assert deploy(root, no_build=True) == 1
    err = capsys.readouterr().err
    assert "在网站文件夹" in err and "path: build/deploy" in err and "Traceback" not in err
    assert sorted(path.relative_to(root) for path in (root / "site").rglob("*")) == before


def test_a_target_inside_another_site_folder_is_refused_too(tmp_path: Path, capsys) -> None:
    root = sample_repository(tmp_path / "repo", FOLDER_TARGET)
    built = write_site(tmp_path / "built")
    for target in (str(built / "www"), str(root / "site" / "www")):
        assert deploy(root, target=target, site_dir=built, no_build=True) == 1
        assert "在网站文件夹" in capsys.readouterr().err
    assert not (built / "www").exists() and not (root / "site" / "www").exists()


def test_a_target_that_is_a_file_is_named_and_no_url_notice_comes_first(
    tmp_path: Path, capsys
) -> None:
    root = sample_repository(tmp_path / "repo", FOLDER_TARGET)
    write_site(root / "site")
    afile = tmp_path / "afile"
    afile.write_text("not a folder")
    assert deploy(root, target=str(afile), no_build=True) == 1
    captured = capsys.readouterr()
    assert f"{afile} 是文件而不是文件夹" in captured.err
    assert f"{afile}/releases" not in captured.err
    assert "没有写 url" not in captured.out
    assert afile.read_text() == "not a folder"


def test_a_deploy_without_url_says_so_after_publishing_with_the_dev_hint(
    tmp_path: Path, capsys
) -> None:
    root = sample_repository(tmp_path / "repo", FOLDER_TARGET)
    write_site(root / "site")
    assert deploy(root, no_build=True) == 0
    out = capsys.readouterr().out
    assert "没有写 url" in out and "回滚：./dev deploy --rollback" in out
    assert out.index("没有写 url") > out.index("已预压缩")
