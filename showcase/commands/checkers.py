"""``invoke checkers [--site-dir DIR] [--performance]``: the outside checkers' verdict.

Builds the sample site (this repository's data) into a temporary folder, or takes a
built one, serves it on 127.0.0.1 as a production server would (gzip, cache headers),
and runs three checkers nobody here wrote (`showcase.engine.outside_checkers`):

- the Nu HTML checker over EVERY page and the site's own stylesheets: zero errors, except those of the theme's own
  markup listed by exact message, each with its reason, in ``tools/checkers/allowed.yaml``;
- the Nu HTML checker also over the WeChat articles of every case (``invoke publicity
  --drafts`` into a temporary folder), which are posted outside the site;
- the Nu HTML checker and axe-core also on the live preview's error banner
  (``invoke serve`` after a failed rebuild, `BANNER_SAMPLE`), served as the preview serves it;
- axe-core on one page of every kind (`SAMPLE`) at 390×844, light and dark, and on the
  print pages (`PRINT_SAMPLE`) as printed: no violation of impact serious or critical
  (same allow-list);
- Lighthouse's mobile preset on the same pages: accessibility ≥ 95, best practices 100,
  SEO 100 (`TARGETS`); performance is measured with ``--performance`` and by
  ``invoke bench``, and only reported.

Every failure is printed in Chinese and English with its page and the checker's exact
message; the exit code is 1 when anything failed. Each checker's time is printed.
Lighthouse runs beside the other checkers (its own Chromium), except when performance is
measured, which nothing may disturb.
"""

from __future__ import annotations

import tempfile
import time
import unicodedata
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

from showcase.commands.build import DATA_ERRORS, build
from showcase.commands.publicity import publicity
from showcase.engine.live import BuildFailure, LiveState
from showcase.engine.outside_checkers import (
    CheckerUnavailable,
    Finding,
    Scores,
    axe_violations,
    lighthouse_scores,
    nu_errors,
    tools_dir,
)
from showcase.engine.preview import start_server
from showcase.problems import Problem

ALLOWED = "allowed.yaml"
BANNER_KINDS = ("首页 home", "项目 project")
"""The pages on which the preview's banner is judged (it is the same block on every page)."""
BANNER_SAMPLE = BuildFailure(
    DATA_ERRORS,
    problems=(
        Problem(
            "projects/textile/smart-sock.yaml",
            7,
            8,
            rule="schema.enum",
            field="stage（阶段）",
            message="不是允许的值：「<script>alert(1)</script>」",
            hint="写 创意期、初创期 或 成长期。",
        ),
    ),
    details=("Config value 'theme': Unrecognised theme name: 'x'",),
)
"""A failed rebuild as ``invoke serve`` shows it in every page: the banner is judged too."""
SAMPLE: tuple[tuple[str, str], ...] = (
    ("首页 home", ""),
    ("项目目录 directory", "projects/"),
    ("项目 project", "projects/*/"),
    ("学院 college", "colleges/*/"),
    ("导师 mentor", "mentors/*/"),
    ("活动 event", "events/*/"),
    ("路演 roadshow", "roadshows/*/"),
    ("典型案例 case", "cases/[0-9]*/"),
    ("年度汇编 annual report", "cases/annual/*/"),
    ("提交项目 submission form", "submit/"),
    ("开放数据 open data", "data/"),
    ("数据看板 dashboard", "dashboard/"),
    ("学年看板 dashboard year", "dashboard/2025-2026/"),
    ("404", "404.html"),
    ("联系我们 contact", "contact/"),
    ("工作指南 guides", "guides/"),
    ("推荐典型案例 case form", "recommend-case/"),
    ("项目申报 call", "calls/*/"),
)
"""(kind, address pattern): the first page in sorted order that matches is the sample."""
PRINT_SAMPLE: tuple[tuple[str, str], ...] = (
    ("打印版议程 agenda print", "roadshows/*/print.html"),
    ("评分表 score sheet", "roadshows/*/sheet-*.html"),
    ("年度汇编（打印）annual report printed", "cases/annual/*/"),
)
"""Pages made for paper: axe checks them with print media (Lighthouse scores screens)."""
TARGETS = {"accessibility": 95, "best-practices": 100, "seo": 100}
PERFORMANCE = "performance"


