"""The whole generated docs tree for one model, as data (nothing is written here).

`render_docs` is the render stage's entry point: a pure function from its
`showcase.render.inputs.RenderInputs` to a `DocsTree` the engine writes out and builds.
The same inputs always give the same tree, byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from showcase.assessment import assess
from showcase.assessment.sources import yearly_figures
from showcase.render import paths
from showcase.render.application_form import application_form
from showcase.render.assessment_figures import remembered_count
from showcase.render.assessment_method import render_assessment_method
from showcase.render.call_pages import CALLS, call_page, render_call_page, render_calls_index
from showcase.render.call_pages import NAV_TITLE as CALLS_NAV_TITLE
from showcase.render.call_support import public_support
from showcase.render.case_form_page import CASE_FORM, case_form_file
from showcase.render.case_pages import featured_cases, render_case_section
from showcase.render.college_page import (
    college_page,
    college_page_inputs,
    group_by_college,
    render_colleges_index,
)
from showcase.render.contact import contact_files, render_contact_page
from showcase.render.content_pages import (
    in_reading_order,
    is_staff_guide,
    page_title,
    render_guides_page,
)
from showcase.render.dashboard import dashboard_pages
from showcase.render.directory import render_directory
from showcase.render.event_pages import render_event_files, render_event_page, render_events_index
from showcase.render.exports import open_data_files
from showcase.render.home import render_home_page
from showcase.render.inputs import RenderInputs
from showcase.render.memo import KeptFile, RenderMemo
from showcase.render.mentor_pages import (
    mentor_page,
    mentor_page_inputs,
    projects_by_mentor,
    render_mentors_index,
)
from showcase.render.open_data_page import render_open_data_page
from showcase.render.project_page import project_page, project_page_inputs
from showcase.render.project_pages import ProjectPages
from showcase.render.related import RelatedIndex
from showcase.render.roadshow import paths as roadshow_paths
from showcase.render.roadshow.files import roadshow_files, roadshow_pages
from showcase.render.roadshow.printing import STYLE as PRINT_STYLE
from showcase.render.roadshow.slots import RoadshowSlots
from showcase.render.services_page import render_services_page
from showcase.render.social import social_image
from showcase.render.submit_page import NAV_TITLE as SUBMIT_NAV_TITLE
from showcase.render.submit_page import SUBMIT, submit_form_files

NavEntry = str | dict[str, str]

INLINE_STYLES = (PRINT_STYLE,)
"""Every inline ``<style>`` the render stage writes (in its standalone documents); the
engine allows exactly these in the site's Content-Security-Policy."""


@dataclass(frozen=True)
class DocsTree:
    """A generated docs tree.

    `files` maps docs-relative paths to their bytes; `images` maps docs-relative paths to
    repository-relative image files (logos, story and page images), which the engine
    publishes through `showcase.images.publish` (re-encoded, never copied as they are);
    `nav` is the site navigation in ``mkdocs.yml`` form. Project and college pages are deliberately not in
    `nav`: the theme renders the whole navigation into every page. `kept` holds the files
    a render with a memo took from the previous build without their bytes
    (`showcase.render.memo.KeptFile`); they are files of the tree as much as `files` are.
    """

    files: dict[str, bytes]
    images: dict[str, str]
    nav: list[NavEntry]
    kept: dict[str, KeptFile] = field(default_factory=dict)

    def whole(self) -> DocsTree:
        """The same tree with every kept file's bytes in `files` (rendered again)."""
        if not self.kept:
            return self
        files = {**self.files, **{name: kept.render() for name, kept in self.kept.items()}}
        return DocsTree(files=dict(sorted(files.items())), images=self.images, nav=self.nav)


