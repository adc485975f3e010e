"""The actor ties a SPARQL query names, so the workbench can show its answer as a network.

A SELECT that binds ``?s ?p ?o`` or a CONSTRUCT/DESCRIBE is run like any endpoint query (in
a worker, under the app's time and row limits); every answer whose subject and object are
actors and whose predicate is a governance property becomes a tie to keep.
"""

from __future__ import annotations

import json

import networkx as nx
import pyoxigraph

from graph.iris import ACTOR_PREFIX, actor_key
from ontology import GOV
from web.sparql_engine import EndpointError, run_query
from web.sparql_formats import GRAPH_FORMATS, SOLUTION_FORMATS
from web.sparql_text import inspect_query

GOV_PREFIX = str(GOV)
Tie = tuple[str, str, str]  # (subject key, property local name, object key)


def query_ties(query: str) -> set[Tie]:
    """The actor ties in a query's answer; `EndpointError` when the query cannot be run."""
    if inspect_query(query).form in ("CONSTRUCT", "DESCRIBE"):
        n_triples = next(f for f in GRAPH_FORMATS if f.extension == "nt")
        answer = run_query(query, n_triples)
        triples = pyoxigraph.parse(answer.body, format=pyoxigraph.RdfFormat.N_TRIPLES)
        rows = [(t.subject.value, t.predicate.value, t.object.value) for t in triples]
    else:
        sparql_json = next(f for f in SOLUTION_FORMATS if f.extension == "srj")
        bindings = json.loads(run_query(query, sparql_json).body)["results"]["bindings"]
        rows = [
            (row["s"]["value"], row["p"]["value"], row["o"]["value"])
            for row in bindings
            if {"s", "p", "o"} <= row.keys()
        ]
    if not rows:
        raise EndpointError(400, "The query gave no ?s ?p ?o rows or triples to draw as a network.")
    return {
        (actor_key(s), p.removeprefix(GOV_PREFIX), actor_key(o))
        for s, p, o in rows
        if s.startswith(ACTOR_PREFIX) and o.startswith(ACTOR_PREFIX) and p.startswith(GOV_PREFIX)
    }


def restrict_to_ties(graph: nx.MultiDiGraph, ties: set[Tie]) -> nx.MultiDiGraph:
    """The part of the actor network made of the given ties (symmetric ones either way round)."""
    kept = nx.MultiDiGraph()
    for source, target, prop, attributes in graph.edges(keys=True, data=True):
        if (source, prop, target) in ties or (target, prop, source) in ties:
            for node in (source, target):
                kept.add_node(node, **graph.nodes[node])
            kept.add_edge(source, target, key=prop, **attributes)
    return kept
