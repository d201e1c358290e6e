"""Typical cases (content/typical-cases.yaml, content/cases/*.yaml) and their stories
(content/stories/*.md).

A case is an item of the list in content/typical-cases.yaml or a file of its own,
content/cases/<case id>.yaml (what the 推荐典型案例 form creates, so the office never edits
the list); both hold the same fields and obey the same rules, across both places.

Rules beyond the schemas:

* a case names a project that exists and is public. A project is *not public* when its
  status is ``closed`` (已终止: the school no longer presents it) or when every team member
  is marked ``public: false`` (a story about a team nobody may name cannot be told);
* ``approved`` and ``published`` cases name who approved them and a real publish date;
* case ids are unique, and a project has at most one case per year;
* a story ``content/stories/<case id>.md`` belongs to an existing case and says so in its
  front matter (``case:``); its image sits in ``content/stories/<case id>/`` and is checked
  like a project logo.

Members who are not named have no name in the repository at all (the project schema
refuses one), so there is no name here that a case or story could be checked against.

Example::

    checked = check_publicity(layout, projects, all_project_files, personal)
    checked.problems, checked.cases
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from showcase.cases import RELEASED, Story, TypicalCase, case_from_data
from showcase.load.files import regular_files
from showcase.load.front_matter import load_front_matter
from showcase.load.yamlfile import JsonPath, load_yaml
from showcase.paths import Layout, case_file_path, story_folder_path
from showcase.problems import Problem, has_errors
from showcase.validate.dates import DateError, parse_date
from showcase.validate.images import check_image
from showcase.validate.labels import Report, closest_id, reporter, schema_title
from showcase.validate.markup_text import story_body_warnings
from showcase.validate.personal_data import BODY_FIELD, scan_document, scan_story
from showcase.validate.personal_text import PersonalDataRules
from showcase.validate.schema_check import SchemaChecker
from showcase.validate.wording import wording

CASES_FILE = "typical-cases"


@dataclass
class CheckedPublicity:
    cases: dict[str, TypicalCase] = field(default_factory=dict)
    """Empty when there is no selection file or when it has errors."""
    problems: list[Problem] = field(default_factory=list)


def check_publicity(
    layout: Layout,
    projects: Mapping[str, Any],
    project_files: list[Path],
    personal: PersonalDataRules,
) -> CheckedPublicity:
    """Check the selection file and every story; `projects` maps project ids to loaded data.

    A project a case names but `projects` lacks (a partial run) is read from
    `project_files`, so the cost stays one file per case.
    """
    cases_file = layout.registry(CASES_FILE)
    story_files = regular_files(layout.stories_dir, ".md")
    if not cases_file.exists() and not story_files and not layout.cases_dir.is_dir():
        return CheckedPublicity()
    try:
        case_checker = SchemaChecker.from_file(layout.schema("typical-cases"))
        story_checker = SchemaChecker.from_file(layout.schema("story"))
    except (OSError, ValueError) as error:
        return CheckedPublicity(
            problems=[
                Problem(
                    layout.relative(layout.schemas_dir),
                    rule="schema.broken",
                    message=f"无法读取典型案例的数据规范：{error}。",
                    hint="从仓库恢复 schemas/typical-cases.schema.json 和 schemas/story.schema.json。",
                )
            ]
        )
    lookup = _ProjectLookup(projects, {file.stem: file for file in project_files})
    records, problems = _check_cases(layout, case_checker, lookup, personal)
    stories: dict[str, Story] = {}
    for file in story_files:
        story, found = _check_story(layout, file, story_checker, records, personal)
        problems += found
        if story is not None:
            stories[file.stem] = story
    if has_errors(problems):
        return CheckedPublicity(problems=problems)
    cases = sorted(
        (case_from_data(r, stories.get(r["id"])) for r in records.values()),
        key=lambda c: (-c.year, c.publish_date or "9999", c.id),
    )
    return CheckedPublicity({case.id: case for case in cases}, problems)


class _ProjectLookup:
    """Raw project data by id, from the run's loaded projects or read on demand."""

    def __init__(self, loaded: Mapping[str, Any], files: dict[str, Path]):
        self.loaded = loaded
        self.read: dict[str, Any] = {}
        self.files = files

    def ids(self) -> list[str]:
        return sorted(self.files)

    def get(self, project_id: str) -> dict[str, Any] | None:
        if project_id in self.loaded:
            data = self.loaded[project_id]
        else:
            if project_id not in self.read and project_id in self.files:
                document, _ = load_yaml(self.files[project_id], project_id)
                self.read[project_id] = document.data if document else None
            data = self.read.get(project_id)
        return data if isinstance(data, dict) else None


def _check_cases(
    layout: Layout, checker: SchemaChecker, lookup: _ProjectLookup, personal: PersonalDataRules
) -> tuple[dict[str, dict[str, Any]], list[Problem]]:
    """The list in content/typical-cases.yaml, then each content/cases/<id>.yaml."""
    seen = _Seen()
    problems: list[Problem] = []
    file = layout.registry(CASES_FILE)
    if file.exists():
        document, problems = load_yaml(file, layout.relative(file))
        if document is not None:
            problems += checker.check(document)
            problems += scan_document(document, checker.schema, personal)
            items = document.data.get("cases") if isinstance(document.data, dict) else None
            report = reporter(document, checker.schema, problems)
            for index, item in enumerate(items if isinstance(items, list) else ()):
                if isinstance(item, dict):
                    here: JsonPath = ("cases", index)
                    line = document.position((*here, "id"))[0]
                    seen.check(item, here, f"{document.path} 第 {line} 行", lookup, report)
    one_case = SchemaChecker({**checker.schema["properties"]["cases"]["items"]})
    for case_file in regular_files(layout.cases_dir, ".yaml"):
        problems += _check_case_file(layout, case_file, one_case, lookup, personal, seen)
    return seen.records, problems


