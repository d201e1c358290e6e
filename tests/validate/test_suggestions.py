"""`closest_id`: a "是不是 X？" hint only ever names an id the schema accepts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from showcase.validate.labels import WELL_FORMED_ID, closest_id

ids = st.text(alphabet="abz019-_ A\t", min_size=1, max_size=12)


@given(word=ids, candidates=st.lists(ids, max_size=8))
def test_a_suggestion_is_always_a_well_formed_id(word: str, candidates: list[str]) -> None:
    match = closest_id(word, candidates)
    assert match is None or (match in candidates and WELL_FORMED_ID.fullmatch(match))


def test_the_closest_well_formed_id_wins_over_a_closer_broken_one() -> None:
    assert closest_id("mentor-zhao", ["mentor-zhao ", "Mentor-Zhao", "mentor-zhang"]) == (
        "mentor-zhang"
    )
