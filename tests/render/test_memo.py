"""The render memo reuses a page exactly when its declared inputs are equal.

The strongest check is the last one: after any edit of the model, a render that takes the
previous render's memo gives the same tree, byte for byte, as a render without one. An
input a page reads but does not declare would make the memo hand back a stale page there.
"""

from __future__ import annotations

import dataclasses
import functools
import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from showcase.contacts import Contact
from showcase.model import LEVELS, Model
from showcase.paths import Layout, repository_root
from showcase.render import directory_index, paths
from showcase.render.memo import FILE, KeptFile, RenderMemo, file_digest
from showcase.render.tree import render_docs
from showcase.validate import validate_repository
from showcase.validate.cache import ValidationCache
from tests.render.helpers import render_inputs


def test_equal_inputs_are_reused_without_rendering() -> None:
    first = RenderMemo(version="v1")
    assert first.reuse("a.md", ("x", 1), lambda: "page") == "page"
    second = RenderMemo(first.entries, version="v1")
    assert second.reuse("a.md", ("x", 1), _never) == "page"
    assert (second.reused, second.rendered) == (1, 0)


def test_changed_inputs_or_code_are_rendered_again() -> None:
    first = RenderMemo(version="v1")
    first.reuse("a.md", ("x", 1), lambda: "old")
    assert RenderMemo(first.entries, version="v1").reuse("a.md", ("x", 2), lambda: "new") == "new"
    assert RenderMemo(first.entries, version="v2").reuse("a.md", ("x", 1), lambda: "new") == "new"


def test_entries_hold_only_what_this_render_used() -> None:
    first = RenderMemo()
    first.reuse("gone.md", 1, lambda: "a")
    first.reuse("kept.md", 2, lambda: "b")
    second = RenderMemo(first.entries)
    second.reuse("kept.md", 2, _never)
    assert set(second.entries) == {"kept.md"}


def test_a_whole_file_is_kept_by_the_digest_of_its_bytes_alone() -> None:
    first = RenderMemo(version="v1")
    assert first.reuse_file("p/index.md", b"key", lambda: b"page") == b"page"
    second = RenderMemo(first.entries, version="v1")
    kept = second.reuse_file("p/index.md", b"key", _never)
    assert isinstance(kept, KeptFile) and kept.digest == file_digest(b"page")
    assert "page" not in repr(second.entries)  # the entry holds no text of the file
    assert RenderMemo(second.entries).reuse_file("p/index.md", b"new", lambda: b"v2") == b"v2"


def test_an_unchanged_render_keeps_every_page_without_its_text() -> None:
    model = _sample()
    first = RenderMemo()
    whole = render_docs(render_inputs(model, font=None), first)
    again = render_docs(render_inputs(model, font=None), RenderMemo(first.entries))
    project_pages = {paths.project_page(project_id) for project_id in model.projects}
    assert project_pages <= set(again.kept)
    assert again.whole() == whole
    assert {name: kept.digest for name, kept in again.kept.items()} == {
        name: file_digest(whole.files[name]) for name in again.kept
    }


def test_a_deferred_file_is_rendered_and_remembered_only_when_written() -> None:
    model = _sample()
    deferring = RenderMemo()
    deferring.defer_files()
    deferred = render_docs(render_inputs(model, font=None), deferring)
    pages = {paths.project_page(project_id) for project_id in model.projects}
    assert pages <= {name for name, kept in deferred.kept.items() if kept.digest == ""}
    assert not {FILE + name for name in pages} & set(deferring.entries)
    at_once = RenderMemo()
    assert deferred.whole() == render_docs(render_inputs(model, font=None), at_once)
    assert deferring.entries == at_once.entries


def test_outputs_given_from_elsewhere_are_taken_only_under_their_key() -> None:
    memo = RenderMemo(version="v1")
    fixed = memo.fixed_key()
    memo.give({"pinyin:甲": (fixed, "given"), FILE + "a.js": (b"other", b"given")})
    assert memo.reuse_keyed("pinyin:甲", fixed, _never) == "given"
    assert memo.reuse_keyed("pinyin:乙", fixed, lambda: "made") == "made"
    assert memo.reuse_file("a.js", fixed, lambda: b"made") == b"made"
    assert memo.entries["pinyin:甲"] == (fixed, "given")


