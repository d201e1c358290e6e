"""Reading a returned score sheet (`showcase.funding.sheets`) without trusting it.

Checks, in order: that the file opens; that it is one of ours (the hidden record); the
call; the reviewer (the record, and the file name when it names another reviewer); that
the assignment it was written for is still the call's (`showcase.funding.assignment` is
deterministic, so it changes only when the applications or the panel did); the score
worksheet, the header row and the project column (columns moved or renamed, rows
moved, added or removed, content beside or below the table); then every score
(missing, not a number, out of range). Each problem names the file and the cell
(``闻思远.xlsx!D5``) and says how to fix it; scores come only from a sheet without problems.

Example::

    by_reviewer, problems = read_folder(Path("~/评分表"), review.specs())
    problems or by_reviewer["wen-siyuan"].scores["smart-yarn"]["value"]
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from showcase.funding.sheets import (
    FIRST_ROW,
    FORMAT,
    HEADER_ROW,
    META,
    SCORES,
    SheetSpec,
    cell_name,
)
from showcase.load.files import is_temporary_name
from showcase.problems import Problem


@dataclass
class Returned:
    """What a returned sheet gave: scores and comments by project, or the problems."""

    reviewer: str = ""
    scores: dict[str, dict[str, float]] = field(default_factory=dict)
    comments: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read_sheet(path: Path, spec_for: dict[str, SheetSpec], shown: str) -> Returned:
    """Read `path` (shown as `shown`); `spec_for` maps the call's reviewer ids to their specs.

    The sheet's own record says whose it is; the file name must not say otherwise."""
    returned = Returned()
    book = _open(path, shown, returned)
    if book is None:
        return returned
    meta = _meta(book)
    some_spec = next(iter(spec_for.values()))
    if meta.get("format") != FORMAT:
        _problem(
            returned,
            shown,
            "A1",
            "scores.foreign-sheet",
            f"{shown} 不是本次评审发出的评分表（缺少表内的核对信息）。",
            "请使用评审材料中的评分表原件填写，不要另存为新表格或复制到新文件。",
        )
        return returned
    if meta.get("call") != some_spec.call:
        _problem(
            returned,
            shown,
            "A1",
            "scores.wrong-call",
            f"{shown} 是申报 {meta.get('call')} 的评分表，不是 {some_spec.call} 的。",
            f"请把这份表格移出评分表文件夹，换成「{some_spec.call_title}」的评分表。",
        )
        return returned
    owner = spec_for.get(str(meta.get("reviewer")))
    named = next((s for s in spec_for.values() if s.file_name == Path(shown).name), None)
    if owner is None or (named is not None and named is not owner):
        _wrong_reviewer(returned, shown, owner, named, str(meta.get("reviewer")))
        return returned
    if SCORES not in book.sheetnames:
        _problem(
            returned,
            shown,
            "A1",
            "scores.layout",
            f"{shown} 里没有名为「{SCORES}」的工作表（被改名或删除了）。",
            f"请把打分的工作表改回「{SCORES}」，或把分数抄回评分表原件后再交回。",
        )
        return returned
    if str(meta.get("projects")) != owner.project_list:
        _stale(returned, shown, owner, str(meta.get("projects") or ""))
        return returned
    returned.reviewer = owner.reviewer
    sheet = book[SCORES]
    if _layout(sheet, owner, shown, returned):
        _scores(sheet, owner, shown, returned)
    return returned


