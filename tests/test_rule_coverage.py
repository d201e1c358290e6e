"""Every rule id the code can emit is produced by at least one data-driven case.

"A case" here means only a data-driven case folder whose expected.txt names the rule
(tests/validate/cases, tests/forms/cases, tests/review/cases, tests/funding/cases); a unit
test that merely mentions the id does not count. How the ids are found is in tests/rule_coverage.py;
``python -m tests.rule_coverage`` prints the figure.
"""

from __future__ import annotations

import textwrap

from tests.rule_coverage import rules_in_cases, rules_in_code, rules_in_sources, rules_not_read


def test_every_rule_the_code_can_emit_has_a_data_driven_case() -> None:
    code, cases = rules_in_code(), rules_in_cases()
    missing = sorted(code - set(cases))
    figure = f"{len(code) - len(missing)}/{len(code)}"
    print(f"rule coverage: {figure} rules in code have a data-driven case")
    assert not missing, (
        f"rule coverage {figure}: add a case folder (tests/validate/cases/<name>/ with "
        f"files and expected.txt, or tests/forms/cases, tests/review/cases, tests/funding/cases; "
        f"the format is in tests/validate/test_cases.py) for: {missing}"
    )


def test_every_rule_the_code_emits_is_written_so_the_collector_can_read_it() -> None:
    """An f-string or a looked-up rule id would be missing from the figure above."""
    assert rules_not_read() == []


def test_every_rule_a_case_names_is_one_the_code_can_emit() -> None:
    """A case naming a rule the collector cannot see is a typo in expected.txt, or a way
    of writing a rule id the collector must learn (e.g. an id built with an f-string)."""
    unknown = set(rules_in_cases()) - rules_in_code()
    assert not unknown, sorted(unknown)


PACKAGE = [
    """
    def file_problem(display_path, rule, message, hint):
        return Problem(display_path, rule=rule, message=message, hint=hint)
    """,
    '''
    from somewhere import file_problem as _file_problem

    PHONE = "personal.phone"
    LOGO = "logo.png"
    Finding = tuple[str, str, str]
    """(rule, message, hint) of one image problem."""

    @dataclass
    class Issue:
        path: tuple
        rule: str
        message: str

    def report(path, rule, message, hint):
        pass

    def _number_rule(digits) -> str | None:
        return PHONE if digits else None

    def _image(name) -> Finding | None:
        if name:
            return ("a.returned-triple", "坏了", "重做")
        return None

    def check(value, holder):
        Problem("p.yaml", rule="a.keyword")
        _file_problem("p.yaml", "a.aliased", "坏了", "")
        report(("key",), "a.positional", "坏了", "重做")
        Issue(("key",), "a.field", "坏了")
        rule, hint = "a.assigned", "重做"
        rule = "a.either" if value else "a.or"
        for key, rule in (("mentors", "a.looped"), ("fields", "a.looped-too")):
            pass
        holder.get("x-rule", "a.default")
        report(("key",), f"a.built-{value}", "坏了", "重做")
        open(LOGO).read()
        Path("mkdocs.yml").write_text("site.name")
        print("team.0.name", Issue)
    ''',
]


def test_the_collector_reads_each_way_a_rule_is_written_and_nothing_else() -> None:
    found = rules_in_sources([textwrap.dedent(source) for source in PACKAGE])
    assert found == {
        "personal.phone",
        "a.returned-triple",
        "a.keyword",
        "a.aliased",
        "a.positional",
        "a.field",
        "a.assigned",
        "a.either",
        "a.or",
        "a.looped",
        "a.looped-too",
        "a.default",
    }
