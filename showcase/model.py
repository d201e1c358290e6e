"""The checked model: what the renderers see after validation.

Built only from data that passed validation, so renderers never re-check anything.
Privacy is structural: a team member with ``public: false`` has no name in the data at
all (the validator refuses one, since the repository itself is public), and here such a
member is kept apart from the named team as a `HiddenMember`, which has no name field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from showcase.assessment_plan import AssessmentPlan
from showcase.calls import Application, Call, CheckpointReport
from showcase.cases import TypicalCase
from showcase.contacts import Contact, Partner, college_contacts, site_contacts
from showcase.paths import QR_IMAGES, project_folder_path
from showcase.roadshows import DEFAULT_TIMEZONE, Agenda

LEVELS = {"nursery": "学院创业苗圃", "makerspace": "学校众创空间", "incubator": "校外孵化加速器"}
STAGES = {"seed": "种子期", "startup": "初创期", "growth": "培育期"}
STATUSES = {"active": "在孵", "graduated": "已毕业", "paused": "暂停", "closed": "已终止"}
ACHIEVEMENT_TYPES = {
    "award": "获奖",
    "patent": "专利",
    "funding": "融资",
    "contract": "合同",
    "paper": "论文",
    "other": "其他",
}
SEEKING = {
    "investment": "投资",
    "mentor": "导师",
    "partner": "合作伙伴",
    "space": "场地",
    "talent": "人才",
}
EVENT_TYPES = {
    "salon": "创业沙龙",
    "lecture": "创业大讲堂",
    "bootcamp": "创业训练营",
    "showcase": "成果展示",
    "roadshow": "项目路演",
    "star-talk": "创业大咖秀",
    "culture": "创客文化讲座",
    "exchange": "创意交流分享",
    "practice": "创新创业实践行",
}
SERVICE_CATEGORIES = {
    "legal": "法律援助",
    "ip": "知识产权保护",
    "training": "业务培训",
    "policy": "政策咨询",
    "promotion": "项目推介",
    "financing": "融资投资",
}


@dataclass(frozen=True)
class TeamMember:
    name: str
    role: str
    major: str = ""
    grade: str = ""


@dataclass(frozen=True)
class HiddenMember:
    """A member who is not named (``public: false``): only what they do in the team."""

    role: str
    major: str = ""
    grade: str = ""


@dataclass(frozen=True)
class Achievement:
    type: str
    title: str
    date: str
    amount_cny: float | None = None
    issuer: str = ""


@dataclass(frozen=True)
class Milestone:
    date: str
    level: str
    note: str = ""


@dataclass(frozen=True)
class Links:
    website: str = ""
    repo: str = ""
    video: str = ""


@dataclass(frozen=True)
class Project:
    id: str
    name: str
    college: str
    level: str
    stage: str
    status: str
    fields: tuple[str, ...]
    summary: str
    started: str
    team: tuple[TeamMember, ...]
    """The members who agreed to be named."""
    hidden_team: tuple[HiddenMember, ...] = ()
    description: str = ""
    keywords: tuple[str, ...] = ()
    mentors: tuple[str, ...] = ()
    achievements: tuple[Achievement, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    seeking: tuple[str, ...] = ()
    links: Links = field(default_factory=Links)
    logo: str = ""
    """Repository-relative path of the logo image, or empty."""
    contact_email: str = ""
    source: str = ""
    """Repository-relative path of the YAML file the project came from."""

    @property
    def hidden_members(self) -> int:
        """How many members are not named; pages say so, so the team's size stays true."""
        return len(self.hidden_team)

    @classmethod
    def from_data(cls, data: dict[str, Any], source: str) -> Project:
        members = data["team"]
        public = [m for m in members if m.get("public", True) is True]
        hidden = [m for m in members if m.get("public", True) is not True]
        logo = data.get("logo", "")
        if logo:
            logo = f"{project_folder_path(data['college'], data['id'])}/{logo.removeprefix('./')}"
        return cls(
            id=data["id"],
            name=data["name"],
            college=data["college"],
            level=data["level"],
            stage=data["stage"],
            status=data["status"],
            fields=tuple(data["fields"]),
            summary=data["summary"].strip(),
            started=data["started"],
            team=tuple(
                TeamMember(m["name"], m["role"], m.get("major", ""), m.get("grade", ""))
                for m in public
            ),
            hidden_team=tuple(
                HiddenMember(m["role"], m.get("major", ""), m.get("grade", "")) for m in hidden
            ),
            description=data.get("description", ""),
            keywords=tuple(data.get("keywords", ())),
            mentors=tuple(data.get("mentors", ())),
            achievements=tuple(Achievement(**a) for a in data.get("achievements", ())),
            milestones=tuple(Milestone(**m) for m in data.get("milestones", ())),
            seeking=tuple(data.get("seeking", ())),
            links=Links(**data.get("links", {})),
            logo=logo,
            contact_email=data.get("contact_email", ""),
            source=source,
        )


