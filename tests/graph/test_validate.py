"""Built datasets pass the SHACL shapes; broken ones fail with a report that says why."""

from __future__ import annotations

from dataclasses import replace

import pyoxigraph as ox
from rdflib.namespace import RDF, SKOS

from graph.build import build_dataset
from graph.iris import ACTORS_GRAPH, actor_iri, document_graph_iri
from graph.validate import validate
from ontology import GOV, DocumentExtraction, MentionRecord
from tests.graph.conftest import first_document


def test_a_built_dataset_conforms(extractions: list[DocumentExtraction]) -> None:
    conforms, report = validate(build_dataset(extractions))
    assert conforms, report


def test_statement_with_two_objects_fails(extractions: list[DocumentExtraction]) -> None:
    store = build_dataset(extractions)
    statement = next(
        store.oxigraph.quads_for_pattern(None, ox.NamedNode(RDF.type), ox.NamedNode(GOV.Statement))
    )
    store.oxigraph.add(
        ox.Quad(
            statement.subject,
            ox.NamedNode(RDF.object),
            ox.NamedNode(actor_iri("provincie-utrecht")),
            statement.graph_name,
        )
    )
    conforms, report = validate(store)
    assert not conforms
    assert "exactly one rdf:object" in report


def test_actor_without_label_and_mention_of_unknown_node_fail(
    extractions: list[DocumentExtraction],
) -> None:
    store = build_dataset(extractions)
    ggd = ox.NamedNode(actor_iri("ggd-regio-utrecht"))
    for quad in list(
        store.oxigraph.quads_for_pattern(ggd, ox.NamedNode(SKOS.prefLabel), None, None)
    ):
        store.oxigraph.remove(quad)
    mention = ox.NamedNode("https://w3id.org/govgraph/id/mention/stray")
    graph = ox.NamedNode(document_graph_iri("a_nota"))
    store.oxigraph.extend(
        [
            ox.Quad(mention, ox.NamedNode(RDF.type), ox.NamedNode(GOV.Mention), graph),
            ox.Quad(mention, ox.NamedNode(GOV.denotes), ox.NamedNode(ACTORS_GRAPH), graph),
        ]
    )
    conforms, report = validate(store)
    assert not conforms
    assert "skos:prefLabel in Dutch" in report
    assert "must denote exactly one gov:Actor" in report


def test_finer_predicate_outside_the_statements_relation_fails() -> None:
    document = first_document()
    wrong = tuple(
        replace(s, subproperty="inspects") if s.subproperty else s for s in document.statements
    )
    conforms, report = validate(build_dataset([replace(document, statements=wrong)]))
    assert not conforms
    assert "must be a sub-property of the statement's rdf:predicate" in report


def test_mention_of_an_empty_actor_key_fails() -> None:
    document = first_document()
    empty = MentionRecord("", "", 12, 12, 0)  # no key, and no text between its offsets
    conforms, report = validate(
        build_dataset([replace(document, mentions=(*document.mentions, empty))])
    )
    assert not conforms
    assert "non-empty key" in report
    assert "start offset comes before its end offset" in report


def test_statement_whose_lines_run_backwards_fails() -> None:
    document = first_document()
    backwards = replace(document.sentences[0], line_start=9, line_end=4)
    sentences = (backwards, *document.sentences[1:])
    conforms, report = validate(build_dataset([replace(document, sentences=sentences)]))
    assert not conforms
    assert "first line comes before its last line" in report
