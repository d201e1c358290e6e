"""Data-driven returned score sheets: each folder under cases/ is one folder of sheets.

The sheets are the ones `call-packets` writes for the panel of tests/funding/fixture.py,
filled with 7 in every score cell. A case folder holds ``case.yaml``, the changes made to
some reviewers' sheets before they are put in the scores folder (the others come back
untouched), and ``expected.txt`` (see tests/case_lines.py): exactly the problems
`read_folder` must report, in file and cell order. The changes, per reviewer id:

``cells``: {cell: value} typed into the sheet (null empties it); ``swap_columns`` /
``swap_rows``: two columns (letters) or rows whose contents are exchanged;
``insert_row``: a row inserted before this one; ``meta``: {key: value} written into the
hidden record (a sheet forged or from another call); ``drop_meta``: the hidden record
deleted (a copy pasted into a new workbook); ``rename_sheet``: the score worksheet's new
name; ``save_as``: the file name in the folder;
``copy_as``: a second copy under this name; ``missing``: not returned; ``not_xlsx``: the
file is not a workbook at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook

from showcase.funding.returned import read_folder
from showcase.funding.sheets import FIRST_ROW, META, SCORES, write_sheet
from showcase.problems import sort_problems
from tests.case_lines import expected_lines, problem_line
from tests.funding.fixture import specs

CASES = Path(__file__).parent / "cases"
CASE_NAMES = sorted(path.name for path in CASES.iterdir() if path.is_dir())


def filled(spec: Any, target: Path) -> None:
    write_sheet(spec, target)
    book = load_workbook(target)
    sheet = book[SCORES]
    for row in range(FIRST_ROW, FIRST_ROW + len(spec.rows)):
        for column in range(4, 4 + len(spec.categories)):
            sheet.cell(row, column, 7)
    book.save(target)


def changed(path: Path, change: dict[str, Any]) -> None:
    book = load_workbook(path)
    sheet = book[SCORES]
    for cell, value in change.get("cells", {}).items():
        sheet[cell] = value
    if pair := change.get("swap_columns"):
        first, second = (sheet[letter] for letter in pair)
        for a, b in zip(first, second, strict=True):
            a.value, b.value = b.value, a.value
    if pair := change.get("swap_rows"):
        first, second = (sheet[number] for number in pair)
        for a, b in zip(first, second, strict=True):
            a.value, b.value = b.value, a.value
    if row := change.get("insert_row"):
        sheet.insert_rows(row)
    for key, value in change.get("meta", {}).items():
        meta = book[META]
        row = next(r for r in range(1, 5) if meta.cell(r, 1).value == key)
        meta.cell(row, 2, value)
    if change.get("drop_meta"):
        del book[META]
    if title := change.get("rename_sheet"):
        sheet.title = title
    book.save(path)


def returned_folder(case: Path, folder: Path) -> None:
    changes = yaml.safe_load((case / "case.yaml").read_text(encoding="utf-8")) or {}
    for reviewer, spec in specs().items():
        change = changes.get(reviewer, {})
        if change.get("missing"):
            continue
        path = folder / change.get("save_as", spec.file_name)
        filled(spec, path)
        changed(path, change)
        if change.get("not_xlsx"):
            path.write_text("这不是表格", encoding="utf-8")
        if copy := change.get("copy_as"):
            (folder / copy).write_bytes(path.read_bytes())


@pytest.mark.parametrize("case", CASE_NAMES)
def test_returned_sheets_report_exactly_the_expected_lines(case: str, tmp_path: Path) -> None:
    returned_folder(CASES / case, tmp_path)
    by_reviewer, problems = read_folder(tmp_path, specs())
    assert [problem_line(p) for p in sort_problems(problems)] == expected_lines(CASES / case)
    if not problems:
        assert set(by_reviewer) == set(specs())
        assert all(
            r.scores[project] == {"value": 7.0, "plan": 7.0, "team": 7.0}
            for r in by_reviewer.values()
            for project in r.scores
        )
