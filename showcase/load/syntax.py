"""libyaml's syntax errors, reworded in Chinese with a hint, at the line that is wrong.

libyaml words one mistake several ways ("found character '\\t'", "found a tab
character"…) and one wording covers several mistakes ("mapping values are not allowed" is a
colon inside a value, or a field indented unlike its siblings, whose colon is then the first
of its line); the first entry of `_SYNTAX_MESSAGES` whose English text appears in the
error decides the message. An error "at the end of the stream" is placed on the last line;
a quote that never closes, at the quote. The field is the key written on that line, when
there is one (a secretary finds ``title:`` faster than line 2).
"""

from __future__ import annotations

import re

import yaml

from showcase.problems import Problem

_TAB_HINT = "YAML 不能用 Tab 缩进，请全部改用空格（每层两个空格）。"
_INDENT_HINT = "检查缩进：同一层的字段要左对齐，列表项以「- 」开头。"
_SYNTAX_MESSAGES = (
    # (libyaml wording, Chinese message, fix hint); the first match wins.
    ("found character '\\t'", "这一行用了 Tab 缩进。", _TAB_HINT),
    ("tab character", "这一行用了 Tab 缩进。", _TAB_HINT),
    (
        "misindented field",
        "这一行的缩进和上一行对不齐，它被当成了上一行的值的一部分。",
        "同一层的字段要左对齐（每层缩进两个空格），检查这一行开头的空格数；"
        "如果这一行本来就是上一行的值，值里的冒号要用英文引号把整个值括起来。",
    ),
    (
        "mapping values are not allowed",
        "值里出现了「冒号 + 空格」，YAML 把它当成了一个新字段。",
        '值里本身有冒号时，请用英文引号把整个值括起来，例如 name: "智能: 纱线"。',
    ),
    (
        "could not find expected ':'",
        "缺少冒号，或引号没有成对。",
        "检查这一行是否缺少「字段名: 值」中的冒号，或引号没有成对。",
    ),
    ("did not find expected key", "缩进不对齐。", _INDENT_HINT),
    ("did not find expected '-' indicator", "列表缩进不对齐。", _INDENT_HINT),
    (
        "did not find expected ',' or ']'",
        "方括号列表没有闭合。",
        "检查 [ ] 是否成对，各项之间用英文逗号分隔；值本身以 [ 开头（不是列表）时，"
        "请用英文引号把整个值括起来。",
    ),
    (
        "did not find expected ',' or '}'",
        "花括号没有闭合。",
        "检查 { } 是否成对，各项之间用英文逗号分隔；值本身以 { 开头时，"
        "请用英文引号把整个值括起来。",
    ),
    (
        "unclosed quote",
        "这个值的引号没有成对：从这里开始的引号一直没有结束。",
        "在值的末尾补上同样的引号；值里本身有英文双引号时，改用单引号括起整个值，"
        "或把里面的引号写成中文引号「」。",
    ),
    (
        "did not find expected comment or line break",
        "「|」或「>」后面的同一行不能再写内容。",
        "把文字移到下一行并缩进两个空格；如果值本身以 | 或 > 开头，请用英文引号把整个值括起来。",
    ),
    (
        "found unexpected end of stream",
        "文件在引号或括号还没结束时就结束了。",
        "引号或括号没有成对，请检查最后几行。",
    ),
    ("found undefined tag handle", "不支持以 ! 开头的标签。", "删除值前面以 ! 开头的标签。"),
    (
        "a tag",
        "不支持以 ! 开头的标签。",
        "删除值前面以 ! 开头的标签；值本身以 ! 开头时请用英文引号括起来。",
    ),
    (
        "while scanning an anchor",
        "这个值以 YAML 的保留符号 & 开头。",
        "以 & 开头的值请用英文引号括起来。",
    ),
    (
        "while scanning an alias",
        "这个值以 YAML 的保留符号 * 开头。",
        "以 * 开头的值请用英文引号括起来。",
    ),
    (
        "while scanning a directive",
        "以 % 开头的行是 YAML 的指令，项目文件里不能用。",
        "以 % 开头的值请用英文引号括起来；不是值的话删掉这一行开头的 %。",
    ),
    (
        "did not find expected node content",
        "这里缺少值，或值以 YAML 的保留符号（如 ] } , | >）开头。",
        "以这些符号开头的值请用英文引号括起来；方括号、花括号要成对。",
    ),
    (
        "block sequence entries are not allowed",
        "列表项「- 」出现在了不能出现的位置。",
        "列表项要单独成行，写在字段名的下一行并缩进两个空格；检查这一行开头是否多了别的字符。",
    ),
    (
        "did not find expected <document start>",
        "文件开头几行的格式不对，YAML 读不懂。",
        "第一行应当是以 # 开头的注释或「字段名: 值」；检查开头几行是否误删了 # 或冒号。",
    ),
    (
        "cannot start any token",
        "这个值以 YAML 的保留符号（@ 或 `）开头。",
        "以 @ 或 ` 开头的值请用英文引号括起来；缩进只用空格。",
    ),
    (
        "found unknown escape character",
        "双引号里有无法识别的反斜杠转义。",
        "把反斜杠写成 \\\\，或改用单引号。",
    ),
    ("expected <block end>", "缩进不对齐。", _INDENT_HINT),
)


