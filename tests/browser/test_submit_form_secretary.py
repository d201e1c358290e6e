"""The 提交项目 form as a secretary finishes it: what the guide promises about members who
are not named, the id suggested from the name, what was typed kept across a reload, edits
that change only what was edited, and a logo checked in the browser as the validator
checks it, also on a phone."""

from __future__ import annotations

import io
import random
import re
import shutil
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from showcase.load.yamlfile import load_yaml
from showcase.paths import SCHEMA_HEADER, Layout, repository_root
from showcase.render.forge_steps import FILE_STEPS
from showcase.validate import validate_repository
from showcase.validate.dates import MONTH_HINT
from showcase.yamltext import to_yaml
from tests.browser.form_filling import fill
from tests.browser.test_submit_form import MINIMAL, load_yaml_text, to_plain, validate_file
from tests.engine.test_public_wording import DEVELOPER_WORDS, FORM_WORDS, developer_words

pytestmark = pytest.mark.browser
GUIDE = repository_root() / "content/pages/submit-guide.md"
PHONE_390 = {"width": 390, "height": 844}
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def guide_section(title: str) -> str:
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end >= 0 else None]


def test_the_guide_says_what_the_form_does_with_members_not_named(
    page: Any, repo_site: tuple[str, Path]
) -> None:
    """The section 不公开姓名的成员: the box it names, the field it says disappears, and the
    file entry it shows are exactly the form's."""
    url, root = repo_site
    section = guide_section("不公开姓名的成员")
    box_label = re.search(r"取消勾选“([^”]+)”：姓名一栏会随即消失", section)
    example = re.search(r"\n\n((?: {6}.*\n)+)", section)
    assert box_label and example, "the guide no longer states its claims in the tested words"
    promised = yaml.safe_load(textwrap.dedent(example.group(1)))[0]
    assert "name" not in promised and promised["public"] is False

    data = to_plain(MINIMAL)
    member = {"name": "不该留下的名字"} | {k: v for k, v in promised.items() if k != "public"}
    data["team"].append(member)
    page.goto(f"{url}submit/")
    fill(page, data)
    row = page.locator("[data-path='team.1']")
    row.get_by_label(box_label.group(1), exact=True).set_checked(False)
    assert row.locator("[data-path='team.1.name']").is_hidden()
    page.click(".sc-submit__form button[type=submit]")
    text = page.locator(".sc-submit__yaml").input_value()
    assert load_yaml_text(root, text)["team"][1] == promised
    assert member["name"] not in text

    # "修改项目时，表单会带出这些成员（同样没有姓名）"
    assert "修改项目时，表单会带出这些成员（同样没有姓名）" in section
    page.goto(f"{url}submit/?edit=accessible-reader")
    page.locator(".sc-submit__edit-notice").wait_for()
    hidden = [
        member
        for member in load_yaml_text(root, page.locator(".sc-submit__yaml").input_value())["team"]
        if member.get("public") is False
    ]
    assert hidden and all("name" not in member for member in hidden)


SUGGESTIONS = [
    ("竹纤维抑菌袜", "zhu-xian-wei-yi-jun-wa"),
    ("AI 助教 2.0", "ai-zhu-jiao-2-0"),
    ("Smart纱线3D打印", "smart-sha-xian-3d-da-yin"),
    ("ＡＢＣ（全角）织布机", "abc-quan-jiao-zhi-bu-ji"),
    ("绿色Café——咖啡渣再生", "lv-se-cafe-ka-fei-zha-zai-sheng"),
    ("Campus Errand App", "campus-errand-app-2"),  # campus-errand-app is taken
]


@pytest.mark.parametrize(("name", "expected"), SUGGESTIONS, ids=[s[1] for s in SUGGESTIONS])
def test_the_id_is_suggested_from_the_name_and_is_free(
    page: Any, repo_site: tuple[str, Path], name: str, expected: str
) -> None:
    url, _ = repo_site
    page.goto(f"{url}submit/")
    page.fill("[data-path='name'] > input", name)
    assert page.locator("[data-path='id'] > input").input_value() == expected
    assert "还没有其他项目使用" in page.locator(".sc-submit__id-note").inner_text()
    assert page.locator(".sc-field__error[data-error-for='id']").inner_text() == ""


