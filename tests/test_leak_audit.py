"""The leak audit: a repository seeded with private markers builds every output; none leaks.

The sample repository is copied and seeded with markers in every place the data may hold
something that must never be published: YAML comments of every record kind, HTML comments
inside Markdown fields and story bodies, the approver of each typical case and the text of
draft and scheduled typical cases. (Images with metadata or bytes appended are refused by
the validator, and published ones are re-encoded: tests/images.) Then every
output is built the way the users build it — the public site, the preview site, the
roadshow agendas (with their PDFs when Chromium is there), the publicity articles and share
images, the open-data exports, the submission form's data and the assessment report
(workbook, CSVs, PDF) — and every output file is
searched, decoded by its kind (text, JSON, image metadata, PDF text), for the markers and
for personal data. Draft markers are allowed only in the outputs that are previews.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import json
import re
import shutil
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from PIL import Image
from pypdf import PdfReader

from showcase.commands.agenda import agenda as run_agenda
from showcase.commands.build import build
from showcase.commands.publicity import publicity as run_publicity
from showcase.commands.report import report as run_report
from showcase.paths import Layout, repository_root
from showcase.render.contact import all_contacts
from showcase.validate import validate_repository
from showcase.validate.personal_text import PersonalDataRules, find_personal_data

NEVER = "LEAKMARK-NEVER"
"""Planted where nothing may ever be published, preview or not."""
DRAFT = "LEAKMARK-DRAFT"
"""Planted in draft and scheduled typical cases: previews may show it, public outputs not."""
MARKER = re.compile(r"LEAKMARK-[A-Z]+(?:-[A-Z0-9]+)*", re.IGNORECASE)
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
"""Search indexes join segmented words with zero-width spaces; they must not hide a marker."""

REPOSITORY_PARTS = ("projects", "content", "schemas", "mkdocs.yml", "overrides")


@dataclass(frozen=True)
class Outputs:
    public: tuple[Path, ...]
    previews: tuple[Path, ...]
    planted: dict[str, int]
    """How many markers of each place were planted, for the report."""


def _copy_sample_repository(root: Path) -> None:
    source = repository_root()
    for part in REPOSITORY_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, root / part)
        else:
            shutil.copy2(source / part, root / part)


def _plant_comments(root: Path, planted: dict[str, int]) -> None:
    """A comment at the end of every YAML file: comments are data the site must not show."""
    for path in sorted([*root.glob("projects/**/*.yaml"), *root.glob("content/**/*.yaml")]):
        kind = (
            path.parent.name if path.parent.name in ("events", "roadshows", "calls") else path.stem
        )
        if path.is_relative_to(root / "projects"):
            inner = path.relative_to(root / "projects").parts
            kind = inner[2].removesuffix("s") if len(inner) == 4 else "project"
        with path.open("a", encoding="utf-8") as file:
            file.write(f"\n# {NEVER}-COMMENT 仅供维护人查看的备注\n")
        planted[f"YAML comment ({kind})"] = planted.get(f"YAML comment ({kind})", 0) + 1


def _plant_markdown_comments(root: Path, planted: dict[str, int]) -> None:
    """An HTML comment inside every Markdown field and story body that the sample data has."""
    comment = f"<!-- {NEVER}-HTMLCOMMENT -->"
    for path in sorted(root.glob("projects/*/*.yaml")):
        text = path.read_text(encoding="utf-8")
        if "\ndescription: |\n" in text:
            path.write_text(
                text.replace("\ndescription: |\n", f"\ndescription: |\n  {comment}\n", 1),
                encoding="utf-8",
            )
            planted["HTML comment in a project description"] = (
                planted.get("HTML comment in a project description", 0) + 1
            )
    for path in sorted((root / "content" / "stories").glob("*.md")):
        head, separator, body = path.read_text(encoding="utf-8").partition("\n---\n")
        path.write_text(f"{head}{separator}{comment}\n{body}", encoding="utf-8")
        planted["HTML comment in a story body"] = planted.get("HTML comment in a story body", 0) + 1


def _plant_case_markers(root: Path, planted: dict[str, int]) -> None:
    """Approvers are internal; drafts and scheduled cases are internal until their day."""
    path = root / "content" / "typical-cases.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    status = ""
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("status:"):
            status = stripped.split(":", 1)[1].strip()
        if stripped.startswith("approved_by:"):
            lines[index] = f"{line} {NEVER}-APPROVER"
            planted["typical-case approver"] = planted.get("typical-case approver", 0) + 1
    text = "\n".join(lines) + "\n"
    # Every case's quote gets a draft marker when the case is a draft or scheduled later.
    cases = text.split("\n  - id: ")
    for position, chunk in enumerate(cases[1:], start=1):
        status = re.search(r"\n    status: (\w+)", chunk)
        publish = re.search(r"\n    publish_date: (\S+)", chunk)
        later = publish is not None and publish.group(1) > "2026-11-29"
        if status and (status.group(1) == "draft" or later):
            cases[position] = re.sub(
                r"\n    quote: (.*)", rf"\n    quote: \1{DRAFT}-QUOTE", chunk, count=1
            )
            planted["draft or scheduled case quote"] = (
                planted.get("draft or scheduled case quote", 0) + 1
            )
    path.write_text("\n  - id: ".join(cases), encoding="utf-8")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Outputs:
    root = tmp_path_factory.mktemp("audit") / "repo"
    _copy_sample_repository(root)
    planted: dict[str, int] = {}
    _plant_comments(root, planted)
    _plant_markdown_comments(root, planted)
    _plant_case_markers(root, planted)
    today = "2026-11-29"
    site, preview = root / "site", root / "build" / "preview-site"
    agenda = root / "build" / "agenda"
    articles, article_previews = root / "build" / "publicity", root / "build" / "publicity-preview"
    assert build(root, site, drafts=False, today=today) == 0
    assert build(root, preview, drafts=True, today=today) == 0
    assert run_agenda(root, "", agenda) == 0
    assert run_publicity(root, False, today, str(articles)) == 0
    assert run_publicity(root, True, today, str(article_previews)) == 0
    report = root / "build" / "report"
    assert run_report(root, "", str(report), today) == 0
    return Outputs((site, agenda, articles, report), (preview, article_previews), planted)


class _PageText(HTMLParser):
    """What data can become in a page: text nodes and attribute values, without drawing
    instructions (SVG geometry, the charts' coordinates) and inline code (whose hashes the
    CSP pins). Table cells are kept apart by a mark no number can run across: a row of
    small counts (4, 1, 1, 2 …) is not a phone number, and one value never spans cells."""

    _GEOMETRY = frozenset(
        {"d", "viewbox", "points", "transform", "integrity", "x", "y", "width", "height", "rx"}
    )
    _CELL = "¶"

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._code = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._code += tag in ("script", "style")
        self.parts += [value for name, value in attrs if value and name not in self._GEOMETRY]
        if tag in ("td", "th"):
            self.parts.append(self._CELL)

    def handle_endtag(self, tag: str) -> None:
        self._code -= tag in ("script", "style") and self._code > 0

    def handle_data(self, data: str) -> None:
        if not self._code:
            self.parts.append(data)


def _page_text(html: str) -> str:
    parser = _PageText()
    parser.feed(html)
    return "\n".join(parser.parts)


def _readable_texts(path: Path) -> list[str]:
    """Every text a reader of this file could get out of it, decoded by its kind; decoded
    once per content and kind (the site and its preview share most files)."""
    raw = path.read_bytes()
    suffix = path.suffix.lower()
    return _decoded(hashlib.blake2b(raw).digest(), suffix, path)


@functools.cache
def _decoded(digest: bytes, suffix: str, path: Path) -> list[str]:
    raw = path.read_bytes()
    texts = [raw.decode("latin-1")]
    if suffix in (".png", ".jpg", ".jpeg", ".webp", ".gif"):
        with Image.open(path) as image:
            texts.append(repr(image.info))
            texts.append(repr(dict(image.getexif())))
            texts.append(repr(getattr(image, "text", {})))
    elif suffix == ".pdf":
        texts.extend(page.extract_text() for page in PdfReader(path).pages)
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return texts
        texts.append(_page_text(text) if suffix == ".html" else text)
        if suffix == ".json":
            texts.append(json.dumps(json.loads(text), ensure_ascii=False))
    return [text.translate(ZERO_WIDTH) for text in texts]


def _markers_in(folders: tuple[Path, ...]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                for text in _readable_texts(path):
                    for match in MARKER.finditer(text):
                        found.setdefault(match.group().upper(), set()).add(str(path))
    return found


def _personal_data_in(folders: tuple[Path, ...]) -> dict[str, list[str]]:
    """Masked findings of the validator's own scanner, per output file."""
    site = yaml.safe_load((repository_root() / "content" / "site.yaml").read_text("utf-8"))
    rules = PersonalDataRules.for_site(site, datetime.date.today())
    found: dict[str, list[str]] = {}
    findings: dict[str, list[str]] = {}  # per decoded view: the preview repeats the site
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix.lower() not in _SCANNED_ELSEWHERE:
                for text in _readable_texts(path)[1:]:  # the decoded views, not raw bytes
                    if text not in findings:
                        findings[text] = [
                            f"{f.rule} {f.shown}" for f in find_personal_data(text, rules)
                        ]
                    if findings[text]:
                        found.setdefault(str(path), []).extend(findings[text])
    return found


