"""``submit/taken.json`` (what the submission form fetches to find ids and names in use)
follows its schema, ``taken.schema.json`` beside this test (an output format, not a
record kind, so not under ``schemas/``), as judged by the jsonschema library and by the
independent ``check-jsonschema`` command."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from showcase import jsontext
from showcase.forms.spec import taken
from showcase.paths import Layout, repository_root
from showcase.validate import validate_repository
from tests.factories import make_model, make_project

SCHEMA_FILE = Path(__file__).parent / "taken.schema.json"
SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def _document(model: Any) -> dict[str, Any]:
    """What the build writes, read back as the browser reads it."""
    return json.loads(jsontext.encode(taken(model)))


def _errors(document: dict[str, Any]) -> list[str]:
    validator = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


@pytest.fixture(scope="module")
def sample() -> dict[str, Any]:
    model = validate_repository(Layout(repository_root())).model
    assert model is not None
    return _document(model)


def test_the_schema_is_a_valid_2020_12_schema() -> None:
    Draft202012Validator.check_schema(SCHEMA)


def test_the_sample_sites_file_follows_the_schema(sample: dict[str, Any]) -> None:
    assert len(sample["ids"]) > 40 and sample["names"]
    assert _errors(sample) == []
    named = {entry[0] for entries in sample["names"].values() for entry in entries}
    assert named == set(sample["ids"]), "every project is named once, by an id in ids"


def test_check_jsonschema_accepts_the_sample_file(sample: dict[str, Any], tmp_path: Path) -> None:
    document = tmp_path / "taken.json"
    document.write_bytes(jsontext.encode(sample))
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMA_FILE), str(document)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_traditional_names_and_shared_names_follow_the_schema() -> None:
    model = make_model(
        [
            make_project("smart-loom", name="智慧紡織 機器"),
            make_project("smart-loom-two", name="智慧纺织机器", college="computing"),
            make_project("x1", name="X"),
        ]
    )
    document = _document(model)
    assert _errors(document) == []
    assert len(document["names"]["智慧纺织机器"]) == 2 and document["simplified"]["紡"] == "纺"


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("ids", "Bad_Id"), "textile"),
        (("ids", "smart-loom"), ""),
        (("names", "智慧纺织机器"), []),
        (("names", "智慧纺织机器"), [["smart-loom"]]),
        (("names", "智慧纺织机器"), [["smart-loom", "智慧纺织机器"]]),
        (("simplified", "紡織"), "纺织"),
        (("simplified", "紡"), ""),
        (("extra",), {}),
    ],
)
def test_a_file_the_form_could_not_read_is_refused(path: tuple[str, ...], value: Any) -> None:
    document = copy.deepcopy(_document(make_model([make_project("smart-loom", name="智慧紡織")])))
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert _errors(document), (path, value)
