"""The synthetic repository generator: deterministic, exact counts, always valid data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from PIL import Image

from showcase.load.yamlfile import load_yaml
from showcase.paths import SCHEMA_HEADER, Layout
from showcase.synth import LOGO_EVERY, SynthError, write_repository
from showcase.validate import validate_repository
from showcase.validate.duplicate_names import normalised_name

REPO = Path(__file__).resolve().parents[1]


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "repo"
    write_repository(REPO, out, LOGO_EVERY, seed=3)
    return out


def test_count_is_honoured_and_spread_over_every_college(synthetic: Path) -> None:
    files = Layout(synthetic).project_files()
    assert len(files) == LOGO_EVERY
    colleges = {c.name for c in (REPO / "projects").iterdir() if c.is_dir()}
    assert {f.parent.name for f in files} == colleges


def test_same_seed_gives_identical_files_and_another_seed_does_not(
    synthetic: Path, tmp_path: Path
) -> None:
    again, other = tmp_path / "again", tmp_path / "other"
    write_repository(REPO, again, LOGO_EVERY, seed=3)
    write_repository(REPO, other, LOGO_EVERY, seed=4)
    assert _tree(again) == _tree(synthetic)
    assert _tree(other) != _tree(synthetic)


def test_every_project_loads_cleanly_and_passes_the_schema(synthetic: Path) -> None:
    schema = json.loads((REPO / "schemas" / "project.schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema)
    ids = set()
    for file in Layout(synthetic).project_files():
        assert file.read_text(encoding="utf-8").startswith(SCHEMA_HEADER + "\n")
        document, problems = load_yaml(file, file.name)
        assert problems == [] and document is not None, file
        errors = [error.message for error in validator.iter_errors(document.data)]
        assert errors == [], (file, errors)
        data = document.data
        assert data["id"] == file.stem and data["college"] == file.parent.name
        assert 60 <= len(data["summary"]) <= 200
        assert data["milestones"][-1]["level"] == data["level"]
        ids.add(data["id"])
    assert len(ids) == LOGO_EVERY


def test_some_members_are_not_named_and_carry_no_name(synthetic: Path) -> None:
    members = []
    for file in Layout(synthetic).project_files():
        document, _ = load_yaml(file, file.name)
        assert document is not None
        members += document.data["team"]
    hidden = [m for m in members if m.get("public") is False]
    assert hidden and all("name" not in m and m["role"] for m in hidden)


def test_the_whole_repository_passes_the_validator(synthetic: Path) -> None:
    result = validate_repository(Layout(synthetic))
    assert [p.text() for p in result.problems] == []


def test_names_stay_unique_once_normalised_at_scale(tmp_path: Path) -> None:
    write_repository(REPO, tmp_path / "repo", 1500, seed=5)
    names = []
    for file in Layout(tmp_path / "repo").project_files():
        document, _ = load_yaml(file, file.name)
        assert document is not None
        names.append(normalised_name(document.data["name"]))
    assert len(set(names)) == len(names) == 1500


def test_logos_are_small_real_pngs(synthetic: Path) -> None:
    logos = sorted(synthetic.glob("projects/*/*/logo.png"))
    assert len(logos) == 1
    assert logos[0].stat().st_size <= 20_000
    with Image.open(logos[0]) as image:
        assert image.format == "PNG" and image.size == (256, 256)


def test_registries_and_schemas_are_copied(synthetic: Path) -> None:
    for name in ("schemas/project.schema.json", "content/colleges.yaml", "content/site.yaml"):
        assert (synthetic / name).read_bytes() == (REPO / name).read_bytes()


def test_zero_projects_and_rewriting_an_earlier_output(tmp_path: Path) -> None:
    out = tmp_path / "repo"
    write_repository(REPO, out, 5, seed=1)
    write_repository(REPO, out, 0, seed=1)
    assert Layout(out).project_files() == []


def test_refuses_to_replace_a_folder_it_did_not_write(tmp_path: Path) -> None:
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(SynthError, match="不是本工具生成的"):
        write_repository(REPO, precious, 3, seed=1)
    assert (precious / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_refuses_to_write_over_the_source_repository() -> None:
    with pytest.raises(SynthError, match="包含源仓库"):
        write_repository(REPO, REPO, 3, seed=1)
