"""``invoke new``: a new, valid project file from answers, asked or given as options.

College secretaries are rarely YAML experts. Two doors, one set of rules
(`showcase.commands.new_questions`, `showcase.commands.new_answers`):

- `new`: a dialogue in Chinese. Every choice takes the number shown, the Chinese label
  (or an unambiguous part of it, 纺织) or the English key; the start month defaults to this
  month; members are asked one after another, a member who is not to be named gets no
  name at all (``public: false``). A wrong answer is explained, with an example, and asked
  again, as often as needed; Ctrl-D or Ctrl-C cancels and writes nothing.
- `new_from_options`: for scripts and tests, never asks; every bad or missing option is
  reported in Chinese naming the option, exit code 1, nothing written.

Why the file is validated *before* it is written: the whole file is checked by the real
validator in an overlay of the repository (`validate_in_overlay`, as ``from-issue`` does),
so a file that ``./dev validate`` would refuse (a name another project already uses, say)
is never left behind for the secretary to repair in YAML. The dialogue then asks again
the questions the problems name; the options door reports them and stops. After writing,
the same validation runs on the written file and its result is printed, exactly what
``./dev validate <file>`` says. Nothing is ever overwritten or written through a symlink.

Example::

    new_from_options(Path("."), NewOptions(college="纺织", id="smart-yarn", name="智能纱线",
                     fields="纺织服装", summary="…", members=("张三:负责人",)))
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from showcase.commands.common import project_schema
from showcase.commands.new_answers import AnswerError, yes_or_no
from showcase.commands.new_questions import FIRST_ROLE, QuestionTable, RegistryUnusable
from showcase.forms.from_issue import project_text, validate_in_overlay
from showcase.load.files import first_symlink
from showcase.paths import Layout
from showcase.problems import Problem, Severity
from showcase.validate import validate_repository
from showcase.validate.personal_data import mask_output
from showcase.validate.report import format_problems

Ask = Callable[[str], str]
Out = Callable[[str], None]


@dataclass(frozen=True)
class NewOptions:
    """The answers given in advance, as typed ("" or () = not given).

    Choices take a number, a Chinese label (or part of one) or an English key; `fields`
    and `mentors` several, separated by commas. `members` are ``姓名:角色[:专业[:年级]]``,
    `hidden_members` (not to be named, no name written) ``:角色[:专业[:年级]]``: the
    same with the name slot left empty, so a name typed out of habit is refused.
    """

    college: str = ""
    id: str = ""
    name: str = ""
    level: str = ""
    stage: str = ""
    status: str = ""
    fields: str = ""
    summary: str = ""
    started: str = ""
    mentors: str = ""
    members: tuple[str, ...] = ()
    hidden_members: tuple[str, ...] = ()


class _Stop(Exception):
    """Ends the dialogue with a message for the user (already in Chinese)."""


class _Declined(Exception):
    """The user answered n to the confirmation: like Ctrl-C, nothing is written."""


@dataclass(frozen=True)
class Refusal:
    """Why the options cannot become a file: the option at fault ("" when none is), what
    to fix, and the id of the validator's rule that refuses the same value in a file
    ("" when no rule does), so other doors can be compared with this one by rule."""

    option: str
    message: str
    rule: str = ""

    def text(self) -> str:
        said = f"{self.option}：{self.message}" if self.option else self.message
        return said if said.endswith(("。", "）")) else said + "。"


def check_options(
    root: Path, options: NewOptions, today: datetime.date | None = None
) -> tuple[dict[str, Any] | None, list[Refusal]]:
    """The project record the options describe, checked option by option and then as the
    whole file would be by ``./dev validate``; or None and every refusal. Writes nothing.

    A choice or month not given takes its default (学院创业苗圃, 种子期, 在孵, this month);
    the college, id, name, fields, summary and at least one member must be given.
    """
    day = today or datetime.date.today()
    layout = Layout(root)
    try:
        table = QuestionTable(layout, project_schema(layout), day)
    except RegistryUnusable as error:
        return None, [Refusal("", str(error))]
    answers: dict[str, Any] = {}
    refusals: list[Refusal] = []
    for question in table.questions:
        try:
            answers[question.key] = question.read(getattr(options, question.key, ""))
        except AnswerError as error:
            refusals.append(Refusal(f"--{question.key}", str(error), error.rule))
    team = []
    for flag, texts, public in (
        ("--member", options.members, True),
        ("--hidden-member", options.hidden_members, False),
    ):
        for text in texts:
            try:
                team.append(table.member(text, public))
            except AnswerError as error:
                refusals.append(Refusal(f"{flag} {text}", str(error), error.rule))
    if not options.members and not options.hidden_members:
        refusals.append(Refusal("--member", _NO_MEMBER, "schema.required"))
    if refusals:
        return None, refusals
    data = _project({**answers, "team": team}, table.properties)
    refusal = _refusal(layout, data)
    if refusal:
        return None, [Refusal("", refusal)]
    problems = _overlay_problems(layout, data, day) or []
    options_of = {key: f"--{key}" for key in table.by_key} | {"team": "--member"}
    refusals = [
        Refusal(options_of.get(key, ""), f"{problem.message}修改建议：{problem.hint}", problem.rule)
        for problem in problems
        if problem.severity is Severity.ERROR
        for key in _keys_of([problem])
    ]
    return (None, refusals) if refusals else (data, [])


def new_from_options(
    root: Path, options: NewOptions, out: Out = print, today: datetime.date | None = None
) -> int:
    """Write the project the options describe, asking nothing: 0 written (and valid), 1
    refused, with every bad or missing option named (`check_options`) and nothing written."""
    day = today or datetime.date.today()
    data, refusals = check_options(root, options, day)
    if data is None:
        lines = [refusal.text() for refusal in refusals]
        out(mask_output("\n".join(["错误：以下选项需要修改，没有写入任何文件。", *lines])))
        return 1
    return _write(Layout(root), data, out, day)


_NO_MEMBER = (
    "缺少团队成员：至少给出一个 --member 姓名:角色（例如 --member 张三:负责人），"
    "不公开姓名的成员用 --hidden-member :角色:专业（冒号开头，不写姓名，例如 --hidden-member :算法:计算机）"
)


def new(
    root: Path,
    options: NewOptions | None = None,
    ask: Ask = input,
    out: Out = print,
    today: datetime.date | None = None,
) -> int:
    """Ask for what `options` do not give, check, write; 0 on success, 1 when cancelled."""
    day = today or datetime.date.today()
    layout = Layout(root)
    try:
        table = QuestionTable(layout, project_schema(layout), day)
        dialogue = _Dialogue(table, ask, out)
        data = dialogue.run(options or NewOptions())
    except (_Stop, RegistryUnusable) as stop:
        out(f"错误：{stop}")
        return 1
    except (KeyboardInterrupt, _Declined):
        out("\n已取消，没有写入任何文件。")
        return 1
    return _write(layout, data, out, day)


class _Dialogue:
    """One question at a time, each asked again until its answer can be used."""

    def __init__(self, table: QuestionTable, ask: Ask, out: Out):
        self.table, self._ask, self._out = table, ask, out

    def run(self, options: NewOptions) -> dict[str, Any]:
        answers: dict[str, Any] = {}
        for question in self.table.questions:
            given = getattr(options, question.key, "")
            answers[question.key] = self._answer(question.key, given)
        answers["team"] = self._team(options)
        while True:
            data = _project(answers, self.table.properties)
            layout = self.table.layout
            refusal = _refusal(layout, data)
            if refusal:
                raise _Stop(refusal)
            problems = _overlay_problems(layout, data, self.table.today)
            if problems is None:
                self._out("将要写入的文件：\n" + project_text(data))
                if self._until_valid("确认写入？（直接回车写入，输入 n 放弃）", _confirm):
                    return data
                raise _Declined
            self._out(_report(problems))
            again = _keys_of(problems)
            if not again or not again <= {*self.table.by_key, "team"}:
                self._out(project_text(data))
                raise _Stop("上面的问题无法在这里修改，没有写入任何文件；以上是已填写的内容。")
            self._out("请重新回答有问题的几项：")
            order = [*self.table.by_key, "team"]
            for key in sorted(again, key=order.index):
                answers[key] = self._team(NewOptions()) if key == "team" else self._answer(key)

    def _answer(self, key: str, given: str = "") -> Any:
        """The answer the option `given` holds, else (or when it cannot be used) asked."""
        question = self.table.by_key[key]
        if given:
            try:
                return question.read(given)
            except AnswerError as error:
                self._out(mask_output(f"  ✗ --{key}「{given}」不能用：{error}。请重新回答："))
        for line in question.listing:
            self._out(line)
        return self._until_valid(question.prompt, question.read, question.prompt)

    def _team(self, options: NewOptions) -> list[dict[str, Any]]:
        team: list[dict[str, Any]] = []
        for texts, public in ((options.members, True), (options.hidden_members, False)):
            for text in texts:
                try:
                    team.append(self.table.member(text, public))
                except AnswerError as error:
                    self._out(mask_output(f"  ✗ 成员「{text}」不能用：{error}。请稍后重新输入。"))
        if team:
            self._out("已有成员：" + "；".join(_member_text(m) for m in team))
        while not team or (
            len(team) < self.table.max_members
            and self._until_valid("还有其他成员吗？（有 / 没有，直接回车表示没有）", yes_or_no)
        ):
            team.append(self._member(len(team) + 1))
        return team

    def _member(self, number: int) -> dict[str, Any]:
        part = self.table.member_part
        self._out(f"第 {number} 位成员：")
        name = self._until_valid(
            "  姓名（本人不同意公开姓名的，直接回车：文件里不写姓名，网站只显示人数）",
            lambda answer: part("name", answer),
        )
        default_role = FIRST_ROLE if number == 1 else "成员"
        role = self._until_valid(
            f"  角色（例如 技术负责人；直接回车表示“{default_role}”）",
            lambda answer: part("role", answer, default_role),
        )
        major = self._until_valid("  专业（可直接回车跳过）", lambda answer: part("major", answer))
        grade = self._until_valid(
            "  年级（例如 2023级本科；可直接回车跳过）", lambda answer: part("grade", answer)
        )
        member = {"name": name, "role": role, "major": major, "grade": grade}
        member = {key: value for key, value in member.items() if value}
        if not name:
            member["public"] = False
            self._out("  这位成员不公开姓名：文件里只写角色、专业和年级（public: false）。")
        return member

    def _until_valid(self, prompt: str, read: Callable[[str], Any], label: str = "") -> Any:
        """Ask until `read` accepts the answer; EOF (Ctrl-D, closed stdin) stops."""
        while True:
            try:
                answer = self._ask(f"{prompt}：")
            except EOFError:
                self._out("")
                raise _Stop(
                    f"没有读到输入（已按 Ctrl-D 或标准输入已关闭），还缺少「{label or prompt}」，"
                    "没有写入任何文件。请在终端里运行 ./dev new 按提示回答；"
                    "脚本里请用 ./dev new --yes 并用选项给出全部内容（见 ./dev new --help）。"
                ) from None
            try:
                return read(answer)
            except AnswerError as error:
                self._out(mask_output(f"  ✗ {error}。"))


def _confirm(answer: str) -> bool:
    return yes_or_no(answer, default=True)


def _project(answers: dict[str, Any], properties: Any) -> dict[str, Any]:
    """The project record in schema order, with the registration milestone.

    The milestone 登记入库 is dated the start month: a project started twenty months ago
    entered its level then, not on the day somebody typed it in."""
    data = {key: value for key, value in answers.items() if value not in ("", None, [])}
    data["milestones"] = [{"date": data["started"], "level": data["level"], "note": "登记入库"}]
    return {key: data[key] for key in properties if key in data}


def _refusal(layout: Layout, data: dict[str, Any]) -> str:
    """Why the file cannot be placed at all (it exists, or a symlink is on the way)."""
    target = layout.project_file(data["college"], data["id"])
    for unsafe in (
        first_symlink(layout.root, target),
        first_symlink(layout.root, layout.build_dir),
    ):
        if unsafe is not None:
            return f"{layout.relative(unsafe)} 是符号链接，为避免写到仓库之外，已停止。"
    if target.exists():
        return (
            f"文件 {layout.relative(target)} 已存在，未做任何修改。"
            "请换一个项目编号，或直接编辑已有文件。"
        )
    return ""


def _overlay_problems(
    layout: Layout, data: dict[str, Any], today: datetime.date
) -> list[Problem] | None:
    """The validator's errors for the file as if it were written, or None when it passes."""
    target = layout.project_file(data["college"], data["id"])
    result = validate_in_overlay(layout, target, project_text(data), today)
    return None if result.ok else result.problems


