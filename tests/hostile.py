"""The hostile corpus: what a contributor might type to make the site run their code.

Every payload carries the marker ``pwned``: if one were ever interpreted instead of shown,
it would create an element or attribute named with it, call ``__pwned()`` / ``alert()``,
or put it in a ``javascript:`` URL, which `assert_inert_html` (and the browser tests)
detect. Shown as text, the marker is harmless, and the tests check it *is* shown.

`plant_payloads` copies the sample repository and writes payloads into every free-text
field the schemas define (plain text and Markdown, in every record kind and in story
bodies), in front of the original text so every value stays distinct and within its
``maxLength``. Fields with a format, enum or pattern that a payload cannot satisfy (ids,
dates, URLs, e-mail) are left alone: the schema already keeps markup out of them.
"""

from __future__ import annotations

import datetime
import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from showcase.commands.build import preview_model, preview_site_dir
from showcase.commands.gather import site_inputs, stamp_of
from showcase.commands.publicity import write_publicity
from showcase.engine import build_site
from showcase.load.front_matter import load_front_matter
from showcase.load.yamlfile import load_yaml
from showcase.model import Model
from showcase.paths import Layout, repository_root
from showcase.render.case_visibility import Publicity
from showcase.render.roadshow.files import roadshow_files
from showcase.validate import validate_repository
from showcase.yamltext import to_yaml

MARKER = "pwned"

TEXT_PAYLOADS = (
    "<pwned/>",
    "<pwned-tag>",
    '"><pwned>',
    "{{pwned}}",
    "]]><pwned/>",
    "<!--pwned-->",
    "&lt;pwned&gt;",
    "\\u003cpwned>",
    "+ADw-pwned+AD4-",
    "%3Cpwned-tag%3E",
    "'><b data-pwned=x>",
    '"><b data-pwned=x>',
    "</script><pwned-tag>",
    "javascript:__pwned()",
    "<svg onload=__pwned()>",
    "{% raw %}{{ __pwned }}",
    "<script>__pwned()</script>",
    "<ScRiPt>__pwned()</sCrIpT>",
    "data:text/html,<pwned-tag>",
    "<a href=javascript:__pwned()>",
    "<img src=x onerror=alert(1)>",
    "<img src=x onerror=__pwned()>",
    "<details open ontoggle=__pwned()>",
    "<svg><script>__pwned()</script></svg>",
    '<pwned-tag/x=">"onmouseover=__pwned()>',
    "<object data=javascript:__pwned()></object>",
    '<iframe srcdoc="<script>parent.__pwned()</script>">',
    "\\u003cscript\\u003e__pwned()\\u003c/script\\u003e",
    "<math><mtext><table><mglyph><style><img src=x onerror=__pwned()>",
)
"""Plain-text spellings, shortest first (short fields get the short ones)."""
TAG_PAYLOAD = "<pwned-tag>"
"""Added in front of a spelling that would not make an element, where the field has room,
so nearly every field also tests the plainest attack."""
_MAKES_A_TAG = re.compile(r"<[a-zA-Z]")

MARKDOWN_PAYLOAD = """<script>__pwned()</script>

<img src=x onerror=alert(1)> [点我](javascript:__pwned()) ![图](https://evil.example/pwned.png)
<a href="javascript:__pwned()">链接</a> <svg onload=__pwned()></svg> <pwned-tag>
<iframe src="javascript:__pwned()"></iframe> <!-- <pwned-tag> --> &lt;pwned-tag&gt;
[数据](data:text/html,<script>__pwned()</script>) <javascript:__pwned()>
{{ __pwned }} \\u003cpwned-tag\\u003e <style>body{background:url(pwned)}</style>
[别处](//pwned.example/p) [别处](\\/pwned.example/p) <a href="&#47;&#47;pwned.example/p">别处</a>
[别处][pwned-ref]

[pwned-ref]: /\\pwned.example/p

<div onclick="__pwned()" style="background:url(pwned)">*强调* `<pwned-tag>`</div>

"""
"""One Markdown field's worth of attacks: raw HTML, handlers, bad link schemes, links to
another host without a scheme, images from other hosts, comments, entities and template
syntax."""

