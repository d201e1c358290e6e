"""The assessment's yearly figures, taken from the render memo when nothing they count changed.

`showcase.assessment.sources.yearly_figures` visits every project in every build (a third
of a second at 10,000 projects) although a warm build usually changes no figure's input.
Its answer is plain data (college id → source id → number or None, and the school's
pairs), so the memo keeps it as JSON text, keyed by exactly what it reads: what it counts
of every project (`counted_facts`: a changed summary counts nothing again), every
college, event file, roadshow, typical case, call, application and checkpoint report (by
their digests), the years, the time zone and the assessment date. JSON gives back the
same floats, ints and None it was given (Python writes a float's shortest exact
``repr``), in the same order, so the pages are the same as counted afresh
(`tests/render/test_memo.py`).
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence

from showcase import jsontext
from showcase.assessment.periods import AcademicYear
from showcase.assessment.scoring import Count
from showcase.assessment.sources import Figures, counted_facts, yearly_figures
from showcase.model import Model
from showcase.render.memo import RenderMemo

NAME = "assessment:yearly-figures"
FACTS = "assessment:facts"
"""The memo's name for each project's `counted_facts` digest."""

YearlyFigures = list[tuple[Figures, tuple[tuple[str, float], ...]]]


def remembered_count(memo: RenderMemo) -> Count:
    """`yearly_figures`, answered from `memo` when its inputs are equal."""

    def count(
        model: Model, years: Sequence[AcademicYear], zone: str, as_of: datetime.date
    ) -> YearlyFigures:
        inputs = (
            memo.part_key(FACTS, model.projects.values(), counted_facts),
            *(
                memo.records(tuple(records.values()))
                for records in (
                    model.colleges,
                    model.events,
                    model.roadshows,
                    model.cases,
                    model.calls,
                    model.applications,
                    model.checkpoints,
                )
            ),
            tuple((year.first, year.start_month) for year in years),
            zone,
            as_of,
        )
        text = memo.reuse_keyed(
            NAME,
            memo.key(inputs),
            lambda: jsontext.dumps(
                [[figures, school] for figures, school in yearly_figures(model, years, zone, as_of)]
            ),
        )
        return [
            (figures, tuple((source, value) for source, value in school))
            for figures, school in json.loads(text)
        ]

    return count
