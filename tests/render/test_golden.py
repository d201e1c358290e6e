"""The full Markdown of one project page, pinned byte for byte.

Any change to the page shows up as a readable diff in review. After an intended change,
regenerate with ``UPDATE_GOLDEN=1 pytest tests/render/test_golden.py`` and commit the file.
"""

from __future__ import annotations

import os
from pathlib import Path

from showcase.render.project_page import render_project_page
from tests.factories import make_model, make_project

GOLDEN = Path(__file__).parent / "golden" / "project_page.md"


def test_project_page_matches_golden_file() -> None:
    project = make_project(logo="logo.png")
    rendered = render_project_page(project, make_model([project]))
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(rendered, encoding="utf-8")
    assert rendered == GOLDEN.read_text(encoding="utf-8"), (
        "project page changed; if intended, run UPDATE_GOLDEN=1 pytest tests/render/test_golden.py"
    )
