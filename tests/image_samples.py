"""Real image files with metadata and appended payloads, made with Pillow at test time.

Each sample is bytes that Pillow (and so the validator) accepts as an image. `PRIVATE`
values are planted in the metadata so tests can prove no message or output repeats them.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable

from PIL import ExifTags, Image, ImageCms, PngImagePlugin

PRIVATE = "张小明13800138000"
"""Planted in metadata; it must never be printed or published."""
PRIVATE_ASCII = "Zhang Xiaoming 13800138000"
GPS = {1: "N", 2: (30.0, 15.0, 2.5), 3: "E", 4: (120.0, 5.0, 1.0)}
XMP = f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>{PRIVATE}</dc:creator></x:xmpmeta>'


def picture(mode: str = "RGB", size: tuple[int, int] = (48, 32)) -> Image.Image:
    """A small image with structure, so re-encoding and orientation are visible."""
    image = Image.linear_gradient("L").resize(size).convert(mode)
    if mode in ("RGB", "RGBA"):
        image.paste((200, 30, 30) if mode == "RGB" else (200, 30, 30, 128), (0, 0, 8, 8))
    return image


def encoded(image: Image.Image, kind: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, kind, **options)
    return buffer.getvalue()


def exif_with(
    main: dict[int, object] | None = None,
    details: dict[int, object] | None = None,
    gps: bool = False,
) -> Image.Exif:
    exif = Image.Exif()
    for tag, value in (main or {}).items():
        exif[tag] = value
    if details:
        exif.get_ifd(ExifTags.IFD.Exif).update(details)
    if gps:
        exif[ExifTags.IFD.GPSInfo] = GPS
    return exif


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png_with_text(keyword: str, value: str, how: str = "tEXt") -> bytes:
    info = PngImagePlugin.PngInfo()
    if how == "iTXt":
        info.add_itxt(keyword, value)
    else:
        info.add_text(keyword, value, zip=how == "zTXt")
    return encoded(picture(), "PNG", pnginfo=info)


def png_text_after_pixels(keyword: str, value: str) -> bytes:
    """A tEXt chunk placed after IDAT, where a lazy reader does not look."""
    plain = encoded(picture(), "PNG")
    end = plain.rindex(b"IEND") - 4
    chunk = png_chunk(b"tEXt", keyword.encode("latin-1") + b"\0" + value.encode("latin-1"))
    return plain[:end] + chunk + plain[end:]


def jpeg_with_segment(marker: int, payload: bytes) -> bytes:
    """A JPEG with one extra segment right after SOI (APPn, COM …)."""
    plain = encoded(picture(), "JPEG")
    segment = bytes([0xFF, marker]) + (len(payload) + 2).to_bytes(2, "big") + payload
    return plain[:2] + segment + plain[2:]


def iptc() -> bytes:
    record = b"\x1c\x02\x50" + len(PRIVATE_ASCII).to_bytes(2, "big") + PRIVATE_ASCII.encode()
    block = b"8BIM\x04\x04\x00\x00" + len(record).to_bytes(4, "big") + record
    return jpeg_with_segment(0xED, b"Photoshop 3.0\0" + block)


def zip_payload() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", PRIVATE)
    return buffer.getvalue()


HTML_PAYLOAD = b"<html><script>alert(document.cookie)</script></html>"

SRGB_PROFILE = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()

MAIN = ExifTags.Base
PERSONAL: dict[str, tuple[Callable[[], bytes], str]] = {
    "JPEG EXIF GPS": (lambda: encoded(picture(), "JPEG", exif=exif_with(gps=True)), "GPS 位置信息"),
    "JPEG Artist": (
        lambda: encoded(picture(), "JPEG", exif=exif_with({MAIN.Artist: PRIVATE_ASCII})),
        "作者（Artist）",
    ),
    "JPEG Copyright": (
        lambda: encoded(picture(), "JPEG", exif=exif_with({MAIN.Copyright: PRIVATE_ASCII})),
        "版权（Copyright）",
    ),
    "JPEG ImageDescription": (
        lambda: encoded(picture(), "JPEG", exif=exif_with({MAIN.ImageDescription: PRIVATE_ASCII})),
        "图片说明（ImageDescription）",
    ),
    "JPEG XPAuthor": (
        lambda: encoded(
            picture(), "JPEG", exif=exif_with({0x9C9D: PRIVATE.encode("utf-16-le") + b"\0\0"})
        ),
        "Windows 作者（XPAuthor）",
    ),
    "JPEG XPComment": (
        lambda: encoded(
            picture(), "JPEG", exif=exif_with({0x9C9C: PRIVATE.encode("utf-16-le") + b"\0\0"})
        ),
        "Windows 备注（XPComment）",
    ),
    "JPEG CameraOwnerName": (
        lambda: encoded(picture(), "JPEG", exif=exif_with(details={0xA430: PRIVATE_ASCII})),
        "相机所有者（CameraOwnerName）",
    ),
    "JPEG BodySerialNumber": (
        lambda: encoded(picture(), "JPEG", exif=exif_with(details={0xA431: "SN-0042-7788"})),
        "相机序列号（BodySerialNumber）",
    ),
    "JPEG UserComment": (
        lambda: encoded(
            picture(),
            "JPEG",
            exif=exif_with(details={0x9286: b"UNICODE\0" + PRIVATE.encode("utf-16-be")}),
        ),
        "用户注释（UserComment）",
    ),
    "JPEG MakerNote": (
        lambda: encoded(
            picture(), "JPEG", exif=exif_with(details={0x927C: b"Nikon\0" + PRIVATE.encode()})
        ),
        "相机厂商数据（MakerNote）",
    ),
    "JPEG COM comment": (
        lambda: encoded(picture(), "JPEG", comment=PRIVATE.encode()),
        "JPEG 注释（COM）",
    ),
    "JPEG XMP": (lambda: encoded(picture(), "JPEG", xmp=XMP.encode()), "XMP 元数据"),
    "JPEG IPTC": (iptc, "IPTC/Photoshop 元数据"),
    "JPEG unknown APP segment": (
        lambda: jpeg_with_segment(0xEB, b"Vendor\0" + PRIVATE.encode()),
        "厂商自定义数据段（APP11）",
    ),
    "PNG tEXt Author": (lambda: png_with_text("Author", PRIVATE_ASCII), "PNG 文字块（Author）"),
    "PNG zTXt Comment": (
        lambda: png_with_text("Comment", PRIVATE_ASCII, "zTXt"),
        "PNG 文字块（Comment）",
    ),
    "PNG iTXt Description": (
        lambda: png_with_text("Description", PRIVATE, "iTXt"),
        "PNG 文字块（Description）",
    ),
    "PNG text chunk after the pixels": (
        lambda: png_text_after_pixels("Copyright", PRIVATE_ASCII),
        "PNG 文字块（Copyright）",
    ),
    "PNG text with an odd keyword": (
        lambda: png_with_text("13800138000\u00e9", "x"),
        "PNG 文字块（名称不规范）",
    ),
    "PNG XMP": (lambda: png_with_text("XML:com.adobe.xmp", XMP, "iTXt"), "XMP 元数据"),
    "PNG eXIf GPS": (lambda: encoded(picture(), "PNG", exif=exif_with(gps=True)), "GPS 位置信息"),
    "WebP EXIF GPS": (
        lambda: encoded(picture(), "WEBP", exif=exif_with(gps=True)),
        "GPS 位置信息",
    ),
    "WebP EXIF Artist": (
        lambda: encoded(picture(), "WEBP", exif=exif_with({MAIN.Artist: PRIVATE_ASCII})),
        "作者（Artist）",
    ),
    "WebP XMP": (lambda: encoded(picture(), "WEBP", xmp=XMP.encode()), "XMP 元数据"),
}
"""Hostile or careless images: how each is made, and what the validator must name."""

HARMLESS: dict[str, Callable[[], bytes]] = {
    "plain PNG": lambda: encoded(picture(), "PNG"),
    "palette PNG with transparency": lambda: encoded(picture("P"), "PNG", transparency=0),
    "PNG Software chunk": lambda: png_with_text("Software", "GIMP 2.10"),
    "PNG blank Comment": lambda: png_with_text("Comment", "   "),
    "PNG sRGB profile": lambda: encoded(picture(), "PNG", icc_profile=SRGB_PROFILE),
    "JPEG camera make, model, orientation": lambda: encoded(
        picture(), "JPEG", exif=exif_with({MAIN.Make: "Canon", MAIN.Model: "EOS", 0x0112: 1})
    ),
    "JPEG blank Artist and UserComment": lambda: encoded(
        picture(),
        "JPEG",
        exif=exif_with({MAIN.Artist: "    "}, {0x9286: b"ASCII\0\0\0" + b" " * 20}),
    ),
    "JPEG sRGB profile": lambda: encoded(picture(), "JPEG", icc_profile=SRGB_PROFILE),
    "plain WebP": lambda: encoded(picture("RGBA"), "WEBP"),
}
"""Images the validator accepts (publishing still drops everything but the pixels)."""
