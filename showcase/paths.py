"""Where things live in a showcase repository.

One object answers every "where is …" question so that tests and benchmarks can point the
whole pipeline at a temporary repository (for example a synthetic one with 10,000 projects).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from showcase.load.files import regular_files, subfolders


@dataclass(frozen=True)
class Layout:
    root: Path
    rules: Path | None = None
    """Where ``schemas/`` is read from when not `root`: `invoke check-pr` judges a pull
    request's data (root) with the base branch's schemas (rules), never with its own."""

    @property
    def projects_dir(self) -> Path:
        return self.root / "projects"

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def schemas_dir(self) -> Path:
        return (self.rules or self.root) / "schemas"

    @property
    def build_dir(self) -> Path:
        """Scratch space for generated docs trees; ignored by git."""
        return self.root / "build"

    @property
    def published_images_dir(self) -> Path:
        """Cache of re-encoded images by content (see `showcase.images.publish`)."""
        return self.build_dir / "published-images"

    @property
    def site_dir(self) -> Path:
        """The last good built site; replaced atomically by each successful build."""
        return self.root / "site"

    def registry(self, name: str) -> Path:
        """A registry file under content/, e.g. ``registry("colleges")``."""
        return self.content_dir / f"{name}.yaml"

    def schema(self, kind: str) -> Path:
        return self.schemas_dir / f"{kind}.schema.json"

    def project_files(self) -> list[Path]:
        """Every project file, in a stable order; symlinks are never listed or entered."""
        return sorted(
            file
            for college in subfolders(self.projects_dir)
            for file in regular_files(college, ".yaml")
        )

    def relative(self, path: Path) -> str:
        """The repository-relative form used in messages, always with forward slashes.

        A path written under the root is shown as written, so a symlink is named by its
        own path and never by the file it points to.
        """
        if path.is_absolute() and ".." not in path.parts and path.is_relative_to(self.root):
            return path.relative_to(self.root).as_posix()
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


def repository_root() -> Path:
    """The checkout this package runs from (the folder holding tasks.py)."""
    return Path(__file__).resolve().parent.parent
