"""What a reviewer receives in the score sheet, read back with openpyxl."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from showcase.funding.sheets import META, SCORES, write_sheet
from tests.funding.fixture import specs


def test_the_sheet_names_its_reviewer_and_call_and_lists_the_assigned_applications(
    tmp_path: Path,
) -> None:
    spec = specs()["wen"]
    write_sheet(spec, tmp_path / spec.file_name)
    book = load_workbook(tmp_path / "闻思远.xlsx")
    assert book.sheetnames == [SCORES, META]
    sheet = book[SCORES]
    assert "闻思远（评审编号 wen）" in sheet["A2"].value
    assert [c.value for c in sheet[4]] == [
        "序号",
        "项目编号",
        "项目名称",
        "选题价值（0–10）",
        "内容设计（0–10）",
        "条件保障（0–10）",
        "评语",
    ]
    assert [(r[0].value, r[1].value, r[2].value) for r in sheet.iter_rows(min_row=5)] == [
        (1, "reader", "无障碍阅读器"),
        (2, "denim", "旧衣新生"),
    ]
    assert book[META].sheet_state == "veryHidden"
    assert [[c.value for c in row] for row in book[META].iter_rows()] == [
        ["format", "makerspace-showcase score sheet 1"],
        ["call", "2026-seed-fund"],
        ["reviewer", "wen"],
    ]


def test_only_scores_and_comments_can_be_typed_and_scores_only_in_range(tmp_path: Path) -> None:
    spec = specs()["wen"]
    write_sheet(spec, tmp_path / spec.file_name)
    sheet = load_workbook(tmp_path / spec.file_name)[SCORES]
    assert sheet.protection.sheet
    unlocked = {c.coordinate for row in sheet.iter_rows() for c in row if not c.protection.locked}
    assert unlocked == {f"{col}{row}" for col in "DEFG" for row in (5, 6)}
    checks = {
        str(v.sqref): (v.type, v.operator, v.formula1, v.formula2)
        for v in sheet.data_validations.dataValidation
    }
    assert checks == {f"{col}5:{col}6": ("decimal", "between", "0", "10") for col in "DEF"}
