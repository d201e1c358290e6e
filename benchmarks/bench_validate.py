"""How much slower is `invoke validate` than merely parsing the same files?

Writes a synthetic repository with ``--count`` projects (``showcase.synth``), then times
(a) parsing every project file with PyYAML's C loader and (b) `validate_repository` on
the whole repository: positions, schemas, cross-record rules, personal-data scan, logos.
The target is (b) ≤ 2.5 × (a). Each figure is the best of ``--repeat`` runs, so a busy
machine does not make either side look worse than it is.

    python benchmarks/bench_validate.py --count 10000
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import yaml
from timing import best_of, synthetic_arguments

from showcase.paths import Layout, repository_root
from showcase.synth import write_repository
from showcase.validate import validate_repository

TARGET_RATIO = 2.5


def parse_only(files: list[Path]) -> None:
    for file in files:
        with file.open("rb") as stream:
            yaml.load(stream, Loader=yaml.CSafeLoader)


def main(argv: list[str] | None = None) -> int:
    args = synthetic_arguments(__doc__, "benchmarks/out/validate", argv)

    write_repository(repository_root(), args.out, args.count, args.seed)
    layout = Layout(args.out.resolve())
    files = layout.project_files()
    today = datetime.date.today()

    result = validate_repository(layout, today=today)  # also warms the OS file cache
    parse_seconds = best_of(args.repeat, lambda: parse_only(files))
    validate_seconds = best_of(args.repeat, lambda: validate_repository(layout, today=today))
    ratio = validate_seconds / parse_seconds

    print(
        f"项目文件：{len(files)} 个（共检查 {result.files_checked} 个文件，"
        f"{result.errors} 个错误，{result.warnings} 个警告）"
    )
    print(f"(a) 仅解析（yaml.CSafeLoader）：{parse_seconds:.3f} 秒")
    print(f"(b) validate_repository：     {validate_seconds:.3f} 秒")
    print(
        f"比值 (b)/(a)：{ratio:.2f}×（目标 ≤ {TARGET_RATIO}×）"
        + ("，达标" if ratio <= TARGET_RATIO else "，未达标")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