def _write(layout: Layout, data: dict[str, Any], out: Out, today: datetime.date) -> int:
    target = layout.project_file(data["college"], data["id"])
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8", newline="\n") as file:
        file.write(project_text(data))
    relative = layout.relative(target)
    out(f"已创建 {relative}。检查结果（与 ./dev validate {relative} 相同）：")
    result = validate_repository(layout, [target], today=today)
    out(format_problems(result.problems, "text", files_checked=result.files_checked))
    hidden = sum(1 for member in data["team"] if member.get("public") is False)
    if hidden:
        out(
            f"有 {hidden} 位成员不公开姓名（public: false），文件里没有他们的姓名；"
            f"网站上只显示“另有 {hidden} 名成员未公开姓名”。"
        )
    out(
        f"下一步：按需补充成果、链接等字段，再运行 ./dev validate {relative} 检查，然后提交合并请求。"
    )
    return 0 if result.ok else 1


def _report(problems: list[Problem]) -> str:
    return format_problems(problems, "text", files_checked=1)


def _keys_of(problems: list[Problem]) -> set[str]:
    """The top-level fields the errors are about (``team[2].role（角色）`` → team)."""
    keys = set()
    for problem in problems:
        if problem.severity is Severity.ERROR:
            keys.add(problem.field.split("（")[0].split("[")[0].split(".")[0] or "?")
    return keys


def _member_text(member: dict[str, Any]) -> str:
    shown = member.get("name") or "（不公开姓名）"
    return " ".join(str(v) for v in (shown, member["role"], member.get("major")) if v)
