"""Which files a run checks: the whole repository, or the paths given on the command line.

A path may be a project file, a registry, an event file or a folder holding them. A path
that does not exist, or a YAML file the validator has no rules for, becomes a problem
rather than an exception. A whole-repository run also reports YAML files lying in the
wrong place under projects/, since the site would silently ignore them.

Example::

    select_files(layout, [Path("projects/textile")], layout.project_files()).projects
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from showcase.images import IMAGE_SUFFIXES, page_image_files
from showcase.load.files import first_symlink, regular_files, symlink_problem, walk_files
from showcase.paths import Layout
from showcase.problems import Problem
from showcase.validate.registries import REGISTRIES

_YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class Selection:
    registries: list[str] = field(default_factory=list)
    projects: list[Path] = field(default_factory=list)
    events: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    roadshows: list[Path] = field(default_factory=list)
    publicity: list[Path] = field(default_factory=list)
    """Typical-case files chosen (content/typical-cases.yaml, content/stories/*.md); any of
    them means the whole publicity set is checked, since cases and stories refer to each
    other."""
    page_images: list[Path] = field(default_factory=list)
    """Images of the hand-written pages (content/pages/), published with the site."""
    pages: list[Path] = field(default_factory=list)
    """The hand-written pages themselves (content/pages/*.md)."""

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
        )


def select_files(
    layout: Layout, only: Sequence[Path] | None, all_projects: list[Path]
) -> Selection:
    """The files to check and report on."""
    if only is None:
        return Selection(
            registries=[
                name
                for name, spec in REGISTRIES.items()
                if spec.required or layout.registry(name).exists()
            ],
            projects=list(all_projects),
            events=_event_files(layout),
            roadshows=regular_files(layout.content_dir / "roadshows", ".yaml"),
            problems=_unsafe_or_misplaced(layout, set(all_projects)),
            publicity=_publicity_files(layout),
            page_images=page_image_files(layout.content_dir / "pages"),
            pages=regular_files(layout.content_dir / "pages", ".md"),
        )
    selection = Selection()
    for given in only:
        path = given if given.is_absolute() else layout.root / given
        link = first_symlink(layout.root, path)
        if link is not None:
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
    selection.registries = [name for name in REGISTRIES if name in selection.registries]
    return selection


def _classify(layout: Layout, file: Path, selection: Selection) -> None:
    display = layout.relative(file)
    parts = display.split("/")
    if parts[0] == "projects":
        if len(parts) == 3 and file.suffix == ".yaml":
            selection.projects.append(file)
        else:
            selection.problems.append(_misplaced(display))
    elif len(parts) == 2 and parts[0] == "content" and file.stem in REGISTRIES:
        selection.registries.append(file.stem)
    elif len(parts) == 3 and parts[:2] == ["content", "events"] and file.suffix == ".yaml":
        selection.events.append(file)
    elif len(parts) == 3 and parts[:2] == ["content", "roadshows"] and file.suffix == ".yaml":
        selection.roadshows.append(file)
    elif display == "content/typical-cases.yaml" or parts[:2] == ["content", "stories"]:
        selection.publicity.append(file)
    elif parts[:2] == ["content", "pages"] and file.suffix.lower() in IMAGE_SUFFIXES:
        selection.page_images.append(file)
    elif len(parts) == 3 and parts[:2] == ["content", "pages"] and file.suffix == ".md":
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


def _event_files(layout: Layout) -> list[Path]:
    return regular_files(layout.content_dir / "events", ".yaml")


def _unsafe_or_misplaced(layout: Layout, expected: set[Path]) -> list[Problem]:
    """Every symlink under projects/ and content/, and YAML files lying in the wrong place."""
    project_files, project_links = walk_files(layout.projects_dir)
    links = project_links + walk_files(layout.content_dir)[1]
    return [symlink_problem(layout.relative(link)) for link in links] + [
        _misplaced(layout.relative(file))
        for file in project_files
        if file.suffix in _YAML_SUFFIXES and file not in expected
    ]


def _misplaced(display: str) -> Problem:
    return Problem(
        display,
        rule="project.location",
        message="项目文件放错了位置或扩展名不对，网站会忽略它。",
        hint="项目文件必须是 projects/<学院编号>/<项目编号>.yaml（扩展名 .yaml，不是 .yml）。",
    )


def _is_data_file(layout: Layout, file: Path) -> bool:
    """What a folder given to `invoke validate` expands to: YAML files, stories, and the
    hand-written pages with their images."""
    if file.suffix in _YAML_SUFFIXES:
        return True
    if file.suffix.lower() in IMAGE_SUFFIXES and file.is_relative_to(layout.content_dir / "pages"):
        return True
    pages_or_stories = (layout.content_dir / "stories", layout.content_dir / "pages")
    return file.suffix == ".md" and file.parent in pages_or_stories


def _publicity_files(layout: Layout) -> list[Path]:
    cases = layout.registry("typical-cases")
    stories = regular_files(layout.content_dir / "stories", ".md")
    return [cases, *stories] if cases.exists() else stories
