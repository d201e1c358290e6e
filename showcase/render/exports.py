"""Open data: every public field of every project as JSON and CSV, and an Atom feed.

Only the checked model is read, so of the members who are not named only their number
appears (their name is not in the data at all), and the team's contact e-mail is left out (the site sends people to the
college instead). The CSV starts with a UTF-8 BOM because Excel, which most offices open
it with, otherwise shows Chinese as mojibake; every CSV cell passes `spreadsheet_safe`, so a
spreadsheet never runs a contributor's text as a formula. URLs are absolute when the site has a
``site_url``, else relative to the site root. Output is byte-identical for the same model.

Example::

    files = open_data_files(model, stamp)
    files["data/projects.csv"]   # bytes, keyed by docs path
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime

from showcase import jsontext
from showcase.model import (
    ACHIEVEMENT_TYPES,
    LEVELS,
    SEEKING,
    STAGES,
    STATUSES,
    Model,
    Project,
)
from showcase.render import paths
from showcase.render.atom import Feed, FeedEntry, atom_feed
from showcase.render.call_support import SupportIndex, granted_total
from showcase.render.memo import RenderMemo
from showcase.render.text import markdown_as_written

JSON_FILE = "data/projects.json"
CSV_FILE = "data/projects.csv"
FEED_FILE = "feeds/projects.xml"
FEED_SIZE = 50
"""A feed reader only needs the newest entries; the full list is in the JSON."""


def open_data_files(
    model: Model,
    stamp: datetime,
    support: SupportIndex | None = None,
    memo: RenderMemo | None = None,
) -> dict[str, bytes]:
    """The open-data files by docs path, with URLs based on the site's ``site_url``; the
    feed is ``updated`` at the build `stamp`; `support` is what each project received
    from the calls (`showcase.render.call_support`). With a `memo`, a project's JSON
    record and CSV row are taken from the previous build when their inputs are equal."""
    base_url = site_base_url(model)
    support = support or {}
    keys = None if memo is None else _row_keys(model, base_url, support, memo)
    return {
        JSON_FILE: projects_json(model, base_url, support, memo, keys),
        CSV_FILE: projects_csv(model, base_url, support, memo, keys),
        FEED_FILE: projects_feed(model, base_url, stamp),
    }


def _row_inputs(
    model: Model, project: Project, base_url: str, support: SupportIndex, memo: RenderMemo
) -> tuple[object, ...]:
    """What a project's record and CSV row read besides the project itself."""
    return (
        memo.digest_of(project),
        base_url,
        model.colleges[project.college].name,
        tuple(model.fields[f].name for f in project.fields),
        tuple(model.mentors[m].name for m in project.mentors),
        support.get(project.id, ()),
    )


def _row_keys(
    model: Model, base_url: str, support: SupportIndex, memo: RenderMemo
) -> dict[str, bytes]:
    """Project id → the memo key of its JSON record and CSV row (the same inputs): made
    once for both files."""
    return {
        project.id: memo.key(_row_inputs(model, project, base_url, support, memo))
        for project in model.projects.values()
    }


def site_base_url(model: Model) -> str:
    """``site_url`` ending in a slash, or "" for site-relative URLs."""
    site_url = model.site.site_url
    return site_url if not site_url or site_url.endswith("/") else site_url + "/"


def project_url(project: Project) -> str:
    """Site-relative URL of a project's page."""
    return paths.url_of(paths.project_page(project.id))


def _codes(labels: dict[str, str]) -> str:
    """``seed 种子期、startup 初创期…``: each code with its label, for the open-data page."""
    return "、".join(f"{code} {label}" for code, label in labels.items())


