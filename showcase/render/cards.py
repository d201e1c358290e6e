"""Project cards: the same markup on the home page (written here) and in the directory
(written by ``assets/directory.js`` from the directory index).

A project without a logo gets a placeholder: its first character on a colour derived from
its id, drawn with CSS, so a page of cards costs no image request per card. The colour is
one of `PLACEHOLDER_HUES` classes (``sc-hue-0`` …, in browse.css), not a ``style``
attribute: the site's Content-Security-Policy allows no inline styles. Keep the markup in
step with ``renderCard`` in ``assets/directory.js``.
"""

from __future__ import annotations

import hashlib

from showcase.model import LEVELS, STAGES, Model, Project
from showcase.render import paths
from showcase.render.text import attribute

PLACEHOLDER_HUES = 12


def placeholder_hue(project_id: str) -> int:
    """A colour class number that depends only on the id, so a project keeps its colour."""
    digest = hashlib.sha1(project_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:2], "big") % PLACEHOLDER_HUES


def logo_or_placeholder(project: Project, from_page: str) -> str:
    """The card's picture: the project's logo, or its first character on its colour."""
    if project.logo:
        source = paths.href(from_page, paths.project_logo(project.id, project.logo))
        return (
            f'<img class="sc-card__logo" src="{attribute(source)}" alt="" width="56" '
            'height="56" loading="lazy">'
        )
    return (
        '<span class="sc-card__logo sc-card__logo--placeholder '
        f'sc-hue-{placeholder_hue(project.id)}" aria-hidden="true">'
        f"{attribute(project.name[:1])}</span>"
    )


def project_card(project: Project, model: Model, from_page: str) -> str:
    """One ``<li>`` card linking to the project's page from `from_page`."""
    link = paths.href(from_page, paths.project_page(project.id))
    fields = " · ".join(model.fields[f].name for f in project.fields)
    return (
        f'<li class="sc-card" data-project="{attribute(project.id)}">'
        f"{logo_or_placeholder(project, from_page)}"
        '<div class="sc-card__body">'
        f'<h3 class="sc-card__name"><a href="{attribute(link)}">{attribute(project.name)}</a></h3>'
        f'<p class="sc-card__college">{attribute(model.colleges[project.college].name)}</p>'
        '<p class="sc-badges">'
        f'<span class="sc-badge sc-level-{project.level}">{LEVELS[project.level]}</span>'
        f'<span class="sc-badge sc-stage-{project.stage}">{STAGES[project.stage]}</span></p>'
        f'<p class="sc-card__fields">{attribute(fields)}</p>'
        f'<p class="sc-card__summary">{attribute(project.summary)}</p>'
        "</div></li>"
    )


def card_list(cards: list[str]) -> str:
    return '<ul class="sc-cards">' + "".join(cards) + "</ul>"
