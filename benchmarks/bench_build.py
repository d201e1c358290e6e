"""How much slower is `invoke build` than a bare `mkdocs build` of as many plain pages?

For each size N (``--sizes 1000,10000``) this writes a synthetic repository with N projects
(``showcase.synth``) and measures, each run in a fresh Python process, wall time and peak
resident memory (the larger of ``ru_maxrss`` and the sampled sum over the process and its
workers, `tree_memory`) and CPU time (user + system, from ``os.wait4`` of that process; CPU time
is far less disturbed than wall time when others use the machine, and the runs of the
three builds are interleaved for the same reason):

(a) **full build**: ``showcase.commands.build.build`` on the synthetic repository, i.e. validate
    every file, render the docs tree, write it, strict MkDocs build into a temporary folder,
    atomic swap. Every run starts cold: the generated docs tree (``build/``) and the site are
    deleted first, so nothing is reused from an earlier run.
(b) **bare build, Material**: ``mkdocs build --strict`` of ``index.md`` plus N plain Markdown
    pages (``pages/pNNNNN.md``: a ``#`` title and Chinese paragraphs of about as many
    characters as a reader sees on our project pages, tags and front matter removed: about
    ten lines of Chinese), with the repository's own
    ``mkdocs.yml`` (Material theme, same palette, features, Markdown extensions and search
    plugin with jieba and the same separator) except that ``nav`` lists only ``index.md``
    and ``extra_css``, ``extra_javascript``, ``hooks`` and the theme's ``custom_dir`` are dropped.
    This is the baseline the target (≤ 1.2×) refers to.
(c) **bare build, MkDocs theme**: the same pages with ``theme: mkdocs`` and MkDocs' own
    search plugin (no jieba): a second, cheaper reference so both can be reported honestly.

Each figure is the median of ``--repeat`` runs (default 2 below 5,000 projects, 1 from 5,000
up). Also reported from the full build: average HTML bytes per project page, the size of
``search/search_index.json`` and of any ``projects.json``. The table is printed and written to
``benchmarks/out/bench_build-<sizes>.md`` (ignored by git).

    python benchmarks/bench_build.py --sizes 1000,10000
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml
from timing import user_environment
from tree_memory import TreePeak

from showcase.paths import repository_root
from showcase.synth import write_repository

TARGET_RATIO = 1.2
OUT = repository_root() / "benchmarks" / "out"
FULL_BUILD = (
    "import sys; from pathlib import Path; from showcase.commands.build import build; "
    "sys.exit(build(Path(sys.argv[1]), Path(sys.argv[2])))"
)
_FILLER = (
    "学生创业项目在学院创业苗圃中孵化，经过评审进入学校众创空间，再走向校外孵化加速器。"
    "团队围绕真实需求打磨产品，参加路演与沙龙，获得导师指导、知识产权保护和融资对接。"
)


@dataclass
class Run:
    seconds: float
    cpu_seconds: float
    peak_mb: float


@dataclass
class Row:
    size: int
    label: str
    runs: list[Run]

    @property
    def seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def cpu_seconds(self) -> float:
        return statistics.median(r.cpu_seconds for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return statistics.median(r.peak_mb for r in self.runs)


def measure(command: list[str], cwd: Path) -> Run:
    """Wall time and peak RSS of one fresh process; a failing command stops the benchmark."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=user_environment(),
    )
    tree = TreePeak(process.pid)  # worker processes too (ru_maxrss is the largest single one)
    stderr = process.stderr.read() if process.stderr else b""
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    tree_mb = tree.stop()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"命令失败：{' '.join(command)}\n{stderr.decode(errors='replace')}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds=seconds, cpu_seconds=cpu, peak_mb=max(usage.ru_maxrss / 1024, tree_mb))


def full_build(repo: Path) -> Run:
    shutil.rmtree(repo / "build", ignore_errors=True)
    shutil.rmtree(repo / "site", ignore_errors=True)
    return measure([sys.executable, "-c", FULL_BUILD, str(repo), str(repo / "site")], repo)


def bare_build(folder: Path, config: str) -> Run:
    shutil.rmtree(folder / "site", ignore_errors=True)
    return measure(
        [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-f", config], folder
    )


def write_plain_pages(folder: Path, count: int, chars: int, seed: int) -> None:
    """index.md plus `count` plain pages of about `chars` characters of Chinese text."""
    shutil.rmtree(folder, ignore_errors=True)
    docs = folder / "docs" / "pages"
    docs.mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# 首页\n\n纯文本页面基准。\n", encoding="utf-8")
    rng = random.Random(seed)
    for number in range(1, count + 1):
        lines = [f"# 页面 {number}\n"]
        length = 0
        while length < chars:
            start = rng.randrange(len(_FILLER) - 40)
            paragraph = _FILLER[start : start + rng.randrange(30, 60)]
            lines.append(paragraph + "\n")
            length += len(paragraph)
        (docs / f"p{number:05d}.md").write_text("\n".join(lines), encoding="utf-8")
    base = yaml.safe_load((repository_root() / "mkdocs.yml").read_text(encoding="utf-8"))
    material = dict(base, docs_dir="docs", site_dir="site", nav=["index.md"])
    material["theme"] = {k: v for k, v in base["theme"].items() if k != "custom_dir"}
    material.pop("extra_css", None)
    material.pop("extra_javascript", None)
    material.pop("hooks", None)
    material["plugins"] = [p for p in base.get("plugins", []) if _plugin_name(p) == "search"]
    plain = {
        "site_name": base.get("site_name", "bench"),
        "docs_dir": "docs",
        "site_dir": "site",
        "nav": ["index.md"],
        "theme": {"name": "mkdocs", "locale": "zh_CN"},
        "plugins": ["search"],
        "validation": base.get("validation", {}),
    }
    for name, config in (("material.yml", material), ("mkdocs-theme.yml", plain)):
        (folder / name).write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


def _plugin_name(entry: object) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))  # type: ignore[arg-type]


