"""What the renderers read from outside the model, gathered in one place so render stays pure.

Everything a page can depend on besides the checked model is read here, once: the
project schema, the site's static files, the build stamp (``SOURCE_DATE_EPOCH``), the
hand-written pages and their images, the git dates of the project files, the times the
events and roadshows last changed, and the CJK font. `site_inputs` puts them into one `showcase.render.inputs.RenderInputs`.

The static files (CSS and JavaScript) are package data of the render stage, in
``showcase/render/assets/``; `site_assets` reads them here rather than in render, so
that a renderer never opens a file, and a test can hand render any assets it likes.

Example::

    inputs = site_inputs(Layout(root), model, Publicity(day, drafts=False))
    tree = render_docs(inputs)
"""

from __future__ import annotations

import datetime
import functools
import os
from collections.abc import Iterable, Mapping
from importlib import resources
from types import MappingProxyType

from showcase.commands.common import project_schema, shipped_schema
from showcase.engine.git_dates import last_change_dates, last_change_times, newest_change_time
from showcase.fonts import find_cjk_font
from showcase.images import page_image_files
from showcase.images.publish import published_size
from showcase.load.files import regular_files
from showcase.model import Model
from showcase.paths import EVENTS, PROJECTS, ROADSHOWS, Layout
from showcase.render.case_visibility import Publicity
from showcase.render.clock import SHANGHAI, build_stamp
from showcase.render.inputs import RenderInputs

ASSET_SUFFIXES = (".css", ".js")
CASE_FORM_SCHEMAS = ("typical-cases", "story")
"""The schemas the 推荐典型案例 form is built from (`showcase.forms.case_spec`)."""


def site_inputs(
    layout: Layout,
    model: Model,
    publicity: Publicity | None = None,
    record_digests: Iterable[tuple[object, bytes]] = (),
) -> RenderInputs:
    """Everything `render_docs` needs to render the repository at `layout` for `model`.

    `publicity` defaults to the public cases on the day of the build stamp;
    `record_digests` are the validation cache's (`RenderInputs.record_digests`).
    """
    stamp = stamp_of(model)
    return RenderInputs(
        model=model,
        project_schema=project_schema(layout),
        case_schemas={kind: shipped_schema(layout, kind) for kind in CASE_FORM_SCHEMAS},
        application_schema=shipped_schema(layout, "application"),
        assets=site_assets(),
        stamp=stamp,
        publicity=publicity or Publicity(stamp.date()),
        content_pages=read_content_pages(layout),
        content_assets=read_content_assets(layout),
        last_changed=last_change_dates(layout.root),
        font=find_cjk_font(),
        revisions=calendar_revisions(layout, model),
        logos=case_logos(layout, model),
        image_sizes=story_image_sizes(layout, model),
        record_digests=tuple(record_digests),
    )


def case_logos(layout: Layout, model: Model) -> dict[str, bytes]:
    """Repository path → bytes of the logo of every project with a typical case (the
    share images draw them); a logo that cannot be read is left out (its tile shows the
    name's first character), as validation has already reported it."""
    logos = {}
    for case in model.cases.values():
        project = model.projects.get(case.project)
        if project is None or not project.logo:
            continue
        try:
            logos[project.logo] = (layout.root / project.logo).read_bytes()
        except OSError:
            continue
    return logos


def calendar_revisions(layout: Layout, model: Model) -> dict[str, datetime.datetime]:
    """Event or roadshow id → the time of the newest commit that may have changed its
    calendar entries (two ``git log`` runs; nothing outside a Git checkout).

    An event's entries come from its own file. A roadshow's slots come from its file and
    from every project the scheduler may place (a project joining, leaving or renamed moves
    or renames slots), so its time is the newer of its file's and the newest commit under
    ``projects/``: it can only grow, so a changed slot always gets a higher SEQUENCE
    (`showcase.render.ical`), and commits elsewhere (pages, other events) leave it alone.
    """
    times = last_change_times(layout.root, EVENTS, ROADSHOWS)
    projects = newest_change_time(layout.root, PROJECTS) or 0
    by_id = {path.rsplit("/", 1)[-1].removesuffix(".yaml"): t for path, t in times.items()}
    revisions = {event_id: by_id[event_id] for event_id in model.events if event_id in by_id}
    for roadshow_id in model.roadshows:
        if roadshow_id in by_id:
            revisions[roadshow_id] = max(by_id[roadshow_id], projects)
    return {
        record: datetime.datetime.fromtimestamp(seconds, tz=SHANGHAI)
        for record, seconds in sorted(revisions.items())
    }


def stamp_of(model: Model) -> datetime.datetime:
    """The build stamp: ``SOURCE_DATE_EPOCH`` when set, else the newest date in the data."""
    return build_stamp(model, os.environ.get("SOURCE_DATE_EPOCH", ""))


@functools.cache
def site_assets() -> Mapping[str, bytes]:
    """File name → bytes of every static file in ``showcase/render/assets/`` (read once)."""
    folder = resources.files("showcase") / "render" / "assets"
    return MappingProxyType(
        {
            entry.name: entry.read_bytes()
            for entry in sorted(folder.iterdir(), key=lambda entry: entry.name)
            if entry.name.endswith(ASSET_SUFFIXES)
        }
    )


def story_image_sizes(layout: Layout, model: Model) -> dict[str, tuple[int, int]]:
    """Repository path → published width and height of every typical case's story image
    (a few files; their headers only)."""
    sizes = {}
    for case in model.cases.values():
        if case.story and case.story.image:
            try:
                size = published_size((layout.root / case.story.image).read_bytes())
            except OSError:
                size = None
            if size:
                sizes[case.story.image] = size
    return sizes


def read_content_pages(layout: Layout) -> dict[str, str]:
    """File name → text of every hand-written Markdown page, sorted; empty if none."""
    return {
        path.name: path.read_text(encoding="utf-8-sig")
        for path in regular_files(layout.pages_dir, ".md")
    }


def read_content_assets(layout: Layout) -> dict[str, str]:
    """Docs path → repository path of every image of the hand-written pages."""
    return {
        "pages/" + path.relative_to(layout.pages_dir).as_posix(): layout.relative(path)
        for path in page_image_files(layout)
    }
