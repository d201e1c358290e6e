"""Checks for the hand-written pages (``content/pages/*.md``): what the build would refuse.

The pages are Markdown with raw HTML allowed, written by the makerspace's maintainers and
published as they are. Two things in them would only surface after a merge, when every
later build fails or the browser silently refuses to run them, so the validator reports
them first, at their line and column:

* inline code the Content-Security-Policy forbids (`showcase.render.csp`): ``<script>``
  and ``<style>`` elements, ``on…=`` event-handler and ``style=`` attributes,
  ``javascript:`` links, and ``<iframe>``/``<object>``/``<embed>`` (``page.inline-code``).
  Code spans and fenced or indented code blocks are text, not markup, and are skipped;
* personal data, as in every record (`showcase.validate.personal_data.scan_text`).

A third would not fail at all: front matter MkDocs cannot read (a YAML syntax error, a
block that never ends, anything but ``字段名: 值`` lines, a value YAML 1.1 cannot build) is
published as the page's text, without the title written in it. Its YAML errors are the
loader's (`showcase.load.front_matter`), worded as in every data file; the rest, and a
``title``, ``description`` or ``audience`` MkDocs and the menu would show wrongly, are
``page.front-matter``.

Example::

    check_pages(layout, [Path("content/pages/about.md")], rules)   # [Problem(...), ...]
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from showcase.load.characters import hidden_characters
from showcase.load.files import decode_text, read_source
from showcase.load.front_matter import mkdocs_meta, opens_front_matter, parse_front_matter
from showcase.load.source_text import SourceText
from showcase.load.yamlfile import Document, JsonPath
from showcase.paths import Layout
from showcase.problems import Problem
from showcase.validate.labels import field_label, show_value, value_type_label
from showcase.validate.personal_data import BODY_FIELD, scan_text
from showcase.validate.personal_text import PersonalDataRules
from showcase.validate.schema_check import unknown_field

MAX_PAGE_BYTES = 256 * 1024
"""A hand-written page is an article; anything larger is a mistake."""
_FENCE = re.compile(
    r"^ {0,3}(`{3,}|~{3,}).*?(?:^ {0,3}\1[`~]*[ \t]*$|\Z)", re.DOTALL | re.MULTILINE
)
_INDENTED = re.compile(r"(?:(?<=\n\n)|\A)(?:(?: {4}|\t).*(?:\n|\Z))+")
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_INLINE_CODE = re.compile(
    r"<(?P<element>script|style|iframe|object|embed)\b"
    r"|<[A-Za-z][^<>]*?\s(?P<attribute>on[a-z]+|style)\s*="
    r"|(?:\]\(\s*<?|\b(?:href|src|action|formaction)\s*=\s*[\"']?\s*|<)(?P<url>javascript)\s*:",
    re.IGNORECASE,
)
PAGE_FRONT_MATTER = "page.front-matter"
_TEXT_FIELDS = {"title": "2026 年度报告", "description": "众创空间的政策要点"}
"""What the theme prints as text (``<title>``, the menu, ``<meta>``): a string or nothing;
an example of each for the hint."""
_PAGE_KEYS = {
    "title": {"title": "标题"},
    "description": {"title": "简介"},
    "audience": {"title": "读者"},
    "hide": {"title": "隐藏导航、目录或页脚"},
    "icon": {"title": "菜单图标"},
    "status": {"title": "菜单标记"},
    "subtitle": {"title": "菜单副标题"},
    "search": {"title": "搜索设置"},
}
"""The front matter a page may have: ours, and Material's page keys the theme reads.
Any other key is a mistake that would pass unseen (``Audience: staff`` publishes a
staff guide), so it is refused, worded as in every data file."""
_SEARCH_KEYS = {"exclude": {"title": "不进入搜索"}, "boost": {"title": "搜索排名加权"}}
"""What Material reads under ``search``."""
_HIDDEN_PARTS = ("navigation", "toc", "footer", "feedback", "tags", "path")
"""What Material's ``hide`` may name."""
_ALLOWED_KEYS = (
    "页面开头的信息块只能写这些字段（区分大小写）：" + "、".join(_PAGE_KEYS) + "；其他的请删掉。"
)
_STAFF = "staff"
_WHAT = {
    "script": "<script> 脚本",
    "style": "<style> 样式",
    "iframe": "<iframe> 内嵌框架",
    "object": "<object> 插件",
    "embed": "<embed> 插件",
}


def check_pages(layout: Layout, files: list[Path], rules: PersonalDataRules) -> list[Problem]:
    """Every problem of the pages `files` (read without following links)."""
    problems: list[Problem] = []
    for file in files:
        shown = layout.relative(file)
        text, found = _page_text(file, shown)
        problems += found
        if text is None:
            continue
        problems += _front_matter(shown, text)
        source = SourceText(text)
        problems += [_inline_code(shown, source, match) for match in _markup(text)]
        problems += scan_text(shown, text, rules)  # as check-pr words it, so the two agree
    return problems


def _markup(text: str) -> list[re.Match[str]]:
    """Inline code found outside code blocks and code spans (those are blanked first,
    keeping every other character where it was)."""
    for pattern in (_FENCE, _INDENTED, _CODE_SPAN):
        text = pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    return list(_INLINE_CODE.finditer(text))


