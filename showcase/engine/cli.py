"""`invoke build` and `invoke serve`: validate → render → build, with Chinese output.

Bad data never produces a traceback: validation problems are printed the way
`invoke validate` prints them and the command exits with 1; a failed MkDocs build prints
MkDocs' own messages under a Chinese heading. In both cases the last good site stays.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from showcase.atomic import ForeignFolder
from showcase.engine.mkdocs_site import BuildFailed, build_site
from showcase.engine.preview import snapshot, start_server
from showcase.engine.publicity_cli import preview_model, preview_site_dir, publicity_for
from showcase.model import Model
from showcase.paths import Layout

POLL_SECONDS = 1.0


def build(root: Path, site_dir: Path | None, drafts: bool = False, today: str = "") -> int:
    """Validate the repository at `root` and build its site; 0 on success, 1 on failure.

    `drafts` builds a preview with draft and scheduled typical cases into
    ``build/preview-site/`` by default; `today` (``YYYY-MM-DD``) sets the publication date.
    """
    layout = Layout(root)
    started = time.perf_counter()
    try:
        publicity, note = publicity_for(today, drafts)
    except ValueError as error:
        print(str(error), file=sys.stderr)
        return 1
    print("正在检查数据……", flush=True)
    model = validated_model(layout)
    if model is None:
        return 1
    counts = f"{len(model.projects)} 个项目，{len(model.colleges)} 个学院"
    print(f"数据检查通过：{counts}。{note}正在生成网站……", flush=True)
    if drafts:
        model, site_dir = preview_model(model), site_dir or preview_site_dir(layout)
    try:
        built = build_site(layout, model, site_dir, publicity=publicity)
    except BuildFailed as failure:
        _print_failure(failure)
        return 1
    except ForeignFolder as refused:
        print(refused.message, file=sys.stderr)
        return 1
    except OSError as error:
        print(f"构建失败：无法读写文件（{error}）。原有网站未改动。", file=sys.stderr)
        return 1
    pages = sum(1 for _ in built.rglob("*.html"))
    elapsed = time.perf_counter() - started
    print(f"网站已生成：{built}（{pages} 个页面，用时 {elapsed:.1f} 秒）")
    return 0


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


def validated_model(layout: Layout) -> Model | None:
    """The checked model, or None after printing why the data cannot be published."""
    from showcase.validate import validate_repository
    from showcase.validate.report import format_problems

    result = validate_repository(layout)
    if result.problems:
        print(format_problems(result.problems, "text", files_checked=result.files_checked))
    if not result.ok or result.model is None:
        print(
            "数据有错误，未生成网站（原有网站保持不变）。请按上面的提示修改后重试。",
            file=sys.stderr,
        )
        return None
    return result.model


def _print_failure(failure: BuildFailed) -> None:
    print(f"构建失败：{failure.message}", file=sys.stderr)
    for detail in failure.details:
        print(f"  - {detail}", file=sys.stderr)
    print("原有网站保持不变。", file=sys.stderr)
