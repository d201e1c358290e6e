"""The publicity section (典型案例): case pages, the index, annual reports, the home block.

Every fact on a case page (college, level, stage, fields, milestones, achievements,
mentors, public team) is read from the project in the model; the case contributes only
the headline, lead, pull quote and story. A story is Markdown sanitised by
`showcase.render.text.rich`. In a preview (``drafts``) each case not yet public carries a
banner (草稿 or 待发布) and every publicity page asks search engines not to index it.

Example::

    files, images = render_case_section(model, publicity, font, stamp)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from itertools import groupby
from posixpath import basename

from showcase.cases import CASE_CATEGORIES, TypicalCase
from showcase.fonts import CjkFont
from showcase.model import LEVELS, STAGES, STATUSES, Model
from showcase.render import paths
from showcase.render.case_feed import cases_feed
from showcase.render.case_visibility import Publicity, preview_label, visible_cases
from showcase.render.chinese_numbers import written_date
from showcase.render.html_blocks import anchor, bullet_list, facts, page, rich_block, section
from showcase.render.project_sections import achievements, badge, team, timeline
from showcase.render.share_image import EMPTY_LOGOS, SHARE_IMAGE, share_image
from showcase.render.text import attribute, rich

FEATURED_CASES = 3
CASE_STYLES = (paths.PAGES_STYLESHEET, paths.CASES_STYLESHEET)


def render_case_section(
    model: Model,
    publicity: Publicity,
    font: CjkFont | None,
    stamp: datetime,
    logos: Mapping[str, bytes] = EMPTY_LOGOS,
    image_sizes: Mapping[str, tuple[int, int]] | None = None,
) -> tuple[dict[str, bytes], dict[str, str]]:
    """Every publicity file by docs path, and the story images to publish beside their pages.

    Share images are drawn in `font` (none without it) with the projects' `logos` (by
    repository path); `stamp` dates an empty feed; `image_sizes` are the story images'
    sizes (`RenderInputs.image_sizes`).
    """
    shown = visible_cases(model, publicity)
    pages = {paths.CASES: render_cases_index(model, shown, publicity)}
    files: dict[str, bytes] = {}
    images: dict[str, str] = {}
    for case in shown:
        has_share = font is not None
        pages[paths.case_page(case.id)] = render_case_page(
            case, model, publicity, has_share, image_sizes or {}
        )
        if has_share:
            logo = logos.get(model.projects[case.project].logo)
            files[paths.case_file(case.id, SHARE_IMAGE)] = share_image(case, model, font, logo=logo)
        if case.story and case.story.image:
            images[paths.case_file(case.id, basename(case.story.image))] = case.story.image
    for year, cases in groupby(shown, key=lambda c: c.year):
        pages[paths.case_report(year)] = render_annual_report(year, list(cases), model, publicity)
    public = [case for case in shown if case.is_public_on(publicity.as_of)]
    files[paths.CASES_FEED] = cases_feed(model, public, stamp)
    files.update((path, text.encode("utf-8")) for path, text in pages.items())
    return files, images


def _meta(title: str, description: str, publicity: Publicity) -> dict[str, object]:
    meta: dict[str, object] = {"title": title, "description": description}
    if publicity.drafts:
        meta["robots"] = "noindex, nofollow"
    return meta


def _banner(case: TypicalCase, publicity: Publicity) -> str:
    label = preview_label(case, publicity) if publicity.drafts else ""
    if not label:
        return ""
    return (
        f'<p class="sc-case__banner" role="note" data-testid="case-banner">'
        f"<strong>{attribute(label)}</strong> · 预览，尚未在公开网站发布</p>"
    )


def render_case_page(
    case: TypicalCase,
    model: Model,
    publicity: Publicity,
    has_share_image: bool,
    image_sizes: Mapping[str, tuple[int, int]] | None = None,
) -> str:
    """One case: the office's words, then the facts, all taken from the project."""
    here = paths.case_page(case.id)
    project = model.projects[case.project]
    meta = _meta(case.headline, case.lead, publicity)
    if has_share_image:
        meta["social_image"] = paths.case_file(case.id, SHARE_IMAGE)
    story = case.story
    body = [
        _banner(case, publicity),
        f'<p class="sc-badges">{_category(case)}'
        f'<span class="sc-badge">{case.year} 年度典型案例</span></p>',
        f"<h1>{attribute(case.headline)}</h1>",
        f'<p class="sc-case__lead">{attribute(case.lead)}</p>',
        _figure(case, here, image_sizes or {}),
        section("案例故事", rich_block(rich(story.body)) if story else "", searchable=True),
        f'<blockquote class="sc-case__quote"><p>{attribute(case.quote)}</p></blockquote>',
        f'<p class="sc-meta">撰稿：{attribute(story.author)}</p>' if story and story.author else "",
        section("项目档案", case_facts(case, model, here), css_class="sc-case__facts"),
        section("成长历程", timeline(project.milestones)),
        section("成果", achievements(project.achievements)),
        section("团队", team(project)),
        section("创业导师", _mentors(model, case, here)),
        f"<p>{anchor(paths.href(here, paths.project_page(project.id)), '查看项目主页 →')}"
        f" · {anchor(paths.href(here, paths.CASES), '全部典型案例')}</p>",
    ]
    return page(meta, body, "sc-case", styles=CASE_STYLES)


