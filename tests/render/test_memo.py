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
from showcase.render.memo import RenderMemo
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


@given(text=st.text(max_size=40))
def test_a_memo_that_holds_bytes_keeps_what_it_renders_as_utf8_and_hands_back_text(
    text: str,
) -> None:
    previous = RenderMemo(version="v1")
    previous.reuse("kept.md", "k", lambda: "旧页面")
    memo = RenderMemo(previous.entries, version="v1", holds_bytes=True)
    assert memo.reuse("new.md", "n", lambda: text) == text
    assert memo.entries["new.md"][1] == text.encode("utf-8") == memo.held_bytes("new.md")
    assert memo.reuse("kept.md", "k", lambda: "never") == "旧页面"
    assert memo.entries["kept.md"] == previous.entries["kept.md"]  # reused: as it came
    assert memo.held_bytes("kept.md") is None and memo.held_bytes("absent.md") is None
    plain = RenderMemo(version="v1")
    plain.reuse("new.md", "n", lambda: text)
    assert plain.entries["new.md"][1] == text and plain.held_bytes("new.md") is None


def test_a_render_whose_memo_holds_bytes_gives_the_same_tree() -> None:
    """A one-shot build's memo keeps rendered pages as bytes, which the tree then uses."""
    inputs = render_inputs(_sample(), font=None)
    memo = RenderMemo(holds_bytes=True)
    tree = render_docs(inputs, memo)
    assert tree == render_docs(inputs)
    pages = [paths.project_page(project) for project in inputs.model.projects]
    assert pages and all(tree.files[name] is memo.held_bytes(name) for name in pages)


def test_entries_hold_only_what_this_render_used() -> None:
    first = RenderMemo()
    first.reuse("gone.md", 1, lambda: "a")
    first.reuse("kept.md", 2, lambda: "b")
    second = RenderMemo(first.entries)
    second.reuse("kept.md", 2, _never)
    assert set(second.entries) == {"kept.md"}


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
    assert render_docs(inputs, reused) == render_docs(inputs)
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
    assert render_docs(inputs, reused) == render_docs(inputs)
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
    assert rendered == render_docs(inputs)
