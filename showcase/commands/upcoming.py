"""``invoke upcoming [--date YYYY-MM-DD] [--format text|markdown|json] [--summary FILE]``.

明天将发布: what the scheduled build of `--date` (default: tomorrow in Beijing) will change
compared with the build of the day before, so the publicity office sees a scheduled typical
case before it goes out. Render is pure, so the report renders the docs tree for both days
from the same inputs and compares them: whatever depends on the date (cases by publish
date, events moving from upcoming to past, anything added later) shows up without this
module knowing it. The causes it does know are named beside the pages.

Example::

    ./dev upcoming                          # tomorrow against today, in Chinese
    ./dev upcoming --date 2026-12-15 --format markdown --summary "$GITHUB_STEP_SUMMARY"
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from showcase.assessment.periods import year_of
from showcase.commands.common import validated_model
from showcase.commands.gather import site_inputs
from showcase.model import Model
from showcase.paths import Layout
from showcase.render import paths
from showcase.render.case_form_page import CASE_FORM
from showcase.render.case_visibility import Publicity, visible_cases
from showcase.render.chinese_numbers import written_date
from showcase.render.clock import SHANGHAI
from showcase.render.event_pages import is_upcoming
from showcase.render.submit_page import SUBMIT
from showcase.render.tree import DocsTree, render_docs

FORMATS = ("text", "markdown", "json")
REFUSAL = "数据有错误，无法预告下一次构建的变化。请先按上面的提示修改。"
CHANGES = {"added": "新增", "removed": "删除", "changed": "更新"}
DAILY_PAGES = (SUBMIT, CASE_FORM)
"""Pages every build changes: the forms check dates against the build's day (no date may
lie in the future), so they are named apart rather than as news. The dashboard of the
academic year in progress is one too (it says up to which day its figures count):
`daily_pages`."""


def daily_pages(model: Model, day: datetime.date) -> tuple[str, ...]:
    """`DAILY_PAGES` and, with an assessment plan, the dashboard of `day`'s academic year."""
    if model.assessment is None:
        return DAILY_PAGES
    year = year_of(day.isoformat(), model.assessment.start_month)
    return (*DAILY_PAGES, paths.dashboard_year(year.label))


@dataclass(frozen=True)
class Cause:
    """A dated reason for a change, in Chinese, with the page it concerns."""

    kind: str
    """``case-published`` or ``event-past``."""
    text: str
    page: str
    """Docs path of the page, e.g. ``cases/<id>/index.md``."""


@dataclass(frozen=True)
class PageChange:
    change: str
    """``added``, ``removed`` or ``changed``."""
    path: str
    """Docs path (``.md`` for pages, else the file's own path)."""
    title: str


@dataclass(frozen=True)
class Upcoming:
    day: datetime.date
    before: datetime.date
    causes: list[Cause]
    pages: list[PageChange]
    """Changed pages, except `DAILY_PAGES`."""
    daily: list[PageChange]
    """Changed pages of `DAILY_PAGES` (the forms' date)."""
    files: list[PageChange]
    """Changed files that are not pages: feeds, calendars, data, images."""
    site_url: str
    tomorrow: bool = False
    """`day` is tomorrow in Beijing: the heading says 明天."""


def upcoming(
    root: Path,
    date: str = "",
    fmt: str = "text",
    summary: str = "",
    now: datetime.datetime | None = None,
) -> int:
    """Print what the build of `date` changes against the day before; 0, or 1 on bad input."""
    if fmt not in FORMATS:
        print(f"不支持的输出格式：{fmt}。可选：{'、'.join(FORMATS)}。", file=sys.stderr)
        return 1
    tomorrow = (now or datetime.datetime.now(tz=SHANGHAI)).astimezone(SHANGHAI).date()
    tomorrow += datetime.timedelta(days=1)
    try:
        day = datetime.date.fromisoformat(date) if date else tomorrow
    except ValueError:
        print(f"--date 的日期「{date}」无效：请写成 YYYY-MM-DD，例如 2026-12-15。", file=sys.stderr)
        return 1
    layout = Layout(root)
    model = validated_model(layout, REFUSAL, show_warnings=False)
    if model is None:
        return 1
    inputs = site_inputs(layout, model, Publicity(day - datetime.timedelta(days=1)))
    after = dataclasses.replace(inputs, publicity=Publicity(day))
    report = compare(model, render_docs(inputs), render_docs(after), day)
    report = dataclasses.replace(report, tomorrow=day == tomorrow)
    text = {"text": as_text, "markdown": as_markdown, "json": as_json}[fmt](report)
    print(text, end="")
    if summary:
        try:
            with Path(summary).open("a", encoding="utf-8") as out:
                out.write(as_markdown(report))
        except OSError as error:
            print(f"无法写入摘要文件 {summary}（{error.strerror}）。", file=sys.stderr)
            return 1
    return 0


