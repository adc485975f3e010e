"""The Turtle ontology, the record enums and the generated closed namespace agree."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from ontology import (
    GOV,
    ONTOLOGY_TTL,
    SYMMETRIC_RELATIONS,
    ActorClass,
    Modality,
    RelationType,
)
from ontology.generate_terms import TERMS_PY, defined_terms, render

NS = str(GOV)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_TTL, format="turtle")


def _local(iri: object) -> str:
    return str(iri)[len(NS) :]


def _gov_terms(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef) and s.startswith(NS)}


def test_actor_classes_are_exactly_the_record_enum(ontology: Graph) -> None:
    actor_classes = set(ontology.transitive_subjects(RDFS.subClassOf, GOV.Actor))
    assert {_local(c) for c in actor_classes} == {c.value for c in ActorClass}


def test_evaluated_relations_are_exactly_the_record_enum(ontology: Graph) -> None:
    evaluated = set(ontology.subjects(RDF.type, GOV.EvaluatedRelation))
    assert {_local(p) for p in evaluated} == {r.value for r in RelationType}
    for prop in evaluated:
        assert ontology.value(prop, RDFS.domain) == GOV.Actor, prop
        assert ontology.value(prop, RDFS.range) == GOV.Actor, prop


def test_symmetric_relations_match_the_records(ontology: Graph) -> None:
    evaluated = set(ontology.subjects(RDF.type, GOV.EvaluatedRelation))
    symmetric = {p for p in evaluated if (p, RDF.type, OWL.SymmetricProperty) in ontology}
    assert {_local(p) for p in symmetric} == {r.value for r in SYMMETRIC_RELATIONS}


def test_modalities_match_the_records(ontology: Graph) -> None:
    modalities = set(ontology.subjects(RDF.type, GOV.Modality))
    assert {_local(m) for m in modalities} == {m.value for m in Modality}


def test_every_sub_property_rolls_up_to_one_evaluated_relation(ontology: Graph) -> None:
    evaluated = set(ontology.subjects(RDF.type, GOV.EvaluatedRelation))
    for prop in _gov_terms(ontology) - evaluated:
        parents = set(ontology.transitive_objects(prop, RDFS.subPropertyOf)) - {prop}
        if any(p in evaluated for p in parents):
            assert len(parents & evaluated) == 1, prop


def test_every_term_has_dutch_and_english_labels_a_comment_and_a_dutch_example(
    ontology: Graph,
) -> None:
    for term in _gov_terms(ontology):
        languages = {
            getattr(label, "language", None) for label in ontology.objects(term, RDFS.label)
        }
        assert {"nl", "en"} <= languages, term
        assert ontology.value(term, RDFS.comment), term
        example = ontology.value(term, SKOS.example)
        assert isinstance(example, Literal) and example.language == "nl", term


def test_inverse_properties_point_back_at_relations(ontology: Graph) -> None:
    pairs = list(ontology.subject_objects(OWL.inverseOf))
    assert (GOV.funds, GOV.fundedBy) in pairs
    for forward, inverse in pairs:
        assert (inverse, RDF.type, OWL.ObjectProperty) in ontology
        assert (forward, RDF.type, GOV.EvaluatedRelation) in ontology


def test_alignment_to_w3c_vocabularies(ontology: Graph) -> None:
    assert (GOV.Organisation, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Organization")) in (
        ontology
    )
    assert (GOV.Actor, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Agent")) in ontology
    assert (GOV.Person, RDFS.subClassOf, URIRef("http://xmlns.com/foaf/0.1/Person")) in ontology


def test_generated_namespace_is_current_and_closed() -> None:
    assert TERMS_PY.read_text(encoding="utf-8") == render(defined_terms(ONTOLOGY_TTL))
    assert GOV.contentHash == URIRef(NS + "contentHash")
    with pytest.raises(AttributeError):
        _ = GOV.fundz


def test_generator_refuses_a_used_but_undefined_term(tmp_path: Path) -> None:
    turtle = tmp_path / "broken.ttl"
    turtle.write_text(
        "@prefix gov: <https://w3id.org/govgraph/ont#> .\n"
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "gov:a a owl:Class ; owl:equivalentClass gov:b .\n"
    )
    with pytest.raises(ValueError, match="never defined: b"):
        defined_terms(turtle)
