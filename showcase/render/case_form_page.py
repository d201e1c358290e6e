"""The 推荐典型案例 page: a form for the publicity office that writes a case and its story.

Like the 提交项目 page (`showcase.render.submit_page`), the body is one raw ``<div>``
carrying the specification (`showcase.forms.case_spec.case_form_spec`) in a
``data-spec`` attribute; ``assets/case-form.js`` builds the fields from the typical-case
and story schemas, checks them with the validator's case rules, personal-data engine
(``personal-data.js``) and schema keywords (``submit-rules.js``), and shows the case
file and the story file with copy buttons and the forge's new-file links (each case is a
file of its own, ``content/cases/<id>.yaml``: nobody edits a shared list). It is a staff page:
linked from the publicity guide, not from the public menu.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from showcase.forms.case_spec import CASE_BEFORE_MERGE, case_form_spec, presentable
from showcase.model import Model, Project
from showcase.render import paths
from showcase.render.html_blocks import page
from showcase.render.memo import KeptFile, RenderMemo
from showcase.render.submit_page import RULES_SCRIPT, SHARED_SCRIPTS, STYLESHEET, before_merge
from showcase.render.text import attribute, json_attribute

CASE_FORM = "recommend-case/index.md"
SCRIPT = paths.asset("case-form.js")
GUIDE = paths.content_page("publicity-guide.md")


def case_form_file(
    model: Model,
    schemas: Mapping[str, dict[str, Any]],
    today: datetime.date,
    with_guide: bool,
    memo: RenderMemo | None,
) -> bytes | KeptFile:
    """The page's bytes (`schemas`: the typical-case and story schemas by name); with a
    `memo`, the previous build's file while what it shows is equal: each project's id,
    name and `presentable` facts (a changed summary leaves the page alone), the cases, the
    site, the schemas, the date and the guide's presence."""
    case_schema, story_schema = schemas["typical-cases"], schemas["story"]

    def render() -> bytes:
        return render_case_form_page(model, case_schema, story_schema, today, with_guide).encode()

    if memo is None:
        return render()
    inputs = (
        memo.part_key(PROJECT_FACTS, model.projects.values(), _shown),
        memo.records(tuple(model.cases.values())),
        memo.digest_of(model.site),
        case_schema,
        story_schema,
        today,
        with_guide,
    )
    return memo.reuse_file(CASE_FORM, memo.key(inputs), render)


PROJECT_FACTS = "case-form:projects"
"""The memo's name for the digest of what the form shows of each project."""


def _shown(project: Project) -> tuple[object, ...]:
    return project.id, project.name, presentable(project)


def render_case_form_page(
    model: Model,
    case_schema: dict[str, Any],
    story_schema: dict[str, Any],
    today: datetime.date,
    with_guide: bool = False,
) -> str:
    """The page; `today` is the build's date (the form's reference for dates)."""
    spec = case_form_spec(model, case_schema, story_schema, today)
    guide = (
        f'流程和注意事项见<a href="{paths.href(CASE_FORM, GUIDE)}">典型案例工作指南</a>。'
        if with_guide
        else ""
    )
    scripts = (RULES_SCRIPT, *SHARED_SCRIPTS, SCRIPT)
    body = [
        "<h1>推荐典型案例</h1>",
        "<p>选择项目，填写案例信息和稿件，网页会当场按仓库的检查规则逐项检查，"
        "生成案例登记和稿件文件，不需要会写 YAML，也不需要命令行。"
        f"所有内容只在你的浏览器里处理，不会上传到任何地方。{guide}</p>",
        f'<form class="sc-submit__form sc-case-form" data-spec="{json_attribute(spec)}" novalidate>'
        '<p class="sc-submit__loading">表单加载中……如果一直没有出现，请确认浏览器允许运行脚本。</p>'
        "</form>",
        before_merge(CASE_BEFORE_MERGE),
        '<section class="sc-submit__result sc-case-form__result" hidden>'
        "<h2>第一步：新建案例文件</h2>"
        '<p class="sc-case-form__case-target"></p>'
        '<p class="sc-submit__actions">'
        '<button type="button" class="md-button md-button--primary" data-copy="case">'
        "复制案例</button> "
        f'<a class="md-button" data-action="new-case" href="{attribute(model.site.repository)}"'
        ' target="_blank" rel="noopener">'
        "在代码托管平台上新建案例文件</a></p>"
        '<textarea class="sc-submit__yaml" data-text="case" readonly rows="11" spellcheck="false">'
        "</textarea>"
        '<div class="sc-case-form__story-step">'
        "<h2>第二步：新建稿件文件</h2>"
        '<p class="sc-case-form__story-target"></p>'
        '<p class="sc-submit__actions">'
        '<button type="button" class="md-button md-button--primary" data-copy="story">'
        "复制稿件</button> "
        f'<a class="md-button" data-action="new-story" href="{attribute(model.site.repository)}"'
        ' target="_blank" rel="noopener">'
        "在代码托管平台上新建稿件文件</a></p>"
        '<textarea class="sc-submit__yaml" data-text="story" readonly rows="14" spellcheck="false">'
        "</textarea></div>"
        '<p class="sc-submit__copied" role="status"></p>'
        "</section>",
        *(f'<script src="{paths.href(CASE_FORM, script)}" defer></script>' for script in scripts),
    ]
    meta = {
        "title": "推荐典型案例",
        "description": "用表单登记典型案例、生成稿件文件，不需要命令行。",
        "audience": "staff",  # the publicity office's form: listed under 工作指南, not searched
    }
    return page(meta, body, "sc-submit", styles=(paths.PAGES_STYLESHEET, STYLESHEET))
