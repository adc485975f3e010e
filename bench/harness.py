"""Shared benchmark machinery: interleaved timing, child processes with peak memory, results."""

from __future__ import annotations

import gc
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
SHARED_DIR = PROJECT_DIR.parent / "shared"
CORPUS_DIR = SHARED_DIR / "corpus"
VENV_BIN = PROJECT_DIR / ".venv" / "bin"


@dataclass(frozen=True)
class Headline:
    """One figure of the summary: a measurement as a ratio against an anchor of the same run."""

    benchmark: str
    measured: str
    anchor: str
    ratio: float
    target: str
    met: bool | None  # None when the benchmark has no target


@dataclass
class Section:
    """What one benchmark contributes to RESULTS.md: headline figures and a detailed table."""

    title: str
    method: str
    headlines: list[Headline] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)  # first row is the header
    notes: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        """The section as Markdown."""
        parts = [f"## {self.title}", "", self.method, ""]
        if self.table:
            header, *rows = self.table
            parts.append("| " + " | ".join(header) + " |")
            parts.append("|" + "|".join(" --- " for _ in header) + "|")
            parts += ["| " + " | ".join(row) + " |" for row in rows]
            parts.append("")
        parts += [f"- {note}" for note in self.notes]
        return "\n".join(parts).rstrip() + "\n"


def interleaved(
    variants: dict[str, Callable[[], object]], repetitions: int, warmup: bool = False
) -> dict[str, list[float]]:
    """Time each variant ``repetitions`` times in turns (A B C A B C), so drift hits all alike."""
    if warmup:
        for run in variants.values():
            run()
    times: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(repetitions):
        for name, run in variants.items():
            gc.collect()  # the previous variant's garbage must not be collected on this one's clock
            start = time.perf_counter()
            result = run()
            times[name].append(time.perf_counter() - start)
            del result  # freeing what the run built (a whole store) is not part of its time
    return times


def median_ratio(numerator: Sequence[float], denominator: Sequence[float]) -> float:
    """The median of per-repetition ratios: robust to a noisy shared machine."""
    return statistics.median(a / b for a, b in zip(numerator, denominator, strict=True))


@dataclass(frozen=True)
class ChildRun:
    """A finished child process: wall time, its own peak resident memory, and its output."""

    seconds: float
    peak_mib: float
    returncode: int
    stdout: str
    stderr: str
    timed_out: bool


def python_command(*arguments: str) -> list[str]:
    """The project's Python running a script or ``-m module`` with arguments."""
    return [str(VENV_BIN / "python"), *arguments]


GNU_TIME = Path("/usr/bin/time")


def run_measured(
    command: Sequence[str], timeout: float | None = None, cwd: Path | None = None
) -> ChildRun:
    """Run a command in a fresh process: its wall time and its peak RSS in MiB.

    The peak comes from GNU time (whose small process forks the command), because a child
    forked straight from this Python inherits the runner's own high-water mark.
    """
    with tempfile.TemporaryDirectory() as scratch:
        peak_file = Path(scratch) / "peak"
        wrapped = list(command)
        if GNU_TIME.exists():
            wrapped = [str(GNU_TIME), "-f", "%M", "-o", str(peak_file), *wrapped]
        out, err = Path(scratch) / "out", Path(scratch) / "err"
        with out.open("w") as stdout, err.open("w") as stderr:
            start = time.perf_counter()
            process = subprocess.Popen(
                wrapped, stdout=stdout, stderr=stderr, cwd=cwd, start_new_session=True
            )
            try:
                process.wait(timeout=timeout)
                timed_out = False
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)  # the command and GNU time with it
                process.wait()
                timed_out = True
            seconds = time.perf_counter() - start
        peak_kib = float("nan")
        if peak_file.exists() and peak_file.read_text().strip():
            peak_kib = float(peak_file.read_text().split()[-1])
        return ChildRun(
            seconds=seconds,
            peak_mib=peak_kib / 1024,
            returncode=process.returncode,
            stdout=out.read_text(),
            stderr=err.read_text(),
            timed_out=timed_out,
        )


def machine() -> str:
    """A one-line description of this machine and of the Python that runs the benchmarks."""
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{os.cpu_count()} × {cpu}, {memory:.0f} GiB RAM, "
        f"{platform.system()} {platform.release()}, Python {sys.version.split()[0]}"
    )
