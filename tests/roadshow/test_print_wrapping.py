"""Where printed names may wrap (`showcase.render.roadshow.printing.breakable`): only
after a dash, an enumeration comma or a joining word, and the text itself is unchanged."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.render.roadshow.printing import breakable
from showcase.render.text import attribute

NAMES = st.text(alphabet=st.sampled_from(list("市场商业模式创新团队<&>\"'与、及/—a ")), max_size=30)


@settings(max_examples=300, deadline=None)
@given(NAMES)
def test_a_name_keeps_its_text_and_may_wrap_only_after_a_word_end(name: str) -> None:
    html = breakable(name)
    assert html.replace("<wbr>", "") == attribute(name)
    pieces = html.split("<wbr>")
    assert all(piece.endswith(("与", "、", "及", "/", "——")) for piece in pieces[:-1]), html
    assert not html.endswith("<wbr>")


def test_criteria_wrap_between_their_words() -> None:
    assert breakable("市场与商业模式") == "市场与<wbr>商业模式"
    assert breakable("顺路——校园互助跑腿小程序") == "顺路——<wbr>校园互助跑腿小程序"
    assert breakable("创新性") == "创新性"