def _category(case: TypicalCase) -> str:
    return badge("case-category", case.category, CASE_CATEGORIES[case.category])


def _figure(case: TypicalCase, here: str, sizes: Mapping[str, tuple[int, int]]) -> str:
    if not case.story or not case.story.image:
        return ""
    src = paths.href(here, paths.case_file(case.id, basename(case.story.image)))
    alt = case.story.image_alt or case.headline
    size = sizes.get(case.story.image)
    dimensions = f' width="{size[0]}" height="{size[1]}"' if size else ""
    return (
        f'<figure class="sc-case__figure"><img src="{attribute(src)}" '
        f'alt="{attribute(alt)}"{dimensions} loading="lazy"></figure>'
    )


def case_facts(case: TypicalCase, model: Model, here: str) -> str:
    """The facts box: every value from the project record and the registries."""
    project = model.projects[case.project]
    college = model.colleges[project.college]
    fields = "、".join(attribute(model.fields[f].name) for f in project.fields if f in model.fields)
    return facts(
        [
            ("项目", anchor(paths.href(here, paths.project_page(project.id)), project.name)),
            ("所属学院", anchor(paths.href(here, paths.college_page(college.id)), college.name)),
            ("孵化层级", badge("level", project.level, LEVELS[project.level])),
            ("发展阶段", badge("stage", project.stage, STAGES[project.stage])),
            ("状态", attribute(STATUSES[project.status])),
            ("领域", fields),
            ("开始时间", written_date(project.started)),
        ]
    )


def _mentors(model: Model, case: TypicalCase, here: str) -> str:
    project = model.projects[case.project]
    return bullet_list(
        anchor(paths.href(here, paths.mentor_page(m)), model.mentors[m].name)
        + f' <span class="sc-meta">{attribute(model.mentors[m].title)}</span>'
        for m in project.mentors
        if m in model.mentors
    )


def _case_item(case: TypicalCase, model: Model, here: str, publicity: Publicity) -> str:
    project = model.projects[case.project]
    label = preview_label(case, publicity) if publicity.drafts else ""
    mark = f' <span class="sc-case__mark">{attribute(label)}</span>' if label else ""
    return (
        f'<li class="sc-case-item" data-case="{attribute(case.id)}">'
        f"{anchor(paths.href(here, paths.case_page(case.id)), case.headline)}{mark}"
        f'<br><span class="sc-meta">{attribute(model.colleges[project.college].name)} · '
        f"{attribute(project.name)}</span>"
        f"<br>{attribute(case.lead)}</li>"
    )