def site_figures(repo: Path) -> dict[str, str]:
    site = repo / "site"
    pages = list((site / "projects").glob("*/index.html"))
    sources = list((repo / "build" / "docs" / "projects").glob("*/index.md"))
    figures = {
        "项目页数": str(len(pages)),
        "项目页平均 HTML 字节": f"{sum(p.stat().st_size for p in pages) / max(len(pages), 1):,.0f}",
        "项目页平均可见文字字符": f"{_average_text_chars(sources):,.0f}",
        "搜索索引 search_index.json": _size(site / "search" / "search_index.json"),
    }
    for path in sorted(site.rglob("projects.json")):
        figures[f"开放数据 {path.relative_to(site).as_posix()}"] = _size(path)
    return figures


def _average_text_chars(files: list[Path]) -> float:
    """Characters a reader sees: front matter and tags removed, whitespace collapsed."""
    total = 0
    for file in files:
        body = file.read_text(encoding="utf-8").split("---", 2)[-1]
        total += len(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", body)).strip())
    return total / max(len(files), 1)


def _size(path: Path) -> str:
    return f"{path.stat().st_size / 1e6:.2f} MB" if path.is_file() else "（无）"


def bench_size(size: int, repeat: int, seed: int, default_theme: bool) -> tuple[list[Row], dict]:
    repo = OUT / f"repo-{size}"
    plain = OUT / f"plain-{size}"
    print(f"== {size} 个项目：生成合成仓库 {repo}", flush=True)
    write_repository(repository_root(), repo, size, seed)
    full = Row(size, "(a) 完整构建 invoke build", [])
    rows = [full, Row(size, "(b) 基准：Material 纯页面", [])]
    configs = {rows[1].label: "material.yml"}
    if default_theme:
        rows.append(Row(size, "(c) 基准：MkDocs 默认主题纯页面", []))
        configs[rows[2].label] = "mkdocs-theme.yml"
    figures: dict[str, str] = {}
    for number in range(repeat):  # interleaved, so a busy machine slows every row alike
        for row in rows:
            if row is full:
                row.runs.append(full_build(repo))
                if not figures:
                    figures = site_figures(repo)
                    chars = int(float(figures["项目页平均可见文字字符"].replace(",", "")))
                    write_plain_pages(plain, size, chars, seed)
            else:
                row.runs.append(bare_build(plain, configs[row.label]))
            run = row.runs[-1]
            print(
                f"   {row.label[:3]} 第 {number + 1} 次：{run.seconds:.1f} 秒"
                f"（CPU {run.cpu_seconds:.1f} 秒）",
                flush=True,
            )
    return rows, figures


def table(results: list[tuple[list[Row], dict]]) -> str:
    lines = [
        "| 项目数 | 构建 | 次数 | 用时中位数 (秒) | CPU 时间 (秒) | 峰值内存 (MB) "
        "| 用时相对 (b) | CPU 相对 (b) |",
        "|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for rows, _figures in results:
        baseline = next(r for r in rows if r.label.startswith("(b)"))
        for row in rows:
            lines.append(
                f"| {row.size:,} | {row.label} | {len(row.runs)} | {row.seconds:.1f} "
                f"| {row.cpu_seconds:.1f} | {row.peak_mb:.0f} "
                f"| {row.seconds / baseline.seconds:.2f}× "
                f"| {row.cpu_seconds / baseline.cpu_seconds:.2f}× |"
            )
    for rows, figures in results:
        lines.append(f"\n{rows[0].size:,} 个项目的完整构建：")
        lines.extend(f"- {key}：{value}" for key, value in figures.items())
    lines.append(f"\n目标：(a) ≤ {TARGET_RATIO}× (b)。(b)/(c) 的定义见 benchmarks/bench_build.py。")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated project counts")
    parser.add_argument(
        "--repeat",
        type=int,
        default=0,
        help="runs per figure (default: 2 below 5,000 projects, else 1)",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--no-default-theme",
        action="store_true",
        help="skip baseline (c) with the MkDocs default theme",
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    OUT.mkdir(parents=True, exist_ok=True)
    results = [
        bench_size(
            size, args.repeat or (2 if size < 5000 else 1), args.seed, not args.no_default_theme
        )
        for size in sizes
    ]
    report = table(results)
    print("\n" + report)
    target = OUT / f"bench_build-{'-'.join(map(str, sizes))}.md"
    target.write_text(report + "\n", encoding="utf-8")
    print(f"\n已写入 {target.relative_to(repository_root())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
