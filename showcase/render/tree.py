"""The whole generated docs tree for one model, as data (nothing is written here).

`render_docs` is the render stage's entry point: a pure function from the checked model
(and the hand-written pages) to a `DocsTree` the engine writes out and builds. The same
input always gives the same tree, byte for byte.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

from showcase.model import Model
from showcase.render import paths
from showcase.render.college_page import (
    group_by_college,
    render_college_page,
    render_colleges_index,
)
from showcase.render.content_pages import page_title
from showcase.render.directory import render_directory_page
from showcase.render.home import render_home_page
from showcase.render.project_page import render_project_page

NavEntry = str | dict[str, str]


@dataclass(frozen=True)
class DocsTree:
    """A generated docs tree.

    `files` maps docs-relative paths to their bytes; `copies` maps docs-relative paths to
    repository-relative files to copy unchanged (project logos); `nav` is the site
    navigation in ``mkdocs.yml`` form. Project and college pages are deliberately not in
    `nav`: the theme renders the whole navigation into every page.
    """

    files: dict[str, bytes]
    copies: dict[str, str]
    nav: list[NavEntry]


def render_docs(model: Model, content_pages: Mapping[str, str] | None = None) -> DocsTree:
    """Render every page of the site for `model`.

    `content_pages` maps file names to the text of hand-written pages (see
    `showcase.render.content_pages.read_content_pages`).
    """
    content_pages = dict(sorted((content_pages or {}).items()))
    content_links = [
        (paths.content_page(name), page_title(name, text)) for name, text in content_pages.items()
    ]
    pages: dict[str, str] = {
        paths.HOME: render_home_page(model, content_links),
        paths.DIRECTORY: render_directory_page(model),
    }
    groups = group_by_college(model)
    pages[paths.COLLEGES] = render_colleges_index(model, groups)
    for college in model.colleges.values():
        pages[paths.college_page(college.id)] = render_college_page(college, groups[college.id])
    copies: dict[str, str] = {}
    for project in model.projects.values():
        pages[paths.project_page(project.id)] = render_project_page(project, model)
        if project.logo:
            copies[paths.project_logo(project.id, project.logo)] = project.logo
    for name, text in content_pages.items():
        pages[paths.content_page(name)] = text

    files = {path: text.encode("utf-8") for path, text in pages.items()}
    files[paths.STYLESHEET] = _stylesheet()
    nav: list[NavEntry] = [
        {"首页": paths.HOME},
        {"项目名录": paths.DIRECTORY},
        {"学院": paths.COLLEGES},
        *(path for path, _title in content_links),
    ]
    return DocsTree(files=dict(sorted(files.items())), copies=dict(sorted(copies.items())), nav=nav)


def _stylesheet() -> bytes:
    return resources.files("showcase.render").joinpath("assets/showcase.css").read_bytes()
