"""Who may change what: college maintainers their own folder, the makerspace everything.

Maintainers come from the BASE branch's ``content/colleges.yaml`` and ``content/site.yaml``:
a pull request cannot make its author a maintainer and then pass its own check.

Example::

    check_ownership(changes, "jinghe-maker", owners)   # [Problem(rule="review.ownership")...]
"""

from __future__ import annotations

from dataclasses import dataclass

from showcase.problems import Problem
from showcase.review.changes import Change


@dataclass(frozen=True)
class Owners:
    makerspace: tuple[str, ...]
    """site.yaml ``maintainers``: may change anything."""
    colleges: dict[str, tuple[str, ...]]
    """college id → its maintainers, who may change ``projects/<id>/``."""


def owning_college(path: str) -> str | None:
    """The college folder a path lies in, or None outside projects/<college>/."""
    parts = path.split("/")
    return parts[1] if len(parts) >= 3 and parts[0] == "projects" else None


def check_ownership(changes: list[Change], author: str, owners: Owners) -> list[Problem]:
    """A problem for every changed path `author` may not change."""
    if _same(author, owners.makerspace):
        return []
    problems = []
    for change in changes:
        for path in dict.fromkeys(p for p in (change.old_path, change.path) if p):
            college = owning_college(path)
            if college is not None and _same(author, owners.colleges.get(college, ())):
                continue
            problems.append(_problem(path, author, college, owners))
    return problems


def _same(author: str, accounts: tuple[str, ...]) -> bool:
    """Forge user names are case-insensitive."""
    return author.lower() in {account.lower() for account in accounts}


def _problem(path: str, author: str, college: str | None, owners: Owners) -> Problem:
    makerspace = "、".join(owners.makerspace) or "（未配置）"
    own = [c for c, people in owners.colleges.items() if _same(author, people)]
    yours = "、".join(f"projects/{c}/" for c in own)
    if college is not None:
        people = "、".join(owners.colleges.get(college, ())) or "（学院名录里没有这个学院）"
        message = (
            f"{author} 不是学院 {college} 的维护人，不能修改 {path}。这个文件夹的维护人：{people}。"
        )
    else:
        message = (
            f"{path} 属于网站本身（数据规范、名录、程序或持续集成配置），"
            f"只有众创空间维护人（{makerspace}）可以修改。"
        )
    hint = (
        f"只修改你负责的文件夹 {yours}；其他改动请另开合并请求，由相应维护人提交。"
        if yours
        else "请学院维护人或众创空间维护人提交这个改动；新增维护人请联系众创空间。"
    )
    return Problem(path, rule="review.ownership", message=message, hint=hint)