def test_a_part_key_changes_exactly_when_a_part_does() -> None:
    """`part_key` digests only the parts of changed records, and its key is that of the
    parts: a change elsewhere in a record keeps it, a changed part or order changes it."""
    model = _sample()
    projects = list(model.projects.values())
    first = RenderMemo(version="v")
    key = first.part_key("levels", projects, lambda p: p.level)
    renamed = [dataclasses.replace(projects[0], name="新名"), *projects[1:]]
    asked: list[str] = []
    second = RenderMemo(first.entries, version="v")
    assert second.part_key("levels", renamed, lambda p: asked.append(p.id) or p.level) == key
    assert asked == [projects[0].id]  # only the changed record's part was made again
    other = next(level for level in LEVELS if level != projects[0].level)
    relevelled = [dataclasses.replace(projects[0], level=other), *projects[1:]]
    third = RenderMemo(second.entries, version="v")
    assert third.part_key("levels", relevelled, lambda p: p.level) != key
    assert (
        RenderMemo(first.entries, "v").part_key("levels", projects[::-1], lambda p: p.level) != key
    )
    assert RenderMemo(first.entries, "w").part_key("levels", projects, lambda p: p.level) != key


def _never() -> str:
    raise AssertionError("rendered although its inputs did not change")


@functools.cache
def _sample() -> Model:
    model = validate_repository(Layout(repository_root())).model
    assert model is not None
    return model


def _edit_project(model: Model, index: int, change: str) -> Model:
    project = list(model.projects.values())[index % len(model.projects)]
    other = list(model.projects.values())[(index + 1) % len(model.projects)]
    replaced = {
        "name": dataclasses.replace(project, name=project.name + "（新）"),
        "summary": dataclasses.replace(project, summary="换了一句简介"),
        "level": dataclasses.replace(
            project, level=next(level for level in LEVELS if level != project.level)
        ),
        "mentors": dataclasses.replace(project, mentors=other.mentors),
        "fields": dataclasses.replace(project, fields=other.fields),
        "college": dataclasses.replace(project, college=other.college),
        "milestones": dataclasses.replace(project, milestones=project.milestones[:-1]),
        # what the assessment, the directory's index and the college pages count
        "status": dataclasses.replace(project, status="closed"),
        "stage": dataclasses.replace(project, stage=other.stage),
        "started": dataclasses.replace(project, started="2019-03"),
        "achievements": dataclasses.replace(project, achievements=other.achievements),
        "logo": dataclasses.replace(project, logo=""),
    }[change]
    return dataclasses.replace(model, projects={**model.projects, project.id: replaced})


def _edit_registry(model: Model, index: int, change: str) -> Model:
    if change == "college":
        college = list(model.colleges.values())[index % len(model.colleges)]
        office = Contact(office="新的办公室", email="office@example.edu.cn")
        edited = dataclasses.replace(college, name=college.name + "（更名）", contacts=(office,))
        return dataclasses.replace(model, colleges={**model.colleges, college.id: edited})
    if change == "nursery":
        college = list(model.colleges.values())[index % len(model.colleges)]
        edited = dataclasses.replace(college, nursery=college.nursery + "（新）")
        return dataclasses.replace(model, colleges={**model.colleges, college.id: edited})
    if change == "mentor":
        mentor = list(model.mentors.values())[index % len(model.mentors)]
        edited = dataclasses.replace(mentor, title="教授（新）", organisation="新单位")
        return dataclasses.replace(model, mentors={**model.mentors, mentor.id: edited})
    if change == "mentor-college":
        mentor = list(model.mentors.values())[index % len(model.mentors)]
        others = [c for c in model.colleges if c != mentor.college]
        edited = dataclasses.replace(mentor, college=others[index % len(others)])
        return dataclasses.replace(model, mentors={**model.mentors, mentor.id: edited})
    if change == "site-url":
        site = dataclasses.replace(model.site, site_url="https://new.example.edu.cn/showcase")
        return dataclasses.replace(model, site=site)
    if change == "field":
        field = list(model.fields.values())[index % len(model.fields)]
        edited = dataclasses.replace(field, name=field.name + "（新）")
        return dataclasses.replace(model, fields={**model.fields, field.id: edited})
    contacts = (Contact(office="众创空间新前台", phone="0571-86843210"),)
    return dataclasses.replace(model, site=dataclasses.replace(model.site, contacts=contacts))


