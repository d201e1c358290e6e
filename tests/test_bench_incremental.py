"""`invoke bench`'s build table, run tiny: every figure of issue 17 is a row, each row is
explained in benchmarks/README.md, and a tiny run judges no target."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from showcase.paths import repository_root

ROOT = repository_root()
ROWS = (
    "冷构建用时（墙钟）",
    "冷构建 CPU 时间",
    "冷构建峰值内存",
    "每个项目的冷构建成本",
    "热构建：无改动",
    "热构建：改动 10 个项目文件",
    "预览：改一个项目到页面可见",
    "预览：改动后完整重建完成",
    "预览：浏览器自动显示改动",
    "Zensical 冷构建",
    "Zensical 热构建：无改动",
    "Zensical 热构建：10 个项目页改动后",
)


def test_a_tiny_run_prints_every_row_and_judges_nothing(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "benchmarks/bench_incremental.py",
            "--size=8",
            "--preview-sizes=8",
            "--preview-edits=1",
            "--repeat=1",
            "--warm-runs=2",
            f"--out={tmp_path}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    table = (tmp_path / "bench_incremental-8.md").read_text(encoding="utf-8")
    rows = [line for line in table.splitlines() if line.startswith("| ") and "---" not in line]
    names = [row.split(" | ")[0].removeprefix("| ") for row in rows[1:]]
    for expected in ROWS:
        assert any(name.startswith(expected) for name in names), (expected, names)
    assert "未达标" not in table and "达标" not in table.replace("不判定", "")
    assert "未测" in table, "the 30,000 row must say it was not run"
    preview = next(row for row in rows if row.startswith("| 预览"))
    assert re.search(r"中位数 \d+\.\d\d 秒", preview) and "仍未可见" not in preview, preview
    for row in rows:
        if row.startswith(("| Zensical", "| 预览：浏览器")):
            assert re.search(r"\| (中位数 )?\d+\.\d\d 秒|受阻：", row), row


def test_the_readme_explains_every_row() -> None:
    readme = (ROOT / "benchmarks" / "README.md").read_text(encoding="utf-8")
    explained = [line.split(" | ")[0].removeprefix("| ") for line in readme.splitlines()]
    for row in ROWS:
        assert any(name.startswith(row) for name in explained), row


def test_invoke_bench_passes_every_table_option_to_the_script(monkeypatch) -> None:
    from showcase.commands import bench

    commands: list[list[str]] = []

    def recorded(command: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        commands.append(command)
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(bench.subprocess, "run", recorded)
    monkeypatch.setattr(bench, "performance", lambda root: 0)
    options = bench.BuildOptions(30000, "1000,5000", 3, 4, no_browser=True)
    assert bench.bench(ROOT, 2000, options) == 0
    table = next(c for c in commands if "benchmarks/bench_incremental.py" in c)
    assert " ".join(table[table.index("benchmarks/bench_incremental.py") + 1 :]) == (
        "--size 2000 --large 30000 --repeat 3 --edits 4 --preview-sizes 1000,5000 --no-browser"
    )
