"""One rule set, several doors: the form, the issue form, ``invoke validate`` and
``invoke new`` agree.

Every case of the parity corpus (tests/parity/cases) is given to each door of
`tests.parity.doors.DOORS` plus the real 提交项目 form in Chromium, typed in the way a
person would (``new`` takes the cases whose values it asks for, and is compared on
errors: it gives no advice). The test fails when one door accepts what another refuses,
or when the doors name different rules; the form must also show each problem at its field, and say
it in the validator's words. One page serves every case: between cases only the widgets
whose values differ are typed again (a list that grows or shrinks reloads the form).
"""

from __future__ import annotations

import copy
import datetime
import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import opencc
import pytest

from showcase.forms.from_issue import project_text
from showcase.load.schemas import load_schema
from showcase.paths import Layout
from showcase.validate import validate_repository
from showcase.validate.dates import DateError, month_from_spelling, parse_date, too_far_ahead
from showcase.validate.duplicate_names import normalised_name
from showcase.validate.wording import wording
from tests.browser.form_filling import fill, set_widget
from tests.parity.corpus import Case, base_project, load_cases
from tests.parity.doors import DOORS, Found, Repository, refuses

pytestmark = pytest.mark.browser
CASES = load_cases()
PASSED = "全部通过，可以提交了。"


@pytest.fixture(scope="module")
def served(repo_site: tuple[str, Path]) -> tuple[Repository, str]:
    """The repository copy behind the served site, with its checked model."""
    url, root = repo_site
    layout = Layout(root)
    model = validate_repository(layout).model
    assert model is not None
    return Repository(root, model, load_schema(layout.schema("project"))), url


_doors: dict[int, FormDoor] = {}


def form_page_door(page: Any, url: str) -> FormDoor:
    """The one form door of `page`, which remembers what is typed into it."""
    return _doors.setdefault(id(page), FormDoor(page, url))


@pytest.fixture(scope="module")
def form_page(browser: Any) -> Iterator[Any]:
    """One page for the whole corpus; any script error on it fails the module."""
    context = browser.new_context(locale="zh-CN")
    # The form keeps what was typed across a reload; each fresh typing starts from nothing.
    context.add_init_script("localStorage.clear()")
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, errors


class FormDoor:
    """The 提交项目 form: the rules it shows after "检查并生成文件"."""

    def __init__(self, page: Any, url: str):
        self.page, self.url = page, url
        self.typed: dict[str, Any] | None = None

    def __call__(self, repository: Repository, data: dict[str, Any]) -> Found:
        page = self.page
        edits = None if self.typed is None else self._edits(self.typed, data)
        self.typed = None  # unknown until the widgets are set
        if edits is None:
            page.goto(f"{self.url}submit/")
            fill(page, data)
        else:
            for selector, value in edits:
                set_widget(page, selector, value)
        self.typed = copy.deepcopy(data)
        page.click(".sc-submit__form button[type=submit]")
        summary = page.locator(".sc-submit__summary")
        listed = [
            (severity, rule)
            for severity, attribute in (("error", "data-rules"), ("warning", "data-advice"))
            for rule in (summary.get_attribute(attribute) or "").split()
        ]
        found = frozenset(listed)
        shown = page.locator(".sc-field__error").evaluate_all(
            "nodes => nodes.flatMap(n => [...(n.dataset.rule || '').split(' ').map(r => ['error', r]),"
            " ...(n.dataset.advice || '').split(' ').map(r => ['warning', r])]).filter(p => p[1])"
        )
        assert sorted(map(tuple, shown)) == sorted(listed), "every problem is shown at its field"
        assert (summary.inner_text() == PASSED) == (not refuses(found))
        return found

    def _edits(self, old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, Any]] | None:
        """(widget, value) pairs that turn what is typed into `new`; None: type it afresh."""
        edits: list[tuple[str, Any]] = []
        for key in [*old, *(k for k in new if k not in old)]:
            before, after = old.get(key), new.get(key)
            if before == after:
                continue
            if isinstance(before, bool | list | dict) or isinstance(after, bool | list | dict):
                if not _same_shape(before, after) or self._is_choice_list(key, after):
                    return None
                edits += _changed_items(key, before, after)
            else:
                edits.append((f"[data-path='{key}']", "" if after is None else after))
        return edits

    def _is_choice_list(self, key: str, value: Any) -> bool:
        return isinstance(value, list) and bool(
            self.page.locator(f"[data-path='{key}'] .sc-choices").count()
        )


