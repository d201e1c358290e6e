"""The 提交项目 page: a form generated from the project schema that writes the YAML file.

The page body is one raw ``<div>`` carrying the form specification (`spec.form_spec`) in
a ``data-spec`` attribute; ``assets/submit.js`` (served by the site itself, no CDN) builds
the fields from it, checks them as the user types, and produces the file, its download
and the forge's "new file" link.

Editing: every project page links to ``submit/?edit=<id>``, and the form loads
``projects/<id>/form.json``, written here from the checked model. Members who are not
named come back as they are in the file (role, major, grade, ``public: false``, and no
name, which the file does not have either), so the file the form writes loses nobody;
they follow the named members.
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Sequence
from typing import Any

from showcase import jsontext
from showcase.forms.rule_sets import BEFORE_MERGE
from showcase.forms.spec import (
    TakenInputs,
    forge_kind,
    form_spec,
    taken,
    taken_inputs,
    taken_of,
)
from showcase.model import Model, Project
from showcase.paths import project_folder_path
from showcase.render import paths
from showcase.render.forge_steps import COMMIT_MESSAGES, LOGO_STEPS, file_steps_html
from showcase.render.html_blocks import page
from showcase.render.memo import KeptFile, RenderMemo
from showcase.render.pinyin_table import SCRIPT_NAME, pinyin_script
from showcase.render.text import attribute, json_attribute, markdown_as_written

SUBMIT = "submit/index.md"
SCRIPT = paths.asset("submit.js")
RULES_SCRIPT = paths.asset("submit-rules.js")
SHARED_SCRIPTS = (
    paths.asset("dom.js"),
    paths.asset("personal-data.js"),
    paths.asset("yaml-text.js"),
)
"""The engines submit.js shares with the 推荐典型案例 form (`showcase.render.case_form_page`)."""
PARTS = (
    paths.asset("submit-id.js"),
    paths.asset("submit-logo.js"),
    paths.asset("submit-draft.js"),
)
"""submit.js's own parts (id suggestion, logo, draft), loaded by the submit page only."""
PINYIN_SCRIPT = paths.asset(SCRIPT_NAME)
"""Generated with the site (`pinyin_table`): the readings the form suggests ids from."""
STYLESHEET = paths.asset("submit.css")
NAV_TITLE = "提交项目"


def edit_data_path(project_id: str) -> str:
    """The JSON the form loads to edit a project, beside the project's page."""
    return f"projects/{project_id}/form.json"


def edit_link(from_page: str, project_id: str) -> str:
    """The href of a project's "修改此项目" link."""
    return f"{paths.href(from_page, SUBMIT)}?edit={project_id}"


TAKEN = "submit/taken.json"
"""The ids and names in use (`showcase.forms.spec.taken`), fetched by the form when it
starts rather than carried in the page (≈600 KB at 10,000 projects)."""

GUIDE = "pages/submit-guide.md"
"""The step-by-step guide (content/pages/submit-guide.md), linked when the site has it."""


def submit_form_files(
    model: Model,
    schema: dict[str, Any],
    today: datetime.date,
    with_guide: bool = False,
    memo: RenderMemo | None = None,
) -> dict[str, bytes]:
    """The submit page and one edit JSON per project (its script and style are static
    files of the site, `SCRIPT` and `STYLESHEET`); `today` is the build's date, the
    form's limit for dates that must not lie in the future. With a `memo`, a project's
    edit JSON is taken from the previous build when the project did not change."""
    files: dict[str, bytes | KeptFile] = {
        SUBMIT: render_submit_page(model, schema, today, with_guide).encode("utf-8"),
        PINYIN_SCRIPT: pinyin_script()
        if memo is None  # a function of pypinyin and our code alone (the memo's version)
        else memo.reuse_file(PINYIN_SCRIPT, memo.fixed_key(), pinyin_script),
    }
    if memo is None:
        files[TAKEN] = jsontext.encode(taken(model))
    else:  # seconds of character conversion at 10,000 names
        projects = taken_inputs(model)
        files[TAKEN] = memo.reuse_file(
            TAKEN, taken_key(memo, projects), lambda: taken_text(projects)
        )
    for project in model.projects.values():
        path = edit_data_path(project.id)
        if memo is None:
            files[path] = jsontext.encode(edit_data(project))
        else:
            files[path] = memo.reuse_file(
                path, memo.digest_of(project), lambda p=project: jsontext.encode(edit_data(p))
            )
    return files


def taken_key(memo: RenderMemo, projects: TakenInputs) -> bytes:
    """The memo's key of `TAKEN`, made from `projects`."""
    return memo.key(projects)


def taken_text(projects: TakenInputs) -> bytes:
    """The bytes of `TAKEN` (OpenCC's tables: ~50 MB while it runs, seconds at 10,000
    names)."""
    return jsontext.encode(taken_of(projects))


