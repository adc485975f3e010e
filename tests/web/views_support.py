"""The small hand-written dataset behind the network and page tests, loaded into an app."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from graph.build import load_ontology
from graph.store import GraphStore
from web import create_app

VIEWS_TRIG = Path(__file__).parent / "data" / "network_views.trig"


def views_store() -> GraphStore:
    """The fixture dataset plus the ontology graph (class filters follow its sub-classes)."""
    store = GraphStore.load(VIEWS_TRIG)
    load_ontology(store)
    return store


def views_app() -> Flask:
    """An app serving the fixture dataset."""
    return create_app({"GRAPH_STORE": views_store(), "TESTING": True})
