"""Bytes after an image's end are counted exactly, for every format and encoder option."""

from __future__ import annotations

import pytest

from showcase.images.trailer import trailing_bytes
from tests.image_samples import HARMLESS, HTML_PAYLOAD, PERSONAL, encoded, picture, zip_payload

CLEAN = {
    **{name: make for name, make in HARMLESS.items()},
    **{name: make for name, (make, _) in PERSONAL.items()},
    "progressive JPEG": lambda: encoded(picture(size=(300, 200)), "JPEG", progressive=True),
    "JPEG with restart markers": lambda: encoded(
        picture(size=(300, 200)), "JPEG", restart_marker_blocks=1
    ),
    "odd-sized lossless WebP": lambda: encoded(picture("RGB", (7, 5)), "WEBP", lossless=True),
}
KINDS = {"PNG": b"\x89PNG", "JPEG": b"\xff\xd8", "WEBP": b"RIFF"}


def kind_of(data: bytes) -> str:
    return next(kind for kind, start in KINDS.items() if data.startswith(start))


@pytest.mark.parametrize("name", sorted(CLEAN))
def test_a_whole_image_has_no_trailing_bytes(name: str) -> None:
    data = CLEAN[name]()
    assert trailing_bytes(data, kind_of(data)) == 0


@pytest.mark.parametrize("name", sorted(CLEAN))
@pytest.mark.parametrize("tail", [HTML_PAYLOAD, b"x", b"\xff\xd9", b"IEND\xaeB`\x82"], ids=repr)
def test_appended_bytes_are_counted_exactly(name: str, tail: bytes) -> None:
    data = CLEAN[name]()
    assert trailing_bytes(data + tail, kind_of(data)) == len(tail)


def test_a_zip_appended_to_a_png_is_counted() -> None:
    data, tail = encoded(picture(), "PNG"), zip_payload()
    assert trailing_bytes(data + tail, "PNG") == len(tail)


@pytest.mark.parametrize("data", [b"", b"\x89PNG\r\n\x1a\n\x00", b"\xff\xd8\x00", b"RIFF"])
def test_an_unreadable_structure_counts_nothing(data: bytes) -> None:
    assert trailing_bytes(data, kind_of(data) if data else "PNG") == 0
