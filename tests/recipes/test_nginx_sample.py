"""The sample nginx site (tools/deploy/nginx.conf), started for real on 127.0.0.1.

nginx serves a tiny release folder laid out the way `invoke deploy` lays one out
(``<root>/releases/<stamp>/`` and the link ``<root>/current``), with precompressed files
whose contents differ from what nginx would compress itself, so a test can tell a file
served as it is from one compressed on the fly.
"""

from __future__ import annotations

import gzip
import http.client
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from showcase.paths import repository_root
from showcase.render.csp import site_policy
from tests.recipes.conftest import require

SAMPLE = repository_root() / "tools/deploy/nginx.conf"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
PAGE_ONLY_DIRECTIVES = {"default-src", "script-src", "style-src"}
"""What stays in each page's <meta> alone: the script and style hashes differ per page and
per Material release, and default-src would be the fallback for scripts."""
PRECOMPRESSED_GZIP = gzip.compress(b"<!doctype html><title>precompressed gzip</title>", mtime=0)
PRECOMPRESSED_BROTLI = b"stands in for a .br file: nginx serves it as it is"
YEAR = "public, max-age=31536000, immutable"


def _nginx() -> str | None:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None
    )


def _why_unavailable() -> str | None:
    if _nginx() is None:
        return "找不到 nginx（Debian：apt-get install nginx libnginx-mod-http-brotli-static）"
    if not BROTLI_MODULE.is_file():
        return f"{BROTLI_MODULE} 不存在（Debian：apt-get install libnginx-mod-http-brotli-static）"
    return None


