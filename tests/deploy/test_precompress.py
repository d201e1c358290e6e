"""Precompression over any content: the twins always decompress to the original."""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

import brotli
from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.deploy.precompress import BROTLI_QUALITY, precompress

CODECS = (
    (".gz", gzip.decompress, lambda data: gzip.compress(data, compresslevel=9, mtime=0)),
    (".br", brotli.decompress, lambda data: brotli.compress(data, quality=BROTLI_QUALITY)),
)


@settings(max_examples=40, deadline=None)
@given(
    texts=st.dictionaries(
        st.sampled_from(["a.html", "b.css", "c.js", "d.json", "e.ics", "f.svg", "g.xml"]),
        st.one_of(st.text(min_size=0, max_size=3000), st.binary(max_size=3000)),
        min_size=1,
    )
)
def test_twins_decompress_to_the_original_and_are_only_written_when_smaller(
    texts: dict[str, str | bytes],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, content in texts.items():
            data = content.encode() if isinstance(content, str) else content
            (root / name).write_bytes(data)
        result = precompress(root)
        assert result.files == len(texts)
        for name in texts:
            original = (root / name).read_bytes()
            for suffix, decode, encode in CODECS:
                twin = root / f"{name}{suffix}"
                if twin.exists():
                    assert decode(twin.read_bytes()) == original
                    assert twin.stat().st_size < len(original)
                    assert twin.stat().st_mtime_ns == (root / name).stat().st_mtime_ns
                else:  # left out only when it would not have been smaller
                    assert len(encode(original)) >= len(original)


def test_the_same_content_compresses_to_the_same_bytes(tmp_path: Path) -> None:
    """So rsync --link-dest can link an unchanged page's twins instead of sending them."""
    for run in ("one", "two"):
        (tmp_path / run).mkdir()
        (tmp_path / run / "index.html").write_text("<p>众创空间</p>" * 100, encoding="utf-8")
        precompress(tmp_path / run)
    for suffix in (".gz", ".br"):
        first, second = (tmp_path / run / f"index.html{suffix}" for run in ("one", "two"))
        assert first.read_bytes() == second.read_bytes()
