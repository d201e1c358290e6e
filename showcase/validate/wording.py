"""The Chinese wording of the rules that both the validator and the submission form apply.

One owner for each message: the validator formats these templates with Python's
`str.format`, and the form specification (`showcase.forms.spec`) hands the same table to
the browser, whose engine (``assets/submit.js``) fills the same ``{name}`` placeholders.
So a form field says exactly what ``invoke validate`` says about the same value.

A key is a rule id, or ``rule/variant`` for a second wording of one rule (the empty
case of a length, the reason a date does not exist). A hint template may be just
``{hint}`` where the hint comes from the schema (``description``, ``x-pattern-hint``).

Example::

    message, hint = wording("date.future", value="2099-01", today="2025-06-01")
"""

from __future__ import annotations

_MISSING = "缺少必填项「{title}」。"
"""A missing field, said alike by the validator and the forms (the parity test compares
them); the hint differs: a line of YAML to add in a file, the field's help on a form."""

WORDING: dict[str, tuple[str, str]] = {
    "schema.required": (_MISSING, "补上一行「{name}: …」{about}"),
    "schema.required/form": (_MISSING, "{about}"),
    "schema.type": ("应该是{expected}，这里写的是{actual}「{value}」。", "{hint}"),
    "schema.enum": ("「{value}」不是可选值。可选值：{allowed}。", "{hint}"),
    "schema.pattern": ("格式不对：「{value}」。", "{hint}"),
    "link.scheme": (
        "不接受「{scheme}:」链接：只允许 http:// 或 https:// 网址。"
        "javascript:、data: 等链接会在访问者的浏览器里执行代码或夹带内容。",
        "改成以 https:// 开头的网页地址；没有就删除这一行。",
    ),
    "schema.min-length": (
        "太短：现在 {count} 个字，至少要 {limit} 个字。",
        "补充到至少 {limit} 个字。",
    ),
    "schema.min-length/empty": ("不能是空的。", "补充到至少 {limit} 个字。"),
    "schema.max-length": (
        "太长：现在 {count} 个字，最多 {limit} 个字。",
        "删减到 {limit} 个字以内。",
    ),
    "schema.min-items": (
        "至少要有 {limit} 项，现在有 {count} 项。",
        "至少写 {limit} 项，每项一行，以「- 」开头。",
    ),
    "schema.min-items/empty": ("不能是空列表。", "至少写 {limit} 项，每项一行，以「- 」开头。"),
    "schema.max-items": ("最多 {limit} 项，现在有 {count} 项。", "只保留最重要的 {limit} 项。"),
    "schema.unique-items": ("第 {index} 项「{value}」与第 {first} 项重复。", "删除重复的一项。"),
    "schema.minimum": ("不能小于 {limit}，这里写的是 {value}。", "{hint}"),
    "schema.maximum": ("不能大于 {limit}，这里写的是 {value}。", "{hint}"),
    "schema.range/hint": ("", "检查数值和单位。"),
    "schema.reserved": ("「{value}」是保留字，不能用作编号。", "{hint}"),
    "schema.reserved/hint": ("", "换一个编号。"),
    "text.single-line": (
        "这个字段只能写一行，这里有{what}。",
        "把内容写在同一行；分段的长文字只能写在支持 Markdown 的介绍类字段里。",
    ),
    "text.single-line/newline": ("换行（U+000A）", ""),
    "text.markup": (
        "「{shown}」会原样显示在网页上：这一栏只显示纯文字，不认 HTML 标记。",
        "删掉标记，只写文字；需要分段、加粗的内容写在支持 Markdown 的介绍类字段里。",
    ),
    "markdown.removed": (
        "{shown}不会显示在网页上：介绍里的图片、HTML 标记和非 http(s) 链接都会被去掉。",
        "图片放在项目文件夹里用 logo 字段引用；链接写成 [文字](https://…)；"
        "加粗、列表、标题用 Markdown 写法（**粗体**、- 列表、### 标题）。",
    ),
    "markdown.removed/story": (
        "{shown}不会显示在网页上：稿件正文里的图片、HTML 标记和非 http(s) 链接都会被去掉。",
        "配图放在稿件的同名文件夹里用 image 字段引用；链接写成 [文字](https://…)；"
        "加粗、列表、标题用 Markdown 写法（**粗体**、- 列表、### 标题）。",
    ),
    "text.markup/mailbox": (
        "邮箱地址里有「{shown}」，邮件程序不认这样的地址。",
        "只写地址本身，例如 team@mail.example.edu.cn，不要加引号、括号或名字。",
    ),
    "text.single-line/tab": ("制表符（Tab，U+0009）", ""),
    "date.invalid": (
        "「{value}」不是真实存在的日期：{reason}。",
        "写成真实的日期：YYYY-MM 或 YYYY-MM-DD，例如 2024-09 或 2024-02-29。",
    ),
    "date.invalid/month": ("月份 {month} 不存在，月份应在 01–12 之间", ""),
    "date.invalid/day": ("{year} 年 {month} 月只有 {last} 天", ""),
    "date.invalid/year": ("年份 {year} 太早了", ""),
    "date.future": (
        "日期 {value} 在未来（今天是 {today}）。",
        "只记录已经发生的事；计划中的事等发生后再写。",
    ),
    "milestone.order": (
        "第 {index} 个里程碑的日期 {value} 早于上一个（{previous}）。",
        "孵化历程按时间先后排列，最早的写在最前面。",
    ),
    "milestone.before-start": (
        "里程碑日期 {value} 早于项目启动时间 started（{started}）。",
        "检查里程碑日期或 started 是否写错。",
    ),
    "milestone.level": (
        "当前孵化层级是 {level}，但最后一个里程碑进入的是 {last}。",
        "补上最近一次进阶的里程碑，或更正 level。",
    ),
    "summary.short": (
        "一句话简介只有 {count} 个字，展示页上会显得单薄。",
        "建议写 30–100 个字：做什么、给谁用、进展到哪一步。",
    ),
    "seeking.closed": (
        "项目已终止（status: closed），却仍在寻求资源。",
        "删除 seeking，或更正 status。",
    ),
    "email.domain": (
        "邮箱域名 {domain} 不在允许范围内：只接受学校邮箱。",
        "改用学校邮箱（{allowed}），不要填个人邮箱。",
    ),
    "project.duplicate-id": (
        "项目编号 {id} 重复：{others} 也用了这个编号。",
        "项目编号全校唯一：与另一学院商量，其中一个项目换编号（文件名和 id 一起改）。",
    ),
    "project.duplicate-name": (
        "项目名称与{others}的名称相同或几乎相同"
        "（不计大小写、空格、标点和繁简体差别），同一个项目不要提交两次。",
        "同一个项目只保留一个文件（换学院就移动文件，不要复制）；"
        "确是不同的项目，请把名称改得能区分开。",
    ),
    "case.unknown-project": (
        "没有找到项目「{project}」。",
        "填写网站上已有项目的名称（或其中几个字），从列表里选择。",
    ),
    "case.unknown-project/match": ("没有找到项目「{project}」。", "是不是 {match}？"),
    "case.unknown-project/several": (
        "「{project}」对应好几个项目：{match}。",
        "多写几个字，或从列表里选出其中一个。",
    ),
    "case.closed-project": (
        "项目「{project}」已终止，不能作为典型案例公开宣传。",
        "换一个在孵或已毕业的项目，或删除这条案例。",
    ),
    "case.non-public-project": (
        "项目「{project}」的成员都没有公开姓名，不能作为典型案例宣传。",
        "请项目团队至少有一名成员同意公开姓名（在项目资料里写上他的姓名），或换一个项目。",
    ),
    "case.duplicate-id": (
        "案例编号 {id} 重复：{where} 已经用过。",
        "每个案例的编号必须唯一，例如写成「年度-项目编号」。",
    ),
    "case.duplicate-id/site": (
        "案例编号 {id} 重复：案例「{headline}」已经用过。",
        "每个案例的编号必须唯一，例如写成「年度-项目编号」。",
    ),
    "case.id-not-file-name": (
        "案例编号 {id} 与文件名 {name} 不一致。",
        "文件名要写成案例编号加 .yaml：改文件名，或改案例编号。",
    ),
    "story.unknown-case": (
        "没有编号为 {id} 的案例，这篇稿件不会被使用。",
        "先登记案例（推荐典型案例表单，或新建 {case_file}），稿件的文件名写成案例编号。",
    ),
    "story.unknown-case/match": (
        "没有编号为 {id} 的案例，这篇稿件不会被使用。",
        "是不是 {match}？文件名要与案例编号一致。",
    ),
    "case.one-per-year": (
        "项目 {project} 在 {year} 年度已有案例 {other}。",
        "一个项目每年度只选一个典型案例：合并两条，或改成另一年度。",
    ),
    "case.approver-missing": (
        "审核状态是「{label}」，但没有填写审核人。",
        "填写审核通过的部门或负责人，例如「宣传部」；还没审核就把审核状态改回「草稿」。",
    ),
    "case.publish-date-missing": (
        "审核状态是「{label}」，但没有填写发布日期。",
        "填写发布日期，例如 2026-05-20：案例从这一天起出现在公开网站上。",
    ),
    "date.invalid/publish": (
        "「{value}」不是真实存在的日期：{reason}。",
        "写成真实的日期（年-月-日），例如 2026-05-20。",
    ),
    "logo.too-large": (
        "图片有 {megabytes} MB，上限为 {limit} MB。",
        "压缩图片或缩小尺寸（标志 512×512 像素就足够清晰）。",
    ),
    "logo.dimensions": (
        "图片尺寸过大{size}，上限为 {side}×{side} 像素。",
        "缩小到 {side}×{side} 像素以内再提交（标志 512×512 像素就足够清晰）。",
    ),
    "logo.dimensions/size": ("（{width}×{height} 像素）", ""),
    "logo.dimensions/bomb": ("（文件声称的像素数异常巨大，疑似恶意构造）", ""),
    "logo.format": (
        "图片只接受 PNG、JPEG 或 WebP，{found}。",
        "用图片软件另存为 PNG、JPEG 或 WebP，而不是直接改扩展名。",
    ),
    "logo.format/kind": ("它实际是 {kind} 格式", ""),
    "logo.format/svg": ("它是 SVG 矢量图（可能含脚本和元数据，发布前无法清理）", ""),
    "logo.format/other": ("它不是图片（可能只是改了扩展名）", ""),
    "application.budget-sum": (
        "经费预算各项合计 {total} 元，与申请金额 {amount} 元不一致。",
        "改正某一项的金额或申请金额，使两者相等。",
    ),
    "application.over-cap": (
        "申请金额 {amount} 元超过本次申报的单项上限 {cap} 元。",
        "把申请金额和预算压到 {cap} 元以内。",
    ),
    "logo.corrupt": (
        "图片文件已损坏或不完整，无法读取。",
        "用看图软件打开确认，再重新导出为 PNG、JPEG 或 WebP。",
    ),
}

LIST_SEPARATOR = "、"
"""How a message joins several paths or names."""


def wording(key: str, **values: object) -> tuple[str, str]:
    """The message and hint of `key` (a rule id or ``rule/variant``) with `values` filled in."""
    message, hint = WORDING[key]
    return message.format(**values), hint.format(**values)


def phrase(key: str, **values: object) -> str:
    """Just the message part of `key`: a piece that another message embeds."""
    return wording(key, **values)[0]
