"""Invoke tasks: argument parsing only; each calls one function of `showcase.commands`.

Run `invoke --list` (or `./dev --list`) to see them.
"""

from __future__ import annotations

from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent


def _exit(code: int) -> None:
    if code:
        raise Exit(code=code)


@task(
    iterable=["path"],
    help={
        "path": "只检查这个文件或文件夹（可多次给出）；也可写在 -- 之后：invoke validate -- A B",
        "format": "输出格式：text（默认）、json 或 github",
    },
)
def validate(c, path=None, format="text"):
    """Validate project files and registries against the schemas and cross-record rules."""
    from showcase.commands.validate import validate as run

    _exit(run(ROOT, [*(path or ()), *c.remainder.split()], format))


@task(iterable=["path"], help={"path": "要清理的图片或文件夹（可多次给出；也可写在 -- 之后）"})
def strip_images(c, path=None):
    """Rewrite images without location or personal metadata (what validate asks for)."""
    from showcase.commands.strip_images import strip_images as run

    _exit(run(ROOT, [*(path or ()), *c.remainder.split()]))


@task(
    help={
        "site_dir": "输出目录（默认 site/；--drafts 时默认 build/preview-site/）",
        "drafts": "预览：包含草稿和未到发布日期的典型案例（醒目标注，不可发布）",
        "today": "按这一天判断典型案例是否已到发布日期（YYYY-MM-DD）",
        "clean": "先删除构建缓存（build/cache）和生成的文档树，全部重新生成",
    }
)
def build(c, site_dir="", drafts=False, today="", clean=False):
    """Validate, generate the docs tree and build the site atomically into site/."""
    from showcase.commands.build import build as run

    _exit(run(ROOT, Path(site_dir) if site_dir else None, drafts, today, clean=clean))


@task(
    help={
        "drafts": "预览：包含草稿和未到发布日期的案例（默认写入 build/publicity-preview/）",
        "today": "按这一天判断案例是否已到发布日期（YYYY-MM-DD）",
        "out": "输出目录（默认 build/publicity/）",
    }
)
def publicity(c, drafts=False, today="", out=""):
    """Write WeChat articles, Markdown versions and share images of the typical cases."""
    from showcase.commands.publicity import publicity as run

    _exit(run(ROOT, drafts, today, out))


@task(
    help={
        "year": "评估哪一学年，写成 2025-2026（默认最近一个已结束的学年）",
        "out": "输出目录（默认 build/report/）",
        "today": "按这一天评估（YYYY-MM-DD，默认今天）",
    }
)
def report(c, year="", out="", today=""):
    """Write the assessment's workbook, CSV tables and A4 PDF report for one academic year."""
    from showcase.commands.report import report as run

    _exit(run(ROOT, year, out, today))


@task(help={"roadshow": "只排这一场路演（路演编号）", "out": "输出目录（默认 build/agenda/）"})
def agenda(c, roadshow="", out=""):
    """Schedule the roadshows in content/roadshows/ and write calendars, print and PDF."""
    from showcase.commands.agenda import agenda as run

    _exit(run(ROOT, roadshow, Path(out) if out else None))


@task(
    help={
        "call": "申报编号（content/calls/ 中的文件名，必填）",
        "out": "输出目录（默认 build/calls/<申报编号>/packets/，保密，不进入仓库）",
        "anonymise": "匿名评审材料：不显示团队、学院和导师",
    }
)
def call_packets(c, call="", out="", anonymise=False):
    """Assign a call's reviewers and write their packets: A4 PDF and XLSX score sheet."""
    from showcase.commands.call_packets import call_packets as run

    _exit(run(ROOT, call, Path(out) if out else None, anonymise))


@task(
    help={
        "call": "申报编号（content/calls/ 中的文件名，必填）",
        "scores": "交回的评分表所在的文件夹（必填；放在仓库外或 build/ 下）",
        "out": "输出目录（默认 build/calls/<申报编号>/results/，保密，不进入仓库）",
        "places": "不涉及经费的申报：拟入选的名额（默认全部）",
        "disagreement": "分歧阈值：各评审总分的标准差超过它即提示（默认总分范围的 15%）",
    }
)
def call_results(c, call="", scores="", out="", places="", disagreement=""):
    """Read returned score sheets, rank, allocate and draft the call's decisions."""
    from showcase.commands.call_results import call_results as run

    _exit(
        run(
            ROOT,
            call,
            Path(scores) if scores else None,
            Path(out) if out else None,
            places,
            disagreement,
        )
    )


