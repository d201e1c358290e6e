"""The "联系项目团队" block, the contact cards, QR codes and the 联系我们 page."""

from __future__ import annotations

import dataclasses
import re
import urllib.parse
import xml.etree.ElementTree as ElementTree

from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.contacts import Contact
from showcase.render.college_page import college_page, college_page_inputs
from showcase.render.contact import (
    TITLE,
    contact_files,
    qr_svg,
    render_contact_page,
    tel_uri,
)
from showcase.render.memo import KeptFile, RenderMemo
from showcase.render.project_page import render_project_page
from tests.factories import NURSERY, make_model, make_project, with_contacts
from tests.render.helpers import render, unresolved_links


def block(page: str) -> str:
    """The closing contact section of a project page."""
    match = re.search(r'<section id="contact".*?</section>', page, re.S)
    assert match, "the page has no contact block"
    return match.group()


def test_the_block_is_the_last_section_of_the_project_page() -> None:
    project = make_project()
    page = render_project_page(project, with_contacts(make_model([project])))
    sections = re.findall(r"<h2>(.*?)</h2>", page)
    assert sections[-1] == TITLE


def test_a_team_with_its_own_mailbox_is_written_to_first_then_its_nursery() -> None:
    project = make_project(contact_email="team@example.edu.cn")
    found = block(render_project_page(project, with_contacts(make_model([project]))))
    subject = urllib.parse.quote("咨询项目：" + project.name)
    team = found.index(f'href="mailto:team@example.edu.cn?subject={subject}"')
    assert team < found.index('href="mailto:jingwei@example.edu.cn')
    assert "来信由团队成员直接回复" in found


def test_without_a_mailbox_the_nursery_answers_with_every_channel() -> None:
    project = make_project()
    found = block(render_project_page(project, with_contacts(make_model([project]))))
    assert "本项目由<strong>纺织学院创业苗圃办公室</strong>代为联系" in found
    assert 'href="tel:+86-25-84315201"' in found
    assert "办公地点：纺织楼 A208 室" in found
    assert "微信中搜索「示例经纬苗圃」" in found
    assert "受理：项目对接、参观预约" in found
    assert '<img src="../../contact/qr/college-textile-nursery.png"' in found
    assert "来信请写明" in found and f"「{project.name}」" in found


def test_a_college_without_contacts_falls_back_on_the_makerspace() -> None:
    project = make_project()
    found = block(render_project_page(project, with_contacts(make_model([project]), ())))
    assert "本项目由<strong>众创空间服务台</strong>代为联系" in found
    assert 'href="tel:+86-25-84312000;ext=802"' in found


def test_a_contact_without_a_channel_is_passed_over() -> None:
    wechat_only = Contact(office="只有公众号的协会", wechat="协会公众号")
    project = make_project()
    model = with_contacts(make_model([project]), (wechat_only, NURSERY))
    assert "代为联系" in block(render_project_page(project, model))
    assert "纺织学院创业苗圃办公室" in block(render_project_page(project, model))


def test_with_no_contact_anywhere_the_block_still_names_the_nursery() -> None:
    project = make_project()
    found = block(render_project_page(project, make_model([project])))
    assert '<a href="../../colleges/textile/">纺织学院创业苗圃</a>' in found
    assert "来信请写明" in found


def test_contact_text_is_escaped() -> None:
    hostile = Contact(office='<script>alert("x")</script>', address="<b>楼</b>", key="k")
    project = make_project()
    found = block(render_project_page(project, with_contacts(make_model([project]), (hostile,))))
    assert "<script>" not in found and "<b>" not in found
    assert "&lt;script&gt;" in found


@settings(max_examples=60)
@given(
    area=st.from_regex(r"0[1-9][0-9]{1,2}", fullmatch=True),
    number=st.from_regex(r"[2-9][0-9]{6,7}", fullmatch=True),
    extension=st.one_of(st.just(""), st.from_regex(r"[0-9]{1,6}", fullmatch=True)),
)
def test_every_office_line_spelling_becomes_an_international_tel_link(
    area: str, number: str, extension: str
) -> None:
    phone = f"{area}-{number}" + (f"-{extension}" if extension else "")
    uri = tel_uri(phone)
    assert uri.startswith(f"tel:+86-{area[1:]}-{number}")
    assert uri.endswith(f";ext={extension}" if extension else number)


def test_a_service_number_is_dialled_as_written() -> None:
    assert tel_uri("400-820-6618") == "tel:4008206618"


def test_a_qr_address_becomes_a_local_svg_and_an_image_is_published_re_encoded() -> None:
    files, images = contact_files(with_contacts(make_model([])))
    assert images == {"contact/qr/college-textile-nursery.png": NURSERY.qr_image}
    svg = files["contact/qr/site-1.svg"]
    root = ElementTree.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    references = re.findall(rb'(?:href|src|url)\s*[=(]\s*["\']?([^"\')\s>]+)', svg)
    assert references == []
    assert b"<?xml" not in svg and b"<script" not in svg


def test_the_qr_code_is_the_same_bytes_every_build() -> None:
    assert qr_svg("https://a.example/x") == qr_svg("https://a.example/x")
    assert qr_svg("https://a.example/x") != qr_svg("https://a.example/y")


def test_the_contact_page_lists_the_makerspace_colleges_and_partners() -> None:
    page = render_contact_page(with_contacts(make_model([])))
    for text in (
        "众创空间服务台",
        "纺织学院创业苗圃办公室",
        "示例科创园孵化器",
        "科创园入孵服务部",
    ):
        assert text in page
    assert 'href="tel:4008206618"' in page
    assert '<a href="https://incubator.example.com/" rel="noopener nofollow">官网</a>' in page
    assert '<a href="../colleges/textile/">纺织学院</a>' in page


def test_a_college_page_shows_its_own_contacts_only() -> None:
    model = with_contacts(make_model([]))
    textile = college_page(college_page_inputs(model.colleges["textile"], []))
    computing = college_page(college_page_inputs(model.colleges["computing"], []))
    assert 'href="mailto:jingwei@example.edu.cn"' in textile
    assert '<img src="../../contact/qr/college-textile-nursery.png"' in textile
    assert "jingwei@example.edu.cn" not in computing and "联系方式" not in computing


def test_every_contact_link_of_the_tree_resolves() -> None:
    project = make_project()
    tree = render(with_contacts(make_model([project])))
    for page in ("contact/index.md", "colleges/textile.md", "projects/sensor-fabric/index.md"):
        assert unresolved_links(tree, page) == []
    assert "contact/qr/site-1.svg" in tree.files


def test_a_qr_code_is_kept_while_its_address_is_the_same() -> None:
    model = with_contacts(make_model([]))
    first = RenderMemo()
    files, _ = contact_files(model, first)
    path = "contact/qr/site-1.svg"
    assert files[path] == contact_files(model)[0][path]
    second = RenderMemo(first.entries)
    kept = contact_files(model, second)[0][path]
    assert isinstance(kept, KeptFile) and kept.render() == files[path]
    contacts = (dataclasses.replace(model.site.contacts[0], qr_url="https://a.example/new"),)
    moved = dataclasses.replace(model, site=dataclasses.replace(model.site, contacts=contacts))
    renewed = contact_files(moved, RenderMemo(second.entries))[0][path]
    assert renewed == qr_svg("https://a.example/new")
