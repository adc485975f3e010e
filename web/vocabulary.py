"""The ontology's classes and properties as the pages show them, read from its Turtle file.

Labels, comments and examples come from ``ontology/governance.ttl`` itself, so the pages and
the legend never drift from the ontology.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from ontology import GOV, ONTOLOGY_TTL

GOV_PREFIX = str(GOV)


@dataclass(frozen=True)
class Term:
    """One class or property of the ontology with its labels and documentation."""

    name: str  # local name under gov:
    iri: str
    kind: str  # "class", "relation", "object property", "datatype property"
    label_nl: str
    label_en: str
    comment: str
    example: str | None
    parents: tuple[str, ...]  # gov: super-classes or super-properties, else prefixed names
    symmetric: bool = False
    domain: str | None = None
    range: str | None = None


@dataclass(frozen=True)
class Vocabulary:
    """The ontology's classes and properties, by local name."""

    classes: dict[str, Term]
    properties: dict[str, Term]

    def label(self, name: str) -> str:
        """The Dutch label of a class or property, or the name itself when it has none."""
        term = self.classes.get(name) or self.properties.get(name)
        return term.label_nl if term else name


def _short(graph: Graph, node: object) -> str:
    text = str(node)
    if text.startswith(GOV_PREFIX):
        return text[len(GOV_PREFIX) :]
    return graph.namespace_manager.normalizeUri(URIRef(text))


def _text(graph: Graph, subject: URIRef, predicate: URIRef, language: str | None) -> str:
    values = [o for o in graph.objects(subject, predicate) if isinstance(o, Literal)]
    chosen = [v for v in values if v.language == language] or values
    return str(chosen[0]) if chosen else ""


def _term(graph: Graph, subject: URIRef, kind: str, parent_property: URIRef) -> Term:
    domain = graph.value(subject, RDFS.domain)
    range_ = graph.value(subject, RDFS.range)
    example = _text(graph, subject, SKOS.example, "nl")
    return Term(
        name=_short(graph, subject),
        iri=str(subject),
        kind=kind,
        label_nl=_text(graph, subject, RDFS.label, "nl"),
        label_en=_text(graph, subject, RDFS.label, "en"),
        comment=_text(graph, subject, RDFS.comment, "en"),
        example=example or None,
        parents=tuple(sorted(_short(graph, p) for p in graph.objects(subject, parent_property))),
        symmetric=(subject, RDF.type, OWL.SymmetricProperty) in graph,
        domain=_short(graph, domain) if domain is not None else None,
        range=_short(graph, range_) if range_ is not None else None,
    )


def _property_kind(graph: Graph, subject: URIRef) -> str:
    if (subject, RDF.type, GOV.EvaluatedRelation) in graph:
        return "relation"
    if (subject, RDF.type, OWL.DatatypeProperty) in graph:
        return "datatype property"
    return "object property"


@lru_cache(maxsize=4)
def load_vocabulary(path: Path = ONTOLOGY_TTL) -> Vocabulary:
    """Parse the ontology's Turtle file into its documented classes and properties."""
    graph = Graph().parse(path, format="turtle")
    classes: dict[str, Term] = {}
    properties: dict[str, Term] = {}
    for subject in sorted(set(graph.subjects(RDF.type, OWL.Class)), key=str):
        if isinstance(subject, URIRef) and str(subject).startswith(GOV_PREFIX):
            term = _term(graph, subject, "class", RDFS.subClassOf)
            classes[term.name] = term
    property_types = (OWL.ObjectProperty, OWL.DatatypeProperty)
    for subject in sorted(
        {s for t in property_types for s in graph.subjects(RDF.type, t)}, key=str
    ):
        if isinstance(subject, URIRef) and str(subject).startswith(GOV_PREFIX):
            term = _term(graph, subject, _property_kind(graph, subject), RDFS.subPropertyOf)
            properties[term.name] = term
    return Vocabulary(classes, properties)


def property_labels() -> dict[str, str]:
    """The Dutch label of every gov: property, for scripts that show statements."""
    return {name: term.label_nl for name, term in load_vocabulary().properties.items()}
