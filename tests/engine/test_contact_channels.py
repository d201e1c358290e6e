"""Every project page of the built sample site gives a visitor a working way to the team.

"Working" means what a phone can act on: a ``mailto:`` link to a well-formed address, a
``tel:`` link to a number, or an office address to walk to, inside the closing
"联系项目团队" block; and every mailbox or number shown there is one the data publishes
(the project's own mailbox or a registry contact), never anything else.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from showcase.commands.gather import site_inputs
from showcase.engine.mkdocs_site import build_site
from showcase.model import Model
from showcase.paths import Layout, repository_root
from showcase.render.contact import all_contacts
from showcase.validate import validate_repository

SOURCES = ("projects", "content", "schemas", "overrides", "mkdocs.yml")
MAILBOX = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
TEL = re.compile(r"^tel:(\+86-[1-9][0-9]{1,2}-[2-9][0-9]{6,7}(;ext=[0-9]+)?|[48]00[0-9]{7})$")


class _ContactBlock(HTMLParser):
    """The links and address lines inside ``<section id="contact">``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.links: list[str] = []
        self.texts: list[str] = []
        self.found = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "section" and values.get("id") == "contact":
            self.depth, self.found = 1, True
        elif self.depth and tag == "section":
            self.depth += 1
        elif self.depth and tag == "a":
            self.links.append(values.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag == "section":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.texts.append(data)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Model, Path]:
    root = tmp_path_factory.mktemp("sample") / "repo"
    for name in SOURCES:
        source = repository_root() / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copyfile(source, root / name)
    layout = Layout(root)
    model = validate_repository(layout).model
    assert model is not None
    return model, build_site(layout, site_inputs(layout, model), root / "site")


def _block(page: Path) -> _ContactBlock:
    parser = _ContactBlock()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_every_project_page_has_a_working_contact_channel(sample: tuple[Model, Path]) -> None:
    model, site = sample
    without = []
    for project in model.projects.values():
        block = _block(site / "projects" / project.id / "index.html")
        assert block.found, f"{project.id}: no 联系项目团队 block"
        mailboxes = [
            link.removeprefix("mailto:").split("?")[0]
            for link in block.links
            if link.startswith("mailto:")
        ]
        phones = [link for link in block.links if link.startswith("tel:")]
        addresses = [text for text in block.texts if text.startswith("办公地点：")]
        assert all(MAILBOX.match(mailbox) for mailbox in mailboxes), mailboxes
        assert all(TEL.match(phone) for phone in phones), phones
        if not (mailboxes or phones or addresses):
            without.append(project.id)
    assert without == [], f"project pages without a channel: {without}"
    assert len(model.projects) >= 40


def test_a_contact_block_shows_only_what_the_data_publishes(sample: tuple[Model, Path]) -> None:
    model, site = sample
    published = {c.email for c in all_contacts(model) if c.email}
    published |= {p.contact_email for p in model.projects.values() if p.contact_email}
    for project in model.projects.values():
        block = _block(site / "projects" / project.id / "index.html")
        for link in block.links:
            if link.startswith("mailto:"):
                assert link.removeprefix("mailto:").split("?")[0] in published


def test_the_sample_uses_every_fallback(sample: tuple[Model, Path]) -> None:
    """The sample data exercises each branch: the team's own mailbox, the nursery, the
    college office (a college without a nursery contact) and the makerspace's desk (a
    college without any)."""
    model, site = sample
    answering, own = set(), 0
    for project in model.projects.values():
        page = (site / "projects" / project.id / "index.html").read_text(encoding="utf-8")
        own += "来信由团队成员直接回复" in page
        answering.update(re.findall(r"本项目由<strong>(.*?)</strong>代为联系", page))
    assert own > 0
    kinds = {
        re.sub(r"^.*?(创业苗圃办公室|学生工作办公室|众创空间服务台).*$", r"\1", o)
        for o in answering
    }
    assert {"创业苗圃办公室", "学生工作办公室", "众创空间服务台"} <= kinds


def test_the_contact_page_lists_every_registry_contact(sample: tuple[Model, Path]) -> None:
    model, site = sample
    page = (site / "contact" / "index.html").read_text(encoding="utf-8")
    for contact in all_contacts(model):
        assert contact.office in page.replace("&ldquo;", "“").replace("&rdquo;", "”")
    assert (site / "contact" / "qr" / "site-1.svg").is_file()
    assert (site / "contact" / "qr" / "college-textile-nursery.png").is_file()