@dataclass(frozen=True)
class Allowed:
    """Messages of the theme's own markup that a checker may report, with the reason."""

    messages: dict[str, dict[str, str]]

    def allows(self, finding: Finding) -> bool:
        return finding.message in self.messages.get(finding.checker, {})

    def unused(self, findings: Sequence[Finding]) -> list[str]:
        seen = {(f.checker, f.message) for f in findings}
        return [
            f"{checker}: {message}"
            for checker, entries in self.messages.items()
            for message in entries
            if (checker, message) not in seen
        ]


def load_allowed(path: Path) -> Allowed:
    """The allow-list; an entry without its reason is refused (ValueError says which)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    messages: dict[str, dict[str, str]] = {}
    for checker, entries in data.items():
        for entry in entries or []:
            if not str(entry.get("reason", "")).strip() or not entry.get("message"):
                raise ValueError(f"{path}：{checker} 的每一项都要有 message 和 reason：{entry!r}")
            messages.setdefault(checker, {})[entry["message"]] = entry["reason"]
    return Allowed(messages)


def sample_pages(site: Path, sample: Sequence[tuple[str, str]] = SAMPLE) -> dict[str, str]:
    """Kind → address (relative to the site) of its sample page; kinds absent are left out."""
    chosen = {}
    for kind, pattern in sample:
        if pattern and not pattern.endswith("/"):
            found = sorted(str(page.relative_to(site)) for page in site.glob(pattern))
        else:
            found = sorted(
                str(index.parent.relative_to(site)) + "/"
                for index in site.glob(pattern + "index.html")
            )
            found = [address.removeprefix("./") for address in found]
        if found:
            chosen[kind] = found[0]
    return chosen


def checkers(root: Path, site_dir: Path | None = None, performance: bool = False) -> int:
    """Run the three checkers on `site_dir` (default: a fresh build of the sample site)."""
    with _site(root, site_dir) as site:
        if site is None:
            return 1
        return _judge(root, site, performance)


@contextmanager
def _site(root: Path, site_dir: Path | None) -> Iterator[Path | None]:
    if site_dir is not None:
        if not (site_dir / "index.html").is_file():
            print(f"{site_dir} 不是构建好的网站（没有 index.html）/ not a built site")
            yield None
            return
        yield site_dir
        return
    with tempfile.TemporaryDirectory(prefix="checkers-site-") as folder:
        site = Path(folder) / "site"
        yield site if build(root, site) == 0 else None


def _judge(root: Path, site: Path, performance: bool) -> int:
    allowed = load_allowed(tools_dir(root) / ALLOWED)
    pages = sample_pages(site)
    printed = list(sample_pages(site, PRINT_SAMPLE).values())
    missing = [kind for kind, _ in SAMPLE if kind not in pages]
    if missing:
        print(f"注意：网站里没有这些类型的页面 / no page of kind：{'、'.join(missing)}")
    findings: list[Finding] = []
    failures: list[str] = []
    with (
        _served(site) as base,
        _articles(root) as articles,
        _preview_with_banner(site) as (banner_base, banner_pages),
        ThreadPoolExecutor(max_workers=1) as background,
    ):
        addresses = list(pages.values())
        categories = [*TARGETS, *([PERFORMANCE] if performance else [])]
        # Lighthouse runs its own Chromium beside the other checkers (half the wall time on
        # two cores), unless performance is measured: then nothing may compete with it.
        early = None
        if not performance:
            early = background.submit(lighthouse_scores, root, base, addresses, categories)
        beside = "，与上面的检查同时运行" if early else ""
        lighthouse = f"Lighthouse 移动端（{len(addresses)} 个页面{beside}"
        html_files = sorted(site.rglob("*.html"))
        own_styles = sorted((site / "assets").glob("*.css"))  # the theme's are under stylesheets/
        wechat = sorted(articles.rglob("*.html"))
        title = (
            f"Nu HTML 检查器（{len(html_files)} 个页面，{len(own_styles)} 个样式表，"
            f"{len(wechat)} 篇公众号文章）"
        )
        findings += _timed(title, failures)(
            lambda: nu_errors(
                root,
                site,
                [*html_files, *own_styles, *wechat, *sorted(banner_pages.glob("*.html"))],
                {"publicity": articles, "preview-banner": banner_pages},
            )
        )
        findings += _timed(f"axe-core（{len(addresses)} 个页面 × 浅色/深色）", failures)(
            lambda: axe_violations(root, base, addresses)
        )
        findings += _timed(f"axe-core 打印（{len(printed)} 个页面 × 浅色/深色）", failures)(
            lambda: axe_violations(root, base, printed, media="print")
        )
        banner_on = [address for kind, address in pages.items() if kind in BANNER_KINDS]
        findings += _timed(
            f"axe-core 预览错误横幅（{len(banner_on)} 个页面 × 浅色/深色）", failures
        )(lambda: axe_violations(root, banner_base, banner_on, wait_until="load"))
        scores = _timed(f"{lighthouse}）", failures)(
            early.result if early else lambda: lighthouse_scores(root, base, addresses, categories)
        )
    kinds = {address: kind for kind, address in pages.items()}
    failures += _report_findings(findings, allowed)
    failures += _report_scores(scores, kinds)
    if failures:
        print(f"\n外部检查未通过 / outside checkers FAILED：{len(failures)} 项")
        return 1
    print("\n外部检查全部通过 / outside checkers passed")
    return 0


@contextmanager
def _articles(root: Path) -> Iterator[Path]:
    """The WeChat articles of every case, drafts included, in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="checkers-publicity-") as folder:
        out = Path(folder) / "publicity"
        if publicity(root, True, "", str(out)) != 0:
            print("注意：无法生成公众号文章，未检查 / WeChat articles not written, not checked")
        yield out


