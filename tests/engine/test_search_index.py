"""The search index holds what people search for: one short entry per project page."""

from __future__ import annotations

import dataclasses
import itertools
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.commands.gather import site_inputs
from showcase.engine import build_site
from showcase.engine.plugin import index_entry, merged_docs
from showcase.engine.search_entries import (
    LISTING_BOOST,
    PROJECT_BOOST,
    SearchEntry,
    project_entry,
    segment_chinese,
    site_search_entries,
)
from showcase.paths import Layout, repository_root
from showcase.render import paths
from showcase.render.memo import RenderMemo
from tests.factories import make_model
from tests.render.helpers import render

CONFIG = repository_root() / "mkdocs.yml"
SEPARATOR = re.compile(r"[\s\u200b\u3000\-、。，．？！；：]+")
BOUNDED = settings(max_examples=200, deadline=None, database=None)
# A built page: has it an entry of ours, and how many documents Material wrote for it
# (0: excluded from search; 1: the page; more: its sections too).
BUILT_PAGE = st.tuples(st.booleans(), st.integers(min_value=0, max_value=3))


HAND_WRITTEN = {
    "about.md": "---\ntitle: 关于本站\n---\n\n# 关于本站\n\n访客读的路演介绍。\n",
    "roadshow-guide.md": (
        "---\ntitle: 项目路演组织指南\naudience: staff\n---\n\n# 项目路演组织指南\n\n"
        "写给组织路演的老师。\n"
    ),
}
"""A page for visitors and a staff guide, as in ``content/pages``."""


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("search-repo")
    for name, text in HAND_WRITTEN.items():
        (Layout(root).pages_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (Layout(root).pages_dir / name).write_text(text, encoding="utf-8")
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


def test_other_pages_keep_their_full_text(index: dict) -> None:
    """A page without an entry of ours (here a mentor's) is indexed by Material."""
    mentors = [e for e in index["docs"] if re.fullmatch(r"mentors/[^/#]+/", e["location"])]
    assert mentors and all(e["title"] and "boost" not in e for e in mentors)
    assert any(len(plain(e["text"])) > 20 for e in mentors)


def test_each_pages_documents_are_together_in_the_index(index: dict) -> None:
    pages = [doc["location"].split("#")[0] for doc in index["docs"]]
    runs = [page for page, _documents in itertools.groupby(pages)]
    assert len(runs) == len(set(runs)), "a page's documents are split up"
    after_ours = [b for a, b in itertools.pairwise(runs) if a.startswith("projects/")]
    assert any(not page.startswith("projects/") for page in after_ours), "ours are at the end"


def test_our_entries_take_their_pages_places_in_material_documents() -> None:
    ours = {"location": "projects/p1/", "title": "项目", "text": ""}
    built = [("", None), ("colleges/a/", None), ("projects/p1/", ours), ("zz/", None)]
    material = [{"location": ""}, {"location": "#intro"}, {"location": "colleges/a/"}]
    material.append({"location": "zz/"})
    assert [d["location"] for d in merged_docs(material, built)] == [
        "",
        "#intro",
        "colleges/a/",
        "projects/p1/",
        "zz/",
    ]


@BOUNDED
@given(st.lists(BUILT_PAGE, max_size=25))
def test_merged_documents_are_in_build_order(pages: list[tuple[bool, int]]) -> None:
    """As if our entries had been appended to Material's list while the pages were built."""
    built, material, expected = [], [], []
    for number, (has_entry, documents) in enumerate(pages):
        url = f"p{number}/" if number else ""  # p1/ and p10/: no prefix matching
        if has_entry:
            entry = {"location": url, "title": f"ours {number}", "text": ""}
            built.append((url, entry))
            expected.append(entry)
        else:
            docs = [{"location": url + (f"#s{s}" if s else "")} for s in range(documents)]
            built.append((url, None))
            material += docs
            expected += docs
    assert merged_docs(material, built) == expected


@BOUNDED
@given(
    st.lists(BUILT_PAGE, max_size=15),
    st.lists(st.sampled_from(["", "p1/", "p2/#s1", "other/", "p3/#x"]), max_size=15),
)
def test_no_document_is_lost_whatever_material_wrote(
    pages: list[tuple[bool, int]], locations: list[str]
) -> None:
    built = [
        (f"p{n}/", {"location": f"p{n}/", "title": "ours"} if has_entry else None)
        for n, (has_entry, _documents) in enumerate(pages)
    ]
    material = [{"location": location, "n": n} for n, location in enumerate(locations)]
    merged = merged_docs(material, built)
    assert [d for d in merged if "n" in d] == sorted(material, key=lambda d: d["n"])
    assert [d for d in merged if "n" not in d] == [entry for _url, entry in built if entry]


def test_listing_pages_are_found_by_their_title_only_and_rank_below_projects(
    index: dict,
) -> None:
    by_location = {e["location"]: e for e in index["docs"]}
    listings = ["projects/", "colleges/", "mentors/", "events/", "cases/"]
    for location in listings:
        entry = by_location[location]
        assert plain(entry["title"]) and entry["text"] == "", location
        assert entry["boost"] == LISTING_BOOST < 1 < PROJECT_BOOST
    assert not [
        e
        for e in index["docs"]
        if e["location"].split("#")[0] in listings[1:] and "#" in e["location"]
    ], "no sections of a listing"


def test_the_home_page_and_annual_reports_are_left_out(index: dict) -> None:
    pages = {e["location"].split("#")[0] for e in index["docs"]}
    assert "" not in pages
    assert not [page for page in pages if page.startswith("cases/annual/")]


def test_a_college_is_found_by_its_names_not_by_its_list_of_projects(index: dict) -> None:
    model = make_model(count=4)
    for college in model.colleges.values():
        entries = [e for e in index["docs"] if e["location"] == f"colleges/{college.id}/"]
        assert len(entries) == 1
        text = plain(entries[0]["text"])
        assert plain(entries[0]["title"]) == college.name
        assert college.nursery in text and college.association in text
        for project in model.projects.values():
            assert project.name not in text


def test_project_pages_are_boosted(index: dict) -> None:
    for project_id in make_model(count=4).projects:
        assert project_entries(index, project_id)[0]["boost"] == PROJECT_BOOST


def test_a_title_match_weighs_two_text_matches_not_a_thousand(index: dict) -> None:
    """Material's default (1000) let one common word in another project's name win."""
    assert index["config"]["fields"]["title"] == {"boost": 2}


def test_chinese_quotes_and_brackets_separate_terms(index: dict) -> None:
    separator = re.compile(index["config"]["separator"])
    assert separator.split("建立“回收—再生”的（校园）闭环《指南》") == [
        "建立",
        "回收",
        "再生",
        "的",
        "校园",
        "闭环",
        "指南",
        "",
    ]


@BOUNDED
@given(st.text(alphabet="纺织面料用的<>&\"' ", max_size=20))
def test_a_title_only_entry_takes_the_page_title(title: str) -> None:
    entry = index_entry("cases/", SearchEntry(None, "", LISTING_BOOST), title)
    assert entry["title"] == segment_chinese(title)
    assert entry["text"] == "" and entry["boost"] == LISTING_BOOST
    assert "boost" not in index_entry("x/", SearchEntry("x", ""), title), "1 is left out"


def test_every_entry_names_a_page_the_renderers_write() -> None:
    """Keys are docs paths in the renderers' spelling, or the entry would never apply."""
    model = make_model(count=4)
    written = set(render(model).files)
    entries = site_search_entries(model)
    assert entries[paths.HOME] is None and paths.HOME in written
    annual = {key for key in entries if key.startswith("cases/annual/")}
    assert set(entries) - annual <= written


def test_staff_pages_are_not_in_the_search_index(index: dict) -> None:
    """A visitor searching 路演 finds roadshows and the pages written for visitors, never
    the organisers' guide, the 工作指南 list or the publicity office's form."""
    pages = {entry["location"].split("#")[0] for entry in index["docs"]}
    assert "pages/about/" in pages, "a hand-written page for visitors stays searchable"
    staff = {"pages/roadshow-guide/", "guides/", "recommend-case/"}
    assert not staff & pages, staff & pages
    texts = "".join(entry["text"] + entry["title"] for entry in index["docs"])
    assert "写给组织路演的老师" not in texts.replace("\u200b", "")


_SEARCH_EDITS = st.lists(
    st.tuples(st.integers(0, 5), st.sampled_from(["name", "summary", "college", "field"])),
    max_size=4,
)


@settings(max_examples=30, deadline=None, database=None)
@given(edits=_SEARCH_EDITS)
def test_entries_taken_from_the_memo_equal_entries_made_afresh(edits) -> None:
    """After edits of projects and of the college and field names they show, the entries
    a build takes from the previous build's memo are those made without one."""
    before = make_model(count=6)
    first = RenderMemo(version="v")
    assert site_search_entries(before, first) == site_search_entries(before)
    after = before
    for index, change in edits:
        project = list(after.projects.values())[index]
        if change == "college":
            college = after.colleges[project.college]
            renamed = dataclasses.replace(college, name=college.name + "（新）")
            after = dataclasses.replace(after, colleges={**after.colleges, college.id: renamed})
        elif change == "field" and project.fields:
            field = after.fields[project.fields[0]]
            renamed = dataclasses.replace(field, name=field.name + "（新）")
            after = dataclasses.replace(after, fields={**after.fields, field.id: renamed})
        elif change in ("name", "summary"):
            edited = dataclasses.replace(project, **{change: getattr(project, change) + "改"})
            after = dataclasses.replace(after, projects={**after.projects, project.id: edited})
    second = RenderMemo(first.entries, version="v")
    assert site_search_entries(after, second) == site_search_entries(after)
    if all(change in ("name", "summary") for _, change in edits):  # only projects edited
        assert second.reused >= len(after.projects) - len(edits)
