"""What a typed answer of `invoke new` means, or why it cannot be used (in Chinese).

Both doors of `invoke new` (the dialogue and the options for scripts) read every answer
here, so they accept and refuse the same things:

- a choice (college, level, stage, status, fields, mentors) is the number shown, the
  Chinese label (exact, an unambiguous part such as 纺织, or a shortening such as
  纺织学院 for 纺织科学与工程学院), or the English key; the
  labels come from their one owner (the label tables in `showcase.model`, the registries
  under content/);
- a text answer is checked by the validator's own pieces: the project schema (lengths,
  patterns, the rule that a non-public member carries no name) and the personal-data
  scanner, so the message is the one ``./dev validate`` would print;
- a month (``started``) is checked by the validator's date rules (real, not too far ahead).

Every refusal is an `AnswerError` whose text says what is wanted, with an example.

Example::

    levels = Choices("孵化层级", [Option(k, v) for k, v in LEVELS.items()])
    levels.pick("众创")        # "makerspace"
    levels.pick("2")           # "makerspace"
"""

from __future__ import annotations

import copy
import datetime
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from showcase.load.yamlfile import load_yaml_bytes
from showcase.validate.dates import (
    FUTURE_TOLERANCE,
    MONTH_HINT,
    DateError,
    month_from_spelling,
    parse_date,
    too_far_ahead,
)
from showcase.validate.personal_data import scan_document
from showcase.validate.personal_text import PersonalDataRules
from showcase.validate.schema_check import SchemaChecker
from showcase.yamltext import to_yaml

_SEPARATORS = re.compile(r"[\s,，、;；]+")
_YES = {"y", "yes", "是", "有", "要", "还有", "1"}
_NO = {"n", "no", "否", "没有", "无", "不", "不要", "0"}


class AnswerError(ValueError):
    """An answer that cannot be used; the message (Chinese) says what to type instead.

    `rule` is the id of the validator's rule that refuses the same value in a file
    (``schema.enum``, ``date.future``…), so that every door can be compared by rule;
    "" for what has no file equivalent (a yes-or-no answer).
    """

    def __init__(self, message: str, rule: str = ""):
        super().__init__(message)
        self.rule = rule


@dataclass(frozen=True)
class Option:
    key: str
    label: str


def normalise(text: str) -> str:
    """The answer as typed, without surrounding spaces and with full-width digits and
    letters (２, ｍ) made ordinary, as a Chinese input method often types them."""
    return unicodedata.normalize("NFKC", text).strip()


class Choices:
    """A numbered list of options; `pick` reads a number, a (part of a) label or a key."""

    def __init__(self, title: str, options: list[Option], rule: str = "schema.enum"):
        self.title, self.options, self.rule = title, options, rule

    def lines(self) -> list[str]:
        width = len(str(len(self.options)))
        return [f"  {n:>{width}}. {o.label}（{o.key}）" for n, o in enumerate(self.options, 1)]

    def example(self) -> str:
        second = self.options[min(1, len(self.options) - 1)]
        return f"例如 {min(2, len(self.options))}、{second.label} 或 {second.key}"

    def pick(self, answer: str) -> str:
        text = normalise(answer)
        if not text:
            raise AnswerError(
                f"请填写{self.title}：输入序号、中文名称或英文编号，{self.example()}",
                "schema.required",
            )
        if text.isdigit():
            if 1 <= int(text) <= len(self.options):
                return self.options[int(text) - 1].key
            raise AnswerError(
                f"没有序号 {text}：{self.title}的序号是 1–{len(self.options)}，{self.example()}",
                self.rule,
            )
        for option in self.options:
            if text.lower() == option.key or text == option.label:
                return option.key
        found = [
            o for o in self.options if text in o.label or (text.isascii() and text.lower() in o.key)
        ] or [o for o in self.options if len(text) > 1 and _in_order(text, o.label)]
        if len(found) == 1:
            return found[0].key
        if found:
            listed = "、".join(f"{self.options.index(o) + 1}. {o.label}（{o.key}）" for o in found)
            raise AnswerError(
                f"「{text}」可以指好几个{self.title}：{listed}。请输入其中一个的序号或完整名称",
                self.rule,
            )
        raise AnswerError(
            f"「{text}」不是可选的{self.title}：请输入列表里的序号、中文名称或英文编号，"
            f"{self.example()}",
            self.rule,
        )

    def pick_many(self, answer: str, least: int, most: int) -> list[str]:
        """Several picks separated by commas, 、 or spaces; repeats count once."""
        if not normalise(answer) and least:
            raise AnswerError(
                f"请填写{self.title}：输入序号、中文名称或英文编号，多个用逗号或空格分隔，"
                f"{self.example()}",
                "schema.required",
            )
        chosen: list[str] = []
        for part in _SEPARATORS.split(normalise(answer)):
            if part and (key := self.pick(part)) not in chosen:
                chosen.append(key)
        if not least <= len(chosen) <= most:
            at_least = f"至少 {least} 个、" if least else ""
            raise AnswerError(
                f"{self.title}请选择{at_least}最多 {most} 个（现在是 {len(chosen)} 个），"
                f"多个用逗号或空格分隔，例如 1,3 或 {self.options[0].label}、{self.options[-1].label}",
                "schema.min-items" if len(chosen) < least else "schema.max-items",
            )
        return chosen


