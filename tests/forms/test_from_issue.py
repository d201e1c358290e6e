"""`invoke from-issue`: issue bodies back into project files, checked by the validator."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest

from showcase.commands.from_issue import from_issue as run
from showcase.forms.from_issue import parse_issue, unsafe_path_parts
from showcase.load.yamlfile import load_yaml
from showcase.paths import repository_root
from tests.factories import project_schema

BODY = Path(__file__).parent / "new-project-issue.md"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    for folder in ("content", "schemas", "projects"):
        shutil.copytree(repository_root() / folder, root / folder)
    return root


def test_issue_body_becomes_a_valid_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(repo, str(BODY), write=True) == 0
    out = capsys.readouterr().out
    assert "已写入 projects/textile/bamboo-socks.yaml" in out and "全部通过" in out
    document, problems = load_yaml(repo / "projects/textile/bamboo-socks.yaml", "x")
    assert problems == [] and document is not None
    data = document.data
    assert document.text.startswith("# yaml-language-server: $schema=../../schemas/")
    assert data["fields"] == ["textile-apparel", "new-materials"]
    assert data["keywords"] == ["竹纤维", "抑菌", "运动袜"]
    assert data["team"][1] == {"name": "周衡", "role": "工艺", "major": "轻化工程"}
    assert data["achievements"][0]["type"] == "award"
    assert data["achievements"][1]["amount_cny"] == 50000
    assert data["milestones"] == [
        {"date": "2024-03", "level": "nursery", "note": "入驻经纬创业苗圃"}
    ]
    assert "description" not in data and "links" not in data


@pytest.mark.parametrize(
    "line",
    [
        "不公开 | 财务 | 会计学",
        "不公开|财务|会计学",
        "| 不公开 | 财务 | 会计学 |",
        "  不公开 |财务| 会计学  ",
    ],
)
def test_a_member_not_named_becomes_public_false_without_a_name(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str
) -> None:
    body = BODY.read_text(encoding="utf-8").replace("周衡 | 工艺 | 轻化工程", line)
    issue = tmp_path / "issue.md"
    issue.write_text(body, encoding="utf-8")
    assert run(repo, str(issue), write=True) == 0, capsys.readouterr().out
    document, _ = load_yaml(repo / "projects/textile/bamboo-socks.yaml", "x")
    assert document is not None
    assert document.data["team"] == [
        {"name": "林晓", "role": "负责人", "major": "纺织工程", "grade": "2022级本科"},
        {"role": "财务", "major": "会计学", "public": False},
    ]


@pytest.mark.parametrize(
    "line",
    [
        "王五（不公开） | 财务 | 会计学",
        "不公开：王五 | 财务",
        "王五 不公开 | 财务",
        "不公开王五|财务",
    ],
)
def test_a_name_written_beside_not_named_is_refused_and_never_repeated(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str
) -> None:
    body = BODY.read_text(encoding="utf-8").replace("周衡 | 工艺 | 轻化工程", line)
    issue = tmp_path / "issue.md"
    issue.write_text(body, encoding="utf-8")
    assert run(repo, str(issue), write=True, fmt="json") == 1
    report = json.loads(capsys.readouterr().out)
    assert [p["rule"] for p in report["problems"]] == ["issue.unreadable"]
    assert "王五" not in json.dumps(report, ensure_ascii=False)
    assert not (repo / "projects/textile/bamboo-socks.yaml").exists()


def test_without_write_the_repository_is_untouched(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(repo, str(BODY), write=False) == 0
    assert "id: bamboo-socks" in capsys.readouterr().out
    assert not (repo / "projects/textile/bamboo-socks.yaml").exists()


def test_validator_problems_are_reported(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = BODY.read_text(encoding="utf-8").replace("周衡 | 工艺", "周衡 | 工艺 13812345678")
    body = body.replace("2024-03 | 学院创业苗圃", "2024/03 | 学院创业苗圃")
    bad = tmp_path / "issue.md"
    bad.write_text(body, encoding="utf-8")
    assert run(repo, str(bad), write=False) == 1
    out = capsys.readouterr().out
    assert "发现手机号「138****5678」" in out
    assert "milestones[1].date（日期）: 格式不对：「2024/03」" in out


HOSTILE_IDS = [
    "../../x",
    "..",
    "/abs",
    "/etc/passwd",
    "a/b",
    "a\\b",
    "C:x",
    "x\0",
    "~root",
    "%2e%2e",
    "b\u0430mboo",  # Cyrillic a
    "ｂａｍｂｏｏ",  # full-width letters
    "bamboo\u200bsocks",  # zero-width space
    "bamboo\u202esocks",  # right-to-left override
    "-bamboo",
    "bamboo-",
    "a--b",
    "Bamboo Socks",
    "x" * 65,
    "x" * 5000,
]


def _tree(root: Path) -> set[str]:
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}


@pytest.mark.parametrize("hostile", HOSTILE_IDS)
@pytest.mark.parametrize("write", [False, True])
def test_an_unsafe_id_stops_before_any_path_is_built(
    repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    hostile: str,
    write: bool,
) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    bad = tmp_path / "issue.md"
    bad.write_text(BODY.read_text(encoding="utf-8").replace("bamboo-socks", hostile), "utf-8")
    before = _tree(tmp_path)
    assert run(repo, str(bad), write=write) == 1
    out = capsys.readouterr().out
    assert "issue.md:7:1: 错误 id（项目编号）: 项目编号格式不对，无法用它生成文件路径。" in out
    assert hostile not in out
    assert _tree(tmp_path) == before
    assert not Path("/x").exists() and not Path("/abs").exists()


def test_an_unsafe_college_is_refused_too() -> None:
    problems = unsafe_path_parts(
        BODY.read_text(encoding="utf-8"),
        "issue.md",
        {"id": "bamboo-socks", "college": "../textile"},
        project_schema(),
    )
    assert [(p.rule, p.line, p.field) for p in problems] == [
        ("schema.pattern", 11, "college（所属学院）")
    ]


def test_a_dry_run_writes_nothing_outside_the_repository(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    before = _tree(tmp_path)
    assert run(repo, str(BODY), write=False) == 0
    assert _tree(tmp_path) == before
    assert list(scratch.iterdir()) == []
    assert list((repo / "build").iterdir()) == []


def test_unreadable_answers_name_the_body_line() -> None:
    body = BODY.read_text(encoding="utf-8")
    body = body.replace("种子期（seed）", "天使期").replace(
        "2024-03 | 学院创业苗圃 | 入驻经纬创业苗圃", "2024-03 | 学院创业苗圃 | 入驻 | 多余"
    )
    _, problems = parse_issue(body, "issue.md", project_schema())
    lines = body.split("\n")
    assert [(p.rule, p.field, lines[p.line - 1]) for p in problems] == [
        ("issue.unreadable", "stage（阶段）", "天使期"),
        ("issue.unreadable", "milestones（孵化历程）", "2024-03 | 学院创业苗圃 | 入驻 | 多余"),
    ]
    assert "不是可选项" in problems[0].message and "最多 3 栏" in problems[1].message


def test_existing_project_is_not_overwritten(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    existing = next((repo / "projects/textile").glob("*.yaml")).stem
    bad = tmp_path / "issue.md"
    bad.write_text(BODY.read_text(encoding="utf-8").replace("bamboo-socks", existing), "utf-8")
    assert run(repo, str(bad), write=True) == 1
    assert "已经存在" in capsys.readouterr().err


@pytest.mark.parametrize("college", ["evil（evil）", "未知学院（nowhere）"])
def test_a_file_that_fails_is_never_written(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], college: str
) -> None:
    body = BODY.read_text(encoding="utf-8")
    chosen = next(line for line in body.splitlines() if line.endswith("（textile）"))
    issue = tmp_path / "issue.md"
    issue.write_text(body.replace(chosen, college), encoding="utf-8")
    before = sorted(path.relative_to(repo) for path in (repo / "projects").rglob("*"))
    assert run(repo, str(issue), write=True) == 1
    assert "未写入仓库" in capsys.readouterr().err
    assert sorted(path.relative_to(repo) for path in (repo / "projects").rglob("*")) == before
