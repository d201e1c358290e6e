"""How visitors reach a team: the "联系项目团队" block, the contact cards, the 联系我们 page.

A project page ends with one block that always names who answers: the team's own public
mailbox when it has one, otherwise the first contact of its college (nursery, then the
college office, then the student association), otherwise the makerspace's service desk.
Every channel is a real link (``mailto:`` with the project named in the subject,
``tel:``) or an address, with what to write and which office replies. Only institutional
contacts from the registries appear here: a student's own number never reaches the model.

QR codes are local files: a registry's ``qr_image`` is published re-encoded like every
image, and a ``qr_url`` is drawn into an SVG here with segno (pure computation, no
network), so no page loads anything from another host.
"""

from __future__ import annotations

import functools
import io
import posixpath
import urllib.parse
from collections.abc import Iterable, Iterator

import segno

from showcase.contacts import Contact, Partner
from showcase.model import SEEKING, College, Model, Project
from showcase.render import paths
from showcase.render.html_blocks import anchor, page, section
from showcase.render.memo import KeptFile, RenderMemo
from showcase.render.text import attribute

TITLE = "联系项目团队"
BLOCK_ID = "contact"
QR_SIDE = 132
"""CSS pixels a QR code is shown at: large enough to scan from a screen."""


def qr_path(contact: Contact) -> str:
    """Where the contact's QR code sits in the docs tree, or "" when it has none."""
    if contact.qr_image:
        extension = posixpath.splitext(contact.qr_image)[1].lower()
        return paths.contact_qr(contact.key, extension)
    return paths.contact_qr(contact.key, ".svg") if contact.qr_url else ""


def all_contacts(model: Model) -> Iterator[Contact]:
    """Every registry contact of the site: the makerspace's, the colleges', the partners'."""
    yield from model.site.contacts
    for college in model.colleges.values():
        yield from college.contacts
    for partner in model.partners.values():
        yield partner.contact


def contact_files(
    model: Model, memo: RenderMemo | None = None
) -> tuple[dict[str, bytes | KeptFile], dict[str, str]]:
    """(generated QR SVGs by docs path, QR images to publish: docs path → repository path).
    With a `memo`, an SVG is the previous build's file when its address is the same
    (segno's version is in the memo's)."""
    files: dict[str, bytes | KeptFile] = {}
    images: dict[str, str] = {}
    for contact in all_contacts(model):
        path = qr_path(contact)
        if contact.qr_image:
            images[path] = contact.qr_image
        elif url := contact.qr_url:
            made = functools.partial(qr_svg, url)
            files[path] = made() if memo is None else memo.reuse_file(path, memo.key(url), made)
    return files, images


def qr_svg(url: str) -> bytes:
    """The QR code of `url` as a standalone SVG (no XML declaration, no external reference)."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(
        buffer, kind="svg", scale=4, border=2, xmldecl=False, dark="#000", light="#fff"
    )
    return buffer.getvalue()


def answering_contact(college: College, site_contacts: Iterable[Contact]) -> Contact | None:
    """The office that answers for a team without its own mailbox (see module docstring)."""
    reachable = [c for c in (*college.contacts, *site_contacts) if c.has_channel]
    return reachable[0] if reachable else None


def project_contact_block(
    project: Project, college: College, site_contacts: Iterable[Contact], here: str
) -> str:
    """The closing "联系项目团队" section of a project page."""
    subject = f"咨询项目：{project.name}"
    office = answering_contact(college, site_contacts)
    parts = []
    if project.contact_email:
        team = Contact(office=f"{project.name} 项目团队", email=project.contact_email)
        parts.append(
            '<p class="sc-contact__lead">项目团队公开了自己的邮箱，来信由团队成员直接回复。</p>'
        )
        parts.append(contact_card(team, here, subject))
        if office is not None:
            parts.append(
                f'<p class="sc-contact__lead">也可以联系{attribute(office.office)}，'
                "由他们转交项目团队：</p>"
            )
            parts.append(contact_card(office, here, subject))
    elif office is not None:
        parts.append(
            f'<p class="sc-contact__lead">本项目由<strong>{attribute(office.office)}</strong>'
            "代为联系：办公室收到来信或来电后转交项目团队，并告诉您团队的答复。</p>"
        )
        parts.append(contact_card(office, here, subject))
    else:
        nursery = anchor(paths.href(here, paths.college_page(college.id)), college.nursery)
        parts.append(f"<p>请通过{nursery}（{attribute(college.association)}）联系本项目团队。</p>")
    parts.append(_what_to_write(project))
    contact_page = anchor(paths.href(here, paths.CONTACT), "联系我们")
    parts.append(f'<p class="sc-meta">找不到合适的联系人？见{contact_page}。</p>')
    return section(TITLE, "\n".join(parts), css_class="sc-contact", element_id=BLOCK_ID)


def _what_to_write(project: Project) -> str:
    seeking = "、".join(SEEKING[s] for s in project.seeking)
    topics = f"（本项目正在寻求：{seeking}）" if seeking else ""
    items = (
        f"想联系的项目：「{attribute(project.name)}」",
        "您的单位和身份（投资机构、企业、媒体、校友或老师）",
        f"想了解或合作的内容{attribute(topics)}",
        "方便回复您的方式和时间",
    )
    listed = "".join(f"<li>{item}</li>" for item in items)
    return f'<div class="sc-contact__write"><p>来信请写明：</p><ol>{listed}</ol></div>'


def contact_card(contact: Contact, here: str, subject: str = "") -> str:
    """One office: who answers, what for, every channel as a link or text, its QR code."""
    head = f'<p class="sc-contact__office"><strong>{attribute(contact.office)}</strong>'
    if contact.answers:
        head += f'<br><span class="sc-meta">受理：{attribute(contact.answers)}</span>'
    head += "</p>"
    channels = "".join(f"<li>{item}</li>" for item in _channels(contact, subject))
    listing = f'<ul class="sc-contact__channels">{channels}</ul>' if channels else ""
    return f'<div class="sc-contact__card">{head}{listing}{_qr_figure(contact, here)}</div>'


def _channels(contact: Contact, subject: str) -> Iterator[str]:
    if contact.email:
        query = f"?subject={urllib.parse.quote(subject)}" if subject else ""
        yield (
            f'<a class="sc-contact__link" href="mailto:{attribute(contact.email)}{query}">'
            f"发邮件：{attribute(contact.email)}</a>"
        )
    if contact.phone:
        yield (
            f'<a class="sc-contact__link" href="{attribute(tel_uri(contact.phone))}">'
            f"打电话：{attribute(contact.phone)}</a>"
        )
    if contact.address:
        yield f'<span class="sc-contact__text">办公地点：{attribute(contact.address)}</span>'
    if contact.hours:
        yield f'<span class="sc-contact__text">办公时间：{attribute(contact.hours)}</span>'
    if contact.wechat:
        yield (
            '<span class="sc-contact__text">微信公众号：在微信中搜索'
            f"「{attribute(contact.wechat)}」</span>"
        )
    if contact.qr_url:  # its QR code is for a computer's screen; a phone taps this
        shown = contact.qr_url.split("://", 1)[-1].rstrip("/")
        yield (
            f'<a class="sc-contact__link" href="{attribute(contact.qr_url)}" rel="noopener">'
            f"打开网页：{attribute(shown)}</a>"
        )


def tel_uri(phone: str) -> str:
    """A ``tel:`` link for an office line as the schema spells it (0571-86843210[-802])."""
    parts = phone.split("-")
    if phone.startswith("0"):
        number = "+86-" + "-".join([parts[0][1:], parts[1]])
        extension = f";ext={parts[2]}" if len(parts) > 2 else ""
        return f"tel:{number}{extension}"
    return "tel:" + "".join(parts)


def _qr_figure(contact: Contact, here: str) -> str:
    source = qr_path(contact)
    if not source:
        return ""
    if contact.qr_image:
        alt, caption = f"{contact.office}微信公众号二维码", "微信扫码关注"
    else:
        alt, caption = f"{contact.office}二维码：{contact.qr_url}", "用手机扫码打开网页"
    # Hidden on a phone (contact.css): a phone cannot scan its own screen; the channels
    # above say the same (the account's name to search for, the page as a link).
    return (
        f'<figure class="sc-contact__qr"><img src="{attribute(paths.href(here, source))}"'
        f' alt="{attribute(alt)}" width="{QR_SIDE}" height="{QR_SIDE}" loading="lazy">'
        f"<figcaption>{caption}</figcaption></figure>"
    )


def college_contact_section(college: College, here: str) -> str:
    """The college page's own contacts (nothing when the registry gives none)."""
    return section(
        "联系方式", _cards(college.contacts, here), css_class="sc-contact", element_id=BLOCK_ID
    )


