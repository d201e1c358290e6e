"""Rules of ``site.yaml``'s ``deploy`` section beyond its schema: no secret in a public file.

The repository is public, so a deploy target names where its key lives, never the key:

* ``deploy.unknown-default``: ``default`` names no target of ``targets``;
* ``deploy.key-in-repository``: ``identity_file`` points into the repository, where a
  commit would publish the private key (and history keeps it after deletion);
* ``deploy.secret``: a value holds a private key block or an address with a password
  (``https://user:password@…``).

`deploy_settings` reads site.yaml alone for ``invoke deploy``, so publishing the last
good build does not wait for the whole repository to validate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from showcase.load.yamlfile import JsonPath
from showcase.paths import Layout
from showcase.problems import Problem, has_errors
from showcase.validate.labels import problem_at
from showcase.validate.registries import REGISTRIES, LoadedRegistry, load_registry
from showcase.validate.schema_check import SchemaChecker

UNKNOWN_DEFAULT = "deploy.unknown-default"
KEY_IN_REPOSITORY = "deploy.key-in-repository"
SECRET = "deploy.secret"

_PRIVATE_KEY = re.compile(r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----|PuTTY-User-Key-File")
_PASSWORD_IN_ADDRESS = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^/@\s:]*:[^/@\s]+@")


def check_deploy(layout: Layout, site: LoadedRegistry, schema: dict[str, Any]) -> None:
    """Add the deploy problems of `site` (site.yaml, loaded) to its problems."""
    data = site.data
    deploy = data.get("deploy") if isinstance(data, dict) else None
    if site.document is None or not isinstance(deploy, dict):
        return
    document = site.document
    targets = deploy.get("targets")
    targets = targets if isinstance(targets, dict) else {}
    default = deploy.get("default")
    if isinstance(default, str) and targets and default not in targets:
        site.problems.append(
            problem_at(
                document,
                schema,
                ("deploy", "default"),
                UNKNOWN_DEFAULT,
                f"默认发布目标「{default}」不在 targets 里。",
                f"改成 targets 里的一个名称：{'、'.join(map(str, targets))}。",
            )
        )
    for name, target in targets.items():
        key = target.get("identity_file") if isinstance(target, dict) else None
        if isinstance(key, str) and _inside(layout.root, key):
            site.problems.append(
                problem_at(
                    document,
                    schema,
                    ("deploy", "targets", name, "identity_file"),
                    KEY_IN_REPOSITORY,
                    f"私钥文件「{key}」在仓库里：仓库是公开的，提交后任何人都能用它登录服务器，"
                    "删除后历史记录里也还在。",
                    "把私钥放到发布机器的仓库以外（例如 ~/.ssh/showcase-deploy，CI 从机密变量写出），"
                    "这里写那个路径；已经提交过的私钥要在服务器上作废并换一把新的。",
                )
            )
    for path, value in _strings(deploy, ("deploy",)):
        if _PRIVATE_KEY.search(value) or _PASSWORD_IN_ADDRESS.search(value):
            site.problems.append(
                problem_at(
                    document,
                    schema,
                    path,
                    SECRET,
                    "这里写着私钥或密码：仓库是公开的，写进来就等于公开了。",
                    "删除它；服务器用 SSH 密钥登录（identity_file 写私钥在发布机器上的路径），"
                    "对象存储的密钥放在 rclone 的配置或 CI 的机密变量里。已经提交过的要立即作废并更换。",
                )
            )


def _inside(root: Path, path: str) -> bool:
    resolved = (root / Path(path).expanduser()).resolve()
    return resolved.is_relative_to(root.resolve())


def _strings(value: Any, path: JsonPath) -> Iterator[tuple[JsonPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def deploy_settings(layout: Layout) -> tuple[dict[str, Any] | None, list[Problem]]:
    """site.yaml's data (None when it has errors) and its problems (schema, the rules
    above)."""
    checker = SchemaChecker.from_file(layout.schema("site"))
    site = load_registry(layout, REGISTRIES["site"], checker)
    check_deploy(layout, site, checker.schema)
    if has_errors(site.problems) or not isinstance(site.data, dict):
        return None, site.problems
    return site.data, site.problems
