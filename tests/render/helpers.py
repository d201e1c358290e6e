"""Shared checks for generated raw-HTML pages, and renders the way a build renders."""

from __future__ import annotations

import dataclasses
import posixpath
import re
from typing import Any

from hypothesis import strategies as st

from showcase.commands.gather import CASE_FORM_SCHEMAS, site_assets
from showcase.fonts import find_cjk_font
from showcase.model import Model, Project
from showcase.render import paths
from showcase.render.case_visibility import Publicity
from showcase.render.clock import build_stamp
from showcase.render.inputs import RenderInputs
from showcase.render.tree import DocsTree, render_docs
from tests.factories import project_schema, shipped_schema


def render_inputs(model: Model, **given: Any) -> RenderInputs:
    """What a build passes to render for `model` (this checkout's schema and static files,
    the data's own build stamp, the installed CJK font), without hand-written pages or git
    dates unless `given`, which overrides any field."""
    stamp = build_stamp(model, "")
    fields: dict[str, Any] = {
        "project_schema": project_schema(),
        "case_schemas": {kind: shipped_schema(kind) for kind in CASE_FORM_SCHEMAS},
        "application_schema": shipped_schema("application"),
        "assets": site_assets(),
        "stamp": stamp,
        "publicity": Publicity(stamp.date()),
        "font": find_cjk_font(),
    }
    return RenderInputs(model, **(fields | given))


def render(model: Model, **given: Any) -> DocsTree:
    """The docs tree a build renders for `model` (see `render_inputs`)."""
    return render_docs(render_inputs(model, **given))


_HREF = re.compile(r'(?:href|src)="([^"]+)"')


def body(page_source: str) -> str:
    """The page without its front matter."""
    return page_source.split("\n---\n", 1)[1] if page_source.startswith("---\n") else page_source


def unresolved_links(tree: DocsTree, page: str) -> list[str]:
    """Relative links on `page` that point at no file of `tree` (or of its images)."""
    known = set(tree.files) | set(tree.images)
    site_files = {_site_file(path) for path in known}
    base = paths.url_of(page).rstrip("/")
    missing = []
    for target in _HREF.findall(tree.files[page].decode()):
        if re.match(r"^(?:[a-z]+:|#)", target):
            continue
        path = target.split("#")[0].split("?")[0]
        resolved = posixpath.normpath(posixpath.join(base, path))
        resolved = "" if resolved == "." else resolved
        if resolved not in site_files and resolved + "/" not in site_files:
            missing.append(target)
    return missing


def _site_file(docs_path: str) -> str:
    return paths.url_of(docs_path)


FIELD_SWAPS = st.tuples(
    st.integers(0, 10_000),
    st.sets(st.sampled_from([f.name for f in dataclasses.fields(Project)]), min_size=1),
)
"""(donor index, field names) for `with_fields_of`."""


def with_fields_of(
    project: Project, projects: list[Project], swap: tuple[int, set[str]]
) -> Project:
    """`project` with some fields (never its id) of another of `projects`: an edit that a
    projection of what some output reads (e.g. the assessment's) must see or may ignore."""
    donor, names = swap
    source = projects[donor % len(projects)]
    return dataclasses.replace(project, **{name: getattr(source, name) for name in names - {"id"}})
