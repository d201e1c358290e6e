"""PDF from the print-ready HTML, through Debian's headless Chromium.

Chromium renders Chinese with the system's CJK fonts (fonts-noto-cjk) and honours the
``@page`` rules, so the PDF looks like the browser's print preview. It is optional: on
a machine without Chromium, `write_pdfs` says so and the HTML remains the print version.
Nothing is fetched: the documents are self-contained and opened from disk.

Example::

    notice = write_pdfs([Path("out/x/print.html")])   # writes out/x/print.pdf
"""

from __future__ import annotations

import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--no-pdf-header-footer",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_SECONDS = 60


def find_chromium() -> str | None:
    return next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)


def write_pdfs(html_files: list[Path]) -> str:
    """Write ``<name>.pdf`` beside each HTML file; returns a Chinese notice ("" if all done)."""
    chromium = find_chromium()
    if chromium is None:
        return (
            "未找到 Chromium，未生成 PDF；请用浏览器打开 .html 打印版另存为 PDF，"
            "或安装 Chromium 和中文字体（Debian：apt-get install chromium fonts-noto-cjk）。"
        )
    with ThreadPoolExecutor(max_workers=4) as pool:
        failures = [
            f
            for f, ok in zip(
                html_files, pool.map(lambda f: _print_one(chromium, f), html_files), strict=True
            )
            if not ok
        ]
    if failures:
        return "以下打印版未能生成 PDF：" + "、".join(f.name for f in failures) + "。"
    return ""


def _print_one(chromium: str, html_file: Path) -> bool:
    target = html_file.with_suffix(".pdf")
    try:
        subprocess.run(
            [chromium, *_FLAGS, f"--print-to-pdf={target}", html_file.resolve().as_uri()],
            check=True,
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return target.is_file() and target.stat().st_size > 0
