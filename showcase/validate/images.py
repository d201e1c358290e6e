"""Checks for a project's logo: inside its own folder, a real, small, safe, clean image.

The path must stay inside ``projects/<college>/<id>/`` (no ``..``, no absolute path, no
symlink anywhere on the way: a link is never followed), because colleges may only touch
their own folder. The file type is read from its content with Pillow, never from its
extension. Decompression bombs (a tiny file claiming a huge canvas) are refused before any
pixel is decoded, and a truncated or corrupt file is a problem, not a traceback
(`showcase.images.decode`). An image carrying location or personal metadata is refused
with the command that strips it (`showcase.images.metadata`), and so is one with data appended after its end
(`showcase.images.trailer`): the repository is public, so
the original must not be committed, even though the build publishes only a re-encoded copy.

Story images (``content/stories/<case>/``) follow the same rules through `check_image`,
and the other images (``content/pages/``, project folders) through `check_image_files`.

Example::

    check_logo(document, project_dir, "logo.png", "标志图片")   # [] when it is fine
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from showcase.images.decode import MAX_SIDE, ImageRefused, Refusal, decode
from showcase.images.metadata import personal_metadata
from showcase.images.strip import strip_command
from showcase.images.trailer import trailing_bytes
from showcase.load.files import first_symlink
from showcase.load.yamlfile import Document
from showcase.paths import Layout, project_folder_path
from showcase.problems import Problem
from showcase.validate.labels import field_label
from showcase.validate.wording import phrase, wording

MEGABYTE = 1024 * 1024
MAX_LOGO_BYTES = 1 * MEGABYTE
"""The largest logo file accepted; the submission form checks the same limit (its spec)."""


Finding = tuple[str, str, str]
"""(rule, message, hint) of one logo problem."""


def check_logo(document: Document, project_dir: Path, logo: str, title: str) -> list[Problem]:
    """Every problem with the logo `logo`, written relative to `project_dir`."""
    folder = project_folder_path(project_dir.parent.name, project_dir.name) + "/"
    return check_image(document, ("logo",), project_dir, folder, logo, title)


def check_image(
    document: Document, key: tuple[str, ...], own_dir: Path, folder: str, written: str, title: str
) -> list[Problem]:
    """Every problem with the image `written` (at `key` in `document`) inside `own_dir`.

    `folder` is how messages name `own_dir`, repository-relative and ending in a slash.
    """
    finding = _find_problem(own_dir, written, folder)
    if finding is None:
        return []
    rule, message, hint = finding
    line, column = document.position(key)
    return [
        Problem(
            document.path,
            line,
            column,
            rule=rule,
            field=field_label(key, title),
            message=message,
            hint=hint,
        )
    ]


def _find_problem(project_dir: Path, logo: str, folder: str) -> Finding | None:
    written = PurePosixPath(logo.replace("\\", "/"))
    if written.is_absolute() or ".." in written.parts:
        return (
            "logo.outside",
            f"图片路径「{logo}」指向了项目文件夹之外。",
            f"把图片放进 {folder}，这里只写文件名，例如 logo.png。",
        )
    link = first_symlink(project_dir.parent, project_dir / written)
    if link is not None:
        shown = folder if link == project_dir else f"{folder}{link.relative_to(project_dir)}"
        return (
            "file.symlink",
            f"{shown.rstrip('/')} 是符号链接（快捷方式），不会被读取。",
            f"把图片文件本身复制进 {folder}，不要用快捷方式或符号链接。",
        )
    try:
        real = (project_dir / written).resolve(strict=True)
    except (OSError, RuntimeError):
        return (
            "logo.missing",
            f"找不到图片 {folder}{written}。",
            f"把图片放进 {folder}，文件名与这里写的一致（区分大小写）。",
        )
    if not real.is_file():
        return (
            "logo.missing",
            f"{folder}{written} 不是文件。",
            "这里写图片文件的名字，例如 logo.png。",
        )
    size = real.stat().st_size
    if size > MAX_LOGO_BYTES:
        return (
            "logo.too-large",
            *wording(
                "logo.too-large",
                megabytes=f"{size / MEGABYTE:.1f}",
                limit=MAX_LOGO_BYTES // MEGABYTE,
            ),
        )
    return _check_content(real, f"{folder}{written}")


def _check_content(real: Path, shown: str) -> Finding | None:
    """Decode the whole image, then look for metadata that must not be committed."""
    data = real.read_bytes()
    try:
        image = decode(data)
    except ImageRefused as refused:
        return _refusal(refused, real.suffix.lower())
    found = personal_metadata(image)
    if not found:
        tail = trailing_bytes(data, image.format or "")
        if not tail:
            return None
        return (
            "image.trailing-data",
            f"图片结束之后还附带了 {tail} 字节的其他数据（看图软件不显示，但会随仓库公开），"
            "可能是拼接进来的压缩包或网页。",
            f"运行 {strip_command(shown)}，它只保留图片本身并重新保存，然后再提交。",
        )
    return (
        "image.metadata",
        f"图片带有可能泄露位置或个人信息的元数据：{'、'.join(found)}。"
        "仓库是公开的，任何人都能下载原图读出这些信息。",
        f"运行 {strip_command(shown)}，它去掉元数据并重新保存图片，然后再提交。",
    )


def _refusal(refused: ImageRefused, suffix: str) -> Finding:
    if refused.reason is Refusal.FORMAT:
        return _not_image(refused.found, suffix)
    if refused.reason is Refusal.DIMENSIONS:
        return _too_big(*(refused.size or (0, 0)))
    return ("logo.corrupt", *wording("logo.corrupt"))


def _not_image(kind: str | None, suffix: str) -> Finding:
    if kind:
        found = phrase("logo.format/kind", kind=kind)
    else:
        found = phrase("logo.format/svg" if suffix == ".svg" else "logo.format/other")
    return ("logo.format", *wording("logo.format", found=found))


def _too_big(width: int = 0, height: int = 0) -> Finding:
    if width:
        size = phrase("logo.dimensions/size", width=width, height=height)
    else:
        size = phrase("logo.dimensions/bomb")
    return ("logo.dimensions", *wording("logo.dimensions", size=size, side=MAX_SIDE))


def check_image_files(layout: Layout, files: list[Path]) -> list[Problem]:
    """Every problem with the images `files` that no YAML field names (the hand-written
    pages' images, and images in a project's folder besides its logo): each problem names
    the image file itself.
    """
    problems = []
    for file in files:
        shown = layout.relative(file)
        finding = _find_problem(file.parent, file.name, shown.removesuffix(file.name))
        if finding is not None:
            rule, message, hint = finding
            problems.append(Problem(shown, rule=rule, message=message, hint=hint))
    return problems