OTHER_HOST_LINKS = (
    "[x](//evil.example/p)",
    "[x]( //evil.example/p)",
    "[x](<//evil.example/p>)",
    "[x](/\\evil.example/p)",
    "[x](\\/evil.example/p)",
    "[x](\\\\\\\\evil.example/p)",
    "[x](/\n/evil.example/p)",
    "[x](&#47;&#47;evil.example/p)",
    "[x](&#x2F;&sol;evil.example/p)",
    "[x][far]\n\n[far]: //evil.example/p\n\n",
    '<a href="//evil.example/p">x</a>',
    '<a href=" \\\\evil.example/p">x</a>',
    '<a href="/&#9;/evil.example/p">x</a>',
    '<a href="/&#10;/evil.example/p">x</a>',
    "<a href='&#47;&#47;evil.example/p'>x</a>",
    "[x](https:/evil.example/p)",
    "[x](https:\\\\evil.example/p)",
    "[x](http:evil.example/p)",
    "[x](https:evil.example/p)",
    "[x](https:///evil.example/p)",
    "[x](HTTPS:/\\evil.example/p)",
    '<a href="https:/evil.example/p">x</a>',
    '<a href="http&#58;evil.example/p">x</a>',
    '<a href="https:&#92;&#92;evil.example/p">x</a>',
)
"""Links that lead to another host without ``scheme://host`` written out, in the spellings
a browser reads as ``//host`` (a backslash is a slash; tabs and line breaks inside, blanks
around are dropped; character references are decoded) or as ``https://host`` (``https:/``,
``https:\\``, and ``http:host`` on a page of the other scheme): a page keeps none of them."""
SAME_SITE_LINKS = (
    "[x](%2F%2Fevil.example/p)",
    "[x](\\\\evil.example/p)",
    "[x](/evil.example/p)",
    "[x](../other/)",
    "[x](HTTPS://evil.example/p)",
    '<a href="/&#32;/evil.example/p">x</a>',
)
"""Near misses a page keeps: a percent-encoded slash is a path, a Markdown ``\\\\`` is one
backslash (``\\evil`` is ``/evil`` on this site), a space is not dropped inside an address,
and an explicit http(s) address is an ordinary external link."""

SOFT_BREAKS = "软换行之前\n软换行之后，English\nwords\n与中文。\n\n"
"""Source line breaks between two Chinese characters (no space in any output), between
Latin letters and between Latin and Chinese (a space stays); planted in every Markdown
field, story and hand-written page (`tests/engine/test_cjk_breaks_site.py`)."""

CALENDAR_PROPERTIES = frozenset(
    {
        "UID",
        "DTSTAMP",
        "SEQUENCE",
        "DTSTART",
        "DTEND",
        "SUMMARY",
        "LOCATION",
        "DESCRIPTION",
        "URL",
        "CATEGORIES",
    }
)
"""Every property a VEVENT of ours may have: a payload must never add one."""

HANDLER = re.compile(r"^on[a-z]+$")
_OTHER_HOST = re.compile(r"[/\\\\]{2}")
"""An address without a scheme that browsers open on another host (``//h``, ``/\\h``…)."""
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "srcdoc", "xlink:href"}
_FORBIDDEN_TAGS = {"iframe", "object", "embed", "frame", "applet", "base", "math"}


@dataclass
class Planted:
    """Where payloads went: (repository file, field path, planted value)."""

    values: list[tuple[str, str, str]] = field(default_factory=list)

    def of(self, file: str, path: str) -> str:
        return next(v for f, p, v in self.values if f == file and p == path)


def plant_payloads(root: Path) -> Planted:
    """Copy the sample repository to `root` with payloads in every free-text field."""
    source = repository_root()
    for folder in ("projects", "content", "schemas", "overrides"):
        shutil.copytree(source / folder, root / folder)
    shutil.copy(source / "mkdocs.yml", root / "mkdocs.yml")
    schemas = {
        p.name.split(".")[0]: json.loads(p.read_text()) for p in (root / "schemas").iterdir()
    }
    planted = Planted()
    counter = iter(range(1_000_000))
    files = sorted((root / "projects").rglob("*.yaml")) + sorted((root / "content").rglob("*.yaml"))
    for file in files:
        schema = schemas[_schema_name(file, root)]
        document, problems = load_yaml(file, str(file))
        assert document is not None, problems
        name = file.relative_to(root).as_posix()
        data = _planted(document.data, schema, name, "", planted, counter)
        file.write_text(to_yaml(data), encoding="utf-8")
    for story in sorted((root / "content" / "stories").glob("*.md")):
        document, body, problems = load_front_matter(story, str(story))
        assert document is not None, problems
        name = story.relative_to(root).as_posix()
        matter = _planted(document.data, schemas["story"], name, "", planted, counter)
        body = MARKDOWN_PAYLOAD + SOFT_BREAKS + body
        planted.values.append((name, "body", body))
        story.write_text(f"---\n{to_yaml(matter)}---\n{body}", encoding="utf-8")
    for page in sorted((root / "content" / "pages").glob("*.md")):
        page.write_text(page.read_text(encoding="utf-8") + "\n" + SOFT_BREAKS, encoding="utf-8")
    return planted


def _schema_name(file: Path, root: Path) -> str:
    relative = file.relative_to(root)
    if relative.parts[0] == "projects":
        return relative.parts[3].removesuffix("s") if len(relative.parts) == 5 else "project"
    if relative.parts[1] in ("events", "roadshows", "calls"):
        return relative.parts[1].removesuffix("s")
    return {"typical-cases": "typical-cases"}.get(file.stem, file.stem.removesuffix("s"))


_NOT_PLANTED = {"image", "logo", "deploy"}
"""Free strings in the schema that name files (the validator checks the file exists), and
site.yaml's ``deploy`` settings, which name targets, hosts and paths and never reach a page."""


