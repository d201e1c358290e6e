"""Which location or personal metadata an image carries, named, never quoted.

Cameras and phones write where a photo was taken (EXIF GPS), who owns the camera, its
serial numbers and free-text fields (author, copyright, comments, Windows' XP* tags); maker
notes hold vendor data that can include any of these; XMP and IPTC packets carry authors,
places and edit histories; PNG text chunks and JPEG comments hold any text at all. The
repository is public, so such an image must not be committed; `personal_metadata` names
what it found so the validator can say so without repeating a private value.

Harmless fields stay allowed (orientation, resolution, camera make and model, colour
profiles, a PNG's ``Software`` chunk): publishing drops them anyway (`publish`).

Example::

    personal_metadata(decode(data))   # ["GPS 位置信息", "作者（Artist）"]
"""

from __future__ import annotations

import re

from PIL import ExifTags, Image

GPS = "GPS 位置信息"

_MAIN_TAGS = {
    0x010E: "图片说明（ImageDescription）",
    0x013B: "作者（Artist）",
    0x013C: "计算机名（HostComputer）",
    0x8298: "版权（Copyright）",
    0x9C9B: "Windows 标题（XPTitle）",
    0x9C9C: "Windows 备注（XPComment）",
    0x9C9D: "Windows 作者（XPAuthor）",
    0x9C9E: "Windows 标记（XPKeywords）",
    0x9C9F: "Windows 主题（XPSubject）",
}
_EXIF_TAGS = {
    0x927C: "相机厂商数据（MakerNote）",
    0x9286: "用户注释（UserComment）",
    0xA430: "相机所有者（CameraOwnerName）",
    0xA431: "相机序列号（BodySerialNumber）",
    0xA435: "镜头序列号（LensSerialNumber）",
}
_HARMLESS_TEXT = frozenset({"Software", "Creation Time", "date:create", "date:modify"})
"""PNG text chunks that image tools write on their own and that say nothing about a person."""
_HARMLESS_APP = (
    ("APP0", (b"JFIF\0", b"JFXX\0")),
    ("APP1", (b"Exif\0",)),  # read through getexif below
    ("APP2", (b"ICC_PROFILE\0",)),
    ("APP14", (b"Adobe",)),
)
_XMP_APP1 = (b"http://ns.adobe.com/xap/1.0/\0", b"http://ns.adobe.com/xmp/extension/\0")
_PLAIN_KEYWORD = re.compile(r"[A-Za-z][A-Za-z0-9 :._-]{0,39}")


def personal_metadata(image: Image.Image) -> list[str]:
    """What location or personal metadata `image` (as Pillow opened it) carries, in order."""
    found = [*_exif_findings(image), *_container_findings(image)]
    return list(dict.fromkeys(found))


def _exif_findings(image: Image.Image) -> list[str]:
    try:
        exif = image.getexif()
        found = [label for tag, label in _MAIN_TAGS.items() if _filled(exif.get(tag))]
        if exif.get_ifd(ExifTags.IFD.GPSInfo):
            found.insert(0, GPS)
        details = exif.get_ifd(ExifTags.IFD.Exif)
        found += [label for tag, label in _EXIF_TAGS.items() if _filled(details.get(tag))]
        if exif.get_ifd(ExifTags.IFD.IFD1):
            found.append("EXIF 缩略图（可能是裁剪前的原图）")
    except Exception:  # a malformed EXIF block is itself something to strip
        return ["无法解析的 EXIF 数据"]
    return found


def _container_findings(image: Image.Image) -> list[str]:
    found = []
    if _filled(image.info.get("xmp")):
        found.append("XMP 元数据")
    for marker, content in getattr(image, "applist", ()):
        if marker == "APP1" and content.startswith(_XMP_APP1):
            found.append("XMP 元数据")
        elif marker == "APP13":
            found.append("IPTC/Photoshop 元数据")
        elif marker == "COM":
            if _filled(content):
                found.append("JPEG 注释（COM）")
        elif not any(marker == m and content.startswith(p) for m, p in _HARMLESS_APP):
            found.append(f"厂商自定义数据段（{marker}）")
    for keyword, value in getattr(image, "text", {}).items():
        if keyword == "XML:com.adobe.xmp":
            found.append("XMP 元数据")
        elif keyword not in _HARMLESS_TEXT and _filled(value):
            name = keyword if _PLAIN_KEYWORD.fullmatch(keyword) else "名称不规范"
            found.append(f"PNG 文字块（{name}）")
    return found


def _filled(value: object) -> bool:
    """Whether a field holds anything but padding (cameras often write blank ones)."""
    if value is None:
        return False
    if isinstance(value, tuple):  # Windows XP* tags may come as a tuple of byte values
        value = bytes(v for v in value if isinstance(v, int) and 0 <= v < 256)
    if isinstance(value, bytes):
        if value[:8] in (b"ASCII\0\0\0", b"UNICODE\0", b"JIS\0\0\0\0\0", b"\0" * 8):
            value = value[8:]  # UserComment's character-code prefix
        return bool(value.strip(b"\0 \t\r\n"))
    return bool(str(value).strip("\0 \t\r\n"))
