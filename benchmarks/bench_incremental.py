"""Every figure of the incremental-build issue in one table, beside its baseline.

On a synthetic repository of ``--size`` projects (``showcase.synth``; default 10,000), each
build in a fresh Python process (wall time, CPU time and peak memory from ``os.wait4``):

1. **cold full build** (``build/`` and ``site/`` deleted first) against a bare Material
   ``mkdocs build`` of as many plain pages (`bench_build`), runs interleaved;
2. **cost per project** at ``--large`` projects (e.g. 30,000; off by default, the table says
   so) against the cold build at ``--size``;
3. **warm builds** in the same repository right after the cold build: with no change, then
   after rewriting the summary of ``--edits`` project files (default 10);
4. **preview latency** at each of ``--preview-sizes`` (default 1,000 and ``--size``): time from
   saving one project file to the page served by ``invoke serve`` holding the new text
   (`preview_latency`; with the fast pass, the changed page is served before the full
   rebuild), median of ``--preview-edits`` edits, and beside it the time until the full
   rebuild that follows is done;
5. **Zensical**, as a reference, on the same generated docs tree (``build/docs``): a cold
   build (``--clean``), a warm one with no change, and a warm one after the edits of (3).

The table is printed and written to ``benchmarks/out/bench_incremental-<size>.md``;
benchmarks/README.md explains every row.

    python benchmarks/bench_incremental.py --size 10000 [--large 30000]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml
from bench_build import FULL_BUILD, Run, bare_build, full_build, measure, write_plain_pages
from bench_build import site_figures as build_figures
from preview_latency import edit_summary, measure_preview, project_files

from showcase.paths import repository_root
from showcase.synth import write_repository

try:  # comes with the browser live reload of `invoke serve`
    from bench_preview import seconds_to_visible
except ImportError:
    seconds_to_visible = None

COLD_WALL_TARGET = 0.8
COLD_MEMORY_TARGET = 1.0
PER_PROJECT_TARGET = 1.10
WARM_TARGET_SECONDS = 5.0
TARGET_SIZE = 10_000
PREVIEW_TARGETS = {1_000: 1.0, 10_000: 3.0}
ZENSICAL_CONFIG = "zensical.yml"


@dataclass
class Figure:
    name: str
    size: int
    measured: str
    baseline: str = "—"
    ratio: str = "—"
    target: str = "参考"
    verdict: str = "参考"


def verdict(ok: bool, size: int, target_size: int) -> str:
    """Pass or miss only at the size the target is set for: a tiny run judges nothing."""
    if size != target_size:
        return f"不判定（目标按 {target_size:,} 个项目）"
    return "达标" if ok else "未达标"


def seconds(value: float) -> str:
    return f"{value:.2f} 秒"


def cold_figures(repo: Path, plain: Path, repeat: int) -> tuple[list[Run], list[Run]]:
    """Cold full builds and bare Material builds, interleaved; the plain pages are written
    after the first full build, with as many visible characters as its project pages."""
    ours: list[Run] = []
    bare: list[Run] = []
    for number in range(repeat):
        ours.append(full_build(repo))
        if number == 0:
            chars = build_figures(repo)["项目页平均可见文字字符"].replace(",", "")
            write_plain_pages(plain, len(project_files(repo)), int(float(chars)), 7)
        bare.append(bare_build(plain, "material.yml"))
        print(
            f"   冷构建 {ours[-1].seconds:.1f} 秒，Material 纯页面 {bare[-1].seconds:.1f} 秒",
            flush=True,
        )
    return ours, bare


def median_run(runs: list[Run]) -> Run:
    """The run of median wall time (of two, the faster: the other was disturbed more)."""
    ordered = sorted(runs, key=lambda r: r.seconds)
    return ordered[(len(ordered) - 1) // 2]


def each_run(middle: Run, runs: list[Run]) -> str:
    """The median run's wall time and every run's, in the order measured."""
    return f"中位数 {seconds(middle.seconds)}（各次 {', '.join(f'{r.seconds:.2f}' for r in runs)}）"


def warm_build(repo: Path) -> Run:
    """A build in a fresh process that keeps ``build/`` (every cache) and ``site/``."""
    return measure([sys.executable, "-c", FULL_BUILD, str(repo), str(repo / "site")], repo)


def zensical_program() -> str | None:
    """Ours first: Zensical loads our Markdown extension only from the project's .venv."""
    beside = Path(sys.executable).with_name("zensical")
    return str(beside) if beside.is_file() else shutil.which("zensical")


