"""Printed in Chromium (Playwright's ``page.pdf``, which honours the CSS ``@page`` rules as
the browser's print dialog does): the annual report, the agenda and judges' score sheets
are A4 with a cover, page numbers and no near-empty page; a sheet is one page per judge.

Pages are read back with pypdf: size, count and the text on each page.
"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from coloraide import Color
from pypdf import PdfReader

from showcase.render.clock import build_stamp
from showcase.render.roadshow import paths
from showcase.render.roadshow.files import roadshow_files
from showcase.render.roadshow.printing import max_sheet_rows
from tests.roadshow.builders import projects_model, with_agenda

A4 = (595, 842)
"""A4 in PDF points, portrait."""
FULL_ENOUGH = 0.6
"""A page that more pages follow must be filled this far (its text from top to bottom,
as a share of the page height less 40 mm of margins): a case or a table that moved on
whole, or spilled its last lines, would leave it emptier."""
LAST_PAGE_FULL_ENOUGH = 0.5
"""The sample reports' last pages are filled at least this far: a case keeps its head, its
quote and its short result list together and the print layout is compact, so no report
ends on a page holding only a quote and a result or two (as it did, at 25 %). Data longer
by half a page would move this; it is a figure for the sample, not a rule of layout."""
FOOTER_PT = 50
"""Text below this height (PDF points from the bottom) is the page number."""


def _pdf(page: Any, url: str) -> PdfReader:
    page.goto(url)
    return PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))


def _size(reader: PdfReader, index: int) -> tuple[int, int]:
    box = reader.pages[index].mediabox
    return round(float(box.width)), round(float(box.height))


_RADICALS = str.maketrans(
    dict(
        zip(
            "⻚⻘⻓⻔⻋⻛⻜⻢⻥⻦⻨⻩⻬⻮⻳⻅⻆⻉⻄⻐",
            "页青长门车风飞马鱼鸟麦黄齐齿龟见角贝西钅",
            strict=True,
        )
    )
)
"""CJK radicals (supplement block) that NFKC leaves alone, as the simplified characters
they stand for in the fonts' character maps (⻘ for 青 seen in an agenda)."""


def _texts(reader: PdfReader) -> list[str]:
    """Each page's text without whitespace; normalised because the PDF's character maps
    give some CJK characters as their radical twins (⾠ for 辰, ⻚ for 页)."""
    return [
        "".join(unicodedata.normalize("NFKC", p.extract_text() or "").translate(_RADICALS).split())
        for p in reader.pages
    ]


def _fills(reader: PdfReader) -> list[float]:
    """How far each page is filled: from its highest to its lowest line of text (the
    page number left out), as a share of the page height less 40 mm of margins."""
    fills = []
    for page in reader.pages:
        heights: list[float] = []

        def seen(text: str, cm: list[float], tm: list[float], *_: Any) -> None:
            y = tm[5] * cm[3] + cm[5]
            if text.strip() and y > FOOTER_PT:
                heights.append(y)  # noqa: B023 (called before the next page starts)

        page.extract_text(visitor_text=seen)
        body = float(page.mediabox.height) - 40 * 72 / 25.4
        fills.append((max(heights) - min(heights)) / body if heights else 0.0)
    return fills


def _assert_no_near_empty_page(reader: PdfReader, skip_first: bool, last: float = 0.05) -> None:
    fills = _fills(reader)
    followed = fills[1:-1] if skip_first else fills[:-1]
    assert all(fill >= FULL_ENOUGH for fill in followed), fills
    assert fills[-1] > last, fills


def _flat(text: str) -> str:
    """Text as `_texts` gives it, to look for on a page."""
    return "".join(unicodedata.normalize("NFKC", text).split())


