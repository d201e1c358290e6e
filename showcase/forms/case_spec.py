"""The 推荐典型案例 form's specification: the typical-case and story schemas plus the site's projects.

The browser form (``assets/case-form.js``) builds its fields from the same two schemas
the validator compiles (one case, written as ``content/cases/<id>.yaml``, and a story's
front matter), and applies `showcase.validate.case_rules` with the data carried here: which
projects exist and whether each may be presented (closed, or nobody named), which case
ids and (project, year) pairs the site already has, which statuses need an approver and
a publish date (`showcase.cases.RELEASED`), and the wording of every rule
(`showcase.validate.wording`). The engine holds no message or limit of its own.

Example::

    spec = case_form_spec(model, case_schema, story_schema, today)
    spec["choices"]["project"]   # [["smart-yarn-sensor", "智能纱线传感器"], ...]
"""

from __future__ import annotations

import datetime
from typing import Any

from showcase.cases import RELEASED
from showcase.forms.spec import browser_schema_rules, forge_kind
from showcase.model import Model, Project
from showcase.paths import case_file_path, story_file_path
from showcase.validate.personal_text import browser_rules

STORY_BODY_TITLE = "正文"
"""The label of the story's Markdown body, which no schema describes."""
STORY_BODY_HELP = (
    "可选：案例的正文稿件，可以以后再补。可以分成几段；以“## ”开头的一行是小标题。"
    "学院、层级、成果、导师和团队由网站从项目资料里取，不用在这里写。"
)
"""The help under the body field, in the office's words (no schema describes the body)."""

CASE_RULES_IN_BROWSER = (
    "schema.required",
    "schema.type",
    "schema.pattern",
    "schema.min-length",
    "schema.max-length",
    "schema.minimum",
    "schema.maximum",
    "schema.reserved",
    "text.single-line",
    "date.invalid",
    "case.unknown-project",
    "case.closed-project",
    "case.non-public-project",
    "case.duplicate-id",
    "case.one-per-year",
    "case.approver-missing",
    "case.publish-date-missing",
    "personal.phone",
    "personal.id-card",
    "personal.student-id",
    "personal.email",
    "personal.wechat",
    "personal.qq",
)
"""Applied by ``assets/case-form.js`` with the validator's rule id and wording."""

CASE_BEFORE_MERGE = (
    (
        ("case.duplicate-id", "case.one-per-year"),
        "案例编号和年度是否与本网站生成之后才登记的案例重复",
    ),
    (
        ("case.unknown-project", "case.closed-project", "case.non-public-project"),
        "所选项目此后有没有改名、终止，或不再公开成员姓名",
    ),
    (
        ("case.id-not-file-name",),
        "案例文件的文件名是否与案例编号一致（在新建页面里改了文件名时）",
    ),
    (
        ("logo.missing", "logo.format", "logo.too-large", "logo.dimensions", "image.metadata"),
        "配图文件本身（格式、大小、尺寸、拍摄地点等元数据）：图片放进仓库后才能检查",
    ),
)
"""(rule ids, what the form says is still checked before merging)."""


CASE_BRANCH = "case-{id}"
"""The branch the office is asked to name when it creates the case file, so the story
created next lands in the same merge request (the story link opens on that branch)."""


def forge_urls(repository: str, kind: str, branch: str) -> dict[str, str]:
    """Where the forge creates a new file, as a URL template, and the branches to use.

    ``{ref}``, ``{path}``, ``{text}`` and ``{folder}`` are filled in by the browser
    (URL-encoded); Gitee's new-file page takes neither name nor text, so it opens the
    file's folder and the text is pasted."""
    repo = repository.rstrip("/")
    new_file = {
        "github": f"{repo}/new/{{ref}}?filename={{path}}&value={{text}}",
        "gitea": f"{repo}/_new/{{ref}}/?filename={{path}}&value={{text}}",
        "gitlab": f"{repo}/-/new/{{ref}}?file_name={{path}}&content={{text}}",
        "gitee": f"{repo}/new/{{ref}}/{{folder}}",
    }[kind]
    return {"kind": kind, "newFile": new_file, "branch": branch, "caseBranch": CASE_BRANCH}


def presentable(project: Project) -> dict[str, Any]:
    """What case_rules checks of a project, reduced to the two facts it needs."""
    return {
        "name": project.name,
        "closed": project.status == "closed",
        "nonPublic": not project.team and bool(project.hidden_team),
    }


def case_form_spec(
    model: Model,
    case_schema: dict[str, Any],
    story_schema: dict[str, Any],
    today: datetime.date,
) -> dict[str, Any]:
    """Everything the browser's case form needs, as JSON-ready data; `today` is the build's."""
    site = model.site
    per_year = {f"{case.project}|{case.year}": case.id for case in model.cases.values()}
    return {
        "schema": case_schema["properties"]["cases"]["items"],
        "story": story_schema,
        "bodyTitle": STORY_BODY_TITLE,
        "bodyHelp": STORY_BODY_HELP,
        "choices": {"project": [[p.id, p.name] for p in model.projects.values()]},
        "projects": {p.id: presentable(p) for p in model.projects.values()},
        "cases": {case.id: case.headline for case in model.cases.values()},
        "perYear": per_year,
        "released": sorted(RELEASED),
        "paths": {"story": story_file_path("{id}"), "case": case_file_path("{id}")},
        "personalData": browser_rules(site.personal_email_domains),
        "forge": forge_urls(
            site.repository, forge_kind(site.repository, site.forge), site.default_branch
        ),
        "rules": browser_schema_rules(today),
    }
