"""The per-file validation cache never changes an answer (`showcase.validate.cache`).

Every bad-input case gives exactly the same problems and model with no cache, a cold
cache, a warm one in memory and a warm one read back from disk; random edits between runs
(fields, syntax, deletions, renames, reverts, a registry, a logo appearing, another day)
keep the warm answers equal to a fresh run; a damaged cache file is ignored.
"""

from __future__ import annotations

import datetime
import gc
import io
import json
import os
import pickle
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from PIL import Image

from showcase.load import yamlfile
from showcase.paths import Layout
from showcase.validate import ValidationResult, validate_repository
from showcase.validate import cache as cache_module
from showcase.validate import cache_files as cache_files_module
from showcase.validate import repository as run_module
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
        lambda content: pickle.dumps((cache_module.FORMAT, b"x" * 16, {"a": ("short",)}, {})),
        lambda content: _with_signatures(content, ((1, 2, "3", 4, 5), b"k" * 16)),
        lambda content: _with_signatures(content, ((1, 2, 3, 4), b"k" * 16)),
        lambda content: _with_entries(content, _previous_layout),
    ],
    ids=[
        "empty",
        "truncated",
        "garbage",
        "flipped-bytes",
        "other-format",
        "planted",
        "odd-entry",
        "odd-signature",
        "short-signature",
        "previous-entry-layout",
    ],
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


def _with_signatures(content: bytes, odd: object) -> bytes:
    """The shard `content` with `odd` stored as the signature of each of its files."""
    version, fingerprint, entries, _signatures = pickle.loads(content)
    return pickle.dumps((version, fingerprint, entries, dict.fromkeys(entries, odd)))


def _with_entries(content: bytes, change) -> bytes:
    """The shard `content` with each of its entries changed by `change`."""
    version, fingerprint, entries, signatures = pickle.loads(content)
    changed = {display: change(entry) for display, entry in entries.items()}
    return pickle.dumps((version, fingerprint, changed, signatures))


def _previous_layout(entry: tuple) -> tuple:
    """An entry as format 5 wrote it: the data decoded in place, no top-level values."""
    return (entry[0], entry[1], pickle.loads(entry[2]), *entry[4:])


def _garbled_data(entry: tuple) -> tuple:
    return (*entry[:2], b"\x80\x05garbled", *entry[3:]) if entry[1] else entry


