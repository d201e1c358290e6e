"""Validate a whole repository, or a chosen set of files, and build the checked model.

Order matters: registries first (projects refer to them), then every project and event.
All problems are collected, never raised, so one run shows every mistake. When files are
chosen (``invoke validate PATH…``) only their problems are reported, but the registries
are still read for references and every project file name still counts for uniqueness.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import gc
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Any

from showcase.assessment_plan import plan_from_data
from showcase.contacts import partner_from_data
from showcase.load.files import path_order, regular_files, symlink_problem
from showcase.load.yamlfile import Document, load_yaml
from showcase.model import (
    Model,
    Project,
    college_from_data,
    event_from_data,
    field_from_data,
    mentor_from_data,
    service_from_data,
    site_from_data,
)
from showcase.paths import QR_IMAGES, Layout, text_under
from showcase.problems import Problem, has_errors, sort_problems
from showcase.validate.application_rules import ProjectIndex
from showcase.validate.assessment_rules import check_assessment
from showcase.validate.cache import ValidationCache
from showcase.validate.cache_files import context_digest
from showcase.validate.call_rules import CallReferences, applied_pairs, check_calls, pairs_of
from showcase.validate.case_rules import check_publicity
from showcase.validate.contact_rules import check_contacts, qr_image_files
from showcase.validate.deploy_rules import check_deploy
from showcase.validate.duplicate_names import check_duplicate_names
from showcase.validate.event_rules import check_event, check_roadshow_repeats
from showcase.validate.images import check_image_files
from showcase.validate.markup_text import markup_warnings
from showcase.validate.page_rules import check_pages
from showcase.validate.personal_data import scan_document
from showcase.validate.personal_text import PersonalDataRules
from showcase.validate.project_rules import ProjectRules, References
from showcase.validate.registries import (
    REGISTRIES,
    LoadedRegistry,
    load_registry,
    scan_registries,
)
from showcase.validate.result import ValidationResult
from showcase.validate.roadshow_rules import (
    RoadshowReferences,
    check_roadshow_files,
    plan_roadshows,
)
from showcase.validate.schema_check import SchemaChecker
from showcase.validate.selection import project_tree, select_files
from showcase.validate.wording import LIST_SEPARATOR, wording

_RECORD_KINDS = ("project", "event", "roadshow", "call", "application", "checkpoint")


def validate_repository(
    layout: Layout,
    only: Sequence[Path] | None = None,
    today: datetime.date | None = None,
    cache: ValidationCache | None = None,
) -> ValidationResult:
    """Check the repository at `layout` (or just the files in `only`), reusing what
    `cache` holds of unchanged project files (`showcase.validate.cache`)."""
    with _collector_paused(cache is not None):
        return _Run(layout, today or datetime.date.today(), cache).validate(only)


def check_project_files(
    layout: Layout, files: Sequence[Path], today: datetime.date | None = None
) -> list[tuple[Project | None, list[Problem]]]:
    """For each project file, its record and the problems of the checks that read that file
    alone (syntax, schema, markup, personal data, the project's own rules against the
    registries): the record is None when one of them is an error. The schemas and
    registries are read once for all the files.

    The rules between records (duplicate ids and names, what events, roadshows and calls
    say of the project) are not run: a full `validate_repository` does that. Its cost does
    not grow with the repository, which is what ``invoke serve`` needs to answer a saved
    file at once (`showcase.engine.fast_page`).
    """
    return _Run(layout, today or datetime.date.today(), None).project_files(files)


class _Run:
    def __init__(self, layout: Layout, today: datetime.date, cache: ValidationCache | None):
        self.layout = layout
        self.today = today
        self.cache = cache
        self.checkers: dict[str, SchemaChecker] = {}
        self.sources: dict[str, bytes] = {}

    def validate(self, only: Sequence[Path] | None) -> ValidationResult:
        linked = [d for d in (self.layout.projects_dir, self.layout.content_dir) if d.is_symlink()]
        if linked:  # everything would be read through the link: read nothing
            return ValidationResult(
                None, [symlink_problem(self.layout.relative(d)) for d in linked], 0
            )
        if only is None:  # one walk of projects/ for everything below
            all_projects, files, links = project_tree(self.layout)
            selection = select_files(self.layout, only, all_projects, (files, links))
        else:
            all_projects = self.layout.project_files()
            selection = select_files(self.layout, only, all_projects)
        kinds = (*_RECORD_KINDS, *(s.kind for s in REGISTRIES.values()))
        try:
            self.sources = {kind: self.layout.schema(kind).read_bytes() for kind in kinds}
            vouched = self.cache is not None and self.cache.prepare(self._schema_bytes())
            for kind in kinds:
                text = self.sources[kind].decode("utf-8")
                self.checkers[kind] = SchemaChecker.from_text(text, meta_checked=vouched)
        except (OSError, ValueError) as error:
            problem = Problem(
                self.layout.relative(self.layout.schemas_dir),
                rule="schema.broken",
                message=f"无法读取数据规范（schemas/）：{error}。",
                hint="从仓库恢复 schemas/ 目录；它由众创空间维护人管理。",
            )
            return ValidationResult(None, [problem], 0)

        registries = {
            name: load_registry(self.layout, spec, self.checkers[spec.kind])
            for name, spec in REGISTRIES.items()
        }
        self.personal = PersonalDataRules.for_site(registries["site"].data, self.today)
        scan_registries(registries, self.checkers, self.personal)
        check_contacts(self.layout, registries, {k: c.schema for k, c in self.checkers.items()})
        check_deploy(self.layout, registries["site"], self.checkers["site"].schema)
        check_assessment(registries, self.checkers["assessment"].schema)
        problems = list(selection.problems)
        for name in selection.registries:
            problems += registries[name].problems

        references = self._references(registries)
        rules = ProjectRules(references, self.checkers["project"].schema, self.today)
        checks = _ProjectChecks(self.checkers["project"], rules, self.personal)
        if self.cache is not None:
            context = context_digest(
                self.personal,
                self.today,
                *(None if ids is None else sorted(ids) for ids in astuple(references)),
            )
            self.cache.begin(self._schema_bytes(), context)
        files_by_id = {file.stem: file for file in all_projects}
        if only is None and len(files_by_id) == len(all_projects):
            duplicates = {}  # no id twice (the usual case): files_by_id lost no file
        else:
            duplicates = _duplicate_stems([*all_projects, *selection.projects])
        projects: dict[str, tuple[Document, Path]] = {}
        for file in selection.projects:
            document, found = self._check_project(file, checks, duplicates)
            problems += found
            if document is not None:
                projects[document.path] = (document, file)
        chosen = set(selection.projects)
        problems += check_duplicate_names(
            self.layout,
            projects.values(),
            (file for file in all_projects if file not in chosen),
            self.checkers["project"].schema,
            {r["id"]: r["name"] for r in registries["colleges"].records if _named(r)},
            self.cache,
        )

        project_ids = frozenset(files_by_id)
        events: list[Document] = []
        for file in selection.events:
            document, found = self._check_event(file, project_ids, registries["mentors"].ids())
            problems += found
            if document is not None:
                events.append(document)

        roadshows = check_roadshow_files(
            selection.roadshows,
            self.layout,
            RoadshowReferences(
                project_ids,
                registries["colleges"].ids(),
                registries["mentors"].ids(),
                registries["fields"].ids(),
                _closed(projects.values()),
                self.today,
            ),
            self.checkers["roadshow"],
            self.personal,
        )
        problems += roadshows.problems
        problems += check_roadshow_repeats(
            events, self._roadshow_titles(roadshows.documents), self.checkers["event"].schema
        )

        data_by_id = _DataById(projects.values())
        publicity = (
            check_publicity(
                self.layout,
                data_by_id,
                all_projects,
                self.personal,
            )
            if selection.publicity
            else None
        )
        problems += publicity.problems if publicity else []
        named = _logo_files(projects.values())
        named |= qr_image_files(self.layout, (registries[n] for n in selection.registries))
        images = [*selection.page_images, *selection.project_images]
        for file in (f for f in images if f not in named):
            problems += self._file_problems(
                "image", file, b"", lambda f=file: check_image_files(self.layout, [f])
            )
        for file in selection.pages:
            problems += self._file_problems(
                "page", file, None, lambda f=file: check_pages(self.layout, [f], self.personal)
            )
        calls = check_calls(
            self.layout,
            (selection.calls, selection.applications, selection.checkpoints),
            CallReferences(
                ProjectIndex(files_by_id, data_by_id),
                registries["colleges"].ids(),
                registries["mentors"].ids(),
                applied_pairs(self.layout)
                if only is not None
                else pairs_of(selection.applications),
            ),
            self.checkers,
            self.personal,
            self.today,
        )
        problems += calls.problems

        problems = sort_problems(problems)
        usable = not has_errors(problems) and all(
            registries[spec.name].document is not None
            for spec in REGISTRIES.values()
            if spec.required
        )
        model = _build_model(registries, projects, events, self.cache) if usable else None
        if self.cache is not None:
            self.cache.finish(complete=only is None)
        if model is not None and publicity is not None:
            model.cases = publicity.cases
        if model is not None:
            model.calls, model.applications = calls.calls, calls.applications
            model.checkpoints = calls.checkpoints
        if model is not None and only is None:
            model.roadshows, planned = plan_roadshows(
                roadshows.documents, model, self.checkers["roadshow"].schema, self.today
            )
            if planned:
                problems, model = sort_problems([*problems, *planned]), None
        return ValidationResult(model, problems, selection.count)

    def project_files(self, files: Sequence[Path]) -> list[tuple[Project | None, list[Problem]]]:
        for kind in ("project", *(spec.kind for spec in REGISTRIES.values())):
            self.checkers[kind] = SchemaChecker.from_file(self.layout.schema(kind))
        registries = {
            name: load_registry(self.layout, spec, self.checkers[spec.kind])
            for name, spec in REGISTRIES.items()
        }
        self.personal = PersonalDataRules.for_site(registries["site"].data, self.today)
        references = self._references(registries)
        rules = ProjectRules(references, self.checkers["project"].schema, self.today)
        checks = _ProjectChecks(self.checkers["project"], rules, self.personal)
        return [self._project_record(file, checks) for file in files]

    def _project_record(
        self, file: Path, checks: _ProjectChecks
    ) -> tuple[Project | None, list[Problem]]:
        document, found = self._check_project(file, checks, {})
        problems = sort_problems(found)
        if document is None or has_errors(problems):
            return None, problems
        return Project.from_data(document.data, document.path), problems

    def _references(self, registries: dict[str, LoadedRegistry]) -> References:
        site = registries["site"].records
        domains = site[0].get("allowed_email_domains") if site else None
        if isinstance(domains, list):
            domains = tuple(d.lower() for d in domains if isinstance(d, str))
        else:
            domains = None
        return References(
            registries["colleges"].ids(),
            registries["mentors"].ids(),
            registries["fields"].ids(),
            domains,
        )

    def _schema_bytes(self) -> list[bytes]:
        """The bytes of every schema read, in the order of their kinds' names."""
        return [self.sources[kind] for kind in sorted(self.sources)]

    def _check_project(
        self, file: Path, checks: _ProjectChecks, duplicates: dict[str, list[Path]]
    ) -> tuple[Document | None, list[Problem]]:
        if self.cache is not None:
            document, problems = self.cache.project(file, _display(self.layout, file), checks)
        else:
            document, problems = load_yaml(file, _display(self.layout, file))
            if document is not None:
                problems += checks.schema(document) + checks.scan(document)
                problems += checks.rules(document, file)
        if document is None:
            return None, problems
        checker = self.checkers["project"]
        # duplicates is empty but for a repository in trouble: no stem of 10,000 paths then
        clashes = [o for o in duplicates.get(file.stem, ()) if o != file] if duplicates else []
        if clashes:
            line, column = document.position(("id",))
            others = LIST_SEPARATOR.join(self.layout.relative(other) for other in clashes)
            message, hint = wording("project.duplicate-id", id=file.stem, others=others)
            problems.append(
                Problem(
                    document.path,
                    line,
                    column,
                    rule="project.duplicate-id",
                    field=f"id（{checker.schema['properties']['id']['title']}）",
                    message=message,
                    hint=hint,
                )
            )
        return document, problems

    def _file_problems(
        self, kind: str, file: Path, context: bytes | None, check: Callable[[], list[Problem]]
    ) -> list[Problem]:
        """`check()` for one page or image, kept by the cache (`context` None: the run's,
        which the personal-data scan reads)."""
        if self.cache is None:
            return check()
        context = self.cache.context if context is None else context
        return self.cache.files.problems(kind, file, _display(self.layout, file), context, check)

    def _roadshow_titles(self, documents: Iterable[Document]) -> dict[str, str]:
        """Every roadshow id (file name) mapped to its title, "" where it was not read."""
        titles = {file.stem: "" for file in regular_files(self.layout.roadshows_dir, ".yaml")}
        for document in documents:
            title = document.data.get("title") if isinstance(document.data, dict) else None
            stem = Path(document.path).stem
            if isinstance(title, str) and stem in titles:
                titles[stem] = title
        return titles

    def _check_event(
        self, file: Path, project_ids: frozenset[str], mentor_ids: frozenset[str] | None
    ) -> tuple[Document | None, list[Problem]]:
        document, problems = load_yaml(file, _display(self.layout, file))
        if document is None:
            return None, problems
        checker = self.checkers["event"]
        problems += checker.check(document)
        problems += check_event(document, file, project_ids, mentor_ids, checker.schema)
        problems += scan_document(document, checker.schema, self.personal)
        problems += markup_warnings(document, checker.schema)
        return document, problems