def top_level_nav(docs: Path) -> list[str]:
    """A navigation like the one our build passes to MkDocs (`showcase.render.tree`): the
    home page, each section's index page and the hand-written pages, never the project
    or college pages. Without one, Zensical lists all 10,000 pages in every page's
    navigation, which makes the build quadratic."""
    sections = [f"{d.name}/index.md" for d in sorted(docs.iterdir()) if (d / "index.md").is_file()]
    pages = [f"pages/{page.name}" for page in sorted((docs / "pages").glob("*.md"))]
    return ["index.md", *sections, *pages]


def zensical(repo: Path, clean: bool) -> Run | str:
    """`zensical build` of the repository's generated docs tree, or why it could not run."""
    program = zensical_program()
    if program is None:
        return "受阻：未安装 zensical（pip install -e '.[bench]'）"
    config = yaml.safe_load((repo / "mkdocs.yml").read_text(encoding="utf-8"))
    config["site_dir"] = "build/zensical-site"  # beside ours, never over site/
    config["nav"] = top_level_nav(repo / config.get("docs_dir", "build/docs"))
    (repo / ZENSICAL_CONFIG).write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    command = [program, "build", "-f", ZENSICAL_CONFIG, *(["--clean"] if clean else [])]
    try:
        run = measure(command, repo)
    except SystemExit as failed:
        first = str(failed).strip().splitlines()[-1:] or ["?"]
        return f"受阻：zensical 失败（{first[0][:120]}）"
    print(f"   Zensical（{'--clean' if clean else '保留缓存'}）：{run.seconds:.1f} 秒", flush=True)
    return run