def _in_order(short: str, label: str) -> bool:
    """Whether `short` is `label` with characters left out (纺织学院 → 纺织科学与工程学院),
    the way people shorten a college's name."""
    rest = iter(label)
    return all(char in rest for char in short)


def yes_or_no(answer: str, default: bool = False) -> bool:
    """有/是/y → True; 没有/否/n → False; Enter → `default`."""
    text = normalise(answer).lower()
    if not text:
        return default
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise AnswerError(f"「{answer.strip()}」不是“是”或“否”：请输入 y（是、有）或 n（否、没有）")


def parse_month(answer: str, today: datetime.date) -> str:
    """``YYYY-MM`` of a month typed as 2025-03, 2025-3, 2025/3 or 2025年3月; Enter is this
    month. Refused like the validator refuses it: a month that does not exist, or one too
    far ahead (`showcase.validate.dates`)."""
    text = normalise(answer)
    this_month = f"{today.year:04d}-{today.month:02d}"
    if not text:
        return this_month
    example = MONTH_HINT
    written = month_from_spelling(text)
    if written is None:
        raise AnswerError(
            f"「{text}」不是年月：{example}；直接回车表示本月（{this_month}）", "schema.pattern"
        )
    try:
        date = parse_date(written)
    except DateError as error:
        raise AnswerError(
            f"「{text}」不是真实存在的年月：{error}；{example}", "date.invalid"
        ) from None
    if date is not None and too_far_ahead(date, today):
        latest = today + FUTURE_TOLERANCE
        raise AnswerError(
            f"「{written}」还没到（今天是 {today.isoformat()}）：启动时间写项目已经开始的年月，"
            f"最晚 {latest.year:04d}-{latest.month:02d}，例如 {this_month}",
            "date.future",
        )
    return written


class ProjectChecks:
    """The validator's per-value rules for answers: schema and personal data.

    The schema is the project schema with nothing required, so a record holding only the
    answers given so far is checked exactly as the full file will be.
    """

    def __init__(self, schema: dict[str, Any], site: Any, today: datetime.date):
        partial = copy.deepcopy(schema)
        partial["required"] = []
        self._schema = schema
        self._checker = SchemaChecker(partial)
        self._rules = PersonalDataRules.for_site(site, today)

    def check(self, key: str, value: Any) -> Any:
        """`value` for the project field `key`, or AnswerError with the validator's words."""
        raw = to_yaml({key: value}).encode("utf-8")
        document, problems = load_yaml_bytes(raw, "回答")
        if document is not None:
            problems += self._checker.check(document)
            problems += scan_document(document, self._schema, self._rules)
        if problems:
            first = problems[0]
            hint = f"修改建议：{first.hint}" if first.hint else ""
            raise AnswerError(f"{first.message}{hint}".rstrip("。"), first.rule)
        return value


HIDDEN_SHAPE = ":角色[:专业[:年级]]（冒号开头，姓名那一格留空），例如 :算法:计算机科学与技术"


def member_from_text(text: str, public: bool) -> dict[str, str | bool]:
    """A member written as ``姓名:角色[:专业[:年级]]``; one not named writes the same with
    the name left empty, ``:角色[:专业[:年级]]``. Colons may be full-width.

    The empty name slot is what makes a member not named: ``王五:负责人`` given for one is
    refused, never read as role 王五, so a name typed out of habit cannot reach the file."""
    parts = [part.strip() for part in re.split(r"[:：]", normalise(text))]
    keys = ["name", "role", "major", "grade"]
    if not public and parts[0]:
        raise AnswerError(
            f"「{text}」：不公开姓名的成员不写姓名。写成 {HIDDEN_SHAPE}；"
            f"「{parts[0]}」若是角色，在前面加一个冒号即可",
            "privacy.hidden-member-name",
        )
    if not 2 <= len(parts) <= len(keys) or not all(parts[int(not public) : 2]):
        shape = "姓名:角色[:专业[:年级]]，例如 张三:负责人:纺织工程:2023级本科"
        rule = "schema.unknown-field" if len(parts) > len(keys) else "schema.required"
        raise AnswerError(f"「{text}」的格式不对：写成 {shape if public else HIDDEN_SHAPE}", rule)
    member: dict[str, str | bool] = {k: v for k, v in zip(keys, parts, strict=False) if v}
    if not public:
        member["public"] = False
    return member
