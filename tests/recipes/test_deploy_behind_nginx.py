"""The chain a university server runs: `invoke deploy` to a folder target, the sample
nginx site serving its ``current`` release, and deploy's smoke test fetching through it.

The deploy's own precompressed files are what nginx sends (gzip and brotli), and they
decompress to the page itself.
"""

from __future__ import annotations

import gzip
import http.client
import shutil
from pathlib import Path

import brotli

from showcase.commands.deploy import deploy
from showcase.paths import repository_root
from tests.deploy.conftest import write_site
from tests.recipes.test_nginx_sample import running_nginx


def _get(port: int, path: str, encoding: str) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers={"Accept-Encoding": encoding})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def test_a_folder_deploy_is_served_precompressed_and_passes_its_smoke_test_through_nginx(
    tmp_path: Path, capsys
) -> None:
    repo = tmp_path / "repo"
    for name in ("content", "schemas"):
        shutil.copytree(repository_root() / name, repo / name)
    release_root = tmp_path / "www"
    with running_nginx(tmp_path / "nginx", release_root) as port:
        site_yaml = repo / "content" / "site.yaml"
        text = site_yaml.read_text(encoding="utf-8").split("\ndeploy:\n")[0]
        site_yaml.write_text(
            f"{text}\ndeploy:\n  default: web\n  targets:\n    web:\n      kind: folder\n"
            f"      path: {release_root}\n      url: http://127.0.0.1:{port}/\n",
            encoding="utf-8",
        )
        site = write_site(tmp_path / "site")
        assert deploy(repo, site_dir=site, no_build=True) == 0, capsys.readouterr().err
        assert f"线上检查通过：http://127.0.0.1:{port}/" in capsys.readouterr().out
        page = (site / "index.html").read_bytes()
        for encoding, decode in (("gzip", gzip.decompress), ("br", brotli.decompress)):
            status, headers, body = _get(port, "/", encoding)
            assert status == 200 and headers["content-encoding"] == encoding
            assert body == (release_root / "current" / f"index.html.{encoding[:2]}").read_bytes()
            assert decode(body) == page
            assert headers["cache-control"] == "no-cache"
            assert "frame-ancestors 'none'" in headers["content-security-policy"]
        status, headers, body = _get(port, "/events/events.ics", "gzip")
        assert headers["content-type"] == "text/calendar; charset=utf-8"
        assert gzip.decompress(body) == (site / "events" / "events.ics").read_bytes()
