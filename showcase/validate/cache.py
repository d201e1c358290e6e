"""The per-file validation cache: what one project file alone yields, keyed by its content.

A build starts by validating every file; at 10,000 projects that is seconds of YAML
parsing, schema checks and personal-data scans, although a change touches a few files.
This cache keeps, for each project file, the results that depend on that file alone:

* its data, and whether it loaded as a document at all. Neither its text nor positions
  are kept (they were half a shard): a `RestoredDocument` reads the file again, and
  parses it, the first time a message of a rule between records needs a line and
  column. A run whose checks must read the text again (another day, a logo) reads the
  file as for a miss, and takes the entry only when the bytes still have its digest;
  the data is pickled apart from the shard and decoded only when a check reads it (a
  third of reading the shards): the rules between records read a few top-level values
  of every project (`TOP_KEYS`), kept beside it. Data that cannot be decoded is a miss
  when the file was read anyway; else it is parsed from the file again and the entry is
  dropped, so that the next run judges the file again;
* the loader's problems (syntax, encoding, refused spellings);
* the problems of the schema and markup checks, and of the personal-data scan;
* the problems of the project's own rules (`ProjectRules.check`), except for a project
  naming a logo, whose check reads the image: those run every time;
* its `Project` record, once a model was built from it.

Why a hit is the answer a fresh run would give:

* an entry is found by the BLAKE2 digest of the file's repository path and bytes, so a
  renamed, edited or reverted file finds the entry of exactly that content at that place;
* every shard carries the digest of the package's own code (every ``showcase/*.py``: the
  loader, the rules, their wording and the model), of the Python and library versions
  (`_LIBRARIES`) and of the schema files' bytes; when it differs the shard is not read;
* the checks also read what is not in the file: the day (birth dates in ID numbers,
  dates in the future), the personal mailbox domains of content/site.yaml, and the ids of
  the registries (unknown college, mentor, field) with the school mailbox domains. Their
  digest (`context_digest`) is stored with each entry's scan and rules results; under
  another context the document and its schema problems are reused, the scan and the
  rules run again;
* rules between records (duplicate ids and names, references from events, roadshows,
  calls, deadlines, publicity) are never cached per file: they run over the whole model
  each time. The duplicate-name rule keeps its groups of equal names (``groups.json``)
  under a digest of every (file, name) it compared, in order: the groups are a function
  of that list alone, so the same list gives the same groups without normalising 10,000
  names again (`kept_groups`); the messages are still made from this run's documents.

The content is the truth, never a modification time alone (a checkout resets them). A
file is found by its content once; with its entry the cache keeps the file's lstat
signature (device, inode, size, change and modification time, in nanoseconds), and a
later run, in this process or a new one (the signatures are saved in the shards), that
finds the very same signature takes the entry without reading or hashing the file: at
10,000 files that is 10,000 reads and digests saved on every warm build. The change time
is set by the kernel on every write and cannot be set back (`touch -d` moves only the
modification time), and a checkout or a cache restored on another machine gives other
inodes and change times, so such a signature is a miss and the file is read and hashed as
before. A signature is kept only when the file's last write (change or modification time)
was more than `RACY_SECONDS` before the moment its bytes were hashed, which precedes the
cache's write: git's "racy clean" rule, since a second write of the same size within the
file system clock's tick would leave the same signature (the tests edit a file twice
within a second at the same size).

On disk the entries and their signatures are split into `SHARDS` pickle files under
``build/cache/validate/`` so that a run rewrites only the shards it changed. A missing, truncated, corrupt or
outdated shard is a miss, never an error; unpickling accepts no class but the model's
records and `Problem`, so a planted file cannot run code. A large cache read from disk is
then frozen out of the cyclic collector's sight (`gc.freeze`): it lives as long as the
process and would otherwise be traversed at every full collection.

A new day changes the context, so the first run of a day scans every file again (the
parse and the schema check are still reused): the personal-data scan reads the day for
every 18-digit number, and the date rules for every date.

Who uses it: ``invoke build`` (a cache on disk) and ``invoke serve`` (one object kept for
the life of the process, saved after each run). ``invoke validate`` and ``check-pr`` do
not: writing costs a cold run time (the 2.5× target has little margin), and they are the
gates that judge contributed data, which must not depend on files found in a checkout
(a pull request could add a forged ``build/cache/`` that matches its own bad file).

Example::

    cache = ValidationCache.on_disk(layout.validation_cache_dir)
    validate_repository(layout, cache=cache)   # fills the cache and saves it
    validate_repository(layout, cache=cache)   # hits; only changed files are parsed
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import io
import json
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol

from showcase import model
from showcase.atomic import write_replacing
from showcase.load.files import decode_text
from showcase.load.yamlfile import (
    Deferred,
    Document,
    RestoredDocument,
    load_yaml_bytes,
    read_yaml_source,
)
from showcase.problems import Problem
from showcase.validate.cache_files import (
    FORMAT,
    SHARDS,
    UNREADABLE,
    RecordsOnly,
    data_again,
    decoded,
    encoded,
    entry_key,
    fingerprint_of,
    read_files,
    read_groups,
    settled,
    shard_name,
    shard_of,
    signature_of,
    text_again,
)
from showcase.validate.file_results import FileResults

_SIGNATURE_FIELDS = 5
"""device, inode, size, change time, modification time (`signature_of`)."""
_FILES = "files.pickle"
"""Beside the shards: the kept problems of the pages and images (`FileResults`)."""
_GROUPS = "groups.json"
"""Beside the shards: what the rules between records found for a digest of their input."""
_FREEZE_FROM = 1000
"""Entries read from disk from which `gc.freeze` pays (0.5 s of CPU at 10,000 files)."""


class FileChecks(Protocol):
    """The checks of one loaded project file, as the validation run defines them."""

    def schema(self, document: Document) -> list[Problem]:
        """Checks that read the document and the schemas alone (schema, markup)."""

    def scan(self, document: Document) -> list[Problem]:
        """Checks that also read the run's context (the personal-data scan)."""

    def rules(self, document: Document, file: Path) -> list[Problem]:
        """The project's own rules (`ProjectRules.check`) for a document read from `file`."""

    def rules_read_files(self, document: Document) -> bool:
        """True when `rules` also reads another file (a logo): never stored then."""


