"""Bytes hidden after an image's end: the tail of a polyglot file.

A PNG ends with its ``IEND`` chunk, a JPEG with its ``EOI`` marker, a WebP with the size
its RIFF header declares. Viewers stop there, so anything appended (a ZIP of a roster, an
HTML page) is invisible in the picture but published with the repository. Publishing
re-encodes every image (`publish`), so the site never carries a tail; the validator refuses
one so that it is not committed either.

Example::

    trailing_bytes(png_bytes + b"<html>…", "PNG")   # 13
"""

from __future__ import annotations

import struct

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_STANDALONE = {0x01, *range(0xD0, 0xD8)}
"""JPEG markers without a length: TEM and the restart markers."""


def trailing_bytes(data: bytes, kind: str) -> int:
    """How many bytes follow the end of the image `data` of format `kind` (0 when none, or
    when the structure is unreadable: decoding reports that)."""
    end = {"PNG": _png_end, "JPEG": _jpeg_end, "WEBP": _webp_end}.get(kind, lambda _: None)(data)
    return 0 if end is None else max(len(data) - end, 0)


def _png_end(data: bytes) -> int | None:
    if not data.startswith(_PNG_SIGNATURE):
        return None
    offset = len(_PNG_SIGNATURE)
    while offset + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        offset += 12 + length
        if kind == b"IEND":
            return offset
    return None


def _jpeg_end(data: bytes) -> int | None:
    """After the segments, entropy-coded data runs to the next marker; ``FF 00`` and the
    restart markers belong to the data, and EOI ends the image."""
    if not data.startswith(b"\xff\xd8"):
        return None
    offset = 2
    while offset + 2 <= len(data):
        if data[offset] != 0xFF:
            return None
        marker = data[offset + 1]
        if marker == 0xFF:  # fill byte before a marker
            offset += 1
            continue
        if marker == 0xD9:
            return offset + 2
        if marker in _STANDALONE:
            offset += 2
            continue
        if offset + 4 > len(data):
            return None
        (length,) = struct.unpack(">H", data[offset + 2 : offset + 4])
        offset += 2 + length
        if marker == 0xDA:  # start of scan: skip the entropy-coded data
            offset = _next_marker(data, offset)
    return None


def _next_marker(data: bytes, offset: int) -> int:
    while True:
        offset = data.find(b"\xff", offset)
        if offset < 0 or offset + 1 >= len(data):
            return len(data)
        following = data[offset + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            offset += 1 if following == 0xFF else 2
            continue
        return offset


def _webp_end(data: bytes) -> int | None:
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        return None
    (size,) = struct.unpack("<I", data[4:8])
    return 8 + size + (size & 1)
