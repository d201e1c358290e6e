"""The build date decides dated content: the daily scheduled build (CI recipes, 00:10
Beijing time, ``--today`` from the Beijing date) publishes a scheduled case on its day and
moves an event to the past the day after it ends. Checked at the render level, where the
build date is `RenderInputs.publicity` (what ``invoke build --today`` passes)."""

from __future__ import annotations

import datetime
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.model import Model, event_from_data
from showcase.render import paths
from showcase.render.case_visibility import Publicity
from tests.factories import make_model
from tests.render.helpers import render
from tests.render.test_publicity import case, model_with_cases

DAYS = st.dates(min_value=datetime.date(2026, 1, 2), max_value=datetime.date(2028, 12, 31))
ONE_DAY = datetime.timedelta(days=1)


def _built_on(model: Model, day: datetime.date) -> dict[str, bytes]:
    return render(model, publicity=Publicity(day)).files


@settings(max_examples=6, deadline=None)
@given(day=DAYS)
def test_a_case_scheduled_for_a_day_is_absent_the_day_before_and_live_on_it(
    day: datetime.date,
) -> None:
    model = model_with_cases(
        case(f"{day.year}-scheduled", "approved", day.isoformat(), headline="定时发布的案例")
    )
    page = paths.case_page(f"{day.year}-scheduled")
    before, on_the_day = _built_on(model, day - ONE_DAY), _built_on(model, day)
    assert page not in before
    for listing in (paths.CASES, paths.HOME, paths.CASES_FEED):
        assert "定时发布的案例" not in before[listing].decode(), listing
    assert page in on_the_day
    for listing in (paths.CASES, paths.HOME, paths.CASES_FEED):
        assert "定时发布的案例" in on_the_day[listing].decode(), listing
    assert page in _built_on(model, day + 30 * ONE_DAY), "and it stays"


def _sections(events_page: str) -> tuple[str, str]:
    upcoming, past = events_page.split('id="sc-events-past"', 1)
    return upcoming, past


@settings(max_examples=6, deadline=None)
@given(
    end=DAYS,
    length=st.integers(min_value=0, max_value=3),
    clock=st.sampled_from(["00:00", "09:30", "23:59"]),
)
def test_an_event_is_upcoming_until_its_last_day_and_past_the_day_after(
    end: datetime.date, length: int, clock: str
) -> None:
    start = end - length * ONE_DAY
    model = make_model(count=2)
    event = event_from_data(
        {
            "id": "dated-salon",
            "title": "按日期移动的沙龙",
            "type": "salon",
            "start": f"{start.isoformat()} 00:00",
            "end": f"{end.isoformat()} {clock}",
            "location": "图书馆研讨室",
            "organiser": "创业指导中心",
            "summary": "一场用来检查日期的沙龙。",
        }
    )
    model.events = {event.id: event}
    link = re.compile(r'href="dated-salon/"')
    for day, upcoming in ((start - ONE_DAY, True), (end, True), (end + ONE_DAY, False)):
        files = _built_on(model, day)
        soon, past = _sections(files[paths.EVENTS].decode())
        assert bool(link.search(soon)) is upcoming, (day, "活动: 即将举行")
        assert bool(link.search(past)) is not upcoming, (day, "活动: 往期活动")
        assert ("按日期移动的沙龙" in files[paths.HOME].decode()) is upcoming, (day, "首页")