def _same_shape(before: Any, after: Any) -> bool:
    """Lists of one length, or mappings; booleans never (a tick cannot be "cleared")."""
    if isinstance(before, list) and isinstance(after, list):
        return len(before) == len(after) and all(
            _same_shape(a, b) or not isinstance(a, bool | list | dict)
            for a, b in zip(before, after, strict=True)
        )
    return (
        isinstance(before, dict)
        and isinstance(after, dict)
        and not any(isinstance(v, bool | list | dict) for v in [*before.values(), *after.values()])
    )


def _changed_items(key: str, before: Any, after: Any) -> list[tuple[str, Any]]:
    if isinstance(before, dict):
        names = [*before, *(k for k in after if k not in before)]
        return [
            (f"[data-path='{key}.{name}']", after.get(name, ""))
            for name in names
            if before.get(name) != after.get(name)
        ]
    edits = []
    for index, (item, new_item) in enumerate(zip(before, after, strict=True)):
        if isinstance(item, dict):
            edits += _changed_items(f"{key}.{index}", item, new_item)
        elif item != new_item:
            edits.append((f"[data-path='{key}.{index}']", new_item))
    return edits


def validator_messages(repository: Repository, data: dict[str, Any]) -> list[str]:
    target = Layout(repository.root).project_file(data["college"], data["id"])
    target.write_text(project_text(data), encoding="utf-8")
    try:
        problems = validate_repository(Layout(repository.root), [target]).problems
    finally:
        target.unlink()
    return [p.message for p in problems]


def test_every_door_accepts_the_good_project(
    served: tuple[Repository, str], form_page: Any
) -> None:
    repository, url = served
    doors = DOORS | {"form": form_page_door(form_page, url)}
    assert {name: door(repository, base_project()) for name, door in doors.items()} == {
        name: frozenset() for name in doors
    }


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_door_refuses_with_the_same_rule(
    served: tuple[Repository, str], form_page: Any, case: Case
) -> None:
    repository, url = served
    doors = DOORS | {"form": form_page_door(form_page, url)}
    answers = {
        name: door(repository, case.data)
        for name, door in doors.items()
        if name not in case.without
    }
    found = {name: rules for name, rules in answers.items() if rules is not None}
    advising = {name: rules for name, rules in found.items() if name != "new"}
    assert all((case.severity, case.rule) in rules for rules in advising.values()), found
    assert len(set(advising.values())) == 1, found
    refusing = {name: {r for r in rules if r[0] == "error"} for name, rules in found.items()}
    assert all(rules == refusing["validate"] for rules in refusing.values()), found
    if "form" in case.without:
        return  # the form writes this value differently (see the case's `without`)
    errors = form_page.locator(".sc-field__error").all_inner_texts()
    for message in validator_messages(repository, case.data):
        assert any(message in text for text in errors), (message, errors)


def _expected_date_problems(text: str, today: datetime.date) -> list[tuple[str, str]]:
    """What the validator says about a date (project_rules: parse_date, too_far_ahead)."""
    try:
        date = parse_date(text)
    except DateError as error:
        return [("date.invalid", wording("date.invalid", value=text, reason=error)[0])]
    if date is not None and too_far_ahead(date, today):
        return [("date.future", wording("date.future", value=text, today=today.isoformat())[0])]
    return []


def test_the_form_reads_every_date_as_the_validator_does(
    served: tuple[Repository, str], form_page: Any
) -> None:
    """Every month 00–13 and day 00–32 of leap, common and century years, and the days
    around the future limit, checked by the form's engine in one call."""
    _, url = served
    today = datetime.date.today()
    dates = [
        f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")
        for year in (1899, 1900, 2000, 2023, 2024, 2100)
        for month in range(14)
        for day in (None, 0, 1, 28, 29, 30, 31, 32)
    ]
    dates += [(today + datetime.timedelta(days=offset)).isoformat() for offset in range(-2, 40, 3)]
    form_page.goto(f"{url}submit/")
    _doors.pop(id(form_page), None)  # the next form door types afresh
    found = form_page.evaluate(
        """dates => {
          const spec = JSON.parse(document.querySelector(".sc-submit__form").dataset.spec);
          const engine = window.scProjectRules(spec);
          return dates.map(date => engine.check({achievements: [{date}]}, null)
            .filter(p => p.path === "achievements.0.date" && p.rule.startsWith("date."))
            .map(p => [p.rule, p.message]));
        }""",
        dates,
    )
    assert {p[0] for problems in found for p in problems} == {"date.invalid", "date.future"}
    for date, problems in zip(dates, found, strict=True):
        assert [tuple(p) for p in problems] == _expected_date_problems(date, today), date