def render_contact_page(model: Model) -> str:
    """联系我们: the makerspace's offices, every college's, the incubator partners'."""
    here = paths.CONTACT
    meta = {
        "title": "联系我们",
        "description": f"{model.site.site_name}、各学院创业苗圃和合作孵化机构的联系方式",
    }
    desk = model.site.contacts[0].office if model.site.contacts else "所在学院的创业苗圃"
    intro = (
        "<p>想联系某个项目团队，请打开项目页，页面最后的“联系项目团队”写明了由谁答复、"
        f"怎样联系。不知道找谁时，请联系{attribute(desk)}。</p>"
    )
    listed = [c for c in model.colleges.values() if c.contacts]
    colleges = "".join(
        f'<h3 id="college-{attribute(c.id)}">'
        f"{anchor(paths.href(here, paths.college_page(c.id)), c.name)}</h3>"
        + _cards(c.contacts, here)
        for c in listed
    )
    partners = "".join(_partner(partner, here) for partner in model.partners.values())
    sections = [
        ("makerspace", "众创空间", _cards(model.site.contacts, here)),
        ("colleges", "各学院创业苗圃", colleges),
        ("partners", "合作孵化机构", partners),
    ]
    # The page runs to a dozen screens on a phone: where to jump, on its first screen.
    jumps = [(f"#{key}", title) for key, title, content in sections if content]
    if colleges:
        at = 1 if model.site.contacts else 0
        jumps[at + 1 : at + 1] = [(f"#college-{c.id}", c.name) for c in listed]
    jump_list = "".join(f'<li><a href="{attribute(t)}">{attribute(n)}</a></li>' for t, n in jumps)
    body = [
        "<h1>联系我们</h1>",
        intro,
        f'<nav class="sc-jump-list" aria-label="本页目录"><ul>{jump_list}</ul></nav>',
        *(
            section(title, content, css_class="sc-contact", element_id=key)
            for key, title, content in sections
        ),
    ]
    return page(
        meta, body, "sc-contact-page", styles=(paths.PAGES_STYLESHEET, paths.CONTACT_STYLESHEET)
    )


def _cards(contacts: Iterable[Contact], here: str) -> str:
    return "".join(contact_card(contact, here) for contact in contacts)


def _partner(partner: Partner, here: str) -> str:
    website = (
        f" {anchor(partner.website, '官网', external=True)}"
        if partner.website.startswith(("http://", "https://"))
        else ""
    )
    summary = f'<p class="sc-meta">{attribute(partner.summary)}</p>' if partner.summary else ""
    return f"<h3>{attribute(partner.name)}{website}</h3>{summary}" + contact_card(
        partner.contact, here
    )
