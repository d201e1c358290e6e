"""``invoke synth --count N --out DIR --seed S``: a synthetic repository for benchmarks.

The repository itself is `showcase.synth.write_repository`; this says where it went, or
why the output folder could not be used.
"""

from __future__ import annotations

import sys
from pathlib import Path

from showcase.synth import SynthError, write_repository


def synth(root: Path, out: str, count: int, seed: int) -> int:
    """Write `count` synthetic projects into `out`; 0 on success, 1 when refused."""
    try:
        write_repository(root, Path(out), count, seed)
    except SynthError as error:
        print(str(error), file=sys.stderr)
        return 1
    print(f"已生成 {count} 个合成项目：{out}")
    return 0
