"""The application form's specification: the application schema plus one call's terms.

The browser form (``assets/application-form.js``) builds its fields from the schema the
validator compiles, with the same schema keywords (``submit-rules.js``), personal-data
engine (``personal-data.js``) and YAML writer (``yaml-text.js``) as the project form, and
the application rules of `showcase.validate.application_rules` with this call's data:
which projects may apply (eligible on the build's day, not applied yet), the cap, and
the wording of each rule (`showcase.validate.wording`). What the college writes later
(学院推荐意见) is left out of the form; a call that grants money makes the amount and
the budget lines required, as ``application.amount-required`` does.

Example::

    spec = application_form_spec(model, call, load_schema(layout.schema("application")), day)
    spec["projects"]   # {"water-based-ink": ["零醛——…", "chemistry"], ...}
"""

from __future__ import annotations

import copy
import datetime
import posixpath
from typing import Any

from showcase.calls import Call
from showcase.forms.case_spec import forge_urls
from showcase.forms.spec import browser_schema_rules, forge_kind
from showcase.model import Model, Project
from showcase.paths import application_file_path, schema_path
from showcase.validate.personal_text import browser_rules
from showcase.validate.wording import WORDING

COLLEGE_PART = "recommendation"
"""Written by the college in 学院推荐, not by the team: not on the form."""
MONEY_FIELDS = ("requested_amount", "budget_lines")
APPLICATION_RULES_IN_BROWSER = ("application.budget-sum", "application.over-cap")
"""The application rules the form applies itself (eligibility and one application per
project are settled by the projects it offers)."""


def eligible(project: Project, call: Call) -> bool:
    """Whether `project`, as the model has it, meets `call`'s eligibility."""
    size = len(project.team) + project.hidden_members
    return not call.eligibility.unmet(
        project.level, project.stage, project.status, project.college, size
    )


def application_form_spec(
    model: Model, call: Call, schema: dict[str, Any], today: datetime.date
) -> dict[str, Any]:
    """Everything the browser's application form needs for `call`, as JSON-ready data."""
    site = model.site
    form_schema = copy.deepcopy(schema)
    form_schema["properties"].pop(COLLEGE_PART, None)
    if call.budget is None:
        for key in MONEY_FIELDS:
            form_schema["properties"].pop(key, None)
    else:
        form_schema["required"] = [*form_schema.get("required", ()), *MONEY_FIELDS]
    applied = {a.project for a in model.applications_to(call.id)}
    path = application_file_path("{college}", "{project}", call.id)
    rules = browser_schema_rules(today)
    rules["wording"].update({rule: list(WORDING[rule]) for rule in APPLICATION_RULES_IN_BROWSER})
    return {
        "call": call.id,
        "schema": form_schema,
        "multiline": ["plan"],
        "projects": {
            p.id: [p.name, p.college]
            for p in model.projects.values()
            if eligible(p, call) and p.id not in applied
        },
        "cap": call.budget.cap if call.budget else None,
        "paths": {"application": path},
        "header": "# yaml-language-server: $schema="
        + posixpath.relpath(schema_path("application"), posixpath.dirname(path)),
        "personalData": browser_rules(site.personal_email_domains),
        "forge": forge_urls(
            site.repository, forge_kind(site.repository, site.forge), site.default_branch
        ),
        "rules": rules,
    }
