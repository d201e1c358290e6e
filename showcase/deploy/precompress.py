"""``.gz`` and ``.br`` files beside every text file, for servers that send them as they are.

nginx's ``gzip_static``/``brotli_static`` serve ``page.html.gz`` for ``page.html`` at no
CPU cost per request. Each compressed file gets its original's modification time (nginx
uses it for Last-Modified and the ETag, which must not depend on the encoding) and is
written only when smaller. The bytes depend only on the content (gzip's header time is
0), so an unchanged file compresses to the same bytes in every release and rsync's
``--link-dest`` links it instead of sending it. Brotli is used when the ``brotli``
package is importable (a dependency; optional here so a minimal install still deploys).
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = frozenset(
    {
        ".html",
        ".htm",
        ".css",
        ".js",
        ".mjs",
        ".json",
        ".map",
        ".xml",
        ".ics",
        ".svg",
        ".txt",
        ".csv",
        ".md",
        ".webmanifest",
    }
)
"""Formats that compress; images, fonts and archives are compressed already."""

BROTLI_QUALITY = 6
"""Not 11: on the sample 11 took 10x as long (21 s for 8 MB) for a few per cent smaller
files, and a 10,000-project site is a hundred times larger."""


def _brotli() -> Callable[[bytes], bytes] | None:
    try:
        import brotli
    except ImportError:
        return None
    return lambda data: brotli.compress(data, quality=BROTLI_QUALITY)


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


@dataclass(frozen=True)
class Compressed:
    files: int
    """Text files seen."""
    written: int
    """Compressed files written (``.gz`` and ``.br`` together)."""
    brotli: bool


def precompress(folder: Path) -> Compressed:
    """Write ``.gz`` (and ``.br``) beside every text file under `folder`."""
    encoders: list[tuple[str, Callable[[bytes], bytes]]] = [(".gz", _gzip)]
    brotli = _brotli()
    if brotli is not None:
        encoders.append((".br", brotli))
    texts = [path for path in folder.rglob("*") if _is_text(path)]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        written = sum(pool.map(lambda path: _compress(path, encoders), texts))
    return Compressed(len(texts), written, brotli is not None)


def _is_text(path: Path) -> bool:
    return path.suffix.lower() in TEXT_SUFFIXES and path.is_file() and not path.is_symlink()


def _compress(path: Path, encoders: Iterable[tuple[str, Callable[[bytes], bytes]]]) -> int:
    data = path.read_bytes()
    stat = path.stat()
    written = 0
    for suffix, encode in encoders:
        packed = encode(data)
        if len(packed) >= len(data):
            continue
        out = path.with_name(path.name + suffix)
        out.write_bytes(packed)
        os.utime(out, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        written += 1
    return written
