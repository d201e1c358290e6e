"""The preview's fast pass: a changed project's page rendered ahead of the full build is
the page the full build then writes, byte for byte; it writes nothing anywhere; bad data
shows in the banner at once; odd paths never take the fast pass."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from showcase.commands.build import DATA_ERRORS, build
from showcase.commands.fast_pass import MAX_FILES, FastPass, project_files
from showcase.engine.fast_page import LastSite, fast_page, reason_to_wait
from showcase.engine.live import BuildFailure, LiveState
from showcase.paths import Layout, repository_root
from showcase.problems import Problem, has_errors
from showcase.validate.repository import check_project_files

PROJECT = "tie-dye-heritage"
SUMMARIES = [
    "【快速预览】与民间扎染手艺人合作，记录并传承传统技艺",
    "<script>window.pwned=1</script> & \"引号\" 'single' <b>粗体</b> &amp; 　全角空格",
]
"""A plain summary, and one a page must escape exactly as the build does."""


def copy_sample(target: Path) -> Path:
    for folder in ("projects", "content", "schemas", "overrides"):
        shutil.copytree(repository_root() / folder, target / folder)
    shutil.copy(repository_root() / "mkdocs.yml", target / "mkdocs.yml")
    return target


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[LastSite]]]:
    """The sample repository, built once, with what the build kept (the last one last)."""
    root = copy_sample(tmp_path_factory.mktemp("fast"))
    kept: list[LastSite] = []
    assert build(root, None, keep_site=lambda i, s: kept.append(LastSite(i, s))) == 0
    original = project_file(root).read_text(encoding="utf-8")
    yield root, kept
    project_file(root).write_text(original, encoding="utf-8")


def project_file(root: Path) -> Path:
    return next(root.glob(f"projects/*/{PROJECT}.yaml"))


def set_summary(root: Path, summary: str) -> Path:
    file = project_file(root)
    text = file.read_text(encoding="utf-8")
    quoted = summary.replace("\\", "\\\\").replace('"', '\\"')
    file.write_text(
        re.sub(r"^summary: .*$", f'summary: "{quoted}"', text, count=1, flags=re.M),
        encoding="utf-8",
    )
    return file


def watching(root: Path, kept: list[LastSite]) -> tuple[LiveState, FastPass]:
    """A preview's state after its last good build, and its fast pass."""
    live = LiveState()
    live.succeeded()
    fast = FastPass(Layout(root), live)
    fast.last = kept[-1]
    return live, fast


