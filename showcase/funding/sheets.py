"""The XLSX score sheet a reviewer fills in (`showcase.funding.returned` reads it back).

A sheet's first worksheet, 评分表, holds a title, the reviewer's name and id, an
instruction, a header row (序号, 项目编号, 项目名称, one column per score category with
its range, 评语) and one row per assigned application. Only the score and comment cells
are unlocked; each score column carries a data validation with the category's range.
A second, read-only worksheet, 评分标准, lists each category's weight, range and
description (what the reviewers judge). A third, kept "very hidden", records the call id,
the reviewer id and the assigned projects, so a sheet returned by the wrong reviewer, for
another call or from an assignment since changed is recognised.

Example::

    write_sheet(spec, Path("build/calls/2026-fund/packets/闻思远.xlsx"))
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from showcase.funding.scoring import Category

SCORES = "评分表"
CRITERIA = "评分标准"
CRITERIA_HEADINGS = ("评分项", "权重", "分数范围", "评分标准")
META = "meta"
HEADER_ROW = 4
FIRST_ROW = HEADER_ROW + 1
FIXED_HEADINGS = ("序号", "项目编号", "项目名称")
COMMENT_HEADING = "评语"
FORMAT = "makerspace-showcase score sheet 1"
_FILL = PatternFill("solid", fgColor="FFF4C2")


@dataclass(frozen=True)
class SheetSpec:
    """What one reviewer's sheet holds: who, for which call, which applications."""

    call: str
    call_title: str
    reviewer: str
    reviewer_name: str
    categories: tuple[Category, ...]
    rows: tuple[tuple[str, str], ...]
    """(project id, project name) of each assigned application, in order."""

    @property
    def file_name(self) -> str:
        return f"{self.reviewer_name}.xlsx"

    @property
    def project_list(self) -> str:
        """The assigned projects as the hidden record keeps them: ids joined by spaces."""
        return " ".join(project for project, _ in self.rows)

    @property
    def headings(self) -> tuple[str, ...]:
        return (*FIXED_HEADINGS, *(c.heading for c in self.categories), COMMENT_HEADING)


def write_sheet(spec: SheetSpec, target: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = SCORES
    sheet["A1"] = f"{spec.call_title} 评分表"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = f"评审专家：{spec.reviewer_name}（评审编号 {spec.reviewer}）"
    sheet["A3"] = (
        "请只在黄色单元格中填写分数（范围见表头，各项的评分标准见「评分标准」工作表）和评语；"
        "不要增删行列、不要改动表头和项目编号。"
    )
    for column, heading in enumerate(spec.headings, start=1):
        cell = sheet.cell(HEADER_ROW, column, heading)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(column)].width = _width(heading, column)
    last = FIRST_ROW + len(spec.rows) - 1
    for offset, (project, name) in enumerate(spec.rows):
        row = FIRST_ROW + offset
        sheet.cell(row, 1, offset + 1)
        sheet.cell(row, 2, project)
        sheet.cell(row, 3, name)
        for column in range(4, len(spec.headings) + 1):
            cell = sheet.cell(row, column)
            cell.protection = Protection(locked=False)
            cell.fill = _FILL
    for column, category in enumerate(spec.categories, start=4):
        letter = get_column_letter(column)
        check = DataValidation(
            type="decimal",
            operator="between",
            formula1=str(category.min),
            formula2=str(category.max),
            showErrorMessage=True,
            errorTitle="分数超出范围",
            error=f"「{category.name}」请填写 {category.span} 之间的分数。",
        )
        check.add(f"{letter}{FIRST_ROW}:{letter}{max(last, FIRST_ROW)}")
        sheet.add_data_validation(check)
    sheet.freeze_panes = sheet.cell(FIRST_ROW, 4)
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    _criteria(book.create_sheet(CRITERIA), spec.categories)
    meta = book.create_sheet(META)
    for row, (key, value) in enumerate(
        (
            ("format", FORMAT),
            ("call", spec.call),
            ("reviewer", spec.reviewer),
            ("projects", spec.project_list),
        ),
        start=1,
    ):
        meta.cell(row, 1, key)
        meta.cell(row, 2, value)
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True
    book.save(target)


def _criteria(sheet: Any, categories: tuple[Category, ...]) -> None:
    """What each category judges, beside the score sheet (read-only; the returned-sheet
    checks read only 评分表 and the hidden record, so this sheet changes no layout)."""
    sheet.append(list(CRITERIA_HEADINGS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for category in categories:
        sheet.append([category.name, category.share, category.span, category.description])
    for letter, width in zip("ABCD", (16, 8, 10, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.protection.sheet = True


def _width(heading: str, column: int) -> float:
    if column == 1:
        return 6
    if heading == COMMENT_HEADING:
        return 40
    return max(12, 2.2 * len(heading))


def cell_name(row: int, column: int) -> str:
    return f"{get_column_letter(column)}{row}"