def _counting_decodes(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    decoded: list[bytes] = []
    original = cache_module.decoded
    monkeypatch.setattr(
        cache_module, "decoded", lambda kept: decoded.append(kept) or original(kept)
    )
    return decoded


def test_damaged_kept_data_read_with_the_file_is_judged_again(
    warmed: tuple[_Repository, ValidationResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checks that read the file (another day's scan) decode the data at once: data that
    cannot be decoded makes the file a miss, judged from its bytes."""
    repository, _ = warmed
    for shard in _shards(repository.layout):
        shard.write_bytes(_with_entries(shard.read_bytes(), _garbled_data))
    repository.edit("next-day", 0)
    decoded = _counting_decodes(monkeypatch)
    cache = ValidationCache.on_disk(repository.layout.validation_cache_dir)
    _same(repository.validate(cache), repository.validate(None))
    assert len(decoded) == len(repository.projects())
    assert cache.hits == 0 and cache.misses == len(repository.projects())


def test_damaged_kept_data_read_later_is_parsed_again_and_judged_again_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files taken by their signature decode their data only when a check reads it: here
    the model, whose records the last run (refused) did not build. Data that cannot be
    decoded is parsed from the file again, and its entry is dropped: the next run judges
    the file again."""
    repository = _Repository(tmp_path / "repo")
    repository.edit("unknown-college", 0)
    _later(monkeypatch)
    assert (
        repository.validate(ValidationCache.on_disk(repository.layout.validation_cache_dir)).model
        is None
    )
    for shard in _shards(repository.layout):
        shard.write_bytes(_with_entries(shard.read_bytes(), _garbled_data))
    repository.edit("revert", 0)
    decoded = _counting_decodes(monkeypatch)
    from_disk = ValidationCache.on_disk(repository.layout.validation_cache_dir)
    fresh = repository.validate(None)
    assert fresh.model is not None
    _same(repository.validate(from_disk), fresh)
    others = len(repository.projects()) - 1
    assert len(decoded) == others and from_disk.hits == others and from_disk.misses == 1
    again = ValidationCache.on_disk(repository.layout.validation_cache_dir)
    _same(repository.validate(again), fresh)
    assert again.misses == others


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
    _later(monkeypatch)  # the files are no longer "racy"
    repository.validate(kept)
    reads = _counting_reads(monkeypatch)
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


def _counting_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    reads: list[str] = []
    original = cache_module.read_yaml_source

    def counting(file: Path, display: str):
        reads.append(display)
        return original(file, display)

    monkeypatch.setattr(cache_module, "read_yaml_source", counting)
    monkeypatch.setattr(cache_files_module, "read_yaml_source", counting)  # positions
    return reads


def _later(monkeypatch: pytest.MonkeyPatch, seconds: int = 10) -> None:
    """Every file was written long ago, as far as the cache can tell."""
    later = cache_files_module.time.time_ns() + seconds * 10**9
    monkeypatch.setattr(cache_files_module.time, "time_ns", lambda: later)


def test_a_new_process_reads_only_the_files_whose_stat_changed(
    warmed: tuple[_Repository, ValidationResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The signatures are saved with the entries: a cache read from disk (a new build
    process) neither reads nor hashes an unchanged file, and reads an edited one. Nor
    does it decode their data: the rules between records read the kept top-level values
    (names, statuses, logos), and the records are kept."""
    repository, fresh = warmed
    _later(monkeypatch)
    repository.validate(ValidationCache.on_disk(repository.layout.validation_cache_dir))
    reads, decoded = _counting_reads(monkeypatch), _counting_decodes(monkeypatch)
    from_disk = ValidationCache.on_disk(repository.layout.validation_cache_dir)
    _same(repository.validate(from_disk), fresh)
    assert reads == [] and decoded == [] and from_disk.hits == len(repository.projects())
    repository.edit("summary", 1)
    from_disk = ValidationCache.on_disk(repository.layout.validation_cache_dir)
    _same(repository.validate(from_disk), repository.validate(None))
    assert reads == [repository.layout.relative(repository.projects()[1])]


def test_a_signature_from_another_checkout_is_a_miss(
    warmed: tuple[_Repository, ValidationResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache restored elsewhere (or copied with the repository) holds other inodes and
    change times: every file is read and hashed, and found by its content."""
    repository, _ = warmed
    _later(monkeypatch)
    repository.validate(ValidationCache.on_disk(repository.layout.validation_cache_dir))
    copy = _Repository.__new__(_Repository)
    copy.layout = Layout(repository.layout.root.parent / "copy")
    copy.today = repository.today
    shutil.copytree(repository.layout.root, copy.layout.root)
    reads = _counting_reads(monkeypatch)
    cache = ValidationCache.on_disk(copy.layout.validation_cache_dir)
    _same(copy.validate(cache), copy.validate(None))
    assert sorted(reads) == sorted(copy.layout.relative(file) for file in copy.projects())
    assert cache.misses == 0


@pytest.mark.parametrize("kept", [True, False], ids=["kept-cache", "cache-from-disk"])
def test_a_same_size_edit_within_the_same_second_is_seen(
    kept: bool, warmed: tuple[_Repository, ValidationResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a file system whose clock ticks once a second (simulated: times cut to whole
    seconds, the change time left out), two writes of the same size within one tick
    leave the same signature. The first was hashed less than `RACY_SECONDS` after it was
    written, so its signature was not kept, and the second write is read."""

    def coarse(file: Path) -> tuple[int, ...]:
        status = file.lstat()
        whole = status.st_mtime_ns // 10**9 * 10**9
        return (status.st_dev, status.st_ino, status.st_size, whole, whole)

    monkeypatch.setattr(cache_module, "signature_of", coarse)
    repository, _ = warmed
    cache = ValidationCache.on_disk(repository.layout.validation_cache_dir)
    file = repository.projects()[0]
    _replace(file, "summary: ", "summary: 甲")
    repository.validate(cache)
    status, before = file.stat(), coarse(file)
    _replace(file, "summary: 甲", "summary: 乙")  # same size
    os.utime(file, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert coarse(file) == before
    if not kept:
        cache = ValidationCache.on_disk(repository.layout.validation_cache_dir)
    warm = repository.validate(cache)
    assert "乙" in warm.model.projects[file.stem].summary
    _same(warm, repository.validate(None))


def test_without_the_racy_rule_the_same_size_edit_would_be_missed(
    warmed: tuple[_Repository, ValidationResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The test above can fail: trusting a fresh signature takes the stale entry."""
    monkeypatch.setattr(cache_files_module, "RACY_SECONDS", -(10**6))
    repository, _ = warmed
    file = repository.projects()[0]
    _replace(file, "summary: ", "summary: 甲")
    repository.validate(ValidationCache.on_disk(repository.layout.validation_cache_dir))
    status, frozen, signature = (
        file.stat(),
        cache_module.signature_of(file),
        cache_module.signature_of,
    )
    _replace(file, "summary: 甲", "summary: 乙")
    os.utime(file, ns=(status.st_atime_ns, status.st_mtime_ns))
    monkeypatch.setattr(
        cache_module, "signature_of", lambda path: frozen if path == file else signature(path)
    )
    cache = ValidationCache.on_disk(repository.layout.validation_cache_dir)
    assert "甲" in repository.validate(cache).model.projects[file.stem].summary


_SCHEMA_KINDS = {*run_module._RECORD_KINDS, *(spec.kind for spec in run_module.REGISTRIES.values())}


_META_CHECK = Draft202012Validator.check_schema


def _counting_meta_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every meta-schema check from now on, by the checked schema's title; each test
    starts with no checker kept from other tests."""
    from showcase.validate import schema_check

    monkeypatch.setattr(schema_check, "_checkers", {})
    checked: list[str] = []

    def counting(schema, *args, **kwargs):
        checked.append(schema.get("title", "?"))
        return _META_CHECK(schema, *args, **kwargs)

    monkeypatch.setattr(schema_check.Draft202012Validator, "check_schema", counting)
    return checked


def test_schemas_are_checked_against_the_meta_schema_unless_the_cache_vouches_for_them(
    warmed: tuple[_Repository, ValidationResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entries written for these very schema bytes by this very code mean a run of it
    checked them: a build reading that cache skips the meta-schema check; a run with no
    cache (``invoke validate``, ``check-pr``) or an empty one checks every schema."""
    repository, fresh = warmed
    checked = _counting_meta_checks(monkeypatch)
    _same(
        repository.validate(ValidationCache.on_disk(repository.layout.validation_cache_dir)), fresh
    )
    assert checked == []
    every = _counting_meta_checks(monkeypatch)
    _same(repository.validate(None), fresh)
    assert len(every) == len(set(every)) == len(_SCHEMA_KINDS)
    checked = _counting_meta_checks(monkeypatch)
    shutil.rmtree(repository.layout.validation_cache_dir)
    repository.validate(ValidationCache.on_disk(repository.layout.validation_cache_dir))
    assert sorted(checked) == sorted(every)


def test_a_changed_schema_is_checked_against_the_meta_schema_again(
    warmed: tuple[_Repository, ValidationResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    repository, _ = warmed
    schema = repository.layout.schema("project")
    schema.write_text(schema.read_text(encoding="utf-8").replace("项目", "项目 ", 1), "utf-8")
    checked = _counting_meta_checks(monkeypatch)
    repository.validate(ValidationCache.on_disk(repository.layout.validation_cache_dir))
    assert len(checked) == len(_SCHEMA_KINDS)


def _two_same_names(repository: _Repository) -> None:
    for file in repository.projects()[:2]:
        _replace_line(file, "name: ", "name: 同名纱线")


def _counting_normalisations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    from showcase.validate import duplicate_names

    counted: list[int] = []
    original = duplicate_names.normalised_names

    def counting(names: list[str]) -> list[str]:
        counted.append(len(names))
        return original(names)

    monkeypatch.setattr(duplicate_names, "normalised_names", counting)
    return counted


def test_unchanged_names_are_not_normalised_again_and_a_changed_one_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repository = _Repository(tmp_path / "repo")
    _two_same_names(repository)
    fresh = repository.validate(None)
    assert {p.rule for p in fresh.problems} == {"project.duplicate-name"}
    repository.validate(ValidationCache.on_disk(repository.layout.validation_cache_dir))
    counted = _counting_normalisations(monkeypatch)
    _same(
        repository.validate(ValidationCache.on_disk(repository.layout.validation_cache_dir)), fresh
    )
    assert counted == []
    _replace_line(repository.projects()[0], "name: ", "name: 另一个名字")
    renamed = repository.validate(None)
    assert counted and renamed.problems == []
    _same(
        repository.validate(ValidationCache.on_disk(repository.layout.validation_cache_dir)),
        renamed,
    )


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not json",
        b"[]",
        b'{"format": 4}',
        "groups-out-of-range",
        "groups-not-lists",
        "groups-of-one",
    ],
)
def test_damaged_kept_name_groups_are_a_miss(damage: bytes | str, tmp_path: Path) -> None:
    repository = _Repository(tmp_path / "repo")
    _two_same_names(repository)
    fresh = repository.validate(None)
    repository.validate(ValidationCache.on_disk(repository.layout.validation_cache_dir))
    kept = repository.layout.validation_cache_dir / "groups.json"
    content = json.loads(kept.read_bytes())
    key, _ = content["groups"]["duplicate-names"]
    forged = {
        "groups-out-of-range": [[0, 99]],
        "groups-not-lists": [0, 1],
        "groups-of-one": [[0], [1], [2]],
    }
    if isinstance(damage, str):
        content["groups"]["duplicate-names"] = [key, forged[damage]]
        damage = json.dumps(content).encode()
    kept.write_bytes(damage)
    _same(
        repository.validate(ValidationCache.on_disk(repository.layout.validation_cache_dir)), fresh
    )


def test_no_text_is_kept_and_a_position_reads_the_unchanged_file_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry taken by its signature has no text: a rule between records that needs a
    line and column (two equal names) reads just those files again, to the same answer."""
    repository = _Repository(tmp_path / "repo")
    _two_same_names(repository)
    fresh = repository.validate(None)
    _later(monkeypatch)
    repository.validate(ValidationCache.on_disk(repository.layout.validation_cache_dir))
    for shard in _shards(repository.layout):
        _, _, entries, _ = pickle.loads(shard.read_bytes())
        assert all(type(entry[1]) is bool for entry in entries.values())
        assert not any(isinstance(part, str) for e in entries.values() for part in e[1:4])
    reads = _counting_reads(monkeypatch)
    from_disk = ValidationCache.on_disk(repository.layout.validation_cache_dir)
    _same(repository.validate(from_disk), fresh)
    named = {problem.path for problem in fresh.problems}
    assert len(named) == 2 and sorted(reads) == sorted(named) and from_disk.misses == 0


def test_checks_that_read_the_text_read_the_file_even_with_an_unchanged_signature(
    warmed: tuple[_Repository, ValidationResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another day scans every file again: each is read (and hashed: only the same bytes
    take the entry) instead of trusting its signature."""
    repository, _ = warmed
    _later(monkeypatch)
    repository.validate(ValidationCache.on_disk(repository.layout.validation_cache_dir))
    repository.edit("next-day", 0)
    reads = _counting_reads(monkeypatch)
    from_disk = ValidationCache.on_disk(repository.layout.validation_cache_dir)
    _same(repository.validate(from_disk), repository.validate(None))
    assert from_disk.misses == 0 and from_disk.hits == len(repository.projects())
    files = {repository.layout.relative(file) for file in repository.projects()}
    assert set(reads) == files


def test_a_file_changed_under_a_kept_signature_gives_no_text_and_no_positions(
    tmp_path: Path,
) -> None:
    file = tmp_path / "p.yaml"
    file.write_text("id: a\nname: 名字\n", encoding="utf-8")
    key = cache_files_module.entry_key(file.read_bytes(), "p.yaml")
    assert cache_files_module.text_again(file, "p.yaml", key) == "id: a\nname: 名字\n"
    file.write_text("id: a\n\nname: 名字\n", encoding="utf-8")
    assert cache_files_module.text_again(file, "p.yaml", key) is None
    restored = yamlfile.RestoredDocument(
        "p.yaml",
        {"id": "a", "name": "名字"},
        lambda: cache_files_module.text_again(file, "p.yaml", key),
        set(),
        [],
        (1, 1),
    )
    assert restored.position(("name",)) == (1, 1) and restored.text == ""


def _with_page_and_image(repository: _Repository) -> tuple[Path, Path]:
    page = repository.layout.pages_dir / "about.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("# 关于\n\n<script>alert(1)</script>\n", encoding="utf-8")
    image = repository.layout.pages_dir / "img" / "photo.png"
    image.parent.mkdir(parents=True, exist_ok=True)
    image.write_bytes(_logo_png() + b"appended")
    return page, image


def _counting_file_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    checked: list[str] = []
    for name in ("check_pages", "check_image_files"):
        original = getattr(run_module, name)

        def counting(layout, files, *rest, original=original):
            checked.extend(file.name for file in files)
            return original(layout, files, *rest)

        monkeypatch.setattr(run_module, name, counting)
    return checked


def test_unchanged_pages_and_images_are_not_checked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repository = _Repository(tmp_path / "repo")
    page, image = _with_page_and_image(repository)
    fresh = repository.validate(None)
    assert {"page.inline-code", "image.trailing-data"} <= {p.rule for p in fresh.problems}
    repository.validate(ValidationCache.on_disk(repository.layout.validation_cache_dir))
    checked = _counting_file_checks(monkeypatch)
    _same(
        repository.validate(ValidationCache.on_disk(repository.layout.validation_cache_dir)), fresh
    )
    assert checked == []
    page.write_text("# 关于\n\n联系电话 13812345678\n", encoding="utf-8")
    repository.edit("next-day", 0)  # the page's scan reads the day: checked again
    changed = repository.validate(None)
    checked.clear()
    from_disk = ValidationCache.on_disk(repository.layout.validation_cache_dir)
    _same(repository.validate(from_disk), changed)
    assert checked == ["about.md"]
    image.unlink()
    page.unlink()
    _same(repository.validate(from_disk), repository.validate(None))
    assert from_disk.files.kept == {}


@pytest.mark.parametrize(
    "damage",
    [
        lambda content: b"garbage",
        lambda content: pickle.dumps(_Planted()),
        lambda content: _reshaped(content, lambda problems: problems, fingerprint=b"x" * 16),
        lambda content: _reshaped(content, lambda problems: ("odd",)),
        lambda content: _reshaped(content, list),
    ],
    ids=["garbage", "planted", "foreign", "odd-problem", "list-not-tuple"],
)
def test_damaged_kept_page_and_image_problems_are_a_miss(
    damage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repository = _Repository(tmp_path / "repo")
    _with_page_and_image(repository)
    fresh = repository.validate(None)
    repository.validate(ValidationCache.on_disk(repository.layout.validation_cache_dir))
    kept = repository.layout.validation_cache_dir / "files.pickle"
    kept.write_bytes(damage(kept.read_bytes()))
    checked = _counting_file_checks(monkeypatch)
    _same(
        repository.validate(ValidationCache.on_disk(repository.layout.validation_cache_dir)), fresh
    )
    assert sorted(checked) == ["about.md", "photo.png"]


def _reshaped(content: bytes, change, fingerprint: bytes | None = None) -> bytes:
    """The kept problems file `content` with each file's problems changed by `change`."""
    version, written_for, kept = pickle.loads(content)
    changed = {key: change(problems) for key, problems in kept.items()}
    return pickle.dumps((version, fingerprint or written_for, changed))


def test_a_run_with_a_cache_pauses_the_collector_and_restores_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The collector is off while a run with a cache checks the files, and as it was after,
    even when the run fails."""
    repository = _Repository(tmp_path / "repo")
    seen: list[bool] = []
    original = run_module._Run._check_project
    monkeypatch.setattr(
        run_module._Run,
        "_check_project",
        lambda self, *args: seen.append(gc.isenabled()) or original(self, *args),
    )
    assert gc.isenabled()
    repository.validate(ValidationCache())
    assert seen and not any(seen) and gc.isenabled()
    seen.clear()
    repository.validate(None)  # without a cache (a cold run): never paused
    assert seen and all(seen)
    monkeypatch.setattr(run_module._Run, "validate", lambda self, only: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        repository.validate(ValidationCache())
    assert gc.isenabled()
    gc.disable()
    try:
        with pytest.raises(ZeroDivisionError):
            repository.validate(ValidationCache())
        assert not gc.isenabled()
    finally:
        gc.enable()