@dataclass(frozen=True)
class College:
    id: str
    name: str
    nursery: str
    association: str
    maintainers: tuple[str, ...]
    description: str = ""
    contacts: tuple[Contact, ...] = ()
    """Nursery, college office, association: the order a project page falls back on."""
    students: tuple[tuple[str, int], ...] = ()
    """``(academic year, students)``, e.g. ``("2025-2026", 3200)``: what the assessment
    normalises by (`showcase.assessment`)."""


@dataclass(frozen=True)
class Mentor:
    id: str
    name: str
    title: str
    organisation: str
    expertise: tuple[str, ...]
    college: str = ""
    bio: str = ""


@dataclass(frozen=True)
class Field:
    id: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Site:
    school: str
    site_name: str
    repository: str
    allowed_email_domains: tuple[str, ...]
    maintainers: tuple[str, ...]
    tagline: str = ""
    site_url: str = ""
    forge: str = ""
    """github, gitlab, gitee or gitea: how to link to "new file" pages; empty = guess."""
    default_branch: str = "main"
    personal_email_domains: tuple[str, ...] = ()
    """Personal mailbox providers: an address there is personal data (personal.email)."""
    contacts: tuple[Contact, ...] = ()
    """The makerspace's own offices; the first is every project's last fallback."""
    school_colour: str = "#283593"
    """``#RRGGBB``: the ground of the share images and WeChat covers."""


@dataclass(frozen=True)
class Speaker:
    name: str
    title: str = ""
    mentor: str = ""


@dataclass(frozen=True)
class Event:
    """A salon, lecture, bootcamp, showcase or roadshow, as the public sees it.

    Most come from ``content/events/``; a scheduled roadshow's comes from its agenda
    (`roadshow_event`), and then `roadshow` names it and its page is the roadshow's.
    """

    id: str
    title: str
    type: str
    start: str
    """``YYYY-MM-DD HH:MM`` wall-clock in `timezone`."""
    end: str
    location: str
    organiser: str
    summary: str
    description: str = ""
    speakers: tuple[Speaker, ...] = ()
    projects: tuple[str, ...] = ()
    registration: str = ""
    timezone: str = DEFAULT_TIMEZONE
    sessions: tuple[tuple[str, str], ...] = ()
    """``(start, end)`` of each separate day when the event meets on several; else empty."""
    roadshow: str = ""
    """The id of the roadshow this event is derived from; empty for an event file."""


@dataclass(frozen=True)
class Service:
    id: str
    category: str
    name: str
    provider: str
    offers: tuple[str, ...]
    how_to_apply: str
    office: str = ""
    link: str = ""


