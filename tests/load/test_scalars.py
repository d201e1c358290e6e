"""Plain scalars: the YAML 1.2 core reading, checked against check-jsonschema's own loader."""

from __future__ import annotations

import io
import math

import pytest
from check_jsonschema.parsers.yaml import construct_yaml_implementation, impl2loader
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from showcase.load.scalars import MAX_EXACT_INTEGER, resolve_plain
from showcase.load.yamlfile import load_yaml_bytes

BOUNDED = settings(max_examples=800, deadline=None, database=None)
_judge = impl2loader(construct_yaml_implementation(), construct_yaml_implementation(pure=True))

CORE = [
    ("yes", "yes"),
    ("no", "no"),
    ("on", "on"),
    ("off", "off"),
    ("y", "y"),
    ("n", "n"),
    ("Yes", "Yes"),
    ("NO", "NO"),
    ("true", True),
    ("True", True),
    ("TRUE", True),
    ("false", False),
    ("False", False),
    ("FALSE", False),
    ("tRue", "tRue"),
    ("null", None),
    ("Null", None),
    ("NULL", None),
    ("~", None),
    ("", None),
    ("nULL", "nULL"),
    ("0", 0),
    ("-0", 0),
    ("+12", 12),
    ("017", 17),
    ("0o17", 15),
    ("0x1F", 31),
    ("0x1f", 31),
    ("1:20", "1:20"),
    ("12:30:00", "12:30:00"),
    ("1.5", 1.5),
    ("1.", 1.0),
    (".5", 0.5),
    ("-.5", -0.5),
    ("1e3", 1000.0),
    ("1E+3", 1000.0),
    ("2.5e-3", 0.0025),
    ("2024-09-01", "2024-09-01"),
    ("2024-09", "2024-09"),
    ("2001-12-14t21:59:43.10-05:00", "2001-12-14t21:59:43.10-05:00"),
    ("0b", "0b"),
    ("0o8", "0o8"),
    ("_1", "_1"),
    ("1.2.3", "1.2.3"),
    ("+", "+"),
    (".", "."),
]
REFUSED = [
    ("1_000", "load.ambiguous-scalar"),
    ("1__0", "load.ambiguous-scalar"),
    ("1_0.5", "load.ambiguous-scalar"),
    ("0.1_0", "load.ambiguous-scalar"),
    ("0b101", "load.ambiguous-scalar"),
    ("-0b1", "load.ambiguous-scalar"),
    ("0b1_0", "load.ambiguous-scalar"),
    ("-0o17", "load.ambiguous-scalar"),
    ("+0x1F", "load.ambiguous-scalar"),
    ("0x_1", "load.ambiguous-scalar"),
    ("0o1_7", "load.ambiguous-scalar"),
    ("0_7", "load.ambiguous-scalar"),
    (".5e3", "load.ambiguous-scalar"),
    ("=", "load.ambiguous-scalar"),
    ("<<", "load.ambiguous-scalar"),
    (".nan", "load.non-finite-number"),
    (".NaN", "load.non-finite-number"),
    (".NAN", "load.non-finite-number"),
    (".inf", "load.non-finite-number"),
    ("-.Inf", "load.non-finite-number"),
    ("+.INF", "load.non-finite-number"),
    ("1e400", "load.number-out-of-range"),
    ("-1E400", "load.number-out-of-range"),
    ("1e-400", "load.number-out-of-range"),
    ("9007199254740992", "load.number-out-of-range"),
    ("-9007199254740992", "load.number-out-of-range"),
    ("0x20000000000000", "load.number-out-of-range"),
    ("1e16", "load.number-out-of-range"),
    ("9" * 5000, "load.number-out-of-range"),
    ("0" * 30 + "1" + "0" * 16, "load.number-out-of-range"),
]


@pytest.mark.parametrize(("written", "value"), CORE)
def test_plain_scalars_follow_the_yaml_1_2_core_schema(written: str, value: object) -> None:
    resolved = resolve_plain(written)
    assert resolved.refusal is None
    assert resolved.value == value and type(resolved.value) is type(value)


@pytest.mark.parametrize(("written", "rule"), REFUSED)
def test_spellings_readers_disagree_on_and_absurd_numbers_are_refused(
    written: str, rule: str
) -> None:
    document, problems = load_yaml_bytes(f"a: {written}\nb: x\n".encode(), "p.yaml")
    assert [(p.rule, p.line, p.column) for p in problems] == [(rule, 1, 4)]
    assert document is not None and document.data == {"a": written, "b": "x"}
    assert document.refused == {("a",)}


def test_the_largest_exact_integer_is_still_a_number() -> None:
    assert resolve_plain(str(MAX_EXACT_INTEGER)).value == MAX_EXACT_INTEGER
    assert resolve_plain(str(-MAX_EXACT_INTEGER)).value == -MAX_EXACT_INTEGER


def _judge_reads(written: str) -> tuple[bool, object]:
    try:
        return True, _judge(io.BytesIO(f"a: {written}\n".encode()))["a"]
    except Exception:
        return False, None


NUMBERISH = st.text(st.sampled_from(list("0123456789+-._eExXoObB:aAfFiInN~=<")), max_size=7)


@BOUNDED
@given(written=NUMBERISH)
def test_every_accepted_scalar_reads_as_check_jsonschema_reads_it(written: str) -> None:
    document, problems = load_yaml_bytes(f"a: {written}\n".encode(), "p.yaml")
    assume(document is not None or any(p.rule == "load.syntax" for p in problems))
    readable, theirs = _judge_reads(written)
    if document is None:
        assert not readable  # a syntax error for us is one for them
        return
    ours = document.data["a"]
    if problems:
        assert ("a",) in document.refused
        return
    assert readable, written
    assert type(ours) is type(theirs), (written, ours, theirs)
    assert ours == theirs or (isinstance(ours, float) and math.isnan(ours)), written
