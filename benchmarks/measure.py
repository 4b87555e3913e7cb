"""Timing builds: one ``mkdocs build`` per subprocess, wall time and that process's peak memory.

The peak resident set comes from ``os.wait4``, which returns the resource usage of exactly
the child waited for (``RUSAGE_CHILDREN`` would give the largest of all children so far).
Builds run in ``--strict`` without ``--quiet``: MkDocs' quiet mode hides warnings from the
strict counter, so a quiet strict build can pass with problems.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

BIN = Path(sys.executable).parent
ENV = {
    **os.environ,
    "NO_MKDOCS_2_WARNING": "1",
    "SOURCE_DATE_EPOCH": "1700000000",
    "GITHUB_ACTIONS": "false",
    "PYTHONHASHSEED": "0",
}


class BuildFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class Sample:
    seconds: float
    peak_mb: float


@dataclass
class Series:
    """Samples of one configuration, in the order they were taken."""

    samples: list[Sample] = field(default_factory=list)

    @property
    def times(self) -> list[float]:
        return [s.seconds for s in self.samples]

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def low(self) -> float:
        return min(self.times)

    @property
    def high(self) -> float:
        return max(self.times)

    @property
    def peak_mb(self) -> float:
        return max(s.peak_mb for s in self.samples)

    def spread(self) -> str:
        return f"{self.median:.2f} ({self.low:.2f}–{self.high:.2f})"


def build(project: Path, strict: bool = True) -> Sample:
    """Build ``project`` once into a scratch folder; raise with MkDocs' output on failure."""
    with (
        tempfile.TemporaryDirectory(prefix="bench-site-") as site,
        tempfile.TemporaryFile("w+") as log,
    ):
        cmd = [str(BIN / "mkdocs"), "build", "--site-dir", site, *(["--strict"] if strict else [])]
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=project, env=ENV, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            log.seek(0)
            raise BuildFailed(f"mkdocs build failed in {project}:\n{log.read()[-4000:]}")
    return Sample(seconds, usage.ru_maxrss / 1024)


def interleaved(builds: dict[str, Callable[[], Sample]], rounds: int) -> dict[str, Series]:
    """``rounds`` of one build of each, the order rotated every round so that no
    configuration always runs first (or right after the same other one)."""
    names = list(builds)
    out = {name: Series() for name in names}
    for r in range(rounds):
        shift = r % len(names)
        for name in names[shift:] + names[:shift]:
            out[name].samples.append(builds[name]())
    return out
