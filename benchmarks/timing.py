"""Timing helper shared by the benchmark scripts (run as `python benchmarks/<script>.py`)."""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from pathlib import Path


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """The fastest of `repeat` runs, in seconds: the least disturbed by other load."""
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    return min(timings)


def synthetic_arguments(doc: str, out: str, argv: list[str] | None) -> argparse.Namespace:
    """--count, --seed, --repeat and --out of a benchmark over one synthetic repository."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--count", type=int, default=10000, help="number of synthetic projects")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; best counts")
    parser.add_argument(
        "--out", type=Path, default=Path(out), help="where the synthetic repository is written"
    )
    return parser.parse_args(argv)


def user_environment() -> dict[str, str]:
    """This environment as a user's shell has it for a measured command: Python may write
    its bytecode cache (a sandbox's ``PYTHONDONTWRITEBYTECODE=1`` made every build compile
    our ~150 modules again, ~0.3 s, while the libraries it is compared with come compiled)."""
    return {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
