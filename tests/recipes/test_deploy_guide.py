"""The deploy guide (content/pages/deploy-guide.md) says what the recipes and the sample
nginx site really do: it quotes the sample whole, and names the schedules, the build-date
expression and every variable and secret the workflow files read."""

from __future__ import annotations

import re

from showcase.paths import repository_root
from showcase.render.content_pages import is_staff_guide
from tests.recipes.test_nginx_sample import SAMPLE
from tests.test_publish_workflows import ACTIONS, BUILD_DATE, GITLAB

GUIDE = (repository_root() / "content/pages/deploy-guide.md").read_text(encoding="utf-8")


def test_the_guide_is_a_staff_guide() -> None:
    assert is_staff_guide(GUIDE)


def test_the_guide_quotes_the_nginx_sample_whole() -> None:
    quoted = re.search(r"```nginx\n(.*?)```", GUIDE, re.DOTALL)
    assert quoted is not None
    assert quoted.group(1) == SAMPLE.read_text(encoding="utf-8")


def test_the_guide_names_every_variable_and_secret_the_recipes_read() -> None:
    recipes = [path.read_text(encoding="utf-8") for path, _jobs in ACTIONS.values()]
    names = {name for text in recipes for name in re.findall(r"(?:vars|secrets)\.(\w+)", text)}
    gitlab = GITLAB.read_text(encoding="utf-8")
    names |= set(re.findall(r"\$(DEPLOY_\w+)", gitlab))
    assert names >= {"DEPLOY_TARGET", "DEPLOY_SSH_KEY", "DEPLOY_KNOWN_HOSTS", "PUBLISH_PAGES"}
    assert [name for name in sorted(names) if f"`{name}`" not in GUIDE] == []
    for environment in ("showcase-server", "production"):
        assert f"`{environment}`" in GUIDE


def test_the_guide_gives_each_forges_schedule_and_the_build_date() -> None:
    assert f'./dev build --today "{BUILD_DATE}"' in GUIDE
    for path, _jobs in ACTIONS.values():
        cron = re.search(r'cron: "([^"]+)"', path.read_text(encoding="utf-8"))
        assert cron is not None and f'`cron: "{cron.group(1)}"`' in GUIDE, path
        assert f"`{path.relative_to(repository_root()).as_posix()}`" in GUIDE
    assert "`10 0 * * *`" in GUIDE and "`Asia/Shanghai`" in GUIDE  # GitLab's schedule form
