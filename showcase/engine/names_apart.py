"""The outputs made from the project names alone, made in another process while this one
renders.

Three outputs of the render are functions of the projects' names (and ids and colleges)
that need big tables: the pinyin of each name (the directory's order,
`showcase.render.directory_index.pinyin_key`) and of GB2312's characters (the submit
form's table, `showcase.render.pinyin_table`) need pypinyin (~57 MB once imported), and
the names the submit form checks against (`showcase.render.submit_page.TAKEN`) need
OpenCC's tables (~50 MB while they run). At 10,000 new names they also cost ~3.5 s. A
one-shot build with many new names (a first build) starts a small Python process before
it renders; that process imports those libraries, makes the outputs on the other core and
hands back their bytes (~3 MB), which the render memo takes instead of making them
(`showcase.render.memo.RenderMemo.give`). This process never loads those tables, so its
peak memory does not hold them, and the render hardly waits: the pinyin is sent as soon as
it is made (the directory wants it first), the names' list after it (its file is made when
the docs tree is written).

A new process, not a fork: a forked child keeps a copy of every page of this process that
the render writes to (reference counts of the whole model) for as long as it lives.

Where the outputs come from changes no byte. If the process fails for any reason, the
render makes them itself, as without it.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import showcase
from showcase.forms.spec import TakenInputs
from showcase.model import Model
from showcase.render.directory_index import pinyin_name
from showcase.render.memo import FILE, RenderMemo
from showcase.render.submit_page import PINYIN_SCRIPT, TAKEN, taken_inputs, taken_key

APART_FROM = 1_000
"""New names from which the process is worth starting (it imports pypinyin: 0.3 s)."""
_CHILD = """
import pickle, sys
sys.path.insert(0, sys.argv[1])
from showcase.render.directory_index import pinyin_text
from showcase.render.pinyin_table import pinyin_script
names, with_script, taken = pickle.load(sys.stdin.buffer)
answer = [pinyin_text(name) for name in names], pinyin_script() if with_script else None
pickle.dump(answer, sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
sys.stdout.flush()
if taken is not None:  # without pypinyin's tables, as OpenCC's come in
    for module in [name for name in sys.modules if name.partition(".")[0] == "pypinyin"]:
        sys.modules.pop(module).__dict__.clear()
    from showcase.render.submit_page import taken_text
    pickle.dump(taken_text(taken), sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
"""


@contextmanager
def names_apart(model: Model, memo: RenderMemo) -> Iterator[None]:
    """While the block renders with `memo` (and writes what it deferred), the outputs
    made from the names that the previous build lacks are made in another process (when
    there are at least `APART_FROM` new names and this process has not imported
    pypinyin); one not waited for by the end is stopped."""
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
    projects = taken_inputs(model)
    key = taken_key(memo, projects)
    taken = None if memo.previous.get(FILE + TAKEN, (None,))[0] == key else projects
    child = _Child(names, FILE + PINYIN_SCRIPT not in memo.previous, taken, memo.fixed_key(), key)
    memo.give(child)
    try:
        yield
    finally:
        child.stop()


class _Child:
    """The process and its outputs by name (`showcase.render.memo.Given`). A thread reads
    its answers as they come, so the process ends (and frees its tables) as soon as it is
    done, however late the render asks for them."""

    def __init__(
        self,
        names: list[str],
        with_script: bool,
        taken: TakenInputs | None,
        fixed: bytes,
        taken_key: bytes,
    ) -> None:
        self.names, self.fixed, self.taken_key = names, fixed, taken_key
        self.answers: list[object] = []
        with tempfile.TemporaryFile() as question:
            pickle.dump((names, with_script, taken), question, protocol=pickle.HIGHEST_PROTOCOL)
            question.seek(0)
            self.process = subprocess.Popen(
                [sys.executable, "-c", _CHILD, str(Path(showcase.__file__).parent.parent)],
                stdin=question,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        self.pinyin_read = threading.Event()
        self.reader = threading.Thread(target=self._read, args=(1 if taken is None else 2,))
        self.reader.start()
        self.outputs: dict[str, tuple[bytes, str | bytes]] | None = None

    def _read(self, count: int) -> None:
        try:
            for _ in range(count):
                self.answers.append(pickle.load(self.process.stdout))  # our child's, not a file
                self.pinyin_read.set()
        except (EOFError, pickle.UnpicklingError):
            pass  # the outputs it did not give are made by the render
        finally:
            self.pinyin_read.set()

    def get(self, name: str) -> tuple[bytes, str | bytes] | None:
        if name == FILE + TAKEN:
            self.reader.join()
        elif name.startswith(pinyin_name("")) or name == FILE + PINYIN_SCRIPT:
            self.pinyin_read.wait()
        else:
            return None
        return self._outputs().get(name)

    def _outputs(self) -> dict[str, tuple[bytes, str | bytes]]:
        outputs = self.outputs or {}
        if self.outputs is None and self.answers:
            texts, script = self.answers[0]
            outputs = {
                pinyin_name(name): (self.fixed, text)
                for name, text in zip(self.names, texts, strict=True)
            }
            if script is not None:
                outputs[FILE + PINYIN_SCRIPT] = (self.fixed, script)
            self.outputs = outputs
        if len(self.answers) == 2 and FILE + TAKEN not in outputs:
            outputs[FILE + TAKEN] = (self.taken_key, self.answers[1])
        return outputs

    def stop(self) -> None:
        self.process.kill()
        self.reader.join()
        self.process.communicate()