def _planted(
    value: Any,
    schema: dict[str, Any],
    file: str,
    path: str,
    planted: Planted,
    counter: Iterator[int],
) -> Any:
    kind = schema.get("type")
    if kind == "object" and isinstance(value, dict):
        properties = schema.get("properties", {})
        return {
            key: item
            if key in _NOT_PLANTED or key not in properties
            else _planted(item, properties[key], file, f"{path}.{key}", planted, counter)
            for key, item in value.items()
        }
    if kind == "array" and isinstance(value, list):
        items = schema.get("items", {})
        return [
            _planted(item, items, file, f"{path}[{i}]", planted, counter)
            for i, item in enumerate(value)
        ]
    if kind != "string" or not isinstance(value, str) or "enum" in schema or "format" in schema:
        return value
    new = _payload_for(value, schema, next(counter))
    if new is None or not re.search(schema.get("pattern", ""), new):
        return value
    planted.values.append((file, path.lstrip("."), new))
    return new


def _payload_for(original: str, schema: dict[str, Any], turn: int) -> str | None:
    limit = schema.get("maxLength", 10_000)
    if "Markdown" in schema.get("description", "") and len(MARKDOWN_PAYLOAD + SOFT_BREAKS) < limit:
        return (MARKDOWN_PAYLOAD + SOFT_BREAKS + original)[:limit]
    room = limit - min(len(original), 4)
    fitting = [p for p in TEXT_PAYLOADS if len(p) <= room]
    if not fitting:
        return None
    chosen = fitting[turn % len(fitting)]
    if not _MAKES_A_TAG.search(chosen) and len(TAG_PAYLOAD + chosen) <= room:
        chosen = TAG_PAYLOAD + chosen
    return (chosen + original)[:limit]


@dataclass
class HostileBuild:
    """Everything built from the planted repository: the site, the preview site (drafts),
    the publicity folder and the agenda's files (print pages, score sheets, calendars)."""

    root: Path
    planted: Planted
    model: Model
    site: Path
    preview: Path
    publicity: Path
    agenda: dict[str, bytes]


def build_hostile(root: Path, publication_day: datetime.date) -> HostileBuild:
    """Plant, validate (it must pass: payloads are valid data), then build every output."""
    planted = plant_payloads(root)
    layout = Layout(root)
    result = validate_repository(layout, today=publication_day)
    assert result.ok and result.model is not None, [p.text() for p in result.problems]
    model = result.model
    site = build_site(layout, site_inputs(layout, model, Publicity(publication_day)))
    preview = build_site(
        layout,
        site_inputs(layout, preview_model(model), Publicity(publication_day, drafts=True)),
        preview_site_dir(layout),
    )
    publicity = layout.build_dir / "publicity"
    write_publicity(model, Publicity(publication_day, drafts=True), publicity, root)
    return HostileBuild(
        root, planted, model, site, preview, publicity, roadshow_files(model, stamp_of(model))
    )


class _Inspector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self.text: list[str] = []
        self._raw_text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._raw_text = tag if tag in ("script", "style") else ""
        if MARKER in tag or tag in _FORBIDDEN_TAGS:
            self.findings.append(f"element <{tag}>")
        for name, value in attrs:
            value = value or ""
            if MARKER in name or HANDLER.match(name):
                self.findings.append(f"attribute {name}={value!r} on <{tag}>")
            url = re.sub(r"[\s\x00-\x1f]", "", value).lower()
            if name in URL_ATTRIBUTES and url.startswith(("javascript:", "data:text", "vbscript:")):
                self.findings.append(f"{name}={value!r} on <{tag}>")
            if name in URL_ATTRIBUTES and MARKER in url and _OTHER_HOST.match(url):
                self.findings.append(f"{name}={value!r} on <{tag}> leads to another host")
            if name in ("src", "srcset", "poster", "data") and MARKER in url:
                self.findings.append(f"{name}={value!r} on <{tag}> loads a payload's URL")
            if name == "style" and MARKER in value:
                self.findings.append(f"style={value!r} on <{tag}>")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        self._raw_text = ""
        if MARKER in tag:
            self.findings.append(f"element </{tag}>")

    def handle_data(self, data: str) -> None:
        if self._raw_text and MARKER in data:
            self.findings.append(f"<{self._raw_text}> text {data[:80]!r}")
        elif not self._raw_text:
            self.text.append(data)

    def handle_comment(self, data: str) -> None:
        if MARKER in data:
            self.findings.append(f"comment <!--{data[:60]}-->")


def inspect_html(html: str) -> tuple[list[str], str]:
    """(what in `html` is markup that a payload made, the page's text)."""
    inspector = _Inspector()
    inspector.feed(html)
    inspector.close()
    return inspector.findings, "".join(inspector.text)


def assert_inert_html(html: str, where: str) -> str:
    """Fail if any payload in `html` became markup; return the document's text."""
    findings, text = inspect_html(html)
    assert not findings, f"{where}: payload interpreted as markup: {findings[:5]}"
    return text