_SCANNED_ELSEWHERE = {".js", ".css", ".map", ".woff", ".woff2", ".svg", ".ico"}
"""The theme's own code and fonts: nothing from the data reaches them (the site's scripts
read the data from JSON files, which are scanned)."""


def test_every_output_kind_was_built(outputs: Outputs) -> None:
    """The audit reads every kind of file the users publish, so it can find a leak in each."""
    suffixes = {
        path.suffix.lower()
        for folder in (*outputs.public, *outputs.previews)
        for path in folder.rglob("*")
        if path.is_file()
    }
    expected = {".html", ".json", ".csv", ".xml", ".ics", ".md", ".png", ".js", ".css"}
    if shutil.which("chromium"):
        expected.add(".pdf")
    assert expected <= suffixes


def test_every_place_was_planted(outputs: Outputs) -> None:
    assert set(outputs.planted) == {
        "YAML comment (project)",
        "YAML comment (events)",
        "YAML comment (roadshows)",
        "YAML comment (calls)",
        "YAML comment (application)",
        "YAML comment (checkpoint)",
        "YAML comment (site)",
        "YAML comment (colleges)",
        "YAML comment (mentors)",
        "YAML comment (fields)",
        "YAML comment (services)",
        "YAML comment (partners)",
        "YAML comment (assessment)",
        "YAML comment (typical-cases)",
        "HTML comment in a project description",
        "HTML comment in a story body",
        "typical-case approver",
        "draft or scheduled case quote",
    }


