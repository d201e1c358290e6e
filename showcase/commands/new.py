"""``invoke new [--college C] [--id ID] [--name N]``: a new, valid project file from answers.

College staff are rarely YAML experts; this asks in Chinese for what the schema requires,
checks each answer on the spot (with a hint on how to fix it) and writes
``projects/<college>/<id>.yaml`` in the same style as the examples, starting with the
``yaml-language-server`` line so editors offer completion. It never overwrites a file.

`ask` and `out` are injectable so tests (and other front ends) can drive it without a
terminal. When input ends (stdin closed, EOF) it stops with a message, not a traceback.

Example::

    new(Path("."), college="textile", project_id="smart-yarn", name="智能纱线")
    # asks for level, stage, fields, summary and the first member, then writes the file;
    # an empty name makes that member not named (``public: false``, no name in the file)
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from showcase.load.yamlfile import load_yaml
from showcase.model import LEVELS, STAGES
from showcase.paths import SCHEMA_HEADER, Layout, project_file_path
from showcase.yamltext import to_yaml

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ATTEMPTS = 3
"""Wrong answers allowed per question before giving up (keeps scripted runs finite)."""

_PERSONAL_NUMBER = re.compile(r"\d{8,}|1[3-9]\d[ -]\d{4}[ -]\d{4}")


class _Stop(Exception):
    """Ends the dialogue with a message for the user (already in Chinese)."""


def new(
    root: Path,
    college: str = "",
    project_id: str = "",
    name: str = "",
    ask: Callable[[str], str] = input,
    out: Callable[[str], None] = print,
    today: datetime.date | None = None,
) -> int:
    """Ask for what is missing, write the project file; 0 on success, 1 on any problem."""
    layout = Layout(root)
    try:
        colleges = _registry(layout, "colleges", "colleges")
        fields = _registry(layout, "fields", "fields")
        dialogue = _Dialogue(ask, out)
        college = dialogue.college(college, colleges)
        project_id = dialogue.project_id(project_id, layout)
        data = _project(dialogue, college, project_id, name, fields, today or datetime.date.today())
        target = layout.project_file(college, project_id)
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8", newline="\n") as file:
            file.write(SCHEMA_HEADER + "\n" + to_yaml(data))
    except _Stop as stop:
        out(f"错误：{stop}")
        return 1
    except FileExistsError:
        out(
            f"错误：文件 {project_file_path(college, project_id)} 已存在，未做任何修改。"
            "请换一个项目编号，或直接编辑已有文件。"
        )
        return 1
    except KeyboardInterrupt:
        out("\n已取消，没有写入任何文件。")
        return 1
    relative = project_file_path(college, project_id)
    out(f"已创建 {relative}。")
    if data["team"][0].get("public") is False:
        out(
            "第一位成员写成了不公开姓名（public: false），文件里没有姓名；"
            "网站上只显示“另有 1 名成员未公开姓名”。"
        )
    out(
        f"下一步：按需补充导师、成果、链接等字段，然后运行 ./dev validate {relative} 检查，"
        "再提交合并请求。"
    )
    return 0


def _project(
    dialogue: _Dialogue,
    college: str,
    project_id: str,
    name: str,
    fields: list[dict[str, Any]],
    today: datetime.date,
) -> dict[str, Any]:
    name = dialogue.text("项目名称（2–40 字）", name, 2, 40, "项目名称")
    level = dialogue.choice("孵化层级", LEVELS, "nursery")
    stage = dialogue.choice("发展阶段", STAGES, "seed")
    chosen_fields = dialogue.fields(fields)
    summary = dialogue.text("一句话简介（10–200 字，不要换行）", "", 10, 200, "一句话简介")
    member_name = dialogue.text(
        "第一位团队成员的姓名（本人不同意公开姓名的，直接回车：文件里不写姓名）",
        "",
        0,
        20,
        "成员姓名",
    )
    role = dialogue.text("该成员的角色（直接回车表示“负责人”）", "", 0, 30, "成员角色") or "负责人"
    member = {"name": member_name, "role": role} if member_name else {"role": role, "public": False}
    started = f"{today.year:04d}-{today.month:02d}"
    return {
        "id": project_id,
        "name": name,
        "college": college,
        "level": level,
        "stage": stage,
        "status": "active",
        "fields": chosen_fields,
        "summary": summary,
        "started": started,
        "team": [member],
        "milestones": [{"date": started, "level": level, "note": "登记入库"}],
    }


class _Dialogue:
    """One question at a time; every check explains in Chinese how to fix the answer."""

    def __init__(self, ask: Callable[[str], str], out: Callable[[str], None]):
        self._ask, self._out = ask, out

    def college(self, given: str, colleges: list[dict[str, Any]]) -> str:
        ids = [c["id"] for c in colleges]
        if given:
            if given not in ids:
                raise _Stop(
                    f"没有编号为「{given}」的学院。可选：{'、'.join(ids)}"
                    "（见 content/colleges.yaml）。"
                )
            return given
        self._out("可选学院：")
        for number, entry in enumerate(colleges, 1):
            self._out(f"  {number:>2}. {entry['id']:<14}{entry['name']}")

        def check(answer: str) -> str:
            if answer.isdigit() and 1 <= int(answer) <= len(ids):
                return ids[int(answer) - 1]
            if answer in ids:
                return answer
            raise ValueError("请输入列表中的序号或学院编号，例如 1 或 " + ids[0])

        return self._until_valid("学院（序号或编号）", check, "学院")

    def project_id(self, given: str, layout: Layout) -> str:
        def check(answer: str) -> str:
            if not (2 <= len(answer) <= 64 and ID_PATTERN.fullmatch(answer)):
                raise ValueError(
                    "项目编号只能用小写英文字母、数字和连字符，2–64 个字符，"
                    "不能以连字符开头或结尾，例如 smart-yarn-sensor"
                )
            taken = sorted(layout.projects_dir.glob(f"*/{answer}.yaml"))
            if taken:
                raise ValueError(
                    f"编号「{answer}」已被 {layout.relative(taken[0])} 使用，"
                    "项目编号在全校范围内不能重复，请换一个"
                )
            return answer

        if given:
            try:
                return check(given)
            except ValueError as error:
                raise _Stop(f"{error}。") from None
        return self._until_valid(
            "项目编号（小写英文字母、数字、连字符，例如 smart-yarn-sensor）", check, "项目编号"
        )

    def text(self, prompt: str, given: str, shortest: int, longest: int, label: str) -> str:
        def check(answer: str) -> str:
            if not shortest <= len(answer) <= longest:
                raise ValueError(
                    f"{label}需要 {shortest}–{longest} 个字，现在是 {len(answer)} 个字"
                )
            if _PERSONAL_NUMBER.search(answer):
                raise ValueError("请不要填写手机号、身份证号或学号：网站和仓库都是公开的")
            return answer

        if given:
            try:
                return check(given.strip())
            except ValueError as error:
                raise _Stop(f"{error}。") from None
        return self._until_valid(prompt, check, label)

    def choice(self, label: str, options: dict[str, str], default: str) -> str:
        keys = list(options)
        self._out(f"{label}：")
        for number, key in enumerate(keys, 1):
            self._out(f"  {number}. {options[key]}（{key}）")

        def check(answer: str) -> str:
            if not answer:
                return default
            if answer.isdigit() and 1 <= int(answer) <= len(keys):
                return keys[int(answer) - 1]
            if answer in keys:
                return answer
            raise ValueError(f"请输入 1–{len(keys)} 的序号")

        return self._until_valid(f"{label}（序号，直接回车选 {options[default]}）", check, label)

    def fields(self, fields: list[dict[str, Any]]) -> list[str]:
        ids = [f["id"] for f in fields]
        self._out("行业领域：")
        for number, entry in enumerate(fields, 1):
            self._out(f"  {number:>2}. {entry['name']}（{entry['id']}）")

        def check(answer: str) -> list[str]:
            chosen: list[str] = []
            for part in re.split(r"[\s,，、]+", answer.strip()):
                if part.isdigit() and 1 <= int(part) <= len(ids):
                    part = ids[int(part) - 1]
                if part not in ids:
                    raise ValueError(f"「{part}」不在列表中，请输入 1–{len(ids)} 的序号")
                if part not in chosen:
                    chosen.append(part)
            if not 1 <= len(chosen) <= 5:
                raise ValueError("请选择 1–5 个领域")
            return chosen

        prompt = "行业领域（序号，多个用逗号或空格分隔，最多 5 个）"
        return self._until_valid(prompt, check, "行业领域")

    def _until_valid(self, prompt: str, check: Callable[[str], Any], label: str) -> Any:
        for _ in range(ATTEMPTS):
            try:
                answer = self._ask(f"{prompt}：").strip()
            except EOFError:
                self._out("")
                raise _Stop(
                    f"没有读到输入（标准输入已关闭），还缺少「{label}」。请在终端里直接运行 "
                    "./dev new 按提示回答；--college、--id、--name 可预先给出，其余问题仍需回答。"
                ) from None
            try:
                return check(answer)
            except ValueError as error:
                self._out(f"  ✗ {error}。")
        raise _Stop(f"「{label}」连续 {ATTEMPTS} 次填写不正确，已停止，没有写入任何文件。")


def _registry(layout: Layout, name: str, key: str) -> list[dict[str, Any]]:
    """A registry list from content/, or a stop with what to fix when it is unusable."""
    path = layout.registry(name)
    document, problems = load_yaml(path, layout.relative(path))
    entries = document.data.get(key) if document and isinstance(document.data, dict) else None
    if problems or not isinstance(entries, list) or not entries:
        raise _Stop(f"无法读取 {layout.relative(path)}：请先运行 ./dev validate 修复其中的问题。")
    return [entry for entry in entries if isinstance(entry, dict) and "id" in entry]
