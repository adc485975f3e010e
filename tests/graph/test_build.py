"""The dataset the builder writes has the contract's shapes, checked on the parsed TriG."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, SKOS, XSD

from graph.build import build_dataset, remove_documents, replace_documents
from graph.iris import ACTORS_GRAPH, actor_iri, document_graph_iri, document_iri
from graph.store import GraphStore, document_hashes, write_dataset
from graph.validate import validate
from ontology import GOV, ONTOLOGY_GRAPH, DocumentExtraction, RelationType, StatementRecord
from tests.graph.conftest import first_document, second_document


def _parsed(extractions: list[DocumentExtraction], folder: Path) -> Dataset:
    path = folder / "out.trig"
    write_dataset(build_dataset(extractions), path)
    dataset = Dataset()
    dataset.parse(path, format="trig")
    return dataset


def _statements(graph: object, predicate: URIRef) -> list[URIRef]:
    return [s for s in graph.subjects(RDF.predicate, predicate)]  # type: ignore[attr-defined]


@pytest.fixture
def dataset(extractions: list[DocumentExtraction], tmp_path: Path) -> Dataset:
    return _parsed(extractions, tmp_path)


def test_each_document_has_its_own_named_graph_next_to_ontology_and_actors(
    dataset: Dataset,
) -> None:
    names = {graph.identifier for graph in dataset.graphs()}
    expected = {document_graph_iri("a_nota"), document_graph_iri("b_brief")}
    assert expected | {ONTOLOGY_GRAPH, ACTORS_GRAPH} <= names
    ontology = dataset.graph(ONTOLOGY_GRAPH)
    assert (GOV.funds, RDF.type, OWL.ObjectProperty) in ontology


def test_asserted_statement_carries_provenance_and_adds_the_plain_triple(
    dataset: Dataset,
) -> None:
    graph = dataset.graph(document_graph_iri("a_nota"))
    (node,) = _statements(graph, GOV.funds)
    municipality, ggd = actor_iri("gemeente-utrecht"), actor_iri("ggd-regio-utrecht")
    assert (node, RDF.type, GOV.Statement) in graph
    assert graph.value(node, RDF.subject) == municipality
    assert graph.value(node, RDF.object) == ggd
    assert graph.value(node, GOV.finerPredicate) == GOV.subsidises
    assert str(graph.value(node, GOV.evidence)).startswith("In 2019 subsidieerde")
    assert graph.value(node, PROV.wasDerivedFrom) == document_iri("a_nota")
    assert graph.value(node, GOV.negated) == Literal(False)
    assert graph.value(node, GOV.modality) == GOV.Asserted
    assert float(graph.value(node, GOV.confidence)) == pytest.approx(0.85)  # type: ignore[arg-type]
    assert graph.value(node, GOV.extractor) == Literal("pattern")
    assert (graph.value(node, GOV.lineStart), graph.value(node, GOV.lineEnd)) == (
        Literal(3, datatype=XSD.integer),
        Literal(4, datatype=XSD.integer),
    )
    assert graph.value(node, GOV.year) == Literal(2019, datatype=XSD.integer)
    assert (municipality, GOV.funds, ggd) in graph
    assert (municipality, GOV.subsidises, ggd) in graph


def test_negated_and_normative_statements_add_no_plain_triple(dataset: Dataset) -> None:
    graph = dataset.graph(document_graph_iri("a_nota"))
    (negated,) = _statements(graph, GOV.contracts)
    (normative,) = _statements(graph, GOV.supervises)
    assert graph.value(negated, GOV.negated) == Literal(True)
    assert graph.value(normative, GOV.modality) == GOV.Normative
    assert not list(graph.triples((None, GOV.contracts, None)))
    assert not list(graph.triples((None, GOV.supervises, None)))


def test_quoted_speaker_and_section_year_reach_the_statement(dataset: Dataset) -> None:
    graph = dataset.graph(document_graph_iri("a_nota"))
    (node,) = _statements(graph, GOV.consultsWith)
    assert graph.value(node, GOV.assertedBy) == actor_iri("an-de-vries")
    assert graph.value(node, GOV.year) is None, "the sentence states no year of its own"
    assert graph.value(node, GOV.sectionYear) == Literal(2021, datatype=XSD.integer)


def test_actors_are_typed_labelled_once_and_linked_to_official_ids(dataset: Dataset) -> None:
    actors = dataset.graph(ACTORS_GRAPH)
    municipality = actor_iri("gemeente-utrecht")
    ggd = actor_iri("ggd-regio-utrecht")
    assert (municipality, RDF.type, GOV.Municipality) in actors
    assert list(actors.objects(municipality, SKOS.prefLabel)) == [
        Literal("gemeente Utrecht", lang="nl")
    ]
    # the second document's other label becomes an alias, not a second prefLabel
    assert set(actors.objects(municipality, SKOS.altLabel)) == {
        Literal("de gemeente", lang="nl"),
        Literal("Utrecht", lang="nl"),
    }
    official = "https://identifier.overheid.nl/tooi/id/oorg/oorg99999"
    assert actors.value(ggd, DCTERMS.identifier) == Literal(official)
    assert actors.value(ggd, OWL.sameAs) == URIRef(official)
    person = actor_iri("an-de-vries")
    assert (person, RDF.type, GOV.Person) in actors
    assert actors.value(person, GOV.role) == Literal("wethouder Zorg", lang="nl")
    assert actors.value(person, ORG.memberOf) == municipality


def test_mentions_and_document_description(dataset: Dataset) -> None:
    graph = dataset.graph(document_graph_iri("a_nota"))
    mentions = list(graph.subjects(RDF.type, GOV.Mention))
    assert len(mentions) == 6
    ggd_mentions = [m for m in mentions if graph.value(m, GOV.surface) == Literal("GGD")]
    (mention,) = ggd_mentions
    assert graph.value(mention, GOV.denotes) == actor_iri("ggd-regio-utrecht")
    assert graph.value(mention, GOV.start) == Literal(227, datatype=XSD.integer)
    assert graph.value(mention, GOV.lineStart) == Literal(7, datatype=XSD.integer)
    assert str(graph.value(mention, GOV.evidence)).startswith("De gemeente contracteert")
    document = document_iri("a_nota")
    assert graph.value(document, RDF.type) == GOV.Document
    assert graph.value(document, DCTERMS.identifier) == Literal("a_nota.txt")
    assert graph.value(document, DCTERMS.title) == Literal("Nota gezondheid")
    assert graph.value(document, GOV.contentHash) == Literal("a" * 64)


def test_two_builds_write_identical_bytes_whatever_the_input_order(tmp_path: Path) -> None:
    first, second = tmp_path / "1.trig", tmp_path / "2.trig"
    write_dataset(build_dataset([first_document(), second_document()]), first)
    write_dataset(build_dataset([second_document(), first_document()]), second)
    assert first.read_bytes() == second.read_bytes()


def test_unknown_sentence_or_sub_property_is_reported_by_name() -> None:
    document = first_document()
    stray = StatementRecord("gemeente-utrecht", RelationType.funds, "ggd-regio-utrecht", 99)
    with pytest.raises(ValueError, match="a_nota.txt.*sentence 99"):
        build_dataset([replace(document, statements=(stray,))])
    typo = replace(stray, sentence_index=0, subproperty="subsidizes")
    with pytest.raises(ValueError, match="gov:subsidizes"):
        build_dataset([replace(document, statements=(typo,))])


def test_two_documents_with_one_id_are_refused() -> None:
    twin = replace(first_document(), document=replace(first_document().document, file_name="x"))
    with pytest.raises(ValueError, match="share the document id 'a_nota'"):
        build_dataset([first_document(), twin])


def test_document_hashes_map_file_names_to_content_hashes(
    extractions: list[DocumentExtraction],
) -> None:
    assert document_hashes(build_dataset(extractions)) == {
        "a_nota.txt": "a" * 64,
        "b_brief.txt": "b" * 64,
    }


def test_replace_documents_rewrites_only_the_changed_graph(tmp_path: Path) -> None:
    store = build_dataset([first_document(), second_document()])
    untouched_before = set(store.oxigraph.quads_for_pattern(None, None, None, None))
    changed = replace(
        second_document(),
        document=replace(second_document().document, content_hash="c" * 64),
        statements=(),
    )
    replace_documents(store, [changed])
    assert document_hashes(store)["b_brief.txt"] == "c" * 64
    assert document_hashes(store)["a_nota.txt"] == "a" * 64
    # the first document's funding is still there
    assert bool(store.query(f"ASK {{ GRAPH ?g {{ ?s <{GOV.funds}> ?o }} }}"))
    # the rewrite equals a fresh build of the same inputs
    fresh = build_dataset([first_document(), changed])
    assert set(store.oxigraph) == set(fresh.oxigraph)
    assert set(store.oxigraph) != untouched_before


def test_remove_documents_drops_the_graph_and_actors_only_it_named() -> None:
    store = build_dataset([first_document(), second_document()])
    remove_documents(store, ["a_nota"])
    assert document_hashes(store) == {"b_brief.txt": "b" * 64}
    described = {
        str(quad.subject)[1:-1]
        for quad in store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(ACTORS_GRAPH))
    }
    # the GGD and the alderman were named only in the removed document
    assert described == {str(actor_iri("gemeente-utrecht")), str(actor_iri("provincie-utrecht"))}
    with pytest.raises(ValueError, match="'a_nota' is not in the graph"):
        remove_documents(store, ["a_nota"])


def test_a_merged_turtle_graph_cannot_be_updated_by_document(tmp_path: Path) -> None:
    path = tmp_path / "merged.ttl"
    write_dataset(build_dataset([first_document(), second_document()]), path)
    store = GraphStore.load(path)
    with pytest.raises(ValueError, match="rebuild it in full"):
        replace_documents(store, [second_document()])


def _labels(store: GraphStore, key: str, predicate: URIRef) -> set[str]:
    node, graph = ox.NamedNode(actor_iri(key)), ox.NamedNode(ACTORS_GRAPH)
    quads = store.oxigraph.quads_for_pattern(node, ox.NamedNode(predicate), None, graph)
    return {quad.object.value for quad in quads}  # type: ignore[union-attr]


def test_replacing_a_document_keeps_what_other_documents_said_about_its_actors() -> None:
    store = build_dataset([first_document(), second_document()])
    replace_documents(store, [second_document()])
    assert _labels(store, "gemeente-utrecht", SKOS.prefLabel) == {"gemeente Utrecht"}
    assert _labels(store, "gemeente-utrecht", SKOS.altLabel) == {"de gemeente", "Utrecht"}


def test_a_later_record_replaces_the_stand_in_of_an_undescribed_actor() -> None:
    bare = replace(first_document(), actors=())
    store = build_dataset([bare])
    assert _labels(store, "gemeente-utrecht", SKOS.prefLabel) == {"gemeente-utrecht"}
    replace_documents(store, [second_document()])
    assert _labels(store, "gemeente-utrecht", SKOS.prefLabel) == {"Utrecht"}
    assert _labels(store, "gemeente-utrecht", RDF.type) == {str(GOV.Municipality)}
    conforms, report = validate(store)
    assert conforms, report


def test_an_identifier_that_is_no_valid_iri_gets_no_same_as() -> None:
    document = first_document()
    odd = replace(document.actors[1], identifier="https://register example/ggd 1")
    store = build_dataset([replace(document, actors=(document.actors[0], odd))])
    assert _labels(store, "ggd-regio-utrecht", DCTERMS.identifier) == {
        "https://register example/ggd 1"
    }
    assert not _labels(store, "ggd-regio-utrecht", OWL.sameAs)
