"""The open-data page (开放数据): what each file holds, its fields and its licence.

The field tables are generated from the same column lists the exporters use
(`exports.JSON_FIELDS`, `exports.CSV_COLUMNS`), so the documentation cannot drift from
the files.
"""

from __future__ import annotations

import posixpath
import re

from showcase.model import Model
from showcase.render import paths
from showcase.render.exports import (
    CSV_COLUMNS,
    CSV_FILE,
    FEED_FILE,
    FEED_SIZE,
    FORMULA_SIGNS,
    JSON_FIELDS,
    JSON_FILE,
)
from showcase.render.text import attribute, front_matter

PAGE = "data/index.md"

FILES = (
    (JSON_FILE, "全部公开字段，UTF-8 编码的 JSON。"),
    (CSV_FILE, "每个项目一行的表格，带 BOM 的 UTF-8 编码，可直接用 Excel 或 WPS 打开。"),
    (FEED_FILE, f"新项目的 Atom 订阅源（最新 {FEED_SIZE} 个项目），可用 RSS 阅读器订阅。"),
)
TOP_LEVEL = (("school", "学校"), ("count", "项目数"), ("projects", "项目列表"))
CSV_NOTES = {
    "field_names": "多个领域以“、”分隔",
    "mentor_names": "多位导师以“、”分隔",
    "seeking_labels": "多项以“、”分隔",
    "funding_cny": "融资与合同类成果金额之和，没有则为空",
    "team_size": "不含未公开姓名的成员",
    "hidden_members": "这些成员在数据仓库里就没有姓名，这里只给人数",
    "url": "项目页面的网址",
}


FORMULA_NOTE = (
    "为防止电子表格软件把单元格内容当作公式执行（CSV 注入），以 "
    + "、".join(f"<code>{sign}</code>" for sign in FORMULA_SIGNS)
    + "、制表符、回车或换行开头的文字（前面带空格的也算）在开头加了一个英文单引号 "
    "<code>'</code>：Excel 和 WPS 会把它当作文本显示，不显示这个单引号。"
    "纯数字（如成员数、金额）保持原样。用程序读取时，去掉这类单元格开头的单引号即可得到原文。"
)
"""How the CSV neutralises formulas (`exports.spreadsheet_safe`), for people who use it."""


_KEY_OR_CODE = re.compile(r"(?<![\w&#-])[a-z][a-z0-9_-]*(?![\w-])")
"""A nested key (``amount_cny``) or a code (``seed``) in a field's meaning."""


def _keys_as_code(meaning: str) -> str:
    """Keys and codes in ``<code>``, so they read as the file's own words, set apart from
    the Chinese prose (the only place developer words may appear on a public page:
    tests/engine/test_public_wording.py)."""
    return _KEY_OR_CODE.sub(lambda match: f"<code>{match.group()}</code>", meaning)


def render_open_data_page(model: Model) -> str:
    """The Markdown source of the open-data page."""
    count = len(model.projects)
    url_note = (
        f"文件中的网址是以 {attribute(model.site.site_url)} 开头的完整网址。"
        if model.site.site_url
        else "文件中的网址相对于本站根目录。"
    )
    json_rows = "".join(
        f"<tr><td><code>{key}</code></td><td>{_keys_as_code(attribute(meaning))}</td></tr>"
        for key, meaning in JSON_FIELDS
    )
    csv_rows = "".join(
        f"<tr><td>{header}</td><td><code>{key}</code></td>"
        f"<td>{attribute(CSV_NOTES.get(key, ''))}</td></tr>"
        for key, header in CSV_COLUMNS
    )
    files = "".join(
        f'<li><a href="{paths.href(PAGE, path)}">{posixpath.basename(path)}</a>：{what}</li>'
        for path, what in FILES
    )
    top_level = "".join(f"<code>{key}</code>（{meaning}）" for key, meaning in TOP_LEVEL)
    body = "\n".join(
        [
            '<div class="sc-open-data">',
            f"<p>本站开放全部 {count} 个项目的公开信息，方便学院、合作单位和媒体统计、引用和转载。"
            "数据与网站同时生成，随网站一起更新。未公开姓名的成员在数据仓库里就没有姓名，"
            "文件中只有他们的人数；团队的联系方式不会出现在任何文件中。"
            f"{url_note}</p>",
            "<h2>文件</h2>",
            f"<ul>{files}</ul>",
            "<h2>projects.json 字段</h2>",
            f"<p>顶层包含 {top_level}；每个项目包含：</p>",
            "<table><thead><tr><th>字段</th><th>含义</th></tr></thead>"
            f"<tbody>{json_rows}</tbody></table>",
            "<h2>projects.csv 列</h2>",
            f"<p>{FORMULA_NOTE}</p>",
            "<table><thead><tr><th>列名</th><th>对应字段</th><th>说明</th></tr></thead>"
            f"<tbody>{csv_rows}</tbody></table>",
            "<h2>使用许可</h2>",
            f"<p>数据由各学院创业苗圃和学生团队提供，经{attribute(model.site.school)}创业指导中心"
            f"审核发布。欢迎在注明出处（“{attribute(model.site.site_name)}”）的前提下自由使用、"
            "转载和再加工；引用具体项目时请以项目页面上的最新信息为准。</p>",
            "</div>",
        ]
    )
    meta = {"title": "开放数据", "description": "下载全部项目的公开数据：JSON、CSV 与 Atom 订阅源"}
    return f"{front_matter(meta)}\n# 开放数据\n\n{body}\n"
