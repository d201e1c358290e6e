"""An incremental build is byte-identical to a clean build of the same repository state.

A Hypothesis state machine applies random sequences of contributor edits to a copy of the
sample repository (add, change, rename and delete projects; edit a registry, a typical
case's story, mkdocs.yml, a template) and after each one builds in place, with every cache
of the earlier builds warm, then builds a fresh copy of the same inputs with no build/
folder, and compares the two site folders byte for byte, naming the first differing file.
An invalid edit must fail the build and leave the previous site untouched.

Bounded (a few sequences of a few steps: two builds per step) to keep CI time near 2 min.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from showcase.commands.build import build
from tests.engine.repository_edits import (
    COLOURS,
    PHRASES,
    add_project,
    copy_inputs,
    copy_sample,
    first_difference,
    movable_projects,
    rename_project,
    replace_line,
)
from tests.engine.test_build_site import site_hashes

TODAY = "2026-11-30"


def build_for_today(root: Path) -> int:
    """`invoke build` in `root` into root/site, for a fixed day so both builds agree."""
    return build(root, None, today=TODAY)


class IncrementalBuilds(RuleBasedStateMachine):
    """One repository edited and built in place; `checked` is False while an edit has not
    yet been compared with a clean build."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="incremental-"))
        self.root = copy_sample(self.folder / "repo")
        self.edits = 0
        self.checked = True

    @initialize()
    def first_build(self) -> None:
        assert build_for_today(self.root) == 0

    def _next(self) -> int:
        self.edits += 1
        self.checked = False
        return self.edits

    @precondition(lambda self: bool(movable_projects(self.root)))
    @rule(pick=st.integers(min_value=0, max_value=10**6))
    def add_a_project(self, pick: int) -> None:
        templates = movable_projects(self.root)
        add_project(self.root, templates[pick % len(templates)], self._next())

    @rule(pick=st.integers(min_value=0, max_value=10**6), phrase=st.sampled_from(PHRASES))
    def change_a_summary(self, pick: int, phrase: str) -> None:
        files = sorted((self.root / "projects").glob("*/*.yaml"))
        number = self._next()
        line = f"summary: 本项目简介第{number}次修改：{phrase}。"
        replace_line(files[pick % len(files)], r"^summary: .*$", line)

    @rule(pick=st.integers(min_value=0, max_value=10**6))
    def change_a_name(self, pick: int) -> None:
        files = sorted((self.root / "projects").glob("*/*.yaml"))
        number = self._next()
        replace_line(files[pick % len(files)], r"^name: .*$", f"name: 改名后的项目{number}号")

    @precondition(lambda self: bool(movable_projects(self.root)))
    @rule(pick=st.integers(min_value=0, max_value=10**6))
    def rename_a_project(self, pick: int) -> None:
        files = movable_projects(self.root)
        rename_project(files[pick % len(files)], self._next())

    @precondition(lambda self: len(movable_projects(self.root)) > 1)
    @rule(pick=st.integers(min_value=0, max_value=10**6))
    def delete_a_project(self, pick: int) -> None:
        files = movable_projects(self.root)
        files[pick % len(files)].unlink()
        self._next()

    @rule(pick=st.integers(min_value=0, max_value=50), phrase=st.sampled_from(PHRASES))
    def edit_a_mentor(self, pick: int, phrase: str) -> None:
        number = self._next()
        line = f"    bio: 第{number}次修改的导师简介：{phrase}。"
        replace_line(self.root / "content" / "mentors.yaml", r"^    bio: .*$", line, pick)

    @rule(pick=st.integers(min_value=0, max_value=50))
    def edit_a_college(self, pick: int) -> None:
        number = self._next()
        line = f"        address: 创新楼 {number} 室"
        replace_line(self.root / "content" / "colleges.yaml", r"^        address: .*$", line, pick)

    @rule(pick=st.integers(min_value=0, max_value=50), phrase=st.sampled_from(PHRASES))
    def edit_a_story(self, pick: int, phrase: str) -> None:
        stories = sorted((self.root / "content" / "stories").glob("*.md"))
        story = stories[pick % len(stories)]
        number = self._next()
        text = story.read_text(encoding="utf-8").rstrip("\n")
        story.write_text(f"{text}\n\n第{number}次补充：{phrase}。\n", encoding="utf-8")

    @rule(colour=st.sampled_from(COLOURS))
    def edit_the_palette(self, colour: str) -> None:
        self._next()
        config = self.root / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        for old in COLOURS:
            text = text.replace(f"primary: {old}\n", f"primary: {colour}\n")
        config.write_text(text, encoding="utf-8")

    @rule()
    def edit_a_template(self) -> None:
        number = self._next()
        template = self.root / "overrides" / "main.html"
        text = template.read_text(encoding="utf-8")
        marker = "{% block extrahead %}"
        assert marker in text
        template.write_text(
            text.replace(marker, f"{marker}\n<!-- 模板第{number}次修改 -->", 1), encoding="utf-8"
        )

    @rule(pick=st.integers(min_value=0, max_value=10**6))
    def invalid_edit_fails_and_keeps_the_site(self, pick: int) -> None:
        self.compare_with_a_clean_build()
        files = sorted((self.root / "projects").glob("*/*.yaml"))
        file = files[pick % len(files)]
        before_text = file.read_bytes()
        before_site = site_hashes(self.root / "site")
        replace_line(file, r"^stage: .*$", "stage: 不存在的阶段")
        assert build_for_today(self.root) == 1
        assert site_hashes(self.root / "site") == before_site
        file.write_bytes(before_text)  # the contributor fixes it; the next check builds
        self.checked = False

    @invariant()
    def compare_with_a_clean_build(self) -> None:
        if self.checked:
            return
        assert build_for_today(self.root) == 0, "an incremental build of a valid state failed"
        clean = copy_inputs(self.root, self.folder / f"clean-{self.edits}")
        try:
            assert build_for_today(clean) == 0
            difference = first_difference(self.root / "site", clean / "site")
            assert difference is None, (
                f"incremental ≠ clean build, edit {self.edits}:\n{difference}"
            )
        finally:
            shutil.rmtree(clean, ignore_errors=True)
        self.checked = True

    def teardown(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


IncrementalBuilds.TestCase.settings = settings(
    max_examples=3,
    stateful_step_count=5,
    deadline=None,
    database=None,
    # No shrinking: each shrink step costs two builds; the failure already lists the steps.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_incremental_build_equals_clean_build = IncrementalBuilds.TestCase


def test_every_kind_of_edit_at_once_builds_like_a_clean_build() -> None:
    """Each rule once, whatever Hypothesis draws above: every edit kind keeps the repository
    valid, and one incremental build after all of them equals a clean build."""
    machine = IncrementalBuilds()
    try:
        machine.first_build()
        machine.add_a_project(0)
        machine.change_a_summary(1, PHRASES[0])
        machine.change_a_name(2)
        machine.rename_a_project(3)
        machine.delete_a_project(4)
        machine.edit_a_mentor(5, PHRASES[1])
        machine.edit_a_college(6)
        machine.edit_a_story(7, PHRASES[2])
        machine.edit_the_palette(COLOURS[1])
        machine.edit_a_template()
        machine.compare_with_a_clean_build()
        machine.invalid_edit_fails_and_keeps_the_site(8)
    finally:
        machine.teardown()