def _inline_code(shown: str, source: SourceText, match: re.Match[str]) -> Problem:
    if match.group("element"):
        what = _WHAT[match.group("element").lower()]
    elif match.group("attribute"):
        what = f"{match.group('attribute').lower()}= 属性"
    else:
        what = "javascript: 链接"
    group = next(g for g in ("element", "attribute", "url") if match.group(g))
    start = match.start() if group == "element" else match.start(group)
    line, column = source.position(start)
    return Problem(
        shown,
        line,
        column,
        rule="page.inline-code",
        field=BODY_FIELD,
        message=f"页面里有{what}：网站的内容安全策略只允许网站自带的脚本和样式文件，"
        "浏览器不会执行它，构建也会因此失败。",
        hint="删除它；页面需要的脚本或样式请写进 showcase/render/assets/ 下的文件，"
        "由众创空间维护人审阅后引用。要在页面上展示代码，请放进 `代码` 或代码块。",
    )


def _page_text(file: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """The page's text, or None with the problems that make it unreadable (a link, not
    UTF-8, control or bidirectional characters: the same refusals as every data file)."""
    raw, problems = read_source(file, shown, MAX_PAGE_BYTES, "长页面请拆成几页。")
    if raw is None:
        return None, problems
    text, problems = decode_text(raw, shown)
    if text is None:
        return None, problems
    hidden = hidden_characters(text, shown)
    return (None, hidden) if hidden else (text, [])


def _front_matter(shown: str, text: str) -> list[Problem]:
    """What in the page's front matter MkDocs would not read, or would show wrongly."""
    if not opens_front_matter(text):
        return []
    document, _, problems = parse_front_matter(text, shown, PAGE_FRONT_MATTER)
    if document is None:
        return problems
    data = document.data
    if not isinstance(data, dict):
        line, column = document.root_position()
        return [
            Problem(
                shown,
                line,
                column,
                rule=PAGE_FRONT_MATTER,
                message=f"开头 --- 之间的信息块要写成一行一个「字段名: 值」，这里是{value_type_label(data)}"
                "，网站会把整块当成正文原样显示。",
                hint="每行写一个字段，例如 title: 关于众创空间；不需要信息块就删掉开头这两行 ---。",
            )
        ]
    problems += [
        unknown_field(document, (key,), _PAGE_KEYS, PAGE_FRONT_MATTER, _ALLOWED_KEYS)
        for key in data
        if key not in _PAGE_KEYS
    ]
    problems += _nested(shown, document)
    meta = mkdocs_meta(text)
    if meta is None:  # YAML 1.1 builds what 1.2 leaves text (a date that does not exist)
        return [
            Problem(
                shown,
                1,
                1,
                rule=PAGE_FRONT_MATTER,
                message="网站生成器（MkDocs）读不懂开头的信息块，会把整块当成正文原样显示。",
                hint="结束信息块的 --- 之后要换行；检查像日期、时间或数字的值（例如 2026-02-30）："
                "不是要当日期或数字用时，请用英文引号括起来。",
            )
        ]
    for key, example in _TEXT_FIELDS.items():
        title = _PAGE_KEYS[key]["title"]
        ours, theirs = data.get(key, "-"), meta.get(key, "-")  # YAML 1.2; MkDocs' YAML 1.1
        if not _is_text(ours):
            read = f"这里是{_kind(ours)}" if ours else "这里是空的"
        elif not _is_text(theirs):
            read = f"网站生成器会把它读成{_kind(theirs)}"
        else:
            continue
        problems.append(
            _field_problem(
                shown,
                document,
                (key,),
                title,
                f"{title}要写成一段文字，{read}。",
                f'把整个值用英文引号括起来，例如 {key}: "{example}"；不需要就删掉这一行。',
            )
        )
    if "audience" in data and data["audience"] != _STAFF:
        problems.append(
            _field_problem(
                shown,
                document,
                ("audience",),
                _PAGE_KEYS["audience"]["title"],
                f"audience 只能写 {_STAFF}（工作指南，不进公开菜单和搜索），"
                f"这里是「{show_value(data['audience'])}」。",
                f"写给工作人员的指南写 audience: {_STAFF}；公开页面删掉这一行。",
            )
        )
    return problems


def _nested(shown: str, document: Document) -> list[Problem]:
    """Unknown words inside Material's two keys that hold more than a value: the theme
    ignores them as silently as an unknown key (``search: {exlcude: true}`` leaves the
    page in search, ``hide: [navigaton]`` hides nothing)."""
    search, hide = document.data.get("search"), document.data.get("hide")
    problems = [
        unknown_field(
            document,
            ("search", key),
            _SEARCH_KEYS,
            PAGE_FRONT_MATTER,
            "search 下只能写 exclude: true（不进入搜索）或 boost: 数字（搜索排名加权）。",
        )
        for key in (search if isinstance(search, dict) else ())
        if key not in _SEARCH_KEYS
    ]
    named = "、".join(_HIDDEN_PARTS)
    for index, part in enumerate(hide if isinstance(hide, list) else ()):
        if part not in _HIDDEN_PARTS:
            problems.append(
                _field_problem(
                    shown,
                    document,
                    ("hide", index),
                    _PAGE_KEYS["hide"]["title"],
                    f"hide 里不认识「{show_value(part)}」，主题会忽略它。",
                    f"hide 下每行写一项「- 名称」，只能是：{named}（区分大小写）。",
                )
            )
    return problems


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _kind(value: object) -> str:
    """What a value was read as, and the value: ``整数「123」``."""
    kind = "日期" if isinstance(value, datetime.date) else value_type_label(value)
    return f"{kind}「{show_value(value)}」"


def _field_problem(
    shown: str, document: Document, path: JsonPath, title: str, message: str, hint: str
) -> Problem:
    """A ``page.front-matter`` problem at the value at `path`, whose Chinese name is `title`."""
    line, column = document.position(path)
    return Problem(
        shown,
        line,
        column,
        rule=PAGE_FRONT_MATTER,
        field=field_label(path, title),
        message=message,
        hint=hint,
    )
