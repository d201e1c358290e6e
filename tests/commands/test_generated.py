"""The committed issue form and CODEOWNERS equal a fresh generation from the data."""

from __future__ import annotations

import re

import pytest
import yaml

from showcase.commands.generated import generate, write_generated
from showcase.forms.issue_form import ISSUE_FIELDS, ISSUE_FORM, NOT_NAMED, field_schema
from showcase.paths import repository_root
from tests.factories import project_schema, schema_keys

ROOT = repository_root()


@pytest.mark.parametrize("kind", ["issue-form", "codeowners"])
def test_committed_file_is_up_to_date(kind: str) -> None:
    target, fresh = generate(ROOT, kind)
    assert fresh is not None
    assert target.read_text(encoding="utf-8") == fresh, f"运行 invoke {kind} 并提交结果"


def test_check_mode_reports_a_stale_copy(tmp_path, capsys) -> None:
    import shutil

    for folder in ("content", "schemas", "projects"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    assert write_generated(tmp_path, "codeowners", check=True) == 1
    assert "不是最新的" in capsys.readouterr().err
    assert write_generated(tmp_path, "codeowners") == 0
    assert write_generated(tmp_path, "codeowners", check=True) == 0


def test_issue_form_follows_the_schema() -> None:
    form = yaml.safe_load((ROOT / ISSUE_FORM).read_text(encoding="utf-8"))
    schema = project_schema()
    inputs = {item["id"]: item for item in form["body"] if "id" in item}
    assert [field.key for field in ISSUE_FIELDS] == list(inputs)
    for field in ISSUE_FIELDS:
        sub = field_schema(schema, field)
        item = inputs[field.key]
        assert item["attributes"]["label"] == sub["title"]
        required = field.key in schema["required"] and field.kind != "link"
        assert item.get("validations", {}).get("required", False) is required
        values = sub.get("items", sub).get("enum")
        if values:
            options = item["attributes"]["options"]
            assert [o.rsplit("（", 1)[1].rstrip("）") for o in options] == values
    assert f"姓名一栏只写「{NOT_NAMED}」" in inputs["team"]["attributes"]["description"]


def _shown_texts(form: dict) -> list[tuple[str, str]]:
    """(where, text) of everything the forge shows a person filling in the issue form."""
    texts = [("name", form["name"]), ("description", form["description"])]
    for item in form["body"]:
        attributes = item["attributes"]
        where = item.get("id", item["type"])
        for key in ("label", "description", "placeholder", "value"):
            if key in attributes:
                texts.append((f"{where}.{key}", attributes[key]))
        texts += [(f"{where}.option", option) for option in attributes.get("options", ())]
    return texts


def test_issue_form_speaks_to_the_secretary_with_the_web_forms_help() -> None:
    """The same help texts as the web form (x-form-help, else description), and no file
    path, field key, command or 默认 anywhere the forge shows."""
    form = yaml.safe_load((ROOT / ISSUE_FORM).read_text(encoding="utf-8"))
    schema = project_schema()
    inputs = {item["id"]: item for item in form["body"] if "id" in item}
    for field in ISSUE_FIELDS:
        sub = field_schema(schema, field)
        help_text = sub.get("x-issue-help") or sub.get("x-form-help")
        if help_text:
            assert inputs[field.key]["attributes"]["description"].startswith(help_text)
    keys = schema_keys(schema)
    developer_words = re.compile(
        r"content/|projects/|schemas/|\.ya?ml|\binvoke\b|\btrue\b|\bfalse\b|默认"
    )
    for where, text in _shown_texts(form):
        assert not developer_words.search(text), (where, text)
        ascii_words = set(re.findall(r"(?<![\w/.@（-])[a-z_]+(?![\w/.@）-])", text))
        assert not ascii_words & keys, (where, text)
