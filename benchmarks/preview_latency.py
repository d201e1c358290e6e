"""How long after saving a project file does the previewed page show the change?

Starts ``invoke serve``'s loop (`showcase.commands.serve.serve`) on a repository in a fresh
Python process, on a free port, waits until it serves, then edits one project's summary
and polls the served project page over HTTP every `POLL_SECONDS` until it holds the new
text. HTTP polling measures what a browser with live reload would show, without a browser:
the page is served the moment the GET sees it, whether the preview's fast pass rendered it
ahead of the full build (`showcase.commands.fast_pass`) or the full build wrote it. Then it
waits for the full rebuild to finish (the preview's ``网站已生成`` line) and records that
time too, so the figure of the page shown first is never mistaken for the whole rebuild;
the next edit starts only then.
"""

from __future__ import annotations

import re
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from timing import user_environment

POLL_SECONDS = 0.05
BUILT = "网站已生成"
"""What `showcase.commands.build.build` prints when a build is done."""
_ADDRESS = re.compile(r"http://127\.0\.0\.1:(\d+)/")
_SUMMARY = re.compile(r"^summary: .*$", re.MULTILINE)
SERVE = (
    "import sys; from pathlib import Path; from showcase.commands.serve import serve; "
    "sys.exit(serve(Path(sys.argv[1]), '127.0.0.1', 0))"
)


@dataclass
class Latency:
    startup_seconds: float
    """From starting the process to the server answering: a full (first) build."""
    seconds: list[float]
    """One figure per edit; a timed-out edit counts as the timeout (and `timed_out`)."""
    timed_out: bool
    rebuilt: list[float]
    """Per edit, seconds from the save until the full rebuild that follows was done."""

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def project_files(repo: Path) -> list[Path]:
    """Project files in a stable order (projects/<college>/<id>.yaml)."""
    return sorted(repo.glob("projects/*/*.yaml"))


def edit_summary(file: Path, marker: str) -> None:
    """A real content change that validates: the summary becomes a sentence naming `marker`."""
    text = file.read_text(encoding="utf-8")
    summary = f"summary: 本项目简介已在基准测试中修订，修订编号 {marker}，用于测量增量构建。"
    file.write_text(_SUMMARY.sub(summary, text, count=1), encoding="utf-8")


def measure_preview(repo: Path, edits: int, timeout: float, log: Path) -> Latency:
    """Serve `repo`, make `edits` summary edits one after another, time each until visible."""
    files = project_files(repo)
    with log.open("w", encoding="utf-8") as output:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-u", "-c", SERVE, str(repo)],
            cwd=repo,
            stdout=output,
            stderr=subprocess.STDOUT,
            env=user_environment(),
        )
        try:
            base = _wait_for_address(process, log, timeout)
            startup = time.perf_counter() - started
            seconds, rebuilt, timed_out = [], [], False
            for number in range(edits):
                file = files[(number * 7919) % len(files)]
                marker = f"{int(time.time() * 1000) % 10**9:09d}"
                url = f"{base}projects/{file.stem}/"
                builds = _builds(log)
                edit_started = time.perf_counter()
                edit_summary(file, marker)
                seen = _wait_for_text(url, marker, edit_started + timeout)
                timed_out |= not seen
                seconds.append(time.perf_counter() - edit_started)
                timed_out |= not _wait_for_build(log, builds, edit_started + timeout)
                rebuilt.append(time.perf_counter() - edit_started)
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    return Latency(startup, seconds, timed_out, rebuilt)


def _builds(log: Path) -> int:
    """How many builds the preview has finished (its ``网站已生成`` lines)."""
    return log.read_text(encoding="utf-8", errors="replace").count(BUILT)


def _wait_for_build(log: Path, before: int, deadline: float) -> bool:
    while time.perf_counter() < deadline:
        if _builds(log) > before:
            return True
        time.sleep(POLL_SECONDS)
    return False


def _wait_for_address(process: subprocess.Popen, log: Path, timeout: float) -> str:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        found = _ADDRESS.search(log.read_text(encoding="utf-8", errors="replace"))
        if found:
            base = f"http://127.0.0.1:{found.group(1)}/"
            if _get(base) is not None:
                return base
        if process.poll() is not None:
            break
        time.sleep(POLL_SECONDS)
    raise SystemExit(f"预览服务器没有启动，见 {log}")


def _wait_for_text(url: str, text: str, deadline: float) -> bool:
    while time.perf_counter() < deadline:
        body = _get(url)
        if body is not None and text in body:
            return True
        time.sleep(POLL_SECONDS)
    return False


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError):
        return None
