"""The SPARQL 1.1 Service Description of the endpoint, as RDF serialised by Oxigraph."""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph
from rdflib.namespace import RDF, ClosedNamespace

from web.sparql_formats import GRAPH_FORMATS, SOLUTION_FORMATS, ResultFormat
from web.sparql_worker import rdf_format, results_format

SD = ClosedNamespace(
    "http://www.w3.org/ns/sparql-service-description#",
    [
        "Service",
        "Dataset",
        "Graph",
        "NamedGraph",
        "endpoint",
        "supportedLanguage",
        "SPARQL11Query",
        "SPARQL11Update",
        "resultFormat",
        "feature",
        "UnionDefaultGraph",
        "defaultDataset",
        "defaultGraph",
        "namedGraph",
        "name",
        "graph",
    ],
)
DESCRIPTION_PREFIXES = {"sd": str(SD), "formats": "http://www.w3.org/ns/formats/"}


def _node(term: str) -> pyoxigraph.NamedNode:
    return pyoxigraph.NamedNode(str(term))


def _format_iri(fmt: ResultFormat) -> pyoxigraph.NamedNode:
    if fmt in SOLUTION_FORMATS:
        return pyoxigraph.NamedNode(results_format(fmt.extension).iri)
    return pyoxigraph.NamedNode(rdf_format(fmt.extension).iri)


def service_description(
    endpoint: str, store: pyoxigraph.Store, *, accepts_updates: bool
) -> Iterator[pyoxigraph.Triple]:
    """Triples describing the endpoint at `endpoint`: languages, formats and its dataset."""
    service = pyoxigraph.BlankNode("service")
    dataset = pyoxigraph.BlankNode("dataset")
    default_graph = pyoxigraph.BlankNode("defaultGraph")
    names = sorted(store.named_graphs(), key=str)
    yield pyoxigraph.Triple(service, _node(RDF.type), _node(SD.Service))
    yield pyoxigraph.Triple(service, _node(SD.endpoint), pyoxigraph.NamedNode(endpoint))
    yield pyoxigraph.Triple(service, _node(SD.supportedLanguage), _node(SD.SPARQL11Query))
    if accepts_updates:
        yield pyoxigraph.Triple(service, _node(SD.supportedLanguage), _node(SD.SPARQL11Update))
    yield pyoxigraph.Triple(service, _node(SD.feature), _node(SD.UnionDefaultGraph))
    for fmt in (*SOLUTION_FORMATS, *GRAPH_FORMATS):
        yield pyoxigraph.Triple(service, _node(SD.resultFormat), _format_iri(fmt))
    yield pyoxigraph.Triple(service, _node(SD.defaultDataset), dataset)
    yield pyoxigraph.Triple(dataset, _node(RDF.type), _node(SD.Dataset))
    yield pyoxigraph.Triple(dataset, _node(SD.defaultGraph), default_graph)
    graphs = [pyoxigraph.BlankNode(f"namedGraph{index}") for index in range(len(names))]
    for graph in graphs:
        yield pyoxigraph.Triple(dataset, _node(SD.namedGraph), graph)
    yield pyoxigraph.Triple(default_graph, _node(RDF.type), _node(SD.Graph))
    for graph, name in zip(graphs, names, strict=True):
        yield pyoxigraph.Triple(graph, _node(RDF.type), _node(SD.NamedGraph))
        yield pyoxigraph.Triple(graph, _node(SD.name), name)