@dataclass
class Model:
    """Everything a renderer needs, keyed by id, in a stable order."""

    site: Site
    colleges: dict[str, College]
    mentors: dict[str, Mentor]
    fields: dict[str, Field]
    projects: dict[str, Project]
    events: dict[str, Event] = field(default_factory=dict)
    """The event files (``content/events/``), sorted by start time, then id; what the
    public sees, roadshows included, is `public_events`."""
    services: dict[str, Service] = field(default_factory=dict)
    cases: dict[str, TypicalCase] = field(default_factory=dict)
    """Typical cases, every status: renderers choose which to show (`render.case_visibility`)."""
    roadshows: dict[str, Agenda] = field(default_factory=dict)
    """Scheduled roadshows by first day, then id (`showcase.validate.roadshow_rules`)."""
    partners: dict[str, Partner] = field(default_factory=dict)
    """Incubator partners (content/partners.yaml), in the registry's order."""
    assessment: AssessmentPlan | None = None
    """The assessment plan (content/assessment.yaml), or None without that file."""
    calls: dict[str, Call] = field(default_factory=dict)
    """Calls for applications (content/calls/), by 申报 opening, then id."""
    applications: dict[tuple[str, str], Application] = field(default_factory=dict)
    """Applications by (call id, project id), ordered by call, college, project."""
    checkpoints: dict[tuple[str, str, str], CheckpointReport] = field(default_factory=dict)
    """Checkpoint reports by (call id, project id, kind)."""

    def projects_of_college(self, college_id: str) -> list[Project]:
        return [p for p in self.projects.values() if p.college == college_id]

    def applications_to(self, call_id: str) -> list[Application]:
        """A call's applications, by college, then project."""
        return [a for (call, _), a in self.applications.items() if call == call_id]

    def public_events(self) -> list[Event]:
        """Every event the public sees: the event files and one per scheduled roadshow,
        by start time, then id. Validation refuses an event file that repeats a roadshow
        (``event.duplicates-roadshow``); were one here, the roadshow would win."""
        merged = {
            **self.events,
            **{a.roadshow.id: roadshow_event(a) for a in self.roadshows.values()},
        }
        return sorted(merged.values(), key=lambda event: (event.start, event.id))


def college_from_data(data: dict[str, Any]) -> College:
    return College(
        data["id"],
        data["name"],
        data["nursery"],
        data["association"],
        tuple(data["maintainers"]),
        data.get("description", ""),
        college_contacts(data["id"], data.get("contacts", {}), QR_IMAGES),
        tuple((item["year"], item["count"]) for item in data.get("students", ())),
    )


def mentor_from_data(data: dict[str, Any]) -> Mentor:
    return Mentor(
        data["id"],
        data["name"],
        data["title"],
        data["organisation"],
        tuple(data["expertise"]),
        data.get("college", ""),
        data.get("bio", ""),
    )


def field_from_data(data: dict[str, Any]) -> Field:
    return Field(data["id"], data["name"], data.get("description", ""))


def site_from_data(data: dict[str, Any]) -> Site:
    return Site(
        school=data["school"],
        site_name=data["site_name"],
        repository=data["repository"],
        allowed_email_domains=tuple(data["allowed_email_domains"]),
        maintainers=tuple(data["maintainers"]),
        tagline=data.get("tagline", ""),
        site_url=data.get("site_url", ""),
        forge=data.get("forge", ""),
        default_branch=data.get("default_branch", "main"),
        personal_email_domains=tuple(data.get("personal_email_domains", ())),
        contacts=site_contacts(data.get("contacts", []), QR_IMAGES),
        school_colour=data.get("school_colour", Site.school_colour),
    )


def event_from_data(data: dict[str, Any]) -> Event:
    return Event(
        id=data["id"],
        title=data["title"],
        type=data["type"],
        start=data["start"],
        end=data["end"],
        location=data["location"],
        organiser=data["organiser"],
        summary=data["summary"].strip(),
        description=data.get("description", ""),
        speakers=tuple(Speaker(**s) for s in data.get("speakers", ())),
        projects=tuple(data.get("projects", ())),
        registration=data.get("registration", ""),
    )


def service_from_data(data: dict[str, Any]) -> Service:
    return Service(
        id=data["id"],
        category=data["category"],
        name=data["name"],
        provider=data["provider"],
        offers=tuple(data["offers"]),
        how_to_apply=data["how_to_apply"],
        office=data.get("office", ""),
        link=data.get("link", ""),
    )


def roadshow_event(agenda: Agenda) -> Event:
    """The public event of a scheduled roadshow: the span of its pitches on each day
    (`Agenda.day_spans`), its venue and the projects in agenda order. The roadshow file
    stays the one source of these facts."""
    show = agenda.roadshow
    sessions = tuple(agenda.day_spans())
    return Event(
        id=show.id,
        title=show.title,
        type="roadshow",
        start=sessions[0][0],
        end=sessions[-1][1],
        location=show.venue,
        organiser=show.organiser,
        summary=show.summary or f"{show.title}：{len(agenda.slots)} 个项目路演。",
        projects=tuple(slot.project for slot in agenda.slots),
        timezone=show.timezone,
        sessions=sessions if len(sessions) > 1 else (),
        roadshow=show.id,
    )
