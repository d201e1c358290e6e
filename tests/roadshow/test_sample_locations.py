"""The sample roadshows' calendar places read as a place: the venue (a building) then the
room, no word said twice (the spring roadshow's venue once named the hall, so calendars
showed "众创空间 A 座路演厅 路演厅 A")."""

from __future__ import annotations

import re

import icalendar

from showcase.paths import Layout, repository_root
from showcase.render.clock import build_stamp
from showcase.render.roadshow.files import roadshow_files
from showcase.validate import validate_repository

_CJK_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")


def test_no_sample_calendar_location_repeats_a_word() -> None:
    model = validate_repository(Layout(repository_root())).model
    assert model is not None and model.roadshows
    places = set()
    for name, data in roadshow_files(model, build_stamp(model, "")).items():
        if name.endswith(".ics"):
            calendar = icalendar.Calendar.from_ical(data)
            places |= {str(e["LOCATION"]) for e in calendar.walk("VEVENT") if "LOCATION" in e}
    assert len(places) >= 4, places
    for place in places:
        pairs = _CJK_PAIR.findall(place)
        words = [word for word in place.split() if len(word) > 1]  # "A 座", "路演厅 A"
        assert len(pairs) == len(set(pairs)) and len(words) == len(set(words)), place
