"""The embedded store: one pyoxigraph `Store` seen through rdflib's `Dataset` API.

pyoxigraph answers SPARQL and bulk loads natively (about 14x faster over HTTP than routing
queries through rdflib's algebra); rdflib gives the familiar Graph API for building and
small reads. Both views share one store, so nothing is copied.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
from oxrdflib import OxigraphStore
from rdflib import Dataset

# rdflib/ox format names by file suffix: TriG is the contract's default.
SUFFIX_FORMATS: dict[str, pyoxigraph.RdfFormat] = {
    ".trig": pyoxigraph.RdfFormat.TRIG,
    ".nq": pyoxigraph.RdfFormat.N_QUADS,
    ".ttl": pyoxigraph.RdfFormat.TURTLE,
    ".nt": pyoxigraph.RdfFormat.N_TRIPLES,
}


class GraphStore:
    """A govgraph dataset: a pyoxigraph store plus an rdflib `Dataset` over the same data."""

    def __init__(self, store: pyoxigraph.Store | None = None) -> None:
        self.oxigraph = store if store is not None else pyoxigraph.Store()
        self.dataset = Dataset(store=OxigraphStore(store=self.oxigraph), default_union=True)

    @classmethod
    def load(cls, path: Path) -> GraphStore:
        """Load a dataset file (TriG, N-Quads, Turtle, N-Triples) with Oxigraph's bulk loader."""
        fmt = SUFFIX_FORMATS.get(path.suffix.lower())
        if fmt is None:
            raise ValueError(f"{path}: unsupported graph format {path.suffix!r}")
        graph_store = cls()
        graph_store.oxigraph.bulk_load(path=str(path), format=fmt)
        return graph_store

    def query(self, sparql: str, *, use_default_graph_as_union: bool = True) -> object:
        """Evaluate a SPARQL query natively in Oxigraph (the union of graphs as default graph)."""
        return self.oxigraph.query(sparql, use_default_graph_as_union=use_default_graph_as_union)
