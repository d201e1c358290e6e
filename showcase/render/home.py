"""The home page: what the makerspace is, its numbers, the ladder, featured projects and
the next events, counted in one pass over the projects.

The body is raw HTML (cheap for MkDocs) with a ``data-testid`` on every number so browser
tests can read them back. The ladder is an inline SVG drawn here, scaled to any width.
Which events are "upcoming" depends on the day someone looks, so the page lists the next
few on the publication date (the day 活动 splits upcoming from past on, not the build
stamp, which is the data's last change) and a tiny script hides those already over on
the visitor's clock; the build itself never reads the clock.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from datetime import date

from showcase.model import LEVELS, STAGES, Model, Project
from showcase.render import paths
from showcase.render.cards import card_list, project_card
from showcase.render.chinese_numbers import written_date
from showcase.render.event_pages import iso_time, public_page, upcoming_events
from showcase.render.text import attribute, front_matter, inline

FEATURED_COUNT = 6
EVENTS_SHOWN = 3
EVENTS_RENDERED = 8
"""Rendered beyond the three shown, so some remain after the script hides past ones."""

INTRO = (
    "众创空间是学校为学生创新创业搭建的公共平台。学生团队先在各学院的创业苗圃孵化创意，"
    "成长后进入学校众创空间，再走向校外孵化加速器；一路上有创业导师指导，"
    "有法律援助、知识产权、融资对接等一站式服务，也有路演、沙龙和训练营。"
    "这里展示每一个项目走到了哪一步、取得了哪些成果。"
)


def render_home_page(
    model: Model,
    content_pages: list[tuple[str, str]],
    available: Collection[str],
    as_of: date,
    cases_block: str = "",
) -> str:
    """The source of the home page.

    `content_pages` are ``(docs path, title)`` pairs of hand-written pages to link to;
    `available` holds every docs path the site has, so the page links only to pages
    that exist (a missing one would break the strict build); `as_of` is the publication
    date the upcoming events are counted from; `cases_block` is the ready
    HTML of featured typical cases (`showcase.render.case_pages.featured_cases`).
    """
    site = model.site
    projects = list(model.projects.values())
    levels = Counter(p.level for p in projects)
    stages = Counter(p.stage for p in projects)
    achievements = sum(len(p.achievements) for p in projects)
    tagline = site.tagline or f"{site.school}学生创新创业项目展示"
    directory = paths.href(paths.HOME, paths.DIRECTORY)
    numbers = [
        ("projects", len(projects), "个项目", directory),
        (
            "colleges",
            len(model.colleges),
            "个学院",
            paths.href(paths.HOME, paths.COLLEGES) if paths.COLLEGES in available else "",
        ),
        ("achievements", achievements, "项成果", f"{directory}?sort=achievements"),
        *(
            (f"level-{key}", levels[key], label, filtered_directory("level", key))
            for key, label in LEVELS.items()
        ),
        *(
            (f"stage-{key}", stages[key], label, filtered_directory("stage", key))
            for key, label in STAGES.items()
        ),
    ]
    body = [
        f'<p class="sc-home__tagline">{attribute(tagline)}</p>',
        f"<p>{INTRO}</p>",
        _section("关键数字", _stat_grid(numbers)),
        _section("成长阶梯", ladder_svg(levels)),
        _section("精选项目", _featured(model, projects)),
        _section("典型案例", cases_block),
        _section("近期活动", _events(model, available, as_of)),
        _section("浏览", _links(content_pages, available)),
    ]
    meta = paths.page_styles(
        {"title": site.site_name, "description": tagline, "hide": ["toc"]},
        paths.PAGES_STYLESHEET,
        paths.BROWSE_STYLESHEET,
        paths.CASES_STYLESHEET,
    )
    return (
        f"{front_matter(meta)}\n# {inline(site.site_name)}\n\n"
        '<div class="sc-home">\n' + "\n".join(part for part in body if part) + "\n</div>\n"
    )


def _section(title: str, content: str) -> str:
    return f"<section><h2>{title}</h2>\n{content}\n</section>" if content else ""


def filtered_directory(facet: str, value: str) -> str:
    """The home page's link to the directory showing only one option of one facet; the
    directory's script reads the same query (``?level=incubator``)."""
    return f"{paths.href(paths.HOME, paths.DIRECTORY)}?{facet}={value}"


def _stat_grid(numbers: list[tuple[str, int, str, str]]) -> str:
    """Each number links to the projects (or colleges) it counts, where that page exists."""
    cells = []
    for key, value, label, target in numbers:
        inner = (
            f'<span class="sc-stat__value" data-testid="stat-{key}" data-stat="{key}">{value}'
            f'</span><span class="sc-stat__label">{label}</span>'
        )
        cells.append(
            f'<a class="sc-stat" href="{attribute(target)}">{inner}</a>'
            if target
            else f'<div class="sc-stat">{inner}</div>'
        )
    return f'<div class="sc-stats">{"".join(cells)}</div>'


