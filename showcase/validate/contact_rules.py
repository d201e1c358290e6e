"""Cross-record rules of the institutional contacts (colleges, the makerspace, partners).

The schemas check each field's spelling (office phone, mailbox, address); here are the
rules that need more than one field or another file:

* ``contact.no-channel``: a contact must give a visitor a way in: an office phone, a
  public mailbox or an office address (a WeChat account name alone answers nobody);
* ``contact.qr-both``: a QR image and a QR address at once (which one would the page show?);
* ``email.domain``: the school's own offices (colleges, the makerspace) use the school's
  mail domains, as a project's ``contact_email`` does (`school_email_domain`);
* ``contact.personal-mailbox``: a partner has its own domain, but never a personal
  mailbox provider's (``personal_email_domains``);
* the QR image is checked like every other image (`showcase.validate.images.check_image`),
  in ``content/pages/img/``, where the site publishes the pages' images.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from showcase.contacts import COLLEGE_UNITS
from showcase.load.yamlfile import JsonPath
from showcase.paths import QR_IMAGES, Layout
from showcase.problems import Problem
from showcase.validate.images import check_image
from showcase.validate.labels import problem_at, schema_node, schema_title
from showcase.validate.registries import LoadedRegistry


def school_email_domain(email: Any, allowed: Sequence[str] | None) -> str | None:
    """The domain of `email` when it is not one of the school's `allowed` domains (or a
    subdomain of one); None when it is, or when there is nothing to judge."""
    domain = _domain_of(email)
    if domain is None or allowed is None:
        return None
    return None if _within(domain, allowed) else domain


def _domain_of(email: Any) -> str | None:
    if not isinstance(email, str) or "@" not in email:
        return None
    return email.rsplit("@", 1)[1].strip().lower()


def _within(domain: str, domains: Sequence[str]) -> bool:
    return any(domain == d or domain.endswith(f".{d}") for d in domains)


def check_contacts(
    layout: Layout,
    registries: dict[str, LoadedRegistry],
    schemas: dict[str, dict[str, Any]],
) -> None:
    """Add the contact problems of every registry to its problems (like `scan_registries`)."""
    site = registries["site"].records
    allowed = _domains(site[0].get("allowed_email_domains")) if site else None
    personal = _domains(site[0].get("personal_email_domains")) if site else None
    for registry in registries.values():
        if registry.document is None:
            continue
        school = registry.spec.name != "partners"
        schema = schemas[registry.spec.kind]
        for path, contact in _contacts(registry):
            registry.problems += _check(
                layout, registry, schema, path, contact, allowed if school else None, personal
            )


def qr_image_files(layout: Layout, registries: Iterable[LoadedRegistry]) -> set[Path]:
    """The QR images the contacts of `registries` name: their own field checks them, so
    the check of the pages' images leaves them out (one problem per mistake)."""
    return {
        layout.root / QR_IMAGES / contact["qr_image"]
        for registry in registries
        for _, contact in _contacts(registry)
        if isinstance(contact.get("qr_image"), str)
    }


def _well_formed(
    contact: dict[str, Any], field: str, schema: dict[str, Any], generic: JsonPath
) -> str | None:
    """The value of `field` when it matches its schema pattern; a misspelt one is the
    schema's to report (one problem per mistake), so the rules here skip it."""
    value = contact.get(field)
    pattern = schema_node(schema, (*generic, field)).get("pattern", "")
    return value if isinstance(value, str) and re.search(pattern, value) else None


def _domains(value: Any) -> tuple[str, ...] | None:
    if not isinstance(value, list):
        return None
    return tuple(d.lower() for d in value if isinstance(d, str))


def _contacts(registry: LoadedRegistry) -> Iterator[tuple[JsonPath, dict[str, Any]]]:
    """(path, mapping) of every contact a registry holds, wherever its schema puts them."""
    data = registry.data
    if not isinstance(data, dict):
        return
    name = registry.spec.name
    if name == "site" and isinstance(data.get("contacts"), list):
        for index, item in enumerate(data["contacts"]):
            if isinstance(item, dict):
                yield ("contacts", index), item
    key = registry.spec.list_key
    if name not in ("colleges", "partners") or key is None:
        return
    items = data.get(key)
    for index, record in enumerate(items if isinstance(items, list) else ()):
        if not isinstance(record, dict):
            continue
        if name == "partners" and isinstance(record.get("contact"), dict):
            yield (key, index, "contact"), record["contact"]
        contacts = record.get("contacts") if name == "colleges" else None
        for unit in COLLEGE_UNITS:
            if isinstance(contacts, dict) and isinstance(contacts.get(unit), dict):
                yield (key, index, "contacts", unit), contacts[unit]


def _check(
    layout: Layout,
    registry: LoadedRegistry,
    schema: dict[str, Any],
    path: JsonPath,
    contact: dict[str, Any],
    allowed: Sequence[str] | None,
    personal: Sequence[str] | None,
) -> list[Problem]:
    document = registry.document
    assert document is not None
    found: list[Problem] = []

    def report(field: str, rule: str, message: str, hint: str) -> None:
        at = (*path, field) if field in contact else path
        found.append(problem_at(document, schema, at, rule, message, hint))

    if not any(isinstance(contact.get(f), str) for f in ("phone", "email", "address")):
        report(
            "office",
            "contact.no-channel",
            "这条联系方式没有办公电话、公开邮箱或办公地点，访客无从联系。",
            "至少写 phone（办公电话）、email（公开邮箱）或 address（办公地点）中的一项。",
        )
    if "qr_image" in contact and "qr_url" in contact:
        report(
            "qr_url",
            "contact.qr-both",
            "同时写了二维码图片 qr_image 和二维码网址 qr_url，页面只能显示一个二维码。",
            "二选一：已有公众号二维码图片就保留 qr_image，否则保留 qr_url（构建时生成二维码）。",
        )
    generic = tuple(0 if isinstance(part, int) else part for part in path)
    email = _well_formed(contact, "email", schema, generic)
    outside = school_email_domain(email, allowed)
    if outside is not None and allowed is not None:
        report(
            "email",
            "email.domain",
            f"邮箱域名 {outside} 不在允许范围内：只接受学校邮箱。",
            "改用学校邮箱（" + "、".join(allowed) + "），不要填个人邮箱。",
        )
    domain = _domain_of(email)
    if allowed is None and domain is not None and personal and _within(domain, personal):
        report(
            "email",
            "contact.personal-mailbox",
            "合作机构的公开邮箱不能用个人邮箱服务商（QQ、163 等）的地址：它通常属于某个人。",
            "改用机构自己域名的公开邮箱，例如 service@机构域名；没有的话只写办公电话和地址。",
        )
    image = _well_formed(contact, "qr_image", schema, generic)
    if image is not None:
        title = schema_title(schema, (*generic, "qr_image"))
        key = (*path, "qr_image")
        folder = layout.root / QR_IMAGES
        found += check_image(document, key, folder, f"{QR_IMAGES}/", image, title)
    return found