@task(
    help={
        "call": "申报编号（content/calls/ 中的文件名，必填）",
        "today": "按这一天判断结果是否已公布（YYYY-MM-DD，默认北京时间今天）",
    }
)
def call_apply(c, call="", today=""):
    """Write the level change and milestone of an accepted intake into project files."""
    from showcase.commands.call_apply import call_apply as run

    _exit(run(ROOT, call, today))


@task(help={"today": "按这一天计算（YYYY-MM-DD，默认北京时间今天）"})
def call_checkpoints(c, today=""):
    """List overdue checkpoint reports (中期检查, 结题) of supported projects."""
    from showcase.commands.call_checkpoints import call_checkpoints as run

    _exit(run(ROOT, today))


@task(help={"host": "监听地址", "port": "端口"})
def serve(c, host="127.0.0.1", port=8000):
    """Build, serve site/ locally and rebuild whenever a data file changes (a saved
    project's own page is shown first, before the full rebuild)."""
    from showcase.commands.serve import serve as run

    _exit(run(ROOT, host, int(port)))


@task(
    iterable=["member", "hidden_member"],
    auto_shortflags=False,
    help={
        "college": "学院：序号、中文名称（可只写一部分，如 纺织）或编号（如 textile）",
        "id": "项目编号：小写英文字母、数字、连字符，例如 smart-yarn",
        "name": "项目名称，2–40 字",
        "level": "孵化层级：序号、名称或编号，如 学院创业苗圃 或 nursery（默认学院创业苗圃）",
        "stage": "发展阶段：序号、名称或编号，如 初创期 或 startup（默认种子期）",
        "status": "项目状态：序号、名称或编号，如 在孵 或 active（默认在孵）",
        "fields": "行业领域，1–5 个，用逗号分隔，如 纺织服装,电子信息",
        "summary": "一句话简介，10–200 字",
        "started": "启动时间 年-月，如 2025-03（默认本月）",
        "mentors": "创业导师（可不填），多个用逗号分隔，如 闻思远",
        "member": "公开姓名的成员 姓名:角色[:专业[:年级]]，可多次给出，如 张三:负责人",
        "hidden_member": "不公开姓名的成员 :角色[:专业[:年级]]（冒号开头，不写姓名），可多次给出，如 :算法:计算机",
        "yes": "不提问：只用选项里的内容，缺少或写错就报错退出（脚本和测试用）",
    },
)
def new(
    c,
    college="",
    id="",
    name="",
    level="",
    stage="",
    status="",
    fields="",
    summary="",
    started="",
    mentors="",
    member=None,
    hidden_member=None,
    yes=False,
):
    """Create a new project file: asks in Chinese for what the options do not give."""
    from showcase.commands.new import NewOptions, new_from_options
    from showcase.commands.new import new as run

    options = NewOptions(
        college=college,
        id=id,
        name=name,
        level=level,
        stage=stage,
        status=status,
        fields=fields,
        summary=summary,
        started=started,
        mentors=mentors,
        members=tuple(member or ()),
        hidden_members=tuple(hidden_member or ()),
    )
    _exit(new_from_options(ROOT, options) if yes else run(ROOT, options))


@task(help={"count": "项目数量", "out": "输出目录（一个完整的仓库）", "seed": "随机种子"})
def synth(c, count=1000, out="build/synthetic", seed=7):
    """Write a synthetic repository with COUNT projects (for benchmarks)."""
    from showcase.commands.synth import synth as run

    _exit(run(ROOT, out, int(count), int(seed)))


@task(
    help={
        "count": "合成项目数量（校验基准和构建基准）",
        "large": "另测这个规模的冷构建，算每个项目的成本（例如 30000；默认不测）",
        "preview_sizes": "预览延迟的项目数量，逗号分隔（默认 1000 和 --count）",
        "repeat": "冷构建重复次数（默认：2 次，5000 个项目以上 1 次）",
        "edits": "增量构建时修改的项目文件数（默认 10）",
        "no_browser": "不测浏览器中的预览延迟（不需要 Chromium）",
    }
)
def bench(c, count=10000, large=0, preview_sizes="", repeat=0, edits=10, no_browser=False):
    """Run the benchmarks under benchmarks/ and print the measured figures."""
    from showcase.commands.bench import BuildOptions
    from showcase.commands.bench import bench as run

    options = BuildOptions(int(large), preview_sizes, int(repeat), int(edits), no_browser)
    _exit(run(ROOT, int(count), options))


