"""``invoke deploy [--target T] [--rollback] [--site-dir D] [--no-build] [--today D] [--keep N]``.

Builds the site (the build command's own function, so ``--today`` dates it the same way)
or takes the last good build, then publishes it as a new release of the target
(`showcase.deploy`): upload, atomic switch, smoke test of the live address with an
automatic rollback, pruning to the last N releases. ``--rollback`` points the target's
``current`` at the release before it. Every failure is one Chinese message, and the live
site is as it was unless the message says otherwise.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

from showcase.atomic import OUTPUT_MARKER
from showcase.commands.build import PREVIEW_PREFIX, build
from showcase.deploy import DeployError, publish, release_name, roll_back, transport_for
from showcase.deploy.smoke import check_live
from showcase.deploy.targets import Target, choose_target
from showcase.paths import Layout
from showcase.validate.deploy_rules import deploy_settings
from showcase.validate.report import format_problems

MIN_KEEP = 2


def deploy(
    root: Path,
    target: str = "",
    rollback: bool = False,
    site_dir: Path | None = None,
    no_build: bool = False,
    today: str = "",
    keep: int = 0,
) -> int:
    """Publish (or roll back) the site of the repository at `root`; 0 on success."""
    layout = Layout(root)
    site, problems = deploy_settings(layout)
    if problems:
        print(format_problems(problems, "text"))
    if site is None:
        print("content/site.yaml 有错误，未发布；线上网站没有改动。", file=sys.stderr)
        return 1
    try:
        chosen = _with_keep(choose_target(target, site.get("deploy"), root), keep)
        folder = site_dir or layout.site_dir
        _refuse_a_target_inside(chosen, folder, layout.site_dir)
        if rollback:
            return _roll_back(chosen, site["site_name"])
        if no_build:
            if today:
                raise DeployError("--today 只用于构建；--no-build 发布已有的网站，不能同时使用。")
            _check_last_build(folder)
        elif build(root, folder, False, today) != 0:
            print("构建失败，未发布；线上网站没有改动。", file=sys.stderr)
            return 1
        return _publish(chosen, folder, root, site["site_name"])
    except DeployError as failure:
        print(failure.message, file=sys.stderr)
        return 1


def _with_keep(target: Target, keep: int) -> Target:
    if not keep:
        return target
    if keep < MIN_KEEP:
        raise DeployError(f"--keep 至少是 {MIN_KEEP}：要保留上一个版本才能回滚。")
    return dataclasses.replace(target, keep=keep)


def _refuse_a_target_inside(target: Target, *sites: Path) -> None:
    """A folder target inside a site folder would publish its own earlier releases again
    each time (and the next build would delete it)."""
    if target.kind != "folder":
        return
    place = Path(target.path).resolve()
    for site in sites:
        if place.is_relative_to(site.resolve()):
            raise DeployError(
                f"发布目标 {place} 在网站文件夹 {site} 里面：每次发布都会把之前的版本当作网站"
                "内容再复制一遍，下次构建还会把它们删掉。请把发布目标放在网站文件夹之外，"
                "例如在 content/site.yaml 的 deploy.targets 里写 path: build/deploy，"
                "或用 --target /srv/showcase。线上网站没有改动。"
            )


def _publish(target: Target, folder: Path, root: Path, site_name: str) -> int:
    print(f"正在发布到{target.describe()}……", flush=True)
    with transport_for(target) as transport:
        published = publish(
            transport,
            folder,
            release_name(_short_commit(root)),
            target.keep,
            check_live(target.url, site_name) if target.url else lambda _release: [],
        )
    packed = published.compressed
    encodings = "gzip 和 brotli" if packed.brotli else "gzip（未安装 brotli，跳过 .br）"
    print(
        f"已预压缩 {packed.files} 个文本文件（{encodings}，共写出 {packed.written} 个压缩文件）。"
    )
    if target.url:
        print(f"线上检查通过：{target.url}")
    else:
        print(f"提示：发布目标「{target.name}」没有写 url，跳过了发布后的线上检查。")
    if published.warning:
        print(f"提示：{published.warning}", file=sys.stderr)
    if published.removed:
        print(f"已删除较早的版本：{'、'.join(published.removed)}（保留最近 {target.keep} 个）。")
    before = f"，上一版本 {published.previous}" if published.previous else ""
    print(f"发布完成：当前版本 {published.name}{before}。回滚：./dev deploy --rollback")
    return 0


def _roll_back(target: Target, site_name: str) -> int:
    with transport_for(target) as transport:
        left, now = roll_back(transport)
    print(f"已回滚：{target.describe()} 的当前版本从 {left} 改回 {now}。")
    if not target.url:
        return 0
    failures = check_live(target.url, site_name)(now)
    if failures:
        print(f"回滚后线上检查仍未通过：{'；'.join(failures)}。", file=sys.stderr)
        return 1
    print(f"线上检查通过：{target.url}")
    return 0


def _check_last_build(folder: Path) -> None:
    """Refuse a folder that is not a complete, public build of ours."""
    if not (folder / OUTPUT_MARKER).is_file() or not (folder / "index.html").is_file():
        raise DeployError(
            f"{folder} 里没有完整构建好的网站（缺少 {OUTPUT_MARKER} 标记或首页）："
            "可能从未构建过或上次构建没有完成。请去掉 --no-build，让发布先构建。"
        )
    if PREVIEW_PREFIX in _read(folder / "index.html"):
        raise DeployError(
            f"{folder} 里是草稿预览（含未发布的案例），不能发布。请去掉 --no-build 重新构建。"
        )


def _read(file: Path) -> str:
    try:
        return file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DeployError(f"无法读取 {file}（{error}）。") from None


def _short_commit(root: Path) -> str:
    """The checkout's commit, to name the release; ``nogit`` outside a Git checkout."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--short=7", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return "nogit"
    return done.stdout.strip().lower() if done.returncode == 0 else "nogit"
