"""``invoke serve [--host H] [--port P]``: build, serve locally, rebuild on every change,
reload the browser.

- The web server is `showcase.engine.preview.start_server` in live mode: every page it
  sends carries the reload script and, while the latest rebuild has failed, a banner with
  the same Chinese messages as the terminal (`showcase.engine.live`). ``site/`` itself is
  never changed by the preview.
- The watcher (`showcase.engine.preview.Watcher`) polls the data and configuration (woken
  early by the system's change reports where there are any) and says which files changed. A burst of changes (an editor saving several files, a git
  checkout) is one rebuild (`settled`); a change made during a rebuild is seen by the next
  scan, which compares against the state taken before the rebuild read anything, so no
  change is ever lost.
- Fast pass first (`showcase.commands.fast_pass`): when a burst is only saved project
  files, each is checked alone and, when clean, its page is rendered through the build's
  own pipeline from the last good build's state kept in memory and served from memory at
  once (problems go to the terminal and the banner at once instead). Only that page is
  early; every other page follows with the full build, and nothing of the fast pass is
  written anywhere (``site/`` and the caches belong to the full build alone).
- Each rebuild is `showcase.commands.build.build`, so it prints exactly what
  ``invoke build`` does; its incremental caches (validation, render, pages) decide what
  is redone. The changed paths are printed but not passed on: correctness never depends
  on them. One validation cache (`showcase.validate.cache.ValidationCache`) lives as long
  as the preview, so a rebuild reads again only the files whose stat changed.

Measuring "saved → visible in the browser": ``benchmarks/bench_preview.py``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from showcase.commands.build import build
from showcase.commands.fast_pass import FastPass
from showcase.engine.live import BuildFailure, LiveState
from showcase.engine.preview import Watcher, start_server
from showcase.paths import Layout
from showcase.validate.cache import ValidationCache

QUIET_SECONDS = 0.1
"""A burst is over when a scan this long after the previous one finds nothing new: an
editor's or git's writes come milliseconds apart."""
LONGEST_BURST_SECONDS = 3.0
"""Rebuild anyway after this long, even if files keep changing (the next scan sees the rest)."""


def serve(root: Path, host: str, port: int) -> int:
    """Build, serve the site locally, and rebuild whenever data or configuration changes.

    A failed rebuild prints why, shows it in the page, and keeps serving the last good
    site. A saved project file's own page is shown first, before the full rebuild
    (`FastPass`). Ctrl-C stops it.
    """
    layout = Layout(root)
    watcher = Watcher(watched_paths(root))
    live = LiveState()
    cache = ValidationCache.on_disk(layout.validation_cache_dir)
    fast = FastPass(layout, live)
    if not _rebuild(root, live, cache, fast):
        print("首次构建失败；修正上面的问题后会自动重新构建。", file=sys.stderr)
    layout.site_dir.mkdir(parents=True, exist_ok=True)
    try:
        server = start_server(layout.site_dir, host, port, live=live)
    except OSError as error:
        print(f"无法在 {host}:{port} 启动预览服务器：{error}", file=sys.stderr)
        return 1
    fast.site_url = f"http://{host}:{server.server_address[1]}"
    print(f"预览地址：{fast.site_url}/ （按 Ctrl-C 停止）", flush=True)
    try:
        while True:
            watcher.pause()
            changed = watcher.changes()
            if not changed:
                continue
            changed |= settled(watcher)
            print(f"检测到 {len(changed)} 个文件变化，正在重新构建……", flush=True)
            fast.run(changed)
            if not _rebuild(root, live, cache, fast):
                print("重新构建失败，继续提供上一次成功构建的网站。", file=sys.stderr)
    except KeyboardInterrupt:
        print("\n预览已停止。")
    finally:
        watcher.close()
        live.close()
        server.shutdown()
        server.server_close()
    return 0


def watched_paths(root: Path) -> list[Path]:
    """What a build reads from the repository: data, pages, schemas, configuration and the
    theme's overrides (``custom_dir`` in ``mkdocs.yml``)."""
    layout = Layout(root)
    return [layout.projects_dir, layout.content_dir, *layout.build_sources]


def settled(watcher: Watcher) -> set[str]:
    """The further changes of a burst: scan again `QUIET_SECONDS` later until one scan
    finds nothing new (or `LONGEST_BURST_SECONDS` have passed), so one rebuild covers the
    whole burst."""
    changed: set[str] = set()
    deadline = time.monotonic() + LONGEST_BURST_SECONDS
    while time.monotonic() < deadline:
        time.sleep(QUIET_SECONDS)
        more = watcher.changes() - watcher.steadied  # already in the burst, not new
        if not more:
            break
        changed |= more
    return changed


def _rebuild(root: Path, live: LiveState, cache: ValidationCache, fast: FastPass) -> bool:
    """One build for the preview loop, its outcome told to the browser; even an
    unexpected error must not stop serving."""
    failures: list[BuildFailure] = []
    try:
        code = build(
            root,
            None,
            on_failure=failures.append,
            validation_cache=cache,
            before_render=fast.forget,
            keep_site=fast.remember,
        )
    except Exception as error:
        message = f"构建时出现内部错误：{error!r}"
        print(message, file=sys.stderr)
        failures.append(BuildFailure(message))
        code = 1
    if code == 0:
        live.succeeded(Layout(root).site_dir)
    else:
        live.failed(failures[-1] if failures else BuildFailure("构建失败，详见终端。"))
    return code == 0