@task(
    help={
        "site_dir": "检查这个已构建的网站（默认：构建示例网站到临时目录）",
        "performance": "同时测量 Lighthouse 性能分（只报告，不判定）",
    }
)
def checkers(c, site_dir="", performance=False):
    """Nu HTML checker, axe-core and Lighthouse on the built site; fails on any error of ours."""
    from showcase.commands.checkers import checkers as run

    _exit(run(ROOT, Path(site_dir) if site_dir else None, performance))


@task
def lint(c):
    """ruff over the whole repository: lint rules and formatting."""
    from showcase.commands.lint import lint as run

    _exit(run(ROOT))


@task(help={"k": "只运行名字匹配的测试（pytest -k）"})
def test(c, k=""):
    """Run the whole test suite (browser tests need Chromium; with CI=true they must run)."""
    from showcase.commands.test import run_suite as run

    _exit(run(ROOT, ["-k", k] if k else []))


@task(help={"check": "只检查已提交的文件是否最新，不写入（测试和 CI 用）"})
def issue_form(c, check=False):
    """Generate .github/ISSUE_TEMPLATE/new-project.yml from the project schema and registries."""
    from showcase.commands.generated import write_generated as run

    _exit(run(ROOT, "issue-form", check=check))


@task(
    help={
        "body": "议题正文文件（Markdown）",
        "write": "写入 projects/<学院>/<编号>.yaml",
        "format": "输出格式：text（默认）、json 或 github",
    }
)
def from_issue(c, body, write=False, format="text"):
    """Turn a submitted issue-form body into a project file and validate it."""
    from showcase.commands.from_issue import from_issue as run

    _exit(run(ROOT, body, write, format))


@task(
    help={
        "base": "目标分支或提交，例如 origin/main",
        "head": "合并请求的提交（默认 HEAD）；只从 git 对象里读取，从不检出或运行",
        "author": "合并请求发起人在代码托管平台上的用户名（必填；为空则检查不通过）",
        "format": "输出格式：text（默认）、json 或 github",
        "summary": "把审阅摘要（Markdown）写入这个文件",
    }
)
def check_pr(c, base, head="HEAD", author="", format="text", summary=""):
    """Judge a pull request with this checkout's program: ownership, data, personal data."""
    from showcase.commands.check_pr import check_pr as run

    _exit(run(ROOT, base, author, format, summary, head=head))


@task(
    help={
        "date": "预告这一天的构建（YYYY-MM-DD；默认明天，北京时间），与前一天相比",
        "format": "输出格式：text（默认）、markdown 或 json",
        "summary": "另把 Markdown 报告追加到这个文件（如 CI 的 $GITHUB_STEP_SUMMARY）",
    }
)
def upcoming(c, date="", format="text", summary=""):
    """明天将发布: what the next scheduled build changes against today's (pages, causes)."""
    from showcase.commands.upcoming import upcoming as run

    _exit(run(ROOT, date, format, summary))


@task(help={"check": "只检查已提交的文件是否最新，不写入"})
def codeowners(c, check=False):
    """Generate CODEOWNERS from the maintainers in content/site.yaml and colleges.yaml."""
    from showcase.commands.generated import write_generated as run

    _exit(run(ROOT, "codeowners", check=check))


@task
def manifest(c):
    """Rebuild the sample site and rewrite tests/engine/site-manifest.txt (review its diff)."""
    from showcase.commands.manifest import manifest as run

    _exit(run(ROOT))


@task
def ci(c):
    """What every CI runs: lint, validate, a strict build, then the tests (last)."""
    from showcase.commands.ci import ci as run

    _exit(run(ROOT))


@task
def screenshots(c):
    """Rebuild the submission guide's screenshots (content/pages/img/) with Chromium."""
    from showcase.commands.screenshots import screenshots as run

    _exit(run(ROOT))


@task(
    help={
        "target": "发布目标：content/site.yaml 里 deploy.targets 的名称，或文件夹路径，或 ssh://用户@主机:端口/路径",
        "rollback": "把线上网站切回上一个版本（不构建、不上传）",
        "site_dir": "要发布的网站目录（默认 site/）",
        "no_build": "不重新构建，发布上次完整构建好的网站",
        "today": "构建时按这一天判断要发布的内容（YYYY-MM-DD）",
        "keep": "目标上保留最近几个版本（默认按目标设置，否则 5）",
    }
)
def deploy(c, target="", rollback=False, site_dir="", no_build=False, today="", keep=0):
    """Build and publish the site to a target atomically (releases, rollback, smoke test)."""
    from showcase.commands.deploy import deploy as run

    _exit(run(ROOT, target, rollback, Path(site_dir) if site_dir else None, no_build, today, keep))
