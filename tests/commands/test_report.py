"""`invoke report`: the sample repository's workbook, CSVs and A4 PDF; a clear refusal for
an unknown year, a missing plan or a folder it did not write."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from showcase.commands import report
from showcase.engine.pdf import find_chromium
from showcase.paths import repository_root
from tests.validate.conftest import make_repository

TABLES = {"ranking", "advanced", "figures", "totals", "trend", "college-trend", "indicators"}


def test_the_sample_year_is_written_as_workbook_csvs_and_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if find_chromium() is None:
        pytest.skip("no Chromium for the PDF")  # the browser suite fails in CI without it
    out = tmp_path / "report"
    assert report.report(repository_root(), "2025-2026", str(out), "2026-11-30") == 0
    printed = capsys.readouterr().out
    assert "2025—2026 学年评估结果" in printed
    assert "第 1 名 " in printed and "【先进单位】" in printed
    assert "输送成熟项目" in printed  # each indicator's contribution is printed
    # the sample's calls (issue 15): recycled-pet-fibre applied to the innovation fund
    # (申报 closed 2026-03-20) and was funded (公示 from 2026-04-20): 2 and 3 points
    textile = next(line for line in printed.splitlines() if "纺织科学与工程学院" in line)
    assert "项目申报 2，获批立项 3，" in textile
    names = {p.name for p in out.iterdir()}
    assert {f"{key}.csv" for key in TABLES} <= names
    assert {"评估报表-2025-2026.xlsx", "report.html", "report.pdf"} <= names
    assert (out / ".makerspace-showcase-output").is_file()
    book = openpyxl.load_workbook(out / "评估报表-2025-2026.xlsx")
    assert len(book.sheetnames) == len(TABLES)
    frozen = {name: book[name].freeze_panes for name in book.sheetnames}
    # the header row and the columns naming the row (学院; 排名 and 学院 when ranked)
    assert frozen == {
        name: "C2" if book[name]["B1"].value == "学院" else "B2" for name in book.sheetnames
    }
    assert (out / "ranking.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    pages = PdfReader(out / "report.pdf").pages
    assert len(pages) >= 4
    first, second = pages[0].extract_text(), pages[1].extract_text()
    assert "2025" in first and "评估报告" in first and "第 1 页" not in first
    assert f"第 2 页 / 共 {len(pages)} 页" in second.replace("⻚", "页")
    width, height = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (297, 210)


def test_an_unknown_year_names_the_years_there_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report"
    assert report.report(repository_root(), "2030-2031", str(out), "2026-11-30") == 1
    error = capsys.readouterr().err
    assert "没有学年 2030-2031" in error and "2025-2026" in error
    assert not out.exists()


def test_without_the_plan_it_says_which_file_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repository(tmp_path / "repo").root
    assert report.report(root, "", str(tmp_path / "out"), "2026-11-30") == 1
    assert "content/assessment.yaml" in capsys.readouterr().err


def test_a_folder_it_did_not_write_is_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report, "write_pdfs", lambda files: "")
    root = make_repository(tmp_path / "repo").root
    shutil.copyfile(
        repository_root() / "content" / "assessment.yaml", root / "content" / "assessment.yaml"
    )
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("别删", encoding="utf-8")
    assert report.report(root, "", str(out), "2026-11-30") == 1
    assert (out / "notes.txt").read_text(encoding="utf-8") == "别删"
    assert capsys.readouterr().err
