"""Rules for one project file that JSON Schema cannot express.

They run after the schema check and only look at values of the right type, so a value
the schema already rejected does not produce a second, confusing message. References
to a registry are checked only when that registry could be read: one broken line in
mentors.yaml must not turn into an "unknown mentor" error in every project.

Example::

    ProjectRules(references, schema, today).check(document, file)
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from showcase.load.yamlfile import Document, JsonPath
from showcase.model import LEVELS
from showcase.problems import Problem, Severity
from showcase.validate.contact_rules import school_email_domain
from showcase.validate.dates import DateError, PartialDate, is_before, parse_date, too_far_ahead
from showcase.validate.images import check_logo
from showcase.validate.labels import check_id_matches_file, closest_id, field_label, schema_title
from showcase.validate.wording import LIST_SEPARATOR, wording

Report = Callable[..., None]
"""``report(path, rule, message, hint, severity=ERROR)``: records one problem."""

SHORT_SUMMARY = 20
"""Fewer characters than this is allowed but reads thin on the project's page."""
SHORTEST_SUMMARY = 10
"""Shorter than this the schema refuses the summary (its minLength), so no advice is given."""


@dataclass(frozen=True)
class References:
    """Ids that projects may refer to; None when that registry could not be read."""

    colleges: frozenset[str] | None
    mentors: frozenset[str] | None
    fields: frozenset[str] | None
    email_domains: tuple[str, ...] | None


