"""Properties of the commands over generated and mutated input (Hypothesis).

The data-driven cases pin one input to one message; these say what holds for every input:

- `validate` never raises, pins every problem to a file (and a line, unless the problem is
  about the whole file), and its JSON report parses with NaN refused;
- `from-issue` never raises, whatever the issue body, and writes nothing on a dry run;
- rendering a model built from generated text is deterministic, and every JSON file it
  writes parses strictly.

`check-pr` has its own properties (tests/review/test_check_pr_properties.py), and the loader
its own (tests/load/test_loader_properties.py). Example counts stay small so CI stays fast.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from showcase.commands.from_issue import from_issue
from showcase.paths import Layout
from showcase.validate import validate_repository
from showcase.validate.report import format_problems
from showcase.yamltext import to_yaml
from tests.factories import make_model, make_project, project_data
from tests.render.helpers import render
from tests.validate.conftest import TODAY, make_repository

WHOLE_FILE_RULES_PREFIXES = ("load.", "file.", "schema.broken", "project.file-name")
"""Problems about a file as a whole may sit on line 0; every other one names its line."""

ISSUE_BODY = (Path(__file__).parent / "forms" / "new-project-issue.md").read_text("utf-8")
PROJECT = "projects/textile/foo.yaml"

text = st.text(
    st.characters(blacklist_categories=("Cs",)), max_size=40
)  # any character, control and bidi ones included: the loader must say where they are
scalars = st.one_of(
    text,
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
    st.sampled_from(["yes", "no", "on", "0x1F", "1_000", ".nan", "2024-13-45", "~", ""]),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=8,
)


@st.composite
def mutated_projects(draw: st.DrawFn) -> str:
    """A valid project's YAML with keys dropped, replaced or added, or its text cut."""
    data: dict[str, Any] = project_data("foo")
    for key in draw(st.lists(st.sampled_from(sorted(data)), max_size=3, unique=True)):
        if draw(st.booleans()):
            del data[key]
        else:
            data[key] = draw(values)
    data.update(draw(st.dictionaries(text, values, max_size=2)))
    written = to_yaml(data)
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(written)))
        written = written[:cut] + draw(text | raw_yaml) + written[cut:]
    return written


raw_yaml = st.sampled_from(
    ["\nx: .nan\n", "\ny: -.inf\n", "\nz: 1e999\n", "\n: &a [*a]\n", "\n- !!python/none\n", "\t"]
)
"""What the YAML writer never writes: non-finite numbers, anchors, tags, tabs."""


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Layout:
    return make_repository(tmp_path_factory.mktemp("properties") / "repo")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(written=mutated_projects())
def test_validate_pins_every_problem_and_reports_parseable_json(
    repository: Layout, written: str
) -> None:
    (repository.root / PROJECT).write_text(written, encoding="utf-8")
    result = validate_repository(repository, today=TODAY)
    for problem in result.problems:
        assert problem.path and problem.rule and problem.message, problem
        assert problem.line >= 1 or problem.rule.startswith(WHOLE_FILE_RULES_PREFIXES), problem
    report = json.loads(
        format_problems(result.problems, "json", files_checked=result.files_checked),
        parse_constant=_refuse_constant,
    )
    assert len(report["problems"]) == len(result.problems)


@st.composite
def issue_bodies(draw: st.DrawFn) -> str:
    """The sample issue body with lines dropped, duplicated or replaced by generated text."""
    lines = ISSUE_BODY.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "repeat", "replace", "append"]))
        if action == "drop":
            del lines[index]
        elif action == "repeat":
            lines.insert(index, lines[index])
        elif action == "replace":
            lines[index] = draw(text)
        else:
            lines[index] += draw(text)
        if not lines:
            lines = [""]
    return "\n".join(lines)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=issue_bodies())
def test_from_issue_never_raises_and_a_dry_run_writes_nothing(
    repository: Layout, tmp_path_factory: pytest.TempPathFactory, body: str
) -> None:
    body_file = tmp_path_factory.mktemp("issue") / "body.md"
    body_file.write_text(body, encoding="utf-8")
    before = _tree(repository.root)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = from_issue(repository.root, str(body_file), write=False, fmt="json")
    assert code in (0, 1)
    assert _tree(repository.root) == before
    printed = out.getvalue()  # the file's YAML (on a dry run), then the JSON report
    report = printed[printed.rfind("\n{\n") + 1 if not printed.startswith("{") else 0 :]
    assert "problems" in json.loads(report, parse_constant=_refuse_constant)


plain_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Zl", "Zp")), min_size=1, max_size=30
).filter(str.strip)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=plain_text, summary=plain_text, keyword=plain_text, description=st.text(max_size=200))
def test_rendering_is_deterministic_and_its_json_parses(
    name: str, summary: str, keyword: str, description: str
) -> None:
    project = make_project(
        "generated", name=name, summary=summary, keywords=[keyword], description=description
    )
    model = make_model([project, make_project("other")])
    first, second = render(model), render(model)
    assert first.files == second.files and first.nav == second.nav
    for path, data in first.files.items():
        if path.endswith(".json"):
            json.loads(data, parse_constant=_refuse_constant)


def _refuse_constant(constant: str) -> None:
    raise AssertionError(f"JSON output holds {constant}")


def _tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "build" not in path.relative_to(root).parts
    }
