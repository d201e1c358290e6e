"""Where a roadshow's outputs sit in the docs tree (docs-relative POSIX paths).

The page ``roadshows/<id>.md`` is served at ``roadshows/<id>/``, so its files live in
the folder of the same name and the page links to them by bare file name.
"""

from __future__ import annotations

from showcase.render.paths import asset

ROADSHOWS = "roadshows/index.md"
STYLESHEET = asset("roadshow.css")
NAV_TITLE = "项目路演"


def roadshow_page(roadshow_id: str) -> str:
    return f"roadshows/{roadshow_id}.md"


def roadshow_file(roadshow_id: str, name: str) -> str:
    """A file beside the page: calendars, the print version, score sheets, frab JSON."""
    return f"roadshows/{roadshow_id}/{name}"


WHOLE_CALENDAR = "agenda.ics"
PRINT = "print.html"
FRAB_JSON = "schedule.json"


def day_calendar(date: str) -> str:
    """One day of the roadshow as one calendar entry (``YYYY-MM-DD``)."""
    return f"day-{date}.ics"


def room_calendar(room_id: str) -> str:
    return f"room-{room_id}.ics"


def project_calendar(project_id: str) -> str:
    return f"project-{project_id}.ics"


def judge_calendar(judge_id: str) -> str:
    return f"judge-{judge_id}.ics"


def score_sheet(judge_id: str) -> str:
    return f"sheet-{judge_id}.html"
