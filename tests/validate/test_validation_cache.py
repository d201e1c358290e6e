"""The per-file validation cache never changes an answer (`showcase.validate.cache`).

Every bad-input case gives exactly the same problems and model with no cache, a cold
cache, a warm one in memory and a warm one read back from disk; random edits between runs
(fields, syntax, deletions, renames, reverts, a registry, a logo appearing, another day)
keep the warm answers equal to a fresh run; a damaged cache file is ignored.
"""

from __future__ import annotations

import datetime
import io
import os
import pickle
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PIL import Image

from showcase.load import yamlfile
from showcase.paths import Layout
from showcase.validate import ValidationResult, validate_repository
from showcase.validate import cache as cache_module
from showcase.validate.cache import SHARDS, ValidationCache
from tests.validate.conftest import TODAY, make_repository
from tests.validate.test_cases import CASE_NAMES, given_paths, problems_for


def _same(first: ValidationResult, second: ValidationResult) -> None:
    assert first.problems == second.problems
    assert first.model == second.model
    assert first.files_checked == second.files_checked


@pytest.mark.parametrize("case", CASE_NAMES)
def test_case_gives_the_same_answer_cold_warm_and_uncached(case: str, tmp_path: Path) -> None:
    problems_for(case, tmp_path)  # lays the case over the fixture repository
    layout = Layout(tmp_path / "repo")
    only = given_paths(case)

    def run(cache: ValidationCache | None) -> ValidationResult:
        return validate_repository(layout, only, today=TODAY, cache=cache)

    uncached = run(None)
    cache = ValidationCache.on_disk(layout.validation_cache_dir)
    _same(run(cache), uncached)
    _same(run(cache), uncached)
    assert cache.misses == 0
    from_disk = ValidationCache.on_disk(layout.validation_cache_dir)
    _same(run(from_disk), uncached)
    assert from_disk.misses == 0


def _logo_png() -> bytes:
    stream = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 40, 40)).save(stream, format="PNG")
    return stream.getvalue()


class _Repository:
    """The fixture repository with three projects, and the edits the property test makes."""

    def __init__(self, root: Path):
        self.layout = make_repository(root)
        good = self.layout.projects_dir / "textile" / "good-yarn.yaml"
        self.original = good.read_text(encoding="utf-8")
        for stem, name in (("fine-yarn", "细纱线"), ("warm-yarn", "暖纱线")):
            text = self.original.replace("good-yarn", stem).replace("好纱线", name)
            (good.parent / f"{stem}.yaml").write_text(text, encoding="utf-8")
        self.today = TODAY

    def projects(self) -> list[Path]:
        return self.layout.project_files()

    def edit(self, action: str, index: int) -> None:
        files = self.projects()
        if not files and action != "restore":
            return
        file = files[index % len(files)] if files else None
        if action == "summary" and file:
            _replace(file, "summary: ", f"summary: 第{index}版：")
        elif action == "same-name" and file:
            _replace_line(file, "name: ", "name: 好纱线")
        elif action == "unknown-college" and file:
            _replace_line(file, "college: ", "college: nowhere")
        elif action == "break-syntax" and file:
            file.write_text(file.read_text(encoding="utf-8") + "links: [unclosed\n", "utf-8")
        elif action == "delete" and file:
            file.unlink()
        elif action == "rename" and file:
            file.rename(file.with_name(f"renamed-{index}.yaml"))
        elif action == "revert" and file:
            text = self.original.replace("good-yarn", file.stem)
            file.write_text(text.replace("好纱线", f"纱线{file.stem}"), encoding="utf-8")
        elif action == "restore":
            good = self.layout.projects_dir / "textile" / "good-yarn.yaml"
            good.write_text(self.original, encoding="utf-8")
        elif action == "logo" and file:
            _replace_line(file, "status: ", "status: active\nlogo: logo.png")
        elif action == "logo-file" and file:
            folder = file.parent / file.stem
            folder.mkdir(exist_ok=True)
            (folder / "logo.png").write_bytes(_logo_png())
        elif action == "drop-college":
            _replace(self.layout.registry("colleges"), "  - id: textile", "  - id: textile-old")
        elif action == "restore-college":
            _replace(self.layout.registry("colleges"), "  - id: textile-old", "  - id: textile")
        elif action == "next-day":
            self.today += datetime.timedelta(days=400)

    def validate(self, cache: ValidationCache | None) -> ValidationResult:
        return validate_repository(self.layout, today=self.today, cache=cache)