def _month_spellings() -> list[str]:
    """Months as people type them (every separator, padding, width, spacing, 年…月) and
    near misses that are not months."""
    full = str.maketrans("0123456789", "０１２３４５６７８９")
    written = []
    for year, month in ((2025, 3), (2024, 12), (1899, 0), (2023, 13), (2026, 1)):
        for separator in ("-", "/", ".", "年", " - ", "／", "．", "\u3000年\u3000", "\t/"):
            for month_text in (str(month), f"{month:02d}"):
                for end in ("", "月", " 月"):
                    text = f"{year}{separator}{month_text}{end}"
                    written += [text, text.translate(full), f"  {text}\u3000"]
    written += ["2025—3", "25/3", "2025年3月份", "2025 3", "2025-003", "二〇二五年三月"]
    written += ["2025-3-1", "2025年3月1日", "3/2025", "2025-", "-03", "", "2025年-3月"]
    return written


def test_the_form_reads_a_month_in_every_spelling_invoke_new_reads(
    served: tuple[Repository, str], form_page: Any
) -> None:
    """The form's reading of a typed month (monthOf, from the specification's pattern) is
    `month_from_spelling`'s, which `invoke new` uses, for every spelling of the class."""
    _, url = served
    spellings = _month_spellings()
    form_page.goto(f"{url}submit/")
    _doors.pop(id(form_page), None)  # the next form door types afresh
    read = form_page.evaluate(
        """texts => {
          const spec = JSON.parse(document.querySelector(".sc-submit__form").dataset.spec);
          const engine = window.scProjectRules(spec);
          return texts.map(text => engine.monthOf(text));
        }""",
        spellings,
    )
    expected = [month_from_spelling(text) for text in spellings]
    assert read == expected
    assert sum(month is not None for month in expected) > len(spellings) / 2
    assert "2025-03" in expected and "2023-13" in expected


def _spellings(name: str) -> list[str]:
    """Ways to write a name that a reader takes for the same one, and a few that are not."""
    full_width = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in name)
    written = [name, name.upper(), full_width, " ".join(name), name + "！", f"《{name}》", name[1:]]
    written += [_converter(table).convert(name) for table in ("s2t", "s2tw", "s2hk")]
    return written


@functools.cache
def _converter(table: str) -> opencc.OpenCC:
    """One OpenCC per table: loading one costs ~0.1 s, converting a name microseconds."""
    return opencc.OpenCC(table)


def test_the_form_finds_a_name_in_use_as_the_validator_does(
    served: tuple[Repository, str], form_page: Any
) -> None:
    """Every project's name in capitals, full width, spaced, punctuated, traditional, or
    cut short: the form calls it taken exactly when `normalised_name` matches."""
    repository, url = served
    used = {normalised_name(project.name) for project in repository.model.projects.values()}
    names = [s for p in repository.model.projects.values() for s in _spellings(p.name)]
    form_page.goto(f"{url}submit/")
    _doors.pop(id(form_page), None)  # the next form door types afresh
    taken = form_page.evaluate(
        """async names => {
          const spec = JSON.parse(document.querySelector(".sc-submit__form").dataset.spec);
          spec.rules.taken = await (await fetch(spec.takenFile)).json();
          const engine = window.scProjectRules(spec);
          return names.map(name => engine.check({id: "parity-new", college: "textile", name}, null)
            .some(p => p.rule === "project.duplicate-name"));
        }""",
        names,
    )
    assert any(taken) and not all(taken)
    assert [name for name, is_taken in zip(names, taken, strict=True) if is_taken] == [
        name for name in names if normalised_name(name) in used
    ]


def test_invoke_new_is_a_door_for_the_cases_it_can_express(
    served: tuple[Repository, str],
) -> None:
    """``new`` asks no achievement, link or keyword; every other case goes through it."""
    repository, _ = served
    taken = [case.name for case in CASES if "new" not in case.without]
    answered = [name for name in taken if DOORS["new"](repository, _case(name).data) is not None]
    print(f"invoke new takes {len(answered)} of {len(CASES)} parity cases")
    assert len(answered) >= 20


def _case(name: str) -> Case:
    return next(case for case in CASES if case.name == name)