@dataclass(frozen=True)
class _ProjectChecks:
    """What a project file is checked for, split as `showcase.validate.cache` stores it."""

    checker: SchemaChecker
    rules_of_projects: ProjectRules
    personal: PersonalDataRules

    def schema(self, document: Document) -> list[Problem]:
        return self.checker.check(document) + markup_warnings(document, self.checker.schema)

    def scan(self, document: Document) -> list[Problem]:
        return scan_document(document, self.checker.schema, self.personal)

    def rules(self, document: Document, file: Path) -> list[Problem]:
        return self.rules_of_projects.check(document, file)

    def rules_read_files(self, document: Document) -> bool:
        return ProjectRules.reads_other_files(document.data)


@contextlib.contextmanager
def _collector_paused(paused: bool) -> Iterator[None]:
    """The cyclic collector off (when `paused`) while the project files are checked with a
    cache: each file taken from it leaves a few containers that live until the run ends,
    which the collector would traverse again and again to free nothing (0.05 s at 10,000
    files). Without a cache (a cold run, in a child) every file is parsed: not paused."""
    enabled = paused and gc.isenabled()
    if enabled:
        gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _DataById(Mapping[str, Any]):
    """The loaded projects' data by id, each read only when a rule asks for it (a document
    from the validation cache decodes its data then); indexed on the first question (most
    runs ask none: no typical case, no application)."""

    def __init__(self, projects: Iterable[tuple[Document, Path]]):
        self._projects = projects

    @functools.cached_property
    def _documents(self) -> dict[str, Document]:
        return {file.stem: document for document, file in self._projects}

    def __getitem__(self, project_id: str) -> Any:
        return self._documents[project_id].data

    def __iter__(self) -> Iterator[str]:
        return iter(self._documents)

    def __len__(self) -> int:
        return len(self._documents)


