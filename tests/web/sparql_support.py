"""The SPARQL tests' dataset and app: the hand-written TriG plus the real ontology graph."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

from graph.build import load_ontology
from graph.store import GraphStore
from ontology import GOVID
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
    store = GraphStore.load(DATASET)
    load_ontology(store)
    return store


def governance_app(**config: Any) -> Flask:
    """An app over the test dataset, with one query worker unless told otherwise."""
    settings = {"GRAPH_STORE": governance_store(), "TESTING": True, "SPARQL_WORKERS": 1}
    settings.update(config)
    return create_app(settings)
