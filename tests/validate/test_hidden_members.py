"""Members who are not named (``public: false``) have no name in the repository.

The data-driven cases (cases/hidden-member-*) pin the exact messages for hand-written
spellings; here generated teams check the rule as a whole: the privacy problem appears
exactly where a non-public member has a ``name`` key, it replaces every other complaint
about that name, no message repeats the name, and the model has nowhere to keep one.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.load.yamlfile import Document, load_yaml_bytes
from showcase.model import HiddenMember, Project
from showcase.paths import repository_root
from showcase.validate.schema_check import SchemaChecker
from showcase.yamltext import to_yaml
from tests.factories import project_data

RULE = "privacy.hidden-member-name"
MARK = "XQ"
"""Starts every generated non-empty name: a message that repeats a name would show it."""

CHECKER = SchemaChecker.from_file(repository_root() / "schemas" / "project.schema.json")

names = st.one_of(
    st.just(""),
    st.text(alphabet=" \u3000\t", min_size=1, max_size=4),
    st.text(alphabet="张王李赵欧阳·-' abcXYZ0123", max_size=30).map(lambda text: MARK + text),
    st.sampled_from([0, 2024, True]),
)
members = st.fixed_dictionaries(
    {"role": st.sampled_from(["负责人", "财务", "工艺"])},
    optional={
        "name": names,
        "major": st.just("纺织工程"),
        "public": st.sampled_from([True, False]),
    },
)


def _document(team: list[dict[str, Any]]) -> Document:
    data = project_data("foo", team=team)
    document, problems = load_yaml_bytes(to_yaml(data).encode("utf-8"), "foo.yaml")
    assert problems == [] and document is not None
    return document


def _is_name_path(field: str, index: int) -> bool:
    return field.startswith(f"team[{index + 1}].name")


@settings(max_examples=150, deadline=None)
@given(st.lists(members, min_size=1, max_size=6))
def test_a_name_is_refused_exactly_on_members_not_named(team: list[dict[str, Any]]) -> None:
    problems = CHECKER.check(_document(team))
    for index, member in enumerate(team):
        hidden = member.get("public") is False
        about_name = [p for p in problems if _is_name_path(p.field, index)]
        if hidden and "name" in member:
            assert [p.rule for p in about_name] == [RULE], about_name
        elif hidden:
            assert about_name == []
        elif "name" not in member:
            assert [p.rule for p in about_name] == ["schema.required"]
        else:
            assert RULE not in [p.rule for p in about_name]
    for problem in problems:
        assert MARK not in problem.message + problem.hint + problem.field


@settings(max_examples=50, deadline=None)
@given(st.lists(members.filter(lambda m: m.get("public") is False), min_size=1, max_size=4))
def test_the_model_keeps_what_members_not_named_do_and_nothing_else(
    team: list[dict[str, Any]],
) -> None:
    leader = {"name": "张同学", "role": "负责人"}
    project = Project.from_data(project_data("foo", team=[leader, *team]), "foo.yaml")
    assert [m.name for m in project.team] == ["张同学"]
    assert project.hidden_members == len(team)
    assert project.hidden_team == tuple(HiddenMember(m["role"], m.get("major", "")) for m in team)
    assert MARK not in repr(project)


def test_a_hidden_member_has_no_field_for_a_name() -> None:
    assert "name" not in HiddenMember.__dataclass_fields__


def test_a_forbidden_key_without_its_own_wording_gets_a_generic_message() -> None:
    checker = SchemaChecker(
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "properties": {"a": {"title": "甲"}},
            "if": {"required": ["b"]},
            "then": {"properties": {"a": False}},
        }
    )
    document, _ = load_yaml_bytes(b"b: 1\na: 2\n", "x.yaml")
    assert document is not None
    assert [p.text() for p in checker.check(document)] == [
        "x.yaml:2:1: 错误 a（甲）: 这里不能写 a。 修改建议：删除 a 这一行。"
    ]
    assert [p.rule for p in checker.check(document)] == ["schema.forbidden"]


def test_a_false_schema_that_is_not_a_property_gets_the_generic_message() -> None:
    checker = SchemaChecker(
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "patternProperties": {"^x": False},
        }
    )
    document, _ = load_yaml_bytes(b"xa: 1\n", "x.yaml")
    assert document is not None
    assert [(p.rule, p.line) for p in checker.check(document)] == [("schema.other", 1)]
