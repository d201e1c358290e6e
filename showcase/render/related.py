"""Related projects: a few neighbours in the same field, then in the same college.

Comparing every pair of projects would be quadratic, so the index is built once: each
field and each college maps to its projects in id order, with every project's position.
A project's related projects are its nearest neighbours in those lists (next, previous,
second next, …, wrapping around), which is deterministic and costs a constant per page.

Example::

    index = RelatedIndex(model.projects.values())
    index.related(project)  # up to 4 other projects, never `project` itself
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from showcase.model import Project

MAX_RELATED = 4
_OFFSETS = (1, -1, 2, -2, 3, -3, 4, -4)


class RelatedIndex:
    """Projects grouped by field and by college, built in one pass over the model."""

    def __init__(self, projects: Iterable[Project]) -> None:
        self._groups: dict[tuple[str, str], list[Project]] = defaultdict(list)
        for project in sorted(projects, key=lambda p: p.id):
            for field_id in project.fields:
                self._groups["field", field_id].append(project)
            self._groups["college", project.college].append(project)
        self._positions = {
            (key, project.id): position
            for key, members in self._groups.items()
            for position, project in enumerate(members)
        }

    def related(self, project: Project, limit: int = MAX_RELATED) -> list[Project]:
        """Up to `limit` other projects: same field first, then same college."""
        found: dict[str, Project] = {}
        keys = [("field", f) for f in project.fields]
        for candidates in (keys, [("college", project.college)]):
            for neighbour in self._neighbours(project, candidates):
                if neighbour.id != project.id:
                    found.setdefault(neighbour.id, neighbour)
                if len(found) >= limit:
                    return list(found.values())
        return list(found.values())

    def _neighbours(self, project: Project, keys: list[tuple[str, str]]) -> Iterator[Project]:
        """Each offset's neighbour in each of the `keys`' lists that holds `project`."""
        lists = []
        for key in keys:
            position = self._positions.get((key, project.id))
            if position is not None:
                lists.append((self._groups[key], position))
        for offset in _OFFSETS:
            for members, position in lists:
                if len(members) > abs(offset):
                    yield members[(position + offset) % len(members)]
