"""What the submit page gives a secretary besides the rules: the pinyin table the id is
suggested from, the logo's limits and upload steps (the same as the validator's and the
guide's), and help texts without file paths, field keys or "默认 true"."""

from __future__ import annotations

import dataclasses
import gzip
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest

from showcase.forms.spec import FORGES
from showcase.images.decode import MAX_SIDE
from showcase.paths import repository_root
from showcase.render.forge_steps import (
    BRANCH,
    FILE_STEPS,
    LOGO_STEPS,
    file_steps_html,
    file_steps_markdown,
)
from showcase.render.pinyin_table import gb2312_hanzi, pinyin_script, pinyin_table
from showcase.render.submit_page import PARTS, PINYIN_SCRIPT, SUBMIT
from showcase.validate.images import MAX_LOGO_BYTES, MEGABYTE
from tests.factories import make_model, project_schema, schema_keys
from tests.render.helpers import render
from tests.render.test_submit_page import _spec

GUIDE = repository_root() / "content/pages/submit-guide.md"


def test_the_pinyin_table_reads_every_gb2312_character_once_and_stays_small() -> None:
    from pypinyin import lazy_pinyin  # here: a one-shot build's test unloads pypinyin

    table = pinyin_table()
    characters = "".join(table.values())
    assert len(characters) == len(set(characters)) == len(gb2312_hanzi()) == 6763
    assert all(re.fullmatch(r"[a-z]+", syllable) for syllable in table)
    reading = {char: syllable for syllable, chars in table.items() for char in chars}
    assert [reading[c] for c in "竹纤维绿"] == lazy_pinyin("竹纤维绿")
    script = pinyin_script()
    assert len(script) < 30_000 and len(gzip.compress(script)) < 20_000
    assert json.loads(script.decode().removeprefix("window.scPinyin=").rstrip(";\n")) == table


@pytest.mark.parametrize("script", [PINYIN_SCRIPT, *PARTS])
def test_only_the_submit_page_loads_the_pinyin_table_and_the_forms_own_parts(script: str) -> None:
    tree = render(make_model(count=2))
    assert tree.files[PINYIN_SCRIPT] == pinyin_script()
    name = script.rsplit("/", 1)[-1].encode()
    loading = [path for path, data in tree.files.items() if path.endswith(".md") and name in data]
    assert loading == [SUBMIT]
    page = tree.files[SUBMIT].decode()
    assert page.index(name.decode()) < page.index("assets/submit.js")


def test_the_form_checks_a_logo_against_the_validators_limits() -> None:
    spec = _spec(render(make_model(count=1)).files[SUBMIT])
    assert spec["logo"] == {
        "maxBytes": MAX_LOGO_BYTES,
        "megabyte": MEGABYTE,
        "maxSide": MAX_SIDE,
        "formats": ["PNG", "JPEG", "WebP"],
    }


def test_the_guide_gives_the_forms_upload_steps_for_every_forge_and_the_same_limits() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    assert set(LOGO_STEPS) == set(FORGES)
    for steps in LOGO_STEPS.values():
        assert f"- {steps}\n" in guide
    assert f"文件不超过 {MAX_LOGO_BYTES // MEGABYTE} MB" in guide
    assert f"{MAX_SIDE}×{MAX_SIDE} 像素" in guide


@pytest.mark.parametrize("forge", FORGES)
def test_the_result_names_the_upload_steps_of_the_sites_forge(forge: str) -> None:
    model = make_model(count=1)
    model = dataclasses.replace(model, site=dataclasses.replace(model.site, forge=forge))
    page = render(model).files[SUBMIT].decode()
    shown = [kind for kind, steps in LOGO_STEPS.items() if steps in page]
    assert shown == [forge]
    shown = [kind for kind in FILE_STEPS if file_steps_html(kind) in page]
    assert shown == [forge]


def test_the_guide_gives_the_forms_steps_on_the_forge_word_for_word_for_every_forge() -> None:
    """One owner for the text: the guide's numbered list under each forge's name is the
    table the form shows, as Markdown."""
    guide = GUIDE.read_text(encoding="utf-8")
    assert set(FILE_STEPS) == set(FORGES)
    for forge in FORGES:
        assert f"\n{file_steps_markdown(forge)}" in guide, forge


@pytest.mark.parametrize("forge", FORGES)
def test_the_steps_on_the_forge_log_in_suggest_a_message_and_ask_for_a_merge_request(
    forge: str,
) -> None:
    """What a secretary who never used Git needs, in order: log in, the commit message,
    a new branch with a merge request (not the main branch), 分支 said in plain words."""
    steps = FILE_STEPS[forge]
    assert "登录" in steps[0]
    order = [
        next(i for i, step in enumerate(steps) if word in step)
        for word in (
            "登录",
            "提交说明",
            "主分支",
            "Pull Request" if forge == "gitee" else "合并请求",
        )
    ]
    assert order == sorted(order)
    assert sum(BRANCH in step for step in steps) == 1
    assert not re.search(r"projects/|\.ya?ml\b|\bgit\s|YAML", "".join(steps))


def _help_texts(
    node: dict[str, Any], choices: set[str], key: str = ""
) -> Iterator[tuple[str, str]]:
    """(key, help) of every field the form shows with a help line (as submit.js builds
    it): its form help, else its description. A list of objects shows its items' fields,
    a list of choices its boxes, any other list one field per item."""
    help_text = node.get("x-form-help") or node.get("description")
    if key and help_text:
        yield key, help_text
    for name, child in node.get("properties", {}).items():
        if isinstance(child, dict):
            yield from _help_texts(child, choices, name)
    items = node.get("items")
    if isinstance(items, dict):
        if items.get("type") == "object":
            for name, child in items["properties"].items():
                yield from _help_texts(child, choices, name)
        elif "enum" not in items and key not in choices:
            yield from _help_texts(items, choices, key)


def test_help_texts_speak_to_the_secretary() -> None:
    schema = project_schema()
    keys = schema_keys(schema)
    developer_words = re.compile(r"content/|projects/|\.ya?ml|\btrue\b|\bfalse\b|默认|YYYY")
    choices = set(_spec(render(make_model(count=1)).files[SUBMIT])["choices"])
    shown = list(_help_texts(schema, choices))
    assert {"id", "public", "logo", "keywords", "role"} <= {key for key, _ in shown}
    for key, text in shown:
        assert not developer_words.search(text), (key, text)
        ascii_words = set(re.findall(r"(?<![\w/.@-])[a-z_]+(?![\w/.@-])", text))
        assert not ascii_words & keys, (key, text)
