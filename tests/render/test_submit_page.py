"""The 提交项目 page: its specification comes from the schema and the registries."""

from __future__ import annotations

import datetime
import html
import json
import re

from showcase.commands.gather import site_assets
from showcase.forms.rule_sets import IN_BROWSER
from showcase.forms.spec import forge_kind
from showcase.render.case_visibility import Publicity
from showcase.render.submit_page import SUBMIT, TAKEN, edit_data, edit_data_path
from showcase.validate.duplicate_names import normalised_name, other_project
from showcase.validate.wording import WORDING
from tests.factories import make_model, make_project, make_site, project_schema
from tests.render.helpers import render


def _spec(page: bytes) -> dict:
    attribute = re.search(r'data-spec="([^"]*)"', page.decode()).group(1)
    return json.loads(html.unescape(attribute))


def test_form_specification_is_the_schema_plus_the_registries() -> None:
    model = make_model(count=3)
    tree = render(model)
    spec = _spec(tree.files[SUBMIT])
    assert spec["schema"] == project_schema()
    assert spec["choices"]["college"] == [[c.id, c.name] for c in model.colleges.values()]
    assert [m[0] for m in spec["choices"]["mentors"]] == list(model.mentors)
    assert spec["emailDomains"] == list(model.site.allowed_email_domains)
    assert spec["header"] == "# yaml-language-server: $schema=../../schemas/project.schema.json"
    assert {"提交项目": SUBMIT} in tree.nav
    assert "assets/submit.js" in tree.files


def test_edit_data_keeps_every_member_and_no_name_of_those_not_named() -> None:
    project = make_project("sensor-fabric", logo="logo.png")
    model = make_model([project])
    data = json.loads(render(model).files[edit_data_path(project.id)])
    assert data == edit_data(project)
    assert data["data"]["logo"] == "logo.png"
    assert data["data"]["team"] == [
        {"name": "张同学", "role": "负责人", "major": "纺织工程", "grade": "2021级"},
        {"name": "李同学", "role": "硬件开发"},
        {"role": "财务", "major": "会计学", "public": False},
    ]


def test_forge_is_configured_or_guessed_from_the_host() -> None:
    assert forge_kind("https://github.com/a/b") == "github"
    assert forge_kind("https://gitee.com/a/b") == "gitee"
    assert forge_kind("https://git.example.edu.cn/a/b") == "gitlab"
    assert forge_kind("https://git.example.edu.cn/a/b", "gitea") == "gitea"
    model = make_model(count=1)
    model.site = make_site(repository="https://github.com/x/y/", default_branch="master")
    spec = _spec(render(model).files[SUBMIT])
    assert spec["forge"] == {
        "kind": "github",
        "repository": "https://github.com/x/y",
        "branch": "master",
    }


def test_the_form_gets_the_validators_rules_as_data() -> None:
    """Wording, today (the build's publication date) and the ids and names in use."""
    projects = [make_project("silk-cream", name="丝胶 护手霜"), make_project("smart-yarn")]
    model = make_model(projects)
    day = datetime.date(2026, 3, 1)
    files = render(model, publicity=Publicity(day)).files
    spec = _spec(files[SUBMIT])
    rules = spec["rules"]
    assert rules["wording"] == {key: list(texts) for key, texts in WORDING.items()}
    assert rules["today"] == "2026-03-01"
    assert rules["applied"] == list(IN_BROWSER)
    assert "taken" not in rules and spec["takenFile"] == "taken.json"
    taken = json.loads(files[TAKEN])
    assert taken["ids"] == {p.id: p.college for p in projects}
    assert taken["names"][normalised_name("絲膠護手霜")] == [
        ["silk-cream", other_project("丝胶 护手霜", model.colleges["textile"].name)]
    ]
    assert taken["simplified"]["絲"] == "丝"


def test_the_page_carries_no_list_of_the_names_in_use() -> None:
    """The ids and names (≈600 KB at 10,000 projects) are fetched beside the page, so the
    page stays the same size however many projects the site has."""
    small, large = (render(make_model(count=count)).files for count in (2, 60))
    assert len(large[SUBMIT]) - len(small[SUBMIT]) < 2_000
    assert len(large[TAKEN]) > len(small[TAKEN]) + 2_000


def test_the_browser_engine_holds_no_copy_of_a_message() -> None:
    """Each fixed piece of every message (between its placeholders) is absent from the
    scripts: the browser reads the wording from the specification."""
    scripts = "".join(
        site_assets()[name].decode("utf-8")
        for name in (
            "submit.js",
            "submit-rules.js",
            "submit-id.js",
            "submit-logo.js",
            "submit-draft.js",
        )
    )
    for message, hint in WORDING.values():
        for piece in re.split(r"\{\w+\}", message + "\n" + hint):
            for line in piece.split("\n"):
                assert len(line.strip("，。：；（）「」 ")) < 4 or line not in scripts, line
