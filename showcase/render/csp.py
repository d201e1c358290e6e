"""Content-Security-Policy text: the one place that spells policies and their hashes.

A policy is the browser's second line of defence: if some contributor text ever reached a
page as markup despite the escaping doors (`showcase.render.text`), the browser still runs
no script and loads nothing the policy does not name. It is delivered in a
``<meta http-equiv="Content-Security-Policy">`` because the site is static files on any
web server; ``frame-ancestors`` (click-jacking) cannot be set that way and belongs in the
web server's headers (see the deployment notes in README.md).

- `site_policy` is what every page of the built site carries (the engine inserts it, with
  hashes of the theme's own inline scripts, see `showcase.engine.content_policy`).
- `document_policy` is for standalone documents that carry their own styles and no script
  (print pages, score sheets, the WeChat article).

Example::

    >>> source_hash("alert(1)")
    "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
    >>> meta_tag(document_policy(styles=["body{margin:0}"]))
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src …">'
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Iterable


def source_hash(text: str) -> str:
    """The CSP source expression that allows exactly this inline script or style text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def site_policy(scripts: Iterable[str] = (), styles: Iterable[str] = ()) -> str:
    """The site's policy: its own files only, plus the inline `scripts` and `styles` given.

    - scripts and styles: ``'self'`` and the hashes; no ``'unsafe-inline'``, no ``eval``;
      inline event handlers (``onclick=``) and ``style`` attributes never run or apply.
    - images: the site's own and ``data:`` (Material draws its icons with ``data:`` SVG
      in its stylesheet; an image cannot run script).
    - ``form-action 'self'``: the site's forms (search, filters, the submission form) are
      handled by its scripts; the submission form reaches the forge through a link, not a
      form post, so no other host is needed.
    - ``object-src 'none'`` and ``base-uri 'self'``: no plug-ins, and no ``<base>`` that
      could point relative script URLs at another host.
    """
    return _joined(
        {
            "default-src": ["'self'"],
            "script-src": ["'self'", *_hashes(scripts)],
            "style-src": ["'self'", *_hashes(styles)],
            "img-src": ["'self'", "data:"],
            "object-src": ["'none'"],
            "base-uri": ["'self'"],
            "form-action": ["'self'"],
        }
    )


def document_policy(styles: Iterable[str] = (), images: bool = False) -> str:
    """A standalone document's policy: no script at all, only the given inline `styles`
    (and, with `images`, pictures from beside the document)."""
    return _joined(
        {
            "default-src": ["'none'"],
            "style-src": [*_hashes(styles)] or ["'none'"],
            "img-src": ["'self'", "data:"] if images else ["'none'"],
            "base-uri": ["'none'"],
            "form-action": ["'none'"],
        }
    )


def inline_document_policy() -> str:
    """For a document whose every element carries a ``style`` attribute by design (the
    WeChat article, for an editor that keeps nothing else): styles inline, no script."""
    return _joined(
        {
            "default-src": ["'none'"],
            "style-src": ["'unsafe-inline'"],
            "img-src": ["'self'", "data:"],
            "base-uri": ["'none'"],
            "form-action": ["'none'"],
        }
    )


def meta_tag(policy: str) -> str:
    """The ``<meta>`` element that delivers `policy`; put it first in ``<head>``."""
    content = html.escape(policy, quote=False).replace('"', "&quot;")
    return f'<meta http-equiv="Content-Security-Policy" content="{content}">'


def _hashes(texts: Iterable[str]) -> list[str]:
    return sorted({source_hash(text) for text in texts})


def _joined(directives: dict[str, list[str]]) -> str:
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())
