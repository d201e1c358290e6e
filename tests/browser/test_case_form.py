"""The 推荐典型案例 form in a real browser: what it writes, laid into a copy of the
repository, the validator accepts; what it refuses, the validator refuses with the same rule.

The site is this repository's own (`repo_site`), so the form's projects and cases are the
ones the validator checks the new case against.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from showcase.paths import Layout, case_file_path
from showcase.problems import Severity
from showcase.validate import validate_repository

pytestmark = pytest.mark.browser

CASE: dict[str, Any] = {
    "id": "2027-smart-yarn-sensor",
    "project": "smart-yarn-sensor",
    "year": "2027",
    "category": "tech-innovation",
    "headline": "纱线传感器：下一站",
    "lead": "纺织学院的团队把会感觉的纱线带进了更多工厂: 这一次，他们想让它经得起一百次洗涤。",
    "quote": "工厂不会为你换机器 # 所以我们换纱线。",
    "status": "approved",
    "approved_by": "宣传部",
    "publish_date": "2027-03-01",
    "story.author": "宣传部",
    "story.body": "## 又一年\n\n团队在车间里度过了第二个夏天，**纱线**已经能经受五十次洗涤。\n\n> 下一站是一百次。",
}
SELECTS = ("category", "status")


def fill_case(page: Any, url: str, values: dict[str, Any]) -> None:
    page.goto(f"{url}recommend-case/")
    for name, value in values.items():
        selector = f'.sc-case-form [name="{name}"]'
        if name in SELECTS:
            page.select_option(selector, value)
        else:
            page.fill(selector, value)
    page.click(".sc-case-form button[type=submit]")


def texts(page: Any) -> tuple[str, str]:
    """The story file and the case file the form shows."""
    story = page.locator('[data-text="story"]').input_value()
    return story, page.locator('[data-text="case"]').input_value()


def laid_in(root: Path, copy: Path, case_id: str, story: str, case: str) -> list[Any]:
    """The validator's problems once the form's files are in a copy of the repository."""
    for folder in ("content", "schemas", "projects"):
        shutil.copytree(root / folder, copy / folder)
    case_file = copy / case_file_path(case_id)
    case_file.parent.mkdir(parents=True, exist_ok=True)
    case_file.write_text(case, encoding="utf-8")
    if story:
        (copy / "content/stories" / f"{case_id}.md").write_text(story, encoding="utf-8")
    return validate_repository(Layout(copy)).problems


def test_form_writes_a_case_and_story_the_validator_accepts(
    page: Any, repo_site: tuple[str, Path], tmp_path: Path
) -> None:
    url, root = repo_site
    fill_case(page, url, CASE)
    errors = page.locator(".sc-field--invalid").all_inner_texts()
    assert page.locator(".sc-submit__summary").inner_text() == "全部通过，可以提交了。", errors
    story, entry = texts(page)
    assert story.startswith("---\ncase: 2027-smart-yarn-sensor\nauthor: 宣传部\n---\n## 又一年")
    assert entry.startswith("id: 2027-smart-yarn-sensor\nproject: smart-yarn-sensor\n")
    new_case = page.locator('[data-action="new-case"]').get_attribute("href")
    assert (
        "/new/main?file_name=content%2Fcases%2F2027-smart-yarn-sensor.yaml&content=id%3A"
        in new_case
    )
    new_story = page.locator('[data-action="new-story"]').get_attribute("href")
    assert (
        "/new/case-2027-smart-yarn-sensor?file_name=content%2Fstories%2F2027-smart-yarn-sensor.md"
        in new_story
    )
    steps = page.locator(".sc-case-form__result").inner_text()
    assert "分支名写成 case-2027-smart-yarn-sensor" in steps
    assert "粘贴到" not in steps
    problems = laid_in(root, tmp_path, CASE["id"], story, entry)
    assert [str(p) for p in problems if p.severity is Severity.ERROR] == []
    assert not page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )


BAD = [
    ("headline", "", "headline", "schema.required"),
    ("project", "no-such-project", "project", "case.unknown-project"),
    ("story.body", "有事请打 138 1234 5678 联系。", "story.body", "personal.phone"),
    ("publish_date", "2027-02-30", "publish_date", "date.invalid"),
    ("project", "carbon-fibre-bike-parts", "project", "case.closed-project"),
    ("id", "2025-tie-dye-heritage", "id", "case.duplicate-id"),
    ("year", "2026", "year", "case.one-per-year"),
    ("approved_by", "", "status", "case.approver-missing"),
]


@pytest.mark.parametrize(("name", "value", "path", "rule"), BAD)
def test_form_refuses_what_the_validator_refuses(
    page: Any,
    repo_site: tuple[str, Path],
    tmp_path: Path,
    name: str,
    value: str,
    path: str,
    rule: str,
) -> None:
    url, root = repo_site
    fill_case(page, url, {**CASE, name: value})
    error = page.locator(f'[data-error-for="{path}"]')
    assert rule in (error.get_attribute("data-rule") or "").split(), error.inner_text()
    assert page.locator(".sc-case-form__result").is_hidden()
    assert page.locator(".sc-submit__summary").inner_text().startswith("还有")
    # the same values, written by hand, the validator refuses with the same rule
    entry = "".join(
        f"{key}: {int(text) if key == 'year' else json.dumps(text, ensure_ascii=False)}\n"
        if text
        else ""
        for key, text in {**CASE, name: value}.items()
        if "." not in key
    )
    body = value if name == "story.body" else CASE["story.body"]
    story = f"---\ncase: {CASE['id']}\n---\n{body}\n"
    problems = laid_in(root, tmp_path, CASE["id"], story, entry)
    assert rule in {p.rule for p in problems}, [str(p) for p in problems]


def test_case_form_fits_a_phone(page: Any, repo_site: tuple[str, Path]) -> None:
    url, _root = repo_site
    page.set_viewport_size({"width": 390, "height": 844})
    fill_case(page, url, CASE)
    assert page.locator(".sc-case-form__result").is_visible()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


NAME_SPELLINGS = [
    "经纬感知——可织造应变传感纱线",
    "经纬感知",
    "应变传感纱线",
    " 经纬感知 ",
    "ＳＭＡＲＴ-yarn-sensor",
    "smart yarn",
]


@pytest.mark.parametrize("typed", NAME_SPELLINGS)
def test_project_is_found_by_its_name_or_a_part_that_picks_one(
    page: Any, repo_site: tuple[str, Path], typed: str
) -> None:
    url, _root = repo_site
    fill_case(page, url, {**CASE, "project": typed})
    assert page.locator(".sc-submit__summary").inner_text() == "全部通过，可以提交了。"
    chosen = page.locator('[data-chosen-for="project"]').inner_text()
    assert chosen == "已选：经纬感知——可织造应变传感纱线（smart-yarn-sensor）"
    assert "\nproject: smart-yarn-sensor\n" in texts(page)[1]


def test_project_list_offers_names(page: Any, repo_site: tuple[str, Path]) -> None:
    url, _root = repo_site
    page.goto(f"{url}recommend-case/")
    options = page.locator(".sc-case-form datalist option")
    values = options.evaluate_all("(nodes) => nodes.map((n) => n.value)")
    assert "经纬感知——可织造应变传感纱线" in values
    assert "smart-yarn-sensor" not in values


@pytest.mark.parametrize(
    ("typed", "rule", "named"),
    [
        ("检测", "case.unknown-project", ["慧眼验布", "安纺检测", "微塑料快速检测与溯源服务"]),
        (
            "慧眼验布检测系统",
            "case.unknown-project",
            ["慧眼验布——布面瑕疵在线视觉检测（fabric-defect-vision）"],
        ),
        ("完全不存在的东西", "case.unknown-project", []),
    ],
)
def test_project_that_picks_none_or_several_names_the_closest(
    page: Any, repo_site: tuple[str, Path], typed: str, rule: str, named: list[str]
) -> None:
    url, _root = repo_site
    fill_case(page, url, {**CASE, "project": typed})
    error = page.locator('[data-error-for="project"]')
    assert error.get_attribute("data-rule") == rule
    message = error.inner_text()
    assert f"「{typed}」" in message
    for name in named:
        assert name in message, message
    assert "编号（文件名）" not in message and "projects/" not in message


SPELLINGS = [
    *(
        ("year", year, "2027")
        for year in (
            "2027年",
            "２０２７",
            " 2027 年度",
            "2027",
            "二〇二七年",
            "二零二七",
            "二〇二七 年度",
        )
    ),
    *(
        ("publish_date", day, "2027-03-01")
        for day in ("２０２７-０３-０１", "2027年3月1日", "2027.3.1", "2027-3-1")
    ),
]


@pytest.mark.parametrize(("name", "typed", "written"), SPELLINGS)
def test_year_and_date_spellings_are_written_as_the_validator_wants(
    page: Any, repo_site: tuple[str, Path], name: str, typed: str, written: str
) -> None:
    url, _root = repo_site
    fill_case(page, url, {**CASE, name: typed})
    assert page.locator(".sc-submit__summary").inner_text() == "全部通过，可以提交了。"
    assert f"\n{name}: {written}\n" in texts(page)[1]


def test_id_is_suggested_from_year_and_project(page: Any, repo_site: tuple[str, Path]) -> None:
    url, _root = repo_site
    fill_case(
        page,
        url,
        {key: value for key, value in CASE.items() if key != "id"} | {"project": "经纬感知"},
    )
    assert page.locator('.sc-case-form [name="id"]').input_value() == "2027-smart-yarn-sensor"
    assert page.locator(".sc-submit__summary").inner_text() == "全部通过，可以提交了。"


KEYS = re.compile(r"approved_by|publish_date|status|draft|补上一行|projects/|[a-z]+_[a-z]+")


@pytest.mark.parametrize("missing", ["approved_by", "publish_date", "headline", "lead", "category"])
def test_messages_name_no_key_and_say_what_to_fill(
    page: Any, repo_site: tuple[str, Path], missing: str
) -> None:
    url, _root = repo_site
    fill_case(page, url, {**CASE, missing: ""} if missing not in SELECTS else CASE)
    if missing in SELECTS:
        page.select_option(f'.sc-case-form [name="{missing}"]', "")
        page.click(".sc-case-form button[type=submit]")
    shown = " ".join(page.locator(".sc-field__error").all_inner_texts())
    assert shown.strip(), missing
    assert not KEYS.search(shown), shown
    assert "缺少必填项" in shown or "没有填写" in shown, shown
