"""Which files a run checks: the whole repository, or the paths given on the command line.

A path may be a project file, a registry, an event file or a folder holding them. A path
that does not exist, or a YAML file the validator has no rules for, becomes a problem
rather than an exception. A whole-repository run also reports YAML files lying in the
wrong place under projects/, since the site would silently ignore them. Editors' and file
managers' own files (`showcase.load.files.is_temporary_name`) are not listed; a path
named on the command line (the pre-commit hook passes what is being committed) with such
a name in it, as the file's or a folder's, is refused.

Example::

    select_files(layout, [Path("projects/textile")], layout.project_files()).projects
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from showcase.images import page_image_files
from showcase.load.files import (
    first_symlink,
    has_temporary_part,
    is_temporary_name,
    regular_files,
    symlink_problem,
    walk_files,
)
from showcase.paths import PROJECTS, Layout, PathKind
from showcase.problems import Problem
from showcase.validate.registries import REGISTRIES

_YAML_SUFFIXES = (".yaml", ".yml")
_PUBLICITY = (PathKind.TYPICAL_CASES, PathKind.CASE, PathKind.STORY, PathKind.STORY_IMAGE)


@dataclass
class Selection:
    registries: list[str] = field(default_factory=list)
    projects: list[Path] = field(default_factory=list)
    events: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    roadshows: list[Path] = field(default_factory=list)
    publicity: list[Path] = field(default_factory=list)
    """Typical-case files chosen (content/typical-cases.yaml, content/cases/*.yaml,
    content/stories/*.md); any of
    them means the whole publicity set is checked, since cases and stories refer to each
    other."""
    page_images: list[Path] = field(default_factory=list)
    """Images of the hand-written pages (content/pages/), published with the site."""
    pages: list[Path] = field(default_factory=list)
    """The hand-written pages themselves (content/pages/*.md)."""
    project_images: list[Path] = field(default_factory=list)
    """Every image in a project's folder (projects/<college>/<id>/…), logo or not: an
    image nobody refers to is published with the repository all the same."""
    calls: list[Path] = field(default_factory=list)
    """Calls for applications (content/calls/*.yaml)."""
    applications: list[Path] = field(default_factory=list)
    """Applications in projects' folders (…/<id>/applications/<call>.yaml)."""
    checkpoints: list[Path] = field(default_factory=list)
    """Checkpoint reports in projects' folders (…/<id>/checkpoints/<call>-<kind>.yaml)."""

    @property
    def count(self) -> int:
        """How many files are checked (for the summary line)."""
        return (
            len(self.registries)
            + len(self.projects)
            + len(self.events)
            + len(self.roadshows)
            + len(self.publicity)
            + len(self.page_images)
            + len(self.pages)
            + len(self.project_images)
            + len(self.calls)
            + len(self.applications)
            + len(self.checkpoints)
        )


def project_tree(layout: Layout) -> tuple[list[Path], list[Path], list[Path]]:
    """(every project file, every regular file, every symlink) under projects/, from one
    walk of the folder (`Layout.project_files` lists the first alone; a whole-repository
    run needs all three, and at 10,000 projects each walk costs a tenth of a second)."""
    files, links = walk_files(layout.projects_dir)
    return layout.project_files(files), files, links


def select_files(
    layout: Layout,
    only: Sequence[Path] | None,
    all_projects: list[Path],
    tree: tuple[list[Path], list[Path]] | None = None,
) -> Selection:
    """The files to check and report on; `tree` is `walk_files` of projects/ when the
    caller has it (`project_tree`)."""
    if only is None:
        walked = tree or walk_files(layout.projects_dir)
        tree_problems, project_images, records = _project_tree(layout, set(all_projects), walked)
        return Selection(
            registries=[
                name
                for name, spec in REGISTRIES.items()
                if spec.required or layout.registry(name).exists()
            ],
            projects=list(all_projects),
            events=regular_files(layout.events_dir, ".yaml"),
            roadshows=regular_files(layout.roadshows_dir, ".yaml"),
            problems=tree_problems,
            publicity=_publicity_files(layout),
            page_images=page_image_files(layout),
            pages=regular_files(layout.pages_dir, ".md"),
            project_images=project_images,
            calls=regular_files(layout.calls_dir, ".yaml"),
            applications=records[PathKind.APPLICATION],
            checkpoints=records[PathKind.CHECKPOINT],
        )
    selection = Selection()
    for given in only:
        path = given if given.is_absolute() else layout.root / given
        link = first_symlink(layout.root, path)
        if has_temporary_part(layout.relative(path)):  # emacs' lock is a link: the name says more
            selection.problems.append(temporary_file_problem(layout.relative(path)))
        elif link is not None:
            selection.problems.append(symlink_problem(layout.relative(link)))
        elif not path.exists():
            selection.problems.append(
                Problem(
                    layout.relative(path),
                    rule="file.not-found",
                    message="找不到这个文件或文件夹。",
                    hint="检查路径拼写；路径相对于仓库根目录，例如 projects/textile/smart-yarn.yaml。",
                )
            )
        elif path.is_dir():
            files, links = walk_files(path)
            selection.problems += [symlink_problem(layout.relative(link)) for link in links]
            for file in (f for f in files if _is_data_file(layout, f)):
                _classify(layout, file, selection)
        else:
            _classify(layout, path, selection)
    selection.projects = sorted(set(selection.projects))
    selection.events = sorted(set(selection.events))
    selection.page_images = sorted(set(selection.page_images))
    selection.pages = sorted(set(selection.pages))
    selection.project_images = sorted(set(selection.project_images))
    selection.calls = sorted(set(selection.calls))
    selection.applications = sorted(set(selection.applications))
    selection.checkpoints = sorted(set(selection.checkpoints))
    selection.registries = [name for name in REGISTRIES if name in selection.registries]
    return selection


def _classify(layout: Layout, file: Path, selection: Selection) -> None:
    display = layout.relative(file)
    kind = layout.kind(file)
    if kind is PathKind.PROJECT:
        selection.projects.append(file)
    elif kind is PathKind.PROJECT_IMAGE:
        selection.project_images.append(file)
    elif kind is PathKind.APPLICATION:
        selection.applications.append(file)
    elif kind is PathKind.CHECKPOINT:
        selection.checkpoints.append(file)
    elif kind is PathKind.CALL:
        selection.calls.append(file)
    elif display.startswith(f"{PROJECTS}/"):
        selection.problems.append(_stray_project_file(display, file))
    elif kind is PathKind.REGISTRY and file.stem in REGISTRIES:
        selection.registries.append(file.stem)
    elif kind is PathKind.EVENT:
        selection.events.append(file)
    elif kind is PathKind.ROADSHOW:
        selection.roadshows.append(file)
    elif kind in _PUBLICITY:
        selection.publicity.append(file)
    elif kind is PathKind.PAGE_IMAGE:
        selection.page_images.append(file)
    elif kind is PathKind.PAGE:
        selection.pages.append(file)
    else:
        selection.problems.append(
            Problem(
                display,
                rule="file.unknown-kind",
                message="这个文件既不是项目文件，也不是 content/ 下的名录或活动文件，无法校验。",
                hint="项目文件放在 projects/<学院编号>/<项目编号>.yaml。",
            )
        )


_PROJECT_RECORDS = (PathKind.APPLICATION, PathKind.CHECKPOINT)


def _project_tree(
    layout: Layout, expected: set[Path], walked: tuple[list[Path], list[Path]]
) -> tuple[list[Problem], list[Path], dict[PathKind, list[Path]]]:
    """Every symlink under projects/, content/ and the build's other sources
    (`Layout.build_sources`), every file under projects/ that is neither a project file
    nor an image, application or checkpoint report in a project's folder, those images,
    and those records by kind (`walked`: projects/' files, links)."""
    project_files, project_links = walked
    links = project_links + walk_files(layout.content_dir)[1]
    for source in layout.build_sources:
        links += walk_files(source)[1]
    problems = [symlink_problem(layout.relative(link)) for link in links]
    images = []
    records: dict[PathKind, list[Path]] = {kind: [] for kind in _PROJECT_RECORDS}
    for file in project_files:
        if file in expected:
            continue
        kind = layout.kind(file)
        if kind is PathKind.PROJECT_IMAGE:
            images.append(file)
        elif kind in records:
            records[kind].append(file)
        else:
            problems.append(_stray_project_file(layout.relative(file), file))
    return problems, images, records


def _stray_project_file(display: str, file: Path) -> Problem:
    """A file under projects/ that is neither a project file nor a project image."""
    return _misplaced(display) if file.suffix in _YAML_SUFFIXES else _unexpected(display)


def _unexpected(display: str) -> Problem:
    return Problem(
        display,
        rule="file.unexpected",
        message="学院文件夹里只能放项目文件和项目图片；其他文件（名单、表格、文档、压缩包）"
        "会随仓库公开，其中的个人信息却无法检查，也不会出现在网站上。",
        hint="删除这个文件。项目信息写进项目的 YAML 文件，图片放进 projects/<学院编号>/<项目编号>/；"
        "名单、报名表等材料请走学院的内部渠道。",
    )


def temporary_file_problem(display: str) -> Problem:
    """An editor's or file manager's own file about to be committed (the pre-commit hook,
    ``invoke check-pr``): it would be public, and nothing in it is data. A file in a folder
    so named (``old~/roster.docx``) is named by that folder, which is what to remove."""
    parts = display.split("/")
    folders = [i for i, part in enumerate(parts[:-1]) if is_temporary_name(part)]
    if folders:
        folder = "/".join(parts[: folders[0] + 1])
        return Problem(
            display,
            rule="file.temporary",
            message=f"这个文件在文件夹 {folder} 里，而这个文件夹的名字是编辑器或系统临时文件"
            "的名字（如以 ~ 结尾的备份、emacs 的 #…# 和 .#…、vim 的 4913），不能提交：它会随"
            "仓库公开，却不是网站的数据。",
            hint=f"把整个文件夹从提交中删除：运行 git rm -r --cached '{folder}' 后重新提交，"
            "或在网页上删除其中的文件。需要的文件请放到名字正常的位置（项目图片放进 "
            "projects/<学院编号>/<项目编号>/）。",
        )
    return Problem(
        display,
        rule="file.temporary",
        message="这是编辑器或系统自动生成的临时文件（如 vim 的 .swp、以 ~ 结尾的备份、"
        "emacs 的 #…# 和 .#…、.DS_Store、Thumbs.db），不能提交：它会随仓库公开，"
        "里面可能有未保存的内容或文件名。",
        hint=f"把它从提交中删除：运行 git rm --cached '{display}' 后重新提交（本地的文件可以"
        "留着），或在网页上删除这个文件。仓库的 .gitignore 已列出这类文件，git add 不会再加入"
        "它们；本地的校验和预览也会忽略它们。",
    )


def _misplaced(display: str) -> Problem:
    if display.count("/") >= 3:  # inside a project's folder
        return Problem(
            display,
            rule="project.location",
            message="项目文件夹里的这个 YAML 文件放错了位置或扩展名不对，不会被读取。",
            hint="项目文件夹里只放图片、申报书 applications/<申报编号>.yaml 和检查报告 "
            "checkpoints/<申报编号>-midterm.yaml 或 -final.yaml（扩展名 .yaml，不是 .yml）。",
        )
    return Problem(
        display,
        rule="project.location",
        message="项目文件放错了位置或扩展名不对，网站会忽略它。",
        hint="项目文件必须是 projects/<学院编号>/<项目编号>.yaml（扩展名 .yaml，不是 .yml）。",
    )


def _is_data_file(layout: Layout, file: Path) -> bool:
    """What a folder given to `invoke validate` expands to: YAML files, stories, the
    hand-written pages with their images, and everything under projects/."""
    if file.suffix in _YAML_SUFFIXES or file.is_relative_to(layout.projects_dir):
        return True
    return layout.kind(file) in (PathKind.PAGE_IMAGE, PathKind.PAGE, PathKind.STORY)


def _publicity_files(layout: Layout) -> list[Path]:
    cases = layout.registry("typical-cases")
    files = [*regular_files(layout.cases_dir, ".yaml"), *regular_files(layout.stories_dir, ".md")]
    return [cases, *files] if cases.exists() else files
