"""The deploy step of each publishing recipe, run as written against a real sshd.

The step's shell script is taken from the workflow file and run by bash with the secrets
as its forge passes them (GitHub and Gitea: the key's text; GitLab: File variables, paths
to files), in a workspace holding a finished build, with `./dev` standing for the
checkout's. The configured target is the repository's `campus` target pointed at the
sshd on 127.0.0.1, with its `identity_file` as content/site.yaml writes it. The one
difference from a runner: OpenSSH reads known_hosts from the account's home in the
password database, not from $HOME, so the test's target names the file the script wrote.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from showcase.paths import repository_root
from tests.deploy.conftest import serving, write_site
from tests.deploy.sshd import Server, Unavailable, start_server
from tests.recipes.conftest import require
from tests.test_publish_workflows import ACTIONS, GITLAB

ROOT = repository_root()
KEY_FILE = "~/.ssh/showcase-deploy"


@pytest.fixture(scope="module")
def sshd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    try:
        server = start_server(tmp_path_factory.mktemp("sshd"))
    except Unavailable as why:
        require(str(why))
        raise
    yield server
    server.process.terminate()
    server.process.wait(timeout=10)


def _step_script(forge: str) -> tuple[str, str]:
    """The deploy step's script and (GitLab) its after_script."""
    if forge == "gitlab":
        job = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))["deploy"]
        return "\n".join(job["script"]), "\n".join(job.get("after_script", []))
    path, jobs = ACTIONS[forge]
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    steps = [step for name in jobs for step in workflow["jobs"][name].get("steps", [])]
    return next(step["run"] for step in steps if "./dev deploy" in step.get("run", "")), ""


def _workspace(folder: Path, server: Server, url: str) -> tuple[Path, Path]:
    """A checkout with a finished build in site/ and public/, whose `./dev` runs this
    checkout's tasks with the workspace as the repository; the server's release root."""
    for name in ("content", "schemas"):
        shutil.copytree(ROOT / name, folder / name)
    shutil.copy(ROOT / "tasks.py", folder / "tasks.py")
    releases = folder.parent / "server-root"
    site_yaml = folder / "content" / "site.yaml"
    site = yaml.safe_load(site_yaml.read_text(encoding="utf-8"))
    campus = site["deploy"]["targets"]["campus"]
    assert campus["identity_file"] == KEY_FILE, "the file the recipes write the key to"
    campus.update(
        host="127.0.0.1",
        port=server.port,
        user=server.user,
        path=str(releases),
        url=url,
        known_hosts=str(folder.parent / "home" / ".ssh" / "known_hosts"),
    )
    site_yaml.write_text(yaml.safe_dump(site, allow_unicode=True), encoding="utf-8")
    for build in ("site", "public"):
        write_site(folder / build)
    dev = folder / "dev"
    dev.write_text(
        f'#!/bin/sh\nexec "{ROOT}/.venv/bin/invoke" --search-root "{folder}" "$@"\n',
        encoding="utf-8",
    )
    dev.chmod(0o755)
    return folder, releases


@pytest.mark.parametrize("forge", ["github", "gitea", "gitlab"])
def test_the_recipes_deploy_step_publishes_over_ssh_and_leaves_no_key(
    sshd: Server, tmp_path: Path, forge: str
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    with serving(tmp_path / "server-root" / "current") as url:
        workspace, releases = _workspace(tmp_path / "checkout", sshd, url)
        env = {**os.environ, "HOME": str(home), "DEPLOY_TARGET": "campus"}
        if forge == "gitlab":  # File variables: the variable holds a path
            secrets = tmp_path / "gitlab-variables"
            secrets.mkdir()
            (secrets / "key").write_text(sshd.key.read_text().rstrip("\n"))  # no final newline
            (secrets / "known_hosts").write_text(sshd.known_hosts.read_text())
            env |= {
                "DEPLOY_SSH_KEY": str(secrets / "key"),
                "DEPLOY_KNOWN_HOSTS": str(secrets / "known_hosts"),
            }
        else:
            env |= {
                "DEPLOY_SSH_KEY": sshd.key.read_text(),
                "DEPLOY_KNOWN_HOSTS": sshd.known_hosts.read_text(),
            }
        script, after = _step_script(forge)
        done = subprocess.run(
            ["bash", "-e", "-c", script], cwd=workspace, env=env, capture_output=True, text=True
        )
        if after:
            subprocess.run(["bash", "-c", after], cwd=workspace, env=env, check=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "发布完成：当前版本" in done.stdout and "线上检查通过" in done.stdout
    live = releases / "current"
    assert (live / "index.html").is_file() and (live / "index.html.gz").is_file()
    written = (home / ".ssh" / "known_hosts").read_text()
    assert written.strip() == sshd.known_hosts.read_text().strip()
    assert not (home / ".ssh" / "showcase-deploy").exists(), "the key is removed at the end"
