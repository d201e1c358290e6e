"""The hand-worked figures (fixture.py) as every output shows them: the dashboard page,
the 评估办法 page, the workbook (opened with openpyxl), the CSVs and the SVG charts."""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest

from showcase.assessment import Assessment, assess
from showcase.assessment.tables import report_tables
from showcase.commands.report_files import write_csv, write_workbook
from showcase.render.assessment_method import render_assessment_method
from showcase.render.charts import Bar, bar_chart
from showcase.render.dashboard import render_year
from tests.assessment import fixture

YEAR = "2025-2026"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def assessment() -> Assessment:
    return assess(fixture.model(), fixture.plan(), fixture.AS_OF)


class Tables(HTMLParser):
    """Every table of a page as rows of cell texts, by caption."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._caption: str | None = None
        self._rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag == "table":
            self._rows = []
        elif tag == "caption":
            self._caption = ""
        elif tag == "tr":
            self._rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        elif self._caption is not None:
            self._caption += data

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self._rows[-1].append("".join(self._cell))
            self._cell = None
        elif tag == "caption":
            self._name, self._caption = self._caption, None
        elif tag == "table":
            self.tables[self._name] = self._rows


def page_tables(html: str) -> dict[str, list[list[str]]]:
    parser = Tables()
    parser.feed(html)
    return parser.tables


# What every output must show for 2025-2026 (see fixture.py and test_scoring_by_hand.py):
# rank, college, active 15/30, moves 20/30, money 20/5, awards 15/0, total 70/65.
RANKING = [
    ["1", "纺织学院", "15", "20", "20", "15", "70", "是"],
    ["2", "计算机学院", "30", "30", "5", "0", "65", ""],
    ["不排名", "艺术学院", "0", "0", "0", "0", "0", ""],
]


def test_the_dashboard_shows_the_hand_worked_ranking_and_contributions(
    assessment: Assessment,
) -> None:
    html = render_year(assessment.year(YEAR), assessment)
    tables = page_tables(html)
    ranking = tables[f"{YEAR} 评估得分"]
    assert ranking[0][:8] == [
        "排名",
        "学院",
        "在孵项目（满分 30）",
        "输送成熟项目（满分 30）",
        "融资金额（满分 20）",
        "竞赛获奖（满分 20）",
        "总分",
        "先进单位",
    ]
    assert [row[:8] for row in ranking[1:]] == RANKING
    assert "在孵项目少于 2 个，列出但不参与排名" in ranking[3][8]
    assert "纺织学院</strong>：总分 70 分，排名第 1，符合“排名前 1 名且总分不低于 50 分”" in html
    totals = dict((row[0], row[1]) for row in tables["2025—2026 学年各学院总分（数据表）"][1:])
    assert totals == {"纺织学院": "70 分", "计算机学院": "65 分", "艺术学院（不排名）": "0 分"}
    figures = tables[f"{YEAR} 各学院数据"]
    header = figures[0]
    textile = dict(zip(header, figures[[r[0] for r in figures].index("纺织学院")], strict=True))
    assert textile["融资金额（元）"] == "30 万元"
    assert textile["合同金额（元）"] == "5 万元"
    assert textile["输送进阶（次）"] == "1"
    assert textile["项目申报（项）"] == "无数据"


def test_the_scoring_document_states_each_rule_from_the_plan(assessment: Assessment) -> None:
    html = render_assessment_method(assessment)
    cards = dict(re.findall(r"<h3>([^<]+)</h3>(<dl.*?</dl>)", html))
    assert set(cards) == {"在孵项目", "输送成熟项目", "融资金额", "竞赛获奖", "合同金额"}

    def fact(indicator: str, label: str) -> str:
        return re.search(f"<dt>{label}</dt><dd>([^<]*)</dd>", cards[indicator]).group(1)

    assert fact("在孵项目", "权重（分）") == "30"
    assert fact("在孵项目", "计分规则") == (
        "每 1000 名学生达到 2 个得满分 30 分，不足按比例计分；不足 1 个时只展示、不计分"
    )
    assert fact("输送成熟项目", "计分规则") == "达到 1 次得 20 分，每多 1 次加 10 分，最高 30 分"
    assert fact("融资金额", "计分规则") == (
        "平均每个在孵项目（团队）达到 100000 元得满分 20 分，不足按比例计分"
    )
    assert (fact("合同金额", "权重（分）"), fact("合同金额", "计分规则")) == ("0", "只展示，不计分")
    assert "共 4 项计分指标，满分 100 分；另有 1 项只展示、不计分" in html
    assert "排名前 1 名且总分不低于 50 分的学院评为本学年先进单位" in html
    assert "每年 9 月 1 日至次年 8 月底" in html


def test_the_workbook_holds_the_hand_worked_numbers(assessment: Assessment, tmp_path: Path) -> None:
    tables = report_tables(assessment.year(YEAR), assessment)
    write_workbook(tmp_path / "book.xlsx", tables)
    book = openpyxl.load_workbook(tmp_path / "book.xlsx")
    assert book.sheetnames == [t.name for t in tables]
    sheet = book[f"{YEAR} 评估得分"]
    assert sheet.freeze_panes == "C2"  # 排名 and 学院 stay in view
    assert sheet["A1"].value == "排名" and sheet["A1"].font.bold
    values = [[cell.value for cell in row][:7] for row in sheet.iter_rows(min_row=2, max_row=4)]
    assert values == [
        [1, "纺织学院", 15, 20, 20, 15, 70],
        [2, "计算机学院", 30, 30, 5, 0, 65],
        ["不排名", "艺术学院", 0, 0, 0, 0, 0],
    ]
    assert sheet["C2"].number_format == "0.00"
    figures = book[f"{YEAR} 各学院数据"]
    header = [cell.value for cell in figures[1]]
    money = figures.cell(
        row=3, column=header.index("融资金额（元）") + 1
    )  # rows by id: arts, computing, textile
    assert figures.cell(row=4, column=1).value == "纺织学院"
    textile_money = figures.cell(row=4, column=header.index("融资金额（元）") + 1)
    assert (money.value, textile_money.value) == (50000, 300000)
    assert textile_money.number_format == '#,##0.00" 元"'
    assert figures.cell(row=4, column=header.index("项目申报（项）") + 1).value is None
    widths = {figures.column_dimensions[c].width for c in ("A", "B")}
    assert all(w >= 10 for w in widths)  # 纺织学院 / 计算机学院 fit: CJK counted double


def test_the_csv_holds_the_same_rows_with_a_bom(assessment: Assessment, tmp_path: Path) -> None:
    tables = {t.key: t for t in report_tables(assessment.year(YEAR), assessment)}
    write_csv(tmp_path / "ranking.csv", tables["ranking"])
    raw = (tmp_path / "ranking.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:2] == ["排名", "学院"]
    assert [row[:8] for row in rows[1:]] == RANKING


def test_a_chart_is_svg_with_its_labels_title_and_data_table() -> None:
    html = bar_chart(
        "demo",
        "各学院总分",
        [Bar("纺织学院", 70, "70 分", "advanced"), Bar("<艺术>学院", 0, "0 分")],
        ("学院", "总分"),
    )
    svg = ET.fromstring(re.search(r"<svg.*</svg>", html).group(0))
    assert svg.find(f"{SVG}title").text == "各学院总分"
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert texts == ["纺织学院", "70 分", "<艺术>学院", "0 分"]
    widths = [float(r.get("width")) for r in svg.iter(f"{SVG}rect")]
    assert widths[0] > 0 and widths[1] == 0  # a zero draws no bar
    assert "style=" not in html and "font-family" not in html  # the page's font, no inline style
    assert page_tables(html)["各学院总分（数据表）"][1:] == [
        ["纺织学院", "70 分"],
        ["<艺术>学院", "0 分"],
    ]


def test_a_year_without_data_draws_no_chart(assessment: Assessment) -> None:
    empty = fixture.model()
    empty.projects.clear()
    result = assess(empty, fixture.plan(), fixture.AS_OF)
    html = render_year(result.years[0], result)
    assert "本学年暂无数据" in html and "<svg" not in html