def _closed(projects: Iterable[tuple[Document, Path]]) -> frozenset[str]:
    """Ids of the loaded projects whose status is closed."""
    return frozenset(
        file.stem for document, file in projects if document.top_value("status") == "closed"
    )


def _named(record: dict[str, Any]) -> bool:
    """A registry record with a written id and name (a broken one is reported elsewhere)."""
    return isinstance(record.get("id"), str) and isinstance(record.get("name"), str)


def _display(layout: Layout, file: Path) -> str:
    """`Layout.relative` without its two `resolve` calls when `file` is plainly under root."""
    under = text_under(file, layout.root)
    if under is not None:
        return under
    try:
        return file.relative_to(layout.root).as_posix()
    except ValueError:
        return layout.relative(file)


def _logo_files(projects: Iterable[tuple[Document, Path]]) -> set[Path]:
    """The logo files the loaded projects name (their own field checks them)."""
    logos = set()
    for document, file in projects:
        logo = document.top_value("logo")
        if isinstance(logo, str) and logo:
            logos.add(file.parent / file.stem / logo.replace("\\", "/").removeprefix("./"))
    return logos


def _duplicate_stems(files: list[Path]) -> dict[str, list[Path]]:
    """File name stem → the distinct files of that stem, sorted, where there are several.
    Files are grouped by stem first: only a stem seen twice pays for a set and a sort."""
    by_stem: dict[str, list[Path]] = {}
    for file in files:
        by_stem.setdefault(file.stem, []).append(file)
    clashes: dict[str, list[Path]] = {}
    for stem, group in by_stem.items():
        if len(group) > 1 and len(unique := sorted(set(group), key=path_order)) > 1:
            clashes[stem] = unique
    return clashes


