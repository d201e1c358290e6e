"""Validating in a forked child process, for a build that runs once and exits.

Validation reads and parses every file, and at 10,000 projects its temporary objects (file
texts, YAML events, positions, the validation cache's entries) take ~300 MB. Freed, most of
that stays in the process: Python's allocator keeps every arena that still holds one
surviving object, and the survivors (the model) are spread over all of them. The build
then renders, and forks its page workers, with that space mapped: it is the build's peak
memory. Validated in a child, only the model and the records' digests come back (one
pickle, ~15 MB at 10,000 projects), packed into fresh memory; the child's space goes back
to the system when it exits.

Only a build with no validation cache on disk does it (`ValidationCache.kept_in`): with
one, only the changed files are parsed, and sending the model back (~0.5 s at 10,000
projects) would cost a warm build more than it frees.

What the child printed (the problems, the warnings) is handed back and printed here, in
the same order, so output and exit code are those of validating in this process. Where
there is no ``fork``, or the child fails for any reason, this process validates itself.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import sys

from showcase.commands.common import validated_model
from showcase.model import Model
from showcase.paths import Layout
from showcase.validate.cache import ValidationCache

Validated = tuple[Model | None, list[tuple[object, bytes]]]
"""The checked model (None: refused) and its records' digests (`record_digests`)."""


def validated_apart(layout: Layout, refusal: str) -> Validated:
    """`validated_model` with the on-disk validation cache, run in a forked child; the model
    and `ValidationCache.record_digests` (one pickle, so each digest's record is the
    model's own object)."""
    if not hasattr(os, "fork"):
        return _validated(layout, refusal)
    sys.stdout.flush()
    sys.stderr.flush()
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(reader)
        _child(layout, refusal, writer)
    os.close(writer)
    with os.fdopen(reader, "rb") as stream:
        data = stream.read()
    _pid, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0 or not data:
        return _validated(layout, refusal)
    model, digests, out, err = pickle.loads(data)  # our own child's answer, never a file
    sys.stdout.write(out)
    sys.stderr.write(err)
    sys.stdout.flush()
    sys.stderr.flush()
    return model, digests


def _validated(layout: Layout, refusal: str) -> Validated:
    cache = ValidationCache.on_disk(layout.validation_cache_dir)
    model = validated_model(layout, refusal, cache=cache)
    return model, cache.record_digests() if model is not None else []


def _child(layout: Layout, refusal: str, writer: int) -> None:
    code = 1
    try:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            model, digests = _validated(layout, refusal)
        answer = (model, digests, out.getvalue(), err.getvalue())
        with os.fdopen(writer, "wb") as stream:
            stream.write(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
        code = 0
    finally:  # no answer: the parent validates again, and any error shows there
        os._exit(code)
