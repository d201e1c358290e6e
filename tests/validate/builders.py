"""Bad inputs that cannot sit in the repository as plain text files.

Binary images, non-UTF-8 bytes, CRLF line ends, oversized files and symlinks are made at
test time (keeping committed files tiny and byte-exact). Each builder writes into the
fixture repository for the case of the same name under cases/.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from tests.image_samples import (
    HTML_PAYLOAD,
    PRIVATE_ASCII,
    XMP,
    encoded,
    exif_with,
    picture,
    png_chunk,
    png_with_text,
    zip_payload,
)
from tests.validate.input_builders import INPUT_BUILDERS, PROJECT_TEMPLATE
from tests.validate.repository_builders import REPOSITORY_BUILDERS

PROJECT = PROJECT_TEMPLATE.format(id="foo", name="测试项目")
PROJECT_FILE = Path("projects/textile/foo.yaml")


def _project_with_logo(root: Path, logo_bytes: bytes | None = None) -> Path:
    (root / PROJECT_FILE).write_text(PROJECT + "logo: logo.png\n", encoding="utf-8")
    folder = root / "projects/textile/foo"
    folder.mkdir(parents=True, exist_ok=True)
    if logo_bytes is not None:
        (folder / "logo.png").write_bytes(logo_bytes)
    return folder


def png_claiming(width: int, height: int) -> bytes:
    """A valid PNG header whose IHDR claims `width`×`height`: a decompression bomb's face."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IEND", b"")


def oversized_file(root: Path) -> None:
    padding = "description: |\n" + "  这是一段很长的介绍。\n" * 4000
    (root / PROJECT_FILE).write_text(PROJECT + padding, encoding="utf-8")


def gbk_encoding(root: Path) -> None:
    (root / PROJECT_FILE).write_bytes(PROJECT.encode("gbk"))


def bom_crlf_accepted(root: Path) -> None:
    (root / PROJECT_FILE).write_bytes(b"\xef\xbb\xbf" + PROJECT.replace("\n", "\r\n").encode())


def logo_not_an_image(root: Path) -> None:
    _project_with_logo(root, "我其实是一个文本文件，只是改了扩展名。\n".encode())


def decompression_bomb(root: Path) -> None:
    _project_with_logo(root, png_claiming(100_000, 100_000))


def logo_symlink_escape(root: Path) -> None:
    folder = _project_with_logo(root)
    outside = root / "content/secret.png"
    Image.new("RGB", (8, 8)).save(outside)
    (folder / "logo.png").symlink_to(outside)


def logo_truncated(root: Path) -> None:
    folder = _project_with_logo(root)
    Image.effect_noise((256, 256), 60).save(folder / "logo.png")
    whole = (folder / "logo.png").read_bytes()
    (folder / "logo.png").write_bytes(whole[: len(whole) // 2])


def logo_valid_png(root: Path) -> None:
    folder = _project_with_logo(root)
    Image.new("RGBA", (64, 64), (200, 30, 30, 255)).save(folder / "logo.png")


def image_metadata_logo(root: Path) -> None:
    exif = exif_with({0x013B: PRIVATE_ASCII}, gps=True)
    _project_with_logo(root, encoded(picture(), "JPEG", exif=exif))


def project_folder_files(root: Path) -> None:
    """Files a careless secretary drops into a college folder, and an image no field names;
    Finder's .DS_Store is no data and not reported (git leaves it out of commits)."""
    textile = root / "projects/textile"
    (textile / "roster.docx").write_bytes(b"PK\x03\x04 word roster")
    (textile / "notes.txt").write_text("名单另附\n", encoding="utf-8")
    (textile / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    folder = textile / "good-yarn"
    folder.mkdir()
    (folder / "photo.jpg").write_bytes(encoded(picture(), "JPEG", exif=exif_with(gps=True)))
    (folder / "diagram.png").write_bytes(encoded(picture(), "PNG"))
    (folder / "team.xlsx").write_bytes(b"PK\x03\x04 sheet")


def utf16_encoding(root: Path) -> None:
    """What Windows Notepad writes when "Unicode" is chosen: UTF-16 with a BOM."""
    (root / PROJECT_FILE).write_text(PROJECT, encoding="utf-16")


def image_trailing_data(root: Path) -> None:
    """A logo with a zip appended (a polyglot), and a story image with HTML appended."""
    _project_with_logo(root, encoded(picture(), "PNG") + zip_payload())
    folder = root / "content/stories/2025-good-yarn"
    folder.mkdir(parents=True)
    (folder / "workshop.png").write_bytes(encoded(picture(), "PNG") + HTML_PAYLOAD)


def image_metadata_harmless(root: Path) -> None:
    exif = exif_with({0x010F: "Canon", 0x0110: "EOS R6", 0x0112: 1})
    _project_with_logo(root, encoded(picture(), "JPEG", exif=exif))


def image_metadata_story(root: Path) -> None:
    folder = root / "content/stories/2025-good-yarn"
    folder.mkdir(parents=True)
    (folder / "workshop.png").write_bytes(png_with_text("Author", PRIVATE_ASCII))


def image_metadata_page(root: Path) -> None:
    folder = root / "content/pages/img"
    folder.mkdir(parents=True)
    (folder / "screenshot.webp").write_bytes(encoded(picture(), "WEBP", xmp=XMP.encode()))
    (folder / "diagram.png").write_bytes(encoded(picture(), "PNG"))


def personal_institutional_contact(root: Path) -> None:
    """The service schema with a contact field marked as an institutional contact (the
    registries' own contact fields come with a later change)."""
    path = root / "schemas/service.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["properties"]["services"]["items"]["properties"]["contact"] = {
        "type": "string",
        "title": "联系方式",
        "maxLength": 200,
        "x-personal-data": "institutional-contact",
    }
    path.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")


def contact_qr_image(root: Path) -> None:
    """A college's QR image that carries personal metadata, checked like every image."""
    folder = root / "content/pages/img"
    folder.mkdir(parents=True)
    (folder / "qr-jingwei.png").write_bytes(png_with_text("Author", PRIVATE_ASCII))


BUILDERS: dict[str, Callable[[Path], None]] = {
    "oversized-file": oversized_file,
    "gbk-encoding": gbk_encoding,
    "bom-crlf-accepted": bom_crlf_accepted,
    "logo-not-an-image": logo_not_an_image,
    "decompression-bomb": decompression_bomb,
    "logo-symlink-escape": logo_symlink_escape,
    "logo-truncated": logo_truncated,
    "logo-valid-png": logo_valid_png,
    "image-metadata-logo": image_metadata_logo,
    "image-trailing-data": image_trailing_data,
    "utf16-encoding": utf16_encoding,
    "project-folder-files": project_folder_files,
    "image-metadata-harmless": image_metadata_harmless,
    "image-metadata-story": image_metadata_story,
    "image-metadata-page": image_metadata_page,
    "personal-institutional-contact": personal_institutional_contact,
    "contact-qr-image": contact_qr_image,
}
BUILDERS.update(INPUT_BUILDERS)
BUILDERS.update(REPOSITORY_BUILDERS)
