"""Every HTML file of a built site carries the Content-Security-Policy, with hashes of
exactly the theme's inline scripts it contains; any other inline script fails the build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from showcase.commands.gather import site_inputs
from showcase.engine import BuildFailed, build_site
from showcase.engine.content_policy import inline_scripts
from showcase.paths import Layout, repository_root
from showcase.render.csp import source_hash
from tests.factories import make_model
from tests.hostile import HostileBuild

CONFIG = repository_root() / "mkdocs.yml"
POLICY = re.compile(
    r'<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="([^"]+)">'
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("policy-repo")
    return build_site(
        Layout(root), site_inputs(Layout(root), make_model(count=3)), config_file=CONFIG
    )


def directives(policy: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in policy.split("; ")}


def test_every_page_carries_the_policy_right_after_its_charset(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 15 and (site / "404.html") in pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        found = POLICY.findall(html)
        assert len(found) == 1, page
        policy = directives(found[0].replace("&quot;", '"'))
        assert policy["default-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]
        assert policy["style-src"] == ["'self'"], "no inline style on a themed page"
        scripts = {source_hash(body) for _, body in inline_scripts(html)}
        assert scripts, f"{page}: the theme's inline scripts are missing"
        assert set(policy["script-src"]) == {"'self'", *scripts}, page


def test_the_policy_never_allows_inline_code_by_keyword(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    for forbidden in ("unsafe-inline", "unsafe-eval", "unsafe-hashes", "*", "http:", "https:"):
        assert forbidden not in POLICY.findall(html)[0].split(), forbidden


def test_print_pages_allow_exactly_their_own_style(hostile_build: HostileBuild) -> None:
    sheets = [p for p in hostile_build.site.glob("roadshows/*/*.html") if p.name != "index.html"]
    assert sheets
    for sheet in sheets:
        html = sheet.read_text(encoding="utf-8")
        style = re.search(r"<style>(.*?)</style>", html, re.DOTALL)
        assert style is not None
        for policy in re.findall(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html):
            assert source_hash(style.group(1)) in directives(policy)["style-src"]
        assert "<script" not in html


def test_an_inline_script_in_a_page_fails_the_build_and_keeps_the_last_site(
    tmp_path: Path,
) -> None:
    layout = Layout(tmp_path)
    site = build_site(layout, site_inputs(layout, make_model(count=2)), config_file=CONFIG)
    pages = layout.content_dir / "pages"
    pages.mkdir(parents=True)
    (pages / "about.md").write_text("# 关于\n\n<script>alert(1)</script>\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failure:
        build_site(layout, site_inputs(layout, make_model(count=2)), config_file=CONFIG)
    assert any(
        "pages/about/index.html" in line and "内联脚本" in line for line in failure.value.details
    ), failure.value.details
    assert (site / "index.html").is_file() and not (site / "pages" / "about").exists()


def test_the_preview_site_carries_the_policy_too(hostile_build: HostileBuild) -> None:
    pages = sorted(hostile_build.preview.rglob("*.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert len(POLICY.findall(html)) == 1, page