KEPT_TOGETHER = """() => [...document.querySelectorAll(".sc-report__case")].flatMap(c => {
  const results = [...c.querySelectorAll(".sc-achievements > li strong")];
  const quote = c.querySelector(".sc-case__quote");
  const before = quote.previousElementSibling;
  const last = before.matches(".sc-description") ? before.lastElementChild : before;
  const groups = [[quote.textContent, last.textContent.trim().slice(-12)]];
  if (results.length && results.length <= 8) groups.push(results.map(r => r.textContent));
  return groups;
})"""
"""For each case of a report: its pull quote with the end of what precedes it (the story's
last paragraph, or the facts), and the titles of a short result list (up to 8, which
``cases.css`` keeps whole): each group must be printed on one page."""


SHORT_ROOMS = """() => [...document.querySelectorAll("section.room")]
  .filter(room => room.querySelectorAll("tbody > tr").length <= 12)
  .map(room => [room.querySelector("h2").textContent,
                ...[...room.querySelectorAll("td.name")].map(cell => cell.textContent)])"""
"""An agenda's room with up to 12 rows (``printing.STYLE`` keeps it whole): its heading and
every project on one page."""


def _assert_kept_together(page: Any, reader: PdfReader, groups_script: str = KEPT_TOGETHER) -> None:
    texts = _texts(reader)
    groups = [[_flat(text) for text in group] for group in page.evaluate(groups_script)]
    assert groups
    split = {
        tuple(group): [[n for n, text in enumerate(texts, 1) if part in text] for part in group]
        for group in groups
        if not any(all(part in text for part in group) for text in texts)
    }
    assert split == {}, "parts of one group by the pages they are on"


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_annual_report_prints_with_a_cover_page_numbers_and_no_near_empty_page(
    page: Any, sample_url: str, year: int
) -> None:
    reader = _pdf(page, f"{sample_url}cases/annual/{year}/")
    texts = _texts(reader)
    assert len(texts) >= 2
    assert all(_size(reader, i) == A4 for i in range(len(texts)))
    cover = texts[0]
    for words in ("北辰纺织工程大学", "众创空间", str(year), "典型案例汇编"):
        assert words in cover, words
    assert "第1页" not in cover, "the cover carries no page number"
    for number, text in enumerate(texts[1:], start=2):
        assert f"第{number}页/共{len(texts)}页" in text
    assert "打印" not in "".join(texts), "the print button is not printed"
    _assert_no_near_empty_page(reader, skip_first=True, last=LAST_PAGE_FULL_ENOUGH)
    _assert_kept_together(page, reader)


@pytest.mark.parametrize("scale", [110, 115, 120, 130, 135, 140])
def test_wherever_the_pages_break_a_quote_stays_with_its_story_and_a_short_list_whole(
    page: Any, sample_url: str, scale: int
) -> None:
    """The same reports with the root font scaled (Material's print type is in rem), so
    the page breaks fall at other places in each case."""
    for year in (2025, 2026):
        page.goto(f"{sample_url}cases/annual/{year}/")
        page.evaluate(f"document.documentElement.style.fontSize = '{scale}%'")
        reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
        _assert_kept_together(page, reader)


def test_the_agenda_prints_on_a4_with_its_cover_block_and_page_numbers(
    page: Any, sample_url: str
) -> None:
    reader = _pdf(page, f"{sample_url}roadshows/2026-winter-demo-day/print.html")
    texts = _texts(reader)
    assert all(_size(reader, i) == A4 for i in range(len(texts)))
    assert "北辰纺织工程大学·众创空间·2026年" in texts[0]
    for number, text in enumerate(texts, start=1):
        assert f"第{number}页/共{len(texts)}页" in text
    _assert_no_near_empty_page(reader, skip_first=False)
    _assert_kept_together(page, reader, SHORT_ROOMS)


def test_every_sample_score_sheet_is_one_landscape_page(page: Any, sample_url: str) -> None:
    for judge in ("wen-siyuan", "luo-qiushi", "zhong-qihang"):
        reader = _pdf(page, f"{sample_url}roadshows/2026-winter-demo-day/sheet-{judge}.html")
        assert len(reader.pages) == 1 and _size(reader, 0) == A4[::-1], judge