def test_an_edited_suggestion_is_kept_and_an_emptied_one_follows_the_name_again(
    page: Any, repo_site: tuple[str, Path]
) -> None:
    url, _ = repo_site
    page.goto(f"{url}submit/")
    name, project_id = (
        page.locator("[data-path='name'] > input"),
        page.locator("[data-path='id'] > input"),
    )
    name.fill("竹纤维")
    project_id.fill("bamboo")
    name.fill("竹纤维抑菌袜")
    assert project_id.input_value() == "bamboo"
    assert page.locator(".sc-submit__id-note").inner_text() == ""
    project_id.fill("")
    name.fill("竹纤维袜")
    assert project_id.input_value() == "zhu-xian-wei-wa"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.text(
        st.sampled_from("纺织竹纤维智能云曌龘ABCxyz0123 -·（）—_&é"), min_size=2, max_size=40
    )
)
def test_every_suggested_id_is_one_the_validator_accepts(
    page: Any, repo_site: tuple[str, Path], name: str
) -> None:
    """Any name (rare characters, symbols, very long): the suggestion is empty or a valid,
    unused id (an empty one leaves the id for the secretary to write)."""
    url, root = repo_site
    if not page.url.endswith("/submit/"):
        page.goto(f"{url}submit/")
    page.fill("[data-path='id'] > input", "")
    page.fill("[data-path='name'] > input", name)
    suggested = page.locator("[data-path='id'] > input").input_value()
    taken = {path.stem for path in (root / "projects").glob("*/*.yaml")}
    assert suggested == "" or (
        ID_PATTERN.match(suggested) and 2 <= len(suggested) <= 64 and suggested not in taken
    )


def test_what_was_typed_survives_a_reload_until_cleared(
    page: Any, repo_site: tuple[str, Path]
) -> None:
    url, _ = repo_site
    data = to_plain(MINIMAL) | {"fields": ["textile-apparel", "education"]}
    data["team"].append({"role": "财务", "major": "会计学"})
    page.goto(f"{url}submit/")
    fill(page, data)
    page.locator("[data-path='team.1.public'] input").set_checked(False)
    page.reload()
    notice = page.locator(".sc-submit__draft")
    assert "已恢复" in notice.inner_text()
    page.click(".sc-submit__form button[type=submit]")
    restored = load_yaml_text(Path(repo_site[1]), page.locator(".sc-submit__yaml").input_value())
    assert restored == data | {"team": [data["team"][0], data["team"][1] | {"public": False}]}

    questions: list[str] = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    page.click("[data-action=clear]")
    assert questions and page.locator("[data-path='name'] > input").input_value() == "表单最小项目"
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-action=clear]")
    assert page.locator("[data-path='name'] > input").input_value() == ""
    assert notice.is_hidden()
    page.reload()
    assert page.locator("[data-path='name'] > input").input_value() == ""
    assert notice.is_hidden()


def test_an_edit_changes_only_what_was_edited_and_keeps_its_own_draft(
    page: Any, repo_site: tuple[str, Path]
) -> None:
    url, root = repo_site
    original = load_yaml(root / "projects/computing/accessible-reader.yaml", "x")[0]
    assert original is not None
    summary = "为视障同学朗读教材和讲义的手机应用，支持公式和表格的语音描述。"
    page.goto(f"{url}submit/?edit=accessible-reader")
    page.locator(".sc-submit__edit-notice").wait_for()
    page.fill("[data-path='summary'] textarea", summary)
    text = page.locator(".sc-submit__yaml").input_value()
    assert load_yaml_text(root, text) == original.data | {"summary": summary}
    assert validate_file(root, "computing", "accessible-reader", text) == []

    page.reload()
    page.locator(".sc-submit__edit-notice").wait_for()
    assert page.locator("[data-path='summary'] textarea").input_value() == summary
    page.goto(f"{url}submit/")
    assert page.locator("[data-path='summary'] textarea").input_value() == ""
    page.goto(f"{url}submit/?edit=accessible-reader")
    page.locator(".sc-submit__edit-notice").wait_for()
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-action=clear]")
    text = page.locator(".sc-submit__yaml").input_value()
    assert load_yaml_text(root, text) == original.data


