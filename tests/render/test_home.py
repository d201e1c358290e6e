"""The home page: numbers from the model, the ladder, featured projects, events, links."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from showcase.model import Model
from showcase.render import paths
from showcase.render.case_visibility import Publicity
from showcase.render.home import featured_projects, render_home_page
from tests.factories import make_model, make_project
from tests.render.helpers import render

ALL_PAGES = {
    paths.DIRECTORY,
    paths.COLLEGES,
    paths.SERVICES,
    paths.EVENTS,
    paths.OPEN_DATA,
    paths.event_page("2026-spring-roadshow"),
    paths.event_page("2026-ip-salon"),
    "pages/about.md",
}


def _home(model: Model, content_pages: list[tuple[str, str]], available: set[str]) -> str:
    return render_home_page(model, content_pages, available, date(2026, 4, 1))


def test_numbers_come_from_the_model() -> None:
    page = _home(make_model(count=12), [("pages/about.md", "关于我们")], ALL_PAGES)
    for key, value in {
        "projects": 12,
        "colleges": 2,
        "achievements": 24,
        "level-nursery": 4,
        "level-makerspace": 4,
        "level-incubator": 4,
        "stage-seed": 6,
        "stage-growth": 3,
    }.items():
        assert f'data-testid="stat-{key}" data-stat="{key}">{value}<' in page, key
    assert 'data-testid="ladder-incubator">4</text>' in page
    summary = "学院创业苗圃 4 个，学校众创空间 4 个，校外孵化加速器 4 个"
    assert f'aria-label="项目成长阶梯：{summary}"' in page


def test_featured_projects_are_the_most_accomplished_incubator_or_growth_ones() -> None:
    one = {"type": "award", "title": "奖", "date": "2024-01"}
    projects = [
        make_project("seed-star", level="makerspace", stage="seed", achievements=[one] * 5),
        make_project("incubated", level="incubator", stage="seed", achievements=[one] * 2),
        make_project("growing", level="nursery", stage="growth", achievements=[one] * 3),
        *(make_project(f"more-{i}", level="incubator", achievements=[]) for i in range(6)),
    ]
    chosen = [p.id for p in featured_projects(projects)]
    assert chosen == ["growing", "incubated", "more-0", "more-1", "more-2", "more-3"]


def test_upcoming_events_come_after_the_publication_date_and_carry_their_times() -> None:
    page = _home(make_model(count=3), [], ALL_PAGES)
    assert (
        '<li data-start="2026-04-22T13:30:00+08:00" data-end="2026-04-22T17:30:00+08:00">' in page
    )
    assert 'href="events/2026-spring-roadshow/"' in page
    assert page.index("2026-spring-roadshow") < page.index("2026-ip-salon")


def test_the_publication_date_not_the_build_stamp_decides_what_is_upcoming() -> None:
    """The data last changed (build stamp) on 1 June, after the 22 April roadshow; the site
    is published for 1 April: the roadshow is upcoming on the home page as in 活动. And
    the other way round: stamp in March, published for June: it is over."""
    model = make_model(count=3)
    link = 'href="events/2026-spring-roadshow/"'
    shanghai = ZoneInfo("Asia/Shanghai")
    for stamp, as_of, listed in (
        (datetime(2026, 6, 1, tzinfo=shanghai), date(2026, 4, 1), True),
        (datetime(2026, 3, 1, tzinfo=shanghai), date(2026, 6, 1), False),
    ):
        files = render(model, stamp=stamp, publicity=Publicity(as_of)).files
        home, events = files[paths.HOME].decode(), files[paths.EVENTS].decode()
        upcoming = events.split('id="sc-events-past"', 1)[0]
        assert (link in home) is listed
        assert ('href="2026-spring-roadshow/"' in upcoming) is listed, "the same as 活动"


def test_links_only_to_pages_that_exist() -> None:
    page = _home(make_model(count=3), [], {paths.DIRECTORY})
    assert 'href="projects/"' in page
    assert "services/" not in page and "events/" not in page and "colleges/" not in page


def test_home_in_the_tree_links_to_the_whole_site() -> None:
    tree = render(make_model(count=3), content_pages={"contribute.md": "# 如何提交\n"})
    page = tree.files[paths.HOME].decode()
    for href in ("projects/", "colleges/", "services/", "events/", "data/", "pages/contribute/"):
        assert f'href="{href}"' in page, href


def test_featured_cards_escape_names_and_use_a_placeholder() -> None:
    hostile = make_project("hostile", name="<img src=x>", level="incubator")
    page = _home(make_model([hostile]), [], ALL_PAGES)
    assert "<img src=x>" not in page and "&lt;img src=x&gt;" in page
    assert 'class="sc-card__logo sc-card__logo--placeholder sc-hue-' in page
    assert "style=" not in page
    assert 'aria-hidden="true">&lt;</span>' in page