def read_folder(
    folder: Path, specs: dict[str, SheetSpec]
) -> tuple[dict[str, Returned], list[Problem]]:
    """Every returned sheet of `folder` by reviewer id, and all problems with them.

    Excel's lock files (``~$…``, `is_temporary_name`) and other kinds of file are
    ignored; a reviewer with no sheet, or with two, is a problem of its own."""
    by_reviewer: dict[str, Returned] = {}
    seen: dict[str, str] = {}
    problems: list[Problem] = []
    files = sorted(
        p for p in folder.iterdir() if p.suffix.lower() == ".xlsx" and not is_temporary_name(p.name)
    )
    for path in files:
        returned = read_sheet(path, specs, path.name)
        problems += returned.problems
        if not returned.reviewer:
            continue
        if returned.reviewer in seen:
            spec = specs[returned.reviewer]
            problems.append(
                Problem(
                    path.name,
                    rule="scores.duplicate-sheet",
                    field=path.name,
                    message=f"{path.name} 和 {seen[returned.reviewer]} 都是 {spec.reviewer_name} 的评分表。",
                    hint="请核对哪一份是最终版，只在文件夹中保留那一份。",
                )
            )
            continue
        seen[returned.reviewer] = path.name
        by_reviewer[returned.reviewer] = returned
    present = {path.name for path in files}
    for reviewer, spec in specs.items():
        if reviewer not in seen and spec.file_name not in present:
            problems.append(
                Problem(
                    spec.file_name,
                    rule="scores.missing-sheet",
                    field=spec.file_name,
                    message=f"没有 {spec.reviewer_name}（{reviewer}）交回的评分表（{len(spec.rows)} 份申报书）。",
                    hint=f"请把 {spec.reviewer_name} 填好的评分表放进评分表文件夹，文件名 {spec.file_name}。",
                )
            )
    return by_reviewer, problems


def _open(path: Path, shown: str, returned: Returned) -> Any:
    try:
        return load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        returned.problems.append(
            Problem(
                shown,
                rule="scores.unreadable",
                field=shown,
                message=f"{shown} 打不开，不是完好的 Excel（.xlsx）文件。",
                hint="请在 Excel 或 WPS 中打开评分表原件填写后另存为 .xlsx，再放回评分表文件夹。",
            )
        )
        return None


def _meta(book: Any) -> dict[str, object]:
    if META not in book.sheetnames:
        return {}
    rows = book[META].iter_rows(min_row=1, max_row=4, max_col=2, values_only=True)
    return {str(key): value for key, value in rows if key is not None}


def _wrong_reviewer(
    returned: Returned, shown: str, owner: SheetSpec | None, named: SheetSpec | None, claimed: str
) -> None:
    if owner is None:
        message = f"{shown} 表内记录的评审编号 {claimed} 不是本次评审的专家。"
        hint = "请换成该专家评审材料中的评分表原件。"
    else:
        assert named is not None
        message = (
            f"{shown} 是 {owner.reviewer_name}（{owner.reviewer}）的评分表，"
            f"不是 {named.reviewer_name} 的。"
        )
        hint = (
            f"请向 {named.reviewer_name} 要回其本人的评分表；这份表格请改名为 "
            f"{owner.file_name}（若该专家的表已在文件夹中，请核对哪一份是最终版）。"
        )
    _problem(returned, shown, "A2", "scores.wrong-reviewer", message, hint)


def _stale(returned: Returned, shown: str, owner: SheetSpec, recorded: str) -> None:
    then = "、".join(recorded.split()) or "（无）"
    now = "、".join(project for project, _ in owner.rows)
    _problem(
        returned,
        shown,
        "A1",
        "scores.stale-assignment",
        f"{shown} 发出后申报书或评审专家有变动，分配已经不同：表中是 {then}，"
        f"现在 {owner.reviewer_name} 应评 {now}。",
        "请恢复发评审材料时的申报文件和申报书后再汇总；确需变动时，重新运行 call-packets，"
        "请专家按新的评分表评审。",
    )


