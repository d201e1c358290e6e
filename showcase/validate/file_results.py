"""Kept problems of the checks that read one file alone: the hand-written pages and the images
no field names.

A build checks every such file again (`showcase.validate.page_rules`: the content security
policy and the personal-data scan of each page; `showcase.validate.images`: each image
decoded by Pillow), although they rarely change: 0.1 s of every warm build. Their answers
depend on the file's path and bytes, the code (the validation cache's fingerprint) and, for
the pages, the run's context (the day and the personal-data settings), so they are kept by a
digest of exactly these (`FileResults.problems`). A file is read and hashed each time (the
content is the truth, never a modification time), so only the check itself is saved; a
file that changes while it is checked is not kept, and a file that is not a regular file
(a symbolic link, which the checks refuse) is always checked.

`showcase.validate.cache.ValidationCache` keeps one `FileResults` and saves it beside its
shards (the same restricted unpickling: a damaged or foreign file is a miss).
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

from showcase.problems import Problem


class FileResults:
    """Problems by the digest of (kind, path, bytes, context); see the module docstring."""

    def __init__(self, kept: dict[bytes, tuple[Problem, ...]] | None = None) -> None:
        self.kept = kept or {}
        self.changed = False
        self._used: set[bytes] = set()

    def begin(self) -> None:
        self._used = set()

    def problems(
        self,
        kind: str,
        file: Path,
        display: str,
        context: bytes,
        check: Callable[[], list[Problem]],
    ) -> list[Problem]:
        """`check()`'s problems for `file`, kept for the same kind, path, bytes and context."""
        key = _key(kind, file, display, context)
        if key is None:
            return check()
        self._used.add(key)
        found = self.kept.get(key)
        if found is not None:
            return list(found)
        problems = check()
        if _key(kind, file, display, context) == key:  # not changed while it was checked
            self.kept[key] = tuple(problems)
            self.changed = True
        return problems

    def forget_unused(self) -> None:
        """After a run that checked every file: drop the results of files gone or changed."""
        unused = [key for key in self.kept if key not in self._used]
        for key in unused:
            del self.kept[key]
        self.changed = self.changed or bool(unused)


def well_formed(kept: object) -> bool:
    """Whether `kept` (read from disk, untrusted) has the shape `FileResults` keeps."""
    return type(kept) is dict and all(
        type(key) is bytes
        and type(found) is tuple
        and all(type(problem) is Problem for problem in found)
        for key, found in kept.items()
    )


def _key(kind: str, file: Path, display: str, context: bytes) -> bytes | None:
    try:
        if not stat.S_ISREG(os.lstat(file).st_mode):
            return None
        raw = file.read_bytes()
    except OSError:
        return None
    digest = hashlib.blake2b(digest_size=16, person=b"file-results")
    for part in (kind.encode(), display.encode("utf-8", "surrogatepass"), context, raw):
        digest.update(len(part).to_bytes(8, "little") + part)
    return digest.digest()