_WRITTEN_KEY = re.compile(r"[ \t]*(?:-[ \t]+)*([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]|$)")
"""A ``key:`` at the start of a line (after list dashes): the field the line writes."""

_AT_THE_START = frozenset(
    f"while {doing} {token}"
    for doing in ("scanning", "parsing")
    for token in (
        "a quoted scalar",
        "a block scalar",
        "an anchor",
        "an alias",
        "a tag",
        "a directive",
    )
)
"""Errors inside one token: shown where the token began, not where libyaml gave up."""
_UNCLOSED_FLOW = frozenset({"while parsing a flow sequence", "while parsing a flow mapping"})


def syntax_problem(display_path: str, error: yaml.MarkedYAMLError, text: str) -> Problem:
    """The problem for a YAML syntax error in `text`."""
    mark = error.problem_mark or error.context_mark
    detail = " ".join(part for part in (error.context, error.problem) if part)
    if error.context in _AT_THE_START and error.context_mark:
        # libyaml stops where the token went wrong (a quoted value: where the text ran out);
        # the secretary fixes where it began (the quote, the &, the |). Inside a quoted
        # value only a missing closing quote is; a bad escape is shown at the backslash.
        if not error.context.endswith("a quoted scalar"):
            mark = error.context_mark
        elif any(end in (error.problem or "") for end in ("end of stream", "document indicator")):
            mark, detail = error.context_mark, "unclosed quote"
    elif error.context in _UNCLOSED_FLOW and error.context_mark:
        mark = error.context_mark  # the bracket to close (or the value to quote), not the
        # line after, where libyaml found no "," or "]"
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    lines = text.splitlines()
    if line > len(lines):  # libyaml places "end of stream" after the last line
        line, column = len(lines), len(lines[-1]) + 1 if lines else 1
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = source_line[: len(source_line) - len(source_line.lstrip(" \t"))]
    if "\t" in indent:  # libyaml words tab errors several ways; the indent tells for sure
        detail = "found a tab character"
        column = indent.index("\t") + 1
    if "mapping values are not allowed" in detail and ": " not in source_line[: column - 1]:
        detail = "misindented field"  # the line's first colon: the line itself is misplaced
    key = _WRITTEN_KEY.match(source_line)
    field = key.group(1) if key else ""
    for needle, message, hint in _SYNTAX_MESSAGES:
        if needle in detail:
            return Problem(
                display_path,
                line,
                column,
                rule="load.syntax",
                field=field,
                message=f"YAML 语法错误：{message}",
                hint=hint,
            )
    return Problem(
        display_path,
        line,
        column,
        rule="load.syntax",
        field=field,
        message=f"YAML 语法错误（{detail}）。",
        hint="对照模板检查这一行及上一行的缩进、冒号和引号。",
    )
