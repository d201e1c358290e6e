"""How long from saving a project file to its new text in a browser showing `invoke serve`?

Writes a synthetic repository of ``--count`` projects, starts the live preview on it (its
own process: ``showcase.commands.serve.serve``, as ``invoke serve`` runs it) and opens one
project's page in headless Chromium (/usr/bin/chromium). Once the page's live script has
connected (``html[data-showcase-live=connected]``), each of ``--repeat`` runs writes a new
summary into that project's file and measures the seconds from just before the write until
the reloaded page holding the new text was parsed (its DOMContentLoaded, read from the
page's own performance timeline): the page reloads itself, the benchmark never does. That is
the issue's "one changed project visible in the previewing browser" (target ≤ 1 s at
1,000 projects, ≤ 3 s at 10,000). The page shown is the one the preview's fast pass
renders before the full rebuild (`showcase.commands.fast_pass`) when it can. Also
measured: the seconds until the full rebuild that follows is done (the next run starts only
then); and printed: the rebuild times the preview itself printed.

    python benchmarks/bench_preview.py --count 1000 --repeat 3

Other benchmarks can call `seconds_to_visible(root, runs)` on a repository they made.
"""

from __future__ import annotations

import re
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from timing import synthetic_arguments, user_environment

from showcase.engine.outside_checkers import CHROMIUM, CHROMIUM_ARGS
from showcase.paths import Layout, repository_root
from showcase.synth import write_repository

TARGETS = {1000: 1.0, 10000: 3.0}
"""Seconds, from the issue."""
START_TIMEOUT = 600.0
"""The first build of a large repository, on a loaded machine."""
SHOWN_AT = "performance.timeOrigin + performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"
"""When the reloaded page was parsed (ms since the epoch): Playwright's own wait polls every
0.5 s once it has waited a while, too coarse for this figure."""
RUN_SERVE = (
    "import sys; from pathlib import Path; from showcase.commands.serve import serve; "
    "sys.exit(serve(Path(sys.argv[1]), '127.0.0.1', 0))"
)


def seconds_to_visible(root: Path, runs: int) -> tuple[list[float], list[str]]:
    """Seconds from saving a project file to its new text on the open page, `runs` times;
    and the rebuild lines the preview printed (``网站已生成：…用时 N 秒``)."""
    seconds, _rebuilt, lines = seconds_to_rebuilt(root, runs)
    return seconds, lines


def seconds_to_rebuilt(root: Path, runs: int) -> tuple[list[float], list[float], list[str]]:
    """`seconds_to_visible` with, per run, the seconds until the full rebuild was done."""
    from playwright.sync_api import sync_playwright

    project_file = min(Layout(root).project_files())
    output: list[str] = []
    serve = subprocess.Popen(
        [sys.executable, "-c", RUN_SERVE, str(root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=repository_root(),
        env=user_environment(),
    )
    started = threading.Event()

    def read() -> None:
        for line in serve.stdout:
            output.append(line)
            if "预览地址" in line:
                started.set()
        started.set()

    threading.Thread(target=read, daemon=True).start()
    try:
        started.wait(START_TIMEOUT)
        address = re.search(r"预览地址：(http://\S+/)", "".join(output))
        if address is None:
            raise RuntimeError("预览没有启动：\n" + "".join(output))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            page = browser.new_page()
            page.goto(f"{address.group(1)}projects/{project_file.stem}/")
            seconds, rebuilt = [], []
            for run in range(runs):
                page.wait_for_selector("html[data-showcase-live=connected]")
                marker = f"【第{run + 1}次修改{time.time_ns()}】"
                text = project_file.read_text(encoding="utf-8")
                edited = re.sub(
                    r"^summary: (【[^】]*】)?", f"summary: {marker}", text, count=1, flags=re.M
                )
                builds = _built(output)
                begun = time.time()
                project_file.write_text(edited, encoding="utf-8")
                page.get_by_text(marker).first.wait_for(timeout=START_TIMEOUT * 1000)
                seconds.append(page.evaluate(SHOWN_AT) / 1000 - begun)
                while _built(output) == builds and time.time() < begun + START_TIMEOUT:
                    time.sleep(0.05)
                rebuilt.append(time.time() - begun)
                time.sleep(1.0)  # let the preview go idle between runs
            browser.close()
    finally:
        serve.send_signal(signal.SIGINT)
        serve.wait(timeout=60)
    rebuilds = [line.strip() for line in output if "网站已生成" in line][1:]
    return seconds, rebuilt, rebuilds


def _built(output: list[str]) -> int:
    """Builds the preview has finished so far (its ``网站已生成`` lines)."""
    return sum("网站已生成" in line for line in list(output))


def main(argv: list[str] | None = None) -> int:
    args = synthetic_arguments(__doc__, "benchmarks/out/preview", argv)
    write_repository(repository_root(), args.out, args.count, args.seed)
    seconds, rebuilt, rebuilds = seconds_to_rebuilt(args.out.resolve(), args.repeat)
    print(f"项目：{args.count} 个；保存到浏览器显示新内容（秒）：")
    print("  " + "、".join(f"{s:.2f}" for s in seconds))
    median = statistics.median(seconds)
    target = TARGETS.get(args.count)
    verdict = (
        ""
        if target is None
        else f"（目标 ≤ {target} 秒，{'达标' if median <= target else '未达标'}）"
    )
    print(f"  中位数 {median:.2f}，最快 {min(seconds):.2f}{verdict}")
    print(f"  保存到完整重新构建完成：{'、'.join(f'{s:.2f}' for s in rebuilt)}")
    print("预览打印的重新构建：")
    for line in rebuilds:
        print(f"  {line}")
    built = [float(m.group(1)) for m in map(re.compile(r"用时 ([\d.]+) 秒").search, rebuilds) if m]
    if len(built) == len(rebuilt):
        extra = [total - build for total, build in zip(rebuilt, built, strict=True)]
        print("  构建之外（发现改动、去抖、先行页面）：" + "、".join(f"{s:.2f}" for s in extra))
    return 0


if __name__ == "__main__":
    sys.exit(main())