def render_cases_index(model: Model, shown: list[TypicalCase], publicity: Publicity) -> str:
    """All shown cases by year (newest first), then by category."""
    here = paths.CASES
    meta = _meta("典型案例", "众创空间学生创业典型案例：按年度和类别浏览", publicity)
    feed = paths.href(here, paths.CASES_FEED)
    body = [
        '<p class="sc-case__banner" role="note">预览：包含草稿和尚未到发布日期的案例</p>'
        if publicity.drafts
        else "",
        "<h1>典型案例</h1>",
        "<p>宣传部从各学院的学生创业项目中遴选的典型案例。案例中的学院、孵化层级、成果、"
        "导师和团队信息均来自项目档案。</p>",
        f'<p><a href="{feed}">订阅典型案例（Atom）</a></p>',
    ]
    for year, cases in groupby(shown, key=lambda c: c.year):
        in_year = list(cases)
        report = anchor(paths.href(here, paths.case_report(year)), f"{year} 年度案例汇编（可打印）")
        groups = "".join(
            f'<h3>{CASE_CATEGORIES[category]}</h3><ul class="sc-case-list">'
            + "".join(
                _case_item(c, model, here, publicity) for c in in_year if c.category == category
            )
            + "</ul>"
            for category in CASE_CATEGORIES
            if any(c.category == category for c in in_year)
        )
        body.append(
            section(
                f"{year} 年度",
                f"<p>{report}</p>{groups}",
                searchable=True,
                element_id=f"year-{year}",
            )
        )
    if not shown:
        body.append("<p>暂无已发布的典型案例。</p>")
    return page(meta, body, "sc-cases", styles=CASE_STYLES)


def render_annual_report(
    year: int, cases: list[TypicalCase], model: Model, publicity: Publicity
) -> str:
    """One printable page with every case of `year` (print it to PDF from the browser)."""
    here = paths.case_report(year)
    school = model.site.school
    meta = _meta(
        f"{year} 年度典型案例汇编", f"{school}众创空间 {year} 年度学生创业典型案例", publicity
    )
    entries = []
    for case in cases:
        project = model.projects[case.project]
        entries.append(
            f'<article class="sc-report__case" id="{attribute(case.id)}">'
            f"{_banner(case, publicity)}"
            '<div class="sc-report__head">'
            f'<p class="sc-badges">{_category(case)}</p>'
            f"<h2>{attribute(case.headline)}</h2>"
            f'<p class="sc-case__lead">{attribute(case.lead)}</p>'
            f"{case_facts(case, model, here)}"
            "</div>"
            f"{rich_block(rich(case.story.body)) if case.story else ''}"
            f'<blockquote class="sc-case__quote"><p>{attribute(case.quote)}</p></blockquote>'
            f"<h3>成果</h3>{achievements(project.achievements) or '<p>暂无。</p>'}"
            "</article>"
        )
    body = [
        _cover(year, school, len(cases)),
        f"<h1>{year} 年度典型案例汇编</h1>",
        f'<p class="sc-report__intro">{attribute(school)}众创空间 · 共 {len(cases)} 个案例'
        ' <button type="button" class="md-button sc-report__print" data-action="print">'
        "打印 / 另存为 PDF</button></p>",
        _contents(cases),
        *entries,
        f'<script src="{paths.href(here, paths.REPORT_SCRIPT)}" defer></script>',
    ]
    return page(meta, body, "sc-report", styles=CASE_STYLES)


def _cover(year: int, school: str, count: int) -> str:
    """The printed report's first page (school, makerspace, year); hidden on screen, where
    the page's own heading says the same (``cases.css``)."""
    return (
        '<div class="sc-report__cover" aria-hidden="true">'
        f'<p class="sc-report__school">{attribute(school)}</p>'
        '<p class="sc-report__space">众创空间</p>'
        f'<p class="sc-report__year">{year}</p>'
        '<p class="sc-report__title">学生创业典型案例汇编</p>'
        f'<p class="sc-report__count">共 {count} 个案例</p>'
        "</div>"
    )


def _contents(cases: Iterable[TypicalCase]) -> str:
    return (
        '<ol class="sc-report__contents">'
        + "".join(
            f'<li><a href="#{attribute(c.id)}">{attribute(c.headline)}</a></li>' for c in cases
        )
        + "</ol>"
    )


def featured_cases(model: Model, publicity: Publicity) -> str:
    """The home page's block: the newest public cases, linked (empty when there are none)."""
    public = [c for c in visible_cases(model, publicity) if c.is_public_on(publicity.as_of)]
    newest = sorted(public, key=lambda c: (c.publish_date, c.id), reverse=True)[:FEATURED_CASES]
    if not newest:
        return ""
    items = "".join(_case_item(c, model, paths.HOME, publicity) for c in newest)
    more = anchor(paths.href(paths.HOME, paths.CASES), "全部典型案例")
    return f'<ul class="sc-case-list" data-testid="featured-cases">{items}</ul><p>{more}</p>'
