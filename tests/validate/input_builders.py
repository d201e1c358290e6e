"""Hostile inputs that cannot be committed as plain files: symlinks and invisible characters.

Invisible characters are written at test time so that the repository itself never holds a
bidirectional override (a reviewer could not see it either). Every symlink points at a
file outside the repository whose text, `SECRET`, must never appear in any message.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PIL import Image

SECRET = "root:x:0:0:绝密内容:/root"
PROJECT_TEMPLATE = """\
id: {id}
name: {name}
college: textile
level: nursery
stage: seed
status: active
fields:
  - textile-apparel
summary: 一个用于测试校验规则的项目，内容完全虚构，只为触发一条规则。
started: 2024-03
team:
  - name: 测试同学
    role: 负责人
"""


def outside_folder(root: Path) -> Path:
    """A folder beside the repository holding files nobody may read through a link."""
    folder = root.parent / "outside"
    folder.mkdir(exist_ok=True)
    (folder / "passwd.yaml").write_text(f"id: x\nname: {SECRET}\n", encoding="utf-8")
    (folder / "story.md").write_text(f"---\ncase: x\n---\n{SECRET}\n", encoding="utf-8")
    Image.new("RGB", (8, 8)).save(folder / "logo.png")
    return folder


def symlink_project_file(root: Path) -> None:
    (root / "projects/textile/evil.yaml").symlink_to(outside_folder(root) / "passwd.yaml")


def symlink_college_folder(root: Path) -> None:
    (root / "projects/evil").symlink_to(outside_folder(root), target_is_directory=True)


def symlink_projects_folder(root: Path) -> None:
    moved = root.parent / "real-projects"
    (root / "projects").rename(moved)
    (root / "projects").symlink_to(moved, target_is_directory=True)
    outside_folder(root)


def symlink_content_folder(root: Path) -> None:
    moved = root.parent / "real-content"
    (root / "content").rename(moved)
    (root / "content").symlink_to(moved, target_is_directory=True)


def symlink_content(root: Path) -> None:
    outside = outside_folder(root)
    content = root / "content"
    (content / "services.yaml").symlink_to(outside / "passwd.yaml")
    (content / "events").symlink_to(outside, target_is_directory=True)
    (content / "pages").mkdir()
    (content / "pages/photo.png").symlink_to(outside / "logo.png")
    (content / "stories").mkdir()
    (content / "stories/ghost.md").symlink_to(outside / "missing.md")
    (content / "loop.yaml").symlink_to(content / "loop.yaml")


def symlink_build_sources(root: Path) -> None:
    """The theme's templates, the site configuration and the schemas: the build reads them."""
    outside = outside_folder(root)
    (root / "overrides/partials").mkdir(parents=True)
    (root / "overrides/main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
    (root / "overrides/partials/leak.html").symlink_to(outside / "passwd.yaml")
    (root / "overrides/linked").symlink_to(outside, target_is_directory=True)
    (root / "mkdocs.yml").symlink_to(outside / "passwd.yaml")
    (root / "schemas/extra.schema.json").symlink_to(outside / "passwd.yaml")


def symlink_overrides_folder(root: Path) -> None:
    (root / "overrides").symlink_to(outside_folder(root), target_is_directory=True)


def symlink_logo_folder(root: Path) -> None:
    text = PROJECT_TEMPLATE.format(id="foo", name="链接标志") + "logo: logo.png\n"
    (root / "projects/textile/foo.yaml").write_text(text, encoding="utf-8")
    (root / "projects/textile/foo").symlink_to(outside_folder(root), target_is_directory=True)


def control_characters(root: Path) -> None:
    raw = PROJECT_TEMPLATE.format(id="raw", name="甲\u202e乙") + "# 审阅者看不见的注释\u2066\n"
    (root / "projects/textile/raw.yaml").write_text(raw, encoding="utf-8")
    binary = PROJECT_TEMPLATE.format(id="nul", name="甲\x00乙").replace("负责人", "负\x1b[31m责人")
    (root / "projects/textile/nul.yaml").write_text(binary, encoding="utf-8")
    escaped = PROJECT_TEMPLATE.format(id="escaped", name='"甲\\u202E乙"').replace(
        "role: 负责人", 'role: "负\\e责人"'
    )
    (root / "projects/textile/escaped.yaml").write_text(escaped, encoding="utf-8")


INPUT_BUILDERS: dict[str, Callable[[Path], None]] = {
    "symlink-project-file": symlink_project_file,
    "symlink-college-folder": symlink_college_folder,
    "symlink-projects-folder": symlink_projects_folder,
    "symlink-content": symlink_content,
    "symlink-content-folder": symlink_content_folder,
    "symlink-logo-folder": symlink_logo_folder,
    "symlink-build-sources": symlink_build_sources,
    "symlink-overrides-folder": symlink_overrides_folder,
    "control-characters": control_characters,
}