def _replace(file: Path, old: str, new: str) -> None:
    file.write_text(file.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def _replace_line(file: Path, start: str, line: str) -> None:
    lines = file.read_text(encoding="utf-8").splitlines()
    changed = [line if text.startswith(start) else text for text in lines]
    file.write_text("\n".join(changed) + "\n", encoding="utf-8")


ACTIONS = st.sampled_from(
    [
        "summary",
        "same-name",
        "unknown-college",
        "break-syntax",
        "delete",
        "rename",
        "revert",
        "restore",
        "logo",
        "logo-file",
        "drop-college",
        "restore-college",
        "next-day",
    ]
)


@settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(edits=st.lists(st.tuples(ACTIONS, st.integers(0, 5)), min_size=1, max_size=8))
@example(edits=[("logo", 0), ("logo-file", 0)])  # the check reads the image: never stored
@example(edits=[("drop-college", 0), ("restore-college", 0)])  # a registry the rules read
@example(edits=[("next-day", 0)])  # dates in the future
@example(edits=[("rename", 1), ("revert", 1), ("delete", 0), ("restore", 0)])
def test_warm_runs_equal_fresh_runs_after_every_edit(
    edits: list[tuple[str, int]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    repository = _Repository(tmp_path_factory.mktemp("edits") / "repo")
    kept = ValidationCache.on_disk(repository.layout.validation_cache_dir)
    repository.validate(kept)
    for action, index in edits:
        repository.edit(action, index)
        fresh = repository.validate(None)
        _same(repository.validate(kept), fresh)
        from_disk = ValidationCache.on_disk(repository.layout.validation_cache_dir)
        _same(repository.validate(from_disk), fresh)


@pytest.fixture
def warmed(tmp_path: Path) -> tuple[_Repository, ValidationResult]:
    repository = _Repository(tmp_path / "repo")
    fresh = repository.validate(None)
    repository.validate(ValidationCache.on_disk(repository.layout.validation_cache_dir))
    return repository, fresh


def _shards(layout: Layout) -> list[Path]:
    return sorted(layout.validation_cache_dir.glob("*.pickle"))


class _Planted:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("echo planted",))


@pytest.mark.parametrize(
    "damage",
    [
        lambda content: b"",
        lambda content: content[: len(content) // 2],
        lambda content: b"not a pickle at all",
        lambda content: content[:20] + b"\xff" * 8 + content[28:],
        lambda content: pickle.dumps((cache_module.FORMAT + 1, b"", {})),
        lambda content: pickle.dumps(_Planted()),
        lambda content: pickle.dumps((cache_module.FORMAT, b"x" * 16, {"a": ("short",)})),
    ],
    ids=["empty", "truncated", "garbage", "flipped-bytes", "other-format", "planted", "odd-entry"],
)
def test_a_damaged_cache_file_is_a_miss_and_is_rewritten(
    damage, warmed: tuple[_Repository, ValidationResult]
) -> None:
    repository, fresh = warmed
    shards = _shards(repository.layout)
    assert len(shards) == SHARDS
    for shard in shards:
        shard.write_bytes(damage(shard.read_bytes()))
    cache = ValidationCache.on_disk(repository.layout.validation_cache_dir)
    _same(repository.validate(cache), fresh)
    assert cache.hits == 0
    again = ValidationCache.on_disk(repository.layout.validation_cache_dir)
    _same(repository.validate(again), fresh)
    assert again.misses == 0 and again.hits == len(repository.projects())


def test_a_changed_schema_empties_the_cache(warmed: tuple[_Repository, ValidationResult]) -> None:
    repository, _ = warmed
    schema = repository.layout.schema("project")
    schema.write_text(schema.read_text(encoding="utf-8").replace("项目", "项目 ", 1), "utf-8")
    cache = ValidationCache.on_disk(repository.layout.validation_cache_dir)
    _same(repository.validate(cache), repository.validate(None))
    assert cache.hits == 0


def test_an_unchanged_file_is_not_read_again_by_a_kept_cache(
    warmed: tuple[_Repository, ValidationResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    repository, fresh = warmed
    kept = ValidationCache.on_disk(repository.layout.validation_cache_dir)
    later = cache_module.time.time_ns() + 10 * 10**9  # the files are no longer "racy"
    monkeypatch.setattr(cache_module.time, "time_ns", lambda: later)
    repository.validate(kept)
    reads: list[str] = []
    original = cache_module.read_yaml_source

    def counting(file: Path, display: str):
        reads.append(display)
        return original(file, display)

    monkeypatch.setattr(cache_module, "read_yaml_source", counting)
    _same(repository.validate(kept), fresh)
    assert reads == []
    repository.edit("summary", 0)
    _same(repository.validate(kept), repository.validate(None))
    assert reads == [repository.layout.relative(repository.projects()[0])]


def test_a_file_written_just_now_is_read_again(
    warmed: tuple[_Repository, ValidationResult],
) -> None:
    """Two writes within the clock's tick leave the same stat: a fresh stat is not trusted."""
    repository, _ = warmed
    kept = ValidationCache.on_disk(repository.layout.validation_cache_dir)
    file = repository.projects()[0]
    _replace(file, "summary: ", "summary: 甲")
    repository.validate(kept)
    status = file.stat()
    _replace(file, "summary: 甲", "summary: 乙")  # same size
    os.utime(file, ns=(status.st_atime_ns, status.st_mtime_ns))
    _same(repository.validate(kept), repository.validate(None))


def test_the_cache_lives_in_build_cache_and_removing_it_means_a_cold_run(
    warmed: tuple[_Repository, ValidationResult],
) -> None:
    repository, _ = warmed
    layout = repository.layout
    assert layout.validation_cache_dir.parent == layout.cache_dir
    assert layout.cache_dir.is_relative_to(layout.build_dir)
    shutil.rmtree(layout.cache_dir)
    cache = ValidationCache.on_disk(layout.validation_cache_dir)
    repository.validate(cache)
    assert cache.misses == len(repository.projects())


def test_invoke_build_validates_with_the_cache_on_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from showcase.commands import build, common

    given: list[ValidationCache | None] = []

    def refuse(layout: Layout, cache: ValidationCache | None = None) -> ValidationResult:
        given.append(cache)
        return ValidationResult(None, [], 0)

    monkeypatch.setattr(common, "validate_repository", refuse)
    monkeypatch.delattr(os, "fork")  # in this process, where `given` can see it
    assert build.build(tmp_path, tmp_path / "site") == 1
    assert [cache.folder for cache in given if cache] == [Layout(tmp_path).validation_cache_dir]

    kept = ValidationCache()
    given.clear()
    assert build.build(tmp_path, tmp_path / "site", validation_cache=kept) == 1
    assert given == [kept]


def test_a_new_day_scans_again_but_reuses_the_parse_and_the_schema_check(
    warmed: tuple[_Repository, ValidationResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    from showcase.validate import repository as run_module

    repository, _ = warmed
    calls: list[str] = []
    for name in ("schema", "scan"):
        original = getattr(run_module._ProjectChecks, name)
        monkeypatch.setattr(
            run_module._ProjectChecks,
            name,
            lambda self, document, name=name, original=original: (
                calls.append(name) or original(self, document)
            ),
        )
    parses: list[str] = []
    original_build = yamlfile._Builder.build
    monkeypatch.setattr(
        yamlfile._Builder,
        "build",
        lambda self, events: parses.append(self.path) or original_build(self, events),
    )
    repository.edit("next-day", 0)
    cache = ValidationCache.on_disk(repository.layout.validation_cache_dir)
    warm = repository.validate(cache)
    assert cache.misses == 0
    # not even for positions (the scan needs only the root's); registries are read anew
    assert [path for path in parses if path.startswith("projects/")] == []
    assert calls == ["scan"] * len(repository.projects())
    _same(warm, repository.validate(None))
