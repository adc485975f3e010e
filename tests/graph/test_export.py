"""Exports round-trip: RDF back to an isomorphic dataset, network files back to networkx."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset
from rdflib.compare import isomorphic

from graph.build import build_dataset
from graph.export import csv_paths, export_dataset, export_network, export_statements_csv
from graph.network import actor_network
from graph.store import GraphStore
from ontology import DocumentExtraction


@pytest.fixture
def store(extractions: list[DocumentExtraction]) -> GraphStore:
    return build_dataset(extractions)


@pytest.fixture
def network(store: GraphStore) -> nx.MultiDiGraph:
    return actor_network(store)


def test_trig_round_trip_is_isomorphic_graph_by_graph(store: GraphStore, tmp_path: Path) -> None:
    path = tmp_path / "dataset.trig"
    export_dataset(store, "trig", path)
    loaded = GraphStore.load(path)
    names = {g.identifier for g in store.dataset.graphs()}
    assert len(names) == 5  # default (empty), ontology, actors and the two documents
    assert names == {g.identifier for g in loaded.dataset.graphs()}
    for name in names:
        assert isomorphic(store.dataset.graph(name), loaded.dataset.graph(name)), name
    # rdflib's own TriG parser reads the same number of triples into each graph
    parsed = Dataset()
    parsed.parse(path, format="trig")
    for name in names:
        assert len(parsed.graph(name)) == len(set(store.dataset.graph(name))), name


def test_unknown_dataset_format_is_named(store: GraphStore, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="'rdfxml'"):
        export_dataset(store, "rdfxml", tmp_path / "x.rdf")


def _comparable(graph: nx.MultiDiGraph) -> tuple[dict, dict]:
    nodes = {n: {k: v for k, v in d.items() if k != "id"} for n, d in graph.nodes(data=True)}
    edges = {
        (u, v, k): {a: (float(b) if a == "weight" else b) for a, b in d.items() if a != "id"}
        for u, v, k, d in graph.edges(keys=True, data=True)
    }
    return nodes, edges


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_files_load_back_with_the_same_nodes_edges_and_attributes(
    network: nx.MultiDiGraph, tmp_path: Path, fmt: str
) -> None:
    path = tmp_path / f"network.{fmt}"
    export_network(network, fmt, path)
    loaded = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    nodes, edges = _comparable(loaded)
    expected_nodes, expected_edges = _comparable(network)
    assert nodes.keys() == expected_nodes.keys()
    assert edges.keys() == expected_edges.keys()
    funds = edges["gemeente-utrecht", "ggd-regio-utrecht", "funds"]
    assert funds["years"] == "2019"
    assert funds["weight"] == 1.0 and funds["negated"] == 0 and funds["property"] == "funds"
    assert funds["label"] == "funds"  # what Gephi and visone show on the edge
    contracts = edges["gemeente-utrecht", "ggd-regio-utrecht", "contracts"]
    assert contracts["negated"] == 1
    for key, attributes in expected_edges.items():
        for name, value in attributes.items():
            written = ";".join(map(str, value)) if isinstance(value, list) else value
            assert edges[key][name] == written, (key, name)
    assert nodes["gemeente-utrecht"]["mentions"] == 3


def test_csv_export_writes_node_and_edge_lists(network: nx.MultiDiGraph, tmp_path: Path) -> None:
    written = export_network(network, "csv", tmp_path / "net.csv")
    assert written == list(csv_paths(tmp_path / "net.csv"))
    with written[0].open(encoding="utf-8") as handle:
        nodes = {row["id"]: row for row in csv.DictReader(handle)}
    with written[1].open(encoding="utf-8") as handle:
        edges = list(csv.DictReader(handle))
    assert set(nodes) == set(network.nodes)
    assert nodes["an-de-vries"]["actor_class"] == "Person"
    assert len(edges) == network.number_of_edges()
    funds = next(e for e in edges if e["key"] == "funds" and e["source"] == "gemeente-utrecht")
    assert (funds["target"], funds["weight"], funds["years"]) == ("ggd-regio-utrecht", "1", "2019")


def test_pajek_separates_arcs_from_symmetric_edges(
    network: nx.MultiDiGraph, tmp_path: Path
) -> None:
    path = tmp_path / "net.net"
    export_network(network, "pajek", path)
    text = path.read_bytes().decode("utf-8")
    head, arcs_and_edges = text.split("*Arcs\r\n")
    arcs, edges = arcs_and_edges.split("*Edges\r\n")
    assert head.startswith(f"*Vertices {network.number_of_nodes()}\r\n")
    assert '"gemeente Utrecht"' in head
    assert len(arcs.splitlines()) == 4 and 'l "funds"' in arcs
    assert len(edges.splitlines()) == 1 and 'l "consultsWith"' in edges


def test_statements_csv_has_one_row_per_statement_with_evidence(
    store: GraphStore, tmp_path: Path
) -> None:
    path = tmp_path / "statements.csv"
    export_statements_csv(store, path)
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 5
    negated = next(r for r in rows if r["predicate"] == "contracts")
    assert negated["negated"] == "true"
    assert negated["file"] == "a_nota.txt"
    assert (negated["line_start"], negated["line_end"]) == ("7", "8")
    assert negated["evidence"].startswith("De gemeente contracteert")
    funded = next(r for r in rows if r["finer_predicate"] == "subsidises")
    assert (funded["subject_label"], funded["object"]) == ("gemeente Utrecht", "ggd-regio-utrecht")
    quoted = next(r for r in rows if r["predicate"] == "consultsWith")
    assert quoted["asserted_by"] == "an-de-vries"
    assert [r["document"] for r in rows] == sorted(r["document"] for r in rows)
