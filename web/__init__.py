"""The Flask app: SPARQL endpoint, query workbench, network views and pages over one graph store."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask

from graph.store import GraphStore


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Create the app over ``config["GRAPH_STORE"]`` or the file ``config["GRAPH_PATH"]``."""
    app = Flask(__name__)
    app.config.from_mapping(
        GRAPH_PATH=None,
        GRAPH_STORE=None,
        QUERY_TIMEOUT=10.0,  # seconds before a SPARQL query is stopped
        RESULT_LIMIT=100_000,  # rows at most in one SPARQL result
        UPDATE_TOKEN=None,  # SPARQL Update is refused unless a bearer token is configured
    )
    if config:
        app.config.from_mapping(config)

    store = app.config["GRAPH_STORE"]
    if store is None:
        path = app.config["GRAPH_PATH"]
        store = GraphStore.load(Path(path)) if path else GraphStore()
    app.extensions["govgraph"] = store

    from web import network, pages, queries, sparql

    app.register_blueprint(sparql.bp)
    app.register_blueprint(queries.bp)
    app.register_blueprint(network.bp)
    app.register_blueprint(pages.bp)
    return app


def get_store() -> GraphStore:
    """The graph store of the current app."""
    from flask import current_app

    store: GraphStore = current_app.extensions["govgraph"]
    return store
