"""`invoke new`: the file it writes is valid; it refuses bad or taken ids and survives EOF."""

from __future__ import annotations

import datetime
import json
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from showcase.commands.new import new
from showcase.load.yamlfile import load_yaml
from showcase.paths import SCHEMA_HEADER, Layout
from showcase.validate import validate_repository

REPO = Path(__file__).resolve().parents[2]
TODAY = datetime.date(2026, 11, 25)
SUMMARY = "用织物传感器监测康复训练动作的可穿戴护具，正在医院做小范围试用。"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    for folder in ("content", "schemas", "projects"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    return tmp_path


def answers(replies: Iterable[str]) -> Callable[[str], str]:
    """An `ask` that replays `replies` and then behaves like a closed stdin."""
    pending = iter(replies)

    def ask(prompt: str) -> str:
        try:
            return next(pending)
        except StopIteration:
            raise EOFError from None

    return ask


class Screen:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def __call__(self, line: str) -> None:
        self.lines.append(line)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def test_interactive_answers_write_a_valid_project(repo: Path) -> None:
    screen = Screen()
    replies = ["1", "knit-rehab-sleeve", "织感康复护套", "2", "", "3 8", SUMMARY, "林小禾", ""]
    code = new(repo, ask=answers(replies), out=screen, today=TODAY)
    assert code == 0, screen.text
    target = repo / "projects" / "textile" / "knit-rehab-sleeve.yaml"
    assert target.read_text(encoding="utf-8").startswith(SCHEMA_HEADER + "\n")
    document, problems = load_yaml(target, "knit-rehab-sleeve.yaml")
    assert problems == [] and document is not None
    schema = json.loads((repo / "schemas" / "project.schema.json").read_text(encoding="utf-8"))
    assert [e.message for e in Draft202012Validator(schema).iter_errors(document.data)] == []
    assert document.data == {
        "id": "knit-rehab-sleeve",
        "name": "织感康复护套",
        "college": "textile",
        "level": "makerspace",
        "stage": "seed",
        "status": "active",
        "fields": ["textile-apparel", "biomedicine"],
        "summary": SUMMARY,
        "started": "2026-11",
        "team": [{"name": "林小禾", "role": "负责人"}],
        "milestones": [{"date": "2026-11", "level": "makerspace", "note": "登记入库"}],
    }
    result = validate_repository(Layout(repo), [target], today=TODAY)
    assert [p.text() for p in result.problems] == []
    assert "已创建 projects/textile/knit-rehab-sleeve.yaml" in screen.text


def test_arguments_skip_their_questions(repo: Path) -> None:
    replies = ["", "", "1", SUMMARY, "林小禾", "技术负责人"]
    code = new(
        repo,
        college="computing",
        project_id="demo-app",
        name="演示应用",
        ask=answers(replies),
        out=Screen(),
        today=TODAY,
    )
    assert code == 0
    document, _ = load_yaml(repo / "projects" / "computing" / "demo-app.yaml", "demo-app.yaml")
    assert document is not None
    assert document.data["name"] == "演示应用" and document.data["level"] == "nursery"
    assert document.data["team"] == [{"name": "林小禾", "role": "技术负责人"}]


@pytest.mark.parametrize("name_answer", ["", "   ", "\u3000"])
def test_an_empty_name_writes_a_member_who_is_not_named(repo: Path, name_answer: str) -> None:
    screen = Screen()
    replies = ["", "", "1", SUMMARY, name_answer, "技术负责人"]
    code = new(
        repo,
        college="computing",
        project_id="quiet-app",
        name="低调应用",
        ask=answers(replies),
        out=screen,
        today=TODAY,
    )
    assert code == 0, screen.text
    target = repo / "projects" / "computing" / "quiet-app.yaml"
    document, _ = load_yaml(target, "quiet-app.yaml")
    assert document is not None
    assert document.data["team"] == [{"role": "技术负责人", "public": False}]
    assert "name:" not in target.read_text(encoding="utf-8").split("team:", 1)[1]
    assert validate_repository(Layout(repo), [target], today=TODAY).problems == []
    assert "不公开姓名（public: false），文件里没有姓名" in screen.text


def test_refuses_an_id_already_used_by_any_college(repo: Path) -> None:
    existing = repo / "projects" / "textile" / "smart-yarn-sensor.yaml"
    before = existing.read_bytes()
    screen = Screen()
    code = new(
        repo,
        college="computing",
        project_id="smart-yarn-sensor",
        name="重复编号",
        ask=answers([]),
        out=screen,
        today=TODAY,
    )
    assert code == 1
    assert "已被 projects/textile/smart-yarn-sensor.yaml 使用" in screen.text
    assert existing.read_bytes() == before
    assert not (repo / "projects" / "computing" / "smart-yarn-sensor.yaml").exists()


@pytest.mark.parametrize("bad_id", ["Smart_Yarn", "-lead", "trail-", "a", "中文编号", "two--dash"])
def test_refuses_a_bad_id_given_as_argument(repo: Path, bad_id: str) -> None:
    screen = Screen()
    code = new(repo, college="textile", project_id=bad_id, ask=answers([]), out=screen)
    assert code == 1
    assert "项目编号只能用小写英文字母" in screen.text
    assert not list(repo.glob("projects/textile/*[A-Z_]*.yaml"))


def test_a_bad_interactive_answer_is_explained_and_asked_again(repo: Path) -> None:
    screen = Screen()
    replies = ["Bad_ID", "good-id", "好名字项目", "", "", "1", SUMMARY, "林小禾", ""]
    code = new(repo, college="textile", ask=answers(replies), out=screen, today=TODAY)
    assert code == 0
    assert "✗ 项目编号只能用小写英文字母" in screen.text
    assert (repo / "projects" / "textile" / "good-id.yaml").is_file()


def test_end_of_input_fails_cleanly_without_writing(repo: Path) -> None:
    screen = Screen()
    code = new(
        repo,
        college="textile",
        project_id="no-input",
        name="无输入项目",
        ask=answers([]),
        out=screen,
    )
    assert code == 1
    assert "没有读到输入" in screen.text and "孵化层级" in screen.text
    assert not (repo / "projects" / "textile" / "no-input.yaml").exists()


def test_unknown_college_lists_the_valid_ones(repo: Path) -> None:
    screen = Screen()
    assert new(repo, college="physics", ask=answers([]), out=screen) == 1
    assert "没有编号为「physics」的学院" in screen.text and "textile" in screen.text


def test_personal_numbers_are_refused(repo: Path) -> None:
    screen = Screen()
    replies = ["", "", "1", "负责人电话是 13812345678，欢迎联系合作", SUMMARY, "林小禾", ""]
    code = new(
        repo,
        college="textile",
        project_id="no-phone",
        name="隐私测试",
        ask=answers(replies),
        out=screen,
        today=TODAY,
    )
    assert code == 0
    assert "不要填写手机号" in screen.text
    assert "13812345678" not in (repo / "projects/textile/no-phone.yaml").read_text("utf-8")


def test_gives_up_after_repeated_wrong_answers(repo: Path) -> None:
    screen = Screen()
    code = new(
        repo,
        college="textile",
        project_id="stubborn",
        name="反复出错",
        ask=answers(["9", "9", "9"]),
        out=screen,
    )
    assert code == 1
    assert "连续 3 次填写不正确" in screen.text
    assert not (repo / "projects" / "textile" / "stubborn.yaml").exists()
