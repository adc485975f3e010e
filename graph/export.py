"""Exports for the tools researchers already use: RDF dumps, GraphML, GEXF, CSV, Pajek.

Network files carry every node and edge attribute of `graph.network.actor_network`; list
attributes (years, documents, statements) are joined with ``;`` because GraphML, GEXF and CSV
hold scalars only. Pajek holds one label per arc: the property; its value is the weight.
Every file is written atomically (see `graph.store.atomic_output`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import networkx as nx
import pyoxigraph as ox

from graph.iris import actor_key, document_id
from graph.network import PREFIXES
from graph.store import GraphStore, atomic_output, serialize_dataset
from ontology import GOV

DATASET_FORMATS: dict[str, ox.RdfFormat] = {
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
    "ttl": ox.RdfFormat.TURTLE,
}
NETWORK_FORMATS = ("graphml", "gexf", "csv", "pajek")
LIST_SEPARATOR = ";"


def export_dataset(store: GraphStore, fmt: str, out: Path) -> None:
    """Write the dataset as trig, nq or jsonld (all graphs) or ttl (union of the graphs)."""
    if fmt not in DATASET_FORMATS:
        raise ValueError(f"unknown dataset format {fmt!r}; use one of {', '.join(DATASET_FORMATS)}")
    with atomic_output(out) as output:
        serialize_dataset(store, output, DATASET_FORMATS[fmt])


def _scalar(value: object) -> object:
    if isinstance(value, list | tuple | set):
        return LIST_SEPARATOR.join(str(item) for item in value)
    return value


def flat_network(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with ``;``-joined lists, as the formats hold them, and the relation as edge label.

    Gephi and visone show an edge's ``label``; it is the property, such as ``funds``.
    """
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: _scalar(v) for k, v in data.items()})
    for source, target, key, data in graph.edges(keys=True, data=True):
        attributes = {"label": key} | {k: _scalar(v) for k, v in data.items()}
        flat.add_edge(source, target, key=key, **attributes)
    return flat


@contextmanager
def _atomic_text(path: Path) -> Iterator[TextIO]:
    """A UTF-8 text file written atomically; CSV needs ``newline=""``."""
    with atomic_output(path) as binary:
        text = io.TextIOWrapper(binary, encoding="utf-8", newline="")
        yield text
        text.flush()
        text.detach()


def csv_paths(out: Path) -> tuple[Path, Path]:
    """The node and edge files of a CSV export: ``net.csv`` gives net_nodes.csv, net_edges.csv."""
    stem = out.stem if out.suffix.lower() == ".csv" else out.name
    return out.with_name(f"{stem}_nodes.csv"), out.with_name(f"{stem}_edges.csv")


def _write_csv(graph: nx.MultiDiGraph, out: Path) -> list[Path]:
    nodes_path, edges_path = csv_paths(out)
    node_fields = sorted({k for _, data in graph.nodes(data=True) for k in data})
    edge_fields = sorted({k for *_, data in graph.edges(keys=True, data=True) for k in data})
    with _atomic_text(nodes_path) as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", *node_fields])
        for node, data in sorted(graph.nodes(data=True)):
            writer.writerow([node, *(_scalar(data.get(f, "")) for f in node_fields)])
    with _atomic_text(edges_path) as handle:
        writer = csv.writer(handle)
        writer.writerow(["source", "target", "key", *edge_fields])
        for source, target, key, data in sorted(graph.edges(keys=True, data=True)):
            writer.writerow([source, target, key, *(_scalar(data.get(f, "")) for f in edge_fields)])
    return [nodes_path, edges_path]


def _pajek_quote(text: object) -> str:
    return '"' + str(text).replace('"', "'") + '"'


def _write_pajek(graph: nx.MultiDiGraph, out: Path) -> list[Path]:
    """Pajek .net: vertices with labels, *Arcs for directed ties, *Edges for symmetric ones."""
    numbers = {node: index for index, node in enumerate(sorted(graph.nodes), start=1)}
    arcs: list[str] = []
    edges: list[str] = []
    for source, target, key, data in sorted(graph.edges(keys=True, data=True)):
        line = f"{numbers[source]} {numbers[target]} {data.get('weight', 1)} l {_pajek_quote(key)}"
        (edges if data.get("symmetric") else arcs).append(line)
    with _atomic_text(out) as handle:
        handle.write(f"*Vertices {len(numbers)}\r\n")
        for node, number in numbers.items():
            label = graph.nodes[node].get("label", node)
            handle.write(f"{number} {_pajek_quote(label)}\r\n")
        handle.write("*Arcs\r\n" + "".join(f"{line}\r\n" for line in arcs))
        handle.write("*Edges\r\n" + "".join(f"{line}\r\n" for line in edges))
    return [out]


