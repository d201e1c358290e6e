"""`invoke ci`: every step runs, the tests run last, and any failure fails the run."""

from __future__ import annotations

from pathlib import Path

import pytest

from showcase.commands import ci


def test_tests_run_last_and_a_failed_step_fails_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    ran: list[str] = []
    monkeypatch.setattr(
        ci,
        "STEPS",
        (
            ("第一步", lambda root, site: ran.append("one") or 1),
            ("第二步", lambda root, site: ran.append("two") or 0),
        ),
    )
    (tmp_path / "test_tiny.py").write_text("def test_ok():\n    assert 1 + 1 == 2\n")
    code = ci.ci(tmp_path, ["-q", "-p", "no:cacheprovider", "test_tiny.py"])
    out = capfd.readouterr().out.strip().splitlines()
    assert (code, ran) == (1, ["one", "two"])
    assert "前置检查未通过：第一步；最后运行测试" in "\n".join(out)
    assert out[-1].startswith("1 passed")


def test_everything_passing_exits_zero(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(ci, "STEPS", (("唯一一步", lambda root, site: 0),))
    (tmp_path / "test_tiny.py").write_text("def test_ok():\n    assert True is True\n")
    assert ci.ci(tmp_path, ["-q", "-p", "no:cacheprovider", "test_tiny.py"]) == 0
    (tmp_path / "test_tiny.py").write_text("def test_bad():\n    assert 1 == 2\n")
    assert ci.ci(tmp_path, ["-q", "-p", "no:cacheprovider", "test_tiny.py"]) == 1
    assert capfd.readouterr().out.strip().splitlines()[-1].startswith("1 failed")
