"""Open data: every public field of every project as JSON and CSV, and an Atom feed.

Only the checked model is read, so non-public team members (already dropped there)
cannot appear. The CSV starts with a UTF-8 BOM because Excel, which most offices open
it with, otherwise shows Chinese as mojibake. Output is byte-identical for the same model.

Example::

    files = open_data_files(model, base_url="https://makerspace.example.edu.cn/", stamp=now)
    files["data/projects.csv"]   # bytes
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from xml.etree import ElementTree

from showcase.model import (
    ACHIEVEMENT_TYPES,
    LEVELS,
    SEEKING,
    STAGES,
    STATUSES,
    Model,
    Project,
)

ATOM_NS = "http://www.w3.org/2005/Atom"
FEED_SIZE = 50
"""A feed reader only needs the newest entries; the full list is in the JSON."""


def project_url(project: Project) -> str:
    """Site-relative URL of a project's page."""
    return f"projects/{project.id}/"


def project_record(model: Model, project: Project) -> dict[str, object]:
    """All public fields of one project, with Chinese labels beside the codes."""
    college = model.colleges[project.college]
    return {
        "id": project.id,
        "name": project.name,
        "url": project_url(project),
        "college": project.college,
        "college_name": college.name,
        "level": project.level,
        "level_label": LEVELS[project.level],
        "stage": project.stage,
        "stage_label": STAGES[project.stage],
        "status": project.status,
        "status_label": STATUSES[project.status],
        "fields": list(project.fields),
        "field_names": [model.fields[f].name for f in project.fields],
        "summary": project.summary,
        "description": project.description,
        "keywords": list(project.keywords),
        "started": project.started,
        "team": [
            {"name": m.name, "role": m.role, "major": m.major, "grade": m.grade}
            for m in project.team
        ],
        "mentors": [
            {"id": m, "name": model.mentors[m].name} for m in project.mentors
        ],
        "achievements": [
            {
                "type": a.type,
                "type_label": ACHIEVEMENT_TYPES[a.type],
                "title": a.title,
                "date": a.date,
                "amount_cny": a.amount_cny,
                "issuer": a.issuer,
            }
            for a in project.achievements
        ],
        "milestones": [
            {"date": m.date, "level": m.level, "level_label": LEVELS[m.level], "note": m.note}
            for m in project.milestones
        ],
        "seeking": list(project.seeking),
        "links": {k: v for k, v in vars(project.links).items() if v},
        "contact_email": project.contact_email,
    }


def projects_json(model: Model) -> bytes:
    records = [project_record(model, p) for p in model.projects.values()]
    document = {"school": model.site.school, "count": len(records), "projects": records}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


CSV_COLUMNS = (
    ("id", "项目编号"), ("name", "项目名称"), ("college_name", "学院"), ("level_label", "孵化层级"),
    ("stage_label", "阶段"), ("status_label", "状态"), ("field_names", "行业领域"),
    ("started", "启动时间"), ("summary", "简介"), ("team_size", "公开成员数"),
    ("mentor_names", "创业导师"), ("achievement_count", "成果数"),
    ("funding_cny", "融资与合同金额（元）"), ("seeking_labels", "寻求资源"),
    ("website", "官网"), ("url", "项目页面"),
)


def projects_csv(model: Model, base_url: str = "") -> bytes:
    """One row per project with Chinese column headers; lists joined with '、'."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([header for _, header in CSV_COLUMNS])
    for project in model.projects.values():
        row = _csv_row(model, project, base_url)
        writer.writerow([row[key] for key, _ in CSV_COLUMNS])
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def _csv_row(model: Model, project: Project, base_url: str) -> dict[str, object]:
    money = sum(
        a.amount_cny or 0 for a in project.achievements if a.type in ("funding", "contract")
    )
    return {
        "id": project.id,
        "name": project.name,
        "college_name": model.colleges[project.college].name,
        "level_label": LEVELS[project.level],
        "stage_label": STAGES[project.stage],
        "status_label": STATUSES[project.status],
        "field_names": "、".join(model.fields[f].name for f in project.fields),
        "started": project.started,
        "summary": project.summary,
        "team_size": len(project.team),
        "mentor_names": "、".join(model.mentors[m].name for m in project.mentors),
        "achievement_count": len(project.achievements),
        "funding_cny": f"{money:.0f}" if money else "",
        "seeking_labels": "、".join(SEEKING[s] for s in project.seeking),
        "website": project.links.website,
        "url": base_url + project_url(project),
    }


def projects_feed(model: Model, base_url: str, stamp: datetime) -> bytes:
    """Atom feed of the newest projects (by start month, then id)."""
    newest = sorted(model.projects.values(), key=lambda p: (p.started, p.id), reverse=True)
    ElementTree.register_namespace("", ATOM_NS)
    feed = ElementTree.Element(f"{{{ATOM_NS}}}feed", {"xml:lang": "zh-CN"})
    _text(feed, "title", f"{model.site.site_name} · 新项目")
    _text(feed, "id", f"{base_url}feeds/projects.xml")
    _text(feed, "updated", stamp.isoformat(timespec="seconds"))
    self_link = {"rel": "self", "href": f"{base_url}feeds/projects.xml"}
    ElementTree.SubElement(feed, f"{{{ATOM_NS}}}link", self_link)
    ElementTree.SubElement(feed, f"{{{ATOM_NS}}}link", {"rel": "alternate", "href": base_url})
    author = ElementTree.SubElement(feed, f"{{{ATOM_NS}}}author")
    _text(author, "name", model.site.school)
    for project in newest[:FEED_SIZE]:
        entry = ElementTree.SubElement(feed, f"{{{ATOM_NS}}}entry")
        url = base_url + project_url(project)
        _text(entry, "title", project.name)
        _text(entry, "id", url)
        ElementTree.SubElement(entry, f"{{{ATOM_NS}}}link", {"rel": "alternate", "href": url})
        _text(entry, "updated", f"{project.started}-01T00:00:00+08:00")
        _text(entry, "summary", project.summary)
        for field_id in project.fields:
            ElementTree.SubElement(entry, f"{{{ATOM_NS}}}category",
                                   {"term": field_id, "label": model.fields[field_id].name})
    xml = ElementTree.tostring(feed, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + xml + "\n").encode("utf-8")


def _text(parent: ElementTree.Element, tag: str, text: str) -> None:
    ElementTree.SubElement(parent, f"{{{ATOM_NS}}}{tag}").text = text