def edit_projects(repo: Path, count: int) -> None:
    files = project_files(repo)
    step = max(len(files) // max(count, 1), 1)
    for number, file in enumerate(files[::step][:count]):
        edit_summary(file, f"{time.time_ns() % 10**9:09d}{number}")


def run(args: argparse.Namespace) -> list[Figure]:
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    size = args.size
    repo = out / f"repo-{size}"
    print(f"== {size:,} 个项目：生成合成仓库 {repo}", flush=True)
    write_repository(repository_root(), repo, size, args.seed)
    ours, bare = cold_figures(repo, out / f"plain-{size}", args.repeat or (2 if size < 5000 else 1))
    cold, material = median_run(ours), median_run(bare)
    figures = shown(
        [
            Figure(
                "冷构建用时（墙钟）",
                size,
                seconds(cold.seconds),
                f"Material 纯页面 {seconds(material.seconds)}",
                f"{cold.seconds / material.seconds:.2f}×",
                f"≤ {COLD_WALL_TARGET}×",
                verdict(cold.seconds <= COLD_WALL_TARGET * material.seconds, size, TARGET_SIZE),
            ),
            Figure(
                "冷构建 CPU 时间",
                size,
                seconds(cold.cpu_seconds),
                f"Material 纯页面 {seconds(material.cpu_seconds)}",
                f"{cold.cpu_seconds / material.cpu_seconds:.2f}×",
            ),
            Figure(
                "冷构建峰值内存",
                size,
                f"{cold.peak_mb:.0f} MB",
                f"Material 纯页面 {material.peak_mb:.0f} MB",
                f"{cold.peak_mb / material.peak_mb:.2f}×",
                f"≤ {COLD_MEMORY_TARGET}×",
                verdict(cold.peak_mb <= COLD_MEMORY_TARGET * material.peak_mb, size, TARGET_SIZE),
            ),
            large_figure(args, cold, size),
        ]
    )
    z_cold = zensical(repo, clean=True)
    z_warm = zensical(repo, clean=False)
    unchanged_runs = [warm_build(repo) for _ in range(args.warm_runs)]
    edited_runs = []
    for _ in range(args.warm_runs):
        edit_projects(repo, args.edits)
        edited_runs.append(warm_build(repo))
    unchanged, edited = median_run(unchanged_runs), median_run(edited_runs)
    z_edited = zensical(repo, clean=False)
    figures += shown(
        [
            Figure(
                "热构建：无改动",
                size,
                each_run(unchanged, unchanged_runs),
                f"冷构建 {seconds(cold.seconds)}",
                f"{unchanged.seconds / cold.seconds:.2f}×",
            ),
            Figure(
                f"热构建：改动 {args.edits} 个项目文件",
                size,
                each_run(edited, edited_runs),
                f"冷构建 {seconds(cold.seconds)}",
                f"{edited.seconds / cold.seconds:.2f}×",
                f"≤ {WARM_TARGET_SECONDS:.0f} 秒",
                verdict(edited.seconds <= WARM_TARGET_SECONDS, size, TARGET_SIZE),
            ),
        ]
    )
    for n in preview_sizes(args):
        figures += shown(preview_figures(args, repo, size, n))
    figures += shown(
        [
            zensical_figure("Zensical 冷构建（同一 docs 目录）", size, z_cold, "冷构建", cold),
            zensical_figure("Zensical 热构建：无改动", size, z_warm, "热构建：无改动", unchanged),
            zensical_figure(
                f"Zensical 热构建：{args.edits} 个项目页改动后", size, z_edited, "热构建", edited
            ),
        ]
    )
    return figures


def shown(figures: list[Figure]) -> list[Figure]:
    """`figures`, printed as soon as measured: a long run stopped half way keeps them."""
    for figure in figures:
        print(f"   {row_line(figure)}", flush=True)
    return figures


def large_figure(args: argparse.Namespace, cold: Run, size: int) -> Figure:
    name = "每个项目的冷构建成本"
    if not args.large:
        return Figure(
            name,
            size,
            "未测（默认跳过；加 --large 30000 运行）",
            target=f"≤ {PER_PROJECT_TARGET:.2f}×",
            verdict="未测",
        )
    repo = args.out / f"repo-{args.large}"
    print(f"== {args.large:,} 个项目：生成合成仓库 {repo}", flush=True)
    write_repository(repository_root(), repo, args.large, args.seed)
    large = full_build(repo)
    shutil.rmtree(repo, ignore_errors=True)  # 30,000 projects take a lot of disk
    per_large = large.seconds / args.large * 1000
    per_size = cold.seconds / size * 1000
    return Figure(
        f"{name}（{args.large:,} 对 {size:,}）",
        args.large,
        f"{per_large:.2f} 毫秒/项目（CPU {large.cpu_seconds / args.large * 1000:.2f}）",
        f"{size:,} 个项目 {per_size:.2f} 毫秒/项目（CPU {cold.cpu_seconds / size * 1000:.2f}）",
        f"{per_large / per_size:.2f}×",
        f"≤ {PER_PROJECT_TARGET:.2f}×",
        verdict(per_large <= PER_PROJECT_TARGET * per_size, size, TARGET_SIZE),
    )


def preview_sizes(args: argparse.Namespace) -> list[int]:
    text = args.preview_sizes or f"1000,{args.size}"
    return sorted({int(s) for s in text.split(",") if s.strip()})


def preview_figures(
    args: argparse.Namespace, main_repo: Path, main_size: int, n: int
) -> list[Figure]:
    """The HTTP row and, unless ``--no-browser``, the browser row of one preview size."""
    repo = main_repo if n == main_size else args.out / f"repo-{n}"
    if repo != main_repo:
        write_repository(repository_root(), repo, n, args.seed)
    print(f"== 预览：{n:,} 个项目，{args.preview_edits} 次改动", flush=True)
    timeout = max(60.0, n * 0.03)
    log = args.out / "serve.log"
    latency = measure_preview(repo, args.preview_edits, timeout, log)
    target = PREVIEW_TARGETS.get(n)
    shown = ", ".join(f"{s:.2f}" for s in latency.seconds)
    measured = f"中位数 {seconds(latency.median)}（各次 {shown}）"
    if latency.timed_out:
        measured += f"，有一次超过 {timeout:.0f} 秒仍未可见"
    ok = not latency.timed_out and target is not None and latency.median <= target
    baseline = f"首次全量构建 {seconds(latency.startup_seconds)}"
    target_text = f"≤ {target:.0f} 秒" if target else "—"
    rows = [
        Figure(
            "预览：改一个项目到页面可见（HTTP 轮询）",
            n,
            measured,
            baseline,
            f"{latency.median / latency.startup_seconds:.2f}×",
            target_text,
            verdict(ok, n, n) if target else "参考",
        ),
        Figure(
            "预览：改动后完整重建完成（参考）",
            n,
            f"中位数 {seconds(statistics.median(latency.rebuilt))}"
            f"（各次 {', '.join(f'{s:.2f}' for s in latency.rebuilt)}）",
            baseline,
            f"{statistics.median(latency.rebuilt) / latency.startup_seconds:.2f}×",
            "—",
            "参考",
        ),
    ]
    if args.no_browser:
        return rows
    return [*rows, browser_figure(args, repo, n, baseline, target)]


def browser_figure(
    args: argparse.Namespace, repo: Path, n: int, baseline: str, target: float | None
) -> Figure:
    """Live reload seen in headless Chromium, by the live-preview work's own benchmark
    (benchmarks/bench_preview.py), once it is there."""
    name = "预览：浏览器自动显示改动（Playwright）"
    if seconds_to_visible is None:
        why = "受阻：没有 benchmarks/bench_preview.py（浏览器实时重载尚未合并）"
        return Figure(name, n, why, verdict="受阻")
    try:
        times, _rebuilds = seconds_to_visible(repo.resolve(), args.preview_edits)
    except Exception as error:  # a benchmark reports what failed and goes on
        return Figure(name, n, f"受阻：{error!r}"[:200], verdict="受阻")
    middle = statistics.median(times)
    return Figure(
        name,
        n,
        f"中位数 {seconds(middle)}（各次 {', '.join(f'{t:.2f}' for t in times)}）",
        baseline,
        "—",
        f"≤ {target:.0f} 秒" if target else "—",
        verdict(middle <= target, n, n) if target else "参考",
    )


def zensical_figure(name: str, size: int, result: Run | str, ours: str, base: Run) -> Figure:
    baseline = f"我们的{ours} {seconds(base.seconds)}"
    if isinstance(result, str):
        return Figure(name, size, result, baseline, verdict="受阻")
    return Figure(
        name,
        size,
        f"{seconds(result.seconds)}（CPU {result.cpu_seconds:.1f}，{result.peak_mb:.0f} MB）",
        baseline,
        f"{result.seconds / base.seconds:.2f}×",
    )


def row_line(f: Figure) -> str:
    return f"| {f.name} | {f.size:,} | {f.measured} | {f.baseline} | {f.ratio} | {f.target} | {f.verdict} |"


def table(figures: list[Figure], note: str) -> str:
    lines = [
        "| 数字 | 项目数 | 测得 | 基线 | 测得/基线 | 目标 | 结果 |",
        "|---|---:|---|---|---:|---|---|",
    ]
    lines += [row_line(f) for f in figures]
    lines.append(f"\n{note}每一行的含义见 benchmarks/README.md。")
    return "\n".join(lines)


def zensical_version() -> str:
    program = zensical_program()
    if program is None:
        return "未安装"
    done = subprocess.run([program, "--version"], capture_output=True, text=True, check=False)
    return done.stdout.strip() or done.stderr.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=TARGET_SIZE, help="projects of the main run")
    parser.add_argument("--large", type=int, default=0, help="also a cold build of this size")
    parser.add_argument("--preview-sizes", default="", help="default: 1000,<size>")
    parser.add_argument("--preview-edits", type=int, default=3)
    parser.add_argument("--no-browser", action="store_true", help="no Playwright row")
    parser.add_argument("--edits", type=int, default=10, help="project files of the warm build")
    parser.add_argument("--repeat", type=int, default=0, help="cold runs (default 2, 1 ≥ 5,000)")
    parser.add_argument(
        "--warm-runs",
        type=int,
        default=3,
        help="warm builds without a change, then as many each after editing --edits files",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=repository_root() / "benchmarks" / "out")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    figures = run(args)
    note = f"用时 {(time.perf_counter() - started) / 60:.1f} 分钟；Zensical {zensical_version()}。"
    report = table(figures, note)
    print("\n" + report)
    target = args.out / f"bench_incremental-{args.size}.md"
    target.write_text(report + "\n", encoding="utf-8")
    print(f"\n已写入 {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
