"""Every project page through the render memo, without making the inputs of an unchanged one.

A project page's memo key is the digest of its `ProjectPageInputs`; making those inputs
(related projects, roadshow slots, support) and digesting them costs ~70 µs a page, a
third of a second at 10,000 projects on every warm build. But the inputs are a function
of the project, its file's last change date and a *context* every page shares: the
colleges, fields, mentors and roadshows, the site's offices, the support index, and what
the related-projects index reads of every project (`related_facts`). So each page's key
is also kept under a cheap *short key* (context, project digest, date): a build whose
short key was seen by the previous build takes the page's key from there and makes no
inputs; any other page makes its inputs and key as before. The page's memo entry is
keyed by its inputs either way, so the two paths never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping

from showcase.model import Model, Project
from showcase.render import paths
from showcase.render.call_support import SupportIndex
from showcase.render.memo import KeptFile, RenderMemo, digest
from showcase.render.project_page import ProjectPageInputs, project_page, project_page_inputs
from showcase.render.related import RelatedIndex
from showcase.render.roadshow.slots import RoadshowSlots

SHORT_KEYS = "project-pages:short-keys"
"""The memo's name for every page's short key → key of its inputs."""
RELATED_FACTS = "project-pages:related-facts"
"""The memo's name for the digest of each project's `related_facts`."""


def related_facts(project: Project) -> tuple[object, ...]:
    """What `RelatedIndex` reads of a project, and what another page shows of it (id,
    name, level): equal facts of every project, equal related projects for every page."""
    return project.id, project.name, project.level, project.college, project.fields


class ProjectPages:
    """The pages of one render, `file` by `file`, then `finish` to keep the short keys."""

    def __init__(
        self,
        memo: RenderMemo,
        model: Model,
        related: RelatedIndex,
        last_changed: Mapping[str, str],
        slots: RoadshowSlots,
        support: SupportIndex,
    ) -> None:
        self._memo, self._model, self._related = memo, model, related
        self._last_changed, self._slots, self._support = last_changed, slots, support
        self._context = memo.key(
            (
                memo.records(tuple(model.colleges.values())),
                memo.records(tuple(model.fields.values())),
                memo.records(tuple(model.mentors.values())),
                memo.records(tuple(model.roadshows.values())),
                memo.records(tuple(model.site.contacts)),
                memo.part_key(RELATED_FACTS, model.projects.values(), related_facts),
                dict(support),
            )
        )
        self._known = memo.previous_digests(SHORT_KEYS)
        self._seen: dict[str, str] = {}

    def file(self, project: Project) -> bytes | KeptFile:
        """The project's page: the previous build's (`KeptFile`) if its inputs are equal."""
        changed = self._last_changed.get(project.source, "")
        short = digest((self._context, self._memo.digest_of(project), changed)).hex()
        made: list[ProjectPageInputs] = []

        def inputs() -> ProjectPageInputs:
            if not made:
                made.append(
                    project_page_inputs(
                        project,
                        self._model,
                        self._related,
                        self._last_changed,
                        self._slots,
                        self._support,
                    )
                )
            return made[0]

        known = self._known.get(short)
        key = bytes.fromhex(known) if known else self._memo.declared_key(inputs())
        self._seen[short] = key.hex()
        path = paths.project_page(project.id)
        return self._memo.reuse_file(path, key, lambda: project_page(inputs()).encode("utf-8"))

    def finish(self) -> None:
        """Keep this render's short keys for the next build."""
        self._memo.keep_digests(SHORT_KEYS, self._seen)