def _check_case_file(
    layout: Layout,
    file: Path,
    checker: SchemaChecker,
    lookup: _ProjectLookup,
    personal: PersonalDataRules,
    seen: _Seen,
) -> list[Problem]:
    """One case written as its own file: the schema of one list item, its id its name."""
    display = layout.relative(file)
    document, problems = load_yaml(file, display)
    if document is None:
        return problems
    problems += checker.check(document)
    problems += scan_document(document, checker.schema, personal)
    if not isinstance(document.data, dict):
        return problems
    report = reporter(document, checker.schema, problems)
    case_id = document.data.get("id")
    if isinstance(case_id, str) and case_id != file.stem:
        report(
            ("id",),
            "case.id-not-file-name",
            *wording("case.id-not-file-name", id=case_id, name=file.name),
        )
    seen.check(document.data, (), display, lookup, report)
    return problems


class _Seen:
    """The cases met so far (list items, then files): ids and (project, year) pairs."""

    def __init__(self) -> None:
        self.records: dict[str, dict[str, Any]] = {}
        self.where: dict[str, str] = {}
        self.per_year: dict[tuple[str, int], str] = {}

    def check(
        self,
        item: dict[str, Any],
        here: JsonPath,
        where: str,
        lookup: _ProjectLookup,
        report: Report,
    ) -> None:
        case_id = item.get("id")
        if isinstance(case_id, str):
            if case_id in self.where:
                report(
                    (*here, "id"),
                    "case.duplicate-id",
                    *wording("case.duplicate-id", id=case_id, where=self.where[case_id]),
                )
            else:
                self.where[case_id] = where
                self.records[case_id] = item
        _check_project(item, here, lookup, report)
        _check_approval(item, here, report)
        project, year = item.get("project"), item.get("year")
        if isinstance(project, str) and isinstance(year, int):
            if (project, year) in self.per_year:
                report(
                    (*here, "year"),
                    "case.one-per-year",
                    *wording(
                        "case.one-per-year",
                        project=project,
                        year=year,
                        other=self.per_year[project, year],
                    ),
                )
            else:
                self.per_year[project, year] = str(case_id)


def _check_project(
    item: dict[str, Any], here: JsonPath, lookup: _ProjectLookup, report: Report
) -> None:
    project_id = item.get("project")
    if not isinstance(project_id, str):
        return
    path = (*here, "project")
    project = lookup.get(project_id)
    if project is None:
        match = closest_id(project_id, lookup.ids())
        key = "case.unknown-project/match" if match else "case.unknown-project"
        shown = f"{_name_of(lookup.get(match), match)}（{match}）" if match else ""
        report(path, "case.unknown-project", *wording(key, project=project_id, match=shown))
        return
    name = _name_of(project, project_id)
    if project.get("status") == "closed":
        report(path, "case.closed-project", *wording("case.closed-project", project=name))
    team = project.get("team")
    if (
        isinstance(team, list)
        and team
        and all(isinstance(m, dict) and m.get("public") is False for m in team)
    ):
        report(path, "case.non-public-project", *wording("case.non-public-project", project=name))


def _name_of(project: dict[str, Any] | None, project_id: str) -> str:
    """The project's name as the office knows it, else its id."""
    name = project.get("name") if project else None
    return name if isinstance(name, str) and name.strip() else project_id


def _check_approval(item: dict[str, Any], here: JsonPath, report: Report) -> None:
    status, written = item.get("status"), item.get("publish_date")
    if isinstance(written, str):
        try:
            parse_date(written)
        except DateError as error:
            report(
                (*here, "publish_date"),
                "date.invalid",
                *wording("date.invalid/publish", value=written, reason=error),
            )
    if status not in RELEASED:
        return
    label = "已审核" if status == "approved" else "已发布"
    for key, rule in (
        ("approved_by", "case.approver-missing"),
        ("publish_date", "case.publish-date-missing"),
    ):
        if key not in item:
            report((*here, "status"), rule, *wording(rule, status=status, label=label))


def _check_story(
    layout: Layout,
    file: Path,
    checker: SchemaChecker,
    cases: dict[str, dict[str, Any]],
    personal: PersonalDataRules,
) -> tuple[Story | None, list[Problem]]:
    display = layout.relative(file)
    document, body, problems = load_front_matter(file, display)
    if document is None:
        return None, problems
    problems += checker.check(document)
    problems += scan_story(document, checker.schema, personal)
    problems += story_body_warnings(document, body, BODY_FIELD)
    data = document.data if isinstance(document.data, dict) else {}
    report = reporter(document, checker.schema, problems)
    written = data.get("case")
    if file.stem not in cases:
        match = closest_id(file.stem, cases)
        report(
            ("case",),
            "story.unknown-case",
            *wording(
                "story.unknown-case/match" if match else "story.unknown-case",
                id=file.stem,
                match=match,
                case_file=case_file_path(file.stem),
            ),
        )
    elif isinstance(written, str) and written != file.stem:
        report(
            ("case",),
            "story.case-mismatch",
            f"稿件写的案例编号 {written} 与文件名 {file.name} 不一致。",
            f"把 case 改成 {file.stem}，或把文件改名为 {written}.md。",
        )
    image = data.get("image")
    if isinstance(image, str) and image:
        folder = story_folder_path(file.stem) + "/"
        problems += check_image(
            document,
            ("image",),
            file.parent / file.stem,
            folder,
            image,
            schema_title(checker.schema, ("image",)),
        )
    if has_errors(problems):
        return None, problems
    image_path = f"{story_folder_path(file.stem)}/{image}" if image else ""
    return Story(body, data.get("author", ""), image_path, data.get("image_alt", "")), problems
