"""`invoke serve` in a real browser: an edit appears without anyone reloading, a broken
file shows its Chinese message in a banner over the last good site, a fix removes it.

The preview runs as its own process (as a person runs it) on a copy of the sample
repository; the test only edits files and watches the page.
"""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from showcase.paths import repository_root

pytestmark = pytest.mark.browser

PROJECT = "tie-dye-heritage"
SUMMARY = "summary: 与民间扎染手艺人合作"
BANNER = "#sc-live-banner"
HOSTILE = "<script>window.pwned=1</script>\"'&amp;"
HOSTILE_YAML = HOSTILE.replace('"', '\\"')
WAIT_MS = 90_000
"""A rebuild of the sample site takes a few seconds; a loaded shared machine, much more."""
RUN_SERVE = (
    "import sys; from pathlib import Path; from showcase.commands.serve import serve; "
    "sys.exit(serve(Path(sys.argv[1]), '127.0.0.1', int(sys.argv[2])))"
)


@dataclass
class Preview:
    url: str
    project_file: Path
    process: subprocess.Popen[str]
    output: list[str] = field(default_factory=list)

    def terminal(self) -> str:
        return "".join(self.output)

    def wait_for_terminal(self, text: str, seconds: float, times: int = 1) -> None:
        """Until `text` has been printed `times` times in all."""
        deadline = time.monotonic() + seconds
        while self.terminal().count(text) < times:
            assert time.monotonic() < deadline, f"{text!r} not printed: {self.terminal()[-2000:]}"
            time.sleep(0.2)

    def stop(self) -> None:
        """Ctrl-C, as a person stops it."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            self.process.wait(timeout=30)


SLOW_SECONDS = 8
RUN_SLOW_SERVE = (
    "import sys, time; from pathlib import Path; import showcase.commands.serve as s; "
    "real, builds = s.build, []; "
    "s.build = lambda *a, **k: (builds.append(1), len(builds) > 1 and time.sleep("
    f"{SLOW_SECONDS}), real(*a, **k))[-1]; "
    "sys.exit(s.serve(Path(sys.argv[1]), '127.0.0.1', int(sys.argv[2])))"
)
"""`invoke serve` whose every full build after the first starts `SLOW_SECONDS` late: what
the page shows meanwhile can only come from the fast pass."""


def start_preview(root: Path, port: int = 0, program: str = RUN_SERVE) -> Preview:
    """`invoke serve` on `root` in its own process; back once it serves."""
    process = subprocess.Popen(
        [sys.executable, "-c", program, str(root), str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=root,
    )
    output: list[str] = []
    started = threading.Event()

    def read() -> None:
        for line in process.stdout:
            output.append(line)
            if "预览地址" in line:
                started.set()
        started.set()

    threading.Thread(target=read, daemon=True).start()
    started.wait(WAIT_MS / 1000)
    address = re.search(r"预览地址：(http://\S+/)", "".join(output))
    if address is None:
        process.kill()
        pytest.fail("预览没有启动：\n" + "".join(output), pytrace=False)
    project_file = next(root.glob(f"projects/*/{PROJECT}.yaml"))
    return Preview(address.group(1), project_file, process, output)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A copy of the sample repository, so the test can edit it."""
    for folder in ("projects", "content", "schemas", "overrides"):
        shutil.copytree(repository_root() / folder, tmp_path / folder)
    shutil.copy(repository_root() / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


@pytest.fixture
def preview(repository: Path) -> Iterator[Preview]:
    served = start_preview(repository)
    try:
        yield served
    finally:
        served.stop()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edit_shows_in_the_open_page_and_a_broken_file_shows_a_banner(
    preview: Preview, page: Any, artifacts: Path
) -> None:
    page.goto(f"{preview.url}projects/{PROJECT}/")
    page.wait_for_selector("html[data-showcase-live=connected]")
    page.evaluate("window.scrollTo(0, 400)")

    edit(preview.project_file, SUMMARY, "summary: 【第一次修改】与民间扎染手艺人合作")
    page.get_by_text("【第一次修改】").first.wait_for(timeout=WAIT_MS)
    assert page.evaluate("performance.getEntriesByType('navigation')[0].type") == "reload"
    assert page.evaluate("window.scrollY") > 200, "a reload keeps the reader where they were"
    page.wait_for_selector("html[data-showcase-live=connected]")

    good = preview.project_file.read_text(encoding="utf-8")
    edit(preview.project_file, "summary: 【第一次修改】", "summary: [【坏的 YAML】")
    banner = page.locator(BANNER)
    banner.wait_for(timeout=WAIT_MS)
    assert "YAML 语法错误" in banner.inner_text()
    assert f"{PROJECT}.yaml:" in banner.inner_text()
    assert page.get_by_text("【第一次修改】").first.is_visible(), "the last good site stays"
    assert page.evaluate("performance.getEntriesByType('navigation')[0].type") == "reload"
    assert "YAML 语法错误" in preview.terminal()
    # The fast pass shows the banner before the full build has failed; that comes next.
    deadline = time.monotonic() + WAIT_MS / 1000
    while "重新构建失败" not in preview.terminal() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert "重新构建失败" in preview.terminal()

    preview.project_file.write_text(good, encoding="utf-8")
    edit(preview.project_file, "stage: startup", f'stage: "{HOSTILE_YAML}"')
    page.locator(BANNER, has_text="stage（阶段）").wait_for(timeout=WAIT_MS)
    preview.wait_for_terminal("重新构建失败", WAIT_MS / 1000, times=2)  # the banner settled
    text = banner.inner_text()
    assert "YAML 语法错误" not in text and f"「{HOSTILE}」不是可选值" in text
    assert page.evaluate("window.pwned") is None
    assert page.locator(f"{BANNER} script").count() == 0
    box = banner.bounding_box()
    assert box["width"] <= 375 and page.evaluate("document.documentElement.scrollWidth") <= 375
    banner.scroll_into_view_if_needed()
    banner.screenshot(path=str(artifacts / "live-preview-banner-375.png"))
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(artifacts / "live-preview-banner-375-page.png"))
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")  # the toggle
    assert banner.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(43, 23, 0)"
    banner.screenshot(path=str(artifacts / "live-preview-banner-375-dark.png"))

    preview.project_file.write_text(good.replace("【第一次修改】", "【修好了】"), encoding="utf-8")
    page.get_by_text("【修好了】").first.wait_for(timeout=WAIT_MS)
    assert page.locator(BANNER).count() == 0


