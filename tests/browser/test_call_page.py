"""A call's page and its 申报表 in a real browser, on the sample's publication day.

The site is a copy of this repository built for 2026-11-30: the incubator referral is open
(form and countdown), the makerspace intake is in 公示 (proposed results and the
objection channel, no form). What the form writes, laid into the copy, the validator
accepts; what it refuses, the validator refuses with the same rule.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from showcase.paths import Layout, application_file_path
from showcase.problems import Severity
from showcase.validate import validate_repository
from tests.browser.conftest import Guard, serve_repository_copy
from tests.conftest import PUBLICATION_DAY

pytestmark = pytest.mark.browser

OPEN = "2026-incubator-referral"
IN_PUBLICITY = "2026-autumn-makerspace-intake"
PROJECT = ("arts", "adaptive-clothing")
GOOD: dict[str, Any] = {
    "plan": "把适老化服装做成可量产的系列：\n\n- 与两家养老机构合作试穿\n- 完成三款产品的打版和小批量生产，验证成本",
    "requested_amount": "3,0000",
    "budget_lines": [("打版与样衣", "20000"), ("试穿与调研", "10000")],
    "milestones": [("2027-03", "三款产品小批量生产")],
}


@pytest.fixture(scope="module")
def call_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    with serve_repository_copy(tmp_path_factory.mktemp("call-repo"), PUBLICATION_DAY) as served:
        yield served


def fill(page: Any, url: str, values: dict[str, Any]) -> None:
    page.goto(f"{url}calls/{OPEN}/")
    form = ".sc-application-form"
    page.select_option(f'{form} [name="project"]', PROJECT[1])
    page.fill(f'{form} [name="plan"]', values["plan"])
    page.fill(f'{form} [name="requested_amount"]', values["requested_amount"])
    for key, names in (("budget_lines", ("item", "amount")), ("milestones", ("date", "what"))):
        for index, row in enumerate(values[key]):
            page.click(f'{form} [data-path="{key}"] > p > button')
            for name, text in zip(names, row, strict=True):
                page.fill(f'{form} [name="{key}.{index}.{name}"]', text)
    page.click(f"{form} button[type=submit]")


def laid_in(root: Path, copy: Path, text: str) -> list[Any]:
    for folder in ("content", "schemas", "projects"):
        shutil.copytree(root / folder, copy / folder)
    file = copy / application_file_path(*PROJECT, OPEN)
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    return validate_repository(Layout(copy), today=PUBLICATION_DAY).problems


def test_the_open_call_counts_down_and_its_form_writes_an_application_the_validator_accepts(
    page: Any, call_site: tuple[str, Path], tmp_path: Path, guard: Guard
) -> None:
    url, root = call_site
    page.clock.set_fixed_time("2026-11-30T09:00:00+08:00")
    fill(page, url, GOOD)
    countdown = page.locator(".sc-call__countdown").inner_text()
    assert countdown == "距申报截止还有 18 天 8 小时。"
    errors = page.locator(".sc-field--invalid").all_inner_texts()
    assert page.locator(".sc-submit__summary").inner_text() == "全部通过，可以提交了。", errors
    text = page.locator(".sc-application-form__result textarea").input_value()
    assert text.startswith(
        "# yaml-language-server: $schema=../../../../schemas/application.schema.json\nplan: |\n"
    )
    assert "requested_amount: 30000\n" in text
    link = page.locator('[data-action="new-file"]').get_attribute("href")
    assert (
        "file_name=projects%2Farts%2Fadaptive-clothing%2Fapplications%2F2026-incubator-referral.yaml"
        in link
    )
    problems = laid_in(root, tmp_path, text)
    assert [str(p) for p in problems if p.severity is Severity.ERROR] == []
    assert (guard.external_requests, guard.console_errors, guard.csp_violations) == ([], [], [])
    options = page.locator('.sc-application-form [name="project"] option').all_inner_texts()
    assert "缝制单元自动上下料机器人" not in options, "a project that applied is not offered again"
    assert "草木集——植物染色体验工坊" not in options, "a nursery project is not eligible"


BAD = [
    ({"requested_amount": "25000"}, "budget_lines", "application.budget-sum"),
    (
        {"requested_amount": "60000", "budget_lines": [("打版与样衣", "60000")]},
        "requested_amount",
        "application.over-cap",
    ),
    ({"plan": "太短的计划"}, "plan", "schema.min-length"),
    ({"plan": GOOD["plan"] + "\n联系 138 1234 5678"}, "plan", "personal.phone"),
]


@pytest.mark.parametrize(("change", "path", "rule"), BAD)
def test_the_form_refuses_what_the_validator_refuses(
    page: Any,
    call_site: tuple[str, Path],
    tmp_path: Path,
    change: dict[str, Any],
    path: str,
    rule: str,
) -> None:
    url, root = call_site
    values = {**GOOD, **change}
    fill(page, url, values)
    error = page.locator(f'.sc-application-form [data-error-for="{path}"]')
    assert rule in (error.get_attribute("data-rule") or "").split(), error.inner_text()
    assert page.locator(".sc-application-form__result").is_hidden()
    if path in ("plan", "requested_amount"):  # one control: the error is its description
        control = page.locator(f'.sc-application-form [name="{path}"]')
        assert control.get_attribute("aria-invalid") == "true"
        described = (control.get_attribute("aria-describedby") or "").split()
        assert error.get_attribute("id") in described
    amount = int(values["requested_amount"].replace(",", ""))
    lines = "".join(f"  - item: {item}\n    amount: {n}\n" for item, n in values["budget_lines"])
    plan = "".join(f"  {line}\n" if line else "\n" for line in values["plan"].split("\n"))
    text = f"plan: |\n{plan}requested_amount: {amount}\nbudget_lines:\n{lines}"
    assert rule in {p.rule for p in laid_in(root, tmp_path, text)}


def test_a_call_in_publicity_shows_proposed_results_and_the_objection_channel_without_a_form(
    page: Any, call_site: tuple[str, Path], guard: Guard
) -> None:
    url, _ = call_site
    page.clock.set_fixed_time("2026-11-30T09:00:00+08:00")
    page.goto(f"{url}calls/{IN_PUBLICITY}/")
    assert page.locator(".sc-application-form").count() == 0
    assert page.locator(".sc-call__countdown").inner_text() == "申报已截止，不再接受新的申报书。"
    results = page.locator("section", has=page.locator("h2", has_text="拟支持名单（公示）"))
    assert "零醛——纺织数码印花水性颜料墨水" in results.inner_text()
    assert "草木集" not in results.inner_text(), "a project not supported is not listed"
    assert results.locator('a[href="mailto:makerspace@example.edu.cn"]').count() == 1
    assert "钱立新" not in page.content()
    assert not page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )
    assert (guard.external_requests, guard.console_errors, guard.csp_violations) == ([], [], [])
