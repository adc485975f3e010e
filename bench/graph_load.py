"""Benchmark 4: loading a 1M-triple dataset file: `GraphStore.load` against pyoxigraph's bulk load.

Both start from an empty in-memory store and read the same TriG file; repetitions are
interleaved and the ratio is the median of per-repetition ratios.
"""

from __future__ import annotations

import statistics
from pathlib import Path

import pyoxigraph
from harness import Headline, Section, interleaved, median_ratio

from graph.store import GraphStore

TARGET = 1.5


def run(path: Path, triples: int, repetitions: int = 3) -> Section:
    """Time both loaders on the same file."""

    def govgraph() -> object:
        return GraphStore.load(path)

    def raw() -> object:
        store = pyoxigraph.Store()
        store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.TRIG)
        return store

    times = interleaved({"govgraph": govgraph, "pyoxigraph": raw}, repetitions)
    ratio = median_ratio(times["govgraph"], times["pyoxigraph"])
    section = Section(
        title="4. Loading a 1M-triple graph",
        method=(__doc__ or "").split("\n\n", 1)[1].replace("\n", " ")
        + f" File: {path.name}, {triples:,} triples, "
        f"{path.stat().st_size / 2**20:,.0f} MiB of TriG, {repetitions} repetitions.",
    )
    section.table = [["loader", "median s", "triples/s"]]
    for name, label in (("govgraph", "`GraphStore.load`"), ("pyoxigraph", "`Store().bulk_load`")):
        seconds = statistics.median(times[name])
        section.table.append([label, f"{seconds:.2f}", f"{triples / seconds:,.0f}"])
    section.headlines.append(
        Headline(
            benchmark="load 1M triples",
            measured=f"GraphStore.load {statistics.median(times['govgraph']):.2f} s",
            anchor=f"pyoxigraph bulk_load {statistics.median(times['pyoxigraph']):.2f} s",
            ratio=ratio,
            target=f"<= {TARGET}",
            met=ratio <= TARGET,
        )
    )
    return section
