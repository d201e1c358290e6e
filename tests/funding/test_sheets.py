"""What a reviewer receives in the score sheet, read back with openpyxl."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from showcase.funding.returned import read_sheet
from showcase.funding.sheets import CRITERIA, META, SCORES, write_sheet
from tests.funding.fixture import specs


def test_the_sheet_names_its_reviewer_and_call_and_lists_the_assigned_applications(
    tmp_path: Path,
) -> None:
    spec = specs()["wen"]
    write_sheet(spec, tmp_path / spec.file_name)
    book = load_workbook(tmp_path / "闻思远.xlsx")
    assert book.sheetnames == [SCORES, CRITERIA, META]
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
        (2, "mascot", "校园吉祥物"),
    ]
    assert book[META].sheet_state == "veryHidden"
    assert [[c.value for c in row] for row in book[META].iter_rows()] == [
        ["format", "makerspace-showcase score sheet 1"],
        ["call", "2026-seed-fund"],
        ["reviewer", "wen"],
        ["projects", "reader mascot"],
    ]


def test_the_sheet_says_what_each_category_judges_read_only(tmp_path: Path) -> None:
    spec = specs()["wen"]
    write_sheet(spec, tmp_path / spec.file_name)
    book = load_workbook(tmp_path / spec.file_name)
    criteria = book[CRITERIA]
    assert [[c.value for c in row] for row in criteria.iter_rows()] == [
        ["评分项", "权重", "分数范围", "评分标准"],
        ["选题价值", "40%", "0–10", "问题是否真实、重要，成果有没有用处。"],
        ["内容设计", "30%", "0–10", "目标、内容和进度安排是否清楚可行。"],
        ["条件保障", "30%", "0–10", None],  # no description in the call: left empty
    ]
    assert criteria.protection.sheet and criteria.sheet_state == "visible"
    assert "「评分标准」工作表" in book[SCORES]["A3"].value


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


scores = st.one_of(
    st.integers(min_value=-5, max_value=15),
    st.floats(min_value=-5, max_value=15, allow_nan=False).map(lambda x: round(x, 1)),
    st.sampled_from(["7", " 8.5 ", "八", "", None]),
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(scores, min_size=6, max_size=6))
def test_a_sheet_reads_back_what_was_typed_or_names_each_bad_cell(
    tmp_path: Path, typed: list[object]
) -> None:
    spec = specs()["wen"]
    path = tmp_path / spec.file_name
    write_sheet(spec, path)
    book = load_workbook(path)
    cells = [f"{col}{row}" for row in (5, 6) for col in "DEF"]
    for cell, value in zip(cells, typed, strict=True):
        book[SCORES][cell] = value
    book.save(path)
    returned = read_sheet(path, specs(), spec.file_name)
    expected = {}
    for cell, value in zip(cells, typed, strict=True):
        text = "" if value is None else str(value).strip()
        if text == "":
            expected[cell] = "scores.missing-score"
        elif text == "八":
            expected[cell] = "scores.not-a-number"
        elif not 0 <= float(text) <= 10:
            expected[cell] = "scores.out-of-range"
    assert {p.field.split("!")[1]: p.rule for p in returned.problems} == expected
    if not expected:
        numbers = [float(str(v).strip()) for v in typed]
        assert returned.scores == {
            "reader": dict(zip(("value", "plan", "team"), numbers[:3], strict=True)),
            "mascot": dict(zip(("value", "plan", "team"), numbers[3:], strict=True)),
        }
