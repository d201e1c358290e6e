"""Each output format's escaping door, tried with the whole hostile corpus.

The output is parsed the way its readers parse it (html.parser, Python-Markdown,
ElementTree, icalendar, json, PyYAML), and the payload must come back as exactly the text
that went in, never as markup. Hypothesis adds arbitrary text for the core doors.
"""

from __future__ import annotations

import datetime
import html
import json
import re
import unicodedata
from html.parser import HTMLParser
from xml.etree import ElementTree

import icalendar
import markdown
import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from showcase import jsontext
from showcase.engine.search_entries import project_entry
from showcase.render.atom import Feed, FeedEntry, atom_feed
from showcase.render.cjk_breaks import is_cjk
from showcase.render.ical import CalendarEntry, calendar_file
from showcase.render.share_image import drawable
from showcase.render.text import (
    attribute,
    front_matter,
    inline,
    json_attribute,
    markdown_source,
    rich,
)
from tests.factories import make_model, make_project
from tests.hostile import (
    CALENDAR_PROPERTIES,
    MARKDOWN_PAYLOAD,
    TEXT_PAYLOADS,
    assert_inert_html,
    inspect_html,
)

UNICODE_PAYLOADS = (
    "\u202eexe.txt\u202c 反转",
    "行\u2028分隔\u2029段落",
    "零\u200b宽\u200d字符\ufeff",
    "制表\t换行\n回车\r结束",
    "\x1b[31m终端转义\x07",
    "下一行\x85C1",
    "表情😀与\U0001f9ea",
)
ALL_PAYLOADS = TEXT_PAYLOADS + UNICODE_PAYLOADS
ATOM = "{http://www.w3.org/2005/Atom}"
TEXT = settings(max_examples=150, deadline=None)


def collapsed(value: str) -> str:
    """What a one-line text door keeps: no control characters, no line break between two
    wide characters (`showcase.render.cjk_breaks` owns which ones), other whitespace runs
    as one space."""
    kept = "".join(c for c in value if c.isspace() or unicodedata.category(c) != "Cc")
    return " ".join(_LINE_BREAK_BETWEEN.sub(_joined_if_wide, kept).split())


_LINE_BREAK_BETWEEN = re.compile(r"(?<=(.))[ \t]*\n[ \t]*(?=(.))")


def _joined_if_wide(match: re.Match[str]) -> str:
    """A break between two characters on whose sides CSS Text 3 removes it, else as is.

    Wide includes more than the CJK ideographs: Python's Unicode tables give some
    unassigned code points (U+0E5C) East Asian Width F, and the extension follows them."""
    return "" if is_cjk(match.group(1)) and is_cjk(match.group(2)) else match.group(0)


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append(dict(attrs))


def attributes_of(markup: str) -> list[dict[str, str | None]]:
    parser = _Attributes()
    parser.feed(markup)
    return parser.found


@pytest.mark.parametrize("payload", ALL_PAYLOADS)
def test_attribute_keeps_a_payload_as_element_text_and_attribute_value(payload: str) -> None:
    markup = f'<p title="{attribute(payload)}">{attribute(payload)}</p>'
    assert assert_inert_html(markup, payload) == collapsed(payload)
    assert attributes_of(markup) == [{"title": collapsed(payload)}]


@given(st.text(max_size=80))
@example("\u0e5c\n\u0e5c")  # unassigned, yet East Asian Width F: the break goes
@example("创业\n项目 and\nmore")
@TEXT
def test_attribute_never_lets_text_become_markup(value: str) -> None:
    markup = f'<p title="{attribute(value)}">{attribute(value)}</p>'
    findings, text = inspect_html(markup)
    assert findings == [] and text == collapsed(value)
    assert attributes_of(markup) == [{"title": collapsed(value)}]


@pytest.mark.parametrize("payload", ALL_PAYLOADS)
def test_inline_renders_a_payload_as_its_own_text(payload: str) -> None:
    rendered = markdown.markdown(inline(payload), extensions=["tables", "attr_list"])
    assert assert_inert_html(rendered, payload) == collapsed(payload)


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60))
@TEXT
def test_inline_never_lets_text_become_markdown_or_html(value: str) -> None:
    rendered = markdown.markdown(inline(value), extensions=["tables", "attr_list"])
    findings, text = inspect_html(rendered)
    assert findings == [] and text == collapsed(value)


@pytest.mark.parametrize("payload", (MARKDOWN_PAYLOAD, *TEXT_PAYLOADS))
def test_rich_and_markdown_source_keep_no_markup_from_a_payload(payload: str) -> None:
    assert_inert_html(rich(payload), "rich")
    again = markdown.markdown(markdown_source(payload), extensions=["tables"])
    assert_inert_html(again, "markdown_source rendered")


def test_markdown_source_keeps_the_writing() -> None:
    source = (
        "## 起步\n\n我们的**织物**能测心率，见[官网](https://example.com)。\n\n- 低成本\n- 可水洗\n"
    )
    again = markdown.markdown(markdown_source(source))
    assert "<strong>织物</strong>" in again and "<li>低成本</li>" in again
    assert '<a href="https://example.com">官网</a>' in again


