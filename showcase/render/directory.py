"""The project directory (项目名录): filters and cards in the browser, a plain list without.

The page ships no cards. ``assets/directory.js`` loads the compact index
(`showcase.render.directory_index`), then filters, counts, sorts and pages it client-side,
keeping the state in the URL query (``?college=textile,arts&level=nursery&sort=name&page=2``)
so a filtered view can be shared and the back button works. Without JavaScript the same
page is a plain list in pinyin order, paginated at build time: ``projects/index.md`` is
page 1, ``projects/page/<n>.md`` the rest (out of the nav and out of search: the project
pages are what search should find). Bodies are raw HTML, so the Markdown step stays cheap.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from showcase.model import Model, Project
from showcase.render import paths
from showcase.render.directory_index import (
    directory_index,
    facet_counts,
    facet_values,
    facets,
    name_order,
)
from showcase.render.memo import KeptFile, RenderMemo
from showcase.render.text import attribute, front_matter

INDEX = "assets/directory.json"
SCRIPT = paths.asset("directory.js")
PLAIN_PAGE_SIZE = 50
"""Projects per page of the plain list: about N/50 cheap pages."""
CARDS_PER_PAGE = 24
RESULTS_ID = "sc-directory-results"
"""The status line above the cards, which each open facet links to (a long facet such as
the colleges would otherwise stand between a visitor's choice and its results)."""
SORTS = (("newest", "最新启动"), ("name", "名称拼音"), ("achievements", "成果最多"))


def plain_page(number: int) -> str:
    """Docs path of page `number` (from 1) of the plain list."""
    return paths.DIRECTORY if number == 1 else f"projects/page/{number}.md"


def render_directory(model: Model, memo: RenderMemo | None = None) -> dict[str, bytes | KeptFile]:
    """Every file of the directory: its pages and the JSON index (the script is a static
    file of the site, ``assets/directory.js``). With a `memo`, the names' pinyin and each
    plain page whose projects did not change are the previous build's
    (`showcase.render.memo.KeptFile`)."""
    ordered = name_order(model.projects.values(), memo)
    page_count = max(1, math.ceil(len(ordered) / PLAIN_PAGE_SIZE))
    files: dict[str, bytes | KeptFile] = {}
    app_key = None if memo is None else _app_key(model, memo)
    for number in range(1, page_count + 1):

        def render(number: int = number) -> bytes:
            return _plain_page(model, ordered, number, page_count).encode("utf-8")

        if memo is None:
            files[plain_page(number)] = render()
            continue
        first = (number - 1) * PLAIN_PAGE_SIZE
        shown = tuple(
            (memo.digest_of(project), model.colleges[project.college].name)
            for project in ordered[first : first + PLAIN_PAGE_SIZE]
        )
        inputs = (number, page_count, len(ordered), shown, app_key if number == 1 else None)
        files[plain_page(number)] = memo.reuse_file(plain_page(number), memo.key(inputs), render)
    files[INDEX] = directory_index(model, ordered, memo)
    return files


def _app_key(model: Model, memo: RenderMemo) -> bytes:
    """The key of what `_app` reads: the facets and every project's facet values (its
    counts; a changed summary leaves them alone)."""
    values = memo.part_key(FACET_VALUES, model.projects.values(), _facet_values)
    return memo.key((memo.records(tuple(facets(model))), values))


FACET_VALUES = "directory:facet-values"
"""The memo's name for the digest of each project's `facet_values`."""


def _facet_values(project: Project) -> tuple[tuple[str, ...], ...]:
    return tuple(facet_values(project).values())


SEARCH_LINK = (
    '<p class="sc-directory__search"><a href="?q=" data-sc-search>按名称或关键词搜索项目</a></p>\n'
)
"""The way from the directory to search; ``assets/search.js`` opens the search box in place,
and without it Material opens its search for a page loaded with ``?q=``."""


def _plain_page(
    model: Model,
    ordered: Sequence[Project],
    number: int,
    page_count: int,
) -> str:
    page = plain_page(number)
    first = (number - 1) * PLAIN_PAGE_SIZE
    shown = ordered[first : first + PLAIN_PAGE_SIZE]
    title = "项目名录" if number == 1 else f"项目名录（第 {number} 页）"
    matter = front_matter(
        paths.page_styles(
            {
                "title": title,
                "description": f"全部 {len(ordered)} 个学生创业项目，按学院、层级、阶段和领域筛选",
                "search": {"exclude": True},
            },
            paths.BROWSE_STYLESHEET,
        )
    )
    items = "".join(
        _plain_item(project, model.colleges[project.college].name, page) for project in shown
    )
    # One top-level <div> with no blank line: MkDocs can then skip Markdown for the
    # ~N/50 plain pages (see showcase.engine.raw_pages).
    return (
        f'{matter}\n<div class="sc-directory-page"><h1>{attribute(title)}</h1>\n'
        + SEARCH_LINK
        + (_app(model) if number == 1 else "")
        + '<div class="sc-plain" data-testid="plain-list">\n'
        f"<p>共 {len(ordered)} 个项目，按名称拼音排序。第 {number} / {page_count} 页。</p>\n"
        f'<ol class="sc-plain__list" start="{first + 1}">{items}</ol>\n'
        f"{_pager(page, number, page_count)}\n"
        "</div>\n</div>\n"
    )


def _plain_item(project: Project, college: str, page: str) -> str:
    link = paths.href(page, paths.project_page(project.id))
    return (
        f'<li><a href="{attribute(link)}">{attribute(project.name)}</a>'
        f' <span class="sc-plain__college">{attribute(college)}</span>'
        f'<br><span class="sc-plain__summary">{attribute(project.summary)}</span></li>'
    )


def _pager(page: str, number: int, page_count: int) -> str:
    links = []
    if number > 1:
        links.append(f'<a rel="prev" href="{paths.href(page, plain_page(number - 1))}">上一页</a>')
    links.append(f"<span>第 {number} / {page_count} 页</span>")
    if number < page_count:
        links.append(f'<a rel="next" href="{paths.href(page, plain_page(number + 1))}">下一页</a>')
    return '<nav class="sc-pager" aria-label="分页">' + " ".join(links) + "</nav>"


def _app(model: Model) -> str:
    """The filter form and empty result list that ``directory.js`` fills in (hidden until
    it starts). Option counts are rendered for the unfiltered view; the script keeps them
    up to date.

    Each facet folds (one ``<details>`` per facet, closed on a phone), so on a 390 px
    screen the facet titles fit above the first results and a visitor opens only the
    facet they want; the script opens them all on a wide screen."""
    counts = facet_counts(model.projects.values(), {})
    fieldsets = []
    for facet in facets(model):
        options = "".join(
            f'<label class="sc-option"><input type="checkbox" name="{facet.key}" '
            f'value="{attribute(value)}"> <span class="sc-option__label">{attribute(label)}</span>'
            f' <span class="sc-option__count">{counts.get(facet.key, {}).get(value, 0)}</span>'
            "</label>"
            for value, label in facet.options
        )
        title = attribute(facet.title)
        fieldsets.append(
            f'<details class="sc-facet-group" data-group="{facet.key}"><summary>{title}'
            '<span class="sc-facet-group__chosen"></span></summary>'
            f'<fieldset class="sc-facet" data-facet="{facet.key}">'
            f'<legend class="sc-facet__legend">{title}</legend>{options}</fieldset>'
            f'<a class="sc-facet-group__results" href="#{RESULTS_ID}">查看结果</a></details>'
        )
    sort_options = "".join(f'<option value="{key}">{label}</option>' for key, label in SORTS)
    project_url = paths.href(paths.DIRECTORY, paths.project_page("{id}"))
    logo_url = paths.href(paths.DIRECTORY, paths.project_logo("{id}", "logo.{ext}"))
    return (
        f'<div class="sc-directory" id="sc-directory" hidden '
        f'data-index="{paths.href(paths.DIRECTORY, INDEX)}" data-page-size="{CARDS_PER_PAGE}" '
        f'data-project-url="{attribute(project_url)}" data-logo-url="{attribute(logo_url)}">\n'
        '<form class="sc-filters" aria-label="筛选项目">'
        '<div class="sc-filters__bar">'
        f'<label class="sc-sort">排序 <select name="sort">{sort_options}</select></label>'
        '<button type="button" class="md-button sc-reset" data-action="reset">清除筛选</button>'
        "</div>"
        f'<div class="sc-facets">{"".join(fieldsets)}</div></form>\n'
        f'<p class="sc-directory__status" id="{RESULTS_ID}" aria-live="polite" '
        'data-testid="directory-status"></p>\n'
        '<h2 class="sc-visually-hidden">筛选结果</h2>\n'  # the cards' <h3>s sit under it
        '<ul class="sc-cards" data-testid="directory-cards"></ul>\n'
        '<nav class="sc-pager" aria-label="分页" data-testid="directory-pager"></nav>\n'
        "</div>\n"
        f'<script src="{paths.href(paths.DIRECTORY, SCRIPT)}" defer></script>\n'
    )
