"""The W3C SPARQL 1.1 Protocol query tests, written from the suite's test descriptions.

Names follow the suite's manifest (data-sparql11/protocol): query_post_form,
query_dataset_default_graphs_get, query_dataset_default_graphs_post,
query_dataset_named_graphs_post, query_dataset_named_graphs_get, query_dataset_full,
query_multiple_dataset, query_get, query_content_type_select, query_content_type_ask,
query_content_type_describe, query_content_type_construct, query_post_direct,
bad_query_method, bad_multiple_queries, bad_query_wrong_media_type,
bad_query_missing_form_type, bad_query_missing_direct_type, bad_query_non_utf8,
bad_query_syntax. The suite's data1/data2/data3 graphs are this dataset's actors graph and
its two document graphs; the endpoint never fetches graphs from the web.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from flask.testing import FlaskClient

from tests.web.sparql_support import ACTORS_GRAPH, MEMO_GRAPH, NEWS_GRAPH, governance_app

MEMO_DOCUMENT = "https://w3id.org/govgraph/id/document/raadsmemo-2019"
NEWS_DOCUMENT = "https://w3id.org/govgraph/id/document/krantenbericht-2021"
DOCUMENTS_SEEN = "SELECT DISTINCT ?doc WHERE { ?doc a <https://w3id.org/govgraph/ont#Document> }"
GRAPHS_SEEN = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
JSON_RESULTS = "application/sparql-results+json"
XML_RESULTS = "application/sparql-results+xml"


@pytest.fixture(scope="module")
def client() -> Iterator[FlaskClient]:
    app = governance_app()
    yield app.test_client()


def bindings(response: object, name: str) -> set[str]:
    """The values of one variable in a SPARQL JSON results response."""
    data = json.loads(response.get_data())  # type: ignore[attr-defined]
    return {row[name]["value"] for row in data["results"]["bindings"] if name in row}


def test_query_get(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
    assert response.status_code == 200
    assert response.mimetype in (JSON_RESULTS, XML_RESULTS)
    assert json.loads(response.get_data())["boolean"] is True


def test_query_post_form(client: FlaskClient) -> None:
    response = client.post(
        "/sparql",
        data=urlencode({"query": "ASK { ?s ?p ?o }"}),
        content_type="application/x-www-form-urlencoded",
        headers={"Accept": XML_RESULTS},
    )
    assert response.status_code == 200
    assert response.mimetype == XML_RESULTS
    assert b"<boolean>true</boolean>" in response.get_data()


def test_query_post_direct(client: FlaskClient) -> None:
    response = client.post(
        "/sparql", data=b"ASK { ?s ?p ?o }", content_type="application/sparql-query"
    )
    assert response.status_code == 200
    assert json.loads(response.get_data())["boolean"] is True


def test_query_dataset_default_graphs_get(client: FlaskClient) -> None:
    # Two default-graph-uri parameters: the default graph is their merge, nothing else.
    response = client.get(
        "/sparql",
        query_string=[
            ("query", DOCUMENTS_SEEN),
            ("default-graph-uri", MEMO_GRAPH),
            ("default-graph-uri", NEWS_GRAPH),
        ],
    )
    assert response.status_code == 200
    assert bindings(response, "doc") == {MEMO_DOCUMENT, NEWS_DOCUMENT}
    only_memo = client.get(
        "/sparql", query_string={"query": DOCUMENTS_SEEN, "default-graph-uri": MEMO_GRAPH}
    )
    assert bindings(only_memo, "doc") == {MEMO_DOCUMENT}


def test_query_dataset_default_graphs_post(client: FlaskClient) -> None:
    body = urlencode([("query", DOCUMENTS_SEEN), ("default-graph-uri", NEWS_GRAPH)], doseq=True)
    response = client.post("/sparql", data=body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert bindings(response, "doc") == {NEWS_DOCUMENT}


def test_query_dataset_named_graphs_post(client: FlaskClient) -> None:
    body = urlencode(
        [("query", GRAPHS_SEEN), ("named-graph-uri", MEMO_GRAPH), ("named-graph-uri", ACTORS_GRAPH)]
    )
    response = client.post("/sparql", data=body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert bindings(response, "g") == {MEMO_GRAPH, ACTORS_GRAPH}


def test_query_dataset_named_graphs_get(client: FlaskClient) -> None:
    response = client.get(
        "/sparql", query_string=[("query", GRAPHS_SEEN), ("named-graph-uri", NEWS_GRAPH)]
    )
    assert response.status_code == 200
    assert bindings(response, "g") == {NEWS_GRAPH}


def test_query_dataset_full(client: FlaskClient) -> None:
    query = (
        "SELECT DISTINCT ?doc ?g WHERE { ?doc a <https://w3id.org/govgraph/ont#Document> "
        "GRAPH ?g { ?s ?p ?o } }"
    )
    response = client.get(
        "/sparql",
        query_string=[
            ("query", query),
            ("default-graph-uri", NEWS_GRAPH),
            ("named-graph-uri", MEMO_GRAPH),
            ("named-graph-uri", ACTORS_GRAPH),
        ],
    )
    assert response.status_code == 200
    assert bindings(response, "doc") == {NEWS_DOCUMENT}
    assert bindings(response, "g") == {MEMO_GRAPH, ACTORS_GRAPH}


def test_query_multiple_dataset(client: FlaskClient) -> None:
    # The protocol's dataset overrides the query's own FROM clause.
    query = f"SELECT DISTINCT ?doc FROM <{MEMO_GRAPH}> WHERE {{ ?doc a ?type }}"
    by_query = client.get("/sparql", query_string={"query": query})
    assert MEMO_DOCUMENT in bindings(by_query, "doc")
    assert NEWS_DOCUMENT not in bindings(by_query, "doc")
    by_protocol = client.get(
        "/sparql", query_string={"query": query, "default-graph-uri": NEWS_GRAPH}
    )
    assert by_protocol.status_code == 200
    assert NEWS_DOCUMENT in bindings(by_protocol, "doc")
    assert MEMO_DOCUMENT not in bindings(by_protocol, "doc")


@pytest.mark.parametrize(
    "accept",
    [JSON_RESULTS, XML_RESULTS, "text/csv", "text/tab-separated-values"],
)
def test_query_content_type_select(client: FlaskClient, accept: str) -> None:
    response = client.get(
        "/sparql",
        query_string={"query": "SELECT ?s WHERE { ?s a ?type } LIMIT 3"},
        headers={"Accept": accept},
    )
    assert response.status_code == 200
    assert response.mimetype == accept


def test_query_content_type_ask(client: FlaskClient) -> None:
    response = client.get(
        "/sparql",
        query_string={"query": "ASK { ?s a <https://w3id.org/govgraph/ont#Police> }"},
        headers={"Accept": f"{XML_RESULTS}, {JSON_RESULTS};q=0.5"},
    )
    assert response.status_code == 200
    assert response.mimetype == XML_RESULTS
    assert b"<boolean>true</boolean>" in response.get_data()


def get_graph(client: FlaskClient, query: str, accept: str) -> bytes:
    """The body of a CONSTRUCT or DESCRIBE answered as `accept`, checking the media type."""
    response = client.get("/sparql", query_string={"query": query}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == accept
    return response.get_data()


def test_query_content_type_describe(client: FlaskClient) -> None:
    query = "DESCRIBE <https://w3id.org/govgraph/id/actor/portaal>"
    assert b"Portaal" in get_graph(client, query, "application/rdf+xml")


def test_query_content_type_construct(client: FlaskClient) -> None:
    query = "CONSTRUCT WHERE { ?s a <https://w3id.org/govgraph/ont#Police> }"
    assert b"politie-midden-nederland" in get_graph(client, query, "text/turtle")


def test_bad_query_method(client: FlaskClient) -> None:
    response = client.put("/sparql", query_string={"query": "ASK {}"})
    assert 400 <= response.status_code < 500


def test_bad_multiple_queries(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string=[("query", "ASK {}"), ("query", "SELECT * {}")])
    assert response.status_code == 400
    assert b"2 'query' parameters" in response.get_data()


def test_bad_query_wrong_media_type(client: FlaskClient) -> None:
    response = client.post("/sparql", data=b"ASK {}", content_type="text/plain")
    assert response.status_code in (400, 415)
    assert b"text/plain" in response.get_data()


def test_bad_query_missing_form_type(client: FlaskClient) -> None:
    response = client.post("/sparql", data=b"query=ASK%20%7B%7D")
    assert response.status_code == 400
    assert b"Content-Type" in response.get_data()


def test_bad_query_missing_direct_type(client: FlaskClient) -> None:
    response = client.post("/sparql", data=b"ASK {}")
    assert response.status_code == 400


def test_bad_query_non_utf8(client: FlaskClient) -> None:
    declared = client.post(
        "/sparql",
        data='ASK { ?s ?p "ü" }'.encode("utf-16"),
        content_type="application/sparql-query; charset=UTF-16",
    )
    assert 400 <= declared.status_code < 500
    undeclared = client.post(
        "/sparql",
        data='ASK { ?s ?p "ü" }'.encode("utf-16"),
        content_type="application/sparql-query",
    )
    assert undeclared.status_code == 400
    assert b"UTF-8" in undeclared.get_data()


def test_bad_query_syntax(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p "})
    assert response.status_code == 400
    message = response.get_data(as_text=True)
    assert message.startswith("SPARQL syntax error")
    assert "1:" in message  # the position of the error
    assert len(message) < 400  # readable, not Oxigraph's whole character-class dump
