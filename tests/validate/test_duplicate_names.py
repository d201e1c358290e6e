"""The same project submitted twice is found by its normalised name, in any run."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.paths import Layout, repository_root
from showcase.validate import validate_repository
from showcase.validate.duplicate_names import normalised_name, normalised_names
from tests.validate.conftest import TODAY
from tests.validate.input_builders import PROJECT_TEMPLATE

BOUNDED = settings(max_examples=300, deadline=None, database=None)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("智能袜子", "智能襪子"),
        ("经纬感知", "經緯感知"),
        ("Smart Yarn", "smart-yarn"),
        ("Smart Yarn", "ＳＭＡＲＴ　ＹＡＲＮ"),
        ("智能袜子 Pro", "智能袜子·pro！"),
        ("智能袜子", "智能\u200b袜子"),
        ("“织梦”工作室", "织梦工作室"),
    ],
)
def test_near_same_names_share_a_key(one: str, other: str) -> None:
    assert normalised_name(one) == normalised_name(other)


_NAME_TEXT = st.text(
    st.sampled_from("经經纬緯复複復发髮發后後里裡面麵干乾幹台臺颱 \n\r·-！Ａa1")
    | st.characters(exclude_categories=("Cs",)),  # the loader refuses lone surrogates
    max_size=8,
)


@BOUNDED
@given(names=st.lists(_NAME_TEXT, max_size=8))
def test_names_normalised_together_are_normalised_as_each_alone(names: list[str]) -> None:
    assert normalised_names(names) == [normalised_name(name) for name in names]


@pytest.mark.parametrize(
    ("one", "other"), [("智能袜子", "智能袜子 2"), ("智能袜子", "智能手套"), ("后羿", "后裔")]
)
def test_different_names_keep_different_keys(one: str, other: str) -> None:
    assert normalised_name(one) != normalised_name(other)


NOISE = st.sampled_from([" ", "\u3000", "-", "·", "—", "！", "!", "、", "“", "”", "\u200b", "_"])


@BOUNDED
@given(
    name=st.text(st.sampled_from("智能袜子经纬感知abcXYZ019"), min_size=2, max_size=12),
    noise=st.lists(st.tuples(st.integers(0, 12), NOISE), max_size=5),
)
def test_spaces_punctuation_and_case_never_change_the_key(
    name: str, noise: list[tuple[int, str]]
) -> None:
    noisy = name.upper()
    for at, char in noise:
        noisy = noisy[:at] + char + noisy[at:]
    assert normalised_name(noisy) == normalised_name(name)


def _project(layout: Layout, college: str, project_id: str, name: str) -> Path:
    text = PROJECT_TEMPLATE.format(id=project_id, name=name).replace(
        "college: textile", f"college: {college}"
    )
    path = layout.projects_dir / college / f"{project_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_partial_run_compares_the_chosen_file_with_every_other_project(
    fixture_layout: Layout,
) -> None:
    _project(fixture_layout, "textile", "first", "智能袜子")
    second = _project(fixture_layout, "materials", "second", "智能 襪子")
    result = validate_repository(fixture_layout, [second], today=TODAY)
    assert [(p.path, p.rule) for p in result.problems] == [
        ("projects/materials/second.yaml", "project.duplicate-name")
    ]
    assert "与「智能袜子」（纺织学院）的名称相同" in result.problems[0].message


def test_a_whole_run_reports_every_file_naming_the_other_by_name_and_college(
    fixture_layout: Layout,
) -> None:
    """A secretary reads this message in the form too: a name and a college, no path."""
    _project(fixture_layout, "textile", "first", "智能袜子")
    _project(fixture_layout, "computing", "second", "智能襪子")
    result = validate_repository(fixture_layout, today=TODAY)
    assert [(p.path, p.line, p.rule) for p in result.problems] == [
        ("projects/computing/second.yaml", 2, "project.duplicate-name"),
        ("projects/textile/first.yaml", 2, "project.duplicate-name"),
    ]
    first, second = (p.message for p in result.problems)
    assert "与「智能袜子」（纺织学院）的名称" in first and "projects/" not in first
    assert "与「智能襪子」（计算机学院）的名称" in second and "projects/" not in second


def test_the_sample_repository_has_no_duplicate_names() -> None:
    result = validate_repository(Layout(repository_root()), today=TODAY)
    assert [p for p in result.problems if p.rule == "project.duplicate-name"] == []