def test_the_changed_page_and_a_bad_edits_banner_show_before_the_full_rebuild(
    repository: Path, page: Any
) -> None:
    preview = start_preview(repository, program=RUN_SLOW_SERVE)
    try:
        page.goto(f"{preview.url}projects/{PROJECT}/")
        page.wait_for_selector("html[data-showcase-live=connected]")
        built = preview.terminal().count("网站已生成")
        edit(preview.project_file, SUMMARY, "summary: 【先行显示】与民间扎染手艺人合作")
        page.get_by_text("【先行显示】").first.wait_for(timeout=SLOW_SECONDS * 1000)
        assert preview.terminal().count("网站已生成") == built, "shown before the full build"
        assert f"已先更新改动的页面 {preview.url}projects/{PROJECT}/" in preview.terminal()
        assert "【先行显示】" not in (
            repository / "site" / "projects" / PROJECT / "index.html"
        ).read_text(encoding="utf-8"), "nothing of the fast pass is written into site/"

        # The full build ends and writes the very same page: no second reload.
        page.evaluate("window.shownFirst = true")
        preview.wait_for_terminal("网站已生成", SLOW_SECONDS + 60, times=built + 1)
        time.sleep(1)  # what a reload would take
        assert page.evaluate("window.shownFirst === true"), "the page was not reloaded again"
        page.wait_for_selector("html[data-showcase-live=connected]")

        edit(preview.project_file, "stage: startup", "stage: 宇宙级")
        page.locator(BANNER, has_text="stage（阶段）").wait_for(timeout=SLOW_SECONDS * 1000)
        assert "重新构建失败" not in preview.terminal(), "the banner came before the full build"
        assert page.get_by_text("【先行显示】").first.is_visible(), "the last good page stays"

        # The full build fails on that error too; the secretary's fix is then shown first.
        preview.wait_for_terminal("重新构建失败", SLOW_SECONDS + 60)
        page.wait_for_selector("html[data-showcase-live=connected]")
        fixed = preview.project_file.read_text(encoding="utf-8")
        fixed = fixed.replace("stage: 宇宙级", "stage: startup").replace(
            "【先行显示】", "【修好先行】"
        )
        preview.project_file.write_text(fixed, encoding="utf-8")
        page.get_by_text("【修好先行】").first.wait_for(timeout=SLOW_SECONDS * 1000)
        assert page.locator(BANNER).count() == 0
        assert preview.terminal().count("网站已生成") == built + 1, "before the full build"
    finally:
        preview.stop()


def test_an_open_page_follows_the_preview_across_a_restart(
    repository: Path, page: Any, guard: Any
) -> None:
    """Stopped with Ctrl-C, data edited meanwhile, started again on the same port: the
    page that stayed open reconnects by itself and shows the new site."""
    first = start_preview(repository)
    try:
        page.goto(f"{first.url}projects/{PROJECT}/")
        page.wait_for_selector("html[data-showcase-live=connected]")
    finally:
        first.stop()
    page.wait_for_selector("html[data-showcase-live=waiting]")
    edit(first.project_file, SUMMARY, "summary: 【重启之后】与民间扎染手艺人合作")
    port = int(re.search(r":(\d+)/$", first.url).group(1))
    second = start_preview(repository, port)
    try:
        page.get_by_text("【重启之后】").first.wait_for(timeout=WAIT_MS)
        assert page.evaluate("performance.getEntriesByType('navigation')[0].type") == "reload"
    finally:
        page.goto("about:blank")  # no retries left running once the preview stops
        second.stop()
    # While the preview was down the browser said so for each retry; nothing else.
    assert all("ERR_CONNECTION_REFUSED" in error for error in guard.console_errors)
    guard.clear()
