"""One rule set, several doors: the form, the issue form and ``invoke validate`` agree.

Every case of the parity corpus (tests/parity/cases) is given to each door of
`tests.parity.doors.DOORS` plus the real 提交项目 form in Chromium, typed in the way a
person would. The test fails when one door accepts what another refuses, or when the
doors name different rules; the form must also show each problem at its field, and say
it in the validator's words. One page serves every case, reloaded between them.
"""

from __future__ import annotations

import datetime
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from showcase.commands.gather import site_inputs
from showcase.engine import build_site
from showcase.engine.preview import start_server
from showcase.forms.from_issue import project_text
from showcase.load.schemas import load_schema
from showcase.paths import Layout, repository_root
from showcase.render.case_visibility import Publicity
from showcase.validate import validate_repository
from tests.browser.form_filling import fill
from tests.parity.corpus import Case, base_project, load_cases
from tests.parity.doors import DOORS, Door, Repository

pytestmark = pytest.mark.browser
CASES = load_cases()
PASSED = "全部通过，可以提交了。"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Repository, str]]:
    """A copy of this repository and its site, built today (the form's today)."""
    root = tmp_path_factory.mktemp("parity-repo")
    for folder in ("content", "schemas", "projects"):
        shutil.copytree(repository_root() / folder, root / folder)
    layout = Layout(root)
    model = validate_repository(layout).model
    assert model is not None
    inputs = site_inputs(layout, model, Publicity(datetime.date.today()))
    site = build_site(layout, inputs, root / "site", repository_root() / "mkdocs.yml")
    server = start_server(site, "127.0.0.1", 0)
    try:
        repository = Repository(root, model, load_schema(layout.schema("project")))
        yield repository, f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def form_page(browser: Any) -> Iterator[Any]:
    """One page for the whole corpus; any script error on it fails the module."""
    context = browser.new_context(locale="zh-CN")
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, errors


def form_door(page: Any, url: str) -> Door:
    """The 提交项目 form: the rules it shows after "检查并生成文件"."""

    def door(repository: Repository, data: dict[str, Any]) -> frozenset[str]:
        page.goto(f"{url}submit/")
        fill(page, data)
        page.click(".sc-submit__form button[type=submit]")
        summary = page.locator(".sc-submit__summary")
        found = (summary.get_attribute("data-rules") or "").split()
        shown = page.locator(".sc-field__error").evaluate_all(
            "nodes => nodes.flatMap(n => (n.dataset.rule || '').split(' ').filter(Boolean))"
        )
        assert sorted(shown) == sorted(found), "every problem is shown at its field"
        assert (summary.inner_text() == PASSED) == (not found)
        return frozenset(found)

    return door


def validator_messages(repository: Repository, data: dict[str, Any]) -> list[str]:
    target = Layout(repository.root).project_file(data["college"], data["id"])
    target.write_text(project_text(data), encoding="utf-8")
    try:
        problems = validate_repository(Layout(repository.root), [target]).problems
    finally:
        target.unlink()
    return [p.message for p in problems if p.severity == "error"]


def test_every_door_accepts_the_good_project(
    served: tuple[Repository, str], form_page: Any
) -> None:
    repository, url = served
    doors = DOORS | {"form": form_door(form_page, url)}
    assert {name: door(repository, base_project()) for name, door in doors.items()} == {
        name: frozenset() for name in doors
    }


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_door_refuses_with_the_same_rule(
    served: tuple[Repository, str], form_page: Any, case: Case
) -> None:
    repository, url = served
    doors = DOORS | {"form": form_door(form_page, url)}
    found = {
        name: door(repository, case.data)
        for name, door in doors.items()
        if name not in case.without
    }
    assert all(case.rule in rules for rules in found.values()), found
    assert len(set(found.values())) == 1, found
    errors = form_page.locator(".sc-field__error").all_inner_texts()
    for message in validator_messages(repository, case.data):
        assert any(message in text for text in errors), (message, errors)
