"""Real SPARQL clients against the app served by waitress on 127.0.0.1.

SPARQLWrapper (SELECT as JSON, XML, CSV, TSV; ASK; CONSTRUCT as Turtle and JSON-LD) and
rdflib's SPARQLStore, which is how Python researchers reach an endpoint.
"""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Iterator

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, TSV, TURTLE, XML, SPARQLWrapper

from ontology import GOV, GOVID
from tests.conftest import serve_in_thread
from tests.web.sparql_support import PREFIXES, governance_app

# SPARQLWrapper and rdflib's JSON-LD parser still build a ConjunctiveGraph: not our warning.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

FUNDED = (
    PREFIXES
    + """
SELECT ?funder ?recipient ?label WHERE {
  ?funder gov:funds ?recipient . ?recipient skos:prefLabel ?label
} ORDER BY ?label
"""
)
EXPECTED_RECIPIENTS = ["Buurtteam Noord", "GGD regio Utrecht"]
FUNDING_GRAPH = (
    PREFIXES
    + """
CONSTRUCT { ?funder gov:funds ?recipient . ?recipient skos:prefLabel ?label }
WHERE { ?funder gov:funds ?recipient . ?recipient skos:prefLabel ?label }
"""
)


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    for base_url in serve_in_thread(governance_app(SPARQL_WORKERS=2)):
        yield f"{base_url}/sparql"


def wrapper(endpoint: str, query: str, return_format: str) -> SPARQLWrapper:
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setReturnFormat(return_format)
    return client


def test_sparqlwrapper_select_json(endpoint: str) -> None:
    result = wrapper(endpoint, FUNDED, JSON).queryAndConvert()
    labels = [row["label"]["value"] for row in result["results"]["bindings"]]
    assert labels == EXPECTED_RECIPIENTS
    assert result["results"]["bindings"][0]["label"]["xml:lang"] == "nl"


def test_sparqlwrapper_select_xml(endpoint: str) -> None:
    document = wrapper(endpoint, FUNDED, XML).queryAndConvert()
    literals = document.getElementsByTagName("literal")
    assert [node.firstChild.data for node in literals] == EXPECTED_RECIPIENTS


def test_sparqlwrapper_select_csv(endpoint: str) -> None:
    text = wrapper(endpoint, FUNDED, CSV).queryAndConvert().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["label"] for row in rows] == EXPECTED_RECIPIENTS
    assert rows[0]["funder"] == str(GOVID["actor/gemeente-utrecht"])


def test_sparqlwrapper_select_tsv(endpoint: str) -> None:
    text = wrapper(endpoint, FUNDED, TSV).queryAndConvert().decode("utf-8")
    header, *rows = text.splitlines()
    assert header.split("\t") == ["?funder", "?recipient", "?label"]
    assert [row.split("\t")[2] for row in rows] == [
        f'"{label}"@nl' for label in EXPECTED_RECIPIENTS
    ]


def test_sparqlwrapper_ask(endpoint: str) -> None:
    client = wrapper(endpoint, PREFIXES + "ASK { ?a gov:conflictsWith ?b }", JSON)
    assert client.queryAndConvert()["boolean"] is True
    client.setQuery(PREFIXES + "ASK { ?a gov:appoints ?b }")
    assert client.queryAndConvert()["boolean"] is False


def _funding_edges(graph: Graph) -> set[tuple[str, str]]:
    return {(str(s), str(o)) for s, o in graph.subject_objects(URIRef(str(GOV.funds)))}


def test_sparqlwrapper_construct_turtle(endpoint: str) -> None:
    turtle = wrapper(endpoint, FUNDING_GRAPH, TURTLE).queryAndConvert()
    graph = Graph().parse(data=turtle, format="turtle")
    assert _funding_edges(graph) == {
        (str(GOVID["actor/gemeente-utrecht"]), str(GOVID["actor/ggd-regio-utrecht"])),
        (str(GOVID["actor/gemeente-utrecht"]), str(GOVID["actor/buurtteam-noord"])),
    }
    assert b"@prefix gov:" in turtle  # the ontology prefixes keep the Turtle readable


def test_sparqlwrapper_construct_jsonld(endpoint: str) -> None:
    client = wrapper(endpoint, FUNDING_GRAPH, JSONLD)
    client.setOnlyConneg(True)  # ask by Accept only, as most clients do
    graph = client.queryAndConvert()
    assert isinstance(graph, Graph)
    assert len(_funding_edges(graph)) == 2
    labels = set(graph.objects(None, SKOS.prefLabel))
    assert Literal("GGD regio Utrecht", lang="nl") in labels


def test_sparqlwrapper_post(endpoint: str) -> None:
    client = wrapper(endpoint, FUNDED, JSON)
    client.setMethod("POST")
    result = client.queryAndConvert()
    assert [row["label"]["value"] for row in result["results"]["bindings"]] == EXPECTED_RECIPIENTS


def test_rdflib_sparqlstore_reads_the_endpoint(endpoint: str) -> None:
    graph = Graph(store=SPARQLStore(endpoint, returnFormat="json"))
    rows = list(graph.query(FUNDED))
    assert [str(row.label) for row in rows] == EXPECTED_RECIPIENTS
    # Triple-pattern reads go through the endpoint too.
    policeman = URIRef(str(GOVID["actor/politie-midden-nederland"]))
    assert graph.value(policeman, SKOS.prefLabel) == Literal("politie Midden-Nederland", lang="nl")
    assert (policeman, URIRef(str(GOV.conflictsWith)), None) in graph


def test_rdflib_sparqlstore_is_refused_updates(endpoint: str) -> None:
    from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

    store = SPARQLUpdateStore(query_endpoint=endpoint, update_endpoint=endpoint)
    with pytest.raises(Exception, match="403"):
        store.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert Graph(store=SPARQLStore(endpoint)).query("ASK { <urn:a> ?p ?o }").askAnswer is False


def test_concurrent_clients_each_get_their_own_answer(endpoint: str) -> None:
    # More clients than query workers: answers must never cross between requests.
    labels = {
        "gemeente-utrecht": "gemeente Utrecht",
        "ggd-regio-utrecht": "GGD regio Utrecht",
        "altrecht": "Altrecht",
        "portaal": "Portaal",
        "anna-bakker": "Anna Bakker",
    }
    keys = list(labels)
    failures: list[str] = []

    def ask_labels(offset: int) -> None:
        for turn in range(6):
            key = keys[(offset + turn) % len(keys)]
            query = f"SELECT ?label WHERE {{ <{GOVID[f'actor/{key}']}> skos:prefLabel ?label }}"
            result = wrapper(endpoint, PREFIXES + query, JSON).queryAndConvert()
            found = [row["label"]["value"] for row in result["results"]["bindings"]]
            if found != [labels[key]]:
                failures.append(f"{key}: {found}")

    threads = [threading.Thread(target=ask_labels, args=(offset,)) for offset in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