@pytest.mark.parametrize("payload", ALL_PAYLOADS)
def test_json_attribute_reads_back_exactly(payload: str) -> None:
    value = {"name": payload, "list": [payload, 1.5, None, True]}
    markup = f'<form data-spec="{json_attribute(value)}"></form>'
    assert_inert_html(markup, payload)
    (found,) = attributes_of(markup)
    assert json.loads(found["data-spec"] or "") == value


@given(st.recursive(st.text(max_size=20) | st.integers() | st.none(), st.lists, max_leaves=8))
@TEXT
def test_json_attribute_round_trips_any_json(value: object) -> None:
    (found,) = attributes_of(f'<div data-x="{json_attribute(value)}"></div>')
    assert json.loads(found["data-x"] or "") == value


@pytest.mark.parametrize("number", [float("nan"), float("inf"), float("-inf")])
def test_the_json_writer_refuses_numbers_json_cannot_carry(number: float) -> None:
    with pytest.raises(ValueError):
        jsontext.dumps({"amount": number})
    with pytest.raises(ValueError):
        jsontext.encode([number])


@pytest.mark.parametrize("control", ["\u2028", "\u2029", "\x7f", "\x85", "\x9f"])
def test_the_json_writer_escapes_line_separators_and_c1_controls_and_keeps_chinese(
    control: str,
) -> None:
    text = jsontext.dumps({"name": f"行{control}分隔"})
    assert control not in text and "分隔" in text
    assert json.loads(text) == {"name": f"行{control}分隔"}
    assert jsontext.encode({"a": 1}, indent=2) == b'{\n  "a": 1\n}\n'


@pytest.mark.parametrize("payload", ALL_PAYLOADS)
def test_front_matter_reads_back_as_escaped_text(payload: str) -> None:
    block = front_matter({"title": payload, "search": {"exclude": True}})
    data = yaml.safe_load(block.strip().strip("-"))
    assert html.unescape(data["title"]) == collapsed(payload)
    assert assert_inert_html(data["title"], payload) == collapsed(payload)
    assert data["search"] == {"exclude": True}


@pytest.mark.parametrize("payload", ALL_PAYLOADS)
def test_a_search_entry_shows_a_payload_as_text(payload: str) -> None:
    project = make_project(
        "hostile", name=payload, summary=payload + "一句话简介", keywords=[payload]
    )
    entry = project_entry(project, make_model([project]))
    assert assert_inert_html(entry.title, "title") == collapsed(payload)
    assert collapsed(payload) in assert_inert_html(entry.text, "text")


def _feed(text: str) -> bytes:
    day = "2026-01-01T00:00:00+08:00"
    feed = Feed("feeds/x.xml", "", text, "urn:showcase:x", day, "", text)
    entry = FeedEntry(text, "urn:showcase:y", "projects/y/", day, text, (("t", text),))
    return atom_feed(feed, [entry])


@pytest.mark.parametrize("payload", ALL_PAYLOADS)
def test_an_atom_feed_carries_a_payload_as_text(payload: str) -> None:
    """Characters XML cannot carry are dropped, a line break between two Chinese
    characters too (as on the pages); a reader sees CR as a line break."""
    expected = "".join(c for c in payload if c in "\t\n\r" or c >= " ")
    expected = _LINE_BREAK_BETWEEN.sub(_joined_if_wide, expected)
    expected = expected.replace("\r\n", "\n").replace("\r", "\n")
    root = ElementTree.fromstring(_feed(payload))
    assert all(element.tag.startswith(ATOM) for element in root.iter())
    entry = root.find(f"{ATOM}entry")
    assert entry is not None
    assert entry.findtext(f"{ATOM}title") == expected
    assert entry.findtext(f"{ATOM}summary") == expected
    category = entry.find(f"{ATOM}category")
    label = "".join(c for c in payload if c in "\t\n\r" or c >= " ")
    assert category is not None and category.get("label") == label


@pytest.mark.parametrize("payload", ALL_PAYLOADS)
def test_a_calendar_carries_a_payload_in_one_property(payload: str) -> None:
    entry = CalendarEntry(
        "event-x", payload, "2026-01-01 10:00", "2026-01-01 11:00", payload, payload, "", (payload,)
    )
    stamp = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    data = calendar_file(payload, [entry], stamp, "example.edu.cn")
    assert b"\r" not in data.replace(b"\r\n", b"")
    calendar = icalendar.Calendar.from_ical(data)
    (event,) = calendar.walk("VEVENT")
    expected = "".join(
        c for c in payload.replace("\r", "\n") if c in "\t\n" or unicodedata.category(c) != "Cc"
    )
    for name in ("SUMMARY", "LOCATION", "DESCRIPTION"):
        assert str(event[name]) == expected, name
    assert set(event.keys()) == CALENDAR_PROPERTIES - {"URL"}


@pytest.mark.parametrize("payload", ALL_PAYLOADS)
def test_share_image_text_is_one_line_of_visible_characters(payload: str) -> None:
    line = drawable(payload)
    assert "\n" not in line and line == line.strip()
    assert all(unicodedata.category(c) not in ("Cc", "Cf") for c in line)
    assert drawable(line) == line
