"""Bad inputs that cannot sit in the repository as plain text files.

Binary images, non-UTF-8 bytes, CRLF line ends, oversized files and symlinks are made at
test time (keeping committed files tiny and byte-exact). Each builder writes into the
fixture repository for the case of the same name under cases/.
"""

from __future__ import annotations

import json
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

from PIL import Image

PROJECT = """\
id: foo
name: 测试项目
college: textile
level: nursery
stage: seed
status: active
fields:
  - textile-apparel
summary: 一个用于测试校验规则的项目，内容完全虚构，只为触发一条规则。
started: 2024-03
team:
  - name: 测试同学
    role: 负责人
"""
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

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


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


BUILDERS: dict[str, Callable[[Path], None]] = {
    "oversized-file": oversized_file,
    "gbk-encoding": gbk_encoding,
    "bom-crlf-accepted": bom_crlf_accepted,
    "logo-not-an-image": logo_not_an_image,
    "decompression-bomb": decompression_bomb,
    "logo-symlink-escape": logo_symlink_escape,
    "logo-truncated": logo_truncated,
    "logo-valid-png": logo_valid_png,
    "personal-institutional-contact": personal_institutional_contact,
}
