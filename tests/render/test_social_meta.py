"""Link-preview meta on every page of a real MkDocs build, escaped exactly once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from showcase.commands.gather import site_inputs
from showcase.engine import build_site
from showcase.paths import Layout, repository_root
from showcase.render.social import social_image
from tests.factories import make_model, make_project, make_site

HOSTILE = '"><script>alert(1)</script>&amp;'


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("social")
    model = make_model([make_project("hostile", name=HOSTILE), make_project(logo="logo.png")])
    model.site = make_site(site_url="https://makerspace.example.edu.cn/")
    logo = root / "projects" / "textile" / "sensor-fabric" / "logo.png"
    logo.parent.mkdir(parents=True)
    logo.write_bytes(social_image())
    return build_site(
        Layout(root), site_inputs(Layout(root), model), config_file=repository_root() / "mkdocs.yml"
    )


def _meta(html: str, key: str) -> str:
    match = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', html)
    assert match, key
    return match.group(1)


def test_every_page_has_title_description_image_and_card(site: Path) -> None:
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    assert len(pages) > 8
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for key in ("og:title", "og:description", "og:image", "twitter:card", "description"):
            assert _meta(html, key), (page, key)
        assert 'type="application/atom+xml"' in html


def test_hostile_name_is_escaped_once_in_the_meta(site: Path) -> None:
    html = (site / "projects" / "hostile" / "index.html").read_text(encoding="utf-8")
    head = html.split("</head>", 1)[0]
    assert "<script>alert" not in head
    assert _meta(head, "og:title") == "&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;"


def test_project_logo_is_the_preview_image_and_others_use_the_default(site: Path) -> None:
    project = (site / "projects" / "sensor-fabric" / "index.html").read_text(encoding="utf-8")
    expected = "https://makerspace.example.edu.cn/projects/sensor-fabric/logo.png"
    assert _meta(project, "og:image") == expected
    events = (site / "events" / "index.html").read_text(encoding="utf-8")
    assert _meta(events, "og:image").endswith("assets/social.png")
    assert (site / "assets" / "social.png").is_file()
