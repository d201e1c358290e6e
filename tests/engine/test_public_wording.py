"""Public pages speak to visitors: no developer words in what a visitor reads.

The sample site is built (as for the manifest) and every HTML page's visible text (text
outside ``<script>``/``<style>``, plus the ``alt``, ``title``, ``placeholder`` and
``aria-label`` a browser shows or reads aloud) is searched for `DEVELOPER_WORDS`.

Two deliberate exceptions, each for its readers:

* staff guides (hand-written pages whose front matter says ``audience: staff``, listed
  under 工作指南 and out of the public menu) are written for college staff, the guidance
  centre and the publicity office, who run ``./dev`` commands and edit files by path:
  for them those words are the instructions, so their pages are not searched;
* on the open-data page, text inside ``<code>`` is the name of a field or column in the
  downloadable files, which a reader of that data dictionary must see as written; the rest
  of that page is searched like any other.

Formats a visitor downloads may be named in Chinese prose (“日程数据（JSON，供会议软件导入）”),
so ``JSON``, ``CSV`` and ``.ics`` are not developer words; how a file is made (``frab``) is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from showcase.paths import repository_root
from showcase.render.content_pages import is_staff_guide

DEVELOPER_WORDS = {
    "命令": re.compile(r"\./dev\b|\binvoke\s+[a-z]|\bpip\s+install\b|\bgit\s+(?:clone|push)\b"),
    "议程数据格式名": re.compile(r"\bfrab\b|\bc3voc\b", re.IGNORECASE),
    "时区编号": re.compile(
        r"\b(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)"
        r"/[A-Za-z_+-]+"
    ),
    "字段键名": re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b"),
    "仓库路径": re.compile(
        r"(?<![\w/.])(?:content|projects|schemas|showcase|build|overrides)/[\w./-]*\w"
        r"|\b[\w-]+\.ya?ml\b"
    ),
    "程序错误": re.compile(r"\bTraceback\b|\bKeyError\b|\bNoneType\b"),
}
"""What a visitor must not meet, by kind; each kind's name says what it catches."""

FORM_WORDS = {
    "文件格式用语": re.compile(
        r"\bYAML\b|\bYYYY\b|yaml-language-server|\bpublic:\s*(?:true|false)\b"
    ),
}
"""What a college secretary filling in the 提交项目 form must not meet besides
`DEVELOPER_WORDS`: the file's format and its raw lines (the file itself stays in a closed
"文件内容（供核对）" block, which a browser does not show until opened). Checked on the
page as built here and, as the script fills it, in tests/browser/test_submit_form_secretary.py."""
SUBMIT_PAGE = "submit/index.html"

SHOWN_ATTRIBUTES = ("alt", "title", "placeholder", "aria-label")
DATA_DICTIONARY = "data/index.html"
"""The open-data page, whose ``<code>`` elements name the downloadable files' fields."""


class _VisibleText(HTMLParser):
    """Collects what a browser shows or reads aloud; `keep_code` keeps ``<code>`` text."""

    def __init__(self, keep_code: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.keep_code = keep_code
        self.skipping: list[str] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style") or (tag == "code" and not self.keep_code):
            self.skipping.append(tag)
        if not self.skipping:
            self.parts += [value for name, value in attrs if name in SHOWN_ATTRIBUTES and value]

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def visible_text(html: str, keep_code: bool = True) -> str:
    parser = _VisibleText(keep_code)
    parser.feed(html)
    parser.close()
    return " ".join(parser.parts)


def developer_words(text: str, words: dict[str, re.Pattern[str]] = DEVELOPER_WORDS) -> list[str]:
    """Every developer word in `text`, as ``kind：word``."""
    return [
        f"{kind}：{match.group()}"
        for kind, pattern in words.items()
        for match in pattern.finditer(text)
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("运行 ./dev agenda 生成议程", "命令"),
        ("或者 invoke build", "命令"),
        ("frab 格式的议程数据", "议程数据格式名"),
        ("Frab JSON", "议程数据格式名"),
        ("时区：Asia/Shanghai", "时区编号"),
        ("America/New_York 时间", "时区编号"),
        ("Etc/UTC", "时区编号"),
        ("金额 amount_cny 元", "字段键名"),
        ("contact_email", "字段键名"),
        ("见 content/roadshows/2026-winter-demo-day.yaml", "仓库路径"),
        ("schemas/project.schema.json", "仓库路径"),
        ("site.yaml 里的学校名称", "仓库路径"),
        ("Traceback (most recent call last)", "程序错误"),
        ("生成项目文件（YAML）", "文件格式用语"),
        ("写成 YYYY-MM", "文件格式用语"),
        ("# yaml-language-server: $schema=x", "文件格式用语"),
        ("public: false", "文件格式用语"),
    ],
)
def test_each_kind_of_developer_word_is_caught(text: str, kind: str) -> None:
    found = developer_words(text, DEVELOPER_WORDS | FORM_WORDS)
    assert any(word.startswith(f"{kind}：") for word in found), text


@pytest.mark.parametrize(
    "text",
    [
        "日程数据（JSON，供会议软件导入）",
        "整场日历（.ics）· 打印版议程",
        "下载 projects.csv 或 projects.json",
        "12月10日（周四）09:00–17:00（北京时间）",
        "项目名录：筛选全部项目",
        "https://example.edu.cn/projects/smart-yarn-sensor/",
        "项目启动的年月，例如 2025-03 或 2025年3月",
        "文件内容（供核对）",
    ],
)
def test_plain_visitor_wording_is_not_flagged(text: str) -> None:
    assert developer_words(text, DEVELOPER_WORDS | FORM_WORDS) == []


def test_visible_text_leaves_out_scripts_styles_and_optionally_code() -> None:
    html = (
        '<p title="提示">看得见<script>var amount_cny = 1;</script>'
        '<style>.a_b{}</style><code>field_names</code><img alt="标志"></p>'
    )
    assert visible_text(html) == "提示 看得见 field_names 标志"
    assert "field_names" not in visible_text(html, keep_code=False)


def _public_pages(site: Path) -> Iterator[Path]:
    """Every HTML page of `site` except the staff guides (see the module docstring)."""
    pages = repository_root() / "content" / "pages"
    staff = {
        site / "pages" / source.stem / "index.html"
        for source in pages.glob("*.md")
        if is_staff_guide(source.read_text(encoding="utf-8"))
    }
    assert staff, "the sample has staff guides, so the exception above is exercised"
    for page in sorted(site.rglob("*.html")):
        if page not in staff:
            yield page


def test_no_public_page_of_the_sample_site_shows_developer_words(sample_site_dir: Path) -> None:
    found = []
    site = sample_site_dir
    pages = list(_public_pages(site))
    assert len(pages) > 50 and site / SUBMIT_PAGE in pages
    for page in pages:
        relative = page.relative_to(site).as_posix()
        html = page.read_text(encoding="utf-8")
        text = visible_text(html, keep_code=relative != DATA_DICTIONARY)
        words = DEVELOPER_WORDS | (FORM_WORDS if relative == SUBMIT_PAGE else {})
        found += [f"{relative}: {word}" for word in dict.fromkeys(developer_words(text, words))]
    assert not found, "公开页面上出现了开发者用语：\n" + "\n".join(found)