def _release(folder: Path, home: str) -> Path:
    files = {
        "index.html": f"<!doctype html><title>{home}</title>",
        "index.html.gz": PRECOMPRESSED_GZIP,
        "index.html.br": PRECOMPRESSED_BROTLI,
        "404.html": "<!doctype html><title>页面不存在</title>",
        "projects/smart-yarn/index.html": "<!doctype html><title>项目</title>",
        "projects/smart-yarn/logo.png": b"\x89PNG\r\n\x1a\n",
        "assets/stylesheets/main.57a0d79d.min.css": "body{margin:0}",
        "assets/showcase.css": ".sc{margin:0}",
        "events/events.ics": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
        "events/events.ics.gz": gzip.compress(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", mtime=0),
        "feeds/cases.xml": '<feed xmlns="http://www.w3.org/2005/Atom"/>',
        "sitemap.xml": "<urlset/>",
        "data/projects.csv": "id,name\r\n",
        ".makerspace-showcase-output": "",
    }
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        path.write_bytes(data)
    return folder


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _configuration(prefix: Path, root: Path, port: int) -> Path:
    """The sample as an nginx site of a throwaway main configuration under `prefix`."""
    sample = SAMPLE.read_text(encoding="utf-8")
    for line in ("listen 80;", "listen [::]:80;", "root /srv/makerspace-showcase/current;"):
        assert sample.count(line) == 1, f"the sample no longer has exactly one {line!r}"
    site = (
        sample.replace("listen 80;", f"listen 127.0.0.1:{port};")
        .replace("listen [::]:80;", "")
        .replace("root /srv/makerspace-showcase/current;", f"root {root}/current;")
    )
    (prefix / "showcase.conf").write_text(site, encoding="utf-8")
    temp = " ".join(
        f"{kind}_temp_path {prefix}/{kind};" for kind in ("client_body", "proxy", "fastcgi")
    )
    main = prefix / "nginx.conf"
    main.write_text(
        f"load_module {BROTLI_MODULE};\n"
        + ("user root;\n" if os.geteuid() == 0 else "")  # to read the test's private folder
        + f"pid {prefix}/nginx.pid;\nerror_log {prefix}/error.log;\nworker_processes 1;\n"
        "events { worker_connections 64; }\n"
        "http {\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n"
        f"  access_log off;\n  {temp}\n  uwsgi_temp_path {prefix}/uwsgi;\n"
        f"  scgi_temp_path {prefix}/scgi;\n  include {prefix}/showcase.conf;\n}}\n",
        encoding="utf-8",
    )
    return main


@dataclass
class Served:
    port: int
    root: Path

    def get(self, path: str, encoding: str = "") -> http.client.HTTPResponse:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        connection.request("GET", path, headers={"Accept-Encoding": encoding} if encoding else {})
        response = connection.getresponse()
        response.body = response.read()  # type: ignore[attr-defined]
        connection.close()
        return response


@contextmanager
def running_nginx(prefix: Path, root: Path) -> Iterator[int]:
    """nginx with the sample site for the release root `root`, checked with ``nginx -t``
    first, on a free port of 127.0.0.1 (yielded); stopped at the end."""
    require(_why_unavailable())
    prefix.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    main = _configuration(prefix, root, port)
    nginx = str(_nginx())
    checked = subprocess.run(
        [nginx, "-t", "-p", str(prefix), "-c", str(main)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen(
        [nginx, "-p", str(prefix), "-c", str(main), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            time.sleep(0.05)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    prefix = tmp_path_factory.mktemp("nginx")
    root = prefix / "showcase"
    _release(root / "releases" / "20261130-001000", "第一次发布")
    (root / "current").symlink_to("releases/20261130-001000")
    with running_nginx(prefix, root) as port:
        yield Served(port, root)


def test_the_sample_passes_nginx_t(served: Served) -> None:
    """`nginx -t` ran in the fixture; here the server it checked answers."""
    assert served.get("/").status == 200


def test_precompressed_files_are_served_as_they_are(served: Served) -> None:
    gz = served.get("/", "gzip")
    assert gz.getheader("Content-Encoding") == "gzip"
    assert gz.body == PRECOMPRESSED_GZIP  # type: ignore[attr-defined]
    assert "Accept-Encoding" in (gz.getheader("Vary") or "")
    br = served.get("/", "br, gzip")
    assert br.getheader("Content-Encoding") == "br"
    assert br.body == PRECOMPRESSED_BROTLI  # type: ignore[attr-defined]
    plain = served.get("/")
    assert plain.getheader("Content-Encoding") is None
    assert plain.body == "<!doctype html><title>第一次发布</title>".encode()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("path", "cache"),
    [
        ("/", "no-cache"),
        ("/projects/smart-yarn/", "no-cache"),
        ("/assets/showcase.css", "no-cache"),
        ("/events/events.ics", "no-cache"),
        ("/assets/stylesheets/main.57a0d79d.min.css", YEAR),
        ("/projects/smart-yarn/logo.png", "public, max-age=3600"),
    ],
)
def test_cache_headers_keep_only_fingerprinted_files_long(
    served: Served, path: str, cache: str
) -> None:
    response = served.get(path)
    assert response.status == 200
    assert response.getheader("Cache-Control") == cache


def _directives(policy: str) -> dict[str, str]:
    pairs = (part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    return {name: sources for name, sources in pairs}


@pytest.mark.parametrize("path", ["/", "/assets/showcase.css", "/missing/"])
def test_security_headers_carry_the_sites_policy(served: Served, path: str) -> None:
    response = served.get(path)
    expected = {
        name: sources
        for name, sources in _directives(site_policy()).items()
        if name not in PAGE_ONLY_DIRECTIVES
    } | {"frame-ancestors": "'none'"}
    assert _directives(response.getheader("Content-Security-Policy") or "") == expected
    assert "unsafe" not in (response.getheader("Content-Security-Policy") or "")
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("X-Frame-Options") == "DENY"
    assert response.getheader("Referrer-Policy") == "strict-origin-when-cross-origin"


@pytest.mark.parametrize(
    ("path", "encoding", "kind"),
    [
        ("/", "", "text/html; charset=utf-8"),
        ("/events/events.ics", "", "text/calendar; charset=utf-8"),
        ("/events/events.ics", "gzip", "text/calendar; charset=utf-8"),
        ("/feeds/cases.xml", "", "application/atom+xml; charset=utf-8"),
        ("/sitemap.xml", "", "text/xml; charset=utf-8"),
        ("/data/projects.csv", "", "text/csv; charset=utf-8"),
        ("/assets/showcase.css", "", "text/css; charset=utf-8"),
    ],
)
def test_content_types(served: Served, path: str, encoding: str, kind: str) -> None:
    response = served.get(path, encoding)
    assert response.status == 200
    assert response.getheader("Content-Type") == kind


def test_directories_redirect_relatively_and_missing_pages_get_the_chinese_404(
    served: Served,
) -> None:
    moved = served.get("/projects/smart-yarn")
    assert moved.status == 301 and moved.getheader("Location") == "/projects/smart-yarn/"
    missing = served.get("/no/such/page/")
    assert missing.status == 404 and "页面不存在" in missing.body.decode()  # type: ignore[attr-defined]
    assert served.get("/.makerspace-showcase-output").status == 404


def test_switching_the_current_link_serves_the_new_release_without_reload(
    served: Served,
) -> None:
    _release(served.root / "releases" / "20261201-001000", "第二次发布")
    (served.root / "next").symlink_to("releases/20261201-001000")
    (served.root / "next").replace(served.root / "current")  # rename: atomic
    assert "第二次发布" in served.get("/").body.decode()  # type: ignore[attr-defined]
