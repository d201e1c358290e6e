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
from showcase.paths import Layout, is_image_name


def page_image_files(layout: Layout) -> list[Path]:
    """Every image file under the hand-written pages (screenshots, photos), sorted.

    An image's real type is always read from its content; the name only picks the files.
    Symlinks are never followed (the validator reports them as ``file.symlink``)."""
    return [path for path in walk_files(layout.pages_dir)[0] if is_image_name(path.name)]
