"""Browser tests: a real headless Chromium (Debian's /usr/bin/chromium) against a built site.

- `served_site` (session): builds a site from a factory model into a temporary folder and
  serves it on 127.0.0.1 at a free port.
- `repo_site` (session): the same for a copy of this repository's own data, built today;
  the submission form's tests and its parity test share it.
- `page`: a fresh Playwright page (phone-sized by default). Every request to a host other
  than 127.0.0.1/localhost is aborted and recorded, console errors, uncaught page errors
  and Content-Security-Policy violations (``securitypolicyviolation`` events) are
  recorded, and the test fails at teardown if anything was recorded.

No browser is ever downloaded. Without Chromium or Playwright the tests are skipped with a
loud notice locally, and fail hard when ``CI=true``.
"""

from __future__ import annotations

import datetime
import os
import shutil
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from showcase.commands.gather import site_inputs
from showcase.engine import build_site
from showcase.engine.preview import start_server
from showcase.model import Model
from showcase.paths import Layout, repository_root
from showcase.render.case_visibility import Publicity
from showcase.validate import validate_repository
from tests.factories import make_model, make_project

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
PHONE = {"width": 375, "height": 812}
ARTIFACTS = repository_root() / "test-artifacts"

_skipped_reasons: list[str] = []


def _why_unavailable() -> str | None:
    if not CHROMIUM.is_file():
        return f"{CHROMIUM} 不存在（Debian：apt-get install chromium fonts-noto-cjk）"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "未安装 playwright（pip install -e '.[dev]'）"
    return None


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _skipped_reasons:
        terminalreporter.write_sep("!", "浏览器测试被跳过 / BROWSER TESTS SKIPPED", red=True)
        terminalreporter.write_line(f"原因：{_skipped_reasons[0]}。设置 CI=true 时这会是失败。")


@dataclass
class ServedSite:
    url: str
    model: Model
    folder: Path


@dataclass
class Guard:
    """What a page did that it must not: outside requests, console errors, CSP violations."""

    external_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)

    def clear(self) -> None:
        """Forget what a test provoked on purpose (after checking it)."""
        self.external_requests.clear()
        self.console_errors.clear()
        self.csp_violations.clear()


REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__reportCspViolation(`${event.violatedDirective} ${event.blockedURI} ` +
    `${event.sourceFile}:${event.lineNumber} ${event.sample}`);
});
"""
"""Runs in every document before its own scripts; reports each violation to the guard."""


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    reason = _why_unavailable()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI 必须运行浏览器测试，但 {reason}", pytrace=False)
        _skipped_reasons.append(reason)
        warnings.warn(pytest.PytestWarning(f"浏览器测试被跳过：{reason}"), stacklevel=1)
        pytest.skip(f"浏览器测试被跳过：{reason}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


def browser_model() -> Model:
    """Projects over every level and stage, plus one with hostile text in its name."""
    hostile = make_project("hostile", name="<b>*粗*</b>")
    return make_model([*make_model(count=12).projects.values(), hostile])


@contextmanager
def serve_model(root: Path, model: Model) -> Iterator[ServedSite]:
    """Build `model`'s site under `root` and serve it on a free localhost port."""
    site = build_site(
        Layout(root), site_inputs(Layout(root), model), config_file=repository_root() / "mkdocs.yml"
    )
    server = start_server(site, "127.0.0.1", 0)
    try:
        yield ServedSite(f"http://127.0.0.1:{server.server_address[1]}/", model, site)
    finally:
        server.shutdown()
        server.server_close()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    with serve_model(tmp_path_factory.mktemp("browser-repo"), browser_model()) as served:
        yield served


@contextmanager
def serve_repository_copy(
    root: Path, day: datetime.date | None = None
) -> Iterator[tuple[str, Path]]:
    """A copy of this repository under `root`, validated and built for the publication day
    `day` (today when None) and served; and the copy, for validating what a form writes."""
    for folder in ("content", "schemas", "projects"):
        shutil.copytree(repository_root() / folder, root / folder)
    result = validate_repository(Layout(root), today=day)
    assert result.model is not None, result.problems
    inputs = site_inputs(Layout(root), result.model, Publicity(day or datetime.date.today()))
    site = build_site(Layout(root), inputs, root / "site", repository_root() / "mkdocs.yml")
    server = start_server(site, "127.0.0.1", 0)
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", root
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The site of a copy of this repository, built today and served; and the copy, for
    validating what the submission form writes (its registries are the form's choices)."""
    with serve_repository_copy(tmp_path_factory.mktemp("form-repo")) as served:
        yield served


@pytest.fixture
def guard() -> Guard:
    return Guard()


@pytest.fixture
def page(browser: Any, guard: Guard) -> Iterator[Any]:
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, locale="zh-CN")

    def only_local(route: Any) -> None:
        url = route.request.url
        if urlsplit(url).scheme in {"http", "https", "ws", "wss"} and (
            urlsplit(url).hostname not in LOCAL_HOSTS
        ):
            guard.external_requests.append(url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", only_local)
    context.expose_binding(
        "__reportCspViolation", lambda _source, text: guard.csp_violations.append(text)
    )
    context.add_init_script(REPORT_VIOLATIONS)
    new_page = context.new_page()
    new_page.on(
        "console",
        lambda message: (
            message.type == "error"
            and guard.console_errors.append(f"{message.text} @ {message.location.get('url', '')}")
        ),
    )
    new_page.on("pageerror", lambda error: guard.console_errors.append(f"页面错误：{error}"))
    yield new_page
    context.close()
    problems = [f"外部请求：{u}" for u in guard.external_requests]
    problems += [f"控制台错误：{e}" for e in guard.console_errors]
    problems += [f"内容安全策略拦截：{v}" for v in guard.csp_violations]
    if problems:
        pytest.fail("浏览器记录到问题：\n" + "\n".join(problems), pytrace=False)


@pytest.fixture
def artifacts() -> Path:
    """Where screenshots go (ignored by git), kept after the run for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="module")
def sample_url(sample_site_dir: Path) -> Iterator[str]:
    """The repository's own sample site (built as for the manifest), served on a free localhost port; its root URL."""
    server = start_server(sample_site_dir, "127.0.0.1", 0)
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
