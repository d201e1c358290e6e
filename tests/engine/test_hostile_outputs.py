"""Every output built from a repository with payloads in every free-text field (see
`tests.hostile`) carries them only as text, parsed as each format's readers parse it.

One build serves every test (the session fixture `hostile_build`): the site, the preview
site, the publicity folder (WeChat articles) and the agenda files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import icalendar
import markdown
import pytest

from tests.hostile import (
    CALENDAR_PROPERTIES,
    MARKER,
    TEXT_PAYLOADS,
    HostileBuild,
    assert_inert_html,
    inspect_html,
)

ATOM = "{http://www.w3.org/2005/Atom}"
NOT_SHOWN = re.compile(
    r"^(fields\[\d+\]\.description|cases\[\d+\]\.approved_by|image_alt"
    r"|reviewers\[\d+\]\..*|phases\.publicity\.objections\..*)$"
)
"""Planted fields no page shows as text: field descriptions and the approver are internal,
the image's alternative text is an ``alt`` attribute, a call's reviewers are confidential,
and its objection channel is shown only while its 公示 runs."""
NOT_SHOWN_FILES = re.compile(r"^projects/[^/]+/[^/]+/(applications|checkpoints)/")
"""Applications and checkpoint reports: a call's page names who applied, never what they
wrote (plan, budget, the college's opinion, the report)."""


def outputs(build: HostileBuild, suffix: str) -> Iterator[Path]:
    for folder in (build.site, build.preview, build.publicity):
        yield from sorted(folder.rglob(f"*{suffix}"))


def strict_json(path: Path | str, data: bytes | None = None) -> object:
    def refuse(constant: str) -> None:
        raise AssertionError(f"{path}: {constant} is not JSON")

    text = data if data is not None else Path(path).read_bytes()
    return json.loads(text, parse_constant=refuse)


def test_every_html_page_shows_payloads_only_as_text(hostile_build: HostileBuild) -> None:
    pages = list(outputs(hostile_build, ".html"))
    texts = [
        assert_inert_html(path.read_text(encoding="utf-8"), str(path.relative_to(path.anchor)))
        for path in pages
    ]
    for name, data in hostile_build.agenda.items():
        if name.endswith(".html"):
            texts.append(assert_inert_html(data.decode(), name))
    assert len(pages) > 100
    shown = "\n".join(" ".join(text.split()) for text in texts)
    hidden_members = _non_public_member_paths(hostile_build)
    missing = [
        (file, path)
        for file, path, value in hostile_build.planted.values
        if "\n" not in value
        and " ".join(value.split()) not in shown
        and not NOT_SHOWN.match(path)
        and not NOT_SHOWN_FILES.match(file)
        and (file, path.split(".")[0]) not in hidden_members
    ]
    assert missing == [], "planted text that no page shows (escaped away or lost?)"


def _non_public_member_paths(build: HostileBuild) -> set[tuple[str, str]]:
    import yaml

    hidden = set()
    for file in (build.root / "projects").rglob("*.yaml"):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        for index, member in enumerate(data.get("team", [])):
            if member.get("public") is False:
                hidden.add((file.relative_to(build.root).as_posix(), f"team[{index}]"))
    return hidden


def test_the_hostile_project_page_shows_its_name_and_description_as_written(
    hostile_build: HostileBuild,
) -> None:
    name = hostile_build.planted.of("projects/textile/smart-yarn-sensor.yaml", "name")
    page = (hostile_build.site / "projects" / "smart-yarn-sensor" / "index.html").read_text()
    text = assert_inert_html(page, "project page")
    assert name in text
    assert f"<title>{_escaped(name)}" in page
    assert "<pwned-tag>" in text  # the Markdown payload's escaped tag and code span, as text


def _escaped(text: str) -> str:
    import html

    return html.escape(text, quote=True)


def test_every_json_output_parses_strictly_and_search_entries_are_inert(
    hostile_build: HostileBuild,
) -> None:
    files = list(outputs(hostile_build, ".json"))
    assert len(files) > 40
    for path in files:
        strict_json(path)
    for name, data in hostile_build.agenda.items():
        if name.endswith(".json"):
            strict_json(name, data)
    index = strict_json(hostile_build.site / "search" / "search_index.json")
    assert isinstance(index, dict)
    for entry in index["docs"]:
        for key in ("title", "text"):
            assert_inert_html(entry[key], f"search entry {entry['location']} {key}")
    name = hostile_build.planted.of("projects/textile/smart-yarn-sensor.yaml", "name")
    entry = next(e for e in index["docs"] if e["location"] == "projects/smart-yarn-sensor/")
    _, title = inspect_html(entry["title"])
    assert title.replace("\u200b", "") == name


def test_the_directory_index_and_form_data_hold_payloads_as_plain_strings(
    hostile_build: HostileBuild,
) -> None:
    name = hostile_build.planted.of("projects/textile/smart-yarn-sensor.yaml", "name")
    directory = strict_json(hostile_build.site / "assets" / "directory.json")
    assert isinstance(directory, dict)
    assert name in [row[1] for row in directory["projects"]]
    form = strict_json(hostile_build.site / "projects" / "smart-yarn-sensor" / "form.json")
    assert isinstance(form, dict) and form["data"]["name"] == name


def test_feeds_are_atom_documents_with_payloads_as_text(hostile_build: HostileBuild) -> None:
    feeds = [p for p in outputs(hostile_build, ".xml") if "feeds" in p.parts]
    assert feeds
    titles = []
    for path in feeds:
        root = ElementTree.parse(path).getroot()
        for element in root.iter():
            assert element.tag.startswith(ATOM), f"{path}: element {element.tag} is not Atom"
            assert MARKER not in element.tag
        assert root.find(f"{ATOM}entry/{ATOM}summary").get("type") in (None, "text")
        titles += [e.text or "" for e in root.iter(f"{ATOM}title")]
    assert any(MARKER in title and "<" in title for title in titles)


def test_calendars_parse_and_carry_payloads_only_in_their_text_properties(
    hostile_build: HostileBuild,
) -> None:
    calendars = {str(p): p.read_bytes() for p in outputs(hostile_build, ".ics")}
    calendars.update({n: d for n, d in hostile_build.agenda.items() if n.endswith(".ics")})
    assert len(calendars) > 20
    summaries = []
    for name, data in calendars.items():
        calendar = icalendar.Calendar.from_ical(data)
        for component in calendar.walk():
            assert component.name in {"VCALENDAR", "VEVENT", "VTIMEZONE", "STANDARD", "DAYLIGHT"}
            if component.name == "VEVENT":
                assert set(component.keys()) <= CALENDAR_PROPERTIES, name
                summaries.append(str(component["SUMMARY"]))
        assert b"\r" not in data.replace(b"\r\n", b""), f"{name}: a bare CR"
    assert any(MARKER in summary and "<" in summary for summary in summaries)


def test_wechat_markdown_renders_to_inert_html(hostile_build: HostileBuild) -> None:
    articles = list(hostile_build.publicity.rglob("article.md"))
    assert articles
    for path in articles:
        source = path.read_text(encoding="utf-8")
        rendered = markdown.markdown(source, extensions=["tables"])
        text = assert_inert_html(rendered, str(path))
        assert MARKER in text, f"{path}: no payload reached the article (the check is blind)"


@pytest.mark.parametrize("payload", TEXT_PAYLOADS)
def test_each_payload_spelling_was_planted_somewhere(
    hostile_build: HostileBuild, payload: str
) -> None:
    assert any(payload in value for _, _, value in hostile_build.planted.values)
