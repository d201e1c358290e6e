"""The search index holds what people search for: one short entry per project page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from showcase.commands.gather import site_inputs
from showcase.engine import build_site
from showcase.engine.search_entries import project_entry
from showcase.paths import Layout, repository_root
from tests.factories import make_model

CONFIG = repository_root() / "mkdocs.yml"
SEPARATOR = re.compile(r"[\s\u200b\u3000\-、。，．？！；：]+")


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("search-repo")
    site = build_site(
        Layout(root), site_inputs(Layout(root), make_model(count=4)), config_file=CONFIG
    )
    raw = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    docs = raw.split('"docs":', 1)[1]
    assert "柔性" in docs and "\\u" not in docs, "the index is UTF-8, not ASCII escapes"
    return json.loads(raw)


def project_entries(index: dict, project_id: str) -> list[dict]:
    return [e for e in index["docs"] if e["location"].startswith(f"projects/{project_id}/")]


def plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text.replace("\u200b", ""))


def test_a_project_page_has_one_entry_with_its_summary_college_and_fields(index: dict) -> None:
    model = make_model(count=4)
    for project in model.projects.values():
        entries = project_entries(index, project.id)
        assert [e["location"] for e in entries] == [f"projects/{project.id}/"]
        entry = entries[0]
        assert plain(entry["title"]) == project.name
        text = plain(entry["text"])
        assert project.summary in text
        assert model.colleges[project.college].name in text
        for field_id in project.fields:
            assert model.fields[field_id].name in text


def test_team_members_and_achievements_are_not_indexed(index: dict) -> None:
    project = next(iter(make_model(count=4).projects.values()))
    text = plain(json.dumps(project_entries(index, project.id), ensure_ascii=False))
    for member in project.team:
        assert member.name not in text
    for achievement in project.achievements:
        assert achievement.title not in text


def test_chinese_words_are_separate_search_terms(index: dict) -> None:
    """jieba splits the text, so a two-character word is a term the browser can match."""
    project = next(iter(make_model(count=4).projects.values()))
    entry = project_entries(index, project.id)[0]
    terms = set(SEPARATOR.split(plain(entry["text"]).replace("，", " ")))
    terms |= set(SEPARATOR.split(entry["text"].replace("<p>", " ").replace("</p>", " ")))
    assert "柔性" in terms and "面料" in terms
    assert index["config"]["separator"].startswith("[\\s\\u200b")


def test_keywords_are_part_of_the_entry() -> None:
    model = make_model(count=1)
    project = next(iter(model.projects.values()))
    project = type(project)(**{**project.__dict__, "keywords": ("可穿戴", "健康监测")})
    text = project_entry(project, model).text
    assert "可穿戴" in text and "健康监测" in text


def test_other_pages_keep_their_full_text(index: dict, tmp_path: Path) -> None:
    colleges = [e for e in index["docs"] if e["location"].startswith("colleges/")]
    assert colleges and all(e["title"] for e in colleges)
