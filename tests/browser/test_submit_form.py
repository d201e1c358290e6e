"""The 提交项目 form in a real browser: what it writes, the validator accepts; what it
refuses, the validator refuses with the same rule.

The site is built from a temporary copy of this repository's data, so the form's choices
(colleges, fields, mentors) are the registries the validator checks against.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from showcase.load.yamlfile import load_yaml
from showcase.paths import SCHEMA_HEADER, Layout
from showcase.validate import validate_repository
from showcase.validate.personal_text import PersonalDataRules, find_personal_data
from showcase.yamltext import to_yaml
from tests.browser.form_filling import fill

pytestmark = pytest.mark.browser
CORPUS = Path(__file__).parents[1] / "validate/personal_corpus.yaml"

MINIMAL: dict[str, Any] = {
    "id": "form-minimal",
    "name": "表单最小项目",
    "college": "textile",
    "level": "nursery",
    "stage": "seed",
    "status": "active",
    "fields": ["textile-apparel"],
    "summary": "一个只填必填项的项目，用来确认表单写出的文件能通过校验。",
    "started": "2025-03",
    "team": [{"name": "林一", "role": "负责人"}],
}
FULL: dict[str, Any] = {
    "id": "form-full-2",
    "name": "2024",
    "college": "computing",
    "level": "makerspace",
    "stage": "startup",
    "status": "active",
    "fields": ["artificial-intelligence", "education"],
    "summary": "用手机拍照识别实验报告里的数据表格: 自动生成图表 # 以及误差分析，面向理工科学生。",
    "description": "## 做什么\n\n- 拍照识别表格\n- 生成图表: 自动\n\n"
    "\"引号\" 和 'yes' 都要原样保留。\n",
    "keywords": ["yes", "图表", "OCR"],
    "started": "2024-09",
    "team": [
        {"name": "王小明", "role": "负责人", "major": "计算机科学与技术", "grade": "2022级本科"},
        {"name": "李 雷", "role": "算法", "grade": "2023级硕士"},
        {"role": "前端", "grade": "2024级本科", "public": False},
    ],
    "mentors": ["wen-siyuan"],
    "achievements": [
        {"type": "award", "title": "获省赛金奖", "date": "2025-05-20", "issuer": "省教育厅"},
        {"type": "funding", "title": "天使轮融资", "date": "2025-06", "amount_cny": 300000},
    ],
    "milestones": [
        {"date": "2024-09", "level": "nursery", "note": "入驻学院创业苗圃"},
        {"date": "2025-03", "level": "makerspace"},
    ],
    "seeking": ["investment", "talent"],
    "links": {"website": "https://example.com/ocr?a=1&b=2", "repo": "https://git.example.edu.cn/x"},
    "contact_email": "ocr@stu.example.edu.cn",
}


def produce(page: Any, url: str, data: dict[str, Any]) -> str:
    page.goto(f"{url}submit/")
    fill(page, data)
    page.click(".sc-submit__form button[type=submit]")
    errors = page.locator(".sc-field--invalid").all_inner_texts()
    assert page.locator(".sc-submit__summary").inner_text() == "全部通过，可以提交了。", errors
    return page.locator(".sc-submit__yaml").input_value()


def validate_file(root: Path, college: str, project_id: str, text: str) -> list[str]:
    """Write the file into the repository copy, validate it, put back what was there (an
    edited project's own file, which later tests read) or remove it; the rules found."""
    target = root / "projects" / college / f"{project_id}.yaml"
    before = target.read_bytes() if target.exists() else None
    target.write_text(text, encoding="utf-8")
    try:
        result = validate_repository(Layout(root), [target])
    finally:
        if before is None:
            target.unlink()
        else:
            target.write_bytes(before)
    return [problem.rule for problem in result.problems]


@pytest.mark.parametrize("data", [MINIMAL, FULL], ids=["minimal", "full"])
def test_form_writes_a_file_the_validator_accepts(
    page: Any, repo_site: tuple[str, Path], data: dict[str, Any], artifacts: Path
) -> None:
    url, root = repo_site
    text = produce(page, url, data)
    assert validate_file(root, data["college"], data["id"], text) == []
    assert text.splitlines() == (SCHEMA_HEADER + "\n" + to_yaml(data)).splitlines()
    path = root / "written.yaml"
    path.write_text(text, encoding="utf-8")
    document, problems = load_yaml(path, "written.yaml")
    assert problems == [] and document is not None and document.data == data
    link = page.locator("[data-action=forge]").get_attribute("href")
    assert link.startswith("https://git.example.edu.cn/makerspace/showcase/-/new/main?file_name=")
    assert f"projects%2F{data['college']}%2F{data['id']}.yaml" in link
    page.screenshot(path=str(artifacts / f"submit-form-{data['id']}.png"), full_page=True)


BAD_VALUES = [
    ("name", "项" * 41, "schema.max-length"),
    ("id", "Bad_ID", "schema.pattern"),
    ("team.0.role", "负责人 13812345678", "personal.phone"),
    ("summary", None, "schema.required"),
    ("contact_email", "me@qq.com", "email.domain"),
    ("achievements.0.date", "2025-13", "date.invalid"),
]


@pytest.mark.parametrize(("path", "value", "rule"), BAD_VALUES, ids=[b[2] for b in BAD_VALUES])
def test_form_refuses_what_the_validator_refuses(
    page: Any, repo_site: tuple[str, Path], path: str, value: str | None, rule: str
) -> None:
    url, root = repo_site
    data = _with(
        MINIMAL | {"achievements": [{"type": "award", "title": "校赛一等奖", "date": "2025-05"}]},
        path,
        value,
    )
    page.goto(f"{url}submit/")
    fill(page, data)
    page.click(".sc-submit__form button[type=submit]")
    error = page.locator(f".sc-field__error[data-error-for='{path}']")
    assert rule in error.get_attribute("data-rule").split()
    assert error.inner_text()
    assert page.locator(".sc-submit__result").is_hidden()
    text = SCHEMA_HEADER + "\n" + to_yaml(data)
    assert rule in validate_file(root, data["college"], str(data["id"]), text)


def test_an_empty_form_names_missing_fields_by_their_titles_not_their_keys(
    page: Any, repo_site: tuple[str, Path]
) -> None:
    """A secretary who presses 检查 on an empty form reads 缺少必填项「项目名称」 (the
    validator's message) with the field's help, never a file's key or a line of YAML to add."""
    url, _ = repo_site
    page.goto(f"{url}submit/")
    page.wait_for_selector(".sc-submit__form[data-ready]")
    page.click(".sc-submit__form button[type=submit]")
    errors = page.locator(".sc-field__error[data-rule~='schema.required']")
    assert errors.count() >= 3
    texts = errors.all_inner_texts()
    assert any("缺少必填项「项目名称」" in text for text in texts), texts
    for text in texts:
        assert "补上一行" not in text and not re.search(r"[a-z_]+:", text), text


def test_errors_show_while_typing(page: Any, repo_site: tuple[str, Path]) -> None:
    url, _ = repo_site
    page.goto(f"{url}submit/")
    page.fill("[data-path='id'] input", "Bad")
    error = page.locator(".sc-field__error[data-error-for='id']")
    assert "格式不对" in error.inner_text()
    page.fill("[data-path='id'] input", "good-id")
    assert error.inner_text() == ""
    assert page.locator(".sc-field__error[data-error-for='name']").inner_text() == ""


def test_edit_link_gives_back_the_whole_file_with_members_not_named(
    page: Any, repo_site: tuple[str, Path]
) -> None:
    url, root = repo_site
    page.goto(f"{url}projects/accessible-reader/")
    page.get_by_role("link", name="修改此项目").click()
    page.wait_for_url("**/submit/?edit=accessible-reader")
    page.locator(".sc-submit__edit-notice").wait_for()
    assert page.locator("[data-path='id'] input").input_value() == "accessible-reader"
    assert page.locator("[data-path='team.1.public'] input").is_checked() is False
    assert page.locator("[data-path='team.1.name']").is_hidden()
    assert page.locator("[data-path='team.0.name']").is_visible()
    text = page.locator(".sc-submit__yaml").input_value()
    assert "/-/edit/main/projects/computing/accessible-reader.yaml" in (
        page.locator("[data-action=forge]").get_attribute("href")
    )
    original = load_yaml(root / "projects/computing/accessible-reader.yaml", "x")[0]
    assert load_yaml_text(root, text) == original.data


def test_unticking_public_removes_the_name_field_and_its_value(
    page: Any, repo_site: tuple[str, Path]
) -> None:
    url, root = repo_site
    name = "不该留下的名字"
    data = to_plain(MINIMAL)
    data["team"].append({"name": name, "role": "财务"})
    page.goto(f"{url}submit/")
    fill(page, data)
    public = page.locator("[data-path='team.1.public'] input")
    name_field = page.locator("[data-path='team.1.name']")
    public.set_checked(False)
    assert name_field.is_hidden()
    public.set_checked(True)
    assert name_field.is_visible()
    assert name_field.locator("input").input_value() == ""
    page.click(".sc-submit__form button[type=submit]")
    error = page.locator(".sc-field__error[data-error-for='team.1.name']")
    assert "schema.required" in error.get_attribute("data-rule").split()
    page.fill("[data-path='team.1.name'] input", name)
    public.set_checked(False)
    page.click(".sc-submit__form button[type=submit]")
    assert page.locator(".sc-submit__summary").inner_text() == "全部通过，可以提交了。"
    text = page.locator(".sc-submit__yaml").input_value()
    assert name not in text and name_field.locator("input").input_value() == ""
    assert load_yaml_text(root, text)["team"][1] == {"role": "财务", "public": False}
    assert validate_file(root, "textile", str(data["id"]), text) == []


def load_yaml_text(root: Path, text: str) -> dict[str, Any]:
    path = root / "edited.yaml"
    path.write_text(text, encoding="utf-8")
    document, problems = load_yaml(path, "edited.yaml")
    assert problems == [] and document is not None
    return document.data


def _with(data: dict[str, Any], path: str, value: str | None) -> dict[str, Any]:
    """A deep copy of `data` with the value at dotted `path` replaced (None: removed)."""
    copy = to_plain(data)
    *parents, last = (int(p) if p.isdigit() else p for p in path.split("."))
    holder = copy
    for part in parents:
        holder = holder[part]
    if value is None:
        del holder[last]
    else:
        holder[last] = value
    return copy


def to_plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    return value


def test_the_form_finds_personal_data_in_every_spelling_the_validator_does(
    page: Any, repo_site: tuple[str, Path]
) -> None:
    """Every text of the shared corpus, typed into a field: the same rule ids in the same
    order, and the same masked numbers in the messages."""
    url, root = repo_site
    site = load_yaml(root / "content/site.yaml", "site.yaml")[0]
    assert site is not None
    rules = PersonalDataRules.for_site(site.data, datetime.date.today())
    corpus = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    texts = [text for key, texts in corpus.items() if key != "several" for text in texts]
    texts += [text for text, _ in corpus["several"]]
    page.goto(f"{url}submit/")
    error = page.locator(".sc-field__error[data-error-for='description']")
    differences = []
    for text in texts:
        page.fill("[data-path='description'] textarea", text)
        rule_ids = (error.get_attribute("data-rule") or "").split()
        message = error.inner_text()
        shown = [rule for rule in rule_ids if rule.startswith("personal.")]
        findings = find_personal_data(text.strip(), rules)
        if shown != [f.rule for f in findings] or not all(f.shown in message for f in findings):
            differences.append((text, shown, findings, message))
    assert len(texts) > 250 and differences == []


def test_an_institutional_contact_field_takes_an_address_the_text_fields_refuse(
    page: Any, repo_site: tuple[str, Path]
) -> None:
    url, _ = repo_site
    page.goto(f"{url}submit/")
    page.fill("[data-path='contact_email'] input", "team@qq.com")
    page.fill("[data-path='summary'] textarea", "合作请写信到 team@qq.com，我们会尽快回复。")
    rules = {
        path: page.locator(f".sc-field__error[data-error-for='{path}']").get_attribute("data-rule")
        for path in ("contact_email", "summary")
    }
    assert rules == {"contact_email": "email.domain", "summary": "personal.email"}
