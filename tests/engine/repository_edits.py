"""Edits of a copy of the sample repository that keep it valid (or, one, make it invalid).

Used by the incremental-build property test: each edit touches one kind of build input
(a project, a registry, a story, mkdocs.yml, a template) the way a contributor would,
as text, so every cache in between sees a real file change.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from showcase.paths import repository_root
from tests.engine.test_build_site import site_hashes

SAMPLE_PARTS = ("projects", "content", "schemas", "overrides", "mkdocs.yml")
GENERATED = ("build", "site", ".cache")
PHRASES = (
    "面向中小制造企业提供低成本的替代方案",
    "已完成样机开发并在合作单位试用",
    "团队在导师指导下完成了第二轮用户访谈",
    "获得学院创业苗圃的场地与设备支持",
    "正在申请一项实用新型专利",
)
COLOURS = ("indigo", "teal", "blue-grey", "deep-purple", "green", "brown")


def copy_sample(target: Path) -> Path:
    """The sample repository's inputs (no build/ or site/) copied into `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for part in SAMPLE_PARTS:
        source = repository_root() / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    return target


def copy_inputs(source: Path, target: Path) -> Path:
    """A clean checkout of `source`'s current state: everything but generated folders."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(*GENERATED))
    return target


def movable_projects(root: Path) -> list[Path]:
    """Project files that nothing else names and that have no folder of their own: they can
    be renamed or deleted and the repository stays valid."""
    others = [
        p.read_text(encoding="utf-8")
        for p in sorted((root / "content").rglob("*"))
        if p.is_file() and p.suffix in (".yaml", ".md")
    ]
    files = sorted((root / "projects").glob("*/*.yaml"))
    texts = {file: file.read_text(encoding="utf-8") for file in files}
    movable = []
    for file in files:
        word = re.compile(rf"(?<![\w-]){re.escape(file.stem)}(?![\w-])")
        named = any(word.search(text) for text in others) or any(
            word.search(text) for other, text in texts.items() if other != file
        )
        if not named and not file.with_suffix("").exists():
            movable.append(file)
    return movable


def replace_line(file: Path, pattern: str, line: str, occurrence: int = 0) -> None:
    """Replace the `occurrence`-th line matching `pattern` (modulo their number) by `line`."""
    text = file.read_text(encoding="utf-8")
    matches = list(re.finditer(pattern, text, flags=re.MULTILINE))
    assert matches, f"{file} has no line matching {pattern}"
    found = matches[occurrence % len(matches)]
    file.write_text(text[: found.start()] + line + text[found.end() :], encoding="utf-8")


def add_project(root: Path, template: Path, number: int) -> Path:
    """A new project in `template`'s college: its text with a new id and name."""
    new_id = f"added-project-{number}"
    target = template.with_name(f"{new_id}.yaml")
    shutil.copy2(template, target)
    replace_line(target, r"^id: .*$", f"id: {new_id}")
    replace_line(target, r"^name: .*$", f"name: 新增测试项目{number}号")
    return target


def rename_project(file: Path, number: int) -> Path:
    """The project moved to a new file name, its id following (a contributor's rename)."""
    new_id = f"{file.stem}-renamed-{number}"
    target = file.with_name(f"{new_id}.yaml")
    file.rename(target)
    replace_line(target, r"^id: .*$", f"id: {new_id}")
    return target


def first_difference(incremental: Path, clean: Path) -> str | None:
    """The first file that differs between two site folders, said plainly; None if equal."""
    left, right = site_hashes(incremental), site_hashes(clean)
    for name in sorted(left.keys() | right.keys()):
        if name not in right:
            return f"{name}: only in the incremental site (stale output)"
        if name not in left:
            return f"{name}: missing from the incremental site"
        if left[name] != right[name]:
            return f"{name}: differs\n{_first_differing_line(incremental / name, clean / name)}"
    return None


def _first_differing_line(left: Path, right: Path) -> str:
    """Where two files first differ: the line, and the text around the first different
    character (a minified JSON or search index is one long line)."""
    a = left.read_bytes().decode("utf-8", errors="replace").splitlines()
    b = right.read_bytes().decode("utf-8", errors="replace").splitlines()
    for number, (x, y) in enumerate(zip(a, b, strict=False), start=1):
        if x != y:
            column = next(
                (i for i, (p, q) in enumerate(zip(x, y, strict=False)) if p != q),
                min(len(x), len(y)),
            )
            start = max(column - 60, 0)
            return (
                f"  line {number}, column {column + 1}\n"
                f"  incremental: …{x[start : column + 100]}\n"
                f"  clean:       …{y[start : column + 100]}"
            )
    return f"  lengths differ: {len(a)} lines against {len(b)}"
