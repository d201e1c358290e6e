"""The questions of `invoke new`, one table for the dialogue and the options alike.

Each `Question` names the project field it fills, the option that can answer it in
advance (``--level``), what is asked, the lines listed before asking (the choices), and
`read`: typed text → the value, or `AnswerError` saying what is wanted. `read("")` is the
answer to Enter (or to an option not given): the default, or "请填写…" when there is
none. Members are read by `QuestionTable.member`, since there may be several.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from showcase.commands.new_answers import (
    AnswerError,
    Choices,
    Option,
    ProjectChecks,
    member_from_text,
    parse_month,
)
from showcase.load.yamlfile import load_yaml
from showcase.model import LEVELS, STAGES, STATUSES
from showcase.paths import Layout

DEFAULTS = {"level": "nursery", "stage": "seed", "status": "active"}
"""What Enter (or an option not given) means for the choices that have a default."""
FIRST_ROLE = "负责人"


class RegistryUnusable(Exception):
    """A registry under content/ cannot be read; the message (Chinese) says what to do."""


@dataclass(frozen=True)
class Question:
    key: str
    """The project field, and the option (``--key``) that answers it in advance."""
    prompt: str
    read: Callable[[str], Any]
    choices: Choices | None = None
    """The options of a choice, listed before asking."""

    @property
    def listing(self) -> list[str]:
        return [f"{self.choices.title}：", *self.choices.lines()] if self.choices else []


class QuestionTable:
    """The questions for one repository, in the order they are asked."""

    def __init__(self, layout: Layout, schema: dict[str, Any], today: datetime.date):
        self.layout, self.today = layout, today
        site = _registry(layout, "site", None)
        self.checks = ProjectChecks(schema, site, today)
        self.properties = schema["properties"]
        self.required = set(schema.get("required", []))
        self.max_members = int(self.properties["team"].get("maxItems", 30))
        colleges = _options(_registry(layout, "colleges", "colleges"))
        fields = _options(_registry(layout, "fields", "fields"))
        try:
            mentors = _options(_registry(layout, "mentors", "mentors"))
        except RegistryUnusable:
            mentors = []  # a school without mentors yet: the question is left out
        self.questions = [
            self._choice("college", "学院", colleges, None, "project.unknown-college"),
            Question(
                "id",
                "项目编号（小写英文字母、数字、连字符，例如 smart-yarn-sensor）",
                self.project_id,
            ),
            self._text("name", "项目名称（2–40 字）", "智能纱线传感器"),
            self._choice("level", "孵化层级", _table(LEVELS), DEFAULTS["level"]),
            self._choice("stage", "发展阶段", _table(STAGES), DEFAULTS["stage"]),
            self._choice("status", "项目状态", _table(STATUSES), DEFAULTS["status"]),
            self._several("fields", "行业领域", fields, "project.unknown-field"),
            self._text(
                "summary",
                "一句话简介（10–200 字，不要换行）",
                "用织物传感器监测康复训练动作的可穿戴护具，正在医院试用",
            ),
            Question(
                "started",
                f"启动时间（年-月，直接回车表示本月 {today.year:04d}-{today.month:02d}）",
                lambda answer: parse_month(answer, today),
            ),
        ]
        if mentors:
            self.questions.append(
                self._several("mentors", "创业导师", mentors, "project.unknown-mentor")
            )
        self.by_key = {question.key: question for question in self.questions}

    def project_id(self, answer: str) -> str:
        """A well-formed id no college uses yet (ids are unique across the school)."""
        value = answer.strip()
        if not value:
            raise AnswerError(
                "请填写项目编号：小写英文字母、数字和连字符，例如 smart-yarn-sensor",
                "schema.required",
            )
        try:
            self.checks.check("id", value)
        except AnswerError as error:
            schema = self.properties["id"]
            raise AnswerError(
                f"「{value}」不能用作项目编号：项目编号只能用小写英文字母、数字和连字符，"
                f"{schema.get('minLength', 2)}–{schema.get('maxLength', 64)} 个字符，"
                "不能以连字符开头或结尾，例如 smart-yarn-sensor",
                error.rule,
            ) from None
        taken = sorted(self.layout.projects_dir.glob(f"*/{value}.yaml"))
        if taken:
            raise AnswerError(
                f"编号「{value}」已被 {self.layout.relative(taken[0])} 使用，"
                "项目编号在全校范围内不能重复，请换一个，例如在后面加上学院或年份",
                "project.duplicate-id",
            )
        return value

    def member(self, text: str, public: bool) -> dict[str, Any]:
        """A member from ``姓名:角色…`` (or ``角色…`` when not public), checked."""
        member = member_from_text(text, public)
        self.checks.check("team", [member])
        return member

    def member_part(self, key: str, answer: str, default: str = "") -> str:
        """One field of a member typed on its own (role, major, grade); "" = left out."""
        value = answer.strip() or default
        if value:
            self.checks.check("team", [{"name": "成员", "role": "成员", key: value}])
        return value

    def _choice(
        self, key: str, title: str, options: list[Option], default: str | None, rule: str = ""
    ) -> Question:
        choices = Choices(title, options, rule or "schema.enum")
        shown = next((o.label for o in options if o.key == default), "")
        prompt = f"{title}（序号、名称或编号" + (f"，直接回车选 {shown}）" if shown else "）")

        def read(answer: str) -> str:
            return default if default and not answer.strip() else choices.pick(answer)

        return Question(key, prompt, read, choices)

    def _several(self, key: str, title: str, options: list[Option], rule: str) -> Question:
        choices = Choices(title, options, rule)
        schema = self.properties[key]
        least, most = int(schema.get("minItems", 0)), int(schema.get("maxItems", len(options)))
        required = key in self.required
        enter = "" if required else "；没有就直接回车"
        prompt = f"{title}（序号、名称或编号，多个用逗号或空格分隔，最多 {most} 个{enter}）"

        def read(answer: str) -> list[str]:
            if not answer.strip() and not required:
                return []
            return self.checks.check(key, choices.pick_many(answer, least, most))

        return Question(key, prompt, read, choices)

    def _text(self, key: str, prompt: str, example: str) -> Question:
        title = self.properties[key].get("title", key)

        def read(answer: str) -> str:
            value = answer.strip()
            if not value:
                raise AnswerError(f"请填写{title}，例如 {example}", "schema.required")
            return self.checks.check(key, value)

        return Question(key, prompt, read)


def _options(entries: list[dict[str, Any]]) -> list[Option]:
    return [Option(str(e["id"]), str(e.get("name") or e["id"])) for e in entries]


def _table(labels: dict[str, str]) -> list[Option]:
    return [Option(key, label) for key, label in labels.items()]


def _registry(layout: Layout, name: str, key: str | None) -> Any:
    """A registry's list (or, with no `key`, its whole data), else RegistryUnusable."""
    path = layout.registry(name)
    document, problems = load_yaml(path, layout.relative(path))
    data = document.data if document else None
    if key is None:
        return data
    entries = data.get(key) if isinstance(data, dict) else None
    if problems or not isinstance(entries, list) or not entries:
        raise RegistryUnusable(
            f"无法读取 {layout.relative(path)}：请先运行 ./dev validate 修复其中的问题。"
        )
    return [entry for entry in entries if isinstance(entry, dict) and "id" in entry]
