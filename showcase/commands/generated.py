"""``invoke issue-form [--check]``, ``invoke codeowners [--check]``: files generated from the
schemas and registries but committed, because forges read them.

``.github/ISSUE_TEMPLATE/new-project.yml`` (`showcase.forms.issue_form`) and
``CODEOWNERS`` (`showcase.review.codeowners`) must match the data they come from; ``--check`` (and a test)
fails when the committed copy is out of date, so they can never drift apart.

Example::

    write_generated(root, "codeowners", check=True)   # 1 and a message when stale
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from showcase.commands.common import project_schema, validated_model
from showcase.forms.issue_form import ISSUE_FORM, render_issue_form
from showcase.model import Model
from showcase.paths import Layout
from showcase.review.codeowners import CODEOWNERS, render_codeowners

REFUSAL = "数据有错误，无法生成；请先按上面的提示修改。"


def _issue_form(layout: Layout, model: Model) -> str:
    return render_issue_form(project_schema(layout), model)


def _codeowners(layout: Layout, model: Model) -> str:
    return render_codeowners(model)


GENERATED: dict[str, tuple[Path, Callable[[Layout, Model], str]]] = {
    "issue-form": (ISSUE_FORM, _issue_form),
    "codeowners": (CODEOWNERS, _codeowners),
}


def generate(root: Path, kind: str) -> tuple[Path, str | None]:
    """The target path and fresh text of one generated file; None when the data is invalid."""
    target, render = GENERATED[kind]
    layout = Layout(root)
    model = validated_model(layout, REFUSAL, show_warnings=False)
    return root / target, None if model is None else render(layout, model)


def write_generated(root: Path, kind: str, check: bool = False) -> int:
    """Write the file (or with `check`, compare it); 0 when it is now up to date."""
    target, text = generate(root, kind)
    if text is None:
        return 1
    current = target.read_text(encoding="utf-8") if target.is_file() else None
    shown = target.relative_to(root).as_posix()
    if check:
        if current != text:
            print(f"{shown} 不是最新的：运行 invoke {kind} 重新生成并提交。", file=sys.stderr)
            return 1
        print(f"{shown} 是最新的。")
        return 0
    if current != text:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    print(f"已生成 {shown}。")
    return 0