def test_no_public_output_holds_any_private_marker(outputs: Outputs) -> None:
    assert _markers_in(outputs.public) == {}


def test_no_output_holds_personal_data(outputs: Outputs) -> None:
    assert _personal_data_in((*outputs.public, *outputs.previews)) == {}


def test_previews_hold_draft_text_but_nothing_never_published(outputs: Outputs) -> None:
    found = _markers_in(outputs.previews)
    assert {marker for marker in found if marker.startswith(NEVER)} == set()
    assert f"{DRAFT}-QUOTE" in found, "the preview must show draft cases (else this test is blind)"


def test_the_output_scan_would_see_personal_data(tmp_path: Path) -> None:
    """The scan above can fail: a number a build let through is found in each kind of file."""
    (tmp_path / "page.html").write_text('<p title="x">联系 138&nbsp;1234&nbsp;5678</p>', "utf-8")
    (tmp_path / "data.json").write_text('{"a": "\\uff11\\uff13\\uff18-1234-5678"}', "utf-8")
    (tmp_path / "article.md").write_text("学号：2021 1234 56\n", "utf-8")
    assert set(_personal_data_in((tmp_path,))) == {
        str(tmp_path / name) for name in ("page.html", "data.json", "article.md")
    }


def _published_contacts() -> tuple[set[str], set[str]]:
    """The office phones and mailboxes of the sample registries; the projects' mailboxes."""
    model = validate_repository(Layout(repository_root())).model
    assert model is not None
    offices = {v for c in all_contacts(model) for v in (c.phone, c.email) if v}
    return offices, {p.contact_email for p in model.projects.values() if p.contact_email}


CONTACT_PAGES = re.compile(
    r"^(?:contact/.*|colleges/[^/]+/index\.html|projects/[^/]+/index\.html"
    r"|calls/[^/]+/index\.html)$"
)
"""Where an institutional contact may be shown: the contact page, college and project pages,
and a call's page while its 公示 runs (the objection channel)."""
EDIT_DATA = re.compile(r"^projects/[^/]+/form\.json$")
"""A project's own fields for the submission form's edit mode, its mailbox among them."""


def test_contacts_appear_only_on_the_pages_made_to_show_them(outputs: Outputs) -> None:
    """Not in the search index, the open data, calendars, feeds, articles or agendas."""
    offices, projects = _published_contacts()
    assert len(offices) > 20 and len(projects) > 5
    misplaced: dict[str, list[str]] = {}
    for folder in (*outputs.public, *outputs.previews):
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or path.suffix.lower() in _SCANNED_ELSEWHERE:
                continue
            relative = path.relative_to(folder).as_posix()
            site = folder.name in ("site", "preview-site")
            if site and CONTACT_PAGES.match(relative):
                continue
            edit_data = site and EDIT_DATA.match(relative)
            sought = offices - projects if edit_data else offices | projects
            text = "\n".join(_readable_texts(path))
            found = sorted(value for value in sought if value in text)
            if found:
                misplaced[f"{folder.name}/{relative}"] = found
    assert misplaced == {}


def test_qr_codes_are_local_and_load_nothing(outputs: Outputs) -> None:
    site = outputs.public[0]
    codes = sorted((site / "contact" / "qr").iterdir())
    assert {path.suffix for path in codes} == {".svg", ".png"}
    for path in codes:
        if path.suffix == ".svg":
            svg = path.read_text(encoding="utf-8")
            assert re.findall(r"(?:href|src)\s*=|url\(|<script|<foreignObject", svg) == []
    for page in (
        site / "contact" / "index.html",
        *sorted((site / "colleges").glob("*/index.html")),
    ):
        sources = re.findall(r'<img[^>]*\bsrc="([^"]+)"', page.read_text(encoding="utf-8"))
        assert [s for s in sources if re.match(r"^(?:[a-z]+:)?//|^[a-z]+:", s)] == []
