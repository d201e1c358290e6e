"""The CI definitions: valid for their forge, and unable to give a pull request any power.

Each workflow is checked with check-jsonschema's built-in schemas (offline), then read as
data: read-only token, no secrets, no credentials kept by a checkout, no expression
pasted into a shell script, the deciding job on the base branch's program with the
pull request's opener as author, and the test suite on plain `pull_request`.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from showcase.paths import repository_root

ROOT = repository_root()
WORKFLOWS = sorted([*ROOT.glob(".github/workflows/*.yml"), *ROOT.glob(".gitea/workflows/*.yml")])
CHECK_PR = [path for path in WORKFLOWS if path.name == "check-pr.yml"]
PULL_REQUEST_FACING = [path for path in WORKFLOWS if path.name != "publish.yml"]
"""Every workflow but the publishing recipes (tests/test_publish_workflows.py), which
never run on a pull request and hold the deploy secrets in their deploy job."""
GITLAB = ROOT / ".gitlab-ci.yml"


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def _steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_every_forge_has_a_test_job_and_a_deciding_job() -> None:
    assert [_name(p) for p in WORKFLOWS] == [
        ".gitea/workflows/check-pr.yml",
        ".gitea/workflows/ci.yml",
        ".gitea/workflows/publish.yml",
        ".github/workflows/check-pr.yml",
        ".github/workflows/ci.yml",
        ".github/workflows/publish.yml",
    ]
    assert set(yaml.safe_load(GITLAB.read_text(encoding="utf-8"))) >= {"ci", "check-pr"}


@pytest.mark.parametrize(
    ("path", "schema"),
    [(p, "vendor.github-workflows") for p in WORKFLOWS]
    + [(p, "custom.github-workflows-require-timeout") for p in WORKFLOWS]
    + [(GITLAB, "vendor.gitlab-ci")],
    ids=lambda value: value if isinstance(value, str) else _name(value),
)
def test_workflow_matches_its_forges_schema(path: Path, schema: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("path", PULL_REQUEST_FACING, ids=_name)
def test_workflow_has_a_read_only_token_no_secrets_and_no_kept_credentials(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    workflow = _load(path)
    assert workflow["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in workflow["jobs"].values())
    assert "secrets." not in text and "GITHUB_TOKEN" not in text
    for step in _steps(workflow):
        if str(step.get("uses", "")).startswith("actions/checkout"):
            assert step["with"]["persist-credentials"] is False
            assert "ref" not in step["with"] and "allow-unsafe-pr-checkout" not in step["with"]


@pytest.mark.parametrize("path", [*WORKFLOWS, GITLAB], ids=_name)
def test_no_expression_is_pasted_into_a_shell_script(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    scripts: list[str] = []

    def collect(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("run", "script", "before_script") and value is not None:
                    scripts.extend([value] if isinstance(value, str) else value)
                else:
                    collect(value)
        elif isinstance(node, list):
            for item in node:
                collect(item)

    collect(data)
    assert scripts
    assert not [script for script in scripts if "${{" in script]


@pytest.mark.parametrize("path", CHECK_PR, ids=_name)
def test_the_deciding_job_runs_the_base_program_over_the_pull_request_as_data(
    path: Path,
) -> None:
    workflow = _load(path)
    assert set(workflow["on"]) == {"pull_request_target"}
    runs = [step["run"] for step in _steps(workflow) if "run" in step]
    judge = next(run for run in runs if "./dev check-pr" in run)
    assert re.search(r'--head "?\$?[\w/-]+', judge)
    assert '--author "$PR_AUTHOR"' in judge
    env = next(step["env"] for step in _steps(workflow) if step.get("run") == judge)
    assert env["PR_AUTHOR"] == "${{ github.event.pull_request.user.login }}"
    assert "github.actor" not in path.read_text(encoding="utf-8")
    assert (
        next(step for step in _steps(workflow) if step.get("run") == judge)["working-directory"]
        == "trusted"
    )
    ran = " ".join(runs)
    assert "./dev ci" not in ran and ".ci/run" not in ran and "pip install" not in ran


@pytest.mark.parametrize("path", [p for p in WORKFLOWS if p.name == "ci.yml"], ids=_name)
def test_the_test_suite_runs_on_the_pull_requests_code_unprivileged(path: Path) -> None:
    workflow = _load(path)
    assert set(workflow["on"]) == {"push", "pull_request"}
    assert not [step for step in _steps(workflow) if "check-pr" in step.get("run", "")]


def test_gitlab_decides_with_the_target_branch_and_the_merge_request_opener() -> None:
    jobs = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    check = jobs["check-pr"]
    script = "\n".join(check["script"])
    assert check["variables"]["GIT_STRATEGY"] == "none"
    assert (
        '--branch "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" "$CI_MERGE_REQUEST_PROJECT_URL' in script
    )
    assert "refs/merge-requests/$CI_MERGE_REQUEST_IID/head" in script
    assert '--author "$CI_MERGE_REQUEST_AUTHOR"' in script
    assert "GITLAB_USER_LOGIN" not in GITLAB.read_text(encoding="utf-8")
    assert "cd trusted && ./dev check-pr --base HEAD --head refs/pull-request/head" in script