def export_network(graph: nx.MultiDiGraph, fmt: str, out: Path) -> list[Path]:
    """Write the actor network as graphml, gexf, csv (nodes and edges files) or pajek."""
    if fmt not in NETWORK_FORMATS:
        raise ValueError(f"unknown network format {fmt!r}; use one of {', '.join(NETWORK_FORMATS)}")
    if fmt == "csv":
        return _write_csv(graph, out)
    if fmt == "pajek":
        return _write_pajek(graph, out)
    flat = flat_network(graph)
    with atomic_output(out) as output:
        if fmt == "graphml":
            nx.write_graphml(flat, output)
        else:
            nx.write_gexf(flat, output)
    return [out]


STATEMENT_COLUMNS = (
    "statement",
    "document",
    "file",
    "line_start",
    "line_end",
    "subject",
    "subject_label",
    "predicate",
    "finer_predicate",
    "object",
    "object_label",
    "negated",
    "modality",
    "confidence",
    "year",
    "asserted_by",
    "extractor",
    "evidence",
)


def _row_text(row: ox.QuerySolution) -> Callable[[str], str]:
    """A reader of a result row's values as text, empty when unbound."""

    def value(name: str) -> str:
        term = row[name]
        return "" if term is None else str(term.value)

    return value


def _statement_rows(store: GraphStore) -> Iterator[list[str]]:
    rows = store.query(
        PREFIXES
        + """SELECT ?st ?doc ?file ?ls ?le ?s ?sl ?p ?finer ?o ?ol ?negated ?modality
                    ?confidence ?year ?speaker ?extractor ?evidence WHERE {
          ?st a gov:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
              gov:evidence ?evidence ; prov:wasDerivedFrom ?doc ; gov:negated ?negated ;
              gov:modality ?modality .
          OPTIONAL { ?doc dcterms:identifier ?file }
          OPTIONAL { ?s skos:prefLabel ?sl } OPTIONAL { ?o skos:prefLabel ?ol }
          OPTIONAL { ?st gov:lineStart ?ls } OPTIONAL { ?st gov:lineEnd ?le }
          OPTIONAL { ?st gov:finerPredicate ?finer } OPTIONAL { ?st gov:confidence ?confidence }
          OPTIONAL { ?st gov:year ?statedYear } OPTIONAL { ?st gov:sectionYear ?sectionYear }
          BIND(COALESCE(?statedYear, ?sectionYear) AS ?year)
          OPTIONAL { ?st gov:assertedBy ?speaker }
          OPTIONAL { ?st gov:extractor ?extractor }
        }"""
    )
    local = len(str(GOV))
    for row in rows:  # type: ignore[attr-defined]
        value = _row_text(row)
        yield [
            value("st"),
            document_id(value("doc")),
            value("file"),
            value("ls"),
            value("le"),
            actor_key(value("s")),
            value("sl"),
            value("p")[local:],
            value("finer")[local:],
            actor_key(value("o")),
            value("ol"),
            value("negated"),
            value("modality")[local:],
            value("confidence"),
            value("year"),
            actor_key(value("speaker")) if row["speaker"] is not None else "",
            value("extractor"),
            value("evidence"),
        ]


def export_statements_csv(store: GraphStore, out: Path) -> None:
    """One CSV row per statement: document, raw-file lines, actors, relation, evidence sentence."""

    def order(row: list[str]) -> tuple[str, int, str]:
        return (row[1], int(row[3] or 0), row[0])

    with _atomic_text(out) as handle:
        writer = csv.writer(handle)
        writer.writerow(STATEMENT_COLUMNS)
        rows: list[list[str]] = sorted(_statement_rows(store), key=order)
        writer.writerows(rows)
