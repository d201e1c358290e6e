"""The outside checkers, run on a built site: the Nu HTML checker, axe-core and Lighthouse.

None of them was written here, so what they report is an independent judgement of the
pages. They come from the npm registry, pinned by ``tools/checkers/package-lock.json``
(installed by ``npm ci`` in ``.ci/run``), and run offline: vnu.jar with the system's Java,
axe-core injected by Playwright into Debian's Chromium, Lighthouse driving that Chromium
through ``tools/checkers/lighthouse.mjs``. Nothing is downloaded at run time.

Each function returns plain findings; `showcase.commands.checkers` decides what passes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
AXE_FAILING_IMPACTS = ("serious", "critical")
SCHEMES = ("light", "dark")
"""axe runs in both colour schemes: the theme follows ``prefers-color-scheme``."""


@dataclass(frozen=True)
class Finding:
    """One message of one checker about one page (``count`` places on it)."""

    checker: str
    page: str
    message: str
    count: int = 1
    where: str = ""


@dataclass(frozen=True)
class Scores:
    """Lighthouse's category scores (0–100) for one page, and the audits that failed."""

    page: str
    scores: dict[str, int | None]
    failing: dict[str, list[dict[str, Any]]]
    metrics: dict[str, str]
    error: str
    seconds: float


class CheckerUnavailable(Exception):
    """A checker cannot run here; the message says what to install, in Chinese."""


def tools_dir(root: Path) -> Path:
    return root / "tools" / "checkers"


def _installed(root: Path, relative: str) -> Path:
    path = tools_dir(root) / "node_modules" / relative
    if not path.exists():
        raise CheckerUnavailable(
            f"未找到 {relative}：请先运行 npm ci --prefix tools/checkers --ignore-scripts"
            "（.ci/run 会自动安装）"
        )
    return path


def nu_errors(
    root: Path, site: Path, files: Sequence[Path], folders: Mapping[str, Path] | None = None
) -> list[Finding]:
    """The Nu HTML checker's errors over `files` (pages, and ``.css`` files checked as CSS),
    in ONE Java process: its start-up is the cost. Files are named relative to `site`, or
    to one of `folders` (label → folder) under its label."""
    jar = _installed(root, "vnu-jar/build/dist/vnu.jar")
    java = shutil.which("java")
    if java is None:
        raise CheckerUnavailable(
            "未找到 java：请安装 Java 运行环境（Debian：default-jre-headless）"
        )
    command = [java, "-Xss16m", "-jar", str(jar), "--format", "json", "--errors-only"]
    done = subprocess.run(
        [*command, "--also-check-css", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        messages = json.loads(done.stderr)["messages"]
    except (ValueError, KeyError) as error:
        raise CheckerUnavailable(f"Nu HTML 检查器没有给出结果：{done.stderr[-500:]}") from error
    counted: dict[tuple[str, str], list[str]] = {}
    for message in messages:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        page = _site_relative(message.get("url", ""), {"": site, **(folders or {})})
        where = f"{message.get('lastLine', '?')}:{message.get('lastColumn', '?')}"
        counted.setdefault((page, message.get("message", "")), []).append(where)
    return [
        Finding("nu", page, text, len(places), ", ".join(places[:5]))
        for (page, text), places in sorted(counted.items())
    ]


def _site_relative(url: str, folders: Mapping[str, Path]) -> str:
    path = url.removeprefix("file:")
    for label, folder in folders.items():
        resolved = str(folder.resolve())
        if path.startswith(resolved + "/"):
            return f"{label}/{path[len(resolved) + 1 :]}".lstrip("/")
    return path


def axe_violations(
    root: Path,
    base_url: str,
    pages: Sequence[str],
    media: str = "screen",
    wait_until: Literal["load", "networkidle"] = "networkidle",
) -> list[Finding]:
    """axe-core's serious and critical violations on each page at 390×844, light and dark,
    as shown on `media` (``print``: the print pages and the annual report as printed).
    `wait_until` ``load`` is for the live preview, whose event stream never goes idle.

    The site's Content-Security-Policy allows only its own scripts, so the page context
    bypasses it for axe's injected script alone (the pages' own CSP is tested elsewhere)."""
    script = _installed(root, "axe-core/axe.min.js")
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError as error:
        raise CheckerUnavailable("未安装 playwright（pip install -e '.[dev]'）") from error
    findings = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            for scheme in SCHEMES:
                context = browser.new_context(
                    viewport=PHONE, color_scheme=scheme, bypass_csp=True, device_scale_factor=1
                )
                context.route(_not_local, lambda route: route.abort())
                page = context.new_page()
                page.emulate_media(media=media)
                for name in pages:
                    try:
                        page.goto(base_url + name, wait_until=wait_until)
                        page.add_script_tag(path=str(script))
                        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
                    except Error as failed:  # a page that does not load fails, with the reason
                        label = f"/{name}（{scheme}）"
                        findings.append(Finding("axe", label, f"无法检查 / not checked：{failed}"))
                        continue
                    findings += _axe_findings(result, name, scheme, media)
                context.close()
        finally:
            browser.close()
    return findings


def _not_local(url: str) -> bool:
    host = url.split("/")[2].split(":")[0] if "://" in url else ""
    return url.startswith(("http:", "https:")) and host not in ("127.0.0.1", "localhost")


def _axe_findings(result: dict[str, Any], page: str, scheme: str, media: str) -> list[Finding]:
    shown = ("深色" if scheme == "dark" else "浅色") + ("，打印" if media == "print" else "")
    return [
        Finding(
            "axe",
            f"/{page}（{shown}）",
            f"{violation['id']}: {violation['help']}",
            len(violation["nodes"]),
            "; ".join(" ".join(node["target"][:1]) for node in violation["nodes"][:3]),
        )
        for violation in result["violations"]
        if violation.get("impact") in AXE_FAILING_IMPACTS
    ]


def lighthouse_scores(
    root: Path, base_url: str, pages: Sequence[str], categories: Sequence[str]
) -> list[Scores]:
    """Lighthouse's mobile preset on each page, one Chromium for all of them."""
    _installed(root, "lighthouse/package.json")
    node = shutil.which("node")
    if node is None:
        raise CheckerUnavailable("未找到 node：请安装 Node.js（Debian：nodejs）")
    done = subprocess.run(
        [node, "lighthouse.mjs", ",".join(categories), *(base_url + page for page in pages)],
        cwd=tools_dir(root),
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "CHROME_PATH": str(CHROMIUM), "CHROME_FLAGS": json.dumps(CHROMIUM_ARGS)},
    )
    try:
        results = json.loads(done.stdout)
    except ValueError as error:
        raise CheckerUnavailable(f"Lighthouse 没有给出结果：{done.stderr[-800:]}") from error
    return [
        Scores(
            result["url"].removeprefix(base_url),
            result["scores"],
            result["failing"],
            result["metrics"],
            result["error"],
            result["seconds"],
        )
        for result in results
    ]
