"""The 推荐典型案例 page: its specification is the case and story schemas plus the site's
projects and cases; it is a staff page (linked from the publicity guide, not in the menu)."""

from __future__ import annotations

import dataclasses
import datetime
import html
import json
import posixpath
import re

import pytest

from showcase.forms.case_spec import CASE_BEFORE_MERGE, CASE_RULES_IN_BROWSER, forge_urls
from showcase.model import HiddenMember
from showcase.paths import repository_root
from showcase.render.case_form_page import CASE_FORM, case_form_file
from showcase.render.case_visibility import Publicity
from showcase.render.memo import KeptFile, RenderMemo
from showcase.validate.wording import WORDING
from tests.factories import make_model, make_project, shipped_schema
from tests.render.helpers import render
from tests.render.test_publicity import case
from tests.rule_coverage import rules_in_code


def _spec(page: bytes) -> dict:
    attribute = re.search(r'data-spec="([^"]*)"', page.decode()).group(1)
    return json.loads(html.unescape(attribute))


def test_specification_is_the_schemas_plus_the_sites_projects() -> None:
    model = make_model(count=4)
    tree = render(model, publicity=Publicity(datetime.date(2026, 3, 1)))
    spec = _spec(tree.files[CASE_FORM])
    assert spec["schema"] == shipped_schema("typical-cases")["properties"]["cases"]["items"]
    assert spec["story"] == shipped_schema("story")
    assert spec["choices"]["project"] == [[p.id, p.name] for p in model.projects.values()]
    assert set(spec["projects"]) == set(model.projects)
    assert spec["rules"]["wording"] == {key: list(texts) for key, texts in WORDING.items()}
    assert spec["rules"]["today"] == "2026-03-01"
    assert spec["released"] == ["approved", "published"]
    assert spec["paths"] == {
        "story": "content/stories/{id}.md",
        "case": "content/cases/{id}.yaml",
    }
    for script in ("case-form.js", "submit-rules.js", "personal-data.js", "yaml-text.js"):
        assert f"assets/{script}" in tree.files
        assert f'src="../assets/{script}"' in tree.files[CASE_FORM].decode()


def test_page_is_not_in_the_public_menu() -> None:
    tree = render(make_model(count=1))
    assert CASE_FORM in tree.files
    assert all(
        CASE_FORM not in (entry.values() if isinstance(entry, dict) else [entry])
        for entry in tree.nav
    )


def test_publicity_guide_is_linked_when_the_site_has_it() -> None:
    model = make_model(count=1)
    without = render(model).files[CASE_FORM].decode()
    with_guide = render(model, content_pages={"publicity-guide.md": "# 指南\n"}).files[CASE_FORM]
    assert "典型案例工作指南" not in without
    assert 'href="../pages/publicity-guide/"' in with_guide.decode()


def test_projects_carry_what_the_case_rules_check() -> None:
    closed = make_project("closed-one", status="closed")
    open_one = make_project("open-one")
    hidden = dataclasses.replace(
        make_project("hidden-one"),
        team=(),
        hidden_team=(HiddenMember(role="负责人"),),
    )
    spec = _spec(render(make_model([closed, open_one, hidden])).files[CASE_FORM])
    assert spec["projects"]["closed-one"]["closed"] is True
    assert spec["projects"]["open-one"] == {
        "name": open_one.name,
        "closed": False,
        "nonPublic": False,
    }
    assert spec["projects"]["hidden-one"]["nonPublic"] is True


@pytest.mark.parametrize(
    ("kind", "new"),
    [
        ("github", "https://f/o/r/new/{ref}?filename={path}&value={text}"),
        ("gitlab", "https://f/o/r/-/new/{ref}?file_name={path}&content={text}"),
        ("gitea", "https://f/o/r/_new/{ref}/?filename={path}&value={text}"),
        ("gitee", "https://f/o/r/new/{ref}/{folder}"),
    ],
)
def test_forge_links_for_every_forge(kind: str, new: str) -> None:
    urls = forge_urls("https://f/o/r/", kind, "main")
    assert urls == {"kind": kind, "newFile": new, "branch": "main", "caseBranch": "case-{id}"}