# One entry: a tuple, the most compact thing pickle writes and reads.
(_DIGEST, _DOCUMENT, _DATA, _TOP, _NOTES, _LOADED, _SCHEMA, _CONTEXT, _SCANNED, _RULES, _RECORD) = (
    range(11)
)
"""_DOCUMENT: True when the file loaded as a document (then _DATA, _TOP and _NOTES are its
own). _DATA: the data, pickled apart (`encoded`): a run decodes only the data a check
reads. _TOP: the values of `TOP_KEYS`, read of every project by the rules between records.
_NOTES: the document's `refused`, `multiline` and root position (small, and read by every
run: the rules between records, the personal-data scan)."""

TOP_KEYS = ("name", "status", "logo")
"""The top-level values the rules between records read of every project (duplicate names,
closed projects, logo files): kept decoded beside the data (`Document.top_value`)."""


class ValidationCache:
    """Per-file results for one repository, kept in memory and (optionally) on disk.

    Keep one object for the life of a process to reuse it between runs (`invoke serve`);
    `validate_repository(layout, cache=…)` calls `begin`, `project`, `record` and `finish`.
    """

    def __init__(self, folder: Path | None = None):
        self.folder = folder
        self.fingerprint = b""
        self.context = b""
        self.hits = 0
        self.misses = 0
        self._entries: dict[str, tuple[Any, ...]] = {}
        self._stats: dict[str, tuple[tuple[int, ...], bytes]] = {}
        self._dirty: set[int] = set()
        self._seen: set[str] = set()
        self._loaded = False
        self._groups: dict[str, tuple[bytes, list[list[int]]]] = {}
        self._groups_changed = False
        self.files = FileResults()
        """The kept problems of the pages and images (`showcase.validate.file_results`)."""

    @staticmethod
    def kept_in(folder: Path) -> bool:
        """Whether `folder` holds a cache a run could read: a warm run then parses only
        the changed files (whether the entries fit this code is known only on reading)."""
        return any((folder / shard_name(number)).is_file() for number in range(SHARDS))

    @classmethod
    def on_disk(cls, folder: Path) -> ValidationCache:
        """A cache read from and saved to `folder` (see `showcase.paths.Layout`)."""
        return cls(folder)

    def prepare(self, schemas: Iterable[bytes]) -> bool:
        """Read the entries written for these schema files' bytes (and this code); True
        when there are any: then a run of this very code checked these very schemas
        against the meta-schema before it wrote them, so this run need not
        (`SchemaChecker.from_text`). A forged cache can say so falsely, as it can forge
        any entry (docs/builds.md, "Trust"); reading it still runs no code."""
        fingerprint = fingerprint_of(schemas)
        if fingerprint != self.fingerprint:
            self._entries.clear()
            self._stats.clear()
            self._groups.clear()
            self.files = FileResults()
            self._loaded = False
            self.fingerprint = fingerprint
        if not self._loaded:
            self._load()
        return bool(self._entries)

    def begin(self, schemas: Iterable[bytes], context: bytes) -> None:
        """Start a run with these schema files' bytes and this `context_digest`."""
        self.prepare(schemas)
        self.context = context
        self.hits = self.misses = 0
        self._seen = set()
        self.files.begin()

    def project(
        self, file: Path, display: str, checks: FileChecks
    ) -> tuple[Document | None, list[Problem]]:
        """The document and problems of one project file shown as `display`."""
        self._seen.add(display)
        entry = self._entries.get(display)
        signature = signature_of(file)
        known = self._stats.get(display)
        unchanged = entry is not None and known == (signature, entry[_DIGEST])
        if unchanged and not self._reads_text(entry):  # else its checks read the text
            return self._hit(entry, display, checks, file, None)
        raw, problems = read_yaml_source(file, display)
        if raw is None:
            return None, problems
        key = entry_key(raw, display)
        if known != (signature, key) and settled(signature):
            self._stats[display] = (signature, key)
            self._dirty.add(shard_of(display))
        if entry is not None and entry[_DIGEST] == key:
            found = self._hit(entry, display, checks, file, raw)
            if found is not None:
                return found
        self.misses += 1
        document, problems = load_yaml_bytes(raw, display)
        if document is None:
            failed = (key, False, None, None, None, tuple(problems), (), b"", (), (), None)
            self._store(display, failed)
            return None, problems
        notes = (document.refused, document.multiline, document.root_position())
        schema = checks.schema(document)
        data, top = encoded(document.data), _top(document.data)
        self._store(display, (key, True, data, top, notes, (*problems,), (*schema,)))
        found = [*problems, *schema, *self._check(display, file, document, checks)]
        # Every document is kept until the rules between records ran: without its
        # positions and text (~12 kB a file) as on a hit, found again if a message asks.
        text = functools.partial(text_again, file, display, key)
        return RestoredDocument(display, document.data, text, *notes), found

    def record(self, display: str, build: Callable[[], model.Project]) -> model.Project:
        """The record built from the file at `display` (built and kept on the first call)."""
        entry = self._entries.get(display)
        if entry is not None and entry[_RECORD] is not None:
            return entry[_RECORD]
        built = build()
        entry = self._entries.get(display)  # gone when its data was damaged (`_kept_data`)
        if entry is not None:
            self._store(display, (*entry[:_RECORD], built))
        return built

    def record_digests(self) -> list[tuple[model.Project, bytes]]:
        """Each record of this run's files with a digest of everything it was built from:
        the file's path and bytes (the entry's key) and the code, Python, libraries and
        schemas (`fingerprint`). The render memo keys pages by it instead of pickling
        every record (`showcase.render.memo.RenderMemo.know`)."""
        return [
            (
                entry[_RECORD],
                hashlib.blake2b(self.fingerprint + entry[_DIGEST], digest_size=16).digest(),
            )
            for display in self._seen
            if (entry := self._entries.get(display)) is not None and entry[_RECORD] is not None
        ]

    def kept_groups(self, kind: str, key: bytes) -> list[list[int]] | None:
        """The groups a rule between records found for the input whose digest is `key`
        (`showcase.validate.duplicate_names`), or None."""
        found = self._groups.get(kind)
        return found[1] if found is not None and found[0] == key else None

    def keep_groups(self, kind: str, key: bytes, groups: list[list[int]]) -> None:
        if self._groups.get(kind) != (key, groups):
            self._groups[kind] = (key, groups)
            self._groups_changed = True

    def finish(self, complete: bool) -> None:
        """End a run; `complete`: every project file was seen, so entries of files that
        are gone are dropped. Saves the changed shards when the cache has a folder."""
        if complete:
            for display in [d for d in self._entries if d not in self._seen]:
                del self._entries[display]
                self._stats.pop(display, None)
                self._dirty.add(shard_of(display))
        if self.folder is not None and self._dirty:
            self._save()
        if self.folder is not None and self._groups_changed:
            self._save_groups()
        if complete:
            self.files.forget_unused()
        if self.folder is not None and self.files.changed:
            self._write(_FILES, self.files.kept)
            self.files.changed = False
        self._dirty.clear()
        self._groups_changed = False

    def _reads_text(self, entry: tuple[Any, ...]) -> bool:
        """Whether a hit on `entry` runs checks that read the file's text (the scan under
        another context, the rules of a project naming a logo)."""
        return entry[_DOCUMENT] and (entry[_CONTEXT] != self.context or entry[_RULES] is None)

    def _hit(
        self,
        entry: tuple[Any, ...],
        display: str,
        checks: FileChecks,
        file: Path,
        raw: bytes | None,
    ) -> tuple[Document | None, list[Problem]] | None:
        """`raw`: the file's bytes when this run read them (they have the entry's digest):
        the checks read the data, decoded now; None when it cannot be (the file is judged
        again). `raw` None: the text is read again only if a message needs a position, the
        data only if a check reads more than its `TOP_KEYS` (`_kept_data`)."""
        loaded = [*entry[_LOADED], *entry[_SCHEMA]]
        if not entry[_DOCUMENT]:
            self.hits += 1
            return None, loaded
        if raw is None:
            text: str | Callable[[], str | None]
            text = functools.partial(text_again, file, display, entry[_DIGEST])
            data = Deferred(functools.partial(self._kept_data, display, file, entry), entry[_TOP])
        else:
            text, data = decode_text(raw, display)[0] or "", decoded(entry[_DATA])
            if data is UNREADABLE:
                return None
        self.hits += 1
        document = RestoredDocument(display, data, text, *entry[_NOTES])
        if entry[_CONTEXT] != self.context:
            return document, [*loaded, *self._check(display, file, document, checks)]
        found = checks.rules(document, file) if entry[_RULES] is None else entry[_RULES]
        return document, [*loaded, *entry[_SCANNED], *found]

    def _kept_data(self, display: str, file: Path, entry: tuple[Any, ...]) -> Any:
        """The data of an entry taken by its file's signature, decoded when a check first
        reads it. Data that cannot be decoded (a damaged or forged cache) drops the entry,
        so that the next run judges the file again, and is parsed from the file again:
        None when the file no longer holds the entry's bytes (`data_again`)."""
        data = decoded(entry[_DATA])
        if data is not UNREADABLE:
            return data
        current = self._entries.get(display)
        if current is not None and current[_DIGEST] == entry[_DIGEST]:
            del self._entries[display]
            self._dirty.add(shard_of(display))
        return data_again(file, display, entry[_DIGEST])

    def _check(
        self, display: str, file: Path, document: Document, checks: FileChecks
    ) -> list[Problem]:
        """Run the checks that read the context, for a document whose entry (up to its
        schema problems) is stored, and store their results under the current context."""
        scanned, found = checks.scan(document), checks.rules(document, file)
        kept = None if checks.rules_read_files(document) else tuple(found)
        old = self._entries[display]
        record = old[_RECORD] if len(old) > _RECORD else None  # it reads the data alone
        self._store(display, (*old[:_CONTEXT], self.context, tuple(scanned), kept, record))
        return [*scanned, *found]

    def _store(self, display: str, entry: tuple[Any, ...]) -> None:
        self._entries[display] = entry
        self._dirty.add(shard_of(display))

    def _load(self) -> None:
        self._loaded = True
        if self.folder is None:
            return
        enabled = gc.isenabled()
        gc.disable()  # millions of new containers: the collector would run hundreds of times
        try:
            for number in range(SHARDS):
                shard = _read_shard(self.folder / shard_name(number), self.fingerprint)
                if shard is None:
                    self._dirty.add(number)
                else:
                    self._entries.update(shard[0])
                    self._stats.update(shard[1])
            self._groups = read_groups(self.folder / _GROUPS, self.fingerprint)
            self.files = FileResults(read_files(self.folder / _FILES, self.fingerprint))
            if len(self._entries) >= _FREEZE_FROM:
                # The entries live as long as the process: out of the collector's sight
                # they cost nothing at each collection (freed by reference counts as
                # ever). Frozen before the collector is on again: its first young pass
                # would otherwise walk every one of them (0.15 s at 10,000 files).
                gc.freeze()
        finally:
            if enabled:
                gc.enable()

    def _save(self) -> None:
        assert self.folder is not None
        shards: dict[int, _Shard] = {number: ({}, {}) for number in self._dirty}
        for display, entry in self._entries.items():
            number = shard_of(display)
            if number in shards:
                shards[number][0][display] = entry
                known = self._stats.get(display)
                if known is not None and known[1] == entry[_DIGEST]:
                    shards[number][1][display] = known
        with contextlib.suppress(OSError):  # a read-only checkout still validates
            self.folder.mkdir(parents=True, exist_ok=True)
            for number, (entries, signatures) in shards.items():
                data = pickle.dumps((FORMAT, self.fingerprint, entries, signatures), protocol=5)
                write_replacing(self.folder / shard_name(number), data)

    def _write(self, name: str, content: object) -> None:
        assert self.folder is not None
        data = pickle.dumps((FORMAT, self.fingerprint, content), protocol=5)
        with contextlib.suppress(OSError):  # a read-only checkout still validates
            self.folder.mkdir(parents=True, exist_ok=True)
            write_replacing(self.folder / name, data)

    def _save_groups(self) -> None:
        assert self.folder is not None
        kept = {kind: [key.hex(), groups] for kind, (key, groups) in self._groups.items()}
        text = json.dumps({"format": FORMAT, "for": self.fingerprint.hex(), "groups": kept})
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            write_replacing(self.folder / _GROUPS, text.encode())


