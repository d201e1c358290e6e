"""Schema patterns behave as ECMAScript says, checked against regress (check-jsonschema's engine)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import regress
from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.load.yamlfile import load_yaml_bytes
from showcase.paths import repository_root
from showcase.validate.ecma_regex import to_python
from showcase.validate.schema_check import SchemaChecker

BOUNDED = settings(max_examples=300, deadline=None, database=None)


def _patterns(node: object) -> set[str]:
    if isinstance(node, dict):
        found = {node["pattern"]} if isinstance(node.get("pattern"), str) else set()
        return found.union(*(_patterns(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_patterns(item) for item in node))
    return set()


SCHEMA_PATTERNS = sorted(
    set().union(
        *(
            _patterns(json.loads(path.read_text(encoding="utf-8")))
            for path in (repository_root() / "schemas").glob("*.json")
        )
    )
)
FEATURE_PATTERNS = [
    r"^\d+$",
    r"^\w+\b",
    r"\B.",
    r"^[\s]*$",
    r"^[^\S]+$",
    r"^[\D]$",
    r"^[\W]$",
    r"^a.c$",
    r"^[$]+$",
    r"^a\$$",
    r"^[]$",
    r"^[^]$",
    r"^[a-]$",
    r"^[-a]$",
    r"^[\]]$",
    r"^(?<word>[a-z]+)-\k<word>$",
    r"^\u{1F600}$",
    r"^\cJ$",
    r"^\0$",
    r"^[\b]$",
    r"^(?=a)[a-z]$",
    r"^a|b$",
]
ALPHABET = st.sampled_from(
    [*"abcAZ019_-$. /@:\\]\n\r\t\x0b\u2028\u2029\ufeff\xa0\x85\x1c\u3000１٣é\b\0😀"]
)
"""Characters where Python's `re` and ECMAScript are known to differ, and ordinary ones."""
TEXTS = st.text(ALPHABET, max_size=12)


def agree(pattern: str, text: str) -> None:
    ecma = regress.Regex(pattern, flags="u").find(text) is not None
    python = re.search(to_python(pattern), text) is not None
    assert python == ecma, (pattern, text, to_python(pattern))


@pytest.mark.parametrize("pattern", SCHEMA_PATTERNS + FEATURE_PATTERNS)
@BOUNDED
@given(text=TEXTS)
def test_translated_pattern_matches_what_ecmascript_matches(pattern: str, text: str) -> None:
    agree(pattern, text)


@pytest.mark.parametrize("pattern", SCHEMA_PATTERNS)
def test_a_valid_value_with_a_trailing_line_break_fails(pattern: str) -> None:
    examples = {
        r"^[a-z0-9]+(-[a-z0-9]+)*$": "smart-yarn",
        r"^[0-9]{4}-[0-9]{2}$": "2024-09",
        r"^https?://[^\s]+$": "https://example.com/",
    }
    if pattern in examples:
        agree(pattern, examples[pattern])
        agree(pattern, examples[pattern] + "\n")
        assert not re.search(to_python(pattern), examples[pattern] + "\n")
    for text in ("a\n", "2024-09\n", "x@y.z\n", "logo.png\n", "09:00-12:00\n"):
        agree(pattern, text)


def test_unsupported_syntax_is_refused_not_guessed() -> None:
    for pattern in (r"\p{L}", "[a-z", "a\\"):
        with pytest.raises(ValueError):
            to_python(pattern)


@pytest.mark.parametrize(
    "written",
    ['id: "smart-yarn-sensor\\n"', "id: |\n  smart-yarn-sensor", 'started: "2021-03\\n"'],
)
def test_the_validator_refuses_a_trailing_line_break_in_a_patterned_field(written: str) -> None:
    source = (repository_root() / "projects/textile/smart-yarn-sensor.yaml").read_text("utf-8")
    key = written.split(":")[0]
    lines = [line for line in source.splitlines() if not line.startswith(f"{key}:")]
    document, problems = load_yaml_bytes(("\n".join([written, *lines]) + "\n").encode(), "p.yaml")
    assert problems == [] and document is not None
    checker = SchemaChecker.from_file(Path(repository_root() / "schemas/project.schema.json"))
    assert [(p.rule, p.line) for p in checker.check(document)] == [("schema.pattern", 1)]
