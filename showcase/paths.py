"""Where things live in a showcase repository, and what kind of file a path is.

One owner for the layout: the validator, the form spec, `check-pr`, ownership, file
selection, images and the browser form all ask here, so moving a folder is one change.
`Layout` answers with paths under a checkout (tests and benchmarks point the whole
pipeline at a temporary repository, say a synthetic one with 10,000 projects); the
``*_path`` functions and `kind_of` answer with repository-relative POSIX strings, the form
git and the forges use.
"""

from __future__ import annotations

import functools
import hashlib
import os
import posixpath
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from showcase.load.files import is_temporary_name, path_order, regular_files, subfolders

PROJECTS = "projects"
CONTENT = "content"
SCHEMAS = "schemas"
OVERRIDES = "overrides"
"""The theme's ``custom_dir`` (``mkdocs.yml``): templates MkDocs renders into every page."""
SITE_CONFIG = "mkdocs.yml"
EVENTS = f"{CONTENT}/events"
ROADSHOWS = f"{CONTENT}/roadshows"
STORIES = f"{CONTENT}/stories"
CASES = f"{CONTENT}/cases"
CALLS = f"{CONTENT}/calls"
"""One call for applications (申报通知) per file: content/calls/<call id>.yaml."""
APPLICATIONS = "applications"
CHECKPOINTS = "checkpoints"
"""Folders inside a project's folder: its applications to calls
(projects/<college>/<id>/applications/<call id>.yaml) and its checkpoint reports
(…/checkpoints/<call id>-<kind>.yaml). They lie in the college's folder so the college's
maintainers own them like the project file."""
"""One typical case per file (content/cases/<case id>.yaml), beside the list in
content/typical-cases.yaml: the 推荐典型案例 form creates a file, never edits the list."""
PAGES = f"{CONTENT}/pages"
QR_IMAGES = f"{PAGES}/img"
"""Where a registry contact's QR image (``qr_image``) lives: published with the pages' images."""
TYPICAL_CASES = "typical-cases"
"""content/typical-cases.yaml: the publicity office's list, not a registry."""

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif", ".svg")
"""The image files contributors may add (project folders, stories, hand-written pages)."""


class PathKind(StrEnum):
    """What a repository path holds; the value is the schema kind where one exists."""

    PROJECT = "project"  # projects/<college>/<id>.yaml
    PROJECT_IMAGE = "project-image"  # projects/<college>/<id>/…/<image>
    REGISTRY = "registry"  # content/<name>.yaml
    TYPICAL_CASES = "typical-cases"  # content/typical-cases.yaml
    CASE = "case"  # content/cases/<case>.yaml
    EVENT = "event"  # content/events/<id>.yaml
    ROADSHOW = "roadshow"  # content/roadshows/<id>.yaml
    STORY = "story"  # content/stories/<case>.md
    STORY_IMAGE = "story-image"  # content/stories/<case>/…/<image>
    PAGE = "page"  # content/pages/<name>.md
    PAGE_IMAGE = "page-image"  # content/pages/…/<image>
    CALL = "call"  # content/calls/<id>.yaml
    APPLICATION = "application"  # projects/<college>/<id>/applications/<call>.yaml
    CHECKPOINT = "checkpoint"  # projects/<college>/<id>/checkpoints/<call>-<kind>.yaml


_PROJECT_RECORDS = {APPLICATIONS: PathKind.APPLICATION, CHECKPOINTS: PathKind.CHECKPOINT}


def is_image_name(name: str) -> bool:
    return name.lower().endswith(IMAGE_SUFFIXES)


def kind_of(path: str) -> PathKind | None:
    """The kind of a repository-relative POSIX path, or None for a file of no known kind
    (an editor's temporary file among them, though emacs' lock ``.#x.yaml`` ends in .yaml)."""
    parts = path.split("/")
    name = parts[-1]
    depth = len(parts)
    if is_temporary_name(name):
        return None
    if parts[0] == PROJECTS:
        if depth == 3 and name.endswith(".yaml"):
            return PathKind.PROJECT
        if depth == 5 and name.endswith(".yaml") and parts[3] in _PROJECT_RECORDS:
            return _PROJECT_RECORDS[parts[3]]
        return PathKind.PROJECT_IMAGE if depth >= 4 and is_image_name(name) else None
    if parts[0] != CONTENT or depth < 2:
        return None
    if depth == 2:
        if not name.endswith(".yaml"):
            return None
        return PathKind.TYPICAL_CASES if name == f"{TYPICAL_CASES}.yaml" else PathKind.REGISTRY
    folder = "/".join(parts[:2])
    if folder == STORIES:
        if depth == 3 and name.endswith(".md"):
            return PathKind.STORY
        return PathKind.STORY_IMAGE if depth >= 4 and is_image_name(name) else None
    if folder == PAGES:
        if is_image_name(name):
            return PathKind.PAGE_IMAGE
        return PathKind.PAGE if depth == 3 and name.endswith(".md") else None
    if depth == 3 and name.endswith(".yaml"):
        return {
            EVENTS: PathKind.EVENT,
            ROADSHOWS: PathKind.ROADSHOW,
            CASES: PathKind.CASE,
            CALLS: PathKind.CALL,
        }.get(folder)
    return None