_Shard = tuple[dict[str, tuple[Any, ...]], dict[str, tuple[tuple[int, ...], bytes]]]
"""One shard: display path → entry, and display path → (lstat signature, entry digest)."""


def _read_shard(file: Path, fingerprint: bytes) -> _Shard | None:
    """The entries and signatures of one shard, or None when it is missing, broken or
    outdated."""
    try:
        content = RecordsOnly(io.BytesIO(file.read_bytes())).load()
        version, written_for, entries, signatures = content
    except Exception:  # any damage to a cache file is a miss, never an error
        return None
    if version != FORMAT or written_for != fingerprint:
        return None
    if type(entries) is not dict or type(signatures) is not dict:
        return None
    if not all(_well_formed(entry) for entry in entries.values()):
        return None
    if not all(_well_formed_signature(known) for known in signatures.values()):
        return None
    return entries, signatures


def _well_formed(entry: Any) -> bool:
    return (
        type(entry) is tuple
        and len(entry) == _RECORD + 1
        and type(entry[_DIGEST]) is bytes
        and type(entry[_LOADED]) is tuple
        and type(entry[_SCHEMA]) is tuple
        and type(entry[_DOCUMENT]) is bool
        and (not entry[_DOCUMENT] or (type(entry[_DATA]) is bytes and type(entry[_TOP]) is dict))
    )


def _top(data: Any) -> dict[str, Any]:
    """The values of `TOP_KEYS` in `data`, as `Document.top_value` reads them."""
    if not isinstance(data, dict):
        return dict.fromkeys(TOP_KEYS)
    return {key: data.get(key) for key in TOP_KEYS}


def _well_formed_signature(known: Any) -> bool:
    return (
        type(known) is tuple
        and len(known) == 2
        and type(known[1]) is bytes
        and type(known[0]) is tuple
        and len(known[0]) == _SIGNATURE_FIELDS
        and all(type(number) is int for number in known[0])
    )
