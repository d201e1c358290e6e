"""The pinyin of new project names, found in another process while this one renders.

pypinyin's dictionaries take ~57 MB once imported, and finding the pinyin of 10,000 names
(the directory's order, `showcase.render.directory_index.pinyin_key`) and of GB2312's
characters (the submit form's table, `showcase.render.pinyin_table`) takes ~2.5 s. A
one-shot build with many new names (a first build) starts a small Python process before
it renders: it imports pypinyin and computes those outputs on the other core, and hands
back their texts (~2 MB), which the render memo takes instead of computing them
(`showcase.render.memo.RenderMemo.give`). This process never imports pypinyin, so the
render's peak memory does not hold it, and the render does not wait for it.

A new process, not a fork: a forked child keeps a copy of every page of this process
that the render writes to (reference counts of the whole model) for as long as it lives.

The outputs are functions of the names alone, so where they come from changes no byte.
If the process fails for any reason, the render computes them itself, as without it.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import showcase
from showcase.model import Model
from showcase.render.directory_index import pinyin_name
from showcase.render.memo import FILE, RenderMemo
from showcase.render.submit_page import PINYIN_SCRIPT

APART_FROM = 1_000
"""New names from which the process is worth starting (it imports pypinyin: 0.3 s)."""
_CHILD = """
import pickle, sys
sys.path.insert(0, sys.argv[1])
from showcase.render.directory_index import pinyin_text
from showcase.render.pinyin_table import pinyin_script
names, with_script = pickle.load(sys.stdin.buffer)
answer = [pinyin_text(name) for name in names], pinyin_script() if with_script else None
pickle.dump(answer, sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
"""


@contextmanager
def pinyin_apart(model: Model, memo: RenderMemo) -> Iterator[None]:
    """While the block renders with `memo`, the pinyin outputs the previous build lacks
    are computed in another process (when there are at least `APART_FROM` new names and
    this process has not imported pypinyin); one not waited for by the end is stopped."""
    names = sorted(
        {
            project.name
            for project in model.projects.values()
            if pinyin_name(project.name) not in memo.previous
        }
    )
    if len(names) < APART_FROM or "pypinyin" in sys.modules:
        yield
        return
    child = _Child(names, FILE + PINYIN_SCRIPT not in memo.previous)
    memo.give(child.answer)
    try:
        yield
    finally:
        child.stop()


class _Child:
    def __init__(self, names: list[str], with_script: bool) -> None:
        self.names = names
        with tempfile.TemporaryFile() as question:
            pickle.dump((names, with_script), question, protocol=pickle.HIGHEST_PROTOCOL)
            question.seek(0)
            self.process = subprocess.Popen(
                [sys.executable, "-c", _CHILD, str(Path(showcase.__file__).parent.parent)],
                stdin=question,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )

    def answer(self) -> Mapping[str, str | bytes]:
        """The process's outputs, as the memo names them (none when it failed)."""
        data, _ = self.process.communicate()
        if self.process.returncode != 0:
            return {}
        texts, script = pickle.loads(data)  # our own child's whole answer, never a file
        outputs: dict[str, str | bytes] = {
            pinyin_name(name): text for name, text in zip(self.names, texts, strict=True)
        }
        if script is not None:
            outputs[FILE + PINYIN_SCRIPT] = script
        return outputs

    def stop(self) -> None:
        if self.process.returncode is None:
            self.process.kill()
            self.process.communicate()
