"""A synthetic dataset of about a million triples in govgraph's own shape, cached in bench/out/.

Records come from `synthetic_extractions.synthetic_corpus` (Zipf-like actor popularity, made-up
sentences) and go through govgraph's real graph builder and writer, so statements, mentions,
named graphs and actor descriptions are exactly what `govgraph build` produces.
"""

from __future__ import annotations

from pathlib import Path

from harness import PROJECT_DIR
from synthetic_extractions import synthetic_corpus

from graph.build import build_dataset
from graph.store import write_dataset

OUT_DIR = PROJECT_DIR / "bench" / "out"
# about 33 triples per statement with its mentions and actors: 30,300 statements ≈ 1.0M triples
STATEMENTS = 30_300


def synthetic_graph(statements: int = STATEMENTS) -> tuple[Path, int]:
    """The TriG file of the synthetic dataset (built on first use) and its triple count."""
    path = OUT_DIR / f"synthetic-{statements}.trig"
    count_file = path.with_suffix(".count")
    if not path.exists() or not count_file.exists():
        OUT_DIR.mkdir(parents=True, exist_ok=True)
        store = build_dataset(
            synthetic_corpus(documents=100, actors=10_000, statements=statements, seed=11)
        )
        write_dataset(store, path)
        count_file.write_text(str(len(store.oxigraph)))
    return path, int(count_file.read_text())
