"""Benchmark: building the dataset from records: store backends, incremental rebuild, reopening.

Input is `synthetic_extractions.synthetic_corpus` at seed-corpus scale (5 documents, 300
actors, ~4,000 statements, ~8,000 mentions), so extraction cost is left out and only the graph
layer is timed. Three questions, each answered with a ratio from the same run:
1. backend: `build_dataset` into Oxigraph in memory (the default) against an on-disk Oxigraph
   folder and against rdflib's in-memory `Dataset` (the fallback), same quads;
2. incremental: `replace_documents` for one changed document of five against a full build;
3. reopening: `GraphStore.open` on a saved store folder against `GraphStore.load` of TriG.

Usage: ``.venv/bin/python bench/graph_store.py [--repetitions N]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pyoxigraph as ox  # noqa: E402
from harness import Headline, Section, interleaved, median_ratio  # noqa: E402
from rdflib import BNode, Dataset, Literal, URIRef  # noqa: E402
from rdflib.term import Node  # noqa: E402
from synthetic_extractions import synthetic_corpus  # noqa: E402

from graph.build import build_dataset, document_quads, replace_documents  # noqa: E402
from graph.store import GraphStore, write_dataset, write_store_folder  # noqa: E402


def _rdflib_term(term: object) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise TypeError(term)


def build_rdflib_memory(extractions: list) -> Dataset:
    """The fallback: the same document quads added to rdflib's in-memory Dataset."""
    dataset = Dataset()
    dataset.addN(
        (
            _rdflib_term(q.subject),
            _rdflib_term(q.predicate),
            _rdflib_term(q.object),
            dataset.graph(URIRef(str(q.graph_name.value))),  # type: ignore[union-attr]
        )
        for extraction in extractions
        for q in document_quads(extraction)
    )
    return dataset


def _changed(extractions: list) -> list:
    """The last document with a new content hash and one statement fewer."""
    last = extractions[-1]
    info = replace(last.document, content_hash="f" * 64)
    return [replace(last, document=info, statements=last.statements[:-1])]


def _backends(extractions: list, repetitions: int, scratch: Path) -> dict[str, list[float]]:
    counter = iter(range(10**6))

    def on_disk() -> object:
        return build_dataset(extractions, into=GraphStore.open(scratch / f"s{next(counter)}"))

    return interleaved(
        {
            "oxigraph memory": lambda: build_dataset(extractions),
            "oxigraph folder": on_disk,
            "rdflib memory": lambda: build_rdflib_memory(extractions),
        },
        repetitions,
        warmup=True,
    )


def _incremental(extractions: list, repetitions: int) -> tuple[list[float], list[float]]:
    changed = _changed(extractions)
    full, partial = [], []
    for _ in range(repetitions):
        start = time.perf_counter()
        store = build_dataset(extractions)
        full.append(time.perf_counter() - start)
        start = time.perf_counter()
        replace_documents(store, changed)
        partial.append(time.perf_counter() - start)
    return full, partial


def _reopen(extractions: list, repetitions: int, scratch: Path) -> dict[str, list[float]]:
    store = build_dataset(extractions)
    trig, folder = scratch / "dataset.trig", scratch / "folder"
    write_dataset(store, trig)
    write_store_folder(store, folder)
    return interleaved(
        {
            "open folder": lambda: GraphStore.open(folder),
            "load trig": lambda: GraphStore.load(trig),
        },
        repetitions,
        warmup=True,
    )


def _faster(
    benchmark: str, measured: tuple[str, list[float]], anchor: tuple[str, list[float]]
) -> Headline:
    """A headline whose target is to take less time than its anchor."""
    ratio = median_ratio(measured[1], anchor[1])
    return Headline(
        benchmark=benchmark,
        measured=f"{measured[0]} {statistics.median(measured[1]):.3f} s",
        anchor=f"{anchor[0]} {statistics.median(anchor[1]):.3f} s",
        ratio=ratio,
        target="< 1",
        met=ratio < 1,
    )


def run(repetitions: int = 5) -> Section:
    """Time the three comparisons and return them as a RESULTS.md section."""
    extractions = synthetic_corpus()
    statements = sum(len(e.statements) for e in extractions)
    quads = len(build_dataset(extractions).oxigraph)
    section = Section(
        title="Graph layer: store backends, incremental rebuild, reopening",
        method=" ".join((__doc__ or "").split("\n\n", 1)[1].split("\n\nUsage")[0].split())
        + f" {statements:,} statements, {quads:,} quads, {repetitions} repetitions.",
    )
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        backends = _backends(extractions, repetitions, scratch)
        full, partial = _incremental(extractions, repetitions)
        reopen = _reopen(extractions, repetitions, scratch)
    section.table = [["operation", "median s", "ratio to anchor"]]
    anchor = backends["oxigraph memory"]
    for name, times in backends.items():
        ratio = median_ratio(times, anchor)
        section.table.append([f"build, {name}", f"{statistics.median(times):.3f}", f"{ratio:.2f}"])
    incremental_ratio = median_ratio(partial, full)
    section.table.append(["full build", f"{statistics.median(full):.3f}", "1.00"])
    section.table.append(
        [
            "replace 1 of 5 documents",
            f"{statistics.median(partial):.3f}",
            f"{incremental_ratio:.2f}",
        ]
    )
    for name, times in reopen.items():
        ratio = median_ratio(times, reopen["load trig"])
        section.table.append([name, f"{statistics.median(times):.4f}", f"{ratio:.3f}"])
    section.headlines += [
        _faster(
            "graph: incremental replace of 1 of 5 documents",
            ("replace_documents", partial),
            ("build_dataset", full),
        ),
        _faster(
            "graph: default backend against rdflib in memory",
            ("oxigraph", anchor),
            ("rdflib memory", backends["rdflib memory"]),
        ),
        _faster(
            "graph: reopen a saved store folder",
            ("GraphStore.open", reopen["open folder"]),
            ("GraphStore.load TriG", reopen["load trig"]),
        ),
    ]
    return section


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repetitions", type=int, default=5)
    print(run(parser.parse_args().repetitions).markdown())
