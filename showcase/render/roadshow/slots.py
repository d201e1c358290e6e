"""Each project's pitch slots, as its project page and its college's page show them.

``路演：12 月 10 日 14:20，305 会议室`` and a link to the roadshow's page: the agenda the
scheduler made is the only source, so a page can never disagree with the roadshow.
`RoadshowSlots` is built once per site, so each page costs one dictionary look-up.
"""

from __future__ import annotations

from collections.abc import Iterable

from showcase.model import Model, Project
from showcase.render import paths as site_paths
from showcase.render.chinese_numbers import month_day
from showcase.render.html_blocks import anchor, bullet_list, section
from showcase.render.ical import BEIJING_ZONES, parse_local, zone_label
from showcase.render.roadshow import paths
from showcase.render.text import attribute
from showcase.roadshows import Agenda, Slot


class RoadshowSlots:
    """Every scheduled slot by project, in the order of `Model.roadshows` and the agenda."""

    def __init__(self, model: Model) -> None:
        self._projects = model.projects
        self._agendas = list(model.roadshows.values())
        self._by_project: dict[str, list[tuple[Agenda, Slot]]] = {}
        for agenda in self._agendas:
            for slot in agenda.slots:
                self._by_project.setdefault(slot.project, []).append((agenda, slot))

    def project_block(self, project_id: str, here: str) -> str:
        """The project page's 路演 section: one line per slot; empty if it has none."""
        items = (
            f"路演：{slot_time(agenda, slot)}，{attribute(agenda.roadshow.room(slot.room).name)}"
            f"<br>{_roadshow_link(agenda, here)}"
            for agenda, slot in self._by_project.get(project_id, ())
        )
        return section("路演", bullet_list(items, "sc-pitch-slots"), element_id="roadshow-slots")

    def college_block(self, projects: Iterable[Project], here: str) -> str:
        """The college page's 路演安排 section: per roadshow, its projects' slots."""
        ours = {project.id for project in projects}
        blocks = []
        for agenda in self._agendas:
            items = [
                anchor(
                    site_paths.href(here, site_paths.project_page(slot.project)),
                    self._projects[slot.project].name,
                )
                + f"：{slot_time(agenda, slot)}，"
                + attribute(agenda.roadshow.room(slot.room).name)
                for slot in agenda.slots
                if slot.project in ours
            ]
            if items:
                blocks.append(
                    f"<h3>{_roadshow_link(agenda, here)}</h3>"
                    + bullet_list(items, "sc-pitch-slots")
                )
        return section("路演安排", "".join(blocks), element_id="roadshow-slots")


def slot_time(agenda: Agenda, slot: Slot) -> str:
    """``12 月 10 日 14:20`` (with the zone when it is not Beijing time) in a ``<time>``."""
    moment = parse_local(slot.start, agenda.roadshow.timezone)
    zone = agenda.roadshow.timezone
    label = "" if zone in BEIJING_ZONES else f"（{zone_label(zone, moment)}）"
    return f'<time datetime="{moment.isoformat()}">{month_day(moment)} {moment:%H:%M}{label}</time>'


def _roadshow_link(agenda: Agenda, here: str) -> str:
    show = agenda.roadshow
    return anchor(site_paths.href(here, paths.roadshow_page(show.id)), show.title)
