"""Personal-data scan: what is caught, and the look-alikes that must not be."""

from __future__ import annotations

import datetime

import pytest

from showcase.load.yamlfile import load_yaml_bytes
from showcase.validate.personal_data import scan_personal_data

TODAY = datetime.date(2025, 6, 15)


def rules(source: str) -> list[tuple[str, int, int]]:
    document, problems = load_yaml_bytes(source.encode(), "p.yaml")
    assert document is not None, problems
    return [(p.rule, p.line, p.column) for p in scan_personal_data(document, {}, TODAY)]


@pytest.mark.parametrize(
    "written",
    [
        "13812345678",
        "138-1234-5678",
        "138 1234 5678",
        "+86 13812345678",
        "+86-138-1234-5678",
        "8613812345678",
        "电话13812345678",
    ],
)
def test_mobile_numbers_in_text_are_caught(written: str) -> None:
    assert [rule for rule, _, _ in rules(f"note: 联系 {written} 即可\n")] == ["personal.phone"]


@pytest.mark.parametrize(
    "source",
    [
        "amount_cny: 13800000000\n",  # a number, not text: an amount
        "amount_cny: 13800000000  # 1.38 亿\n",
        "note: 订单号 2138123456789\n",  # part of a longer digit run
        "note: 12812345678\n",  # 12x is no mobile prefix
        "note: 110105194912310021\n",  # 18 digits, wrong check digit
        "note: 2024-09-01 至 2025-01-01\n",
    ],
)
def test_look_alikes_are_not_flagged(source: str) -> None:
    assert rules(source) == []


def test_a_phone_in_a_comment_is_caught_at_its_column() -> None:
    assert rules("a: 1\n# 负责人 13912345678\n") == [("personal.phone", 2, 7)]


def test_id_card_number_needs_a_valid_check_digit_and_birth_date() -> None:
    assert rules("note: 11010519491231002X\n") == [("personal.id-card", 1, 7)]
    assert rules("note: 11010519491231002x\n") == [("personal.id-card", 1, 7)]
    assert rules("note: 110105194913310025\n") == []  # month 13


def test_an_id_card_number_held_as_a_number_is_still_caught() -> None:
    assert rules("id_card: 440524188001010014\n") == [("personal.id-card", 1, 10)]


def test_student_numbers_need_a_student_context() -> None:
    assert rules("role: 队长（学号：2021123456）\n") == [("personal.student-id", 1, 13)]
    assert rules("student_id: 20211234\n") == [("personal.student-id", 1, 13)]
    assert rules("role: 编号 2021123456\n") == []


def test_the_message_says_why_and_masks_the_number() -> None:
    document, _ = load_yaml_bytes("note: 电话 13812345678\n".encode(), "p.yaml")
    assert document is not None
    (problem,) = scan_personal_data(document, {}, TODAY)
    assert "《个人信息保护法》" in problem.message
    assert "138****5678" in problem.message
    assert "13812345678" not in problem.text()
