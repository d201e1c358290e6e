"""`invoke build` / `invoke serve` entry points: exit codes, messages, the last good site."""

from __future__ import annotations

import re
import shutil
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from showcase.commands import build, common, serve
from showcase.commands.fast_pass import FastPass
from showcase.engine.live import BuildFailure, LiveState
from showcase.paths import Layout, repository_root
from showcase.problems import Problem
from showcase.validate.cache import ValidationCache
from showcase.validate.personal_data import redact
from showcase.validate.result import ValidationResult
from tests.editor_files import (
    OVERRIDES_BACKUPS,
    OVERRIDES_LINKS,
    TEMPORARY_NAMES,
    make_overrides_links,
    make_temporary_file,
)
from tests.factories import make_model
from tests.validate.conftest import make_repository
from tests.validate.input_builders import SECRET, outside_folder


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
    assert build.REFUSAL in captured.err
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
    assert "构建失败" in err and "nowhere.md" in err and "尚未生成过网站" in err
    assert "原有网站保持不变" not in err and "Traceback" not in err
    assert not (tmp_path / "site").exists()


def test_a_failure_after_a_good_build_says_the_site_is_kept(
    tmp_path: Path, valid_data: None, capsys
) -> None:
    assert build.build(tmp_path, None) == 0
    pages = tmp_path / "content" / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    (pages / "about.md").write_text("# 关于\n\n[坏链接](nowhere.md)\n", encoding="utf-8")
    capsys.readouterr()
    assert build.build(tmp_path, None) == 1
    assert "原有网站保持不变" in capsys.readouterr().err
    assert (tmp_path / "site" / "index.html").is_file()


def test_bad_data_before_any_build_does_not_claim_a_site_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    problem = Problem("projects/textile/foo.yaml", 1, 1, rule="yaml.syntax", message="坏")
    result = ValidationResult(model=None, problems=[problem], files_checked=1)
    monkeypatch.setattr(common, "validate_repository", lambda layout, cache=None: result)
    assert build.build(tmp_path, None) == 1
    err = capsys.readouterr().err
    assert build.FIRST_REFUSAL in err and "原有网站保持不变" not in err