def college_of(path: str) -> str | None:
    """The college folder a repository path lies in, or None outside projects/<college>/."""
    parts = path.split("/")
    return parts[1] if len(parts) >= 3 and parts[0] == PROJECTS else None


def college_folder_path(college: str) -> str:
    return f"{PROJECTS}/{college}"


def project_file_path(college: str, project_id: str) -> str:
    return f"{PROJECTS}/{college}/{project_id}.yaml"


def project_folder_path(college: str, project_id: str) -> str:
    """The folder beside a project's file that holds its images."""
    return f"{PROJECTS}/{college}/{project_id}"


def call_file_path(call_id: str) -> str:
    return f"{CALLS}/{call_id}.yaml"


def application_file_path(college: str, project_id: str, call_id: str) -> str:
    """A project's application to a call: one per project and call, by construction."""
    return f"{project_folder_path(college, project_id)}/{APPLICATIONS}/{call_id}.yaml"


def checkpoint_file_path(college: str, project_id: str, call_id: str, kind: str) -> str:
    """A funded project's checkpoint report (`kind` is midterm or final)."""
    return f"{project_folder_path(college, project_id)}/{CHECKPOINTS}/{call_id}-{kind}.yaml"


def story_folder_path(case_id: str) -> str:
    """The folder beside a story that holds its images."""
    return f"{STORIES}/{case_id}"


def case_file_path(case_id: str) -> str:
    """A typical case written as its own file."""
    return f"{CASES}/{case_id}.yaml"


def story_file_path(case_id: str) -> str:
    return f"{STORIES}/{case_id}.md"


def registry_path(name: str) -> str:
    """A registry (or the typical-case list) under content/, e.g. ``registry_path("site")``."""
    return f"{CONTENT}/{name}.yaml"


def schema_path(kind: str) -> str:
    return f"{SCHEMAS}/{kind}.schema.json"


SCHEMA_HEADER = "# yaml-language-server: $schema=" + posixpath.relpath(
    schema_path("project"), college_folder_path("college")
)
"""First line of every project file: VS Code's YAML extension checks the file with it."""


