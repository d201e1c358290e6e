"""`invoke strip-images PATH…`: the fix the validator names, run through the task."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from invoke import Context, Exit

import tasks
from tests.image_samples import HARMLESS, PERSONAL, PRIVATE, PRIVATE_ASCII
from tests.images.test_publish import assert_clean


def strip(*paths: Path) -> int:
    try:
        tasks.strip_images(Context(), path=[str(p) for p in paths])
    except Exit as stopped:
        return stopped.code
    return 0


def test_files_and_folders_are_rewritten_clean_and_what_was_removed_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(PERSONAL["PNG tEXt Author"][0]())
    logo.chmod(0o640)
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.jpg").write_bytes(PERSONAL["JPEG EXIF GPS"][0]())
    (folder / "b.webp").write_bytes(PERSONAL["WebP XMP"][0]())
    assert strip(logo, folder) == 0
    assert_clean(logo.read_bytes(), "PNG")
    assert_clean((folder / "a.jpg").read_bytes(), "JPEG")
    assert_clean((folder / "b.webp").read_bytes(), "WEBP")
    assert stat.S_IMODE(logo.stat().st_mode) == 0o640
    out = capsys.readouterr().out
    assert "PNG 文字块（Author）" in out and "GPS 位置信息" in out and "XMP 元数据" in out
    assert PRIVATE not in out and PRIVATE_ASCII not in out
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a.jpg", "b.webp", "logo.png", "story"]


def test_a_clean_published_file_is_left_as_it_is(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(HARMLESS["plain PNG"]())
    assert strip(logo) == 0
    before = logo.read_bytes()
    assert strip(logo) == 0
    assert logo.read_bytes() == before


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("notes.png", "我是文本".encode(), "不是 PNG、JPEG 或 WebP 图片"),
        ("cut.png", HARMLESS["plain PNG"]()[:70], "文件已损坏或不完整"),
    ],
)
def test_what_cannot_be_cleaned_is_reported_and_left_untouched(
    name: str, content: bytes, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / name
    file.write_bytes(content)
    assert strip(file) == 1
    assert file.read_bytes() == content
    assert said in capsys.readouterr().err


def test_a_symlink_and_a_missing_path_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "real.png"
    real.write_bytes(PERSONAL["PNG tEXt Author"][0]())
    before = real.read_bytes()
    (tmp_path / "link.png").symlink_to(real)
    assert strip(tmp_path / "link.png", tmp_path / "nowhere.png") == 1
    assert real.read_bytes() == before and (tmp_path / "link.png").is_symlink()
    err = capsys.readouterr().err
    assert "符号链接" in err and "找不到" in err


def test_no_path_prints_how_to_use_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert strip() == 2
    assert "./dev strip-images" in capsys.readouterr().err
