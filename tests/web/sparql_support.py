"""The SPARQL tests' dataset and app: the hand-written TriG plus the real ontology graph."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph
from flask import Flask

from graph.store import GraphStore
from ontology import GOVID, ONTOLOGY_GRAPH, ONTOLOGY_TTL
from web import create_app

DATASET = Path(__file__).parent / "data" / "sparql_governance.trig"
ACTORS_GRAPH = str(GOVID["graph/actors"])
MEMO_GRAPH = str(GOVID["graph/raadsmemo-2019"])
NEWS_GRAPH = str(GOVID["graph/krantenbericht-2021"])
PREFIXES = """\
PREFIX gov: <https://w3id.org/govgraph/ont#>
PREFIX govid: <https://w3id.org/govgraph/id/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""


def governance_store() -> GraphStore:
    """The test dataset: actors, two document graphs and the ontology graph."""
    store = GraphStore()
    store.oxigraph.load(path=str(DATASET), format=pyoxigraph.RdfFormat.TRIG)
    store.oxigraph.load(
        path=str(ONTOLOGY_TTL),
        format=pyoxigraph.RdfFormat.TURTLE,
        to_graph=pyoxigraph.NamedNode(str(ONTOLOGY_GRAPH)),
    )
    return store


def governance_app(**config: Any) -> Flask:
    """An app over the test dataset, with one query worker unless told otherwise."""
    settings = {"GRAPH_STORE": governance_store(), "TESTING": True, "SPARQL_WORKERS": 1}
    settings.update(config)
    return create_app(settings)
