"""Every rule the validator can give one project file is applied by the form, impossible in
a file the form writes, or named on the form as checked before merging; and every rule
the form applies has a case in the parity corpus (tests/parity/cases)."""

from __future__ import annotations

import html
import re

from showcase.forms.rule_sets import BEFORE_MERGE, BY_CONSTRUCTION, IN_BROWSER, WARNINGS
from showcase.render.submit_page import SUBMIT
from tests.factories import make_model, project_schema
from tests.parity.corpus import load_cases
from tests.render.helpers import render
from tests.rule_coverage import rules_in_code

PROJECT_NAMESPACES = (
    "schema.",
    "project.",
    "date.",
    "milestone.",
    "email.",
    "link.",
    "text.",
    "personal.",
    "privacy.",
    "logo.",
    "image.",
    "load.",
    "summary.",
    "seeking.",
)
NOT_ABOUT_ONE_FILE = {"schema.broken"}
"""The schemas folder itself cannot be read: no file is checked at all."""


def project_file_rules() -> set[str]:
    """The rule ids the code can give a project file (the reserved-word rule only when the
    project schema uses ``not``)."""
    rules = {rule for rule in rules_in_code() if rule.startswith(PROJECT_NAMESPACES)}
    if '"not"' not in str(project_schema()).replace("'", '"'):
        rules.discard("schema.reserved")
    return rules - NOT_ABOUT_ONE_FILE


def test_every_project_rule_has_its_place() -> None:
    before_merge = {rule for rules, _ in BEFORE_MERGE for rule in rules}
    constructed = {r for r in project_file_rules() if r.startswith("load.")} | set(BY_CONSTRUCTION)
    placed = set(IN_BROWSER) | set(WARNINGS) | constructed | before_merge
    assert project_file_rules() - placed == set()
    assert set(IN_BROWSER) & constructed == set()
    assert set(IN_BROWSER) & set(WARNINGS) == set()
    assert (
        placed
        - project_file_rules()
        - {"load.*"}
        - {rule for rule in before_merge if rule.startswith("review.")}
        == set()
    ), "a rule named here that the code no longer has"


def test_every_rule_the_form_applies_has_a_parity_case() -> None:
    cases = load_cases()
    assert len(cases) >= 30
    applied = {*IN_BROWSER, *WARNINGS}
    assert applied - {case.rule for case in cases} == set()
    assert {case.rule for case in cases} <= applied
    assert {case.rule for case in cases if case.severity == "warning"} == set(WARNINGS)


def test_the_form_names_what_is_checked_before_merging() -> None:
    page = render(make_model(count=2)).files[SUBMIT].decode()
    listed = re.search(r'<div class="sc-submit__before-merge">(.*?)</div>', page, re.S)
    assert listed and "合并前还会检查：" in listed.group(1)
    for rules, text in BEFORE_MERGE:
        assert f'<li data-rules="{" ".join(rules)}">{html.escape(text)}</li>' in listed.group(1)