@contextmanager
def _preview_with_banner(site: Path) -> Iterator[tuple[str, Path]]:
    """`site` served as ``invoke serve`` serves it after a failed rebuild (`BANNER_SAMPLE`
    in every page), its base URL, and a folder with the served home page for the Nu
    checker (the banner exists only in the served HTML, never in the site's files)."""
    live = LiveState()
    live.failed(BANNER_SAMPLE)
    server = start_server(site, "127.0.0.1", 0, live=live)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with tempfile.TemporaryDirectory(prefix="checkers-banner-") as folder:
            with urllib.request.urlopen(base, timeout=30) as response:
                (Path(folder) / "index.html").write_bytes(response.read())
            yield base, Path(folder)
    finally:
        live.close()
        server.shutdown()
        server.server_close()


@contextmanager
def _served(site: Path) -> Iterator[str]:
    """`site` served on a free local port as a production server would; its base URL."""
    server = start_server(site, "127.0.0.1", 0, production=True)
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def performance(root: Path, site_dir: Path | None = None) -> int:
    """Lighthouse's mobile performance score and metrics on the sample pages, as a table
    (``invoke bench``): measured, reported, never judged."""
    with _site(root, site_dir) as site:
        if site is None:
            return 1
        pages = sample_pages(site)
        with _served(site) as base:
            print(f"\nLighthouse 移动端性能（{len(pages)} 个页面，gzip 与缓存头）", flush=True)
            started = time.perf_counter()
            try:
                scores = lighthouse_scores(root, base, list(pages.values()), [PERFORMANCE])
            except CheckerUnavailable as missing:
                print(f"无法运行 / cannot run：{missing}")
                return 1
    kinds = {address: kind for kind, address in pages.items()}
    metrics = (
        "first-contentful-paint",
        "largest-contentful-paint",
        "total-blocking-time",
        "cumulative-layout-shift",
        "speed-index",
    )
    print(f"{_pad('页面 page', 56)}  分数{'FCP':>10}{'LCP':>10}{'TBT':>10}{'CLS':>8}{'SI':>10}")
    for result in scores:
        label = f"{kinds.get(result.page, '')} /{result.page}"
        values = [result.metrics.get(metric, "-") for metric in metrics]
        widths = (10, 10, 10, 8, 10)
        print(
            f"{_pad(label, 56)}{_score(result.scores.get(PERFORMANCE)):>6}"
            + "".join(f"{value:>{width}}" for value, width in zip(values, widths, strict=True))
            + (f"  运行出错：{result.error}" if result.error else "")
        )
    figures = [r.scores[PERFORMANCE] for r in scores if r.scores.get(PERFORMANCE) is not None]
    if figures:
        print(
            f"最低 / lowest {min(figures)}，中位 / median {sorted(figures)[len(figures) // 2]}，"
            f"用时 / took {time.perf_counter() - started:.0f} s"
        )
    return 0