def image_bytes(kind: str, size: tuple[int, int], noise: bool = False) -> bytes:
    image = Image.new("RGB", size, (200, 80, 40))
    if noise:
        generator = random.Random(7)
        image = Image.frombytes("RGB", size, generator.randbytes(size[0] * size[1] * 3))
    out = io.BytesIO()
    image.save(out, kind)
    return out.getvalue()


LOGOS = [
    ("too-large.png", lambda: image_bytes("PNG", (800, 800), noise=True), "logo.too-large"),
    ("wrong-type.gif", lambda: image_bytes("GIF", (64, 64)), "logo.format"),
    ("disguised.png", lambda: b"<svg xmlns='http://www.w3.org/2000/svg'/>", "logo.format"),
    ("too-many-pixels.png", lambda: image_bytes("PNG", (4097, 16)), "logo.dimensions"),
    ("good.webp", lambda: image_bytes("WEBP", (64, 48)), None),
]


def validator_logo_problems(root: Path, name: str, data: bytes) -> list[tuple[str, str]]:
    """(rule, message) of the validator for a project whose logo is this file."""
    project = to_plain(MINIMAL) | {"id": "logo-check", "logo": name}
    folder = root / "projects/textile/logo-check"
    folder.mkdir()
    (folder / name).write_bytes(data)
    target = root / "projects/textile/logo-check.yaml"
    target.write_text(SCHEMA_HEADER + "\n" + to_yaml(project), encoding="utf-8")
    try:
        result = validate_repository(Layout(root), [target])
    finally:
        target.unlink()
        shutil.rmtree(folder)
    return [(p.rule, p.message) for p in result.problems]


@pytest.mark.parametrize("viewport", [None, PHONE_390], ids=["default", "phone-390"])
@pytest.mark.parametrize(("file_name", "make", "rule"), LOGOS, ids=[logo[0] for logo in LOGOS])
def test_a_logo_is_checked_in_the_browser_as_the_validator_checks_it(
    page: Any,
    repo_site: tuple[str, Path],
    tmp_path: Path,
    artifacts: Path,
    viewport: dict[str, int] | None,
    file_name: str,
    make: Any,
    rule: str | None,
) -> None:
    url, root = repo_site
    if viewport:
        page.set_viewport_size(viewport)
    data = make()
    chosen = tmp_path / file_name
    chosen.write_bytes(data)
    page.goto(f"{url}submit/")
    fill(page, to_plain(MINIMAL) | {"id": "logo-check"})
    page.set_input_files(".sc-logo-picker__file", str(chosen))
    error = page.locator(".sc-field__error[data-error-for='logo']")
    if rule is None:
        page.locator(".sc-logo-picker__preview").wait_for()
        assert page.locator("[data-path='logo'] > input").input_value() == "logo.webp"
        assert error.inner_text() == ""
        page.click(".sc-submit__form button[type=submit]")
        steps = page.locator(".sc-submit__logo")
        assert "projects/textile/logo-check/" in steps.inner_text()
        assert steps.locator("[data-action=logo-download]").get_attribute("download") == (
            "logo.webp"
        )
        assert validator_logo_problems(root, "logo.webp", data) == []
    else:
        page.wait_for_selector(f".sc-field__error[data-error-for='logo'][data-rule='{rule}']")
        page.click(".sc-submit__form button[type=submit]")
        assert page.locator(".sc-submit__result").is_hidden()
        # The validator also refuses a name like "x.gif" (schema.pattern); the form never
        # writes one: it names the logo after the type it found.
        expected = [
            p for p in validator_logo_problems(root, file_name, data) if p[0] != "schema.pattern"
        ]
        assert [p[0] for p in expected] == [rule]
        assert error.inner_text().startswith(expected[0][1])
    box = page.locator(".sc-logo-picker").bounding_box()
    assert (
        box is not None and box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
    )
    if viewport:
        page.locator("[data-path='logo']").scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / f"submit-logo-{file_name}.png"), full_page=False)


