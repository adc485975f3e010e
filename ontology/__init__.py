"""The governance ontology: Turtle files, the closed namespace, the records at package seams."""

from __future__ import annotations

from pathlib import Path

from rdflib import Namespace
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

from ontology.records import (
    SYMMETRIC_RELATIONS,
    ActorClass,
    ActorRecord,
    DocumentExtraction,
    DocumentInfo,
    MentionRecord,
    Modality,
    RelationType,
    SentenceRecord,
    StatementRecord,
)
from ontology.terms import GOV

ONTOLOGY_DIR = Path(__file__).parent
ONTOLOGY_TTL = ONTOLOGY_DIR / "governance.ttl"
SHAPES_TTL = ONTOLOGY_DIR / "shapes.ttl"

GOVID = Namespace("https://w3id.org/govgraph/id/")
ONTOLOGY_GRAPH = GOVID["graph/ontology"]

PREFIXES: dict[str, Namespace] = {
    "gov": Namespace(str(GOV)),
    "govid": GOVID,
    "org": Namespace(str(ORG)),
    "prov": Namespace(str(PROV)),
    "skos": Namespace(str(SKOS)),
    "dcterms": Namespace(str(DCTERMS)),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
}

__all__ = [
    "GOV",
    "GOVID",
    "ONTOLOGY_GRAPH",
    "ONTOLOGY_TTL",
    "PREFIXES",
    "SHAPES_TTL",
    "SYMMETRIC_RELATIONS",
    "ActorClass",
    "ActorRecord",
    "DocumentExtraction",
    "DocumentInfo",
    "MentionRecord",
    "Modality",
    "RelationType",
    "SentenceRecord",
    "StatementRecord",
]