def _layout(sheet: Any, spec: SheetSpec, shown: str, returned: Returned) -> bool:
    before = len(returned.problems)
    for column, heading in enumerate(spec.headings, start=1):
        found = _text(sheet.cell(HEADER_ROW, column).value)
        if found != heading:
            _problem(
                returned,
                shown,
                cell_name(HEADER_ROW, column),
                "scores.layout",
                f"表头被改动：这一格应为「{heading}」，现在是{_shown(found)}。",
                "请不要移动、插入、删除或改名表头各列；可以把分数抄回评分表原件后再交回。",
            )
    if len(returned.problems) > before:
        return False
    extra_column = len(spec.headings) + 1
    for column in range(extra_column, sheet.max_column + 1):
        for row in range(1, sheet.max_row + 1):
            if _text(sheet.cell(row, column).value):
                _problem(
                    returned,
                    shown,
                    cell_name(row, column),
                    "scores.layout",
                    "评语列右边多出了内容。",
                    "请删除评语列右边的内容；补充意见写在评语列中。",
                )
                return False
    last = FIRST_ROW + len(spec.rows) - 1
    for offset, (project, _name) in enumerate(spec.rows):
        row = FIRST_ROW + offset
        found = _text(sheet.cell(row, 2).value)
        if found != project:
            _problem(
                returned,
                shown,
                cell_name(row, 2),
                "scores.layout",
                f"第 {row} 行应是项目 {project}，现在是{_shown(found)}。",
                "请不要移动、插入或删除行，也不要改动项目编号；可以把分数抄回评分表原件后再交回。",
            )
            return False
    for row in range(last + 1, sheet.max_row + 1):
        if any(_text(sheet.cell(row, c).value) for c in range(1, extra_column)):
            _problem(
                returned,
                shown,
                cell_name(row, 1),
                "scores.layout",
                f"第 {row} 行是多出的一行：评分表只有 {len(spec.rows)} 份申报书"
                f"（第 {FIRST_ROW}–{last} 行）。",
                "请删除多出的行；补充意见写在对应项目的评语列中。",
            )
            return False
    return True


def _scores(sheet: Any, spec: SheetSpec, shown: str, returned: Returned) -> None:
    scores: dict[str, dict[str, float]] = {}
    for offset, (project, name) in enumerate(spec.rows):
        row = FIRST_ROW + offset
        for column, category in enumerate(spec.categories, start=4):
            where = cell_name(row, column)
            value = sheet.cell(row, column).value
            subject = f"「{name}」的「{category.name}」"
            number = _number(value)
            if _text(value) == "":
                _problem(
                    returned,
                    shown,
                    where,
                    "scores.missing-score",
                    f"{subject}没有分数。",
                    f"请在 {where} 填写 {category.span} 之间的分数。",
                )
            elif number is None:
                _problem(
                    returned,
                    shown,
                    where,
                    "scores.not-a-number",
                    f"{subject}的分数「{_text(value)}」不是数字。",
                    f"请在 {where} 只填写数字（{category.span}），说明写在评语列。",
                )
            elif not category.min <= number <= category.max:
                _problem(
                    returned,
                    shown,
                    where,
                    "scores.out-of-range",
                    f"{subject}的分数 {_text(value)} 超出范围 {category.span}。",
                    f"请在 {where} 填写 {category.span} 之间的分数。",
                )
            else:
                scores.setdefault(project, {})[category.id] = number
        comment = _text(sheet.cell(row, len(spec.headings)).value)
        if comment:
            returned.comments[project] = comment
    if not returned.problems:
        returned.scores = scores


def _problem(
    returned: Returned, shown: str, where: str, rule: str, message: str, hint: str
) -> None:
    row = int("".join(ch for ch in where if ch.isdigit()) or 0)
    column = _column_index(where)
    returned.problems.append(
        Problem(shown, row, column, rule=rule, field=f"{shown}!{where}", message=message, hint=hint)
    )


def _column_index(where: str) -> int:
    index = 0
    for letter in (ch for ch in where if ch.isalpha()):
        index = index * 26 + ord(letter) - ord("A") + 1
    return index


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(_text(value))
    except ValueError:
        return None


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _shown(text: str) -> str:
    return f"「{text}」" if text else "空白"
