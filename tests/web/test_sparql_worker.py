"""The worker's evaluation: native serialisation, and the row cap in every results format."""

from __future__ import annotations

import csv
import io
import json
import xml.dom.minidom

import pyoxigraph
import pytest

from web.sparql_worker import QueryAnswer, QueryFailure, QueryJob, evaluate

# Literals that look like the row markers of each format: the cap must still be exact.
TRICKY = ['a},{"b', "<result>x</result>", "een\nregel", 'komma, "aanhalingstekens"', "tab\tin"]
ROWS = 12


@pytest.fixture(scope="module")
def store() -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    graph = pyoxigraph.NamedNode("https://w3id.org/govgraph/id/graph/test")
    for index in range(ROWS):
        store.add(
            pyoxigraph.Quad(
                pyoxigraph.NamedNode(f"https://w3id.org/govgraph/id/actor/a{index:02d}"),
                pyoxigraph.NamedNode("https://w3id.org/govgraph/ont#evidence"),
                pyoxigraph.Literal(TRICKY[index % len(TRICKY)] + str(index)),
                graph,
            )
        )
    return store


def job(query: str, extension: str, row_limit: int) -> QueryJob:
    return QueryJob(
        query=query,
        default_graphs=None,
        named_graphs=None,
        union_default_graph=True,
        solutions_format=extension,
        graph_format=extension if extension in ("ttl", "nt", "jsonld") else "ttl",
        row_limit=row_limit,
        prefixes={"gov": "https://w3id.org/govgraph/ont#"},
    )


def answer(store: pyoxigraph.Store, extension: str, row_limit: int) -> QueryAnswer:
    query = "SELECT ?s ?text WHERE { ?s gov:evidence ?text } ORDER BY ?s"
    outcome = evaluate(store, job(query, extension, row_limit))
    assert isinstance(outcome, QueryAnswer)
    return outcome


def texts(body: bytes, extension: str) -> list[str]:
    """The ?text column of a serialised result, parsed back with standard parsers."""
    if extension == "srj":
        return [row["text"]["value"] for row in json.loads(body)["results"]["bindings"]]
    if extension == "srx":
        literals = xml.dom.minidom.parseString(body).getElementsByTagName("literal")
        return [node.firstChild.data if node.firstChild else "" for node in literals]
    if extension == "csv":
        return [row["text"] for row in csv.DictReader(io.StringIO(body.decode()))]
    parsed = pyoxigraph.parse_query_results(body, format=pyoxigraph.QueryResultsFormat.TSV)
    return [solution["text"].value for solution in parsed]


@pytest.mark.parametrize("extension", ["srj", "srx", "csv", "tsv"])
@pytest.mark.parametrize("row_limit", [1, 5, ROWS - 1, ROWS, ROWS + 1])
def test_rows_are_cut_exactly_at_the_limit(
    store: pyoxigraph.Store, extension: str, row_limit: int
) -> None:
    full = answer(store, extension, row_limit=10_000)
    capped = answer(store, extension, row_limit)
    assert capped.truncated == (row_limit < ROWS)
    assert texts(capped.body, extension) == texts(full.body, extension)[:row_limit]


def test_a_fitting_result_is_oxigraphs_own_serialisation(store: pyoxigraph.Store) -> None:
    query = "SELECT ?s ?text WHERE { ?s gov:evidence ?text } ORDER BY ?s"
    native = store.query(
        query, use_default_graph_as_union=True, prefixes={"gov": "https://w3id.org/govgraph/ont#"}
    )
    assert isinstance(native, pyoxigraph.QuerySolutions)
    expected = native.serialize(format=pyoxigraph.QueryResultsFormat.JSON)
    assert answer(store, "srj", row_limit=ROWS).body == expected


def test_graphs_are_capped_by_triples(store: pyoxigraph.Store) -> None:
    outcome = evaluate(store, job("CONSTRUCT WHERE { ?s ?p ?o }", "nt", row_limit=4))
    assert isinstance(outcome, QueryAnswer)
    assert outcome.truncated
    assert len(outcome.body.decode().strip().splitlines()) == 4


def test_failures_carry_a_status(store: pyoxigraph.Store) -> None:
    syntax = evaluate(store, job("SELECT * WHERE {", "srj", row_limit=10))
    assert isinstance(syntax, QueryFailure) and syntax.status == 400
    bad_graph = QueryJob(**{**vars(job("ASK {}", "srj", 10)), "default_graphs": ("nope",)})
    assert isinstance(evaluate(store, bad_graph), QueryFailure)
