"""Replacing a generated folder all at once, and never a folder this tool did not write.

Used for the built site, the agenda and publicity outputs and synthetic repositories:
everything is written into a staging folder beside the target, and only when that
succeeded does a pair of renames swap it in (the old folder is removed afterwards). On any
error the previous folder is untouched and no staging folder is left behind.

Every folder swapped in carries `OUTPUT_MARKER`, and `check_output_folder` refuses to
replace a non-empty folder without it, so a mistyped ``--site-dir`` or ``--out`` stops
with a message instead of deleting someone's files.

Example::

    with replaced_atomically(Path("site"), repository=root) as staging:
        (staging / "index.html").write_text("…")
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from showcase.paths import Layout


def write_replacing(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a new file renamed over it.

    Files under build/ may be hard links shared with a published site (or a cache a
    reader has open): writing into an existing file would change them too, and a write
    stopped half way would leave a torn file, so nothing is ever written in place.
    """
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


OUTPUT_MARKER = ".makerspace-showcase-output"
"""Written into every folder this tool creates as a whole; only such folders are replaced."""

EARLIER_MARKERS = (".publicity-output", ".synthetic-repository")
"""Markers that `invoke publicity` and `invoke synth` wrote before `OUTPUT_MARKER` existed."""

_MARKER_TEXT = (
    "由 makerspace-showcase 生成。再次生成时整个文件夹会被替换，请不要在这里存放其他文件。\n"
)


class ForeignFolder(Exception):
    """The output folder may hold someone's files; `message` names it and says what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def check_output_folder(target: Path, repository: Path | None = None) -> None:
    """Raise `ForeignFolder` unless replacing `target` can lose nothing but our own output.

    Fine: a missing folder, an empty one, or one holding `OUTPUT_MARKER` (or an earlier
    marker). Folders built before markers existed have none; such an unmarked folder is
    accepted only at the places the repository reserves for generated files: its ``site/``
    and the folders inside its ``build/`` (both git-ignored and documented as generated,
    and the defaults of every command), when `repository` is given. We deliberately do not
    guess from the contents (``sitemap.xml``, a search index): every MkDocs site looks like
    that, and a wrong guess deletes someone's files. The first replacement writes the
    marker, so the exception serves one migration.
    """
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise ForeignFolder(
            f"输出路径 {target} 已存在，但不是文件夹；为避免误删已停止，什么都没有改动。"
            "请换一个文件夹路径（不存在的或空的文件夹都可以）。"
        )
    if not target.exists() or _is_ours(target) or _is_reserved(target, repository):
        return
    if any(target.iterdir()):
        raise ForeignFolder(
            f"输出文件夹 {target} 不是空的，也不是本工具生成的（里面没有 {OUTPUT_MARKER} 标记）；"
            "为避免误删其中的文件已停止，什么都没有删除。请检查路径是否写错，"
            "或换一个不存在的或空的文件夹；确实要用这个位置时，先自己移走里面的文件。"
        )


def _is_ours(folder: Path) -> bool:
    return any((folder / name).is_file() for name in (OUTPUT_MARKER, *EARLIER_MARKERS))


def _is_reserved(target: Path, repository: Path | None) -> bool:
    if repository is None:
        return False
    layout, resolved = Layout(repository.resolve()), target.resolve()
    return resolved == layout.site_dir or (
        resolved != layout.build_dir and resolved.is_relative_to(layout.build_dir)
    )


@contextmanager
def replaced_atomically(
    target: Path, label: str = "new", repository: Path | None = None, spare: Path | None = None
) -> Iterator[Path]:
    """An empty staging folder that replaces `target` when the block ends without error.

    `target` is first checked with `check_output_folder` (raising `ForeignFolder`, with
    nothing touched); the staging folder gets `OUTPUT_MARKER` when the block is done.
    Staging folders are named ``.<target>-<label>-*`` beside `target`.

    With `spare` (a folder on the same file system, ours alone), the staging folder is the
    spare when there is one, holding whatever it held (the caller makes it right, see
    `showcase.engine.site_folder`), and the replaced folder, or the staging folder after a
    failure, becomes the new spare instead of being deleted.
    """
    check_output_folder(target, repository)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = _staging_folder(target, label, spare)
    try:
        yield staging
        (staging / OUTPUT_MARKER).unlink(missing_ok=True)  # a spare's may be a link
        (staging / OUTPUT_MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
        swap_in(staging, target, spare)
    finally:
        if staging.exists() and not _kept_as_spare(staging, spare):
            shutil.rmtree(staging, ignore_errors=True)


def _staging_folder(target: Path, label: str, spare: Path | None) -> Path:
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-{label}-", dir=target.parent))
    if spare is not None and spare.is_dir() and not spare.is_symlink():
        try:
            staging.rmdir()
            spare.rename(staging)  # one build at a time takes the spare
        except OSError:
            staging.mkdir(exist_ok=True)
    return staging


def _kept_as_spare(folder: Path, spare: Path | None) -> bool:
    """Move `folder` to `spare` (when none is there); False when it could not be."""
    if spare is None:
        return False
    try:
        spare.parent.mkdir(parents=True, exist_ok=True)
        folder.rename(spare)  # fails if another build left a spare meanwhile
    except OSError:
        return False
    return True


def swap_in(staging: Path, target: Path, spare: Path | None = None) -> None:
    """Replace `target` with `staging` by renames, restoring the old folder on failure; the
    old folder is deleted, or kept as `spare`."""
    if not target.exists():
        staging.rename(target)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
    retired.rmdir()
    target.rename(retired)
    try:
        staging.rename(target)
    except OSError:
        retired.rename(target)
        raise
    if not _kept_as_spare(retired, spare):
        shutil.rmtree(retired, ignore_errors=True)
