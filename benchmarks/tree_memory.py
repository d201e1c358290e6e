"""Peak memory of a process together with every process it starts, sampled.

``os.wait4`` gives a child's CPU time including its reaped descendants, but its peak
resident memory is that of the largest single process: a build that renders pages in
worker processes would look smaller than it is. `TreePeak` samples the proportional set
size (PSS: shared pages divided among the processes sharing them, so forked workers are
not counted twice) of the process and all its descendants, from /proc, and keeps the
largest sum. Where /proc is missing it reports 0 and the caller keeps ``ru_maxrss``.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

PROC = Path("/proc")


class TreePeak:
    """Samples every `interval` seconds from creation until `stop()`; `peak_mb` after."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        self.pid = pid
        self.interval = interval
        self.peak_kb = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def stop(self) -> float:
        """Stop sampling; the largest total seen, in MB."""
        self._done.set()
        self._thread.join()
        return self.peak_kb / 1024

    def _sample(self) -> None:
        while not self._done.is_set():
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(p) for p in descendants(self.pid)))
            self._done.wait(self.interval)


def descendants(pid: int) -> list[int]:
    """`pid` and every process below it (one pass over /proc's parent ids)."""
    parents: dict[int, list[int]] = {}
    for entry in os.scandir(PROC) if PROC.is_dir() else ():
        if entry.name.isdigit():
            parent = _parent(int(entry.name))
            if parent is not None:
                parents.setdefault(parent, []).append(int(entry.name))
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        queue.extend(parents.get(current, []))
    return found


def _parent(pid: int) -> int | None:
    try:
        stat = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])  # the name may hold spaces and ")"


def _pss_kb(pid: int) -> int:
    try:
        lines = (PROC / str(pid) / "smaps_rollup").read_text().splitlines()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in lines if line.startswith("Pss:")), 0)
