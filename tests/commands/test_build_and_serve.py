"""`invoke build` / `invoke serve` entry points: exit codes, messages, the last good site."""

from __future__ import annotations

import re
import shutil
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from showcase.commands import build, common, serve
from showcase.paths import repository_root
from showcase.problems import Problem
from showcase.validate.result import ValidationResult
from tests.factories import make_model


@pytest.fixture
def valid_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """Validation that passes with a small factory model."""
    result = ValidationResult(model=make_model(count=4), problems=[], files_checked=4)
    monkeypatch.setattr(common, "validate_repository", lambda layout, cache=None: result)


def test_build_prints_a_chinese_summary(tmp_path: Path, valid_data: None, capsys) -> None:
    assert build.build(tmp_path, tmp_path / "out") == 0
    output = capsys.readouterr().out
    assert "数据检查通过：4 个项目，2 个学院" in output
    assert re.search(r"网站已生成：.*（\d+ 个页面，用时 [\d.]+ 秒）", output)
    assert (tmp_path / "out" / "projects" / "project-00003" / "index.html").is_file()


def test_data_errors_stop_the_build_and_keep_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    problem = Problem(
        "projects/textile/foo.yaml",
        3,
        8,
        rule="schema.enum",
        field="stage（阶段）",
        message="不是允许的值",
    )
    result = ValidationResult(model=None, problems=[problem], files_checked=1)
    monkeypatch.setattr(common, "validate_repository", lambda layout, cache=None: result)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("上一次的网站")
    assert build.build(tmp_path, None) == 1
    captured = capsys.readouterr()
    assert "projects/textile/foo.yaml:3:8: 错误 stage（阶段）: 不是允许的值" in captured.out
    assert "未生成网站" in captured.err
    assert (site / "index.html").read_text() == "上一次的网站"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_engine_failure_is_a_chinese_message_not_a_traceback(
    tmp_path: Path, valid_data: None, capsys
) -> None:
    pages = tmp_path / "content" / "pages"
    pages.mkdir(parents=True)
    (pages / "about.md").write_text("# 关于\n\n[坏链接](nowhere.md)\n", encoding="utf-8")
    assert build.build(tmp_path, None) == 1
    err = capsys.readouterr().err
    assert "构建失败" in err and "nowhere.md" in err and "原有网站保持不变" in err
    assert "Traceback" not in err
    assert not (tmp_path / "site").exists()


def test_serve_rebuilds_on_change_and_keeps_the_last_good_site(
    tmp_path: Path, valid_data: None, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    pages = tmp_path / "content" / "pages"
    pages.mkdir(parents=True)
    seen: dict[str, str] = {}

    def fetch(path: str) -> str:
        address = re.search(r"预览地址：(http://\S+/)", seen.setdefault("out", "")).group(1)
        with urllib.request.urlopen(address + path, timeout=10) as response:
            return response.read().decode("utf-8")

    def step(_seconds: float) -> None:
        seen["out"] = seen.get("out", "") + capsys.readouterr().out
        seen["steps"] = seen.get("steps", "") + "."
        if len(seen["steps"]) == 1:
            (pages / "about.md").write_text("# 关于我们\n\n第一版。\n", encoding="utf-8")
        elif len(seen["steps"]) == 2:
            seen["after change"] = fetch("pages/about/")
            (pages / "about.md").write_text("# 关于\n\n[坏链接](nowhere.md)\n", encoding="utf-8")
        else:
            seen["after failure"] = fetch("pages/about/")
            raise KeyboardInterrupt

    monkeypatch.setattr(serve, "POLL_SECONDS", 0)
    monkeypatch.setattr(serve.time, "sleep", step)
    assert serve.serve(tmp_path, "127.0.0.1", 0) == 0
    assert "第一版" in seen["after change"]
    assert "第一版" in seen["after failure"]
    assert "预览已停止" in capsys.readouterr().out


def test_serve_answers_a_missing_address_with_the_sites_chinese_404_page(
    tmp_path: Path, valid_data: None, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """What the published site's web server does: status 404 and our page (search, the
    directory), not Python's "Error response / File not found"."""
    answers: list[tuple[int, str, str]] = []

    def step(_seconds: float) -> None:
        address = re.search(r"预览地址：(http://\S+/)", capsys.readouterr().out).group(1)
        for path in ("projects/no-such-project/", "no-such-file.png"):
            with pytest.raises(urllib.error.HTTPError) as answer:
                urllib.request.urlopen(address + path, timeout=10)
            body = answer.value.read().decode("utf-8")
            answers.append((answer.value.code, answer.value.headers["Content-Type"], body))
        raise KeyboardInterrupt

    monkeypatch.setattr(serve.time, "sleep", step)
    assert serve.serve(tmp_path, "127.0.0.1", 0) == 0
    assert len(answers) == 2
    for code, content_type, body in answers:
        assert code == 404 and content_type == "text/html; charset=utf-8"
        assert "找不到这个页面" in body and "浏览项目名录" in body
        assert "File not found" not in body and "Error response" not in body


def test_sample_repository_builds_one_page_per_project(tmp_path: Path) -> None:
    """The real sample data through the real validator, copied so the checkout stays clean."""
    source = repository_root()
    for folder in ("projects", "content", "schemas", "overrides"):
        shutil.copytree(source / folder, tmp_path / folder)
    shutil.copy(source / "mkdocs.yml", tmp_path / "mkdocs.yml")
    assert build.build(tmp_path, None) == 0
    project_files = sorted((tmp_path / "projects").glob("*/*.yaml"))
    assert project_files
    for project_file in project_files:
        assert (tmp_path / "site" / "projects" / project_file.stem / "index.html").is_file()
    assert not list(tmp_path.glob(".site-*"))
