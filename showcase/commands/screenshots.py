"""``invoke screenshots``: the pictures of the submission guide, taken from the real site.

Builds the site of this repository into a temporary folder, serves it on 127.0.0.1 and
drives Debian's Chromium (through Playwright, a development dependency) through the steps
content/pages/submit-guide.md describes, writing content/pages/img/submit-*.png. The
pictures are content: they are committed, and rebuilt only when the form changes.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from PIL import Image

CHROMIUM = Path("/usr/bin/chromium")
PHONE = {"width": 390, "height": 844}
NAMES = ("submit-1-form.png", "submit-2-error.png", "submit-3-result.png", "submit-4-edit.png")
EXAMPLE = {
    "id": "bamboo-socks",
    "name": "竹纤维抑菌袜",
    "college": "textile",
    "level": "nursery",
    "stage": "seed",
    "status": "active",
    "summary": "用竹纤维和银离子整理做长效抑菌运动袜，面向校园跑团小批量定制。",
    "started": "2024-03",
    "team.0.name": "林晓",
    "team.0.role": "负责人",
}


def screenshots(root: Path) -> int:
    """Write the guide's screenshots; 0 on success, 1 with a Chinese message otherwise."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("需要 playwright：.venv/bin/pip install -e '.[dev]'", file=sys.stderr)
        return 1
    if not CHROMIUM.is_file():
        print(f"找不到 {CHROMIUM}：apt-get install chromium fonts-noto-cjk", file=sys.stderr)
        return 1
    from showcase.commands.gather import site_inputs
    from showcase.engine import build_site
    from showcase.engine.mkdocs_site import BuildFailed
    from showcase.engine.preview import start_server
    from showcase.paths import Layout
    from showcase.validate import validate_repository

    layout = Layout(root)
    result = validate_repository(layout)
    if result.model is None:
        print("数据有错误，先运行 ./dev validate 并修正。", file=sys.stderr)
        return 1
    target = layout.pages_dir / "img"
    target.mkdir(parents=True, exist_ok=True)
    for name in NAMES:  # the guide links them, so a strict build needs them to exist
        if not (target / name).exists():
            Image.new("RGB", (1, 1), "white").save(target / name)
    with tempfile.TemporaryDirectory(prefix="screenshots-") as folder:
        try:
            site = build_site(layout, site_inputs(layout, result.model), Path(folder) / "site")
        except BuildFailed as failure:
            print(f"构建失败：{failure.message}", *failure.details, sep="\n  ", file=sys.stderr)
            return 1
        server = start_server(site, "127.0.0.1", 0)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"]
                )
                page = browser.new_page(viewport=PHONE, device_scale_factor=2, locale="zh-CN")
                _take(page, f"http://127.0.0.1:{server.server_address[1]}/", target)
                browser.close()
        finally:
            server.shutdown()
            server.server_close()
    print(f"已更新截图：{layout.relative(target)}/submit-*.png")
    return 0


def _take(page: Any, url: str, target: Path) -> None:
    page.goto(f"{url}submit/")
    page.screenshot(path=str(target / NAMES[0]))
    for path, value in EXAMPLE.items():
        control = page.locator(
            f"[data-path='{path}'] > input, [data-path='{path}'] > select, "
            f"[data-path='{path}'] > textarea"
        )
        if control.evaluate("node => node.tagName") == "SELECT":
            control.select_option(value)
        else:
            control.fill(value)
    page.check("[data-path='fields'] input[value='textile-apparel']")
    page.fill("[data-path='team.0.role'] input", "负责人 13812345678")
    page.locator("[data-path='team']").scroll_into_view_if_needed()
    header = page.locator(".md-header")  # sticky: it would cover part of a tall section
    header.evaluate("node => { node.style.visibility = 'hidden'; }")
    page.locator("[data-path='team']").screenshot(path=str(target / NAMES[1]))
    header.evaluate("node => { node.style.visibility = ''; }")
    page.fill("[data-path='team.0.role'] input", "负责人")
    page.click(".sc-submit__form button[type=submit]")
    page.locator(".sc-submit__result").scroll_into_view_if_needed()
    header.evaluate("node => { node.style.visibility = 'hidden'; }")
    page.locator(".sc-submit__result").screenshot(path=str(target / NAMES[2]))
    header.evaluate("node => { node.style.visibility = ''; }")
    page.goto(f"{url}projects/accessible-reader/")
    page.locator(".sc-edit").scroll_into_view_if_needed()
    page.screenshot(path=str(target / NAMES[3]))
