"""The project directory: facet counts, pinyin order, the JSON index and the plain pages."""

from __future__ import annotations

import dataclasses
import json
import posixpath
import re

import pytest

from showcase.model import LEVELS
from showcase.render import paths
from showcase.render.directory import PLAIN_PAGE_SIZE, SEARCH_LINK, plain_page, render_directory
from showcase.render.directory_index import (
    COLUMNS,
    facet_counts,
    matches,
    name_order,
    pinyin_key,
)
from showcase.render.memo import KeptFile, RenderMemo
from tests.factories import make_model, make_project
from tests.render.helpers import render


def small_model():
    """Six projects whose facet values are easy to count by hand."""
    specs = [
        ("a", "textile", "nursery", ["ai"], "2022-03", ["investment"]),
        ("b", "textile", "makerspace", ["ai", "green"], "2023-05", []),
        ("c", "textile", "nursery", ["green"], "2023-09", ["mentor"]),
        ("d", "computing", "nursery", ["ai"], "2024-01", ["investment", "mentor"]),
        ("e", "computing", "incubator", ["smart-textiles"], "2024-02", []),
        ("f", "computing", "makerspace", ["ai"], "2022-11", ["investment"]),
    ]
    return make_model(
        [
            make_project(
                f"p-{key}",
                college=college,
                level=level,
                fields=fields,
                started=started,
                seeking=seeking,
            )
            for key, college, level, fields, started, seeking in specs
        ]
    )


def test_counts_without_a_selection_are_plain_totals() -> None:
    counts = facet_counts(small_model().projects.values(), {})
    assert counts["college"] == {"textile": 3, "computing": 3}
    assert counts["level"] == {"nursery": 3, "makerspace": 2, "incubator": 1}
    assert counts["field"] == {"ai": 4, "green": 2, "smart-textiles": 1}
    assert counts["year"] == {"2022": 2, "2023": 2, "2024": 2}
    assert counts["seeking"] == {"investment": 3, "mentor": 2}


def test_counts_ignore_their_own_facet_and_narrow_the_others() -> None:
    projects = small_model().projects.values()
    counts = facet_counts(projects, {"college": ["textile"]})
    assert counts["college"] == {"textile": 3, "computing": 3}
    assert counts["level"] == {"nursery": 2, "makerspace": 1}
    counts = facet_counts(projects, {"college": ["textile"], "level": ["nursery"]})
    assert counts["college"] == {"textile": 2, "computing": 1}
    assert counts["level"] == {"nursery": 2, "makerspace": 1}
    assert counts["field"] == {"ai": 1, "green": 1}


def test_or_within_a_facet_and_across_a_multi_valued_facet() -> None:
    projects = list(small_model().projects.values())
    chosen = [p.id for p in projects if matches(p, {"field": ["green", "smart-textiles"]})]
    assert chosen == ["p-b", "p-c", "p-e"]
    both = {"level": ["nursery", "incubator"], "seeking": ["investment"]}
    assert [p.id for p in projects if matches(p, both)] == ["p-a", "p-d"]


def test_every_count_equals_the_matches_it_promises() -> None:
    projects = list(small_model().projects.values())
    selection = {"college": ["computing"], "seeking": ["investment"]}
    counts = facet_counts(projects, selection)
    for facet, options in counts.items():
        for option, count in options.items():
            alone = {**selection, facet: [option]}
            assert count == sum(matches(p, alone) for p in projects), (facet, option)


def test_names_sort_in_pinyin_order() -> None:
    names = [
        "重庆火锅",
        "北京小吃",
        "阿里云",
        "项目10",
        "项目2",
        "长城",
        "重要项目",
        "Zeta",
        "爱心",
    ]
    ordered = sorted(names, key=pinyin_key)
    assert ordered == [
        "阿里云",
        "爱心",
        "北京小吃",
        "长城",
        "重庆火锅",
        "项目2",
        "项目10",
        "Zeta",
        "重要项目",
    ]


def test_name_order_breaks_ties_by_id() -> None:
    twins = [make_project("b-twin", name="同名"), make_project("a-twin", name="同名")]
    assert [p.id for p in name_order(twins)] == ["a-twin", "b-twin"]


def _index(model) -> dict:
    return json.loads(render_directory(model)["assets/directory.json"])


def test_index_rows_follow_the_columns_and_hold_codes() -> None:
    model = small_model()
    index = _index(model)
    assert index["columns"] == list(COLUMNS)
    rows = {row[0]: dict(zip(COLUMNS, row, strict=True)) for row in index["projects"]}
    facets = {key: [option[0] for option in options] for key, _title, options in index["facets"]}
    first = rows["p-d"]
    assert facets["college"][first["college"]] == "computing"
    assert [facets["field"][i] for i in first["field"]] == ["ai"]
    assert [facets["seeking"][i] for i in first["seeking"]] == ["investment", "mentor"]
    assert facets["year"] == ["2024", "2023", "2022"]
    assert first["started"] == 202401 and first["achievements"] == 2
    assert sorted(row["name_rank"] for row in rows.values()) == list(range(6))


