"""The endpoint without a query: its Service Description, or the workbench for a browser."""

from __future__ import annotations

import json
import re

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF

from tests.web.sparql_support import ACTORS_GRAPH, MEMO_GRAPH, NEWS_GRAPH, governance_app

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def description(**config: object) -> Graph:
    response = governance_app(**config).test_client().get("/sparql")
    assert response.status_code == 200
    assert response.mimetype == "text/turtle"
    return Graph().parse(data=response.get_data(as_text=True), format="turtle")


def test_service_description_names_endpoint_formats_and_graphs() -> None:
    graph = description()
    service = graph.value(predicate=RDF.type, object=SD.Service)
    assert graph.value(service, SD.endpoint) == URIRef("http://localhost/sparql")
    assert set(graph.objects(service, SD.supportedLanguage)) == {SD.SPARQL11Query}
    assert (service, SD.feature, SD.UnionDefaultGraph) in graph
    formats = {str(fmt) for fmt in graph.objects(service, SD.resultFormat)}
    assert "http://www.w3.org/ns/formats/SPARQL_Results_TSV" in formats
    assert "http://www.w3.org/ns/formats/Turtle" in formats
    names = {str(name) for name in graph.objects(None, SD.name)}
    assert {ACTORS_GRAPH, MEMO_GRAPH, NEWS_GRAPH} <= names


def test_service_description_offers_update_only_with_a_token() -> None:
    graph = description(UPDATE_TOKEN="s3cret")
    assert SD.SPARQL11Update in set(graph.objects(None, SD.supportedLanguage))


def test_service_description_in_other_formats() -> None:
    client = governance_app().test_client()
    as_jsonld = client.get("/sparql", headers={"Accept": "application/ld+json"})
    assert as_jsonld.mimetype == "application/ld+json"
    assert "sparql-service-description#Service" in as_jsonld.get_data(as_text=True)
    assert client.get("/sparql", query_string={"format": "nt"}).mimetype == "application/n-triples"
    assert client.get("/sparql", headers={"Accept": "application/pdf"}).status_code == 406


def test_parameters_without_a_query_are_refused() -> None:
    client = governance_app().test_client()
    response = client.get("/sparql", query_string={"default-graph-uri": MEMO_GRAPH})
    assert response.status_code == 400
    assert "no 'query'" in response.get_data(as_text=True)
    empty_post = client.post("/sparql", data="", content_type="application/x-www-form-urlencoded")
    assert empty_post.status_code == 400
    bad_graph = client.get(
        "/sparql", query_string={"query": "ASK {}", "named-graph-uri": "geen iri"}
    )
    assert bad_graph.status_code == 400
    assert "named-graph-uri" in bad_graph.get_data(as_text=True)


def test_a_browser_gets_the_workbench_with_prefixes_and_gallery() -> None:
    client = governance_app().test_client()
    page = client.get("/sparql", headers={"Accept": BROWSER})
    assert page.mimetype == "text/html"
    html = page.get_data(as_text=True)
    config = json.loads(
        re.search(
            r'<script type="application/json" id="workbench-config">(.*?)</script>', html, re.S
        )[1]
    )
    assert config["prefixes"]["gov"] == "https://w3id.org/govgraph/ont#"
    assert "conflictsWith" in config["terms"]["gov"]
    assert config["autorun"] is False
    assert len(config["queries"]) >= 12
    assert "/static/vendor/codemirror/lib/codemirror.js" in html
    assert not re.search(r'(src|href)="(https?:)?//', html)  # nothing from a CDN


def test_a_browser_following_a_query_link_gets_the_workbench_running_it() -> None:
    client = governance_app().test_client()
    query = "SELECT ?s WHERE { ?s a gov:Police }"
    page = client.get("/sparql", query_string={"query": query}, headers={"Accept": BROWSER})
    assert page.mimetype == "text/html"
    assert '"autorun": true' in page.get_data(as_text=True)
    data = client.get("/sparql", query_string={"query": query}, headers={"Accept": "*/*"})
    assert data.mimetype == "application/sparql-results+json"


def test_other_origins_may_read_results_and_errors() -> None:
    client = governance_app().test_client()
    headers = {"Origin": "https://yasgui.example"}
    answer = client.get("/sparql", query_string={"query": "ASK {}"}, headers=headers)
    error = client.get("/sparql", query_string={"query": "ASK {"}, headers=headers)
    for response in (answer, error):
        assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert error.status_code == 400


def test_a_direct_post_from_another_origin_passes_its_preflight() -> None:
    client = governance_app().test_client()
    preflight = client.options(
        "/sparql",
        headers={
            "Origin": "https://yasgui.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in preflight.headers["Access-Control-Allow-Headers"]
    assert "Authorization" not in preflight.headers["Access-Control-Allow-Headers"]
