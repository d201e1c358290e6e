"""Typical cases: approval and date rules, facts from the project, article, feed, share image."""

from __future__ import annotations

import dataclasses
import datetime
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PIL import Image

from showcase.cases import Story, TypicalCase
from showcase.commands.publicity import write_publicity
from showcase.fonts import find_cjk_font
from showcase.images.publish import clean_image
from showcase.model import Model
from showcase.render import paths
from showcase.render.case_visibility import Publicity
from showcase.render.share_image import HEIGHT, WIDTH
from tests.factories import make_model, make_project
from tests.image_samples import HTML_PAYLOAD, PERSONAL
from tests.images.test_publish import assert_clean
from tests.render.helpers import render

ATOM = "{http://www.w3.org/2005/Atom}"
TODAY = datetime.date(2026, 11, 25)
PROJECT = "sensor-fabric"


def case(case_id: str, status: str, publish_date: str, **overrides: object) -> TypicalCase:
    values: dict[str, object] = {
        "id": case_id,
        "project": PROJECT,
        "year": int(case_id[:4]),
        "category": "tech-innovation",
        "headline": f"标题{case_id}",
        "lead": "一段导语。",
        "quote": "一句金句。",
        "status": status,
        "approved_by": "宣传部" if status != "draft" else "",
        "publish_date": publish_date,
    }
    values.update(overrides)
    return TypicalCase(**values)  # type: ignore[arg-type]


def model_with_cases(*cases: TypicalCase, project_overrides: dict | None = None) -> Model:
    model = make_model([make_project(PROJECT, **(project_overrides or {}))])
    model.cases = {c.id: c for c in cases}
    return model


def sample_model() -> Model:
    return model_with_cases(
        case("2025-published", "published", "2025-06-01"),
        case("2026-approved-past", "approved", "2026-05-20"),
        case("2026-future", "approved", "2026-12-15"),
        case("2026-draft", "draft", ""),
    )


def case_pages(files: dict[str, bytes]) -> set[str]:
    return {p.split("/")[1] for p in files if re.fullmatch(r"cases/[^/]+/index\.md", p)}


def test_only_approved_cases_whose_date_has_come_are_public() -> None:
    files = render(sample_model(), publicity=Publicity(TODAY)).files
    assert case_pages(files) == {"2025-published", "2026-approved-past"}
    index = files[paths.CASES].decode()
    assert "2026-future" not in index and "2026-draft" not in index
    assert "草稿" not in index and "noindex" not in index
    home = files[paths.HOME].decode()
    assert "标题2026-approved-past" in home and "标题2026-future" not in home


def test_the_date_decides_when_an_approved_case_goes_live() -> None:
    after = render(sample_model(), publicity=Publicity(datetime.date(2026, 12, 15))).files
    assert "2026-future" in case_pages(after)


def test_preview_shows_drafts_and_scheduled_cases_marked_and_not_indexed() -> None:
    files = render(sample_model(), publicity=Publicity(TODAY, drafts=True)).files
    assert case_pages(files) == {
        "2025-published",
        "2026-approved-past",
        "2026-future",
        "2026-draft",
    }
    draft = files[paths.case_page("2026-draft")].decode()
    assert 'data-testid="case-banner"' in draft and "草稿" in draft
    assert 'robots: "noindex, nofollow"' in draft
    assert "待发布（2026 年 12 月 15 日上线）" in files[paths.case_page("2026-future")].decode()
    published = files[paths.case_page("2025-published")].decode()
    assert 'data-testid="case-banner"' not in published


def test_the_feed_is_atom_and_holds_only_public_cases() -> None:
    feed = render(sample_model(), publicity=Publicity(TODAY, drafts=True)).files[paths.CASES_FEED]
    root = ElementTree.fromstring(feed)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}").text
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == [
        "标题2026-approved-past",
        "标题2025-published",
    ]
    for entry in entries:
        for required in ("id", "title", "updated", "summary"):
            assert entry.find(f"{ATOM}{required}").text
        assert entry.find(f"{ATOM}link").get("href")
    assert root.find(f"{ATOM}updated").text == "2026-05-20T00:00:00+08:00"


