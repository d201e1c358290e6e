"""Pull-request changes that cannot sit in a case folder as plain files.

Each builder runs on the branch of the case of the same name under cases/ (see
test_cases.py), after the case's files are staged; it stages its own changes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.editor_files import TEMPORARY_FOLDER_PATHS, TEMPORARY_NAMES, make_temporary_file
from tests.review.pr_repo import git


def review_special_file(repo: Path) -> None:
    """A symlink out of the repository, one into it, and a submodule in a college folder."""
    secret = repo.parent / "secret.yaml"
    secret.write_text("name: 机密内容\n", encoding="utf-8")
    (repo / "projects/textile/evil.yaml").symlink_to(secret)
    (repo / "projects/textile/up.yaml").symlink_to("good-yarn.yaml")
    git(repo, "add", "projects/textile/evil.yaml", "projects/textile/up.yaml")
    commit = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "update-index", "--add", "--cacheinfo", f"160000,{commit},projects/textile/sub")


def review_temporary_file(repo: Path) -> None:
    """Every kind of editor's or file manager's own file, committed past .gitignore
    (``git add -f``) beside the project file; emacs' lock as the symlink it is."""
    college = repo / "projects/textile"
    paths = [make_temporary_file(college, name) for name in TEMPORARY_NAMES]
    git(repo, "add", "-f", "--", *(str(path.relative_to(repo)) for path in paths))


def review_temporary_folder(repo: Path) -> None:
    """Files in folders named as editors' files (``old~/roster.docx``), committed past
    .gitignore; beside them (from the case's pr/) the same file in a folder ``misc/``."""
    for path in TEMPORARY_FOLDER_PATHS:
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_text("名单: 张三\n", encoding="utf-8")
    git(repo, "add", "-f", "--", *TEMPORARY_FOLDER_PATHS)


def review_deleted_registry(repo: Path) -> None:
    git(repo, "rm", "-q", "content/mentors.yaml")


def review_application_withdrawn_after_deadline(repo: Path) -> None:
    git(repo, "rm", "-q", "projects/textile/good-yarn/applications/2025-closed.yaml")


BUILDERS: dict[str, Callable[[Path], None]] = {
    "review-special-file": review_special_file,
    "review-temporary-file": review_temporary_file,
    "review-temporary-folder": review_temporary_folder,
    "review-deleted-registry": review_deleted_registry,
    "review-application-withdrawn-after-deadline": review_application_withdrawn_after_deadline,
}
