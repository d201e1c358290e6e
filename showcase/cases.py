"""Typical cases (典型案例) as the renderers see them, after validation.

A case holds only what the publicity office writes: the headline, lead, pull quote, story
and its approval. Every fact (college, level, achievements, mentors, team) is read from
the project in the model at render time, so a story can never contradict the data.
`approved_by` is kept for the preview banner only and never reaches the public site.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

CASE_CATEGORIES = {
    "tech-innovation": "科技创新类",
    "cultural-creative": "文化创意类",
    "public-welfare": "公益创业类",
    "green-development": "绿色发展类",
}
CASE_STATUSES = {"draft": "草稿", "approved": "已审核", "published": "已发布"}
RELEASED = frozenset({"approved", "published"})
"""Statuses that may appear on the public site once their publish date has come."""


@dataclass(frozen=True)
class Story:
    body: str
    """Markdown written by the office; rendered only through `showcase.render.text.rich`."""
    author: str = ""
    image: str = ""
    """Repository-relative path of the story's image, or empty."""
    image_alt: str = ""


@dataclass(frozen=True)
class TypicalCase:
    id: str
    project: str
    year: int
    category: str
    headline: str
    lead: str
    quote: str
    status: str
    approved_by: str = ""
    publish_date: str = ""
    """``YYYY-MM-DD``; empty for drafts that have none yet."""
    story: Story | None = None

    def is_public_on(self, day: datetime.date) -> bool:
        """Approved or published, with a publish date on or before `day`."""
        return (
            self.status in RELEASED
            and bool(self.publish_date)
            and self.publish_date <= day.isoformat()
        )


def case_from_data(data: dict[str, Any], story: Story | None) -> TypicalCase:
    return TypicalCase(
        id=data["id"],
        project=data["project"],
        year=data["year"],
        category=data["category"],
        headline=data["headline"].strip(),
        lead=data["lead"].strip(),
        quote=data["quote"].strip(),
        status=data["status"],
        approved_by=data.get("approved_by", ""),
        publish_date=data.get("publish_date", ""),
        story=story,
    )