def snapshot(root: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every file under site/ and build/: inode, modification time, bytes."""
    found = {}
    for folder in ("site", "build"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and not path.is_symlink():
                status = path.stat()
                found[str(path)] = (status.st_ino, status.st_mtime_ns, path.read_bytes())
    return found


@pytest.mark.parametrize("summary", SUMMARIES)
def test_the_fast_page_is_the_page_the_full_build_writes(sample, summary: str) -> None:
    root, kept = sample
    file = set_summary(root, summary)
    [(project, problems)] = check_project_files(Layout(root), [file])
    assert project is not None and not has_errors(problems)  # markup is only a warning
    before = snapshot(root)
    page = fast_page(kept[-1], project)
    assert page is not None and page.dest == f"projects/{PROJECT}/index.html"
    assert snapshot(root) == before, "the fast pass writes nothing: no site, no cache"
    assert build(root, None, keep_site=lambda i, s: kept.append(LastSite(i, s))) == 0
    assert page.html == (root / "site" / page.dest).read_bytes()
    assert b"<script>window.pwned" not in page.html


def test_a_project_moved_to_other_fields_gets_its_new_related_projects(sample) -> None:
    """Its neighbours change: the kept related index is not used, a fresh one is."""
    root, kept = sample
    file = project_file(root)
    text = file.read_text(encoding="utf-8")
    moved = text.replace("  - cultural-creative\n  - textile-apparel\n", "  - new-materials\n")
    assert moved != text
    file.write_text(moved, encoding="utf-8")
    [(project, _problems)] = check_project_files(Layout(root), [file])
    assert project is not None and project.fields == ("new-materials", "education")
    page = fast_page(kept[-1], project)
    assert build(root, None, keep_site=lambda i, s: kept.append(LastSite(i, s))) == 0
    assert page is not None and page.html == (root / "site" / page.dest).read_bytes()


def test_a_new_project_files_page_is_the_page_the_full_build_writes(sample) -> None:
    """A project file created in the preview gets its page first, as the full build then
    writes it (a page outside the navigation); the file is removed again afterwards."""
    root, kept = sample
    source = project_file(root)
    new = source.with_name("tie-dye-studio.yaml")
    text = source.read_text(encoding="utf-8")
    text = re.sub(r"^id: .*$", "id: tie-dye-studio", text, count=1, flags=re.M)
    text = re.sub(r"^name: .*$", "name: 扎染新工坊", text, count=1, flags=re.M)
    # A nursery project: no roadshow selects it by level (a schedule the new project changes
    # follows with the full build, as for any edit; see showcase.engine.fast_page).
    text = re.sub(r"^level: .*$", "level: nursery", text, count=1, flags=re.M)
    new.write_text(re.sub(r"^logo: .*\n", "", text, flags=re.M), encoding="utf-8")
    try:
        live, fast = watching(root, kept)
        before = snapshot(root)
        fast.run({str(new)})
        shown = live.first_page("projects/tie-dye-studio/index.html")
        assert shown is not None and "扎染新工坊".encode() in shown[0]
        assert snapshot(root) == before, "the fast pass writes nothing: no site, no cache"
        assert build(root, None, keep_site=lambda i, s: kept.append(LastSite(i, s))) == 0
        assert shown[0] == (root / "site/projects/tie-dye-studio/index.html").read_bytes()
    finally:
        new.unlink()
        assert build(root, None, keep_site=lambda i, s: kept.append(LastSite(i, s))) == 0


def test_the_terminal_says_why_a_saved_projects_page_waits_for_the_full_build(
    sample, capsys
) -> None:
    root, kept = sample
    source = project_file(root)
    copy = source.with_name("tie-dye-copy.yaml")
    text = re.sub(r"^id: .*$", "id: tie-dye-copy", source.read_text("utf-8"), flags=re.M)
    copy.write_text(re.sub(r"^logo: .*\n", "", text, flags=re.M), encoding="utf-8")
    try:
        live, fast = watching(root, kept)
        fast.run({str(copy)})
        assert live.first_page("projects/tie-dye-copy/index.html") is None
        assert (
            "tie-dye-copy.yaml 的页面等完整构建后再显示：和另一个项目重名"
            in capsys.readouterr().out
        )
    finally:
        copy.unlink()


def test_a_page_that_cannot_be_told_alone_is_left_to_the_full_build(sample) -> None:
    _root, kept = sample
    last = kept[-1]
    project = last.inputs.model.projects[PROJECT]
    other_college = next(c for c in last.inputs.model.colleges if c != project.college)
    other = next(p for p in last.inputs.model.projects.values() if p.id != PROJECT)
    new = dataclasses.replace(project, id="brand-new", source="projects/arts/brand-new.yaml")
    unusual = [
        dataclasses.replace(project, name=other.name),  # the full build's duplicate-name rule
        dataclasses.replace(new, name=f" {other.name.upper()}！", logo=""),
        dataclasses.replace(project, college=other_college),
        dataclasses.replace(project, id="brand-new-project"),
        dataclasses.replace(project, source="projects/arts/renamed.yaml"),
        dataclasses.replace(project, logo="projects/arts/x/other.png"),
        dataclasses.replace(project, id="new-with-logo", source="projects/arts/n.yaml"),
    ]
    for record in unusual:
        assert fast_page(last, record) is None, record
        assert reason_to_wait(last, record), record
    assert reason_to_wait(last, dataclasses.replace(project, summary="只改了简介")) is None


def test_the_fast_pass_serves_the_page_first_and_the_full_build_drops_it(sample) -> None:
    root, kept = sample
    live, fast = watching(root, kept)
    file = set_summary(root, "【先行】" + SUMMARIES[0])
    before = snapshot(root)
    fast.run({str(file)})
    shown = live.first_page(f"projects/{PROJECT}/index.html")
    assert shown is not None and "【先行】".encode() in shown[0]
    assert live.failure is None and snapshot(root) == before
    live.succeeded(root / "site")  # the full build has not written it yet: dropped
    assert live.first_page(f"projects/{PROJECT}/index.html") is None


def test_a_page_shown_first_that_the_full_build_wrote_alike_is_not_reloaded(sample) -> None:
    root, kept = sample
    live, fast = watching(root, kept)
    file = set_summary(root, "【不再刷新】" + SUMMARIES[0])
    fast.run({str(file)})
    site_path = f"projects/{PROJECT}/index.html"
    page, shown_as = live.first_page(site_path)
    assert build(root, None, keep_site=lambda i, s: kept.append(LastSite(i, s))) == 0
    live.succeeded(root / "site")
    assert live.first_page(site_path) == (page, shown_as), "same bytes, same build id"
    state = json.loads(live.message()[1])
    assert state["first"][f"/projects/{PROJECT}/"] == shown_as != state["build"]
    set_summary(root, "【再改一次】" + SUMMARIES[0])
    assert build(root, None, keep_site=lambda i, s: kept.append(LastSite(i, s))) == 0
    live.succeeded(root / "site")
    assert live.first_page(site_path) is None, "its file changed: its visitors reload"


def test_a_bad_edit_shows_in_the_banner_at_once_as_the_full_build_shows_it(sample, capsys) -> None:
    root, kept = sample
    live, fast = watching(root, kept)
    file = project_file(root)
    good = file.read_text(encoding="utf-8")
    try:
        file.write_text(re.sub(r"^level: .*$", "level: 宇宙级", good, flags=re.M), "utf-8")
        fast.run({str(file)})
        first = capsys.readouterr()
        assert live.failure is not None and live.failure.heading == DATA_ERRORS
        assert live.first_page(f"projects/{PROJECT}/index.html") is None
        failures: list[BuildFailure] = []
        assert build(root, None, on_failure=failures.append) == 1
        full = capsys.readouterr()
    finally:
        file.write_text(good, encoding="utf-8")
    assert failures[-1].problems == live.failure.problems, "the same messages, fields, hints"
    problem_lines = [line for line in first.out.splitlines() if line.startswith("projects/")]
    assert problem_lines and all(line in full.out for line in problem_lines)


def test_only_existing_plain_project_files_take_the_fast_pass(tmp_path: Path) -> None:
    root = tmp_path
    college = root / "projects" / "arts"
    college.mkdir(parents=True)
    good = college / "a.yaml"
    good.write_text("id: a\n", encoding="utf-8")
    layout = Layout(root)
    assert project_files(layout, [str(good)]) == [good]
    (root / "content").mkdir()
    (root / "content" / "colleges.yaml").write_text("[]", encoding="utf-8")
    (college / "a").mkdir()
    (college / "a" / "b.yaml").write_text("id: b\n", encoding="utf-8")
    outside = tmp_path / "outside.yaml"
    outside.write_text("id: x\n", encoding="utf-8")
    os.symlink(outside, college / "linked.yaml")
    linked_college = root / "projects" / "linked"
    os.symlink(college, linked_college)
    (root / "projects" / "a.yaml").write_text("id: a\n", encoding="utf-8")
    for odd in [
        root / "content" / "colleges.yaml",  # not a project file
        college / "a" / "b.yaml",  # under a project's own folder
        college / "gone.yaml",  # deleted
        college / "linked.yaml",  # a link out of the repository
        linked_college / "a.yaml",  # through a linked college folder
        Path(f"{college}/../arts/a.yaml"),  # traversal spelling
        Path(f"{root}/projects/arts/../../outside.yaml"),
        outside,
        root / "projects" / "a.yaml",
    ]:
        assert project_files(layout, [str(good), str(odd)]) == [], odd
    gone = [college / ".goutputstream-X1", college / "a.yaml.tmp1~", college / "4913"]
    assert project_files(layout, [*map(str, gone), str(good)]) == [good], "editors' temporaries"
    assert project_files(layout, [str(college / "gone.yaml"), str(good)]) == [], "a deletion"
    (college / "a.yaml~").write_text("id: a\n", encoding="utf-8")
    assert project_files(layout, [str(college / "a.yaml~"), str(good)]) == [good], "a backup"
    (college / "a.yaml.tmp").write_text("id: a\n", encoding="utf-8")
    assert project_files(layout, [str(college / "a.yaml.tmp"), str(good)]) == [], "still there"
    many = [college / f"p{number}.yaml" for number in range(MAX_FILES + 1)]
    for file in many:
        file.write_text("id: p\n", encoding="utf-8")
    assert project_files(layout, [str(file) for file in many]) == []
    assert project_files(layout, [str(file) for file in many[:MAX_FILES]]) == many[:MAX_FILES]


def test_a_fix_saved_after_a_data_failure_is_shown_first_and_clears_the_banner(sample) -> None:
    root, kept = sample
    live, fast = watching(root, kept)
    file = project_file(root)
    good = file.read_text(encoding="utf-8")
    calls: list[str] = []
    failures: list[BuildFailure] = []
    try:
        file.write_text(re.sub(r"^level: .*$", "level: 宇宙级", good, flags=re.M), "utf-8")
        code = build(
            root, None, on_failure=failures.append, before_render=lambda: calls.append("render")
        )
        assert code == 1 and calls == [], "the data failed: nothing was rendered"
        live.failed(failures[-1])
        file.write_text(good, encoding="utf-8")
        set_summary(root, "【修好了】" + SUMMARIES[0])
        fast.run({str(file)})
        shown = live.first_page(f"projects/{PROJECT}/index.html")
        assert shown is not None and "【修好了】".encode() in shown[0]
        assert live.failure is None and "sc-live-banner" not in live.message()[1]
    finally:
        file.write_text(good, encoding="utf-8")


@pytest.mark.parametrize(
    "failure",
    [
        BuildFailure(
            DATA_ERRORS,
            (Problem("projects/arts/another.yaml", 3, 1, rule="project.x", message="m"),),
        ),
        BuildFailure("构建失败：MkDocs", details=("a template is broken",)),
        BuildFailure("构建时出现内部错误：boom"),
    ],
    ids=["data-error-in-another-file", "engine-failure", "internal-error"],
)
def test_a_clean_save_does_not_hide_a_failure_it_does_not_fix(sample, failure) -> None:
    root, kept = sample
    live = LiveState()
    live.failed(failure)
    fast = FastPass(Layout(root), live)
    fast.last = kept[-1]
    file = set_summary(root, "【其他问题仍在】" + SUMMARIES[0])
    fast.run({str(file)})
    assert live.first_page(f"projects/{PROJECT}/index.html") is None
    assert live.failure == failure


def test_the_build_calls_before_render_once_its_data_passed(sample) -> None:
    root, kept = sample
    calls: list[str] = []
    code = build(
        root,
        None,
        before_render=lambda: calls.append("render"),
        keep_site=lambda inputs, site: (calls.append("kept"), kept.append(LastSite(inputs, site))),
    )
    assert code == 0 and calls == ["render", "kept"]