def test_the_result_says_what_to_click_on_the_forge_and_shows_no_developer_words(
    page: Any, repo_site: tuple[str, Path]
) -> None:
    """After 检查并生成文件: the steps of the site's forge (the guide's words), a suggested
    commit message, and the file itself only in the closed 文件内容（供核对） block; what a
    browser shows has no file-format word, field key or command (the file's place, which
    the forge page asks for, is the one path it names)."""
    url, _ = repo_site
    data = to_plain(MINIMAL)
    data["team"].append({"role": "财务", "major": "会计学"})
    page.goto(f"{url}submit/")
    fill(page, data)
    page.locator("[data-path='team.1.public'] input").set_checked(False)
    page.click(".sc-submit__form button[type=submit]")
    result = page.locator(".sc-submit__result")
    steps = result.locator(".sc-submit__forge-steps > li").all_inner_texts()
    forge = page.evaluate(
        "JSON.parse(document.querySelector('.sc-submit__form').dataset.spec).forge.kind"
    )
    assert steps == list(FILE_STEPS[forge])
    assert (
        result.locator(".sc-submit__commit").inner_text()
        == "建议的提交说明：新增项目：表单最小项目"
    )
    assert page.locator(".sc-submit__yaml").is_hidden()
    assert "public: false" in page.locator(".sc-submit__yaml").input_value()
    shown = page.locator("main").inner_text()
    words = {k: v for k, v in DEVELOPER_WORDS.items() if k != "仓库路径"} | FORM_WORDS
    assert developer_words(shown, words) == [], shown
    page.click(".sc-submit__content > summary")
    assert page.locator(".sc-submit__yaml").is_visible()


@pytest.mark.parametrize(
    "typed", ["2025年3月", "2025/3", "2025.03", "２０２５年３月", "2025 - 3", " 2025年 03 月 "]
)
def test_a_start_month_in_any_usual_spelling_is_written_yyyy_mm(
    page: Any, repo_site: tuple[str, Path], typed: str
) -> None:
    url, root = repo_site
    page.goto(f"{url}submit/")
    fill(page, to_plain(MINIMAL) | {"started": typed})
    started = page.locator("[data-path='started'] > input")
    started.blur()
    assert started.input_value() == "2025-03"
    page.click(".sc-submit__form button[type=submit]")
    text = page.locator(".sc-submit__yaml").input_value()
    assert load_yaml_text(root, text)["started"] == "2025-03"


def test_the_name_comes_before_the_id_it_suggests(page: Any, repo_site: tuple[str, Path]) -> None:
    url, _ = repo_site
    page.goto(f"{url}submit/")
    page.locator(".sc-submit__form[data-ready]").wait_for(state="attached")
    fields = page.locator(".sc-submit__form > fieldset > .sc-field").evaluate_all(
        "nodes => nodes.map(node => node.dataset.field)"
    )
    assert fields[:2] == ["name", "id"]


def test_an_id_in_chinese_characters_points_at_the_suggested_one(
    page: Any, repo_site: tuple[str, Path]
) -> None:
    url, _ = repo_site
    page.goto(f"{url}submit/")
    page.fill("[data-path='name'] > input", "竹纤维抑菌袜")
    page.fill("[data-path='id'] > input", "竹纤维袜")
    error = page.locator(".sc-field__error[data-error-for='id']")
    assert error.get_attribute("data-rule") == "schema.pattern"
    assert "zhu-xian-wei-yi-jun-wa" in error.inner_text()
    use = page.locator(".sc-submit__use-id")
    assert use.inner_text() == "改用 zhu-xian-wei-yi-jun-wa"
    use.click()
    assert page.locator("[data-path='id'] > input").input_value() == "zhu-xian-wei-yi-jun-wa"
    assert error.inner_text() == "" and use.is_hidden()