def test_every_rule_the_form_applies_or_defers_is_one_the_validator_emits() -> None:
    emitted = rules_in_code()
    deferred = {rule for rules, _text in CASE_BEFORE_MERGE for rule in rules}
    assert set(CASE_RULES_IN_BROWSER) | deferred <= emitted
    case_rules = {rule for rule in emitted if rule.startswith("case.")}
    assert case_rules <= set(CASE_RULES_IN_BROWSER) | deferred


def test_publicity_guide_leads_with_the_form_and_keeps_the_command_line_second() -> None:
    guide = (repository_root() / "content/pages/publicity-guide.md").read_text(encoding="utf-8")
    link = guide.index("](../recommend-case/index.md)")
    assert posixpath.normpath(posixpath.join("pages", "../recommend-case/index.md")) == CASE_FORM
    assert link < guide.index("./dev ") and link < guide.index("## 1.")
    assert "命令行方式" in guide


DEVELOPER_WORDS = re.compile(
    r"content/|projects/|\.ya?ml|\.md\b|\btrue\b|\bfalse\b|默认|YYYY|补上一行"
)


def test_help_texts_and_messages_speak_to_the_publicity_office() -> None:
    """What case-form.js shows: each field's form help (else its description), the body's
    help, and the wording of every case rule it applies; none names a key or a path."""
    spec = _spec(render(make_model(count=1)).files[CASE_FORM])
    shown_fields = {**spec["schema"]["properties"]}
    shown_fields |= {k: v for k, v in spec["story"]["properties"].items() if k != "case"}
    keys = set(shown_fields) | {"case"}
    texts = [
        (key, sub.get("x-form-help") or sub.get("description", ""))
        for key, sub in shown_fields.items()
    ]
    texts.append(("body", spec["bodyHelp"]))
    case_wording = [
        key
        for key in WORDING
        if (key.split("/")[0] in CASE_RULES_IN_BROWSER and key.startswith("case."))
        or key in ("schema.required/form", "date.invalid/publish")
    ]
    texts += [(key, " ".join(WORDING[key])) for key in case_wording]
    assert {"project", "approved_by", "case.approver-missing"} <= {key for key, _ in texts}
    for key, text in texts:
        assert not DEVELOPER_WORDS.search(text), (key, text)
        ascii_words = set(re.findall(r"(?<![\w/.@{-])[a-z_]+(?![\w/.@}-])", text))
        assert not ascii_words & keys, (key, text)


@pytest.mark.parametrize(
    "edit", ["none", "summary", "name", "status", "team hidden", "case", "site", "date"]
)
def test_the_page_from_the_memo_equals_the_page_made_afresh(edit: str) -> None:
    """The render memo keeps the page exactly while what it shows is equal: a changed
    summary keeps it, anything the form shows makes it again."""
    before = make_model(count=4)
    schemas = {kind: shipped_schema(kind) for kind in ("typical-cases", "story")}
    day = datetime.date(2026, 3, 1)
    first = RenderMemo(version="v")
    case_form_file(before, schemas, day, False, first)
    project = next(iter(before.projects.values()))
    changes = {
        "summary": {"summary": "新的简介"},
        "name": {"name": project.name + "（新）"},
        "status": {"status": "closed"},
        "team hidden": {"team": (), "hidden_team": (HiddenMember(role="负责人"),)},
    }
    after = before
    if edit in changes:
        edited = dataclasses.replace(project, **changes[edit])
        after = dataclasses.replace(before, projects={**before.projects, project.id: edited})
    elif edit == "case":
        added = case("2025-a", "published", "2025-06-01", project=project.id)
        after = dataclasses.replace(before, cases={added.id: added})
    elif edit == "site":
        site = dataclasses.replace(before.site, repository="https://gitee.com/other/showcase")
        after = dataclasses.replace(before, site=site)
    when = day + datetime.timedelta(days=1) if edit == "date" else day
    made = case_form_file(after, schemas, when, False, RenderMemo(first.entries, version="v"))
    fresh = case_form_file(after, schemas, when, False, None)
    assert (made.render() if isinstance(made, KeptFile) else made) == fresh
    unchanged = edit in ("none", "summary") or (before == after and edit != "date")
    assert isinstance(made, KeptFile) == unchanged
