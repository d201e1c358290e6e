"""The validator as a whole: model building, chosen files, formats and the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from showcase.commands.validate import validate as run
from showcase.paths import Layout, repository_root
from showcase.problems import Problem, Severity
from showcase.validate import validate_repository
from showcase.validate.report import format_problems
from tests.validate.conftest import TODAY

BAD_STAGE = "stage: 种子期\n"
ENUM_PROBLEM = Problem("a.yaml", 3, 5, rule="schema.enum", field="stage（阶段）", message="不对。")


def break_stage(layout: Layout) -> Path:
    file = layout.projects_dir / "textile/good-yarn.yaml"
    file.write_text(
        file.read_text(encoding="utf-8").replace("stage: startup\n", BAD_STAGE), encoding="utf-8"
    )
    return file


def test_the_fixture_repository_is_valid_and_builds_a_model(fixture_layout: Layout) -> None:
    result = validate_repository(fixture_layout, today=TODAY)
    assert result.problems == []
    assert result.ok
    assert result.files_checked == 5
    assert result.model is not None
    assert list(result.model.colleges) == ["textile", "materials", "computing"]
    project = result.model.projects["good-yarn"]
    assert project.hidden_members == 1
    assert [m.name for m in project.team] == ["张同学"]
    assert result.model.site.allowed_email_domains == ("example.edu.cn",)


def test_any_error_means_no_model(fixture_layout: Layout) -> None:
    break_stage(fixture_layout)
    result = validate_repository(fixture_layout, today=TODAY)
    assert not result.ok
    assert result.model is None


def test_warnings_alone_keep_the_model(fixture_layout: Layout) -> None:
    file = fixture_layout.projects_dir / "textile/good-yarn.yaml"
    file.write_text(
        file.read_text(encoding="utf-8").replace("status: active", "status: closed"),
        encoding="utf-8",
    )
    result = validate_repository(fixture_layout, today=TODAY)
    assert [p.severity for p in result.problems] == [Severity.WARNING]
    assert result.ok and result.model is not None


def test_only_checks_the_given_files_but_still_sees_every_file_name(fixture_layout: Layout) -> None:
    break_stage(fixture_layout)
    twin = fixture_layout.projects_dir / "materials/good-yarn.yaml"
    twin.parent.mkdir()
    shutil.copyfile(fixture_layout.root / "content/site.yaml", twin)
    result = validate_repository(fixture_layout, only=[Path("content/colleges.yaml")], today=TODAY)
    assert result.problems == [] and result.files_checked == 1
    result = validate_repository(
        fixture_layout, only=[fixture_layout.projects_dir / "textile"], today=TODAY
    )
    assert {p.rule for p in result.problems} == {"schema.enum", "project.duplicate-id"}
    assert {p.path for p in result.problems} == {"projects/textile/good-yarn.yaml"}


def test_a_missing_path_is_a_problem_not_an_exception(fixture_layout: Layout) -> None:
    result = validate_repository(fixture_layout, only=[Path("projects/x/none.yaml")], today=TODAY)
    assert [p.rule for p in result.problems] == ["file.not-found"]


def test_a_missing_registry_is_reported(fixture_layout: Layout) -> None:
    (fixture_layout.root / "content/mentors.yaml").unlink()
    result = validate_repository(fixture_layout, today=TODAY)
    assert [p.rule for p in result.problems] == ["registry.missing"]


def test_text_format_ends_with_a_chinese_summary() -> None:
    problems = [
        ENUM_PROBLEM,
        Problem("a.yaml", 4, 1, Severity.WARNING, "summary.short", message="太短。"),
    ]
    assert format_problems(problems, "text", files_checked=52).splitlines()[-1] == (
        "检查了 52 个文件：1 个错误，1 个警告。"
    )
    assert format_problems([], "text", files_checked=52) == "检查了 52 个文件，全部通过。"


def test_json_format_counts_and_lists_every_problem() -> None:
    problems = [ENUM_PROBLEM]
    data = json.loads(format_problems(problems, "json", files_checked=2))
    assert data["files_checked"] == 2 and data["errors"] == 1 and data["warnings"] == 0
    assert data["problems"][0]["line"] == 3 and data["problems"][0]["rule"] == "schema.enum"


def test_github_format_escapes_data_and_properties() -> None:
    problem = Problem("a,b.yaml", 3, 5, rule="r", field="x:y", message="100%\n换行", hint="改")
    line = format_problems([problem], "github").splitlines()[0]
    assert line == "::error file=a%2Cb.yaml,line=3,col=5,title=x%3Ay::100%25%0A换行 修改建议：改"


def test_cli_prints_the_problem_line_and_returns_1(
    fixture_layout: Layout, capsys: pytest.CaptureFixture[str]
) -> None:
    break_stage(fixture_layout)
    assert run(fixture_layout.root, ["projects/textile/good-yarn.yaml"], "text") == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(
        "projects/textile/good-yarn.yaml:6:8: 错误 stage（阶段）: 「种子期」不是可选值。"
    )
    assert "可选值：seed（种子期）" in lines[0] and "改成 seed（种子期）" in lines[0]
    assert lines[-1] == "检查了 1 个文件：1 个错误，0 个警告。"


def test_cli_json_and_github_formats(
    fixture_layout: Layout, capsys: pytest.CaptureFixture[str]
) -> None:
    break_stage(fixture_layout)
    assert run(fixture_layout.root, [], "json") == 1
    data = json.loads(capsys.readouterr().out)
    assert data["errors"] == 1 and data["problems"][0]["rule"] == "schema.enum"
    assert run(fixture_layout.root, [], "github") == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("::error file=projects/textile/good-yarn.yaml,line=6,col=8,title=")


def test_cli_returns_0_on_a_valid_repository(
    fixture_layout: Layout, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(fixture_layout.root, [], "text") == 0
    assert capsys.readouterr().out.strip() == "检查了 5 个文件，全部通过。"


def test_cli_refuses_unknown_format_and_missing_path(
    fixture_layout: Layout, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(fixture_layout.root, [], "xml") == 2
    assert "不支持的输出格式" in capsys.readouterr().err
    assert run(fixture_layout.root, ["projects/none.yaml"], "text") == 2
    assert "找不到路径" in capsys.readouterr().err


def test_the_real_repository_has_no_errors() -> None:
    result = validate_repository(Layout(repository_root()))
    errors = [p.text() for p in result.problems if p.severity is Severity.ERROR]
    assert errors == []
    assert result.model is not None