def test_facts_come_from_the_project_record() -> None:
    published = case(
        "2025-published",
        "published",
        "2025-06-01",
        story=Story("## 故事\n\n学院是计算机学院，已进入孵化加速器。"),
    )
    page_path = paths.case_page("2025-published")
    before = render(model_with_cases(published), publicity=Publicity(TODAY)).files[page_path]
    changed = model_with_cases(
        published, project_overrides={"level": "nursery", "college": "computing"}
    )
    after = render(changed, publicity=Publicity(TODAY)).files[page_path].decode()
    facts = after.split("<h2>项目档案</h2>", 1)[1].split("</section>", 1)[0]
    assert "学院创业苗圃" in facts and "计算机学院" in facts
    assert "纺织学院" not in facts and "校外孵化加速器" not in facts
    assert before.decode() != after


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_wechat_article_is_inline_styled_and_its_images_exist(tmp_path: Path) -> None:
    image = tmp_path / "repo" / "content" / "stories" / "2025-published" / "photo.png"
    image.parent.mkdir(parents=True)
    Image.new("RGB", (8, 8), (10, 20, 30)).save(image)
    story = Story(
        "## 起步\n\n**加粗**和[链接](https://example.com/)。\n\n> 引语",
        "宣传部",
        "content/stories/2025-published/photo.png",
        "配图",
    )
    model = model_with_cases(case("2025-published", "published", "2025-06-01", story=story))
    out = tmp_path / "out"
    write_publicity(model, Publicity(TODAY), out, tmp_path / "repo")
    html = (out / "2025-published" / "article.html").read_text(encoding="utf-8")
    for forbidden in ("<script", "<link", "<style", "class=", "<a "):
        assert forbidden not in html.lower(), forbidden
    parser = _Tags()
    parser.feed(html)
    body_tags = [(t, a) for t, a in parser.tags if t not in ("html", "head", "meta", "title")]
    assert all(a.get("style") for t, a in body_tags if t not in ("br", "hr")), body_tags
    images = [a["src"] for t, a in parser.tags if t == "img"]
    assert images == ["photo.png"]
    assert all((out / "2025-published" / src).is_file() for src in images)
    markdown = (out / "2025-published" / "article.md").read_text(encoding="utf-8")
    assert markdown.startswith("# 标题2025\\-published") and "![配图](photo.png)" in markdown
    assert "- 另有 1 名成员未公开姓名。" in markdown
    assert ">另有 1 名成员未公开姓名。</li>" in html


def test_the_story_image_beside_the_article_is_published_clean(tmp_path: Path) -> None:
    image = tmp_path / "repo" / "content" / "stories" / "2025-published" / "photo.jpg"
    image.parent.mkdir(parents=True)
    image.write_bytes(PERSONAL["JPEG EXIF GPS"][0]() + HTML_PAYLOAD)
    story = Story("正文", "宣传部", "content/stories/2025-published/photo.jpg", "配图")
    model = model_with_cases(case("2025-published", "published", "2025-06-01", story=story))
    out = tmp_path / "out"
    write_publicity(model, Publicity(TODAY), out, tmp_path / "repo")
    published = (out / "2025-published" / "photo.jpg").read_bytes()
    assert published == clean_image(image.read_bytes())
    assert_clean(published, "JPEG")


def test_share_image_is_a_1200_by_630_png(tmp_path: Path) -> None:
    font = find_cjk_font()
    if font is None:
        assert os.environ.get("CI") != "true", "CI must have fonts-noto-cjk installed"
        files = render(sample_model(), publicity=Publicity(TODAY)).files
        assert paths.case_file("2025-published", "share.png") not in files
        return
    files = render(sample_model(), publicity=Publicity(TODAY)).files
    png = tmp_path / "share.png"
    png.write_bytes(files[paths.case_file("2025-published", "share.png")])
    with Image.open(png) as image:
        assert image.format == "PNG" and image.size == (WIDTH, HEIGHT) == (1200, 630)
    page = files[paths.case_page("2025-published")].decode()
    assert 'social_image: "cases/2025-published/share.png"' in page


@pytest.mark.parametrize("drafts", [False, True])
def test_every_case_link_resolves(drafts: bool) -> None:
    tree = render(sample_model(), publicity=Publicity(TODAY, drafts=drafts))
    available = {*tree.files, *tree.images}
    for path, content in tree.files.items():
        if not path.startswith("cases/") or not path.endswith(".md"):
            continue
        for href in re.findall(r'href="([^"#]+)"', content.decode()):
            if href.startswith(("http", "mailto:")):
                continue
            target = os.path.normpath(os.path.join(paths.url_of(path), href))
            assert {f"{target}/index.md", f"{target}.md", target} & available, (path, href)


def test_build_without_cases_is_unchanged_by_the_section() -> None:
    model = dataclasses.replace(sample_model(), cases={})
    files = render(model).files
    assert "暂无已发布的典型案例" in files[paths.CASES].decode()
    assert 'data-testid="featured-cases"' not in files[paths.HOME].decode()
