"""The home page: what the showcase is and the key numbers, counted in one pass."""

from __future__ import annotations

from collections import Counter

from showcase.model import LEVELS, STAGES, Model
from showcase.render import paths
from showcase.render.text import attribute, front_matter, inline


def render_home_page(model: Model, content_pages: list[tuple[str, str]]) -> str:
    """The Markdown source of the home page.

    `content_pages` are ``(docs path, title)`` pairs of the hand-written pages to link to.
    Every number carries a ``data-stat`` attribute so tests can read it back.
    """
    site = model.site
    levels = Counter(p.level for p in model.projects.values())
    stages = Counter(p.stage for p in model.projects.values())
    achievements = sum(len(p.achievements) for p in model.projects.values())
    intro = site.tagline or f"{site.school}学生创新创业项目展示"
    stats = [
        _stat("projects", len(model.projects), "个项目"),
        _stat("colleges", len(model.colleges), "个学院"),
        _stat("achievements", achievements, "项成果"),
    ]
    ladder = [
        _stat(f"level-{key}", levels[key], label) for key, label in LEVELS.items()
    ]
    stage_stats = [_stat(f"stage-{key}", stages[key], label) for key, label in STAGES.items()]
    links = [
        f"- [浏览全部项目]({paths.link(paths.HOME, paths.DIRECTORY)})",
        f"- [各学院创业苗圃]({paths.link(paths.HOME, paths.COLLEGES)})",
        *(f"- [{inline(title)}]({paths.link(paths.HOME, path)})" for path, title in content_pages),
    ]
    return "\n".join(
        [
            front_matter({"description": intro}),
            f"# {inline(site.site_name)}\n",
            f"{inline(intro)}\n",
            _stat_row("sc-stats", stats),
            "## 项目层级\n",
            "学院创业苗圃 → 学校众创空间 → 校外孵化加速器\n",
            _stat_row("sc-stats sc-ladder", ladder),
            "## 发展阶段\n",
            _stat_row("sc-stats", stage_stats),
            "## 浏览\n",
            "\n".join(links) + "\n",
        ]
    )


def _stat(key: str, value: int, label: str) -> str:
    return (
        f'<div class="sc-stat"><span class="sc-stat__value" data-stat="{attribute(key)}">'
        f'{value}</span><span class="sc-stat__label">{attribute(label)}</span></div>'
    )


def _stat_row(css_class: str, stats: list[str]) -> str:
    return f'<div class="{css_class}">\n' + "\n".join(stats) + "\n</div>\n"
