"""A copy-ready article per typical case for the WeChat official account, plus Markdown.

The rich-text editor of the official-account platform keeps inline ``style`` attributes and
drops ``<style>``, ``<link>``, ``<script>`` and class-based CSS, so the HTML article is one
file in which every element carries its own inline style and nothing else: open it in a
browser, select all, copy, paste. Images are referenced by bare file names and listed in
`Article.images` so the caller copies them beside the file. The editor also strips links to
other sites, so the project page's address is printed as text.

The Markdown version holds the same text for editors that prefer it. Every fact comes from
the project record, exactly as on the case page. Both versions go through the page doors
of `showcase.render.text`: plain text escaped (`attribute` in HTML, `inline` in Markdown),
the story body sanitised (`rich`, and `markdown_source` for the Markdown), because the
office opens the HTML in a browser and pastes the Markdown into editors that render it.

Example::

    article = wechat_article(case, model)
    article.html, article.markdown, article.images   # {"photo.jpg": "content/stories/…"}
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from posixpath import basename
from urllib.parse import quote

from showcase.cases import CASE_CATEGORIES, TypicalCase
from showcase.model import ACHIEVEMENT_TYPES, LEVELS, STAGES, Model
from showcase.render import paths
from showcase.render.chinese_numbers import money, written_date
from showcase.render.csp import inline_document_policy, meta_tag
from showcase.render.exports import site_base_url
from showcase.render.project_sections import hidden_members_note
from showcase.render.text import attribute, inline, markdown_source, rich

_BODY = (
    "margin:0;padding:0;font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;"
    "color:#333333;"
)
_SECTION = "max-width:677px;margin:0 auto;padding:16px;font-size:16px;line-height:1.75;"
_STYLES = {
    "h1": "font-size:22px;line-height:1.4;margin:0 0 12px;color:#1a237e;",
    "h2": "font-size:18px;margin:28px 0 12px;padding-left:10px;border-left:4px solid #ff7043;"
    "color:#1a237e;",
    "h3": "font-size:17px;margin:24px 0 8px;color:#1a237e;",
    "h4": "font-size:17px;margin:24px 0 8px;color:#1a237e;",
    "h5": "font-size:16px;margin:20px 0 8px;",
    "h6": "font-size:16px;margin:20px 0 8px;",
    "p": "margin:0 0 16px;text-align:justify;",
    "blockquote": "margin:16px 0;padding:10px 14px;border-left:4px solid #c5cae9;"
    "background:#f5f6fb;color:#555555;",
    "ul": "margin:0 0 16px;padding-left:22px;",
    "ol": "margin:0 0 16px;padding-left:22px;",
    "li": "margin:0 0 6px;",
    "strong": "color:#1a237e;",
    "table": "border-collapse:collapse;margin:0 0 16px;",
    "th": "border:1px solid #dddddd;padding:4px 8px;",
    "td": "border:1px solid #dddddd;padding:4px 8px;",
}
_LEAD = "margin:0 0 20px;padding:12px 14px;background:#f5f6fb;color:#555555;font-size:15px;"
_QUOTE = (
    "margin:24px 0;padding:14px 16px;border-left:4px solid #ff7043;font-size:18px;"
    "font-weight:bold;color:#1a237e;"
)
_META = "margin:0 0 8px;font-size:14px;color:#666666;"
_IMAGE = "display:block;width:100%;height:auto;margin:0 0 16px;border-radius:4px;"
_BARE_TAG = re.compile(r"<(h[1-6]|p|blockquote|ul|ol|li|strong|table|th|td)>")
_LINK = re.compile(r'<a href="([^"]*)"[^>]*>(.*?)</a>', re.DOTALL)


@dataclass
class Article:
    html: str
    markdown: str
    images: dict[str, str] = field(default_factory=dict)
    """File name beside the article → repository-relative source to copy."""


def styled(html: str) -> str:
    """Sanitised HTML with an inline style on every element and links turned into text."""
    html = _LINK.sub(lambda m: f"{m.group(2)}（{m.group(1)}）", html)
    html = html.replace("<em>", '<span style="font-style:italic;">').replace("</em>", "</span>")
    return _BARE_TAG.sub(lambda m: f'<{m.group(1)} style="{_STYLES[m.group(1)]}">', html)


def _facts(case: TypicalCase, model: Model) -> list[tuple[str, str]]:
    project = model.projects[case.project]
    return [
        ("项目", project.name),
        ("所属学院", model.colleges[project.college].name),
        ("孵化层级", LEVELS[project.level]),
        ("发展阶段", STAGES[project.stage]),
        ("领域", "、".join(model.fields[f].name for f in project.fields if f in model.fields)),
        ("开始时间", written_date(project.started)),
    ]


def _achievement_lines(case: TypicalCase, model: Model) -> list[str]:
    project = model.projects[case.project]
    ordered = sorted(project.achievements, key=lambda a: (a.date, a.title), reverse=True)
    return [
        f"{written_date(a.date)} {ACHIEVEMENT_TYPES[a.type]}：{a.title}"
        + (f"（{money(a.amount_cny)}）" if a.amount_cny is not None else "")
        for a in ordered
    ]


def _people(case: TypicalCase, model: Model) -> tuple[list[str], list[str]]:
    """(mentor lines, team lines): the named members, then how many are not named."""
    project = model.projects[case.project]
    mentors = [
        f"{model.mentors[m].name}（{model.mentors[m].title}）"
        for m in project.mentors
        if m in model.mentors
    ]
    team = [f"{m.name}（{m.role}）" for m in project.team]
    note = hidden_members_note(project)
    return mentors, [*team, note] if note else team


def project_address(case: TypicalCase, model: Model) -> str:
    """The project page's address: absolute with ``site_url``, else site-relative."""
    return site_base_url(model) + paths.url_of(paths.project_page(case.project))


