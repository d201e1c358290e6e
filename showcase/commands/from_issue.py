"""``invoke from-issue --body FILE [--write] [--format F]``: an issue form into a project file.

The body is read back by `showcase.forms.from_issue` and the file validated in an
overlay of the repository; ``--write`` then writes it to ``projects/<college>/<id>.yaml``,
but only when it passed, so a bad issue never creates a file or a folder (an unknown
college's, say). Without ``--write`` the file is printed. Nothing is ever overwritten,
and nothing is written through a symbolic link.
"""

from __future__ import annotations

import sys
from pathlib import Path

from showcase.commands.common import format_supported, project_schema
from showcase.forms.from_issue import project_text, read_issue, validate_in_overlay
from showcase.load.files import first_symlink
from showcase.paths import Layout
from showcase.validate.report import format_problems


def from_issue(root: Path, body_file: str, write: bool, fmt: str = "text") -> int:
    """Convert and validate; print the YAML (unless written) and the problems."""
    if not format_supported(fmt):
        return 2
    body_path = Path(body_file)
    try:
        body = body_path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        print(f"无法读取议题正文 {body_file}：{error}", file=sys.stderr)
        return 2
    layout = Layout(root)
    data, problems = read_issue(body, body_path.name, project_schema(layout))
    if data is None:
        print(format_problems(problems, fmt, files_checked=1))
        return 1
    text = project_text(data)
    target = layout.project_file(data["college"], data["id"])
    for unsafe in (first_symlink(root, target), first_symlink(root, layout.build_dir)):
        if unsafe is not None:
            print(
                f"{layout.relative(unsafe)} 是符号链接，为避免写到仓库之外，已停止。",
                file=sys.stderr,
            )
            return 2
    if target.exists():
        print(
            f"{layout.relative(target)} 已经存在：议题表单只用于新项目，未覆盖。"
            "修改已有项目请用网站上项目页的“修改此项目”。",
            file=sys.stderr,
        )
        return 1
    result = validate_in_overlay(layout, target, text)
    if write and result.ok:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"已写入 {layout.relative(target)}")
    else:
        print(text, end="")
        if write:
            print("文件有错误，未写入仓库；按下面的提示修改议题后再试。", file=sys.stderr)
    print(format_problems(result.problems, fmt, files_checked=result.files_checked))
    return 0 if result.ok else 1
