"""Institutional contacts (联系方式) as the renderers see them, after validation.

Colleges, the makerspace (content/site.yaml) and the incubator partners
(content/partners.yaml) publish the same kind of contact: the office that answers, where
it is, its office phone and public mailbox, its WeChat official account and an optional
QR code. These are an institution's numbers, allowed by field in the personal-data rules
(``"x-personal-data": "institutional-contact"``); a student's own never reach here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

COLLEGE_UNITS = {"nursery": "创业苗圃", "college": "学院", "association": "学生社团"}
"""The keys of a college's ``contacts`` in the order a project page falls back on them."""


@dataclass(frozen=True)
class Contact:
    office: str
    """The office that answers: what a visitor addresses and who replies."""
    address: str = ""
    phone: str = ""
    """An office line, ``0571-86843210`` or ``0571-86843210-802`` (the schema's pattern)."""
    email: str = ""
    wechat: str = ""
    """The name of a WeChat official account, to search for in WeChat."""
    hours: str = ""
    answers: str = ""
    """What the office handles (项目对接、参观预约…), or empty."""
    qr_image: str = ""
    """Repository-relative path of the QR image (``showcase.paths.QR_IMAGES``), or empty."""
    qr_url: str = ""
    """An address the build turns into a QR code, or empty."""
    key: str = ""
    """A stable name unique within the site (``college-textile-nursery``), for file names."""

    @property
    def has_channel(self) -> bool:
        """Whether a visitor can reach the office: a phone, a mailbox or a door."""
        return bool(self.phone or self.email or self.address)


@dataclass(frozen=True)
class Partner:
    """An incubator, accelerator or industrial park that takes the school's projects."""

    id: str
    name: str
    contact: Contact
    summary: str = ""
    website: str = ""


def contact_from_data(data: dict[str, Any], key: str, qr_folder: str) -> Contact:
    """`qr_folder` is where ``qr_image`` files live (`showcase.paths.QR_IMAGES`)."""
    qr_image = data.get("qr_image", "")
    return Contact(
        office=data["office"],
        address=data.get("address", ""),
        phone=data.get("phone", ""),
        email=data.get("email", ""),
        wechat=data.get("wechat", ""),
        hours=data.get("hours", ""),
        answers=data.get("answers", ""),
        qr_image=f"{qr_folder}/{qr_image}" if qr_image else "",
        qr_url=data.get("qr_url", ""),
        key=key,
    )


def college_contacts(college_id: str, data: dict[str, Any], qr_folder: str) -> tuple[Contact, ...]:
    """A college's contacts in fallback order: nursery, college office, association."""
    return tuple(
        contact_from_data(data[unit], f"college-{college_id}-{unit}", qr_folder)
        for unit in COLLEGE_UNITS
        if unit in data
    )


def site_contacts(items: list[dict[str, Any]], qr_folder: str) -> tuple[Contact, ...]:
    return tuple(
        contact_from_data(item, f"site-{index + 1}", qr_folder) for index, item in enumerate(items)
    )


def partner_from_data(data: dict[str, Any], qr_folder: str) -> Partner:
    return Partner(
        id=data["id"],
        name=data["name"],
        contact=contact_from_data(data["contact"], f"partner-{data['id']}", qr_folder),
        summary=data.get("summary", ""),
        website=data.get("website", ""),
    )