def render_docs(inputs: RenderInputs, memo: RenderMemo | None = None) -> DocsTree:
    """Render every page of the site for ``inputs.model``.

    With a `memo` of the previous build, an output whose declared inputs did not change (a
    project, college or mentor page; a project's rows and items in the aggregates) is taken
    from it instead of rendered again; the tree is the same either way.
    """
    model, publicity, stamp = inputs.model, inputs.publicity, inputs.stamp
    if memo is not None:
        memo.know(inputs.record_digests)
    content_pages = in_reading_order(inputs.content_pages)
    content_links = [
        (paths.content_page(name), page_title(name, text))
        for name, text in content_pages.items()
        if not is_staff_guide(text)
    ]
    guides = [
        (paths.content_page(name), page_title(name, text))
        for name, text in content_pages.items()
        if is_staff_guide(text)
    ]
    if inputs.case_schemas:
        guides.append((CASE_FORM, "推荐典型案例（表单）"))
    pages: dict[str, str | bytes] = {
        paths.OPEN_DATA: render_open_data_page(model),
        paths.GUIDES: render_guides_page(guides),
    }
    outputs: dict[str, bytes | KeptFile] = {}  # whole files the memo may keep
    groups = group_by_college(model)
    slots = RoadshowSlots(model)
    pages[paths.COLLEGES] = render_colleges_index(model, groups)
    assessment = None
    if model.assessment:
        count = yearly_figures if memo is None else remembered_count(memo)
        assessment = assess(model, model.assessment, publicity.as_of, count)
    if assessment is not None:  # Assessment (issue 16)
        pages.update(dashboard_pages(assessment))
        pages[paths.ASSESSMENT_METHOD] = render_assessment_method(assessment)
    for college in model.colleges.values():
        path = paths.college_page(college.id)
        college_inputs = college_page_inputs(college, groups[college.id], slots, assessment)
        outputs[path] = _memoised(memo, path, college_inputs, college_page)
    images: dict[str, str] = dict(inputs.content_assets)
    related = RelatedIndex(model.projects.values())
    support = public_support(model, publicity.as_of)
    project_pages = (
        None
        if memo is None
        else ProjectPages(memo, model, related, inputs.last_changed, slots, support)
    )
    for project in model.projects.values():
        path = paths.project_page(project.id)
        if project_pages is None:
            page_inputs = project_page_inputs(
                project, model, related, inputs.last_changed, slots, support
            )
            outputs[path] = project_page(page_inputs).encode("utf-8")
        else:
            outputs[path] = project_pages.file(project)
        if project.logo:
            images[paths.project_logo(project.id, project.logo)] = project.logo
    if project_pages is not None:
        project_pages.finish()
    for name, text in content_pages.items():
        pages[paths.content_page(name)] = text
    mentor_projects = projects_by_mentor(model)
    pages[paths.MENTORS] = render_mentors_index(model, mentor_projects)
    for mentor in model.mentors.values():
        path = paths.mentor_page(mentor.id)
        mentor_inputs = mentor_page_inputs(mentor, mentor_projects[mentor.id], model)
        outputs[path] = _memoised(memo, path, mentor_inputs, mentor_page)
    pages[paths.EVENTS] = render_events_index(model, publicity.as_of)
    for event in model.events.values():
        pages[paths.event_page(event.id)] = render_event_page(event, model)
    pages[paths.SERVICES] = render_services_page(model)
    pages.update(roadshow_pages(model))
    pages[paths.CONTACT] = render_contact_page(model)  # Contact (issue 12)
    if model.calls:  # Calls for applications (issue 15)
        pages[CALLS] = render_calls_index(model, publicity.as_of)
        for call in model.calls.values():
            here, schema = call_page(call.id), inputs.application_schema
            form = ""
            if schema is not None and call.accepts_applications(publicity.as_of):
                form = application_form(model, call, schema, publicity.as_of, here)
            pages[here] = render_call_page(call, model, publicity.as_of, form)
    if inputs.case_schemas:  # the publicity office's form: a staff page, under 工作指南
        outputs[CASE_FORM] = case_form_file(
            model,
            inputs.case_schemas,
            publicity.as_of,
            paths.content_page("publicity-guide.md") in pages,
            memo,
        )

    page_names = frozenset(pages)
    files: dict[str, bytes | KeptFile] = {**_encoded(pages), **outputs}
    files.update((paths.asset(name), data) for name, data in inputs.assets.items())
    files[paths.SOCIAL_IMAGE] = social_image()
    files.update(render_event_files(model, stamp, inputs.revisions))
    files.update(render_directory(model, memo))
    files.update(open_data_files(model, stamp, support, memo))
    files.update(roadshow_files(model, stamp, inputs.revisions))
    qr_files, qr_images = contact_files(model, memo)  # Contact (issue 12)
    files.update(qr_files)
    images.update(qr_images)
    files.update(
        submit_form_files(
            model,
            inputs.project_schema,
            publicity.as_of,
            paths.content_page("submit-guide.md") in page_names,
            memo,
        )
    )
    case_files, case_images = render_case_section(
        model, publicity, inputs.font, stamp, inputs.logos, inputs.image_sizes
    )
    files.update(case_files)
    images.update(case_images)
    available = {*files, *images}
    files[paths.HOME] = render_home_page(
        model, content_links, available, publicity.as_of, featured_cases(model, publicity)
    ).encode("utf-8")
    nav: list[NavEntry] = [
        {"首页": paths.HOME},
        {"项目名录": paths.DIRECTORY},
        {"学院": paths.COLLEGES},
        {"创业导师": paths.MENTORS},
        {"活动": paths.EVENTS},
        {roadshow_paths.NAV_TITLE: roadshow_paths.ROADSHOWS},
        {"典型案例": paths.CASES},
        {"一站式服务": paths.SERVICES},
        *([{CALLS_NAV_TITLE: CALLS}] if model.calls else []),
        {"开放数据": paths.OPEN_DATA},
        *([{"数据看板": paths.DASHBOARD}] if paths.DASHBOARD in page_names else []),
        {SUBMIT_NAV_TITLE: SUBMIT},
        {"联系我们": paths.CONTACT},
        *(path for path, _title in content_links),
    ]
    ordered = sorted(files.items())
    return DocsTree(
        files={name: content for name, content in ordered if type(content) is bytes},
        images=dict(sorted(images.items())),
        nav=nav,
        kept={name: content for name, content in ordered if type(content) is KeptFile},
    )


def _encoded(pages: dict[str, str]) -> dict[str, bytes]:
    """The pages' UTF-8 bytes, each taken out of `pages` as it is encoded, so that no page
    is held twice."""
    files = {}
    while pages:
        path, text = pages.popitem()
        files[path] = text.encode("utf-8")
    return files


def _memoised(
    memo: RenderMemo | None, name: str, inputs: Any, render: Callable[[Any], str]
) -> bytes | KeptFile:
    """The bytes of ``render(inputs)``, or with a `memo` the previous build's file when
    `inputs` (a frozen dataclass of declared inputs: `render` reads nothing else) are equal."""
    if memo is None:
        return render(inputs).encode("utf-8")
    return memo.reuse_file(name, memo.declared_key(inputs), lambda: render(inputs).encode("utf-8"))
