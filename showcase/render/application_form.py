"""The application form on a call's page (申报表), while its 申报 is open.

Like the 提交项目 and 推荐典型案例 forms, the form is one raw ``<form>`` carrying its
specification (`showcase.forms.application_spec.application_form_spec`) in a
``data-spec`` attribute; ``assets/application-form.js`` builds the fields from the
application schema and checks them with the shared engines the project form uses
(``submit-rules.js``, ``personal-data.js``, ``yaml-text.js``, ``dom.js``), then shows
the file with a copy button and the forge's new-file link.
"""

from __future__ import annotations

import datetime
from typing import Any

from showcase.calls import Call
from showcase.forms.application_spec import application_form_spec
from showcase.model import Model
from showcase.render import paths
from showcase.render.submit_page import RULES_SCRIPT, SHARED_SCRIPTS, before_merge
from showcase.render.text import attribute, json_attribute

SCRIPT = paths.asset("application-form.js")
BEFORE_MERGE = (
    (("application.ineligible",), "项目此后有没有改变层级、阶段、状态或团队，仍符合申报条件"),
    (("application.after-deadline",), "合并请求是否在申报截止之前提交"),
    (("review.ownership",), "提交人是不是本学院的维护人"),
)
"""(rule ids, what is still checked before merging), named under the form."""


def application_form(
    model: Model, call: Call, schema: dict[str, Any], day: datetime.date, here: str
) -> str:
    """The form, what it cannot check, its result block and its scripts."""
    spec = application_form_spec(model, call, schema, day)
    scripts = (RULES_SCRIPT, *SHARED_SCRIPTS, SCRIPT)
    return "".join(
        [
            "<h3>申报表</h3>",
            "<p>选择项目，填写申报内容，网页会当场按仓库的检查规则逐项检查并生成申报书。"
            "所有内容只在你的浏览器里处理，不会上传到任何地方。</p>",
            f'<form class="sc-submit__form sc-application-form" data-spec="{json_attribute(spec)}"'
            " novalidate>"
            '<p class="sc-submit__loading">表单加载中……如果一直没有出现，请确认浏览器允许运行脚本。</p>'
            "</form>",
            before_merge(BEFORE_MERGE),
            '<section class="sc-submit__result sc-application-form__result" hidden>'
            "<h3>新建申报书</h3>"
            '<p class="sc-application-form__target"></p>'
            '<p class="sc-submit__actions">'
            '<button type="button" class="md-button md-button--primary" data-copy>'
            "复制申报书</button> "
            f'<a class="md-button" data-action="new-file" href="{attribute(model.site.repository)}"'
            ' target="_blank" rel="noopener">在代码托管平台上新建此文件</a></p>'
            '<textarea class="sc-submit__yaml" readonly rows="14" spellcheck="false"'
            ' aria-label="申报书内容"></textarea>'
            '<p class="sc-submit__copied" role="status"></p>'
            "</section>",
            *(f'<script src="{paths.href(here, script)}" defer></script>' for script in scripts),
        ]
    )
