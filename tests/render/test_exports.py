"""Open data: JSON, CSV with BOM, Atom feed; public fields only; documented; stable."""

from __future__ import annotations

import csv
import io
import json
from xml.etree import ElementTree

from showcase.render.atom import ATOM_NS
from showcase.render.clock import build_stamp
from showcase.render.exports import (
    CSV_COLUMNS,
    FEED_SIZE,
    JSON_FIELDS,
    open_data_files,
    project_record,
)
from showcase.render.open_data_page import render_open_data_page
from tests.factories import make_model, make_project, make_site
from tests.render.helpers import render

ATOM = f"{{{ATOM_NS}}}"


def test_files_hold_no_contact_email() -> None:
    model = make_model([make_project(contact_email="team@example.edu.cn")])
    for path, content in open_data_files(model, build_stamp(model, "")).items():
        text = content.decode("utf-8-sig")
        assert "team@example.edu.cn" not in text, path


def test_json_has_every_documented_field_and_nothing_else() -> None:
    model = make_model(count=3)
    document = json.loads(open_data_files(model, build_stamp(model, ""))["data/projects.json"])
    assert document["count"] == 3
    assert [list(record) for record in document["projects"]] == [
        [key for key, _ in JSON_FIELDS]
    ] * 3
    assert document["projects"][0]["hidden_members"] == 1


def test_csv_starts_with_a_bom_and_reads_back_with_chinese_headers() -> None:
    model = make_model(count=4)
    raw = open_data_files(model, build_stamp(model, ""))["data/projects.csv"]
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == [header for _, header in CSV_COLUMNS]
    assert len(rows) == 4
    assert rows[0]["项目名称"] == "示例项目0" and rows[0]["学院"] == "纺织学院"
    assert rows[0]["融资与合同金额（元）"] == "500000"
    assert rows[0]["项目页面"] == "projects/project-00000/"
    assert rows[0]["公开姓名的成员数"] == "2" and rows[0]["未公开姓名的成员数"] == "1"


def test_urls_are_absolute_only_with_a_site_url() -> None:
    model = make_model(count=1)
    model.site = make_site(site_url="https://makerspace.example.edu.cn")
    record = project_record(model, next(iter(model.projects.values())), "https://x.cn/")
    assert record["url"] == "https://x.cn/projects/project-00000/"
    files = open_data_files(model, build_stamp(model, ""))
    assert (
        b"https://makerspace.example.edu.cn/projects/project-00000/" in files["data/projects.csv"]
    )
    feed = ElementTree.fromstring(files["feeds/projects.xml"])
    assert feed.find(f"{ATOM}entry/{ATOM}id").text.startswith("https://makerspace.example")


def test_feed_parses_and_holds_the_newest_projects() -> None:
    projects = [
        make_project(f"p-{i:03d}", started=f"{2000 + i // 12}-{i % 12 + 1:02d}")
        for i in range(FEED_SIZE + 5)
    ]
    model = make_model(projects)
    feed = ElementTree.fromstring(
        open_data_files(model, build_stamp(model, ""))["feeds/projects.xml"]
    )
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == FEED_SIZE
    assert entries[0].find(f"{ATOM}title").text == "柔性传感织物"
    assert entries[0].find(f"{ATOM}id").text == f"urn:showcase:project:p-{FEED_SIZE + 4:03d}"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}base") == "../"
    assert entries[0].find(f"{ATOM}link").get("href") == f"projects/p-{FEED_SIZE + 4:03d}/"


def test_open_data_page_documents_every_field_and_is_in_the_nav() -> None:
    model = make_model(count=2)
    page = render_open_data_page(model)
    for key, _meaning in JSON_FIELDS:
        assert f"<td><code>{key}</code></td>" in page, key
    for key, header in CSV_COLUMNS:
        assert f"<tr><td>{header}</td><td><code>{key}</code></td>" in page, key
    tree = render(model)
    assert {"开放数据": "data/index.md"} in tree.nav
    for path in ("data/projects.json", "data/projects.csv", "feeds/projects.xml"):
        assert path in tree.files


def test_open_data_is_byte_identical_across_renders() -> None:
    first, second = make_model(count=9), make_model(count=9)
    assert open_data_files(first, build_stamp(first, "")) == open_data_files(
        second, build_stamp(second, "")
    )
