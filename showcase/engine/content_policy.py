"""A Content-Security-Policy in every HTML file of the built site, added after MkDocs wrote it.

As MkDocs writes each file, because only then is every HTML document known: pages, the
theme's ``404.html`` and the standalone documents copied verbatim (print versions, score
sheets; these are rewritten once the build has copied them).
The ``<meta>`` goes right after ``<meta charset>``, before any script, style or link.

Which inline scripts a page may run is decided by the theme, never by the page: Material's
inline scripts are its templates ``partials/javascripts/*.html``, rendered here through
the theme's own Jinja environment for each page's base URL (one of them names it), and a
page gets the hashes of those it carries. Hashing whatever inline script a page happens to
contain would also allow a script that reached the page from data. A page carrying any
other inline script or style is reported (as a build warning, which fails the strict
build): the browser would refuse to run it, so it is either a mistake or an attack. The
site's own scripts are files in ``assets/``; the only inline styles allowed are those of
the render stage's standalone documents (`showcase.render.tree.INLINE_STYLES`).

Example::

    policies = ContentPolicies(config)          # config: the MkDocs config
    html = policies.page(html, "projects/x/index.html")
    policies.problems                           # foreign inline code, one line per finding
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import jinja2
from mkdocs.utils import is_error_template

from showcase.atomic import write_replacing
from showcase.render.csp import meta_tag, site_policy
from showcase.render.tree import INLINE_STYLES

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.DOTALL | re.IGNORECASE)
_SRC = re.compile(r"\ssrc\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
THEME_SCRIPTS = "partials/javascripts/"


class ThemeScripts:
    """The inline scripts the theme's templates write, per page base URL."""

    def __init__(self, config: MkDocsConfig) -> None:
        self._config = config
        self._env = config.theme.get_env()
        self._names = _script_templates(self._env)
        self._scripts: dict[str, frozenset[str]] = {}

    def for_base_url(self, base_url: str) -> frozenset[str]:
        if base_url not in self._scripts:
            context = {
                "config": self._config,
                "base_url": base_url,
                "features": self._config.theme.get("features") or [],
            }
            rendered = "".join(self._env.get_template(n).render(context) for n in self._names)
            self._scripts[base_url] = frozenset(body for _, body in inline_scripts(rendered))
        return self._scripts[base_url]


def _script_templates(env: jinja2.Environment) -> list[str]:
    """The theme's ``partials/javascripts/*`` templates, as ``list_templates`` names them,
    without walking the whole theme (Material ships thousands of icon templates)."""
    loader = env.loader
    if not isinstance(loader, jinja2.FileSystemLoader):
        return env.list_templates(filter_func=lambda n: n.startswith(THEME_SCRIPTS))
    names: set[str] = set()
    for root in loader.searchpath:
        folder = Path(root) / THEME_SCRIPTS
        for path in folder.rglob("*") if folder.is_dir() else ():
            if path.is_file():
                names.add(THEME_SCRIPTS + path.relative_to(folder).as_posix())
    return sorted(names)


def inline_scripts(html: str) -> Iterator[tuple[str, str]]:
    """(attributes, text) of every ``<script>`` the browser would run as inline code."""
    for match in _SCRIPT.finditer(html):
        attributes, body = match.groups()
        kind = _TYPE.search(attributes)
        if not _SRC.search(attributes) and (kind.group(1) if kind else "") in _SCRIPT_TYPES:
            yield attributes, body


class ContentPolicies:
    """Inserts the policy into each HTML document as the build produces it.

    Pages and the theme's templates (``404.html``) are handled in memory as MkDocs renders
    them; the few HTML files MkDocs only copies (the render stage's standalone documents)
    are rewritten on disk at the end. `problems` collects one Chinese line per page with an
    inline script or style that is not the theme's.
    """

    def __init__(self, config: MkDocsConfig) -> None:
        self._theme = ThemeScripts(config)
        self._error_base_url = urlsplit(config.site_url or "/").path
        self._styles = set(INLINE_STYLES)
        self._tags: dict[tuple[tuple[str, ...], tuple[str, ...]], str] = {}
        self.problems: list[str] = []

    def page(self, html: str, name: str) -> str:
        """`html` of the site file `name` (its path under the site folder) with its policy."""
        base_url = (
            self._error_base_url
            if "/" not in name and is_error_template(name)
            else posixpath.relpath(".", posixpath.dirname(name) or ".")
        )
        allowed = self._theme.for_base_url(base_url)
        scripts = [body for _attributes, body in inline_scripts(html)]
        found_styles = _STYLE.findall(html)
        foreign = [s for s in scripts if s not in allowed]
        foreign += [s for s in found_styles if s not in self._styles]
        self.problems += [_problem(name, text) for text in foreign]
        key = (
            tuple(s for s in scripts if s in allowed),
            tuple(s for s in found_styles if s in self._styles),
        )
        tag = self._tags.get(key)
        if tag is None:  # pages share a handful of policies: hash each once
            tag = self._tags[key] = meta_tag(site_policy(*key))
        head = _CHARSET.search(html) or _HEAD.search(html)
        if head is None:
            self.problems.append(f"{name}：找不到 <head>，无法加入内容安全策略。")
            return html
        return html[: head.end()] + tag + html[head.end() :]

    def file(self, site_dir: Path, name: str) -> None:
        """The copied HTML file `name` under `site_dir`, rewritten with its policy."""
        path = site_dir / name
        html = self.page(path.read_text(encoding="utf-8"), name)
        write_replacing(path, html.encode("utf-8"))  # the file may be a link into build/docs


def _problem(name: str, text: str) -> str:
    snippet = " ".join(text.split())[:60]
    return (
        f"{name}：含有不属于网站主题的内联脚本或样式（{snippet}……），内容安全策略会阻止它。"
        "网站自己的脚本和样式请写进 assets/ 下的文件再引用。"
    )