_EDITS = st.one_of(
    st.tuples(
        st.just(_edit_project),
        st.integers(0, 200),
        st.sampled_from(
            [
                *("name", "summary", "level", "mentors", "fields", "college", "milestones"),
                *("status", "stage", "started", "achievements", "logo"),
            ]
        ),
    ),
    st.tuples(
        st.just(_edit_registry),
        st.integers(0, 200),
        st.sampled_from(
            ["college", "nursery", "mentor", "mentor-college", "field", "site", "site-url"]
        ),
    ),
)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=st.lists(_EDITS, min_size=1, max_size=3))
def test_a_render_with_the_previous_memo_equals_a_render_without_one(edits) -> None:
    before = _sample()
    memo = RenderMemo()
    render_docs(render_inputs(before, font=None), memo)
    after = before
    for edit, index, change in edits:
        after = edit(after, index, change)
    inputs = render_inputs(after, font=None)
    reused = RenderMemo(memo.entries)
    assert render_docs(inputs, reused).whole() == render_docs(inputs)
    assert reused.reused > 0  # the memo was used, not just bypassed


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=st.lists(_EDITS, min_size=1, max_size=3))
def test_a_known_digest_is_used_for_its_own_record_only(edits) -> None:
    """Digests handed in with the inputs (the validation cache's, `RenderMemo.know`)
    stand for exactly the record objects they came with: after an edit the new records
    are digested anew although the old pairs are handed in again, and the render still
    equals one without a memo."""
    before = _sample()
    known = tuple(
        (project, f"content of {project.id}".encode()) for project in before.projects.values()
    )
    memo = RenderMemo()
    render_docs(render_inputs(before, font=None, record_digests=known), memo)
    after = before
    for edit, index, change in edits:
        after = edit(after, index, change)
    inputs = render_inputs(after, font=None, record_digests=known)
    reused = RenderMemo(memo.entries)
    assert render_docs(inputs, reused).whole() == render_docs(inputs)
    assert reused.reused > 0


def test_an_unchanged_render_with_known_digests_renders_nothing_again() -> None:
    model = _sample()
    known = tuple((project, project.id.encode()) for project in model.projects.values())
    first = RenderMemo()
    render_docs(render_inputs(model, font=None, record_digests=known), first)
    second = RenderMemo(first.entries)
    render_docs(render_inputs(model, font=None, record_digests=known), second)
    assert second.rendered == 0 and second.reused > 0
    assert second.entries == first.entries  # each name's pinyin kept under the whole order


def test_the_validation_cache_gives_each_record_a_digest_of_its_file(tmp_path) -> None:
    """The same file gives the same digest, an edited file another, and every project of
    the model has one: what lets the memo skip pickling the projects."""
    root = tmp_path / "repo"
    shutil.copytree(
        repository_root(),
        root,
        ignore=shutil.ignore_patterns(".git", ".venv", "build", "site", "node_modules"),
    )
    cache = ValidationCache()
    model = validate_repository(Layout(root), cache=cache).model
    assert model is not None
    first = {record.id: digest for record, digest in cache.record_digests()}
    assert set(first) == set(model.projects) and len(set(first.values())) == len(first)
    by_id = {record.id: record for record, _ in cache.record_digests()}
    assert all(by_id[i] is model.projects[i] for i in model.projects)
    edited = root / model.projects[sorted(first)[0]].source
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# 改动\n", encoding="utf-8")
    validate_repository(Layout(root), cache=cache)
    second = {record.id: digest for record, digest in cache.record_digests()}
    changed = {i for i in first if first[i] != second[i]}
    assert changed == {sorted(first)[0]}


def test_a_name_order_taken_whole_keeps_each_names_pinyin_for_a_later_rename(
    monkeypatch,
) -> None:
    """A build that changes no name takes the whole pinyin order from the memo and
    carries each name's pinyin over, so the build after it, which renames one project,
    finds the pinyin of that one name only, and still renders what a fresh render does."""
    before = _sample()
    first = RenderMemo()
    render_docs(render_inputs(before, font=None), first)
    second = RenderMemo(first.entries)
    render_docs(render_inputs(before, font=None), second)
    after = _edit_project(before, 3, "name")
    new_names = {p.name for p in after.projects.values()} - {
        p.name for p in before.projects.values()
    }
    found: list[str] = []
    original = directory_index.pinyin_key
    monkeypatch.setattr(
        directory_index, "pinyin_key", lambda name: found.append(name) or original(name)
    )
    inputs = render_inputs(after, font=None)
    rendered = render_docs(inputs, RenderMemo(second.entries))
    assert found == sorted(new_names)
    assert rendered.whole() == render_docs(inputs)
