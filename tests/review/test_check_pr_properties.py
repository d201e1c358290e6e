"""Whatever a pull request holds and whoever opens it, check-pr answers without a traceback."""

from __future__ import annotations

import contextlib
import io
import itertools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from showcase.commands.check_pr import check_pr as run
from tests.review.pr_repo import base_repository, pull_request
from tests.validate.conftest import TODAY

_NAME = st.text("abcdefghijklmnopqrstuvwxyz0123456789._-", min_size=1, max_size=12).filter(
    lambda name: name not in (".", "..") and name.lower() != ".git"
)
_FOLDER = st.sampled_from(
    [
        "projects/textile",
        "projects/materials",
        "projects",
        "content",
        "content/roadshows",
        "showcase",
    ]
)
_CONTENT = st.binary(max_size=400) | st.text(max_size=400)
_AUTHOR = st.sampled_from(["textile-club", "centre", "materials-club"]) | st.text(max_size=20)
_BRANCHES = itertools.count()


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return base_repository(tmp_path_factory.mktemp("properties") / "repo")


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    files=st.dictionaries(st.tuples(_FOLDER, _NAME), _CONTENT, min_size=1, max_size=3),
    author=_AUTHOR,
)
def test_any_pull_request_gets_a_verdict_and_every_problem_names_a_file(
    repo: Path, files: dict[tuple[str, str], str | bytes], author: str
) -> None:
    head = pull_request(
        repo,
        {f"{folder}/{name}": content for (folder, name), content in files.items()},
        name=f"property-{next(_BRANCHES)}",
    )
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(repo, "main", author, "json", "", head=head, today=TODAY)
    assert code in (0, 1), err.getvalue()
    report = json.loads(out.getvalue().partition("\n\n")[0])
    assert all(problem["path"] and problem["message"] for problem in report["problems"])
    assert "Traceback" not in err.getvalue()