JSON_FIELDS = (
    ("id", "项目编号，与项目文件名一致"),
    ("name", "项目名称"),
    ("url", "项目页面的网址"),
    ("college", "学院编号"),
    ("college_name", "学院名称"),
    ("level", "孵化层级编号：" + _codes(LEVELS)),
    ("level_label", "孵化层级名称"),
    ("stage", "发展阶段编号：" + _codes(STAGES)),
    ("stage_label", "发展阶段名称"),
    ("status", "状态编号：" + _codes(STATUSES)),
    ("status_label", "状态名称"),
    ("fields", "行业领域编号列表"),
    ("field_names", "行业领域名称列表"),
    ("summary", "一句话简介"),
    ("description", "项目介绍（Markdown 原文，已去掉 HTML 注释）"),
    ("keywords", "关键词列表"),
    ("started", "启动时间（年-月）"),
    (
        "team",
        "公开姓名的团队成员：name 姓名、role 分工、major 专业、grade 年级；未公开姓名的成员不列出",
    ),
    ("hidden_members", "未公开姓名的成员人数"),
    ("mentors", "创业导师：id 编号、name 姓名"),
    (
        "achievements",
        "成果：type 类型、type_label 类型名称、title 名称、date 日期、"
        "amount_cny 金额（元，可为空）、issuer 颁发或出资单位",
    ),
    ("milestones", "成长历程：date 日期、level 层级、level_label 层级名称、note 说明"),
    ("seeking", "寻求的资源编号：" + _codes(SEEKING)),
    ("links", "相关链接：website 官网、repo 代码仓库、video 视频（只列出填写了的）"),
    ("logo", "项目标志图片的网址，没有则为空"),
    (
        "support",
        "通过项目申报获得的支持（公示开始后列出）：call 申报编号、call_title 申报名称、kind 类别、"
        "kind_label 类别名称、result 结果、result_label 结果名称、amount_cny 资助金额（元，可为空）、"
        "final 是否已过公示期",
    ),
)
"""Every key of a project in ``projects.json`` with its meaning, for the open-data page."""


def project_record(
    model: Model, project: Project, base_url: str = "", support: SupportIndex | None = None
) -> dict[str, object]:
    """All public fields of one project, with Chinese labels beside the codes."""
    college = model.colleges[project.college]
    logo = paths.project_logo(project.id, project.logo) if project.logo else ""
    return {
        "id": project.id,
        "name": project.name,
        "url": base_url + project_url(project),
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
        "description": markdown_as_written(project.description),
        "keywords": list(project.keywords),
        "started": project.started,
        "team": [
            {"name": m.name, "role": m.role, "major": m.major, "grade": m.grade}
            for m in project.team
        ],
        "hidden_members": project.hidden_members,
        "mentors": [{"id": m, "name": model.mentors[m].name} for m in project.mentors],
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
        "logo": base_url + logo if logo else "",
        "support": [
            {
                "call": s.call,
                "call_title": s.call_title,
                "kind": s.kind,
                "kind_label": s.kind_label,
                "result": s.result,
                "result_label": s.result_label,
                "amount_cny": s.amount,
                "final": s.final,
            }
            for s in (support or {}).get(project.id, ())
        ],
    }


def projects_json(
    model: Model,
    base_url: str = "",
    support: SupportIndex | None = None,
    memo: RenderMemo | None = None,
    keys: dict[str, bytes] | None = None,
) -> bytes:
    """``{"school", "count", "projects": [record, …]}`` as compact JSON.

    The document is written as its head and its records' JSON joined with commas, which
    is exactly what `jsontext.encode` writes for it, so that each record's text can be
    taken from `memo`."""
    support = support or {}
    if memo is not None and keys is None:
        keys = _row_keys(model, base_url, support, memo)
    records = [
        _record_text(model, p, base_url, support, memo, keys) for p in model.projects.values()
    ]
    head = jsontext.dumps({"school": model.site.school, "count": len(records)})
    return f'{head[:-1]},"projects":[{",".join(records)}]}}\n'.encode()


def _record_text(
    model: Model,
    project: Project,
    base_url: str,
    support: SupportIndex,
    memo: RenderMemo | None,
    keys: dict[str, bytes] | None,
) -> str:
    def render() -> str:
        return jsontext.dumps(project_record(model, project, base_url, support))

    if memo is None or keys is None:
        return render()
    return memo.reuse_keyed(f"projects.json:{project.id}", keys[project.id], render)


