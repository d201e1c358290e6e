"""Everything a render depends on besides the code: one frozen value, gathered by the command.

Rendering is pure because nothing here reaches outside: the files, the clock, the
environment and the fonts are read once, by the command (`showcase.commands.gather`),
and handed in as a `RenderInputs`. Two renders of equal inputs give equal bytes.

Example::

    stamp = build_stamp(model, "")
    inputs = RenderInputs(model, schema, assets, stamp, Publicity(stamp.date()))
    tree = render_docs(inputs)
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from showcase.fonts import CjkFont
from showcase.model import Model
from showcase.render.case_visibility import Publicity


@dataclass(frozen=True)
class RenderInputs:
    model: Model
    """The checked model."""
    project_schema: dict[str, Any]
    """The project schema the submission form is built from (`showcase.forms.spec`)."""
    assets: Mapping[str, bytes]
    """The site's own static files by file name (``showcase.css``, ``submit.js`` …), each
    served at ``assets/<name>``."""
    stamp: datetime.datetime
    """The build stamp (`showcase.render.clock.build_stamp`): DTSTAMP, feed dates, the
    home page's upcoming events."""
    publicity: Publicity
    """Which typical cases to show (`showcase.render.case_visibility`)."""
    content_pages: Mapping[str, str] = field(default_factory=dict)
    """File name → text of each hand-written page of ``content/pages/``."""
    content_assets: Mapping[str, str] = field(default_factory=dict)
    """Docs path → repository path of each image beside the hand-written pages."""
    last_changed: Mapping[str, str] = field(default_factory=dict)
    """Project file → ``YYYY-MM-DD`` of its last commit (`showcase.engine.git_dates`)."""
    case_schemas: Mapping[str, dict[str, Any]] = field(default_factory=dict)
    """The ``typical-cases`` and ``story`` schemas by kind, which the 推荐典型案例 form is
    built from (`showcase.forms.case_spec`); without them the form is not rendered."""
    application_schema: dict[str, Any] | None = None
    """The application schema the call pages' 申报表 is built from
    (`showcase.forms.application_spec`); without it no form is rendered."""
    font: CjkFont | None = None
    """The CJK font share images are drawn in; None skips them."""
    logos: Mapping[str, bytes] = field(default_factory=dict)
    """Repository path → bytes of the logo of each project with a typical case
    (`showcase.commands.gather.case_logos`), drawn into its share images."""
    revisions: Mapping[str, datetime.datetime] = field(default_factory=dict)
    """Event or roadshow id → when its record last changed, from the repository's history
    (`showcase.commands.gather.calendar_revisions`): the calendars' DTSTAMP and SEQUENCE."""
    image_sizes: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    """Repository path → width and height (as published) of each story image, which its
    ``<img>`` states so the page does not shift when the image arrives."""
    record_digests: tuple[tuple[object, bytes], ...] = ()
    """Records of the model with a digest of everything each was built from
    (`showcase.validate.cache.ValidationCache.record_digests`), so that the render memo
    need not pickle them (`showcase.render.memo.RenderMemo.know`); empty: it pickles."""
