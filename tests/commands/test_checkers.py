"""`invoke checkers`: which pages it samples, its allow-list, and that a real Nu HTML
checker run fails on an error of ours (a page with a skipped heading level) while the
theme's allow-listed messages pass.

The whole command (axe-core, Lighthouse) runs as a step of ``invoke ci``; here the Nu
checker runs on two tiny pages (one JVM, a few seconds). Without Java or the npm tools
it is skipped locally with the reason, and fails when ``CI=true`` (.ci/run installs both).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from showcase.commands import ci
from showcase.commands.build import DATA_ERRORS
from showcase.commands.checkers import (
    ALLOWED,
    PRINT_SAMPLE,
    SAMPLE,
    Allowed,
    _preview_with_banner,
    _report_findings,
    load_allowed,
    sample_pages,
)
from showcase.engine.outside_checkers import CheckerUnavailable, Finding, nu_errors, tools_dir
from showcase.paths import repository_root

PAGE = """<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>页面</title></head>
<body><main><h1>标题</h1><h2>项目介绍</h2>{body}</main></body></html>
"""


def test_invoke_ci_runs_the_checkers_on_its_strict_build_before_the_tests(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps = [step for _, step in ci.STEPS]
    assert steps.index(ci._build) < steps.index(ci._checkers)
    given: list[Path | None] = []
    monkeypatch.setattr(ci, "checkers", lambda root, site: given.append(site) or 0)
    assert ci._checkers(tmp_path, tmp_path / "missing") == 0  # the build failed: build anew
    (tmp_path / "site").mkdir()
    assert ci._checkers(tmp_path, tmp_path / "site") == 0
    assert given == [None, tmp_path / "site"]


def test_one_sample_page_per_kind_first_in_sorted_order(tmp_path: Path) -> None:
    for address in (
        "",
        "projects/",
        "projects/b-project/",
        "projects/a-project/",
        "cases/2025-x/",
        "cases/annual/2025/",
        "colleges/",
    ):
        (tmp_path / address).mkdir(parents=True, exist_ok=True)
        (tmp_path / address / "index.html").write_text("x", encoding="utf-8")
    (tmp_path / "404.html").write_text("x", encoding="utf-8")
    chosen = sample_pages(tmp_path)
    assert chosen["首页 home"] == ""
    assert chosen["项目目录 directory"] == "projects/"
    assert chosen["项目 project"] == "projects/a-project/"
    assert chosen["典型案例 case"] == "cases/2025-x/"
    assert chosen["年度汇编 annual report"] == "cases/annual/2025/"
    assert chosen["404"] == "404.html"
    assert "学院 college" not in chosen, "the colleges index is not a college page"


def test_the_print_sample_is_the_first_agenda_print_score_sheet_and_annual_report(
    tmp_path: Path,
) -> None:
    for name in (
        "roadshows/b-show/print.html",
        "roadshows/a-show/print.html",
        "roadshows/a-show/sheet-zhao.html",
        "roadshows/a-show/sheet-wang.html",
        "roadshows/a-show/agenda.ics",
        "cases/annual/2026/index.html",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert list(sample_pages(tmp_path, PRINT_SAMPLE).values()) == [
        "roadshows/a-show/print.html",
        "roadshows/a-show/sheet-wang.html",
        "cases/annual/2026/",
    ]


def test_the_sample_names_every_kind_the_issue_lists() -> None:
    kinds = " ".join(kind for kind, _ in SAMPLE)
    for kind in ("home", "directory", "project", "college", "mentor", "event", "roadshow"):
        assert kind in kinds
    for kind in ("case", "annual report", "submission form", "open data", "404", "联系我们"):
        assert kind in kinds
    assert "工作指南" in kinds and "推荐典型案例" in kinds


def test_the_committed_allow_list_gives_a_reason_for_every_message() -> None:
    allowed = load_allowed(tools_dir(repository_root()) / ALLOWED)
    assert allowed.messages["nu"], "the theme's own Nu messages are listed"
    for entries in allowed.messages.values():
        assert all(len(reason) > 40 for reason in entries.values())


@pytest.mark.parametrize(
    "entry",
    ["- message: x", "- reason: the theme writes it", "- message: x\n  reason: '  '"],
)
def test_an_allow_list_entry_without_message_or_reason_is_refused(
    tmp_path: Path, entry: str
) -> None:
    path = tmp_path / ALLOWED
    path.write_text(f"nu:\n  {entry.replace(chr(10), chr(10) + '  ')}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="reason"):
        load_allowed(path)


def test_findings_fail_unless_allowed_by_exact_message() -> None:
    allowed = Allowed({"nu": {"主题的消息": "原因"}})
    ours = Finding("nu", "a/index.html", "our message")
    theirs = Finding("nu", "a/index.html", "主题的消息", 3)
    near = Finding("nu", "a/index.html", "主题的消息。")
    assert _report_findings([theirs], allowed) == []
    assert _report_findings([ours, theirs, near], allowed) == ["nu a/index.html"] * 2


@pytest.fixture(scope="module")
def nu_available() -> None:
    root = repository_root()
    jar = tools_dir(root) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    if shutil.which("java") and jar.is_file():
        return
    reason = (
        "需要 java 和 tools/checkers 的 npm 包（npm ci --prefix tools/checkers --ignore-scripts）"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI 必须运行 Nu HTML 检查器，但{reason}", pytrace=False)
    pytest.skip(reason)


def test_the_nu_checker_fails_a_skipped_heading_and_bad_css_and_passes_clean_ones(
    tmp_path: Path, nu_available: None
) -> None:
    (tmp_path / "clean.html").write_text(PAGE.format(body="<h3>背景</h3>"), encoding="utf-8")
    (tmp_path / "skips.html").write_text(PAGE.format(body="<h4>背景</h4>"), encoding="utf-8")
    (tmp_path / "clean.css").write_text(".sc-x { color: #333; }\n", encoding="utf-8")
    (tmp_path / "broken.css").write_text(".sc-x { colour: #333; }\n", encoding="utf-8")
    found = nu_errors(repository_root(), tmp_path, sorted(tmp_path.glob("*.*")))
    assert [f.page for f in found] == ["broken.css", "skips.html"]
    assert "colour" in found[0].message
    assert [(f.page, f.message) for f in found[1:]] == [
        (
            "skips.html",
            "The heading “h4” (with computed level 4) follows the heading “h2” "
            "(with computed level 2), skipping 1 heading level.",
        )
    ]
    allowed = load_allowed(tools_dir(repository_root()) / ALLOWED)
    assert _report_findings(found, allowed) == ["nu broken.css", "nu skips.html"]


def test_a_missing_tool_is_named_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(CheckerUnavailable, match="npm ci"):
        nu_errors(tmp_path, tmp_path, [])


def test_the_banner_the_checkers_judge_is_served_in_every_page_as_text(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        "<!doctype html><html lang=zh><head><title>首页</title></head><body><p>正文</p></body></html>",
        encoding="utf-8",
    )
    with _preview_with_banner(site) as (base, pages):
        served = (pages / "index.html").read_text(encoding="utf-8")
    assert base.startswith("http://127.0.0.1:")
    assert "正文" in served and DATA_ERRORS in served
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in served and "<script>alert" not in served
    assert (site / "index.html").read_text(encoding="utf-8").count("script") == 0
