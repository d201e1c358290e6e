"""Images that come from contributors: opened safely, checked for metadata, published clean.

- `decode`: open untrusted bytes with the format and size read from the header before a
  single pixel is decoded (decompression bombs), then verify and decode them.
- `metadata`: name the location and personal metadata an image carries (EXIF GPS, owner,
  author, comments, maker notes, XMP, IPTC, PNG text), never its values.
- `publish`: the one door every published image goes through: re-encoded without any
  metadata or trailing bytes, size bounded, deterministic, cached by content.
- `strip`: rewrites a file through that door (``invoke strip-images PATH…``).

`page_image_files` is the one answer to "which files under ``content/pages/`` are images":
the build publishes them and the validator checks them.
"""

from __future__ import annotations

from pathlib import Path

from showcase.load.files import walk_files

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif", ".svg")
"""What counts as an image file by name; its real type is always read from its content."""


def page_image_files(pages_dir: Path) -> list[Path]:
    """Every image file under `pages_dir` (screenshots, photos), sorted; empty if none.

    Symlinks are never followed (the validator reports them as ``file.symlink``)."""
    return [path for path in walk_files(pages_dir)[0] if path.suffix.lower() in IMAGE_SUFFIXES]
