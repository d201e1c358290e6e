"""The directory index: every project reduced to what the directory's filters need.

The browser filters, sorts and pages 10,000 projects from one compact JSON file
(``assets/directory.json``) instead of 10,000 cards in one page. Labels are written once,
in the header; each project is a short array of option indexes::

    {"version": 1,
     "facets": [["college", "学院", [["textile", "纺织学院"], …]], …],
     "columns": ["id", "name", "summary", "college", …],
     "projects": [["sensor-fabric", "柔性传感织物", "把柔性…", 0, 1, 1, 0, [0, 1], 2, [0, 2],
                   202309, 2, 17, 7, "png"], …]}

Single-valued facets hold one index, multi-valued ones (field, seeking) a list. The pinyin
order of names is computed here (``name_rank``), so the browser never needs a pinyin table.
Built from the checked model only, so non-public team members cannot appear.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from showcase import jsontext
from showcase.model import LEVELS, SEEKING, STAGES, STATUSES, Model, Project
from showcase.render.cards import placeholder_hue
from showcase.render.memo import RenderMemo

SUMMARY_CHARS = 40
"""Cards show at most two lines of summary (about 16 characters a line on a phone); the
full text is on the project page. Summaries are most of the index's bytes."""


@dataclass(frozen=True)
class Facet:
    """One filter: its URL parameter, its Chinese title and its options (id, label)."""

    key: str
    title: str
    options: tuple[tuple[str, str], ...]
    multiple: bool = False
    """Whether a project can have several values (fields, seeking)."""


COLUMNS = (
    "id",
    "name",
    "summary",
    "college",
    "level",
    "stage",
    "status",
    "field",
    "year",
    "seeking",
    "started",
    "achievements",
    "name_rank",
    "hue",
    "logo",
)


def facets(model: Model) -> list[Facet]:
    """The directory's filters in display order; years newest first, only those in use."""
    years = sorted({p.started[:4] for p in model.projects.values()}, reverse=True)
    return [
        Facet("college", "学院", tuple((c.id, c.name) for c in model.colleges.values())),
        Facet("level", "孵化层级", tuple(LEVELS.items())),
        Facet("stage", "发展阶段", tuple(STAGES.items())),
        Facet("status", "状态", tuple(STATUSES.items())),
        Facet("field", "行业领域", tuple((f.id, f.name) for f in model.fields.values()), True),
        Facet("year", "启动年份", tuple((y, f"{y} 年") for y in years)),
        Facet("seeking", "寻求资源", tuple(SEEKING.items()), True),
    ]


def facet_values(project: Project) -> dict[str, tuple[str, ...]]:
    """The option ids a project has, per facet."""
    return {
        "college": (project.college,),
        "level": (project.level,),
        "stage": (project.stage,),
        "status": (project.status,),
        "field": project.fields,
        "year": (project.started[:4],),
        "seeking": project.seeking,
    }


def facet_counts(
    projects: Iterable[Project], selection: Mapping[str, Iterable[str]]
) -> dict[str, dict[str, int]]:
    """For each facet option, how many projects have it and match every *other* facet.

    This is the number a visitor gets by choosing only that option within its facet while
    keeping the other facets as they are (AND across facets, OR within one), so an option's
    count does not drop to zero just because a sibling option is chosen. One pass: a project
    that fails two or more facets counts nowhere; failing exactly one, it counts only there.
    """
    chosen = {key: set(values) for key, values in selection.items() if values}
    counts: dict[str, dict[str, int]] = {}
    for project in projects:
        values = facet_values(project)
        failed = [key for key, wanted in chosen.items() if wanted.isdisjoint(values[key])]
        if len(failed) > 1:
            continue
        for key in failed or values:
            bucket = counts.setdefault(key, {})
            for value in values[key]:
                bucket[value] = bucket.get(value, 0) + 1
    return counts


def matches(project: Project, selection: Mapping[str, Iterable[str]]) -> bool:
    """Whether `project` passes every facet that has a choice."""
    values = facet_values(project)
    return all(
        not set(wanted) or not set(wanted).isdisjoint(values[key])
        for key, wanted in selection.items()
    )


_DIGITS = re.compile(r"\d+")
_TONELESS = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ", "aaaaeeeeiiiioooouuuuvvvvvnnnm")
"""Tone marks off (ü as v, after u); Style.TONE is pypinyin's cheapest style to compute."""


def pinyin_key(name: str) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """How names sort in Chinese: by pinyin syllables, then tones, then the characters.

    Words read as phrases (重庆 is chong-qing, 重要 zhong-yao); Latin letters compare
    without case and digit runs by value, so 项目2 comes before 项目10.
    """
    from pypinyin import Style, lazy_pinyin  # 0.3 s to import: only when a name is new

    toned = tuple(lazy_pinyin(name, style=Style.TONE))
    plain = tuple(_DIGITS.sub(_zero_padded, s.lower().translate(_TONELESS)) for s in toned)
    return plain, toned, name


