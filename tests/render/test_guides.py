"""Staff guides: out of the public menu, listed on the 工作指南 page, linked from the
submit page; the home page's numbers and ladder link to the filtered directory."""

from __future__ import annotations

import re

import pytest

from showcase.model import LEVELS, STAGES
from showcase.render import paths
from showcase.render.content_pages import is_staff_guide, page_title
from showcase.render.submit_page import SUBMIT
from tests.factories import make_model
from tests.render.helpers import render

STAFF = (
    "---\ntitle: 路演组织指南\naudience: staff\n---\n\n# 路演组织指南\n\n运行 `./dev agenda`。\n"
)
PUBLIC = "---\ntitle: 关于\n---\n\n# 关于\n"


@pytest.mark.parametrize(
    "front_matter",
    [
        "audience: staff",
        'audience: "staff"',
        "audience: 'staff'",
        "audience:   staff   ",
        "audience: staff  # 工作指南",
    ],
)
@pytest.mark.parametrize("before", ["", "title: 指南\n", "title: 指南\ndescription: 说明\n"])
def test_staff_audience_is_read_from_the_front_matter_in_any_spelling(
    front_matter: str, before: str
) -> None:
    assert is_staff_guide(f"---\n{before}{front_matter}\n---\n\n# 指南\n")


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: 关于\naudience: public\n---\n# 关于\n",
        "---\ntitle: 关于\n---\n\naudience: staff\n",
        "# 关于\n\naudience: staff\n",
        "---\ntitle: 关于\naudience: staffroom\n---\n",
    ],
)
def test_other_pages_are_public(text: str) -> None:
    assert not is_staff_guide(text)


@pytest.mark.parametrize(
    ("front_matter", "title"),
    [
        ("title: 关于 # 注释", "关于"),
        ('title: "关于 \\"众创\\""', '关于 "众创"'),
        ("title: '关于 ''众创'''", "关于 '众创'"),
        ("title: >-\n  关于\n  众创空间", "关于 众创空间"),
        ("description: 说明", "正文标题"),
    ],
)
def test_the_menu_title_is_the_front_matter_title_as_mkdocs_reads_it(
    front_matter: str, title: str
) -> None:
    assert page_title("about.md", f"---\n{front_matter}\n---\n\n# 正文标题\n") == title


def test_staff_guides_leave_the_menu_for_the_guides_page() -> None:
    tree = render(
        make_model(count=2), content_pages={"roadshow-guide.md": STAFF, "about.md": PUBLIC}
    )
    menu = [next(iter(entry.values())) if isinstance(entry, dict) else entry for entry in tree.nav]
    assert paths.content_page("about.md") in menu
    assert paths.content_page("roadshow-guide.md") not in menu and paths.GUIDES not in menu
    guides = tree.files[paths.GUIDES].decode()
    assert '<a href="../pages/roadshow-guide/">路演组织指南</a>' in guides
    assert "关于" not in guides
    home = tree.files[paths.HOME].decode()
    assert "pages/about/" in home and "roadshow-guide" not in home
    assert 'href="../guides/">工作指南</a>' in tree.files[SUBMIT].decode()


def test_without_staff_guides_the_guides_page_says_so() -> None:
    tree = render(make_model(count=2), content_pages={"about.md": PUBLIC}, case_schemas={})
    assert "暂无工作指南" in tree.files[paths.GUIDES].decode()


def test_home_numbers_and_ladder_link_to_the_directory_filtered_to_what_they_count() -> None:
    home = render(make_model(count=6)).files[paths.HOME].decode()
    pattern = r'<a class="sc-stat" href="([^"]*)"><span [^>]*data-stat="([^"]+)"'
    by_stat = {stat: href for href, stat in re.findall(pattern, home)}
    assert by_stat["projects"] == "projects/"
    assert by_stat["colleges"] == "colleges/"
    assert by_stat["achievements"] == "projects/?sort=achievements"
    for level in LEVELS:
        assert by_stat[f"level-{level}"] == f"projects/?level={level}"
        assert f'<a href="projects/?level={level}" aria-label=' in home
    for stage in STAGES:
        assert by_stat[f"stage-{stage}"] == f"projects/?stage={stage}"