def _build_model(
    registries: dict[str, LoadedRegistry],
    projects: dict[str, tuple[Document, Path]],
    events: list[Document],
    cache: ValidationCache | None,
) -> Model:
    def records(name: str) -> list[dict[str, Any]]:
        return registries[name].records

    def project(source: str, document: Document) -> Project:
        if cache is None:
            return Project.from_data(document.data, source)
        return cache.record(source, lambda: Project.from_data(document.data, source))

    built = sorted(
        (project(source, doc) for source, (doc, _) in projects.items()),
        key=lambda project: project.id,
    )
    event_records = sorted(
        (event_from_data(doc.data) for doc in events), key=lambda event: (event.start, event.id)
    )
    return Model(
        site=site_from_data(records("site")[0]),
        colleges={r["id"]: college_from_data(r) for r in records("colleges")},
        mentors={r["id"]: mentor_from_data(r) for r in records("mentors")},
        fields={r["id"]: field_from_data(r) for r in records("fields")},
        projects={project.id: project for project in built},
        events={event.id: event for event in event_records},
        services={r["id"]: service_from_data(r) for r in records("services")},
        partners={r["id"]: partner_from_data(r, QR_IMAGES) for r in records("partners")},
        assessment=plan_from_data(records("assessment")[0]) if records("assessment") else None,
    )
