"""`invoke check-pr` against real temporary git repositories built from the fixture repo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from showcase.commands.check_pr import check_pr as run
from tests.editor_files import make_temporary_file
from tests.image_samples import HARMLESS, PERSONAL
from tests.review.pr_repo import PROJECT, git
from tests.validate.conftest import make_repository


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The fixture repository committed on `main`, with a branch `change` checked out."""
    root = make_repository(tmp_path / "repo").root
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    git(root, "checkout", "-q", "-b", "change")
    return root


def commit(repo: Path, files: dict[str, str]) -> None:
    for path, text in files.items():
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "change")


def check(
    repo: Path,
    capsys: pytest.CaptureFixture[str],
    author: str = "textile-club",
    summary: Path | None = None,
) -> tuple[int, dict, str]:
    code = run(repo, "main", author, "json", str(summary) if summary else "")
    out = capsys.readouterr()
    return code, json.loads(out.out), out.err


def rules(report: dict) -> list[tuple[str, str]]:
    return [(p["path"], p["rule"]) for p in report["problems"]]


def edited(repo: Path, old: str, new: str) -> str:
    text = (repo / PROJECT).read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new)


def test_clean_change_by_the_college_maintainer_passes_and_lists_old_and_new(
    repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = edited(repo, "level: makerspace\nstage: startup", "level: incubator\nstage: growth")
    text = text.replace(
        "    level: makerspace\n",
        "    level: makerspace\n  - date: 2025-03\n    level: incubator\n",
    )
    text = text.replace(
        "achievements:\n",
        "achievements:\n  - type: award\n    title: 获省赛金奖\n    date: 2025-05\n",
    )
    commit(repo, {PROJECT: text})
    summary = tmp_path / "summary.md"
    code, report, markdown = check(repo, capsys, summary=summary)
    assert (code, report["errors"]) == (0, 0), report
    assert "学校众创空间 → 校外孵化加速器" in markdown
    assert "| 阶段（stage） | startup | growth |" in markdown
    assert "获省赛金奖" in markdown
    assert summary.read_text(encoding="utf-8") == markdown
    assert "不公开的成员" not in markdown


def test_json_format_prints_only_the_report_on_standard_output(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commit(repo, {PROJECT: edited(repo, "stage: startup", "stage: growth")})
    assert run(repo, "main", "textile-club", "json", "") == 0
    out = capsys.readouterr()
    assert json.loads(out.out)["errors"] == 0
    assert out.err.startswith("## ") and "stage" in out.err


def test_change_outside_the_authors_folder_is_refused(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commit(
        repo,
        {PROJECT: edited(repo, "name: 好纱线", "name: 好纱线二代"), "schemas/extra.txt": "x\n"},
    )
    code, report, _ = check(repo, capsys, author="materials-club")
    assert code == 1
    assert rules(report) == [
        (PROJECT, "review.ownership"),
        ("schemas/extra.txt", "review.protected-path"),
    ]
    college, schema = report["problems"]
    assert "materials-club 不是学院 textile 的维护人" in college["message"]
    assert "textile-club" in college["message"]
    assert "只有众创空间维护人（centre）可以修改" in schema["message"]
    assert "projects/materials/" in college["hint"]


def test_maintainers_come_from_the_base_branch(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    colleges = (repo / "content/colleges.yaml").read_text(encoding="utf-8")
    widened = colleges.replace("- textile-club", "- textile-club\n      - intruder")
    commit(
        repo,
        {
            "content/colleges.yaml": widened,
            PROJECT: edited(repo, "name: 好纱线", "name: 好纱线二代"),
        },
    )
    code, report, _ = check(repo, capsys, author="intruder")
    assert code == 1
    assert ("content/colleges.yaml", "review.ownership") in rules(report)
    assert (PROJECT, "review.ownership") in rules(report)


def test_makerspace_maintainer_may_change_anything(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    renamed = edited(repo, "name: 好纱线", "name: 好纱线二代")
    commit(repo, {"content/pages/extra.md": "# 说明\n", PROJECT: renamed})
    code, report, _ = check(repo, capsys, author="Centre")
    assert (code, report["problems"]) == (0, [])


def test_personal_phone_number_on_an_added_line_is_caught_with_the_reason(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commit(
        repo,
        {
            PROJECT: edited(repo, "role: 负责人", "role: 负责人 13812345678"),
            "content/pages/note.md": "# 说明\n\n联系 139-1234-5678\n",
        },
    )
    code, report, markdown = check(repo, capsys, author="centre")
    assert code == 1
    phones = [p for p in report["problems"] if p["rule"] == "personal.phone"]
    assert [(p["path"], p["line"]) for p in phones] == [("content/pages/note.md", 3), (PROJECT, 14)]
    assert "138****5678" in phones[1]["message"] and "个人信息" in phones[1]["message"]
    assert "13812345678" not in markdown
    assert "文件含个人信息" in markdown


def test_broken_reference_is_caught(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    commit(repo, {PROJECT: edited(repo, "  - mentor-wang", "  - mentor-wong")})
    code, report, _ = check(repo, capsys)
    assert code == 1
    (problem,) = report["problems"]
    assert (problem["rule"], problem["line"]) == ("project.unknown-mentor", 20)
    assert "mentor-wong 不在导师名录" in problem["message"]
    assert "mentor-wang" in problem["hint"]


def test_new_renamed_and_deleted_projects_are_summarised(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = edited(repo, "id: good-yarn", "id: new-yarn").replace("name: 好纱线", "name: 新纱线")
    commit(repo, {"projects/textile/new-yarn.yaml": new})
    code, report, markdown = check(repo, capsys)
    assert code == 0, report
    assert "### 新项目" in markdown and "**新纱线**（`projects/textile/new-yarn.yaml`）" in markdown

    (repo / "projects/textile/new-yarn.yaml").rename(repo / "projects/textile/renamed.yaml")
    (repo / PROJECT).unlink()
    renamed = new.replace("id: new-yarn", "id: renamed")
    commit(repo, {"projects/textile/renamed.yaml": renamed})
    code, report, markdown = check(repo, capsys)
    assert code == 0, report
    assert "| 项目编号（id） | good\\-yarn | renamed |" in markdown


def test_deleted_project_is_summarised(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / PROJECT).unlink()
    commit(repo, {})
    code, report, markdown = check(repo, capsys)
    assert code == 0, report
    assert "### 删除的项目\n\n- **好纱线**（`projects/textile/good-yarn.yaml`）" in markdown


def test_unknown_base_is_a_clear_command_error(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(repo, "no-such-branch", "textile-club", "text", "") == 2
    assert "找不到提交 no-such-branch" in capsys.readouterr().err


def test_a_pull_request_that_only_replaces_a_logo_gets_the_logo_checked(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    logo = repo / "projects/textile/good-yarn/logo.png"
    git(repo, "checkout", "-q", "main")
    logo.parent.mkdir(parents=True)
    logo.write_bytes(HARMLESS["plain PNG"]())
    commit(repo, {PROJECT: (repo / PROJECT).read_text(encoding="utf-8") + "logo: logo.png\n"})
    git(repo, "checkout", "-q", "-B", "change")
    logo.write_bytes(PERSONAL["JPEG EXIF GPS"][0]())
    commit(repo, {})
    code, report, _ = check(repo, capsys)
    assert code == 1
    assert rules(report) == [(PROJECT, "image.metadata")]


def test_a_pull_request_that_removes_an_editors_file_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only adding or changing one is refused (tests/review/cases/review-temporary-file):
    removing one committed before the check existed is the fix."""
    root = make_repository(tmp_path / "repo").root
    swap = make_temporary_file(root / "projects/textile", ".good-yarn.yaml.swp")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "add", "-f", str(swap.relative_to(root)))
    git(root, "commit", "-q", "-m", "base with a swap file")
    git(root, "checkout", "-q", "-b", "change")
    git(root, "rm", "-q", str(swap.relative_to(root)))
    commit(root, {PROJECT: edited(root, "name: 好纱线", "name: 好纱线二代")})
    removed = git(root, "diff", "--name-status", "main", "change")
    assert f"D\t{swap.relative_to(root).as_posix()}" in removed.splitlines()
    code, report, _ = check(root, capsys)
    assert (code, rules(report)) == (0, [])