def wechat_article(case: TypicalCase, model: Model) -> Article:
    """The case as one inline-styled HTML file and as Markdown."""
    images: dict[str, str] = {}
    story = case.story
    figure = ""
    if story and story.image:
        name = basename(story.image)
        images[name] = story.image
        alt = attribute(story.image_alt or case.headline)
        figure = f'<img src="{attribute(name)}" alt="{alt}" style="{_IMAGE}">'
    sections = _sections(case, model)
    label = f"{case.year} 年度典型案例 · {CASE_CATEGORIES[case.category]}"
    blocks = [
        f'<p style="{_META}">{attribute(label)}</p>',
        f'<h1 style="{_STYLES["h1"]}">{attribute(case.headline)}</h1>',
        f'<p style="{_LEAD}">{attribute(case.lead)}</p>',
        figure,
        styled(rich(story.body, top=2)) if story else "",
        f'<p style="{_QUOTE}">{attribute(case.quote)}</p>',
        *(_html_list(title, lines) for title, lines in sections),
        f'<p style="{_META}">项目主页：{attribute(project_address(case, model))}</p>',
        f'<p style="{_META}">撰稿：{attribute(story.author)}</p>' if story and story.author else "",
    ]
    body = "\n".join(block for block in blocks if block)
    html = (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"{meta_tag(inline_document_policy())}\n"
        f"<title>{attribute(case.headline)}</title>\n</head>\n"
        f'<body style="{_BODY}">\n<section style="{_SECTION}">\n{body}\n</section>\n'
        "</body>\n</html>\n"
    )
    return Article(html, _markdown(case, model, images, sections), images)


def _sections(case: TypicalCase, model: Model) -> list[tuple[str, list[str]]]:
    """The titled lists both versions of the article end with, from the project data."""
    mentors, team = _people(case, model)
    return [
        ("项目档案", [f"{k}：{v}" for k, v in _facts(case, model) if v]),
        ("主要成果", _achievement_lines(case, model)),
        ("创业导师", mentors),
        ("团队成员", team),
    ]


def _html_list(title: str, lines: list[str]) -> str:
    if not lines:
        return ""
    items = "".join(f'<li style="{_STYLES["li"]}">{attribute(line)}</li>' for line in lines)
    return f'<h2 style="{_STYLES["h2"]}">{title}</h2><ul style="{_STYLES["ul"]}">{items}</ul>'


def _markdown(
    case: TypicalCase, model: Model, images: dict[str, str], sections: list[tuple[str, list[str]]]
) -> str:
    story = case.story
    parts = [
        f"# {inline(case.headline)}",
        f"{case.year} 年度典型案例 · {CASE_CATEGORIES[case.category]}",
        f"> {inline(case.lead)}",
        *(f"![{inline(story.image_alt if story else '')}]({quote(name)})" for name in images),
        markdown_source(story.body) if story else "",
        f"**{inline(case.quote)}**",
        *(_md_list(title, lines) for title, lines in sections),
        f"项目主页：{inline(project_address(case, model))}",
    ]
    return "\n\n".join(part for part in parts if part) + "\n"


def _md_list(title: str, lines: list[str]) -> str:
    return f"## {title}\n\n" + "\n".join(f"- {inline(line)}" for line in lines) if lines else ""
