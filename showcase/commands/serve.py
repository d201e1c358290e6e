"""``invoke serve [--host H] [--port P]``: build, serve locally, rebuild on every change.

The web server and the file watcher are `showcase.engine.preview`; each rebuild is the
`showcase.commands.build.build` command, so it prints exactly what ``invoke build`` does.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from showcase.commands.build import build
from showcase.engine.preview import snapshot, start_server
from showcase.paths import Layout

POLL_SECONDS = 1.0


def serve(root: Path, host: str, port: int) -> int:
    """Build, serve the site locally, and rebuild whenever data or configuration changes.

    A failed rebuild prints why and keeps serving the last good site. Ctrl-C stops it.
    """
    layout = Layout(root)
    watched = [layout.projects_dir, layout.content_dir, layout.schemas_dir, root / "mkdocs.yml"]
    state = snapshot(watched)
    if build(root, None) != 0:
        print("首次构建失败；修正上面的问题后会自动重新构建。", file=sys.stderr)
    layout.site_dir.mkdir(parents=True, exist_ok=True)
    try:
        server = start_server(layout.site_dir, host, port)
    except OSError as error:
        print(f"无法在 {host}:{port} 启动预览服务器：{error}", file=sys.stderr)
        return 1
    print(f"预览地址：http://{host}:{server.server_address[1]}/ （按 Ctrl-C 停止）", flush=True)
    try:
        while True:
            time.sleep(POLL_SECONDS)
            current = snapshot(watched)
            if current != state:
                state = current
                print("检测到文件变化，正在重新构建……", flush=True)
                if _rebuild(root) != 0:
                    print("重新构建失败，继续提供上一次成功构建的网站。", file=sys.stderr)
    except KeyboardInterrupt:
        print("\n预览已停止。")
    finally:
        server.shutdown()
        server.server_close()
    return 0


def _rebuild(root: Path) -> int:
    """A rebuild for the preview loop: even an unexpected error must not stop serving."""
    try:
        return build(root, None)
    except Exception as error:
        print(f"构建时出现内部错误：{error!r}", file=sys.stderr)
        return 1