LINES = """cells => cells.map(cell => {
  const lines = [];
  let top = null;
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest(".points")) continue;
    for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (!rect) continue;
      if (top === null || rect.top > top + 2) lines.push("");
      top = rect.top;
      lines[lines.length - 1] += node.data[i];
    }
  }
  return lines.map(line => line.trim()).filter(Boolean);
})"""
"""Each cell's text as laid out, one string per line (the points line left out)."""


@pytest.mark.parametrize("judge", ["wen-siyuan", "luo-qiushi", "zhong-qihang"])
def test_score_sheet_headers_and_project_names_wrap_only_between_words(
    page: Any, sample_url: str, judge: str
) -> None:
    """A criterion such as 市场与商业模式 wraps as 市场与 / 商业模式, never 市场与商业模 / 式;
    so do project names (after their dash). Checked on the laid-out print page."""
    page.goto(f"{sample_url}roadshows/2026-winter-demo-day/sheet-{judge}.html")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 1032, "height": 700})  # 273 mm: the sheet's width
    cells = page.eval_on_selector_all("table.scores th, table.scores td.name", LINES)
    wrapped = [lines for lines in cells if len(lines) > 1]
    assert any("".join(lines) == "市场与商业模式" for lines in cells)
    assert all(line[-1] in "、与及/—" for lines in wrapped for line in lines[:-1]), wrapped


def test_a_full_room_still_fits_one_page_with_writable_score_columns(
    page: Any, tmp_path: Path
) -> None:
    rows = max_sheet_rows(3)
    model = with_agenda(
        projects_model(rows),
        rooms=[{"id": "hall-a", "name": "路演厅 A"}],
        days=[{"date": "2026-05-20", "windows": ["08:00-12:00", "13:00-19:00"]}],
        judges=[{"id": "wang", "name": "王老师", "organisation": "示例大学", "room": "hall-a"}],
    )
    agenda = next(iter(model.roadshows.values()))
    assert len(agenda.slots) == rows
    name = paths.roadshow_file(agenda.roadshow.id, paths.score_sheet("wang"))
    sheet = tmp_path / "sheet.html"
    sheet.write_bytes(roadshow_files(model, build_stamp(model, ""))[name])
    reader = _pdf(page, sheet.as_uri())
    assert len(reader.pages) == 1 and _size(reader, 0) == A4[::-1]
    assert all(f"路演项目{index}" in _texts(reader)[0] for index in range(rows))
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 1032, "height": 700})  # 273 mm: the sheet's width
    widths = page.eval_on_selector_all(
        "table.scores thead th", "cells => cells.map(c => c.getBoundingClientRect().width)"
    )
    millimetre = 96 / 25.4
    assert min(widths[2:-1]) >= 14 * millimetre - 1, widths  # each score and the total
    heights = page.eval_on_selector_all(
        "table.scores tbody tr", "rows => rows.map(r => r.getBoundingClientRect().height)"
    )
    assert min(heights) >= 6.5 * millimetre - 1, heights


def test_a_report_printed_from_the_dark_scheme_is_dark_text_on_white_paper(
    page: Any, sample_url: str
) -> None:
    """Paper is white whatever the scheme (the page background is not printed): every
    text of a case, printed from the dark scheme, has AA contrast on white."""
    page.emulate_media(media="print", color_scheme="dark")
    page.goto(f"{sample_url}cases/annual/2025/")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    colours = page.eval_on_selector_all(
        ".sc-report__case :is(h2, h3, p, dt, dd, li strong, .sc-meta), .sc-report__cover p",
        "elements => elements.map(e => getComputedStyle(e).color)",
    )
    assert len(colours) > 20
    weak = {c for c in colours if Color(c).contrast(Color("white"), method="wcag21") < 4.5}
    assert not weak, weak