def render_submit_page(
    model: Model, schema: dict[str, Any], today: datetime.date, with_guide: bool = False
) -> str:
    guide = (
        f'第一次提交？先看<a href="{paths.href(SUBMIT, GUIDE)}">提交指南</a>。'
        if with_guide
        else ""
    )
    guide += (
        f'更新项目、组织路演等其他说明见<a href="{paths.href(SUBMIT, paths.GUIDES)}">工作指南</a>。'
    )
    forge = forge_kind(model.site.repository, model.site.forge)
    spec = form_spec(model, schema, today) | {
        "commitMessages": COMMIT_MESSAGES,
        "takenFile": paths.href(SUBMIT, TAKEN),
    }
    body = [
        "<h1>提交项目</h1>",
        "<p>填写下面的表单，网页会当场检查每一项并生成项目文件。"
        "所有内容只在你的浏览器里处理，不会上传到任何地方；填到一半刷新或关闭页面也不会丢失，"
        f"内容保存在这个浏览器里，点“清空”即删除。{guide}</p>",
        '<p class="sc-submit__edit-notice" hidden></p>',
        f'<form class="sc-submit__form" data-spec="{json_attribute(spec)}" novalidate>'
        '<p class="sc-submit__loading">表单加载中……如果一直没有出现，请确认浏览器允许运行脚本。</p>'
        "</form>",
        before_merge(),
        '<section class="sc-submit__result" hidden>'
        "<h2>项目文件已生成</h2>"
        '<p class="sc-submit__target"></p>'
        '<p class="sc-submit__actions">'
        '<button type="button" class="md-button md-button--primary" data-action="copy">'
        "复制内容</button> "
        '<button type="button" class="md-button" data-action="download">下载文件</button> '
        f'<a class="md-button" data-action="forge" href="{attribute(model.site.repository)}"'
        ' target="_blank" rel="noopener">'
        "在代码托管平台上新建此文件</a></p>"
        '<p class="sc-submit__copied" role="status"></p>'
        '<h3 class="sc-submit__next">接下来在代码托管平台上这样做</h3>'
        '<p class="sc-submit__commit"></p>'
        f"{file_steps_html(forge)}"
        '<details class="sc-submit__content"><summary>文件内容（供核对）</summary>'
        '<textarea class="sc-submit__yaml" readonly rows="16" spellcheck="false"'
        ' aria-label="生成的文件内容"></textarea></details>'
        f"{_logo_steps(forge)}"
        "</section>",
        f'<script src="{paths.href(SUBMIT, RULES_SCRIPT)}" defer></script>',
        *(
            f'<script src="{paths.href(SUBMIT, shared)}" defer></script>'
            for shared in SHARED_SCRIPTS
        ),
        *(
            f'<script src="{paths.href(SUBMIT, script)}" defer></script>'
            for script in (PINYIN_SCRIPT, *PARTS, SCRIPT)
        ),
    ]
    meta = {"title": "提交项目", "description": "用表单生成项目文件，不需要懂代码。"}
    return page(meta, body, "sc-submit", styles=(paths.PAGES_STYLESHEET, STYLESHEET))


def _logo_steps(forge: str) -> str:
    """The result's part on the logo (filled in and shown by the script when one is named)."""
    return (
        '<div class="sc-submit__logo" hidden>'
        '<p class="sc-submit__logo-where"></p>'
        f'<p class="sc-submit__logo-steps">{html.escape(LOGO_STEPS[forge])}</p>'
        # The download link is made by the script once an image is chosen: a link
        # without its address would be a link to nowhere (and not crawlable).
        '<p class="sc-submit__logo-download"></p>'
        "</div>"
    )


def before_merge(entries: Sequence[tuple[tuple[str, ...], str]] = BEFORE_MERGE) -> str:
    """What the form cannot check, named so that "全部通过" promises no more than it can."""
    items = "".join(
        f'<li data-rules="{" ".join(rules)}">{html.escape(text)}</li>' for rules, text in entries
    )
    return f'<div class="sc-submit__before-merge"><p>合并前还会检查：</p><ul>{items}</ul></div>'


def edit_data(project: Project) -> dict[str, Any]:
    """A project's public fields in file order, for the form's edit mode."""
    data: dict[str, Any] = {
        "id": project.id,
        "name": project.name,
        "college": project.college,
        "level": project.level,
        "stage": project.stage,
        "status": project.status,
        "fields": list(project.fields),
        "summary": project.summary,
        "description": markdown_as_written(project.description),
        "keywords": list(project.keywords),
        "started": project.started,
        "team": [_without_empty(vars(member)) for member in project.team]
        + [_without_empty(vars(member)) | {"public": False} for member in project.hidden_team],
        "mentors": list(project.mentors),
        "achievements": [_without_empty(vars(a)) for a in project.achievements],
        "milestones": [_without_empty(vars(m)) for m in project.milestones],
        "seeking": list(project.seeking),
        "links": _without_empty(vars(project.links)),
        "logo": project.logo.removeprefix(project_folder_path(project.college, project.id) + "/"),
        "contact_email": project.contact_email,
    }
    return {"data": _without_empty(data)}


def _without_empty(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value not in ("", None, [], {})}