def test_index_has_no_hidden_member_and_escapes_nothing_it_should_not() -> None:
    model = make_model([make_project("x", name='</script><b>"引号"</b>'), make_project("y")])
    raw = render_directory(model)["assets/directory.json"]
    assert "张同学".encode() not in raw
    assert _index(model)["projects"][0][1] == '</script><b>"引号"</b>'


@pytest.mark.parametrize(("count", "pages"), [(0, 1), (1, 1), (50, 1), (51, 2), (120, 3)])
def test_plain_list_is_paginated_at_build_time(count: int, pages: int) -> None:
    files = render_directory(make_model(count=count))
    plain = sorted(path for path in files if path.endswith(".md"))
    assert len(plain) == pages
    assert plain_page(1) == paths.DIRECTORY and plain_page(pages) in files
    listed = sum(files[path].decode().count('<li><a href="') for path in plain)
    assert listed == count
    last = files[plain_page(pages)].decode()
    assert 'rel="next"' not in last and (pages == 1) == ('rel="prev"' not in last)


def test_plain_pages_stay_out_of_search_and_their_links_resolve() -> None:
    tree = render(make_model(count=PLAIN_PAGE_SIZE * 2 + 1))
    urls = {paths.url_of(path) for path in tree.files}
    for number in (1, 2, 3):
        page = plain_page(number)
        source = tree.files[page].decode()
        assert '"exclude":true' in source.split("\n---\n", 1)[0]
        for href in re.findall(r'href="([^"]+)"', source):
            if href.startswith("#"):
                assert f'id="{href[1:]}"' in source, (page, href)
                continue
            path = href.split("?")[0]  # "?q=": this page, with Material's search open
            target = posixpath.normpath(posixpath.join(paths.url_of(page), path))
            assert target + "/" in urls or target in urls, (page, href)
        assert SEARCH_LINK in source, "every directory page leads to search"


def test_directory_page_ships_the_filters_but_no_cards() -> None:
    page = render_directory(make_model(count=60))[paths.DIRECTORY].decode()
    assert page.count('<input type="checkbox" name="college"') == 2
    label = '<span class="sc-option__label">学院创业苗圃</span>'
    assert f'{label} <span class="sc-option__count">20<' in page
    assert 'data-index="../assets/directory.json"' in page
    assert 'data-project-url="{id}/"' in page and 'class="sc-card"' not in page


def test_hostile_names_are_escaped_in_the_plain_list() -> None:
    model = make_model([make_project("hostile", name="<script>alert(1)</script>")])
    page = render_directory(model)[paths.DIRECTORY].decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_directory_output_is_byte_identical() -> None:
    assert render_directory(make_model(count=75)) == render_directory(make_model(count=75))


def _whole(files: dict) -> dict[str, bytes]:
    return {name: c if isinstance(c, bytes) else c.render() for name, c in files.items()}


@pytest.mark.parametrize(
    "edit", ["none", "summary", "rename", "level", "college name", "add", "remove"]
)
def test_plain_pages_from_the_memo_equal_pages_made_afresh(edit: str) -> None:
    """A page is kept only when its projects, their colleges' names, its place and the
    filters' counts (page 1) are unchanged: after any edit the pages equal a fresh render,
    and an edit of one project on page 2 keeps page 3."""
    before = make_model(count=PLAIN_PAGE_SIZE * 2 + 20)
    first = RenderMemo(version="v")
    render_directory(before, first)
    ordered = name_order(before.projects.values())
    project = ordered[PLAIN_PAGE_SIZE + 3]  # on page 2
    projects, colleges = dict(before.projects), dict(before.colleges)
    if edit == "summary":
        projects[project.id] = dataclasses.replace(project, summary="新的简介")
    elif edit == "rename":
        projects[project.id] = dataclasses.replace(project, name="啊" + project.name)
    elif edit == "level":
        level = next(level for level in LEVELS if level != project.level)
        projects[project.id] = dataclasses.replace(project, level=level)
    elif edit == "college name":
        college = colleges[project.college]
        colleges[college.id] = dataclasses.replace(college, name=college.name + "（新）")
    elif edit == "add":
        projects["zz-new"] = make_project("zz-new", name="新项目")
    elif edit == "remove":
        del projects[project.id]
    after = dataclasses.replace(before, projects=projects, colleges=colleges)
    second = RenderMemo(first.entries, version="v")
    assert _whole(render_directory(after, second)) == render_directory(after)
    kept = {
        name
        for name, c in render_directory(after, RenderMemo(first.entries, "v")).items()
        if isinstance(c, KeptFile)
    }
    if edit in ("none", "summary", "level"):
        assert plain_page(3) in kept
    if edit == "summary":  # the filters' counts did not move
        assert plain_page(1) in kept
    if edit == "none":
        assert {plain_page(n) for n in (1, 2, 3)} <= kept
    elif edit != "college name":
        assert plain_page(2) not in kept
