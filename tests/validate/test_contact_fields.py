"""Contact fields of the registries, over classes of spellings (the cases/ folders pin one
example of each rule; these check that every spelling of a class is judged alike)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from showcase.load.schemas import load_schema
from showcase.paths import Layout, repository_root
from showcase.problems import Problem
from showcase.validate import validate_repository
from tests.validate.conftest import TODAY, make_repository

COLLEGES = """colleges:
  - id: textile
    name: 纺织学院
    nursery: 纺织学院创业苗圃
    association: 纺织学院创客协会
    contacts:
      nursery:
        office: 纺织学院创业苗圃办公室
        address: 纺织楼 A208 室
        {field}: {value}
    maintainers:
      - textile-club
  - id: materials
    name: 材料学院
    nursery: 材料学院创业苗圃
    association: 材料学院创客协会
    maintainers:
      - materials-club
  - id: computing
    name: 计算机学院
    nursery: 计算机学院创业苗圃
    association: 计算机学院创客协会
    maintainers:
      - computing-club
"""
LINE = 10
"""The line of the contact's field above."""

OFFICE_LINES = st.builds(
    lambda area, number, extension: f"{area}-{number}" + (f"-{extension}" if extension else ""),
    st.from_regex(r"0[1-9][0-9]{1,2}", fullmatch=True),
    st.from_regex(r"[2-9][0-9]{6,7}", fullmatch=True),
    st.one_of(st.just(""), st.from_regex(r"[0-9]{1,6}", fullmatch=True)),
)
MISSPELT_LINES = st.one_of(
    st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),  # a mobile number
    st.from_regex(r"1[3-9][0-9]-[0-9]{4}-[0-9]{4}", fullmatch=True),
    st.from_regex(r"0[1-9][0-9]{1,2} [2-9][0-9]{7}", fullmatch=True),  # space, not hyphen
    st.from_regex(r"\(0[1-9][0-9]{1,2}\)[2-9][0-9]{7}", fullmatch=True),
    st.from_regex(r"\+86-[1-9][0-9]{1,2}-[2-9][0-9]{7}", fullmatch=True),
    st.from_regex(r"0[1-9][0-9]{1,2}-[2-9][0-9]{3}", fullmatch=True),  # too short
    st.from_regex(r"0[1-9][0-9]{1,2}[2-9][0-9]{7}", fullmatch=True),  # no hyphen
)
MISSPELT_MAILBOXES = st.one_of(
    st.from_regex(r"[a-z]{3,8}\(at\)example\.edu\.cn", fullmatch=True),
    st.from_regex(r"[a-z]{3,8}@example", fullmatch=True),
    st.from_regex(r"[a-z]{3,8} [a-z]{2,5}@example\.edu\.cn", fullmatch=True),
    st.from_regex(r"[a-z]{3,8}@@example\.edu\.cn", fullmatch=True),
)
CHECKED = settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def problems_with(root: Path, field: str, value: str) -> list[Problem]:
    layout = Layout(root)
    text = COLLEGES.format(field=field, value=json.dumps(value, ensure_ascii=False))
    (root / "content" / "colleges.yaml").write_text(text, encoding="utf-8")
    return validate_repository(layout, [root / "content" / "colleges.yaml"], TODAY).problems


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_repository(tmp_path_factory.mktemp("contacts") / "repo").root


@CHECKED
@given(phone=OFFICE_LINES)
def test_every_office_line_spelling_is_accepted(repository: Path, phone: str) -> None:
    assert problems_with(repository, "phone", phone) == []


@CHECKED
@given(phone=MISSPELT_LINES)
def test_a_misspelt_or_mobile_number_is_one_pattern_error_at_its_line(
    repository: Path, phone: str
) -> None:
    found = problems_with(repository, "phone", phone)
    assert [(p.rule, p.line, p.field) for p in found] == [
        ("schema.pattern", LINE, "colleges[1].contacts.nursery.phone（办公电话）")
    ]
    assert "区号-号码" in found[0].hint


@CHECKED
@given(email=MISSPELT_MAILBOXES)
def test_a_misspelt_mailbox_is_one_pattern_error_at_its_line(repository: Path, email: str) -> None:
    found = problems_with(repository, "email", email)
    assert [(p.rule, p.line) for p in found] == [("schema.pattern", LINE)]


@CHECKED
@given(url=st.from_regex(r"(?:www\.)?[a-z]{3,8}\.(?:com|cn)/[a-z]{0,6}", fullmatch=True))
def test_a_qr_address_without_its_scheme_is_one_pattern_error(repository: Path, url: str) -> None:
    found = problems_with(repository, "qr_url", url)
    assert [(p.rule, p.line) for p in found] == [("schema.pattern", LINE)]


def test_an_office_mailbox_is_no_personal_data_but_a_personal_provider_is_refused(
    repository: Path,
) -> None:
    assert problems_with(repository, "email", "jingwei@example.edu.cn") == []
    found = problems_with(repository, "email", "jingwei@vip.163.com")
    assert [(p.rule, p.line) for p in found] == [("email.domain", LINE)]


def _contact_nodes(node: object, where: str) -> list[tuple[str, dict[str, object]]]:
    """Every schema node that describes a contact (it has both ``office`` and ``qr_url``)."""
    found = []
    if isinstance(node, dict):
        properties = node.get("properties")
        if isinstance(properties, dict) and {"office", "qr_url"} <= properties.keys():
            found.append((where, node))
        for key, child in node.items():
            found += _contact_nodes(child, f"{where}/{key}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found += _contact_nodes(child, f"{where}/{index}")
    return found


def test_every_schema_describes_a_contact_the_same_way() -> None:
    """The college, site and partner schemas each hold a copy (titles resolve without
    ``$ref``); the copies must not drift apart."""
    layout = Layout(repository_root())
    nodes = [
        (f"{kind}{where}", node)
        for kind in ("college", "site", "partner")
        for where, node in _contact_nodes(load_schema(layout.schema(kind)), "")
    ]
    assert len(nodes) == 5
    shapes = {
        json.dumps({k: v for k, v in node.items() if k not in ("title", "description")})
        for _, node in nodes
    }
    assert len(shapes) == 1, [where for where, _ in nodes]
