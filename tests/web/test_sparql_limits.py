"""The endpoint's guards: time limit, row limit, read-only by default, offline always."""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from urllib.parse import urlencode

import pytest
from flask import Flask
from werkzeug.test import TestResponse

from tests.web.sparql_support import PREFIXES, governance_app
from web.sparql_engine import query_pool

# Four unconstrained patterns over ~900 quads: 10^11 combinations, hours of counting in Rust.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
ACTOR_COUNT = PREFIXES + "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a skos:prefLabel ?label }"


def count(app: Flask, query: str) -> int:
    response = app.test_client().get("/sparql", query_string={"query": query})
    assert response.status_code == 200, response.get_data(as_text=True)
    return int(json.loads(response.get_data())["results"]["bindings"][0]["n"]["value"])


def process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_runaway_query_is_stopped_and_its_worker_freed() -> None:
    app = governance_app(QUERY_TIMEOUT=1.0, SPARQL_WORKERS=1)
    client = app.test_client()
    assert count(app, ACTOR_COUNT) == 10  # starts the single worker
    with app.app_context():
        (busy_worker,) = query_pool().worker_pids()

    started = time.monotonic()
    response = client.get("/sparql", query_string={"query": RUNAWAY})
    waited = time.monotonic() - started

    assert response.status_code == 503
    assert "time limit of 1 s" in response.get_data(as_text=True)
    assert waited < 5
    assert not process_exists(busy_worker)  # killed, not left spinning on a core
    # The one worker slot is free again: the next query is answered by a fresh worker.
    assert count(app, ACTOR_COUNT) == 10
    with app.app_context():
        (fresh_worker,) = query_pool().worker_pids()
    assert fresh_worker != busy_worker


def test_other_queries_are_answered_while_one_runs_away() -> None:
    app = governance_app(QUERY_TIMEOUT=2.0, SPARQL_WORKERS=2)
    assert count(app, ACTOR_COUNT) == 10
    statuses: list[int] = []
    runaway = threading.Thread(
        target=lambda: statuses.append(
            app.test_client().get("/sparql", query_string={"query": RUNAWAY}).status_code
        )
    )
    runaway.start()
    time.sleep(0.2)
    assert count(app, ACTOR_COUNT) == 10
    assert runaway.is_alive()  # answered by the other worker, not after the runaway
    runaway.join()
    assert statuses == [503]


def test_results_are_cut_at_the_row_limit_and_say_so() -> None:
    app = governance_app(RESULT_LIMIT=5)
    client = app.test_client()
    for accept in ("application/sparql-results+json", "text/csv", "text/tab-separated-values"):
        response = client.get(
            "/sparql",
            query_string={"query": "SELECT * WHERE { ?s ?p ?o }"},
            headers={"Accept": accept},
        )
        assert response.status_code == 200
        assert response.headers["X-SPARQL-MaxRows"] == "5"
        body = response.get_data(as_text=True)
        if accept.endswith("json"):
            assert len(json.loads(body)["results"]["bindings"]) == 5
        else:
            assert len(body.strip().splitlines()) == 1 + 5  # header and five rows
    small = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 5"})
    assert "X-SPARQL-MaxRows" not in small.headers
    graph = client.get(
        "/sparql",
        query_string={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
        headers={"Accept": "application/n-triples"},
    )
    assert graph.headers["X-SPARQL-MaxRows"] == "5"
    assert len(graph.get_data(as_text=True).strip().splitlines()) == 5


def test_row_limit_keeps_terms_with_line_breaks_whole() -> None:
    app = governance_app(RESULT_LIMIT=3)
    query = 'SELECT ?text WHERE { VALUES ?text { "een\\ntwee" "drie\\tvier" "vijf" "zes" } }'
    response = app.test_client().get("/sparql", query_string={"query": query})
    values = [
        row["text"]["value"] for row in json.loads(response.get_data())["results"]["bindings"]
    ]
    assert values == ["een\ntwee", "drie\tvier", "vijf"]


def test_service_clause_is_refused_before_any_connection() -> None:
    # A listening socket that would see any connection attempt from the endpoint.
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    app = governance_app()
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    response = app.test_client().get("/sparql", query_string={"query": query})
    assert response.status_code == 400
    assert "SERVICE is not allowed" in response.get_data(as_text=True)
    with pytest.raises(TimeoutError):
        listener.accept()
    listener.close()


def post_update(app: Flask, update: str, authorization: str | None) -> TestResponse:
    headers = {"Authorization": authorization} if authorization else {}
    return app.test_client().post(
        "/sparql", data=update, content_type="application/sparql-update", headers=headers
    )


def test_update_is_refused_without_a_configured_token() -> None:
    app = governance_app()
    response = post_update(app, "INSERT DATA { <urn:x> <urn:y> <urn:z> }", "Bearer anything")
    assert response.status_code == 403
    assert "read-only" in response.get_data(as_text=True)


def test_update_with_the_bearer_token_changes_what_queries_see() -> None:
    app = governance_app(UPDATE_TOKEN="s3cret")
    client = app.test_client()
    insert = PREFIXES + (
        "INSERT DATA { GRAPH govid:graph\\/actors { govid:actor\\/rekenkamer a gov:AdvisoryBody ; "
        'skos:prefLabel "Rekenkamer Utrecht"@nl } }'
    )
    assert count(app, ACTOR_COUNT) == 10
    for authorization in (None, "Bearer wrong", "Basic czNjcmV0"):
        assert post_update(app, insert, authorization).status_code == 403
    assert count(app, ACTOR_COUNT) == 10

    accepted = client.post(
        "/sparql",
        data=urlencode({"update": insert}),
        content_type="application/x-www-form-urlencoded",
        headers={"Authorization": "Bearer s3cret"},
    )
    assert accepted.status_code == 204
    assert count(app, ACTOR_COUNT) == 11  # the workers answer from the new snapshot


def test_update_may_not_load_from_the_web() -> None:
    app = governance_app(UPDATE_TOKEN="s3cret")
    response = post_update(app, "LOAD <http://127.0.0.1:9/data.ttl>", "Bearer s3cret")
    assert response.status_code == 400
    assert "LOAD and SERVICE are not allowed" in response.get_data(as_text=True)


def test_update_sent_as_a_query_is_explained() -> None:
    app = governance_app()
    response = app.test_client().get(
        "/sparql", query_string={"query": "INSERT DATA { <urn:x> <urn:y> <urn:z> }"}
    )
    assert response.status_code == 400
    assert "SPARQL Update, not a query" in response.get_data(as_text=True)
