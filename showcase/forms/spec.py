"""The submission form's specification: the project schema plus the registries' choices.

The browser form interprets the project schema itself (the same file the validator
compiles), so every limit (required, lengths, patterns, enums, list sizes) has exactly one
source. What the schema cannot say comes from the checked model: which colleges, fields
and mentors exist, which e-mail domains are allowed, where the forge is, and where in
the repository a project's file goes (`showcase.paths`, as templates).

The rules the validator applies beyond the schema travel with it as data (`rules`): the
wording of every message (`showcase.validate.wording`), the date limits and today's
date (the build's publication date), the allowed link
schemes, and which rules it applies (`rule_sets.IN_BROWSER`); and the logo's limits (bytes,
pixels, formats), which the form checks on the chosen image before the file exists. The
browser's engine holds no message or limit of its own.

Example::

    spec = form_spec(model, load_schema(layout.schema("project")), today)
    spec["choices"]["college"]   # [["textile", "纺织科学与工程学院"], ...]
"""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import urlsplit

from showcase.forms.rule_sets import IN_BROWSER, WARNINGS
from showcase.images.decode import ALLOWED_FORMATS, MAX_SIDE
from showcase.model import Model
from showcase.paths import SCHEMA_HEADER, college_folder_path, project_file_path
from showcase.validate.dates import (
    DATE_SHAPE,
    EARLIEST_YEAR,
    FUTURE_TOLERANCE,
    MONTH_HINT,
    MONTH_SPELLING,
)
from showcase.validate.duplicate_names import (
    normalised_names,
    other_project,
    traditional_spellings,
)
from showcase.validate.images import MAX_LOGO_BYTES, MEGABYTE
from showcase.validate.labels import SHOWN_VALUE_LIMIT, TYPE_LABELS
from showcase.validate.personal_text import browser_rules
from showcase.validate.project_rules import SHORT_SUMMARY, SHORTEST_SUMMARY
from showcase.validate.schema_check import LINK_SCHEMES, SCHEME, TYPE_HINTS, URL_PATTERN_PREFIX
from showcase.validate.wording import LIST_SEPARATOR, WORDING

MULTILINE_FIELDS = ("summary", "description")
"""Text fields shown as a text area rather than a one-line input."""

MONTH_FIELDS = ("started",)
"""Month fields the form reads in any spelling `invoke new` reads (2025年3月, 2025/3…) and
writes as ``YYYY-MM`` (`showcase.validate.dates.month_from_spelling`)."""

FORGES = ("github", "gitlab", "gitee", "gitea")


def forge_kind(repository: str, configured: str = "") -> str:
    """The forge named in site.yaml, else guessed from the repository's host."""
    if configured in FORGES:
        return configured
    host = (urlsplit(repository).hostname or "").lower()
    for kind in ("github", "gitee", "gitea"):
        if kind in host:
            return kind
    return "gitlab"


def form_spec(model: Model, schema: dict[str, Any], today: datetime.date) -> dict[str, Any]:
    """Everything the browser form needs, as JSON-ready data; `today` is the build's date."""
    site = model.site
    return {
        "header": SCHEMA_HEADER,
        "schema": schema,
        "multiline": list(MULTILINE_FIELDS),
        "paths": {
            "projectFile": project_file_path("{college}", "{id}"),
            "collegeFolder": college_folder_path("{college}"),
        },
        "choices": {
            "college": [[c.id, c.name] for c in model.colleges.values()],
            "fields": [[f.id, f.name] for f in model.fields.values()],
            "mentors": [
                [m.id, f"{m.name}（{m.title} · {m.organisation}）"] for m in model.mentors.values()
            ],
        },
        "emailDomains": list(site.allowed_email_domains),
        "personalData": browser_rules(site.personal_email_domains),
        "forge": {
            "kind": forge_kind(site.repository, site.forge),
            "repository": site.repository.rstrip("/"),
            "branch": site.default_branch,
        },
        "rules": browser_project_rules(model, today),
        "logo": {
            "maxBytes": MAX_LOGO_BYTES,
            "megabyte": MEGABYTE,
            "maxSide": MAX_SIDE,
            "formats": list(ALLOWED_FORMATS.values()),
        },
    }


def browser_project_rules(model: Model, today: datetime.date) -> dict[str, Any]:
    """The validator's project rules beyond the schema, as the browser's engine reads them
    (the ids and names in use come separately: `taken`)."""
    return {
        "applied": list(IN_BROWSER),
        "advice": list(WARNINGS),
        "summaryAdvice": [SHORTEST_SUMMARY, SHORT_SUMMARY],
        "monthFields": list(MONTH_FIELDS),
        "monthHint": MONTH_HINT,
        **browser_schema_rules(today),
    }


def taken(model: Model) -> dict[str, Any]:
    """The ids and names the site's projects use, for the duplicate checks and the id
    suggestion: every id with its college, every normalised name with the projects using
    it (as `other_project` names them), and the traditional→simplified characters of those
    names. Large at 10,000 projects (≈600 KB), so the page fetches it beside itself
    instead of carrying it (`showcase.render.submit_page.TAKEN`)."""
    return taken_of(taken_inputs(model))


TakenInputs = tuple[tuple[str, str, str, str], ...]
"""Id, name, college id and the college's name (its id when unknown) of every project:
all that `taken_of` reads, so a render can reuse its text while these are equal."""


def taken_inputs(model: Model) -> TakenInputs:
    colleges = {college.id: college.name for college in model.colleges.values()}
    return tuple(
        (p.id, p.name, p.college, colleges.get(p.college, p.college))
        for p in model.projects.values()
    )


def taken_of(projects: TakenInputs) -> dict[str, Any]:
    """`taken` of the projects as `taken_inputs` gives them."""
    names: dict[str, list[list[str]]] = {}
    keys = normalised_names([name for _, name, _, _ in projects])
    for (project_id, name, _, college_name), key in zip(projects, keys, strict=True):
        if key:
            names.setdefault(key, []).append([project_id, other_project(name, college_name)])
    return {
        "ids": {project_id: college for project_id, _, college, _ in projects},
        "names": names,
        "simplified": traditional_spellings(name for _, name, _, _ in projects),
    }


def browser_schema_rules(today: datetime.date) -> dict[str, Any]:
    """What the browser's schema and date checks read, for any record (project or case)."""
    return {
        "wording": {key: list(texts) for key, texts in WORDING.items()},
        "listSeparator": LIST_SEPARATOR,
        "shownValueLimit": SHOWN_VALUE_LIMIT,
        "typeLabels": TYPE_LABELS,
        "typeHints": TYPE_HINTS,
        "today": today.isoformat(),
        "futureDays": FUTURE_TOLERANCE.days,
        "earliestYear": EARLIEST_YEAR,
        "dateShape": DATE_SHAPE,
        "monthSpelling": MONTH_SPELLING,
        "links": {"prefix": URL_PATTERN_PREFIX, "scheme": SCHEME.pattern, "allowed": LINK_SCHEMES},
    }
