"""A reviewer's packet printed by Chromium (the path `call-packets` takes) and read back
with pypdf: A4, one application per page after the cover, and, anonymised, not one team
member's, college's or mentor's name, even where the applicants wrote it in their plan."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from showcase.engine.pdf import find_chromium, write_pdfs
from showcase.funding.packets import BLACKED_OUT, Dossier, packet_html
from tests.funding.fixture import CALL_TITLE, CATEGORIES

pytestmark = pytest.mark.browser

NAMES = ("符晓", "曲悠", "闻思远", "纺织科学与工程学院", "岑一禾", "计算机科学与技术学院")
DOSSIERS = [
    Dossier(
        project="smart-yarn",
        name="智能纱线",
        college="纺织科学与工程学院",
        summary="会感知温度的纱线，符晓团队在闻思远老师指导下完成样品。",
        plan="## 计划\n\n纺织科学与工程学院实验室支持，**曲悠**负责测试。\n\n- 第一年：样品\n",
        mentors=("闻思远",),
        team=("符晓（负责人）", "曲悠（测试）"),
        member_names=("符晓", "曲悠", "闻思远", "纺织科学与工程学院"),
        requested=30000,
        budget_lines=(("材料费", 20000, "纱线与传感器"), ("测试费", 10000, "")),
        milestones=(("2027-03", "完成样品"),),
        recommendation="推荐，院内排序第 1：岑一禾院长推荐",
    ),
    Dossier(
        project="reader",
        name="明远无障碍阅读器",
        college="计算机科学与技术学院",
        summary="为视障同学朗读教材的应用。",
        plan="计算机科学与技术学院的岑一禾老师提供设备。",
        mentors=("岑一禾",),
        team=("明远（负责人）",),
        member_names=("明远", "岑一禾", "计算机科学与技术学院"),
    ),
]


def _chromium_or_skip() -> None:
    if find_chromium() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI 必须打印评审材料，但找不到 Chromium", pytrace=False)
        pytest.skip("找不到 Chromium，跳过评审材料的 PDF 测试")


def _printed(tmp_path: Path, anonymise: bool) -> PdfReader:
    html = tmp_path / ("anonymous.html" if anonymise else "named.html")
    html.write_bytes(packet_html(CALL_TITLE, "赵专家", CATEGORIES, DOSSIERS, anonymise))
    assert write_pdfs([html]) == ""
    return PdfReader(html.with_suffix(".pdf"))


def _text(reader: PdfReader) -> list[str]:
    return [
        "".join(unicodedata.normalize("NFKC", page.extract_text() or "").split())
        for page in reader.pages
    ]


def test_the_packet_is_a4_with_each_application_on_its_own_pages(tmp_path: Path) -> None:
    _chromium_or_skip()
    reader = _printed(tmp_path, anonymise=False)
    sizes = {
        (round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages
    }
    assert sizes == {(595, 842)}
    pages = _text(reader)
    assert len(pages) == 3  # the cover, then one page for each short application
    assert "评审专家:赵专家" in pages[0] and "选题价值40%" in pages[0]  # text is NFKC
    described = [c for c in CATEGORIES if c.description]
    assert described and all(
        "".join(unicodedata.normalize("NFKC", c.description).split()) in pages[0] for c in described
    )
    assert "会感知温度的纱线" in pages[1] and "为视障同学朗读教材" in pages[2]
    assert all(name in "".join(pages) for name in ("符晓", "闻思远", "纺织科学与工程学院"))


def test_an_anonymised_packet_names_no_team_member_college_or_mentor(tmp_path: Path) -> None:
    _chromium_or_skip()
    text = "".join(_text(_printed(tmp_path, anonymise=True)))
    assert [name for name in (*NAMES, "明远") if name in text] == []
    assert BLACKED_OUT in text and "会感知温度的纱线" in text and "材料费" in text
