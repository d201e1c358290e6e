"""The assessment's tables as files: an XLSX workbook (openpyxl) and CSVs with a BOM.

One sheet per `showcase.assessment.tables.Table`: Chinese headers in a bold, frozen first
row, the columns naming the row (学院; 排名 and 学院) frozen too, money as numbers formatted
in yuan, points with up to two decimals, columns as wide as their longest text (a CJK
character counts double). The CSVs hold the same cells, in UTF-8 with a BOM so that Excel
opens the Chinese correctly.
"""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from showcase.assessment.tables import COUNT, MONEY, POINTS, Cell, Table

FORMATS = {MONEY: '#,##0.00" 元"', POINTS: "0.00", COUNT: "0"}
MAX_WIDTH = 60


def write_workbook(path: Path, tables: list[Table]) -> None:
    book = Workbook()
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(_sheet_name(table.name))
        sheet.append(list(table.headers))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        for row in table.rows:
            sheet.append([_value(value) for value in row])
        for column, kind in enumerate(table.kinds, start=1):
            number_format = FORMATS.get(kind)
            if number_format:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
                    if isinstance(cell.value, int | float):
                        cell.number_format = number_format
            texts = [table.headers[column - 1], *(_shown(r[column - 1]) for r in table.rows)]
            width = max(6, *(_width(text) for text in texts))
            sheet.column_dimensions[get_column_letter(column)].width = min(MAX_WIDTH, width + 2)
        sheet.freeze_panes = sheet.cell(row=2, column=table.row_header + 2)
        if table.note:
            sheet.cell(row=len(table.rows) + 3, column=1, value=table.note)
    book.save(path)


def write_csv(path: Path, table: Table) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(table.headers)
        for row in table.rows:
            writer.writerow(["" if value is None else _value(value) for value in row])


def _value(value: Cell) -> Cell:
    """Whole numbers as integers (``12`` not ``12.0``); None stays empty (no data)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _shown(value: Cell) -> str:
    return "" if value is None else str(_value(value))


def _width(text: str) -> int:
    """Display width in character cells: a wide (CJK) character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _sheet_name(name: str) -> str:
    """Excel allows 31 characters and none of ``[]:*?/\\``."""
    for forbidden in "[]:*?/\\":
        name = name.replace(forbidden, "-")
    return name[:31]