def _zero_padded(digits: re.Match[str]) -> str:
    return digits.group().zfill(12)


ORDER = "pinyin-order"
"""The memo's name for the whole order: the ids, keyed by every project's name and id."""


def name_order(projects: Iterable[Project], memo: RenderMemo | None = None) -> list[Project]:
    """Projects in pinyin order of their names (ids break ties).

    Finding the pinyin is the costly part of the directory (≈0.2 ms a name), so with a
    `memo` the whole order is taken from the previous build when no name or id changed
    (one key for all), else each name's key is (`pinyin:<name>`). The order is a function
    of the (name, id) pairs alone: ids are unique, so no two projects tie."""
    if memo is None:
        return sorted(projects, key=lambda p: (pinyin_key(p.name), p.id))
    listed = list(projects)
    names = [pinyin_name(project.name) for project in listed]
    found: list[Project] = []

    def order() -> str:
        found.extend(sorted(listed, key=lambda p: (_remembered_pinyin_key(memo, p.name), p.id)))
        return jsontext.dumps([project.id for project in found])

    key = memo.key(tuple((project.name, project.id) for project in listed))
    ids = memo.reuse_keyed(ORDER, key, order)
    if found:
        return found
    memo.carry(names)  # the names' keys stay for the next build that changes a name
    by_id = {project.id: project for project in listed}
    return [by_id[project_id] for project_id in json.loads(ids)]


def pinyin_name(name: str) -> str:
    """The memo's name for the pinyin of the project name `name` (its key: `fixed_key`)."""
    return f"pinyin:{name}"


def pinyin_text(name: str) -> str:
    """What the memo keeps under `pinyin_name`: `pinyin_key`'s syllables and tones."""
    return jsontext.dumps(pinyin_key(name)[:2])


def _remembered_pinyin_key(memo: RenderMemo, name: str) -> tuple[tuple[str, ...], ...]:
    kept = memo.reuse_keyed(pinyin_name(name), memo.fixed_key(), lambda: pinyin_text(name))
    plain, toned = json.loads(kept)
    return tuple(plain), tuple(toned), name


def directory_index(
    model: Model, ordered_by_name: Sequence[Project], memo: RenderMemo | None = None
) -> bytes:
    """The JSON index for ``assets/directory.js`` (see the module docstring).

    Written as its head and its rows joined with commas, exactly what `jsontext.encode`
    writes for the whole document, so that with a `memo` each row's text (but its rank,
    which any other name can move) is taken from the previous build while its project
    and the facets are equal."""
    facet_list = facets(model)
    positions = {f.key: {value: i for i, (value, _) in enumerate(f.options)} for f in facet_list}
    facets_digest = memo.records(tuple(facet_list)) if memo is not None else None
    ranks = {p.id: rank for rank, p in enumerate(ordered_by_name)}
    rows = []
    for project in model.projects.values():
        if memo is None:
            row = _row_text(project, facet_list, positions)
        else:
            key = memo.key((memo.digest_of(project), facets_digest))
            row = memo.reuse_keyed(
                f"directory.json:{project.id}",
                key,
                lambda p=project: _row_text(p, facet_list, positions),
            )
        before, _, after = row.partition(_RANK)
        rows.append(f"{before},{ranks[project.id]},{after}")
    head = jsontext.dumps(
        {
            "version": 1,
            "facets": [
                [f.key, f.title, [list(option) for option in f.options]] for f in facet_list
            ],
            "columns": list(COLUMNS),
            "projects": [],
        }
    )
    return f"{head.removesuffix(']}')}{','.join(rows)}]}}\n".encode()


_RANK = "\0"
"""Where a row's rank goes in its stored text: compact JSON never holds a raw NUL."""


def _row_text(
    project: Project, facet_list: Sequence[Facet], positions: dict[str, dict[str, int]]
) -> str:
    """The project's row as JSON, `_RANK` standing for its ``name_rank`` column."""
    codes = facet_values(project)
    row: list[object] = [project.id, project.name, _short(project.summary)]
    for facet in facet_list:
        indexes = [positions[facet.key][value] for value in codes[facet.key]]
        row.append(indexes if facet.multiple else indexes[0])
    row.append(int(project.started[:4] + project.started[5:7]))
    row.append(len(project.achievements))
    after = [placeholder_hue(project.id), posixpath.splitext(project.logo)[1].lower().lstrip(".")]
    assert len(row) == COLUMNS.index("name_rank")
    return jsontext.dumps(row)[:-1] + _RANK + jsontext.dumps(after)[1:]


def _short(summary: str) -> str:
    return summary if len(summary) <= SUMMARY_CHARS else summary[: SUMMARY_CHARS - 1] + "…"
