"""`invoke new`: the dialogue writes a valid file, explains and re-asks every wrong answer
for as long as it takes, takes several members (named and not), and stops cleanly."""

from __future__ import annotations

import datetime
import os
import pty
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from showcase.commands.new import NewOptions, new
from showcase.load.yamlfile import load_yaml
from showcase.paths import SCHEMA_HEADER, Layout
from showcase.validate import validate_repository

REPO = Path(__file__).resolve().parents[2]
TODAY = datetime.date(2026, 11, 25)
SUMMARY = "用织物传感器监测康复训练动作的可穿戴护具，正在医院做小范围试用。"

ANSWERS = {
    "college": "纺织",
    "id": "knit-rehab-sleeve",
    "name": "织感康复护套",
    "level": "众创",
    "stage": "初创期",
    "status": "",
    "fields": "纺织服装、8",
    "summary": SUMMARY,
    "started": "",
    "mentors": "",
}
"""One answer per question, in the order asked (college … mentors), then the members."""
ONE_MEMBER = ["林小禾", "", "", "", ""]  # name, role (Enter: 负责人), major, grade, no more
EXPECTED = {
    "id": "knit-rehab-sleeve",
    "name": "织感康复护套",
    "college": "textile",
    "level": "makerspace",
    "stage": "startup",
    "status": "active",
    "fields": ["textile-apparel", "biomedicine"],
    "summary": SUMMARY,
    "started": "2026-11",
    "team": [{"name": "林小禾", "role": "负责人"}],
    "milestones": [{"date": "2026-11", "level": "makerspace", "note": "登记入库"}],
}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    for folder in ("content", "schemas", "projects"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    return tmp_path


def answers(replies: Iterable[str]) -> Callable[[str], str]:
    """An `ask` that replays `replies` and then behaves like a closed stdin (Ctrl-D)."""
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


def script(members: list[str] = ONE_MEMBER, confirm: str = "", **changed: str) -> list[str]:
    return [*{**ANSWERS, **changed}.values(), *members, confirm]


def written(repo: Path, college: str = "textile", project: str = "knit-rehab-sleeve") -> dict:
    target = repo / "projects" / college / f"{project}.yaml"
    assert target.read_text(encoding="utf-8").startswith(SCHEMA_HEADER + "\n")
    document, problems = load_yaml(target, target.name)
    assert problems == [] and document is not None
    assert validate_repository(Layout(repo), [target], today=TODAY).problems == []
    return document.data


def test_words_numbers_and_defaults_write_a_valid_project(repo: Path) -> None:
    screen = Screen()
    assert new(repo, ask=answers(script()), out=screen, today=TODAY) == 0, screen.text
    assert written(repo) == EXPECTED
    assert "已创建 projects/textile/knit-rehab-sleeve.yaml" in screen.text
    assert "检查了 1 个文件，全部通过" in screen.text  # the validation of the written file


def test_several_members_named_and_not_named(repo: Path) -> None:
    members = [
        *["林小禾", "", "纺织工程", "2023级本科", "有"],
        *["", "算法", "计算机科学与技术", "", "y"],
        *["\u3000", "", "", "", "没有"],
    ]
    screen = Screen()
    assert new(repo, ask=answers(script(members)), out=screen, today=TODAY) == 0, screen.text
    assert written(repo)["team"] == [
        {"name": "林小禾", "role": "负责人", "major": "纺织工程", "grade": "2023级本科"},
        {"role": "算法", "major": "计算机科学与技术", "public": False},
        {"role": "成员", "public": False},
    ]
    text = (repo / "projects/textile/knit-rehab-sleeve.yaml").read_text("utf-8")
    assert text.split("team:", 1)[1].count("name:") == 1
    assert "有 2 位成员不公开姓名（public: false）" in screen.text


# (question, wrong answer, what the re-ask says): each is followed by a right answer.
WRONG_ANSWERS = [
    ("college", "物理", "「物理」不是可选的学院"),
    ("college", "工程", "「工程」可以指好几个学院"),
    ("college", "13", "没有序号 13"),
    ("id", "Bad_ID", "「Bad_ID」不能用作项目编号：项目编号只能用小写英文字母"),
    (
        "id",
        "smart-yarn-sensor",
        "编号「smart-yarn-sensor」已被 projects/textile/smart-yarn-sensor.yaml 使用",
    ),
    ("name", "", "请填写项目名称"),
    ("name", "织", "太短"),
    ("college", "工程学院", "「工程学院」可以指好几个学院"),
    ("college", "学院", "「学院」可以指好几个学院"),
    ("level", "苗圃学院", "「苗圃学院」不是可选的孵化层级"),
    ("stage", "天使轮", "不是可选的发展阶段"),
    ("stage", "0", "没有序号 0"),
    ("status", "ok", "不是可选的项目状态"),
    ("fields", "", "请填写行业领域"),
    ("fields", "1 2 3 4 5 6", "最多 5 个"),
    ("summary", "负责人电话是 13812345678，欢迎联系合作", "发现手机号「138****5678」"),
    ("summary", "太短了", "太短"),
    ("started", "2027-05", "「2027-05」还没到"),
    ("started", "2025-13", "月份 13 不存在"),
    ("started", "去年三月", "不是年月：写成 年-月，例如 2025-03"),
    ("mentors", "林小禾", "「林小禾」不是可选的创业导师"),
]


@pytest.mark.parametrize(("question", "wrong", "explained"), WRONG_ANSWERS)
def test_a_wrong_answer_is_explained_and_asked_again(
    repo: Path, question: str, wrong: str, explained: str
) -> None:
    replies = script()
    position = list(ANSWERS).index(question)
    replies.insert(position, wrong)
    screen = Screen()
    assert new(repo, ask=answers(replies), out=screen, today=TODAY) == 0, screen.text
    assert any(line.startswith("  ✗ ") and explained in line for line in screen.lines)
    assert written(repo) == EXPECTED
    assert "13812345678" not in screen.text


@pytest.mark.parametrize(
    ("typed", "college"),
    [
        ("纺织学院", "textile"),
        ("材料学院", "materials"),
        ("计算机学院", "computing"),
        ("纺织", "textile"),
    ],
)
def test_a_short_college_name_that_picks_one_college_is_read(
    repo: Path, typed: str, college: str
) -> None:
    screen = Screen()
    replies = script(college=typed)
    assert new(repo, ask=answers(replies), out=screen, today=TODAY) == 0, screen.text
    assert written(repo, college)["college"] == college


def test_wrong_answers_never_end_the_dialogue(repo: Path) -> None:
    replies = script()
    replies[3:3] = ["第九层"] * 25
    screen = Screen()
    assert new(repo, ask=answers(replies), out=screen, today=TODAY) == 0
    assert screen.text.count("✗ 「第九层」不是可选的孵化层级") == 25
    assert written(repo) == EXPECTED


def test_wrong_member_answers_are_asked_again(repo: Path) -> None:
    members = ["林小禾", "电话13812345678", "", "", "", "也许", "n"]
    screen = Screen()
    assert new(repo, ask=answers(script(members)), out=screen, today=TODAY) == 0, screen.text
    assert "✗ 发现手机号「138****5678」" in screen.text
    assert "✗ 「也许」不是“是”或“否”" in screen.text
    assert written(repo)["team"] == [{"name": "林小禾", "role": "负责人"}]


def test_the_start_month_is_asked_and_dates_the_registration_milestone(repo: Path) -> None:
    """A project started long ago entered its level then, not on the day it was typed in."""
    prompts: list[str] = []
    replay = answers(script(started="2025年3月"))

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return replay(prompt)

    assert new(repo, ask=ask, out=Screen(), today=TODAY) == 0
    assert "启动时间（年-月，直接回车表示本月 2026-11）：" in prompts
    assert written(repo)["started"] == "2025-03"
    assert written(repo)["milestones"][0]["date"] == "2025-03"


def test_a_name_another_project_uses_is_asked_again_before_writing(repo: Path) -> None:
    taken = "经纬感知——可织造应变传感纱线"
    replies = script(name=taken)
    replies[-1:-1] = ["织感康复护套"]  # asked again for the name only, before confirming
    screen = Screen()
    assert new(repo, ask=answers(replies), out=screen, today=TODAY) == 0, screen.text
    assert "[project.duplicate-name]" in screen.text or "名称相同或几乎相同" in screen.text
    assert "请重新回答有问题的几项" in screen.text
    assert written(repo)["name"] == "织感康复护套"


def test_options_answer_their_questions_and_bad_ones_are_asked_again(repo: Path) -> None:
    options = NewOptions(
        college="computing", id="demo-app", name="演示应用", stage="增长", fields="软件"
    )
    replies = ["", "2", "", SUMMARY, "", "", "林小禾", "技术负责人", "", "", "", ""]
    screen = Screen()
    assert new(repo, options, ask=answers(replies), out=screen, today=TODAY) == 0, screen.text
    assert "✗ --stage「增长」不能用" in screen.text
    data = written(repo, "computing", "demo-app")
    assert (data["name"], data["level"], data["stage"]) == ("演示应用", "nursery", "startup")
    assert data["fields"] == ["software"]
    assert data["team"] == [{"name": "林小禾", "role": "技术负责人"}]


def test_end_of_input_cancels_without_writing(repo: Path) -> None:
    screen = Screen()
    code = new(repo, NewOptions(college="textile", id="no-input"), ask=answers([]), out=screen)
    assert code == 1
    assert "没有读到输入" in screen.text and "项目名称" in screen.text
    assert not (repo / "projects" / "textile" / "no-input.yaml").exists()


def test_ctrl_c_cancels_without_writing(repo: Path) -> None:
    replay = answers(script())

    def ask(prompt: str) -> str:
        if prompt.startswith("一句话简介"):
            raise KeyboardInterrupt
        return replay(prompt)

    screen = Screen()
    assert new(repo, ask=ask, out=screen, today=TODAY) == 1
    assert "已取消，没有写入任何文件" in screen.text
    assert not (repo / "projects" / "textile" / "knit-rehab-sleeve.yaml").exists()


def test_declining_the_confirmation_writes_nothing(repo: Path) -> None:
    screen = Screen()
    assert new(repo, ask=answers(script(confirm="n")), out=screen, today=TODAY) == 1
    assert "将要写入的文件" in screen.text and "已取消" in screen.text
    assert not (repo / "projects" / "textile" / "knit-rehab-sleeve.yaml").exists()


def test_the_real_dialogue_reads_a_scripted_stdin(repo: Path) -> None:
    """The real `input` and `print` (no injected functions), in a separate process."""
    program = (
        "import sys; from pathlib import Path; from showcase.commands.new import new; "
        "sys.exit(new(Path(sys.argv[1])))"
    )
    replies = script(started="2025-03")
    replies.insert(3, "第九层")
    completed = subprocess.run(
        [sys.executable, "-c", program, str(repo)],
        input="\n".join(replies) + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "✗ 「第九层」不是可选的孵化层级" in completed.stdout
    assert "还有其他成员吗？" in completed.stdout
    assert written(repo)["started"] == "2025-03"


def _in_terminal(repo: Path, steps: list[tuple[str, str]]) -> tuple[str, int]:
    """Run the real dialogue in a pseudo-terminal: when each prompt appears, type its keys.

    Returns what the terminal showed and the exit code. Ctrl-D (\\x04) reaches the
    program as from a keyboard, through the terminal's line discipline.
    """
    program = (
        "import sys; from pathlib import Path; from showcase.commands.new import new; "
        f"sys.exit(new(Path({str(repo)!r})))"
    )
    pid, terminal = pty.fork()
    if pid == 0:  # the child, whose controlling terminal this is
        os.chdir(REPO)
        os.execv(sys.executable, [sys.executable, "-c", program])
    shown, seen, pending = "", 0, list(steps)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if select.select([terminal], [], [], 1)[0]:
            try:
                chunk = os.read(terminal, 4096)
            except OSError:  # the child has ended
                break
            if not chunk:
                break
            shown += chunk.decode("utf-8", "replace")
        found = shown.find(pending[0][0], seen) if pending else -1
        if found >= 0:
            seen = found + len(pending[0][0])
            os.write(terminal, pending.pop(0)[1].encode("utf-8"))
    else:  # the deadline passed with the child still waiting for a key: end it, fail
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    os.close(terminal)
    return shown, os.waitstatus_to_exitcode(status)


TERMINAL_STEPS = [
    ("学院（", "纺织\r"),
    ("项目编号（", "knit-rehab-sleeve\r"),
    ("项目名称（", "织感康复护套\r"),
    ("孵化层级（", "第九层\r"),
    ("孵化层级（", "众创\r"),
    ("发展阶段（", "初创期\r"),
    ("项目状态（", "\r"),
    ("行业领域（", "纺织服装、8\r"),
    ("一句话简介（", SUMMARY + "\r"),
]


def test_the_dialogue_in_a_terminal_writes_the_file(repo: Path) -> None:
    steps = [
        *TERMINAL_STEPS,
        ("启动时间（", "2025-03\r"),
        ("创业导师（", "\r"),
        ("姓名（", "林小禾\r"),
        ("角色（", "\r"),
        ("专业（", "\r"),
        ("年级（", "\r"),
        ("还有其他成员吗", "有\r"),
        ("姓名（", "\r"),
        ("角色（", "算法\r"),
        ("专业（", "计算机\r"),
        ("年级（", "\r"),
        ("还有其他成员吗", "\r"),
        ("确认写入", "\r"),
    ]
    shown, code = _in_terminal(repo, steps)
    assert code == 0, shown
    assert "✗ 「第九层」不是可选的孵化层级" in shown
    data = written(repo)
    assert (data["level"], data["stage"], data["started"]) == ("makerspace", "startup", "2025-03")
    assert data["team"] == [
        {"name": "林小禾", "role": "负责人"},
        {"role": "算法", "major": "计算机", "public": False},
    ]


def test_ctrl_d_in_a_terminal_cancels_without_writing(repo: Path) -> None:
    shown, code = _in_terminal(repo, [*TERMINAL_STEPS, ("启动时间（", "\x04")])
    assert code == 1
    assert "没有读到输入" in shown and "Traceback" not in shown
    assert not (repo / "projects" / "textile" / "knit-rehab-sleeve.yaml").exists()
