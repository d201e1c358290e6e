"""The submission form's specification: the project schema plus the registries' choices.

The browser form interprets the project schema itself (the same file the validator
compiles), so every limit (required, lengths, patterns, enums, list sizes) has exactly one
source. What the schema cannot say comes from the checked model: which colleges, fields
and mentors exist, which e-mail domains are allowed, where the forge is, and where in
the repository a project's file goes (`showcase.paths`, as templates).

Example::

    spec = form_spec(model, load_schema(layout.schema("project")))
    spec["choices"]["college"]   # [["textile", "纺织科学与工程学院"], ...]
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from showcase.model import Model
from showcase.paths import SCHEMA_HEADER, college_folder_path, project_file_path
from showcase.validate.personal_text import browser_rules

MULTILINE_FIELDS = ("summary", "description")
"""Text fields shown as a text area rather than a one-line input."""

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


def form_spec(model: Model, schema: dict[str, Any]) -> dict[str, Any]:
    """Everything the browser form needs, as JSON-ready data."""
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
    }
