"""Actor descriptions in the actors graph: merged across documents, read back, pruned.

When two documents disagree about an actor, the first document (by id) gives its label and
class and the other labels become ``skos:altLabel``; in an incremental build the label and
class already in the store win. A key referred to without an `ActorRecord` still gets a
stand-in description (its key as label, class ``gov:Actor``) so every actor IRI is described;
a later record replaces the stand-in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, ORG, OWL, RDF, SKOS

from graph.iris import ACTORS_GRAPH, SHARED_GRAPHS, actor_iri, actor_key
from graph.oxterms import RDF_TYPE, dutch, iri
from graph.store import GraphStore
from ontology import GOV, ActorClass, ActorRecord, DocumentExtraction


@dataclass
class MergedActor:
    """One actor's description gathered from all the records that name it."""

    key: str
    label: str
    actor_class: ActorClass
    alt_labels: set[str] = field(default_factory=set)
    identifier: str | None = None
    role: str | None = None
    member_of: str | None = None

    @property
    def is_placeholder(self) -> bool:
        """True for the stand-in description of a key that no record described."""
        return self.actor_class == ActorClass.Actor and self.label == self.key

    @classmethod
    def from_record(cls, record: ActorRecord) -> MergedActor:
        """Start a merged description from the first record of an actor."""
        merged = cls(record.key, record.label, record.actor_class)
        merged.absorb(record)
        return merged

    def absorb(self, record: ActorRecord) -> None:
        """Add another record's labels and fill the fields still missing."""
        self.alt_labels.update(record.aliases)
        self.alt_labels.add(record.label)
        self.alt_labels.discard(self.label)
        self.identifier = self.identifier or record.identifier
        self.role = self.role or record.role
        self.member_of = self.member_of or record.member_of

    def quads(self) -> Iterator[ox.Quad]:
        """The actor's triples in the actors graph."""
        graph = iri(ACTORS_GRAPH)
        node = iri(actor_iri(self.key))
        yield ox.Quad(node, RDF_TYPE, iri(GOV[self.actor_class.value]), graph)
        yield ox.Quad(node, iri(SKOS.prefLabel), dutch(self.label), graph)
        for alt in distinct_labels(self.alt_labels, self.label):
            yield ox.Quad(node, iri(SKOS.altLabel), dutch(alt), graph)
        if self.identifier:
            yield ox.Quad(node, iri(DCTERMS.identifier), ox.Literal(self.identifier), graph)
            official = _official_iri(self.identifier)
            if official is not None:
                yield ox.Quad(node, iri(OWL.sameAs), official, graph)
        if self.role:
            yield ox.Quad(node, iri(GOV.role), ox.Literal(self.role, language="nl"), graph)
        if self.member_of:
            yield ox.Quad(node, iri(ORG.memberOf), iri(actor_iri(self.member_of)), graph)


CAPITAL_ARTICLES = ("De ", "Het ", "Een ")


def distinct_labels(labels: Iterable[str], pref_label: str) -> list[str]:
    """One label per case-insensitive spelling, without the preferred label.

    A sentence-initial article loses to the plain one ("de gemeente" over "De gemeente");
    otherwise the upper-case spelling wins ("GGD" over "ggd").
    """
    chosen: dict[str, str] = {}
    for label in sorted(labels, key=lambda text: (text.startswith(CAPITAL_ARTICLES), text)):
        chosen.setdefault(label.casefold(), label)
    chosen.pop(pref_label.casefold(), None)
    return sorted(chosen.values())


def _official_iri(identifier: str) -> ox.NamedNode | None:
    """The identifier as an IRI for owl:sameAs, when it is a valid http(s) IRI."""
    if not identifier.startswith(("http://", "https://")):
        return None
    try:
        return iri(identifier)
    except ValueError:
        return None


def referenced_keys(extraction: DocumentExtraction) -> set[str]:
    """Every actor key a document's records point at."""
    keys = {record.key for record in extraction.actors}
    keys.update(record.member_of for record in extraction.actors if record.member_of)
    keys.update(mention.actor_key for mention in extraction.mentions)
    for statement in extraction.statements:
        keys.update((statement.subject, statement.object))
        if statement.asserted_by:
            keys.add(statement.asserted_by)
    keys.update(s.speaker for s in extraction.sentences if s.speaker)
    return keys


def merge_actors(
    extractions: Iterable[DocumentExtraction], known: dict[str, MergedActor] | None = None
) -> dict[str, MergedActor]:
    """Merge the actor records of documents into one description per key (first one wins)."""
    merged: dict[str, MergedActor] = dict(known or {})
    undescribed: set[str] = set()
    for extraction in extractions:
        for record in extraction.actors:
            if record.key in merged:
                merged[record.key].absorb(record)
            else:
                merged[record.key] = MergedActor.from_record(record)
        undescribed.update(referenced_keys(extraction))
    for key in sorted(undescribed - merged.keys()):
        merged[key] = MergedActor(key, key, ActorClass.Actor)
    return merged


def stored_actor(store: GraphStore, key: str) -> MergedActor | None:
    """An actor's description as the actors graph holds it; None if absent or a placeholder."""
    values: dict[str, list[ox.NamedNode | ox.Literal]] = {}
    node, graph = iri(actor_iri(key)), iri(ACTORS_GRAPH)
    for quad in store.oxigraph.quads_for_pattern(node, None, None, graph):
        values.setdefault(quad.predicate.value, []).append(quad.object)  # type: ignore[arg-type]
    classes = [
        term.value[len(str(GOV)) :]
        for term in values.get(str(RDF.type), [])
        if term.value.startswith(str(GOV))
    ]
    labels = [term.value for term in values.get(str(SKOS.prefLabel), [])]
    if not classes or not labels or classes[0] not in ActorClass.__members__:
        return None
    actor = MergedActor(key, labels[0], ActorClass(classes[0]))
    if actor.is_placeholder:
        return None
    actor.alt_labels.update(term.value for term in values.get(str(SKOS.altLabel), []))

    def first(predicate: str) -> str | None:
        found = values.get(predicate)
        return found[0].value if found else None

    actor.identifier = first(str(DCTERMS.identifier))
    actor.role = first(str(GOV.role))
    member_of = first(str(ORG.memberOf))
    actor.member_of = actor_key(member_of) if member_of else None
    return actor


def prune_unreferenced_actors(store: GraphStore) -> None:
    """Drop actor descriptions that no document graph refers to any more."""
    shared = ", ".join(f"<{iri}>" for iri in SHARED_GRAPHS)
    store.oxigraph.update(
        f"""
        DELETE {{ GRAPH <{ACTORS_GRAPH}> {{ ?actor ?p ?o }} }}
        WHERE {{
          GRAPH <{ACTORS_GRAPH}> {{ ?actor ?p ?o }}
          FILTER NOT EXISTS {{
            GRAPH ?g {{ ?node ?link ?actor }}
            FILTER(?g NOT IN ({shared}))
          }}
          FILTER NOT EXISTS {{
            GRAPH <{ACTORS_GRAPH}> {{ ?person <{ORG.memberOf}> ?actor }}
          }}
        }}"""
    )
