"""Where each rule of a project file is applied: in the browser, by construction, or at merge.

The submission form promises that "全部通过" means the repository check will pass too.
Every rule id the validator can give a single project file is in exactly one of these
tables (tests/forms/test_rule_sets.py proves it against the code), and each rule in
`IN_BROWSER` has a case in the parity corpus (tests/parity/cases) that the form, the
issue form and ``invoke validate`` must all refuse with that rule.

`BEFORE_MERGE` is shown on the form as "合并前还会检查：…": what needs the whole
repository, or files the form never sees.
"""

from __future__ import annotations

IN_BROWSER = (
    "schema.required",
    "schema.type",
    "schema.pattern",
    "schema.min-length",
    "schema.max-length",
    "schema.max-items",
    "schema.unique-items",
    "schema.minimum",
    "schema.maximum",
    "link.scheme",
    "text.single-line",
    "date.invalid",
    "date.future",
    "milestone.order",
    "milestone.before-start",
    "email.domain",
    "project.duplicate-id",
    "project.duplicate-name",
    "personal.phone",
    "personal.id-card",
    "personal.student-id",
    "personal.email",
    "personal.wechat",
    "personal.qq",
)
"""Applied by ``assets/submit.js`` with the validator's rule id and wording."""

WARNINGS = ("milestone.level", "summary.short", "seeking.closed")
"""Advice the validator gives as a warning: the form shows it too, with the same wording,
but like the validator it never refuses the file for it."""

BY_CONSTRUCTION = {
    "schema.enum": "选项只能从列表里选",
    "schema.min-items": "一项都没填的列表不写进文件，那是缺少必填字段（schema.required）",
    "schema.unknown-field": "表单只写数据规范里的字段",
    "schema.other": "表单只写数据规范里的字段",
    "schema.forbidden": "不公开的成员没有姓名一栏",
    "privacy.hidden-member-name": "不公开的成员没有姓名一栏",
    "project.id-filename": "文件名由项目编号生成",
    "project.college-folder": "文件夹由所属学院生成",
    "project.location": "文件位置由学院和编号生成",
    "load.*": "表单自己写出 YAML 文件（showcase/yamltext.py 的写法）",
}
"""Rules a file the form writes cannot break, and why; ``load.*`` is every loader rule."""

BEFORE_MERGE = (
    (
        ("project.duplicate-id", "project.duplicate-name"),
        "编号和名称是否与本网站生成之后才提交的项目重复",
    ),
    (
        ("project.unknown-college", "project.unknown-field", "project.unknown-mentor"),
        "学院、行业领域和导师名录此后有没有变化",
    ),
    (
        (
            "logo.missing",
            "logo.outside",
            "logo.format",
            "logo.too-large",
            "logo.dimensions",
            "logo.corrupt",
            "image.metadata",
            "image.trailing-data",
        ),
        "标志图片文件本身（拍摄地点等元数据；没有在表单里选择的图片还有格式、大小、尺寸）："
        "图片放进仓库后才能检查",
    ),
    (
        (
            "review.ownership",
            "review.protected-path",
            "review.special-file",
            "review.author-missing",
            "review.author-unknown",
            "review.merge-conflict",
        ),
        "合并请求本身：改动的文件是否属于你的学院，有没有动到其他文件",
    ),
    (
        ("text.markup",),
        "单行文字里的 HTML 标记、邮箱地址里的引号和括号（只是提醒，不影响合并）",
    ),
)
"""(rule ids, what the form tells the secretary is still checked before merging)."""