def ladder_svg(levels: Counter[str]) -> str:
    """The ladder nursery → makerspace → incubator as rising steps with their counts;
    each step links to the directory filtered to its level."""
    width, step, gap, base = 360, 108, 18, 190
    parts = []
    for position, (key, label) in enumerate(LEVELS.items()):
        x = position * (step + gap)
        height = 70 + 45 * position
        top = base - height
        centre = x + step / 2
        # The label's text comes first in the source (SVG places it by its y): a link's
        # name must begin with its visible words in their order (WCAG 2.5.3).
        parts.append(
            f'<a href="{attribute(filtered_directory("level", key))}" '
            f'aria-label="{label} {levels[key]} 个项目">'
            f'<rect class="sc-ladder__step sc-level-{key}" x="{x}" y="{top}" width="{step}" '
            f'height="{height}" rx="8"/>'
            f'<text class="sc-ladder__label" x="{centre:g}" y="{top + 58}" '
            f'text-anchor="middle">{label}</text>'
            f'<text class="sc-ladder__count" x="{centre:g}" y="{top + 36}" text-anchor="middle" '
            f'data-testid="ladder-{key}">{levels[key]}</text></a>'
        )
        if position:
            arrow_y = base - 30
            parts.append(
                f'<path class="sc-ladder__arrow" d="M{x - gap + 3} {arrow_y}h{gap - 8}'
                f'm-5 -5l5 5l-5 5"/>'
            )
    summary = "，".join(f"{label} {levels[key]} 个" for key, label in LEVELS.items())
    return (
        f'<svg class="sc-ladder" viewBox="0 0 {width} {base}" role="group" '
        f'aria-label="项目成长阶梯：{summary}">' + "".join(parts) + "</svg>"
    )


def featured_projects(projects: list[Project]) -> list[Project]:
    """Up to six incubator or growth-stage projects with the most achievements."""
    candidates = [p for p in projects if p.level == "incubator" or p.stage == "growth"]
    candidates.sort(key=lambda p: (-len(p.achievements), p.id))
    return candidates[:FEATURED_COUNT]


def _featured(model: Model, projects: list[Project]) -> str:
    chosen = featured_projects(projects)
    if not chosen:
        return ""
    return card_list([project_card(p, model, paths.HOME) for p in chosen])


def _events(model: Model, available: Collection[str], as_of: date) -> str:
    """The next public events (roadshows included) on the publication date `as_of`, the
    same as 活动's upcoming ones; the script hides any already over."""
    upcoming = [e for e in upcoming_events(model, as_of) if public_page(e) in available]
    upcoming = upcoming[:EVENTS_RENDERED]
    if not upcoming:
        return ""
    items = "".join(
        f'<li data-start="{iso_time(event, event.start)}" data-end="{iso_time(event, event.end)}"'
        f"{' hidden' if position >= EVENTS_SHOWN else ''}>"
        f'<time datetime="{iso_time(event, event.start)}">'
        f"{written_date(event.start[:10])} {event.start[11:]}</time> "
        f'<a href="{paths.href(paths.HOME, public_page(event))}">'
        f"{attribute(event.title)}</a> <span>{attribute(event.location)}</span></li>"
        for position, event in enumerate(upcoming)
    )
    more = ""
    if paths.EVENTS in available:
        more = (
            f'<p><a class="sc-more" href="{paths.href(paths.HOME, paths.EVENTS)}">全部活动</a></p>'
        )
    return (
        f'<ul class="sc-upcoming" data-testid="upcoming-events" data-show="{EVENTS_SHOWN}">'
        f"{items}</ul>{more}"
        f'<script src="{paths.href(paths.HOME, paths.HOME_SCRIPT)}" defer></script>'
    )


def _links(content_pages: list[tuple[str, str]], available: Collection[str]) -> str:
    wanted = [
        (paths.DIRECTORY, "项目名录：筛选全部项目"),
        (paths.COLLEGES, "各学院创业苗圃"),
        (paths.SERVICES, "一站式服务"),
        (paths.MENTORS, "创业导师"),
        (paths.EVENTS, "活动"),
        (paths.OPEN_DATA, "开放数据"),
        *content_pages,
    ]
    items = "".join(
        f'<li><a href="{paths.href(paths.HOME, path)}">{attribute(title)}</a></li>'
        for path, title in dict(wanted).items()
        if path in available
    )
    return f'<ul class="sc-home__links">{items}</ul>'
