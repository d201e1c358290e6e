"""The call's review from the commands, on a copy of the sample repository: packets, the
returned sheets, results and the draft decisions, the level change, overdue checkpoints."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook
from pypdf import PdfReader

from showcase.commands import call_apply, call_checkpoints, call_packets, call_results
from showcase.engine.pdf import find_chromium
from showcase.paths import Layout
from showcase.validate import validate_repository

FUND = "2026-innovation-fund"
INTAKE = "2026-autumn-makerspace-intake"


def _packets(root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(call_packets, "write_pdfs", lambda files: "")  # PDFs: test_packet_pdf
    assert call_packets.call_packets(root, FUND, None, anonymise=False) == 0
    return root / "build" / "calls" / FUND / "packets"


def _returned(packets: Path, folder: Path) -> Path:
    """Every sheet filled: reviewer i gives project row r the score (i + r) % 11 in each
    category, so the reviewers disagree and the ranks are not the file order."""
    folder.mkdir()
    for index, sheet_file in enumerate(sorted(packets.glob("*.xlsx"))):
        book = load_workbook(sheet_file)
        sheet = book["评分表"]
        for row in range(5, sheet.max_row + 1):
            for column in range(4, 9):
                sheet.cell(row, column, (index + row * column) % 11)
        book.save(folder / sheet_file.name)
    return folder


def test_packets_give_every_application_three_reviewers_with_even_loads(
    sample: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    packets = _packets(sample, monkeypatch)
    printed = capsys.readouterr().out
    assert "6 份申报书，5 位评审专家，每份 3 位" in printed
    # 6 applications × 3 = 18 reviews over 5 reviewers: loads 4, 4, 4, 3, 3
    loads = sorted(int(line.split("：")[1].split(" ")[0]) for line in printed.splitlines()[1:6])
    assert loads == [3, 3, 4, 4, 4]
    assert "build/ 不进入仓库" in printed
    names = {p.name for p in packets.iterdir()}
    assert {"分配表.txt", ".makerspace-showcase-output", "姜沐晴.xlsx", "周明远.html"} <= names


def test_every_packet_says_what_each_score_category_of_the_call_judges(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packets = _packets(sample, monkeypatch)
    call = yaml.safe_load((sample / "content" / "calls" / f"{FUND}.yaml").read_text("utf-8"))
    described = [(c["name"], c["description"]) for c in call["score_categories"]]
    assert described and all(text for _, text in described)
    for sheet_file in sorted(packets.glob("*.xlsx")):
        rows = load_workbook(sheet_file)["评分标准"].iter_rows(min_row=2, values_only=True)
        assert [(name, text) for name, _, _, text in rows] == described, sheet_file.name
        cover = sheet_file.with_suffix(".html").read_text("utf-8").split("<ol>")[0]
        assert all(f"<td>{text}</td>" in cover for _, text in described), sheet_file.name


def test_results_rank_allocate_and_draft_decisions_the_call_file_accepts(
    sample: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    scores = _returned(_packets(sample, monkeypatch), tmp_path / "scores")
    assert call_results.call_results(sample, FUND, scores, None) == 0
    printed = capsys.readouterr().out
    results = sample / "build" / "calls" / FUND / "results"
    assert {p.name for p in results.iterdir()} >= {
        "评审结果.html",
        "结果摘要.txt",
        "decisions.yaml",
    }
    assert f"content/calls/{FUND}.yaml" in printed and "本命令不修改申报文件" in printed
    decisions = yaml.safe_load((results / "decisions.yaml").read_text(encoding="utf-8"))[
        "decisions"
    ]
    assert [d["rank"] for d in decisions] == sorted(d["rank"] for d in decisions)
    granted = [d.get("amount", 0) for d in decisions]
    assert sum(granted) <= 100000 and max(granted) <= 30000
    assert all(d["result"] == ("funded" if d.get("amount") else "rejected") for d in decisions)
    call_file = sample / "content" / "calls" / f"{FUND}.yaml"
    text = call_file.read_text(encoding="utf-8").split("decisions:")[0]
    call_file.write_text(text + (results / "decisions.yaml").read_text(encoding="utf-8"))
    result = validate_repository(Layout(sample))
    assert [p.text() for p in result.problems if p.path.startswith("content/calls")] == []
    report = (results / "评审结果.html").read_text(encoding="utf-8")
    assert "保密材料" in report and "姜沐晴" in report


def test_one_bad_sheet_stops_the_results_and_writes_nothing(
    sample: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    scores = _returned(_packets(sample, monkeypatch), tmp_path / "scores")
    book = load_workbook(scores / "柏川.xlsx")
    book["评分表"]["E6"] = 15
    book.save(scores / "柏川.xlsx")
    assert call_results.call_results(sample, FUND, scores, None) == 1
    err = capsys.readouterr().err
    assert "柏川.xlsx!E6" in err and "超出范围 0–10" in err and "什么都没有写入" in err
    assert not (sample / "build" / "calls" / FUND / "results").exists()


def test_an_output_folder_outside_the_repository_is_said_to_be_so(
    sample: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(call_packets, "write_pdfs", lambda files: "")
    assert call_packets.call_packets(sample, FUND, tmp_path / "packets", False) == 0
    assert "在仓库以外，不会被提交" in capsys.readouterr().out
    assert (tmp_path / "packets" / "姜沐晴.xlsx").is_file()


def test_an_output_folder_inside_the_repository_outside_build_is_refused(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert call_packets.call_packets(sample, FUND, sample / "content" / "packets", False) == 1
    assert "保密" in capsys.readouterr().err
    assert not (sample / "content" / "packets").exists()


def test_wrong_options_and_calls_are_explained(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert call_results.call_results(sample, FUND, tmp_path, None, places="五") == 2
    assert call_results.call_results(sample, FUND, tmp_path, None, disagreement="-1") == 2
    assert call_packets.call_packets(sample, "2030-nothing", None, False) == 2
    err = capsys.readouterr().err
    assert "--places「五」应是正整数" in err and "--disagreement「-1」" in err
    known = next(line for line in err.splitlines() if line.startswith("找不到申报 2030-nothing"))
    listed = known.split("content/calls/ 里有：")[1].rstrip("。").split("、")
    assert sorted(listed) == sorted(p.stem for p in (sample / "content" / "calls").glob("*.yaml"))


def test_an_accepted_intake_moves_its_projects_to_the_makerspace_once(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert call_apply.call_apply(sample, INTAKE, "2026-12-03") == 1  # results on 12-04
    assert "才公布" in capsys.readouterr().err
    assert call_apply.call_apply(sample, INTAKE, "2026-12-04") == 0
    printed = capsys.readouterr().out
    result = validate_repository(Layout(sample))
    assert result.model is not None, [p.text() for p in result.problems]
    projects = result.model.projects
    for project in (
        "water-based-ink",
        "open-eda-checker",
        "pipe-inspection-crawler",
        "code-review-assistant",
    ):
        assert projects[project].level == "makerspace"
        assert projects[project].milestones[-1].level == "makerspace"
        assert projects[project].milestones[-1].date == "2026-12-04"
        assert f"{projects[project].source}：孵化层级改为学校众创空间" in printed
    assert projects["natural-dye-studio"].level == "nursery"
    before = {r.source: (sample / r.source).read_bytes() for r in projects.values()}
    assert call_apply.call_apply(sample, INTAKE, "2026-12-04") == 0
    assert {p: (sample / p).read_bytes() for p in before} == before


def test_overdue_checkpoints_are_listed_for_the_office(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert call_checkpoints.call_checkpoints(sample, "2026-11-30") == 0
    printed = capsys.readouterr().out
    # funded: recycled-pet-fibre and oil-water-membrane submitted their 中期检查 (due
    # 2026-09-30); motor-acoustic-diagnosis did not: 2026-09-30 → 2026-11-30 is 61 days.
    assert "逾期 61 天：「听诊器——电机故障声纹诊断」" in printed
    assert "循环丝" not in printed.split("整改")[0]
    assert "结题" not in printed  # due 2027-04-30


@pytest.mark.browser
def test_anonymised_pdf_packets_name_no_team_member_college_or_mentor(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if find_chromium() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI 必须打印评审材料，但找不到 Chromium", pytrace=False)
        pytest.skip("找不到 Chromium，跳过评审材料的 PDF 测试")
    assert call_packets.call_packets(sample, FUND, None, anonymise=True) == 0
    assert "匿名" in capsys.readouterr().out
    model = validate_repository(Layout(sample)).model
    assert model is not None
    packets = sample / "build" / "calls" / FUND / "packets"
    pdfs = sorted(packets.glob("*.pdf"))
    assert len(pdfs) == 5
    for pdf in pdfs:
        text = "".join(
            "".join(unicodedata.normalize("NFKC", page.extract_text() or "").split())
            for page in PdfReader(pdf).pages
        )
        assert "评审专家" in text
        sheet = load_workbook(pdf.with_suffix(".xlsx"))["评分表"]
        assigned = [row[1].value for row in sheet.iter_rows(min_row=5)]
        assert assigned and all(project in text for project in assigned)
        for project_id in assigned:
            project = model.projects[project_id]
            names = [m.name for m in project.team]
            names += [model.mentors[m].name for m in project.mentors]
            names.append(model.colleges[project.college].name)
            assert [n for n in names if n in text] == [], pdf.name
            cells = "".join(str(c.value or "") for row in sheet.iter_rows() for c in row)
            assert [n for n in names if n in cells] == [], pdf.with_suffix(".xlsx").name
