"""The validation cache's files and keys: where an entry lives, what it is found by, what a
file's lstat signature is, what code and schemas a cache was written for, how an entry
keeps a file's data (pickled apart, decoded when read), and the restricted unpickler that
reads a cache file (`showcase.validate.cache` holds the entries; a cache may come from
elsewhere, so reading one never runs code and any damage is a miss).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import io
import json
import os
import pickle
import stat
import sys
import time
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from showcase import model, problems
from showcase.load.files import decode_text
from showcase.load.yamlfile import load_yaml_bytes, read_yaml_source
from showcase.paths import package_sources_digest
from showcase.problems import Problem
from showcase.validate.file_results import well_formed

FORMAT = 6
"""Bumped when the entry layout changes (the code digest would change too)."""
SHARDS = 256
RACY_SECONDS = 2
"""A signature is kept only for a file last written longer ago than this (`settled`)."""


def read_files(file: Path, fingerprint: bytes) -> dict[bytes, tuple[Problem, ...]]:
    """The kept problems of the pages and images, or none when the file is missing,
    damaged or written for other code or schemas."""
    try:
        version, written_for, kept = RecordsOnly(io.BytesIO(file.read_bytes())).load()
    except Exception:  # any damage to a cache file is a miss, never an error
        return {}
    if version != FORMAT or written_for != fingerprint or not well_formed(kept):
        return {}
    return kept


def read_groups(file: Path, fingerprint: bytes) -> dict[str, tuple[bytes, list[list[int]]]]:
    """The kept groups of the rules between records (`ValidationCache.kept_groups`); empty
    when the file is missing, damaged or written for other code or schemas. Their users
    check that the positions fit their input (`duplicate_names._fits`)."""
    try:
        content = json.loads(file.read_bytes())
        if content["format"] != FORMAT or content["for"] != fingerprint.hex():
            return {}
        return {
            kind: (bytes.fromhex(key), groups)
            for kind, (key, groups) in content["groups"].items()
            if type(kind) is str and type(groups) is list
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def context_digest(*parts: Any) -> bytes:
    """The digest of what a file's checks read besides the file: `repr` of plain values
    (dates, tuples, sorted lists), never of a set, whose order varies between runs."""
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).digest()


def entry_key(raw: bytes, display: str) -> bytes:
    """The digest an entry is found by: the file's bytes and its repository path."""
    digest = hashlib.blake2b(raw, digest_size=16, person=b"validate-v1")
    digest.update(display.encode())
    return digest.digest()


def text_again(file: Path, display: str, key: bytes) -> str | None:
    """The text of a file whose entry was taken by its signature, read again for a
    message's position; None when the file no longer has the entry's bytes."""
    raw = _bytes_again(file, display, key)
    return None if raw is None else decode_text(raw, display)[0]


def data_again(file: Path, display: str, key: bytes) -> Any:
    """The data of a file whose entry was taken by its signature but cannot give it,
    parsed again; None when the file no longer has the entry's bytes."""
    raw = _bytes_again(file, display, key)
    document = None if raw is None else load_yaml_bytes(raw, display)[0]
    return None if document is None else document.data


def _bytes_again(file: Path, display: str, key: bytes) -> bytes | None:
    raw, _ = read_yaml_source(file, display)
    return raw if raw is not None and entry_key(raw, display) == key else None


def signature_of(file: Path) -> tuple[int, ...]:
    """What lstat says about `file`, its change and modification times last; () when it
    cannot (the change time cannot be set back, so `touch -d` does not fool it)."""
    try:
        status = os.lstat(file)
    except OSError:
        return ()
    if not stat.S_ISREG(status.st_mode):
        return ()
    return (status.st_dev, status.st_ino, status.st_size, status.st_ctime_ns, status.st_mtime_ns)


def settled(signature: tuple[int, ...]) -> bool:
    """True when the file's last write (change or modification time) was more than
    `RACY_SECONDS` ago: a write of the same size within the clock's tick would have
    changed its signature since (git's "racy clean" rule)."""
    return bool(signature) and time.time_ns() - max(signature[-2:]) > RACY_SECONDS * 10**9


def shard_of(display: str) -> int:
    return zlib.crc32(display.encode()) % SHARDS


def shard_name(number: int) -> str:
    return f"projects-{number:02d}.pickle"


def fingerprint_of(schemas: Iterable[bytes]) -> bytes:
    digest = hashlib.blake2b(_code_digest(), digest_size=16)
    digest.update(FORMAT.to_bytes(2, "big"))
    for schema in schemas:
        digest.update(len(schema).to_bytes(8, "big"))
        digest.update(schema)
    return digest.digest()


_LIBRARIES = ("PyYAML", "jsonschema", "fastjsonschema", "OpenCC")
"""The libraries whose answers the cached results hold (parsing, schema messages, names)."""


@functools.cache
def _code_digest() -> bytes:
    """The digest of every module of this package, of the Python and library versions
    (Unicode tables, libyaml, schema messages): any change of code empties the cache."""
    digest = hashlib.blake2b(digest_size=16)
    versions = [sys.version, str(yaml.__with_libyaml__)]
    versions += [_version(library) for library in _LIBRARIES]
    digest.update("|".join(versions).encode() + b"\0")
    digest.update(package_sources_digest())
    return digest.digest()


def _version(library: str) -> str:
    try:
        return importlib.metadata.version(library)
    except importlib.metadata.PackageNotFoundError:
        return "-"


UNREADABLE = object()
"""What `decoded` gives for data it cannot decode."""


def encoded(data: Any) -> bytes:
    """A document's data as an entry keeps it: pickled apart from the shard, so that reading
    a shard does not rebuild every file's data (a tenth of a second at 10,000 files)."""
    return pickle.dumps(data, protocol=5)


def decoded(kept: bytes) -> Any:
    """The data `encoded` kept, read as the shards are (no class but the model's records
    and problems); `UNREADABLE` when it is damaged."""
    try:
        return RecordsOnly(io.BytesIO(kept)).load()
    except Exception:  # any damage to a cache file is a miss, never an error
        return UNREADABLE


_ALLOWED_MODULES = {model.__name__, problems.__name__}


class RecordsOnly(pickle.Unpickler):
    """Unpickles plain values, the model's records and problems; any other class is refused."""

    def find_class(self, module: str, name: str) -> Any:
        if module in _ALLOWED_MODULES:
            found = getattr(__import__(module, fromlist=[name]), name, None)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")
