"""Publishing an image: metadata and appended payloads gone, bounded, deterministic, cached.

Every output is parsed again with Pillow and inspected byte by byte: no EXIF, XMP, IPTC,
comment, text chunk or colour profile, and not a byte after the format's end marker.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from showcase.images import publish
from showcase.images.decode import ImageRefused
from showcase.images.metadata import personal_metadata
from showcase.images.publish import (
    MAX_PUBLISHED_BYTES,
    MAX_PUBLISHED_SIDE,
    PublishedImages,
    UnpublishableImage,
    clean_image,
)
from tests.image_samples import (
    HARMLESS,
    HTML_PAYLOAD,
    PERSONAL,
    PRIVATE,
    PRIVATE_ASCII,
    encoded,
    exif_with,
    picture,
    zip_payload,
)

SAMPLES: dict[str, Callable[[], bytes]] = {
    **{name: make for name, (make, _label) in PERSONAL.items()},
    **HARMLESS,
}
PAYLOADS = {"ZIP": zip_payload, "HTML": lambda: HTML_PAYLOAD, "nothing": lambda: b""}
ALLOWED_INFO = {
    "jfif",
    "jfif_version",
    "jfif_unit",
    "jfif_density",
    "progressive",
    "progression",
    "transparency",
    "loop",
    "background",
    "timestamp",
    "duration",
}
"""What Pillow reports for a bare image of each format (structure, not metadata)."""


def assert_clean(out: bytes, kind: str) -> Image.Image:
    image = Image.open(io.BytesIO(out))
    image.load()
    assert image.format == kind
    assert set(image.info) <= ALLOWED_INFO, image.info.keys()
    assert not image.getexif() and personal_metadata(image) == []
    assert getattr(image, "text", {}) == {}
    assert [marker for marker, _ in getattr(image, "applist", [])] in ([], ["APP0"])
    for secret in (PRIVATE.encode(), PRIVATE_ASCII.encode(), PRIVATE.encode("utf-16-le")):
        assert secret not in out
    assert b"<script" not in out and b"PK\x03\x04" not in out
    if kind == "PNG":
        assert out.index(b"IEND") + 8 == len(out), "bytes after IEND"
    elif kind == "JPEG":
        assert out.index(b"\xff\xd9") + 2 == len(out), "bytes after EOI"
    else:
        assert int.from_bytes(out[4:8], "little") + 8 == len(out), "bytes after the RIFF"
    return image


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("sample", SAMPLES)
def test_published_bytes_carry_no_metadata_and_nothing_appended(sample: str, payload: str) -> None:
    source = SAMPLES[sample]() + PAYLOADS[payload]()
    original = Image.open(io.BytesIO(source))
    out = clean_image(source)
    image = assert_clean(out, original.format or "")
    assert image.size == original.size
    assert clean_image(source) == out, "same input, same bytes"


def test_lossless_formats_keep_every_pixel_and_republishing_changes_nothing() -> None:
    for make in (HARMLESS["plain PNG"], PERSONAL["PNG tEXt Author"][0]):
        source = make()
        out = clean_image(source)
        assert Image.open(io.BytesIO(out)).tobytes() == Image.open(io.BytesIO(source)).tobytes()
        assert clean_image(out) == out


def test_palette_transparency_and_alpha_survive() -> None:
    palette = Image.open(io.BytesIO(clean_image(HARMLESS["palette PNG with transparency"]())))
    assert palette.mode == "P" and palette.info["transparency"] == 0
    rgba = Image.open(io.BytesIO(clean_image(encoded(picture("RGBA"), "PNG"))))
    assert rgba.mode == "RGBA" and rgba.getpixel((0, 0))[3] == 128


def test_a_photo_is_turned_upright_before_its_orientation_tag_is_dropped() -> None:
    source = encoded(picture(size=(48, 32)), "JPEG", exif=exif_with({0x0112: 6}))
    image = assert_clean(clean_image(source), "JPEG")
    assert image.size == (32, 48)


@pytest.mark.parametrize(
    ("size", "expected"),
    [((3000, 1200), (2048, 819)), ((1000, 4000), (512, 2048)), ((2048, 10), (2048, 10))],
)
def test_the_longest_side_is_bounded(size: tuple[int, int], expected: tuple[int, int]) -> None:
    for kind in ("PNG", "JPEG", "WEBP"):
        source = encoded(picture(size=size), kind)
        assert Image.open(io.BytesIO(clean_image(source))).size == expected
    assert max(expected) <= MAX_PUBLISHED_SIDE


def test_a_heavy_image_is_shrunk_until_it_fits_the_byte_bound() -> None:
    noise = Image.effect_noise((1500, 1500), 120)
    source = encoded(noise, "PNG", compress_level=0)
    assert len(source) > MAX_PUBLISHED_BYTES
    out = clean_image(source)
    assert len(out) <= MAX_PUBLISHED_BYTES
    assert max(Image.open(io.BytesIO(out)).size) < 1500


@pytest.mark.parametrize(
    "source",
    [b"", b"not an image", encoded(picture(), "GIF"), encoded(picture(), "PNG")[:60]],
)
def test_what_is_not_a_usable_image_is_refused(source: bytes) -> None:
    with pytest.raises(ImageRefused):
        clean_image(source)


def test_the_cache_decodes_an_unchanged_image_once_and_forgets_what_is_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "logo.png"
    source.write_bytes(PERSONAL["PNG tEXt Author"][0]())
    first = PublishedImages(tmp_path / "cache").publish(source)
    assert first == clean_image(source.read_bytes())

    def must_not_decode(data: bytes) -> bytes:
        raise AssertionError("decoded although cached")

    monkeypatch.setattr(publish, "clean_image", must_not_decode)
    again = PublishedImages(tmp_path / "cache")
    assert again.publish(source) == first
    monkeypatch.undo()

    source.write_bytes(HARMLESS["plain PNG"]())
    changed = PublishedImages(tmp_path / "cache")
    assert changed.publish(source) == clean_image(source.read_bytes())
    assert changed.forget_unused() == 1
    assert len(list((tmp_path / "cache").glob("*/*"))) == 1


def test_an_unusable_image_names_its_file(tmp_path: Path) -> None:
    broken = tmp_path / "logo.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n broken")
    with pytest.raises(UnpublishableImage, match=r"logo\.png 无法发布"):
        PublishedImages(tmp_path / "cache").publish(broken)