def compare(model: Model, before: DocsTree, after: DocsTree, day: datetime.date) -> Upcoming:
    """The changes from the docs tree of the day before `day` to that of `day`."""
    previous = day - datetime.timedelta(days=1)
    changes: list[PageChange] = []
    for path in sorted({*before.files, *after.files, *before.images, *after.images}):
        old = before.files.get(path, before.images.get(path))
        new = after.files.get(path, after.images.get(path))
        if old == new:
            continue
        change = "added" if old is None else "removed" if new is None else "changed"
        text = new if new is not None else old
        changes.append(PageChange(change, path, _title(path, text)))
    daily = daily_pages(model, day)
    return Upcoming(
        day=day,
        before=previous,
        causes=dated_causes(model, previous, day),
        pages=[c for c in changes if c.path.endswith(".md") and c.path not in daily],
        daily=[c for c in changes if c.path in daily],
        files=[c for c in changes if not c.path.endswith(".md")],
        site_url=model.site.site_url,
    )


def dated_causes(model: Model, before: datetime.date, day: datetime.date) -> list[Cause]:
    """What the model says changes between the two days, with its page."""
    shown_before = {case.id for case in visible_cases(model, Publicity(before))}
    causes = [
        Cause(
            "case-published",
            f"典型案例「{case.headline}」到了发布日期"
            f"（{written_date(str(case.publish_date))}），上线",
            paths.case_page(case.id),
        )
        for case in visible_cases(model, Publicity(day))
        if case.id not in shown_before
    ]
    causes += [
        Cause(
            "event-past",
            f"活动「{event.title}」（{written_date(event.end[:10])}结束）"
            "从“即将举行”移到“往期活动”",
            paths.EVENTS,
        )
        for event in model.public_events()
        if is_upcoming(event, before) and not is_upcoming(event, day)
    ]
    return causes


_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


def _title(path: str, content: bytes | str) -> str:
    """A page's title from its front matter (else its path)."""
    if not path.endswith(".md") or not isinstance(content, bytes):
        return path
    match = _FRONT_MATTER.match(content.decode("utf-8", errors="replace"))
    try:
        meta = yaml.safe_load(match.group(1)) if match else None
    except yaml.YAMLError:
        meta = None
    title = meta.get("title") if isinstance(meta, dict) else None
    return str(title) if title else path


def _heading(report: Upcoming) -> str:
    when = "明天" if report.tomorrow else written_date(report.day.isoformat())
    return f"{when}将发布（{report.day.isoformat()} 的构建，与 {report.before.isoformat()} 相比）"


def _url(report: Upcoming, path: str) -> str:
    return (
        report.site_url.rstrip("/") + "/" + paths.url_of(path)
        if report.site_url
        else paths.url_of(path)
    )


def as_text(report: Upcoming) -> str:
    """The report for a person at a terminal."""
    lines = [f"{_heading(report)}："]
    if not report.pages and not report.files:
        lines.append("- 网站内容没有变化。")
    lines += [f"- {cause.text}（{_url(report, cause.page)}）" for cause in report.causes]
    if report.pages and not report.causes:
        lines.append("- 没有按日期上线的典型案例或到期的活动；下面的变化来自其他随日期变化的内容。")
    if report.pages:
        lines.append(f"页面变化（{len(report.pages)} 个）：")
        lines += [
            f"  {CHANGES[p.change]}：{p.title}（{_url(report, p.path)}）" for p in report.pages
        ]
    if report.files:
        names = "、".join(f.path for f in report.files)
        lines.append(f"其他文件变化（{len(report.files)} 个，订阅源、日历、数据或图片）：{names}")
    if report.daily:
        names = "、".join(p.title for p in report.daily)
        lines.append(f"（{names}每天都会更新：{_DAILY_REASON}）")
    return "\n".join(lines) + "\n"


_DAILY_REASON = "表单按构建当天的日期检查填写的日期，本学年的数据看板写明数据截至哪一天。"

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!])")


def _escaped(text: str) -> str:
    """Data as literal Markdown text: a title can never become a link, an image or HTML."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def as_markdown(report: Upcoming) -> str:
    """The report as a CI job summary (GitHub's ``$GITHUB_STEP_SUMMARY``, a GitLab artifact)."""
    lines = [f"### {_escaped(_heading(report))}", ""]
    if not report.pages and not report.files:
        lines.append("- 网站内容没有变化。")
    lines += [f"- {_escaped(cause.text)}" for cause in report.causes]
    if report.pages and not report.causes:
        lines.append("- 没有按日期上线的典型案例或到期的活动。")
    if report.pages:
        lines += ["", f"页面变化（{len(report.pages)} 个）：", ""]
        lines += [
            f"- {CHANGES[p.change]}：{_escaped(p.title)}（`{_url(report, p.path)}`）"
            for p in report.pages
        ]
    if report.files:
        lines += ["", f"其他文件变化：{len(report.files)} 个（订阅源、日历、数据或图片）。"]
    return "\n".join(lines) + "\n"


def as_json(report: Upcoming) -> str:
    """The report as data, for a script."""
    data = {
        "date": report.day.isoformat(),
        "compared_with": report.before.isoformat(),
        "causes": [
            {"kind": c.kind, "text": c.text, "url": _url(report, c.page)} for c in report.causes
        ],
        "pages": [
            {"change": p.change, "title": p.title, "url": _url(report, p.path)}
            for p in report.pages
        ],
        "files": [{"change": f.change, "path": f.path} for f in report.files],
        "daily": [_url(report, p.path) for p in report.daily],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
