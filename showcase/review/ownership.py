"""Who may change what: college maintainers their own folder, the makerspace everything.

Maintainers come from the BASE branch's ``content/colleges.yaml`` and ``content/site.yaml``:
a pull request cannot make its author a maintainer and then pass its own check. The
author is the pull request's opener as the forge reports it; an empty or malformed
name is a failure, never a reason to skip the check.

Paths outside the data and documentation (see `UNPROTECTED`) are flagged on
every pull request: an error for anyone but a makerspace maintainer, a warning asking for
a careful review otherwise, since the check itself runs the base branch's versions and
so never tests the pull request's own edits to them.

Example::

    check_ownership(changes, "jinghe-maker", owners)   # [Problem(rule="review.ownership")...]
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from showcase.paths import CONTENT, PROJECTS, college_folder_path, college_of
from showcase.problems import Problem, Severity
from showcase.review.changes import Change

PULL_REQUEST = "（合并请求）"
"""The path of a problem about the pull request as a whole rather than one file."""

UNPROTECTED = frozenset({PROJECTS, CONTENT, "docs", "README.md", "LICENSE"})
"""Top-level entries that hold only data and documentation. Everything else is protected:
the program, its schemas and tests, the build, every forge's CI configuration, review
rules, interpreter start-up files, and whatever a pull request adds at the top level. A
``.gitattributes`` file anywhere is protected too: it changes how git shows files."""

_LOGIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]{0,98}[A-Za-z0-9_])?")
"""A forge user name: ASCII letters, digits, ``.``, ``_`` and ``-`` (GitHub, GitLab, Gitee
and Gitea all fit), so a look-alike letter from another script never matches a maintainer."""

_PLACEHOLDERS = frozenset({"null", "none", "nil", "undefined", "unknown", "anonymous", "ghost"})
"""What a CI writes when it has no user: an unset variable's stand-in, or GitHub's name
for a deleted account."""


@dataclass(frozen=True)
class Owners:
    makerspace: tuple[str, ...]
    """site.yaml ``maintainers``: may change anything."""
    colleges: dict[str, tuple[str, ...]]
    """college id → its maintainers, who may change ``projects/<id>/``."""


def is_protected(path: str) -> bool:
    """Whether `path` belongs to the checker, the rules, the build or CI."""
    parts = path.split("/")
    return parts[0] not in UNPROTECTED or parts[-1] == ".gitattributes"


def check_ownership(changes: list[Change], author: str, owners: Owners) -> list[Problem]:
    """A problem for every changed path `author` may not change, and for a bad author."""
    unknown = author_problem(author)
    maintainer = is_makerspace_maintainer(author, owners)
    problems = [unknown] if unknown else []
    for change in changes:
        for path in dict.fromkeys(p for p in (change.old_path, change.path) if p):
            if is_protected(path):
                problems.append(_protected(path, maintainer, owners))
                continue
            if maintainer or unknown:
                continue
            college = college_of(path)
            if college is not None and _same(author, owners.colleges.get(college, ())):
                continue
            problems.append(_problem(path, author, college, owners))
    return problems


def is_makerspace_maintainer(author: str, owners: Owners) -> bool:
    """Whether `author` is a valid forge user name on the base branch's makerspace list."""
    return author_problem(author) is None and _same(author, owners.makerspace)


def as_maintainer_fixture(problem: Problem) -> Problem:
    """A personal-data finding in a protected file (code, tests) a makerspace maintainer
    changed, as a warning: test corpora of personal-data spellings must hold look-alike
    numbers, and such a pull request gets a second maintainer's line-by-line review anyway.
    Findings in data (``projects/``, ``content/``) stay errors whoever wrote them."""
    if not is_protected(problem.path) or problem.severity is Severity.WARNING:
        return problem
    return dataclasses.replace(
        problem,
        severity=Severity.WARNING,
        hint="这是维护人改动的程序或测试文件：若是虚构的测试号码，审阅时确认即可；"
        "若是真实的个人信息，必须删除，并按贡献指南从历史记录中清除。",
    )


def author_problem(author: str) -> Problem | None:
    """Why `author` cannot be trusted as a forge user name, or None when it can."""
    if not author.strip():
        return Problem(
            PULL_REQUEST,
            rule="review.author-missing",
            message="没有拿到合并请求发起人的用户名，无法判断这些改动该由谁负责，检查不通过。",
            hint="持续集成要把发起人（不是最后推送的人）通过环境变量传给 --author："
            "GitHub 和 Gitea 用 github.event.pull_request.user.login，"
            "GitLab 用 CI_MERGE_REQUEST_AUTHOR。请众创空间维护人检查工作流配置。",
        )
    if _LOGIN.fullmatch(author) and author.lower() not in _PLACEHOLDERS:
        return None
    return Problem(
        PULL_REQUEST,
        rule="review.author-unknown",
        message=f"合并请求发起人 {author[:60]!a} 不是代码托管平台上的有效用户名，"
        "无法判断这些改动该由谁负责，检查不通过。",
        hint="用户名只含英文字母、数字、点、下划线和连字符。机器人账号或已注销账号发起的"
        "合并请求，请众创空间维护人审阅后处理；若是工作流没有取到用户名，请修正工作流。",
    )


def _same(author: str, accounts: tuple[str, ...]) -> bool:
    """Forge user names are case-insensitive (ASCII only: see `_LOGIN`)."""
    return author.lower() in {str(account).lower() for account in accounts}


def _protected(path: str, maintainer: bool, owners: Owners) -> Problem:
    makerspace = "、".join(owners.makerspace) or "（未配置）"
    if maintainer:
        return Problem(
            path,
            severity=Severity.WARNING,
            rule="review.protected-path",
            message=f"{path} 属于检查程序、数据规范、构建或持续集成配置。本次检查用的是目标分支的"
            "版本，这个改动本身没有被检查程序验证。",
            hint="合并前请另一位维护人逐行审阅，并确认在合并请求自己的代码上运行的 ci 任务通过。",
        )
    return Problem(
        path,
        rule="review.protected-path",
        message=f"{path} 属于检查程序、数据规范、构建或持续集成配置，只有众创空间维护人"
        f"（{makerspace}）可以修改；本次检查用的是目标分支的版本，合并请求里的这个改动不参与判断。",
        hint="从合并请求中撤回对这个文件的改动；确需修改，请联系众创空间维护人。",
    )


def _problem(path: str, author: str, college: str | None, owners: Owners) -> Problem:
    makerspace = "、".join(owners.makerspace) or "（未配置）"
    own = [c for c, people in owners.colleges.items() if _same(author, people)]
    yours = "、".join(f"{college_folder_path(c)}/" for c in own)
    if college is not None:
        people = "、".join(owners.colleges.get(college, ())) or "（学院名录里没有这个学院）"
        message = (
            f"{author} 不是学院 {college} 的维护人，不能修改 {path}。这个文件夹的维护人：{people}。"
        )
    else:
        message = (
            f"{path} 属于全站共用的名录、页面或文档，只有众创空间维护人（{makerspace}）可以修改。"
        )
    hint = (
        f"只修改你负责的文件夹 {yours}；其他改动请另开合并请求，由相应维护人提交。"
        if yours
        else "请学院维护人或众创空间维护人提交这个改动；新增维护人请联系众创空间。"
    )
    return Problem(path, rule="review.ownership", message=message, hint=hint)
