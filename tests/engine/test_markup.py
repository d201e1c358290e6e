"""Markup classes the Nu HTML checker judges, proved over EVERY page of the sample site
and every WeChat article of its cases.

`invoke checkers` runs the checker itself (in `invoke ci`); these tests name the rule
that broke without Java or npm, and cover pages whatever their kind: every ``<time>``
says its moment in a valid ``datetime``, heading levels never skip (a description's
``##`` must not land two levels under its section), every ``<a>`` has an ``href``, and no
page carries a character HTML forbids (a C1 control inside a form's JSON spec).
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from showcase.commands.publicity import publicity
from showcase.paths import repository_root

_MONTH_OR_YEAR = re.compile(r"\d{4}(-\d{2})?")
_DURATION = re.compile(r"P(?=\d|T\d)(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?")


class _Elements(HTMLParser):
    """Start tags in document order, with their attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


@pytest.fixture(scope="module")
def pages(
    tmp_path_factory: pytest.TempPathFactory, sample_site_dir: Path
) -> Iterator[dict[str, str]]:
    """Site-relative path → HTML of every page of the sample site, and the WeChat
    articles of every sample case (``publicity/<case>/article.html``)."""
    found = {
        page.relative_to(sample_site_dir).as_posix(): page.read_text(encoding="utf-8")
        for page in sorted(sample_site_dir.rglob("*.html"))
    }
    articles = tmp_path_factory.mktemp("publicity")
    assert publicity(repository_root(), True, "", str(articles / "out")) == 0
    found |= {
        f"publicity/{page.relative_to(articles / 'out').as_posix()}": page.read_text("utf-8")
        for page in sorted((articles / "out").rglob("*.html"))
    }
    assert len(found) > 100 and any(path.startswith("publicity/") for path in found)
    yield found


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.tags


def valid_datetime(value: str) -> bool:
    """A value HTML allows in ``<time datetime>``: a date, a month, a year, a local or
    global date and time, a time, or a duration."""
    if _MONTH_OR_YEAR.fullmatch(value) or _DURATION.fullmatch(value):
        return True
    for parse in (datetime.date.fromisoformat, datetime.time.fromisoformat):
        try:
            parse(value)
            return True
        except ValueError:
            pass
    try:
        return ("T" in value or " " in value) and bool(datetime.datetime.fromisoformat(value))
    except ValueError:
        return False


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("2026-12-10", True),
        ("2026-12", True),
        ("2026-12-10T14:00:00+08:00", True),
        ("2026-12-10 14:00", True),
        ("14:00", True),
        ("PT15M", True),
        ("14:00–14:15", False),
        ("12 月 10 日", False),
        ("", False),
        ("P", False),
        ("Tuesday", False),
    ],
)
def test_the_datetime_check_knows_valid_from_invalid(value: str, valid: bool) -> None:
    assert valid_datetime(value) is valid


def test_every_time_element_of_every_page_has_a_valid_datetime(pages: dict[str, str]) -> None:
    bad, seen = [], 0
    for path, html in pages.items():
        for tag, attributes in _tags(html):
            if tag == "time":
                seen += 1
                value = attributes.get("datetime")
                if value is None or not valid_datetime(value):
                    bad.append(f"{path}: <time datetime={value!r}>")
    assert seen > 50, "the sample's roadshow agendas and events carry times"
    assert not bad, "没有有效 datetime 的 <time>：\n" + "\n".join(bad)


def test_heading_levels_never_skip_on_any_page(pages: dict[str, str]) -> None:
    skips = []
    for path, html in pages.items():
        levels = [int(tag[1]) for tag, _ in _tags(html) if re.fullmatch(r"h[1-6]", tag)]
        skips += [
            f"{path}: h{above} → h{below}"
            for above, below in itertools.pairwise(levels)
            if below > above + 1
        ]
    assert not skips, "标题层级跳级：\n" + "\n".join(skips)


def test_every_link_of_every_page_has_an_href(pages: dict[str, str]) -> None:
    bare = [
        f"{path}: <a {' '.join(f'{k}={v!r}' for k, v in attributes.items())}>"
        for path, html in pages.items()
        for tag, attributes in _tags(html)
        if tag == "a" and not attributes.get("href")
    ]
    assert not bare, "没有 href 的链接：\n" + "\n".join(bare)


def test_no_page_carries_a_character_html_forbids(pages: dict[str, str]) -> None:
    forbidden = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
    found = [
        f"{path}: U+{ord(match[0]):04X}"
        for path, html in pages.items()
        for match in forbidden.finditer(html)
    ]
    assert not found, "页面里有 HTML 不允许的字符：\n" + "\n".join(found)