def test_a_name_in_use_is_named_by_the_other_projects_name_and_college(
    page: Any, repo_site: tuple[str, Path]
) -> None:
    url, root = repo_site
    other = load_yaml(root / "projects/computing/accessible-reader.yaml", "x")[0]
    assert other is not None
    page.goto(f"{url}submit/")
    fill(page, to_plain(MINIMAL) | {"name": other.data["name"]})
    error = page.locator(".sc-field__error[data-error-for='name']")
    assert error.get_attribute("data-rule") == "project.duplicate-name"
    assert f"「{other.data['name']}」（计算机" in error.inner_text()
    assert "projects/" not in error.inner_text()


def test_a_logo_is_chosen_again_after_a_reload_and_its_name_is_never_typed(
    page: Any, repo_site: tuple[str, Path], tmp_path: Path
) -> None:
    url, _ = repo_site
    good, bad = tmp_path / "good.png", tmp_path / "bad.gif"
    good.write_bytes(image_bytes("PNG", (64, 64)))
    bad.write_bytes(image_bytes("GIF", (64, 64)))
    page.goto(f"{url}submit/")
    fill(page, to_plain(MINIMAL))
    name = page.locator("[data-path='logo'] > input")
    assert not name.is_editable()
    error = page.locator(".sc-field__error[data-error-for='logo']")
    page.set_input_files(".sc-logo-picker__file", str(good))
    page.locator(".sc-logo-picker__preview").wait_for()
    assert name.input_value() == "logo.png"

    page.reload()
    assert name.input_value() == "logo.png"
    assert error.get_attribute("data-rule") == "logo.missing"
    assert error.inner_text().startswith("请重新选择图片")
    page.click(".sc-submit__form button[type=submit]")
    assert page.locator(".sc-submit__result").is_hidden()
    page.set_input_files(".sc-logo-picker__file", str(good))
    page.locator(".sc-logo-picker__preview").wait_for()
    assert error.inner_text() == ""
    assert page.locator(".sc-submit__summary").inner_text() == "全部通过，可以提交了。"

    page.set_input_files(".sc-logo-picker__file", str(bad))
    page.wait_for_selector(".sc-field__error[data-error-for='logo'][data-rule='logo.format']")
    assert name.input_value() == ""
    page.reload()
    assert name.input_value() == "" and error.inner_text() == ""
    page.set_input_files(".sc-logo-picker__file", str(good))
    page.locator(".sc-logo-picker__preview").wait_for()
    page.click(".sc-logo-picker__drop")
    assert name.input_value() == "" and page.locator(".sc-submit__summary").inner_text() == (
        "全部通过，可以提交了。"
    )


@pytest.mark.parametrize("typed", ["2024年春", "24/3", "三月"])
def test_a_start_month_it_cannot_read_is_refused_with_the_spellings_it_reads(
    page: Any, repo_site: tuple[str, Path], typed: str
) -> None:
    url, _ = repo_site
    page.goto(f"{url}submit/")
    fill(page, to_plain(MINIMAL) | {"started": typed})
    page.click(".sc-submit__form button[type=submit]")
    error = page.locator(".sc-field__error[data-error-for='started']")
    assert error.get_attribute("data-rule") == "schema.pattern"
    assert error.inner_text().endswith(f"修改建议：{MONTH_HINT}")
    assert developer_words(error.inner_text(), FORM_WORDS) == []


def test_without_the_list_of_names_in_use_the_form_still_works_and_says_so(
    page: Any, repo_site: tuple[str, Path], guard: Any
) -> None:
    """The ids and names are fetched beside the page; when that fails, the form is built
    anyway, says which check is left to the merge, and still writes a passing file."""
    url, _ = repo_site
    page.route("**/submit/taken.json", lambda route: route.fulfill(status=404, body="missing"))
    page.goto(f"{url}submit/")
    page.locator(".sc-submit__form[data-ready]").wait_for(state="attached")
    assert "编号和名称是否重复，合并前还会检查" in page.locator("main").inner_text()
    fill(page, to_plain(MINIMAL))
    page.click(".sc-submit__form button[type=submit]")
    assert page.locator(".sc-submit__summary").inner_text() == "全部通过，可以提交了。"
    guard.clear()  # the refused request is logged as a console error on purpose
