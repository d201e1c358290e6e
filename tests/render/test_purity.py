"""Render is pure, as its docstring says: the same inputs give the same bytes, because
render reads no file, no environment variable and no clock of its own.

Three proofs: the sample repository renders with every way of reading a file or the
environment made to fail; a profiler sees no call of the clock during a render (in
render or in anything it calls); and no module of render so much as names the clock,
the environment or a file read. Importing `showcase.render.paths` (as the engine's
plugin does) loads that module alone.
"""

from __future__ import annotations

import ast
import builtins
import datetime
import importlib
import io
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

from showcase.paths import Layout, repository_root
from showcase.render.tree import render_docs
from showcase.validate import validate_repository
from tests.render.helpers import render_inputs

RENDER = repository_root() / "showcase" / "render"
FORBIDDEN_CALLS = {"open", "read_text", "read_bytes", "getenv", "now", "today", "utcnow", "time"}
FORBIDDEN_NAMES = {"environ"}
FORBIDDEN_MODULES = {"os", "subprocess", "time", "importlib", "socket", "urllib.request"}
LAZY_LIBRARIES = ("pypinyin", "markdownify")
"""Imported inside the render function that needs them, to spare a warm build's import."""


class ReadAttempted(AssertionError):
    pass


def _refuse(*args: Any, **kwargs: Any) -> NoReturn:
    raise ReadAttempted(f"render read from outside: {args!r}")


class _NoEnvironment(dict):
    def __getitem__(self, key: str) -> NoReturn:
        _refuse(key)

    def get(self, key: str, default: Any = None) -> NoReturn:
        _refuse(key)


def test_the_sample_repository_renders_without_reading_a_file_or_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = validate_repository(Layout(repository_root())).model
    assert model is not None
    inputs = render_inputs(model)
    # Libraries render imports on first use read their own packaged data then (pypinyin's
    # dictionaries): their code, not render's inputs (their versions key the render memo,
    # `showcase.engine.render_cache`). A build imports them as the same render goes on.
    for library in LAZY_LIBRARIES:
        importlib.import_module(library)
    for owner, name in [
        (builtins, "open"),
        (io, "open"),
        (Path, "open"),
        (Path, "read_text"),
        (Path, "read_bytes"),
        (os, "getenv"),
    ]:
        monkeypatch.setattr(owner, name, _refuse)
    monkeypatch.setattr(os, "environ", _NoEnvironment())
    assert render_docs(inputs) == render_docs(inputs)


CLOCKS = {
    (datetime.date, "today"),
    (datetime.datetime, "today"),
    (datetime.datetime, "now"),
    (datetime.datetime, "utcnow"),
    (time, "time"),
    (time, "time_ns"),
    (time, "localtime"),
}


def test_the_sample_repository_renders_without_asking_the_clock() -> None:
    """The clock's functions are C functions that cannot be replaced: a profiler sees
    every call of one, anywhere below render (in the modules render calls too)."""
    model = validate_repository(Layout(repository_root())).model
    assert model is not None
    inputs = render_inputs(model)
    asked: list[str] = []

    def watch(frame: Any, event: str, function: Any) -> None:
        owner = getattr(function, "__self__", None)
        name = getattr(function, "__name__", "")
        if event == "c_call" and any(owner is o and name == n for o, n in CLOCKS):
            asked.append(
                f"{function.__qualname__} from {frame.f_code.co_filename}:{frame.f_lineno}"
            )

    sys.setprofile(watch)
    try:
        render_docs(inputs)
    finally:
        sys.setprofile(None)
    assert asked == []


def _modules() -> Iterator[Path]:
    yield from sorted(RENDER.rglob("*.py"))


@pytest.mark.parametrize("module", list(_modules()), ids=lambda p: p.relative_to(RENDER).as_posix())
def test_no_render_module_calls_the_clock_the_environment_or_a_file(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            function = node.func
            name = (
                function.attr
                if isinstance(function, ast.Attribute)
                else getattr(function, "id", "")
            )
            if name in FORBIDDEN_CALLS:
                found.add(f"{name}() at line {node.lineno}")
        elif isinstance(node, ast.Attribute | ast.Name):
            name = node.attr if isinstance(node, ast.Attribute) else node.id
            if name in FORBIDDEN_NAMES:
                found.add(f"{name} at line {node.lineno}")
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [a.name for a in node.names]
            )
            found |= {f"import {n} at line {node.lineno}" for n in names if n in FORBIDDEN_MODULES}
    assert not found


def test_importing_render_paths_loads_no_other_render_module() -> None:
    probe = (
        "import sys, showcase.render.paths; "
        "print(sorted(m for m in sys.modules if m.startswith('showcase.render')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=repository_root(),
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "['showcase.render', 'showcase.render.paths']"
