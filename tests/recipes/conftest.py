"""Tests of the deploy recipes against real servers: nginx from Debian (``nginx`` and
``libnginx-mod-http-brotli-static``) and OpenSSH's sshd (``openssh-server``, ``rsync``),
installed by .ci/run. Without them the tests are skipped with a loud notice locally and
fail when ``CI=true``."""

from __future__ import annotations

import os
from typing import Any

import pytest

_skipped: list[str] = []


def require(reason: str | None) -> None:
    """Skip loudly (or fail under CI) when `reason` says what is missing."""
    if reason is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI 必须运行部署示例的测试，但 {reason}", pytrace=False)
    _skipped.append(reason)
    pytest.skip(f"部署示例的测试被跳过：{reason}")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _skipped:
        terminalreporter.write_sep(
            "!", "部署示例的测试被跳过 / DEPLOY RECIPE TESTS SKIPPED", red=True
        )
        terminalreporter.write_line(f"原因：{_skipped[0]}。设置 CI=true 时这会是失败。")
