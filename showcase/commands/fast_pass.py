"""``invoke serve``'s fast pass: a burst of saved project files answered before the full
rebuild.

When every file of a burst is a project file (``projects/<college>/<id>.yaml``, a plain
file, no link; an edited or a new one), each is checked alone first
(`check_project_files`: YAML syntax, schema, markup, personal data, the project's own
rules). Problems show at once, in the
terminal and in the page's banner, as the full build shows them (the full build that
follows confirms them, with the rules between records). A clean record gets its page
rendered through the build's own pipeline (`showcase.engine.fast_page`) and served from
memory (`LiveState.show_first`); its open pages reload. Then the full build runs exactly
as before and replaces everything: it alone writes ``site/`` and the caches.

Nothing here may stop the preview: anything unusual (another kind of file, a deleted
project, a last build that failed other than on these files' data, an error of the
fast pass itself) means no fast pass, and the full build answers as it always did. When
the last build stopped on data errors found only in the burst's files and they are clean
now, the page is shown first and the banner goes (`fixes`).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from showcase.commands.build import DATA_ERRORS
from showcase.engine.fast_page import LastSite, fast_page, reason_to_wait
from showcase.engine.live import BuildFailure, LiveState
from showcase.engine.plugin import SiteState
from showcase.load.files import is_temporary_name
from showcase.paths import Layout, PathKind, kind_of, text_under
from showcase.problems import Severity, has_errors
from showcase.render.inputs import RenderInputs
from showcase.validate.personal_data import redact
from showcase.validate.report import format_problems
from showcase.validate.repository import check_project_files

MAX_FILES = 10
"""A larger burst (a git checkout) goes straight to the full build."""
FIRST_PROBLEMS = "（先行检查了改动的文件；完整构建随后再次检查全部数据）"


class FastPass:
    """The preview's first answer to a burst of changes, and the site state it needs."""

    def __init__(self, layout: Layout, live: LiveState) -> None:
        self.layout = layout
        self.live = live
        self.last: LastSite | None = None
        self.site_url = ""
        """The preview's address (``http://127.0.0.1:8000``) once it serves: the pages shown
        first are printed as addresses a terminal lets one open."""

    def remember(self, inputs: RenderInputs, site: SiteState) -> None:
        """What the last successful build rendered with (`showcase.commands.build`);
        what the first fast pass would wait for is prepared in the background."""
        self.last = LastSite(inputs, site)
        threading.Thread(target=_prepare, args=(self.last,), name="fast-pass", daemon=True).start()

    def forget(self) -> None:
        """Once a full build's data passed, before it renders: its predecessor's state is
        freed, so the preview never holds two sites in memory. A build that stops on data
        errors keeps it, so the fix saved next gets its page first too."""
        self.last = None

    def run(self, changed: Iterable[str]) -> None:
        """Answer the burst `changed` (absolute paths) before the full build, if it is made
        of project files alone; never raises."""
        files = project_files(self.layout, changed)
        if not files:
            return
        try:
            self._run(files)
        except Exception as error:  # the full build that follows answers instead
            print(f"（先行更新未完成：{error!r}；等待完整构建。）", file=sys.stderr, flush=True)

    def _run(self, files: list[Path]) -> None:
        started = time.perf_counter()
        checked = check_project_files(self.layout, files)
        problems = [problem for _, found in checked for problem in found]
        if has_errors(problems):
            print(format_problems(problems, "text", files_checked=len(files)), flush=True)
            print(FIRST_PROBLEMS, file=sys.stderr, flush=True)
            redacted = tuple(redact(problem) for problem in problems)
            self.live.failed(BuildFailure(DATA_ERRORS, redacted))
            return
        last = self.last
        if last is None or not fixes(self.live.failure, files, self.layout):
            return  # the banner stands until a full build succeeds
        pages = {}
        for project, _ in checked:
            if project is None or project == last.inputs.model.projects.get(project.id):
                continue  # saved unchanged
            page = fast_page(last, project)
            if page is None:
                why = reason_to_wait(last, project) or "这个页面在构建时会有警告"
                print(f"{project.source} 的页面等完整构建后再显示：{why}。", flush=True)
                return
            pages[page.dest] = page.html
        if not pages:
            return
        self.live.show_first(pages, fixed=self.live.failure is not None)
        shown = "、".join(f"{self.site_url}/{dest.removesuffix('index.html')}" for dest in pages)
        elapsed = time.perf_counter() - started
        print(
            f"已先更新改动的页面 {shown}（用时 {elapsed:.2f} 秒）；其余页面随完整构建更新。",
            flush=True,
        )


def fixes(failure: BuildFailure | None, files: list[Path], layout: Layout) -> bool:
    """Whether clean `files` answer the failure the banner shows: there is none, or the
    last build stopped on data errors that were all in these files. Its rules between
    records still run in the full build that follows, which brings the banner back if
    one of them fails."""
    if failure is None:
        return True
    if failure.heading != DATA_ERRORS or failure.details:
        return False
    named = {text_under(file, layout.root) for file in files}
    errors = [problem for problem in failure.problems if problem.severity is Severity.ERROR]
    return bool(errors) and all(problem.path in named for problem in errors)


def _prepare(last: LastSite) -> None:
    """What the first fast pass would otherwise wait for, done while nobody waits."""
    try:
        last.prepare()
    except Exception:  # only time is lost: the fast pass does it again when it needs it
        return


def project_files(layout: Layout, changed: Iterable[str]) -> list[Path]:
    """The changed files as project files of `layout`, or [] unless each is one: an
    existing plain file at ``projects/<college>/<id>.yaml`` (no link on the way). An
    editor's temporary file (`is_temporary_name`; the watcher does not report those), or
    a path that is gone and that no build reads (another editor's, saved and renamed onto
    the project file within the burst) does not count."""
    projects = layout.projects_dir
    files = []
    for name in changed:
        under = text_under(Path(name), layout.root)
        file = Path(name)
        if is_temporary_name(file.name):
            continue
        if under is not None and kind_of(under) is None and not os.path.lexists(file):
            continue
        if (
            under is None
            or kind_of(under) is not PathKind.PROJECT
            or len(files) == MAX_FILES
            or not file.is_file()
            or any(os.path.islink(p) for p in (file, file.parent, projects))
            or file.resolve().parent.parent != projects.resolve()
        ):
            return []
        files.append(file)
    return files
