"""Reading a JSON Schema file as data.

The validator compiles each schema once (`showcase.validate.schema_check.SchemaChecker`);
everything else that shows what a schema says (the submission form, the forge's issue
form, the review summary's field titles) reads it here. Which file holds which kind's
schema is `showcase.paths.Layout.schema`.

Example::

    schema = load_schema(layout.schema("project"))
    schema["properties"]["stage"]["x-enum-labels"]   # {"seed": "种子期", ...}
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def load_schema(path: Path) -> dict[str, Any]:
    """The schema at `path`; a missing or broken file raises (the schemas are ours)."""
    return json.loads(path.read_text(encoding="utf-8"))