def test_serve_rebuilds_on_change_and_keeps_the_last_good_site(
    tmp_path: Path, valid_data: None, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    pages = tmp_path / "content" / "pages"
    pages.mkdir(parents=True)
    seen: dict[str, str] = {"out": "", "err": ""}

    def fetch(path: str) -> str:
        address = re.search(r"预览地址：(http://\S+/)", seen["out"]).group(1)
        with urllib.request.urlopen(address + path, timeout=10) as response:
            return response.read().decode("utf-8")

    def step(_seconds: float) -> None:
        captured = capsys.readouterr()
        seen["out"] += captured.out
        seen["err"] += captured.err
        if "phase" not in seen:
            seen["phase"] = "changed"
            (pages / "about.md").write_text("# 关于我们\n\n第一版。\n", encoding="utf-8")
        elif seen["phase"] == "changed" and seen["out"].count("网站已生成") == 2:
            seen["phase"], seen["after change"] = "broken", fetch("pages/about/")
            (pages / "about.md").write_text("# 关于\n\n[坏链接](nowhere.md)\n", encoding="utf-8")
        elif seen["phase"] == "broken" and "重新构建失败" in seen["err"]:
            seen["after failure"] = fetch("pages/about/")
            raise KeyboardInterrupt

    monkeypatch.setattr(serve.Watcher, "pause", lambda _watcher: step(0))
    assert serve.serve(tmp_path, "127.0.0.1", 0) == 0
    assert "第一版" in seen["after change"]
    assert "第一版" in seen["after failure"] and "nowhere.md" in seen["after failure"]
    assert 'id="sc-live-banner"' in seen["after failure"]
    assert "sc-live-banner" not in seen["after change"]
    assert "/__showcase__/live.js" in seen["after change"]
    assert (
        "sc-live-banner" not in (tmp_path / "site" / "pages" / "about" / "index.html").read_text()
    )
    assert "预览已停止" in capsys.readouterr().out


def test_serve_rebuilds_once_per_burst_and_again_for_a_change_made_during_a_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """An editor saving three files is one rebuild; a file saved while that rebuild runs
    is a second one, never lost."""
    data = tmp_path / "projects" / "arts"
    data.mkdir(parents=True)
    builds: list[str] = []
    sleeps: list[float] = []
    caches: set[int] = set()

    def fake_build(root: Path, site_dir: Path | None, **options: object) -> int:
        builds.append("build")
        caches.add(id(options["validation_cache"]))
        if len(builds) == 2:  # saved while the rebuild reads the repository
            (data / "during.yaml").write_text("a: 1\n")
        return 0

    def step(seconds: float) -> None:
        sleeps.append(seconds)
        if len(sleeps) <= 3:  # the burst: one file per pause
            (data / f"burst-{len(sleeps)}.yaml").write_text("a: 1\n")
        elif len(builds) == 3 or len(sleeps) > 40:
            raise KeyboardInterrupt

    monkeypatch.setattr(serve, "build", fake_build)
    monkeypatch.setattr(serve.Watcher, "pause", lambda watcher: step(watcher.interval))
    monkeypatch.setattr(serve.time, "sleep", step)
    assert serve.serve(tmp_path, "127.0.0.1", 0) == 0
    out = capsys.readouterr().out
    assert builds == ["build"] * 3, out
    assert "检测到 3 个文件变化" in out and "检测到 1 个文件变化" in out
    assert len(caches) == 1, "every rebuild reuses the one validation cache of the preview"


def test_a_single_save_settles_after_one_quiet_scan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file just written is racy when first seen; that it settles is not a new change,
    so one save costs one quiet pause before the rebuild, not two."""
    record = tmp_path / "projects" / "p.yaml"
    record.parent.mkdir()
    watcher = serve.Watcher([tmp_path / "projects"], notify=False)
    record.write_text("a: 1\n")
    assert watcher.changes() == {str(record)}
    pauses: list[float] = []
    real_sleep = time.sleep
    monkeypatch.setattr(serve.time, "sleep", lambda s: (pauses.append(s), real_sleep(s)))
    assert serve.settled(watcher) == set()
    assert pauses == [serve.QUIET_SECONDS]


def test_a_failed_rebuild_reaches_the_page_and_an_internal_error_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    live, cache = LiveState(), ValidationCache.on_disk(tmp_path / "cache")
    fast = FastPass(Layout(tmp_path), live)
    failure = BuildFailure("数据有错误", (Problem("projects/a/x.yaml", 2, 1, message="坏"),))

    def failing_build(root: Path, site_dir: Path | None, *, on_failure, **_options) -> int:
        on_failure(failure)
        return 1

    monkeypatch.setattr(serve, "build", failing_build)
    assert not serve._rebuild(tmp_path, live, cache, fast)
    assert live.failure == failure
    monkeypatch.setattr(serve, "build", lambda root, site_dir, **_: 0)
    assert serve._rebuild(tmp_path, live, cache, fast) and live.failure is None

    def broken_build(root: Path, site_dir: Path | None, **_options: object) -> int:
        raise RuntimeError("<bug>")

    monkeypatch.setattr(serve, "build", broken_build)
    assert not serve._rebuild(tmp_path, live, cache, fast)
    assert live.failure.heading == "构建时出现内部错误：RuntimeError('<bug>')"
    assert "构建时出现内部错误" in capsys.readouterr().err


def test_build_hands_the_printed_problems_to_its_caller(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """What the preview's banner shows is what the terminal printed, personal data redacted."""
    problems = [
        Problem("projects/a/x.yaml", 3, 8, rule="schema.enum", field="stage（阶段）", message="坏"),
        Problem("projects/a/x.yaml", 4, 1, rule="personal.phone", message="13812345678"),
    ]
    result = ValidationResult(model=None, problems=problems, files_checked=1)
    monkeypatch.setattr(common, "validate_repository", lambda layout, **_: result)
    failures: list[BuildFailure] = []
    assert build.build(tmp_path, None, on_failure=failures.append) == 1
    printed = capsys.readouterr().out
    (failure,) = failures
    assert [p.text() for p in failure.problems] == printed.splitlines()[1:3]
    assert failure.problems[1] == redact(problems[1]) != problems[1]
    assert "13812345678" not in printed


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

    monkeypatch.setattr(serve.Watcher, "pause", lambda _watcher: step(0))
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


def test_editors_files_beside_the_data_neither_stop_the_build_nor_are_published(
    tmp_path: Path,
) -> None:
    """vim open on a project file or a template, a Finder window on a project's folder:
    the real sample data with every kind of such file beside each project file, in its
    folder and in the theme's overrides (which MkDocs copies whole), and backups of the
    templates."""
    source = repository_root()
    for folder in ("projects", "content", "schemas", "overrides"):
        shutil.copytree(source / folder, tmp_path / folder)
    shutil.copy(source / "mkdocs.yml", tmp_path / "mkdocs.yml")
    folders = [
        tmp_path / "content",
        *(tmp_path / "projects").glob("*"),
        *(tmp_path / "projects").glob("*/*/"),
        tmp_path / "overrides",
        tmp_path / "overrides/partials",
    ]
    for folder in folders:
        for name in TEMPORARY_NAMES:
            make_temporary_file(folder, name)
    for name in OVERRIDES_BACKUPS:
        (tmp_path / "overrides" / name).write_text("{# unsaved #}\n", encoding="utf-8")
    assert build.build(tmp_path, None) == 0
    published = {path.name for path in (tmp_path / "site").rglob("*")}
    assert published.isdisjoint([*TEMPORARY_NAMES, *(Path(n).name for n in OVERRIDES_BACKUPS)])


def test_a_link_in_the_overrides_named_as_an_editors_file_stops_the_build(
    tmp_path: Path,
) -> None:
    """``overrides/4913 -> /etc/passwd``: MkDocs would copy it into the site; its name
    does not let it past the check of links (an outside tester's examples)."""
    root = make_repository(tmp_path / "repo").root
    make_overrides_links(root / "overrides", outside_folder(root) / "passwd.yaml")
    failures: list[BuildFailure] = []
    assert build.build(root, None, on_failure=failures.append) == 1
    (failure,) = failures
    expected = sorted(f"overrides/{name}" for name in OVERRIDES_LINKS)
    assert sorted(problem.where for problem in failure.problems) == expected
    assert not (root / "site").exists() and SECRET not in str(failure)


def test_a_second_build_reuses_every_page_and_clean_renders_them_again(
    tmp_path: Path, valid_data: None, capsys
) -> None:
    assert build.build(tmp_path, tmp_path / "out") == 0
    first = capsys.readouterr().out.splitlines()[-1]
    rendered = int(re.fullmatch(r"重新生成 ([\d,]+) 个页面，复用 0 个。", first)[1])
    assert rendered > 10
    assert build.build(tmp_path, tmp_path / "out") == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"重新生成 0 个页面，复用 {rendered} 个。"
    assert build.build(tmp_path, tmp_path / "out", clean=True) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"重新生成 {rendered} 个页面，复用 0 个。"


def _unreadable_front_matter(root: Path) -> None:
    (root / "content/pages").mkdir(parents=True, exist_ok=True)
    (root / "content/pages/about.md").write_text("---\ntitle: [关于…\n---\n\n# 关于\n")


def _linked_template(root: Path) -> None:
    (root / "overrides/partials").mkdir(parents=True)
    (root / "overrides/partials/x.html").symlink_to(outside_folder(root) / "passwd.yaml")


@pytest.mark.parametrize(
    ("breakage", "where"),
    [
        (_unreadable_front_matter, "content/pages/about.md:2:8"),
        (_linked_template, "overrides/partials/x.html"),
    ],
)
def test_what_mkdocs_would_publish_wrongly_stops_the_build_and_reaches_the_banner(
    tmp_path: Path, breakage: Callable[[Path], None], where: str
) -> None:
    """A page's front matter MkDocs cannot read (published as its text) and a template
    linked to a file outside (published inside every page) are the data's problems."""
    root = make_repository(tmp_path / "repo").root
    breakage(root)
    failures: list[BuildFailure] = []
    assert build.build(root, None, on_failure=failures.append) == 1
    (failure,) = failures
    assert [problem.where for problem in failure.problems] == [where]
    assert not (root / "site").exists() and SECRET not in str(failure)