class ProjectRules:
    def __init__(self, references: References, schema: dict[str, Any], today: datetime.date):
        self.references = references
        self.schema = schema
        self.today = today
        self._labels: dict[JsonPath, str] = {}

    def check(self, document: Document, file: Path) -> list[Problem]:
        """Every cross-record problem of the project in `document`, read from `file`."""
        data = document.data
        if not isinstance(data, dict):
            return []
        found: list[Problem] = []

        def report(
            path: JsonPath, rule: str, message: str, hint: str, severity: Severity = Severity.ERROR
        ) -> None:
            line, column = document.position(path)
            found.append(
                Problem(
                    document.path, line, column, severity, rule, self._label(path), message, hint
                )
            )

        self._identity(data, file, report)
        self._references(data, report)
        self._dates(data, report)
        self._contact(data, report)
        self._advice(data, report)
        if self.reads_other_files(data):
            project_dir = file.parent / file.stem
            title = schema_title(self.schema, ("logo",))
            found += check_logo(document, project_dir, data["logo"], title)
        return found

    @staticmethod
    def reads_other_files(data: Any) -> bool:
        """True when `check` reads a file besides the project's own (its logo), so its
        result may change while the project file does not."""
        logo = data.get("logo") if isinstance(data, dict) else None
        return isinstance(logo, str) and bool(logo)

    def _label(self, path: JsonPath) -> str:
        generic = tuple(0 if isinstance(part, int) else part for part in path)
        if generic not in self._labels:
            self._labels[generic] = schema_title(self.schema, generic)
        return field_label(path, self._labels[generic])

    def _identity(self, data: dict[str, Any], file: Path, report: Report) -> None:
        college = data.get("college")
        check_id_matches_file(data, file, "project.id-filename", "项目编号", report)
        folder = file.parent.name
        known = self.references.colleges
        if isinstance(college, str) and college != folder:
            report(
                ("college",),
                "project.college-folder",
                f"所属学院 {college} 与所在文件夹 projects/{folder}/ 不一致。",
                _college_folder_hint(college, folder, known),
            )
        if isinstance(college, str) and known is not None and college not in known:
            report(
                ("college",),
                "project.unknown-college",
                f"学院编号 {college} 不在学院名录 content/colleges.yaml 里。",
                _suggest(college, known, "新学院请先请众创空间维护人加入学院名录。"),
            )

    def _references(self, data: dict[str, Any], report: Report) -> None:
        for key, rule, known, registry, noun in (
            (
                "mentors",
                "project.unknown-mentor",
                self.references.mentors,
                "content/mentors.yaml",
                "导师",
            ),
            (
                "fields",
                "project.unknown-field",
                self.references.fields,
                "content/fields.yaml",
                "行业领域",
            ),
        ):
            items = data.get(key)
            if known is None or not isinstance(items, list):
                continue
            for index, item in enumerate(items):
                if isinstance(item, str) and item not in known:
                    report(
                        (key, index),
                        rule,
                        f"{noun}编号 {item} 不在{noun}名录 {registry} 里。",
                        _suggest(item, known, f"新{noun}请先请众创空间维护人加入 {registry}。"),
                    )

    def _dates(self, data: dict[str, Any], report: Report) -> None:
        started = self._date(data.get("started"), ("started",), report)
        for index, item in _records(data.get("achievements")):
            self._date(item.get("date"), ("achievements", index, "date"), report)
        previous: PartialDate | None = None
        for index, item in _records(data.get("milestones")):
            path = ("milestones", index, "date")
            date = self._date(item.get("date"), path, report)
            if date is None:
                continue
            if previous is not None and is_before(date, previous):
                report(
                    path,
                    "milestone.order",
                    *wording(
                        "milestone.order",
                        index=index + 1,
                        value=item["date"],
                        previous=_written(previous),
                    ),
                )
            elif started is not None and is_before(date, started):
                report(
                    path,
                    "milestone.before-start",
                    *wording(
                        "milestone.before-start", value=item["date"], started=_written(started)
                    ),
                )
            previous = date
        self._last_milestone(data, report)

    def _date(self, value: Any, path: JsonPath, report: Report) -> PartialDate | None:
        if not isinstance(value, str):
            return None
        try:
            date = parse_date(value)
        except DateError as error:
            report(path, "date.invalid", *wording("date.invalid", value=value, reason=error))
            return None
        if date is not None and too_far_ahead(date, self.today):
            report(
                path,
                "date.future",
                *wording("date.future", value=value, today=self.today.isoformat()),
            )
        return date

    def _last_milestone(self, data: dict[str, Any], report: Report) -> None:
        milestones = [item for _, item in _records(data.get("milestones"))]
        level = data.get("level")
        if not milestones or not isinstance(level, str):
            return
        last = milestones[-1].get("level")
        # A level the schema refuses is reported there; comparing it would only add noise.
        if level in LEVELS and last in LEVELS and last != level:
            report(
                ("level",),
                "milestone.level",
                *wording("milestone.level", level=level, last=last),
                Severity.WARNING,
            )

    def _contact(self, data: dict[str, Any], report: Report) -> None:
        allowed = self.references.email_domains
        domain = school_email_domain(data.get("contact_email"), allowed)
        if domain is not None and allowed is not None:
            report(
                ("contact_email",),
                "email.domain",
                *wording("email.domain", domain=domain, allowed=LIST_SEPARATOR.join(allowed)),
            )

    def _advice(self, data: dict[str, Any], report: Report) -> None:
        summary = data.get("summary")
        if isinstance(summary, str) and SHORTEST_SUMMARY <= len(summary.strip()) < SHORT_SUMMARY:
            report(
                ("summary",),
                "summary.short",
                *wording("summary.short", count=len(summary.strip())),
                Severity.WARNING,
            )
        if data.get("status") == "closed" and data.get("seeking"):
            report(("seeking",), "seeking.closed", *wording("seeking.closed"), Severity.WARNING)


def _records(items: Any) -> list[tuple[int, dict[str, Any]]]:
    """The mapping items of a list value with their index; other shapes are the schema's."""
    if not isinstance(items, list):
        return []
    return [(index, item) for index, item in enumerate(items) if isinstance(item, dict)]


def _written(date: PartialDate) -> str:
    text = f"{date.year:04d}-{date.month:02d}"
    return f"{text}-{date.day:02d}" if date.day else text


def _suggest(value: str, known: frozenset[str], otherwise: str) -> str:
    match = closest_id(value, known)
    return f"是不是 {match}？" if match else otherwise


def _college_folder_hint(college: str, folder: str, known: Collection[str] | None) -> str:
    """The fix for a college that is not its folder's, suggesting only a registered college."""
    if known is None or (college in known and folder in known):
        return f"把 college 改成 {folder}，或把文件移到 projects/{college}/。"
    if college in known:
        return f"把文件移到 projects/{college}/（{folder} 不在学院名录 content/colleges.yaml 里）。"
    if folder in known:
        return f"把 college 改成 {folder}。"
    return "把文件移到学院名录 content/colleges.yaml 里某个学院的文件夹，并把 college 改成那个学院的编号。"