@dataclass(frozen=True)
class Layout:
    root: Path
    rules: Path | None = None
    """Where ``schemas/`` is read from when not `root`: `invoke check-pr` judges a pull
    request's data (root) with the base branch's schemas (rules), never with its own."""

    @property
    def projects_dir(self) -> Path:
        return self.root / PROJECTS

    @property
    def content_dir(self) -> Path:
        return self.root / CONTENT

    @property
    def events_dir(self) -> Path:
        return self.root / EVENTS

    @property
    def roadshows_dir(self) -> Path:
        return self.root / ROADSHOWS

    @property
    def stories_dir(self) -> Path:
        return self.root / STORIES

    @property
    def cases_dir(self) -> Path:
        return self.root / CASES

    @property
    def calls_dir(self) -> Path:
        return self.root / CALLS

    @property
    def pages_dir(self) -> Path:
        """Hand-written pages (about, policy, how to contribute) and their images."""
        return self.root / PAGES

    @property
    def schemas_dir(self) -> Path:
        return (self.rules or self.root) / SCHEMAS

    @property
    def build_sources(self) -> tuple[Path, ...]:
        """What the build reads from the repository besides projects/ and content/: the
        schemas (the forms are built from them), the site configuration and the theme's
        templates. A link among them would publish whatever it points to."""
        return (self.schemas_dir, self.root / SITE_CONFIG, self.root / OVERRIDES)

    @property
    def build_dir(self) -> Path:
        """Scratch space for generated docs trees; ignored by git."""
        return self.root / "build"

    @property
    def render_cache_dir(self) -> Path:
        """The render stage's memo of pages (`showcase.engine.render_cache`)."""
        return self.cache_dir / "render"

    @property
    def published_images_dir(self) -> Path:
        """Cache of re-encoded images by content (see `showcase.images.publish`)."""
        return self.build_dir / "published-images"

    @property
    def cache_dir(self) -> Path:
        """Caches of build outputs keyed by content (``invoke build --clean`` removes it)."""
        return self.build_dir / "cache"

    @property
    def page_cache_dir(self) -> Path:
        """The site's finished pages and their search documents (`showcase.engine.page_cache`)."""
        return self.cache_dir / "pages"

    @property
    def word_store(self) -> Path:
        """jieba's dictionary as SQLite, for segmenting a few pages (`showcase.engine.word_store`).

        It depends on jieba's version only, not on the repository, so it is kept once per
        user (as jieba keeps its own cache): another clone, a clean build or a test's fresh
        repository does not write its 500,000 words again."""
        return user_cache_dir() / "jieba-words.sqlite3"

    def spare_site_dir(self, site_dir: Path) -> Path:
        """The folder `site_dir` replaced last, which the next build of it is made in
        (`showcase.engine.site_folder`); one per output folder (site/, the preview)."""
        tag = hashlib.blake2b(str(site_dir).encode("utf-8"), digest_size=6).hexdigest()
        return self.cache_dir / "sites" / f"{site_dir.name}-{tag}"

    @property
    def docs_listing(self) -> Path:
        """Each docs tree file's digest and stat (`showcase.engine.docs_writer`)."""
        return self.cache_dir / "docs-tree.json"

    @property
    def docs_tree_dir(self) -> Path:
        """The generated docs tree MkDocs builds the site from."""
        return self.build_dir / "docs"

    @property
    def validation_cache_dir(self) -> Path:
        """Per-file validation results (see `showcase.validate.cache`)."""
        return self.cache_dir / "validate"

    @property
    def site_dir(self) -> Path:
        """The last good built site; replaced atomically by each successful build."""
        return self.root / "site"

    def registry(self, name: str) -> Path:
        """A registry file under content/, e.g. ``registry("colleges")``."""
        return self.root / registry_path(name)

    def schema(self, kind: str) -> Path:
        return (self.rules or self.root) / schema_path(kind)

    def project_file(self, college: str, project_id: str) -> Path:
        return self.root / project_file_path(college, project_id)

    def project_files(self, walked: list[Path] | None = None) -> list[Path]:
        """Every project file (``projects/<college>/<id>.yaml``), in a stable order;
        symlinks are never listed or entered. `walked`: every regular file under
        ``projects/`` in that order (`showcase.load.files.walk_files`), when the caller
        has walked it anyway: the project files are picked from it."""
        if walked is not None:
            depth = len(self.projects_dir.parts) + 2
            return [f for f in walked if len(f.parts) == depth and f.name.endswith(".yaml")]
        return sorted(
            (
                file
                for college in subfolders(self.projects_dir)
                for file in regular_files(college, ".yaml")
            ),
            key=path_order,
        )

    def project_record_files(self, folder: str) -> list[Path]:
        """Every application (`folder` = APPLICATIONS) or checkpoint report (CHECKPOINTS)
        file, in a stable order; symlinks are never listed or entered."""
        return sorted(
            file
            for college in subfolders(self.projects_dir)
            for project in subfolders(college)
            for file in regular_files(project / folder, ".yaml")
        )

    def kind(self, path: Path) -> PathKind | None:
        """What a file under the root holds (see `kind_of`)."""
        return kind_of(self.relative(path))

    def relative(self, path: Path) -> str:
        """The repository-relative form used in messages, always with forward slashes.

        A path written under the root is shown as written, so a symlink is named by its
        own path and never by the file it points to.
        """
        if path.is_absolute() and ".." not in path.parts:
            under = text_under(path, self.root)
            if under is not None:
                return under
            if path.is_relative_to(self.root):
                return path.relative_to(self.root).as_posix()
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


def text_under(path: Path, root: Path) -> str | None:
    """``path.relative_to(root).as_posix()`` when the text of `path` starts with `root`'s
    and a slash, else None (ask `Path.relative_to`). A path's text is already normalised,
    so this is the same answer without pathlib's cost, paid for every file of a large
    repository."""
    text, prefix = str(path), str(root)
    prefix = prefix if prefix.endswith("/") else prefix + "/"
    return text[len(prefix) :] if text.startswith(prefix) and len(text) > len(prefix) else None


def repository_root() -> Path:
    """The checkout this package runs from (the folder holding tasks.py)."""
    return Path(__file__).resolve().parent.parent


@functools.cache
def package_sources_digest() -> bytes:
    """A digest of every Python module of this package, by path and bytes (read once per
    process): the caches of the build are keyed by it, so any change of code empties them."""
    package = Path(__file__).resolve().parent
    digest = hashlib.blake2b(digest_size=16)
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode() + b"\0")
        digest.update(source.read_bytes())
    return digest.digest()


def user_cache_dir() -> Path:
    """This user's cache of what depends on our libraries only, never on a repository:
    ``$XDG_CACHE_HOME/makerspace-showcase``, by default ``~/.cache/makerspace-showcase``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "makerspace-showcase"