CSV_COLUMNS = (
    ("id", "项目编号"),
    ("name", "项目名称"),
    ("college_name", "学院"),
    ("level_label", "孵化层级"),
    ("stage_label", "阶段"),
    ("status_label", "状态"),
    ("field_names", "行业领域"),
    ("started", "启动时间"),
    ("summary", "简介"),
    ("team_size", "公开姓名的成员数"),
    ("hidden_members", "未公开姓名的成员数"),
    ("mentor_names", "创业导师"),
    ("achievement_count", "成果数"),
    ("funding_cny", "融资与合同金额（元）"),
    ("granted_cny", "经费支持（元）"),
    ("seeking_labels", "寻求资源"),
    ("website", "官网"),
    ("url", "项目页面"),
)


FORMULA_SIGNS = ("=", "+", "-", "@", "＝", "＋", "－", "＠")
"""Characters that make Excel, WPS or LibreOffice read a cell as a formula (with the
full-width forms, which some of them fold), listed on the open-data page."""
FORMULA_CONTROLS = ("\t", "\r", "\n", "\0")
"""Control characters OWASP and ASVS list as formula starts too."""
_FORMULA_STARTS = frozenset(FORMULA_SIGNS + FORMULA_CONTROLS)
_LEADING_BLANKS = re.compile(r"\A[\s\u200b\u200c\u200d\u2060\ufeff]+")
"""Whitespace (any Unicode space) and the zero-width characters a reader cannot see."""
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")


def spreadsheet_safe(cell: object) -> object:
    """`cell` as a spreadsheet shows it as text, never as a formula.

    OWASP's rule: a cell that starts with ``=``, ``+``, ``-``, ``@``, tab or CR gets a
    leading single quote, which Excel and WPS hide and treat as "this is text". We also
    catch LF, NUL, the full-width signs and any whitespace or zero-width characters before
    them. Numbers stay numbers: non-strings and plain decimals such as ``-5`` or ``1200``
    are left alone (a plain number cannot call anything).
    """
    if not isinstance(cell, str) or not cell or _PLAIN_NUMBER.fullmatch(cell):
        return cell
    visible = _LEADING_BLANKS.sub("", cell, count=1)
    if cell[0] in _FORMULA_STARTS or visible[:1] in _FORMULA_STARTS:
        return "'" + cell
    return cell


def projects_csv(
    model: Model,
    base_url: str = "",
    support: SupportIndex | None = None,
    memo: RenderMemo | None = None,
    keys: dict[str, bytes] | None = None,
) -> bytes:
    """One row per project with Chinese column headers; lists joined with '、'. With a
    `memo`, a row's text is taken from the previous build when its inputs are equal
    (`keys`: each project's key of those inputs, when the caller has them)."""
    support = support or {}
    if memo is not None and keys is None:
        keys = _row_keys(model, base_url, support, memo)
    lines = [_csv_line([header for _, header in CSV_COLUMNS])]
    for project in model.projects.values():

        def render(project: Project = project) -> str:
            row = _csv_row(model, project, base_url)
            granted = granted_total(support.get(project.id, ()))
            row["granted_cny"] = str(granted) if granted else ""
            return _csv_line([spreadsheet_safe(row[key]) for key, _ in CSV_COLUMNS])

        if memo is None or keys is None:
            lines.append(render())
        else:
            lines.append(memo.reuse_keyed(f"projects.csv:{project.id}", keys[project.id], render))
    return b"\xef\xbb\xbf" + "".join(lines).encode("utf-8")


def _csv_line(cells: list[object]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()


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
        "hidden_members": project.hidden_members,
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
    feed = Feed(
        FEED_FILE,
        base_url,
        f"{model.site.site_name} · 新项目",
        "urn:showcase:projects",
        stamp.isoformat(timespec="seconds"),
        "",
        model.site.school,
    )
    return atom_feed(
        feed,
        (
            FeedEntry(
                title=project.name,
                id=base_url + project_url(project)
                if base_url
                else f"urn:showcase:project:{project.id}",
                url=base_url + project_url(project),
                updated=f"{project.started}-01T00:00:00+08:00",
                summary=project.summary,
                categories=tuple((f, model.fields[f].name) for f in project.fields),
            )
            for project in newest[:FEED_SIZE]
        ),
    )
