"""Our Chinese segmentation writes exactly the tokens Material's search indexer writes.

`segment_chinese` is a copy of Material's private ``SearchIndex._segment_chinese``; a query
only finds a word if both indexers split it the same way. The private method is called
here, and only here, as the oracle: a Material upgrade that changes it fails these tests.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search import plugin as material_search

from showcase.engine.search_entries import project_entry, segment_chinese
from showcase.render.text import attribute
from tests.factories import make_model

BOUNDED = settings(max_examples=300, deadline=None, database=None)

CORPUS = [
    "",
    " ",
    "经纬智能调温面料",
    "把柔性传感器织进面料，让衣服会“感觉”温度。",
    "纺织学院 · 纺织服装 · 可穿戴 · 健康监测",
    "<p>基于 AI 的校园二手交易平台（V2.0），支持 iOS/Android 双端。</p>",
    "&lt;img src=x onerror=alert(1)&gt; 项目名称 &amp; &quot;引号&quot;",
    "2024年第3届“互联网+”大学生创新创业大赛省赛金奖",
    "无人机植保：每亩节省农药30%，效率提升5倍",
    "臺灣繁體字與简体字混排：資訊工程學系",
    "〇一二三 々 〆 ⺀⺁ 豈更 𠀀𠀁𪜀 𰀀",  # ideographic zero, iteration mark, radicals, ext.
    "日本語のテキストと中文混合，カタカナ，한국어도 있다",
    "\u200b开头和结尾的零宽空格\u200b",
    "\u200b\u200b",
    "中\u200b文",
    "换行\n之后\t制表符\u3000全角空格",
    "ＦＵＬＬＷＩＤＴＨ１２３和中文",
    "emoji 🚀 火箭 🧵 纺织",
    "a中b文c",
    "长文本" * 200,
]

HAN_AND_NEIGHBOURS = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # CJK unified
    st.characters(min_codepoint=0x3400, max_codepoint=0x4DBF),  # extension A
    st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF),  # extension B
    st.characters(min_codepoint=0x2E80, max_codepoint=0x2FDF),  # radicals
    st.characters(min_codepoint=0x3000, max_codepoint=0x30FF),  # CJK punctuation, kana
    st.characters(min_codepoint=0xF900, max_codepoint=0xFAFF),  # compatibility ideographs
    st.characters(min_codepoint=0xFF00, max_codepoint=0xFFEF),  # fullwidth forms
    st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),  # hangul
    st.sampled_from("面料传感器柔性智能学院项目创新创业大赛金奖"),  # words jieba knows
    st.sampled_from(" \t\n\u200b&<>\"'·，。、：；！？“”（）"),
    st.characters(codec="ascii"),
)


@pytest.fixture(scope="module", autouse=True)
def material_segments_with_jieba() -> None:
    """Material only segments when jieba is importable; without it there is no oracle."""
    assert material_search.jieba is not None


def material_segmentation(text: str) -> str:
    return material_search.SearchIndex()._segment_chinese(text)


@pytest.mark.parametrize("text", CORPUS)
def test_the_corpus_is_segmented_as_material_does(text: str) -> None:
    assert segment_chinese(text) == material_segmentation(text)


def test_fixture_project_entries_are_segmented_as_material_does() -> None:
    model = make_model(count=8)
    for project in model.projects.values():
        entry = project_entry(project, model)
        for text in (entry.title, entry.text, attribute(project.description)):
            assert segment_chinese(text) == material_segmentation(text)


def test_words_are_separated_by_zero_width_spaces() -> None:
    assert segment_chinese("把柔性传感器织进面料") == "把\u200b柔性\u200b传感器\u200b织进\u200b面料"


@BOUNDED
@given(st.text(HAN_AND_NEIGHBOURS, max_size=60))
def test_mixed_text_is_segmented_as_material_does(text: str) -> None:
    assert segment_chinese(text) == material_segmentation(text)