def _timed(title: str, failures: list[str]) -> Callable[[Callable[[], list]], list]:
    """Run one checker under its heading with its time; a checker that cannot run fails."""

    def run(checker: Callable[[], list]) -> list:
        print(f"\n--- {title} ---", flush=True)
        started = time.perf_counter()
        try:
            result = checker()
        except CheckerUnavailable as missing:
            print(f"无法运行 / cannot run：{missing}")
            failures.append(title)
            return []
        print(f"用时 / took {time.perf_counter() - started:.1f} s", flush=True)
        return result

    return run


def _report_findings(findings: list[Finding], allowed: Allowed) -> list[str]:
    ours = [f for f in findings if not allowed.allows(f)]
    theirs = [f for f in findings if allowed.allows(f)]
    print(
        f"\nNu / axe：{sum(f.count for f in ours)} 处问题，已列入允许清单的主题问题 "
        f"{sum(f.count for f in theirs)} 处 / ours, allowed theme issues"
    )
    for finding in ours:
        print(
            f"✗ [{finding.checker}] {finding.page}：{finding.message}"
            f"（{finding.count} 处 / places: {finding.where}）"
        )
    for stale in allowed.unused(findings):
        print(f"注意：允许清单里的这一项这次没有出现，可以删除 / allowed but not seen：{stale}")
    return [f"{f.checker} {f.page}" for f in ours]


def _report_scores(scores: list[Scores], kinds: dict[str, str]) -> list[str]:
    failed = []
    names = [*TARGETS, PERFORMANCE]
    print(
        f"\nLighthouse（移动端 / mobile）\n{_pad('页面 page', 56)}"
        + "".join(f"{n:>16}" for n in names)
    )
    for result in scores:
        label = f"{kinds.get(result.page, '')} /{result.page}"
        cells = "".join(f"{_score(result.scores.get(n)):>16}" for n in names)
        print(f"{_pad(label, 56)}{cells}  ({result.seconds:.0f} s)")
    for result in scores:
        if result.error:
            failed.append(result.page)
            print(f"✗ [lighthouse] /{result.page}：运行出错 / runtime error：{result.error}")
        for category, target in TARGETS.items():
            score = result.scores.get(category)
            if score is not None and score >= target:
                continue
            failed.append(f"{result.page} {category}")
            audits = "；".join(
                f"{audit['id']}（{audit['title']}）" for audit in result.failing.get(category, [])
            )
            print(
                f"✗ [lighthouse] /{result.page}：{category} {_score(score)} < {target}"
                f"，未通过的审核 / failing audits：{audits or '无 / none'}"
            )
    return failed


def _pad(text: str, width: int) -> str:
    """`text` padded to `width` terminal columns (a Chinese character takes two)."""
    columns = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
    return text + " " * max(width - columns, 1)


def _score(value: int | None) -> str:
    return "-" if value is None else str(value)
