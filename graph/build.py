"""Extraction records to the RDF dataset, added to Oxigraph in one transaction per build.

Layout of the dataset (IRIs from `graph.iris`):
- ``govid:graph/ontology``: the governance ontology (``ontology/governance.ttl``);
- ``govid:graph/actors``: every actor once, merged across documents (class, labels, ids,
  person roles), so that the union default graph never repeats an actor's label;
- ``govid:graph/<doc_id>``: one per document: the ``gov:Document`` node, its ``gov:Mention``
  and ``gov:Statement`` nodes, and the plain triple of each asserted, non-negated statement.

When two documents disagree about an actor, the first document (by id) gives its label and
class and the other labels become ``skos:altLabel``; in an incremental build the label and
class already in the store win. A key referred to without an `ActorRecord` still gets a
description (its key as label, class ``gov:Actor``) so that every actor IRI is described.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, SKOS, XSD

from graph.iris import (
    ACTORS_GRAPH,
    SHARED_GRAPHS,
    actor_iri,
    actor_key,
    document_graph_iri,
    document_iri,
    mention_iri,
    statement_iri,
)
from graph.store import GraphStore
from ontology import (
    GOV,
    ONTOLOGY_GRAPH,
    ONTOLOGY_TTL,
    ActorClass,
    ActorRecord,
    DocumentExtraction,
    Modality,
    RelationType,
    SentenceRecord,
    StatementRecord,
)

_RDF_TYPE = ox.NamedNode(RDF.type)
_XSD_INTEGER = ox.NamedNode(XSD.integer)
_XSD_DECIMAL = ox.NamedNode(XSD.decimal)
_XSD_BOOLEAN = ox.NamedNode(XSD.boolean)


@lru_cache(maxsize=100_000)
def _iri(value: str) -> ox.NamedNode:
    """One Oxigraph node per IRI: predicates, classes and actors recur thousands of times."""
    return ox.NamedNode(value)


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_XSD_INTEGER)


def _boolean(value: bool) -> ox.Literal:
    return ox.Literal("true" if value else "false", datatype=_XSD_BOOLEAN)


def _decimal(value: float) -> ox.Literal:
    # A fixed lexical form keeps the output byte-identical between runs.
    return ox.Literal(f"{value:.4f}".rstrip("0").rstrip(".") or "0", datatype=_XSD_DECIMAL)


def _dutch(text: str) -> ox.Literal:
    return ox.Literal(text, language="nl")


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
        graph = _iri(ACTORS_GRAPH)
        node = _iri(actor_iri(self.key))
        yield ox.Quad(node, _RDF_TYPE, _iri(GOV[self.actor_class.value]), graph)
        yield ox.Quad(node, _iri(SKOS.prefLabel), _dutch(self.label), graph)
        for alt in sorted(self.alt_labels):
            yield ox.Quad(node, _iri(SKOS.altLabel), _dutch(alt), graph)
        if self.identifier:
            yield ox.Quad(node, _iri(DCTERMS.identifier), ox.Literal(self.identifier), graph)
            if self.identifier.startswith(("http://", "https://")):
                yield ox.Quad(node, _iri(OWL.sameAs), _iri(self.identifier), graph)
        if self.role:
            yield ox.Quad(node, _iri(GOV.role), ox.Literal(self.role, language="nl"), graph)
        if self.member_of:
            yield ox.Quad(node, _iri(ORG.memberOf), _iri(actor_iri(self.member_of)), graph)


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


_MENTION = _iri(GOV.Mention)
_DENOTES = _iri(GOV.denotes)
_SURFACE = _iri(GOV.surface)
_DERIVED_FROM = _iri(PROV.wasDerivedFrom)
_START = _iri(GOV.start)
_END = _iri(GOV.end)
_EVIDENCE = _iri(GOV.evidence)
_LINE_START = _iri(GOV.lineStart)
_LINE_END = _iri(GOV.lineEnd)
_STATEMENT = _iri(GOV.Statement)
_SUBJECT = _iri(RDF.subject)
_PREDICATE = _iri(RDF.predicate)
_OBJECT = _iri(RDF.object)
_FINER = _iri(GOV.finerPredicate)
_NEGATED = _iri(GOV.negated)
_MODALITY = _iri(GOV.modality)
_CONFIDENCE = _iri(GOV.confidence)
_EXTRACTOR = _iri(GOV.extractor)
_SENTENCE_INDEX = _iri(GOV.sentenceIndex)
_YEAR = _iri(GOV.year)
_ASSERTED_BY = _iri(GOV.assertedBy)


def _sentence_terms(sentence: SentenceRecord) -> tuple[tuple[ox.NamedNode, ox.Literal], ...]:
    """Evidence and line numbers of a sentence, built once for all its mentions."""
    return (
        (_EVIDENCE, ox.Literal(sentence.text)),
        (_LINE_START, _integer(sentence.line_start)),
        (_LINE_END, _integer(sentence.line_end)),
    )


def _sentence_lookup(extraction: DocumentExtraction) -> dict[int, SentenceRecord]:
    return {sentence.index: sentence for sentence in extraction.sentences}


def _finer_predicate(statement: StatementRecord) -> ox.NamedNode | None:
    if not statement.subproperty:
        return None
    try:
        return _iri(GOV[statement.subproperty])
    except (AttributeError, KeyError) as error:
        raise ValueError(
            f"statement {statement.subject} {statement.predicate} {statement.object}: "
            f"unknown sub-property gov:{statement.subproperty} (not in ontology/governance.ttl)"
        ) from error


def _statement_quads(
    extraction: DocumentExtraction,
    statement: StatementRecord,
    sentence: SentenceRecord,
    evidence: tuple[tuple[ox.NamedNode, ox.Literal], ...],
    graph: ox.NamedNode,
) -> Iterator[ox.Quad]:
    doc_id = extraction.document.doc_id
    node = _iri(statement_iri(doc_id, statement, sentence.text))
    subject = _iri(actor_iri(statement.subject))
    predicate = _iri(GOV[RelationType(statement.predicate).value])
    obj = _iri(actor_iri(statement.object))
    finer = _finer_predicate(statement)
    year = statement.year if statement.year is not None else sentence.default_year
    speaker = statement.asserted_by or sentence.speaker

    def triple(p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> ox.Quad:
        return ox.Quad(node, p, o, graph)

    yield triple(_RDF_TYPE, _STATEMENT)
    yield triple(_SUBJECT, subject)
    yield triple(_PREDICATE, predicate)
    yield triple(_OBJECT, obj)
    if finer is not None:
        yield triple(_FINER, finer)
    for predicate_node, term in evidence:
        yield triple(predicate_node, term)
    yield triple(_DERIVED_FROM, _iri(document_iri(doc_id)))
    yield triple(_NEGATED, _boolean(statement.negated))
    yield triple(_MODALITY, _iri(GOV[Modality(statement.modality).value]))
    yield triple(_CONFIDENCE, _decimal(statement.confidence))
    yield triple(_EXTRACTOR, ox.Literal(statement.extractor))
    yield triple(_SENTENCE_INDEX, _integer(sentence.index))
    if year is not None:
        yield triple(_YEAR, _integer(year))
    if speaker:
        yield triple(_ASSERTED_BY, _iri(actor_iri(speaker)))
    if not statement.negated and statement.modality == Modality.Asserted:
        yield ox.Quad(subject, predicate, obj, graph)
        if finer is not None:
            yield ox.Quad(subject, finer, obj, graph)


def _document_quads(extraction: DocumentExtraction, graph: ox.NamedNode) -> Iterator[ox.Quad]:
    info = extraction.document
    node = _iri(document_iri(info.doc_id))
    yield ox.Quad(node, _RDF_TYPE, _iri(GOV.Document), graph)
    yield ox.Quad(node, _iri(DCTERMS.identifier), ox.Literal(info.file_name), graph)
    yield ox.Quad(node, _iri(GOV.contentHash), ox.Literal(info.content_hash), graph)
    optional = (
        (DCTERMS.title, info.title),
        (DCTERMS.date, info.date),
        (DCTERMS.creator, info.author),
        (GOV.sourceType, info.source_type),
    )
    for predicate, value in optional:
        if value:
            yield ox.Quad(node, _iri(predicate), ox.Literal(value), graph)


def document_quads(extraction: DocumentExtraction) -> Iterator[ox.Quad]:
    """All quads of one document's named graph (not its actors: those go to the actors graph)."""
    doc_id = extraction.document.doc_id
    graph = _iri(document_graph_iri(doc_id))
    document = _iri(document_iri(doc_id))
    sentences = _sentence_lookup(extraction)
    evidence = {index: _sentence_terms(sentence) for index, sentence in sentences.items()}
    yield from _document_quads(extraction, graph)
    for mention in extraction.mentions:
        node = _iri(mention_iri(doc_id, mention))
        yield ox.Quad(node, _RDF_TYPE, _MENTION, graph)
        yield ox.Quad(node, _DENOTES, _iri(actor_iri(mention.actor_key)), graph)
        yield ox.Quad(node, _SURFACE, ox.Literal(mention.surface), graph)
        yield ox.Quad(node, _DERIVED_FROM, document, graph)
        yield ox.Quad(node, _START, _integer(mention.start), graph)
        yield ox.Quad(node, _END, _integer(mention.end), graph)
        yield ox.Quad(node, _SENTENCE_INDEX, _integer(mention.sentence_index), graph)
        for predicate, term in evidence.get(mention.sentence_index, ()):
            yield ox.Quad(node, predicate, term, graph)
    for statement in extraction.statements:
        sentence = sentences.get(statement.sentence_index)
        if sentence is None:
            raise ValueError(
                f"{extraction.document.file_name}: statement {statement.subject} "
                f"{statement.predicate} {statement.object} points at sentence "
                f"{statement.sentence_index}, which the extraction does not contain"
            )
        yield from _statement_quads(
            extraction, statement, sentence, evidence[statement.sentence_index], graph
        )


def _ordered(extractions: Iterable[DocumentExtraction]) -> list[DocumentExtraction]:
    """Documents sorted by id, refusing two documents with the same id."""
    by_id: dict[str, DocumentExtraction] = {}
    for extraction in extractions:
        doc_id = extraction.document.doc_id
        if doc_id in by_id:
            raise ValueError(
                f"{extraction.document.file_name} and {by_id[doc_id].document.file_name} "
                f"share the document id {doc_id!r}; rename one of them"
            )
        by_id[doc_id] = extraction
    return [by_id[doc_id] for doc_id in sorted(by_id)]


def load_ontology(store: GraphStore) -> None:
    """Put the governance ontology into its own named graph."""
    store.oxigraph.load(
        path=str(ONTOLOGY_TTL), format=ox.RdfFormat.TURTLE, to_graph=_iri(ONTOLOGY_GRAPH)
    )


def build_dataset(
    extractions: Iterable[DocumentExtraction], into: GraphStore | None = None
) -> GraphStore:
    """Build the whole dataset (ontology, actors, one graph per document), in memory by default.

    ``into`` is an empty store to fill instead, such as an on-disk one from `GraphStore.open`.
    """
    ordered = _ordered(extractions)
    store = into if into is not None else GraphStore()
    if into is not None and len(into.oxigraph):
        raise ValueError("build_dataset needs an empty store; use replace_documents to update")
    load_ontology(store)
    actors = merge_actors(ordered)
    store.oxigraph.extend(_dataset_quads(ordered, actors, actors.keys()))
    return store


def _dataset_quads(
    ordered: list[DocumentExtraction], actors: dict[str, MergedActor], keys: Iterable[str]
) -> list[ox.Quad]:
    """The documents' graphs plus the descriptions of the actors with these keys."""
    quads = [quad for extraction in ordered for quad in document_quads(extraction)]
    for key in sorted(keys):
        quads.extend(actors[key].quads())
    return quads


def _stored_actor(store: GraphStore, key: str) -> MergedActor | None:
    """An actor's description as the actors graph holds it; None if absent or a placeholder."""
    values: dict[str, list[ox.NamedNode | ox.Literal]] = {}
    node, graph = _iri(actor_iri(key)), _iri(ACTORS_GRAPH)
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


def _prune_unreferenced_actors(store: GraphStore) -> None:
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


def _require_named_graphs(store: GraphStore) -> None:
    """Refuse a store read from a triples-only file: its documents cannot be told apart."""
    if next(store.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph()), None):
        raise ValueError(
            "this graph holds all documents in one merged graph (Turtle or N-Triples), so "
            "single documents cannot be replaced; rebuild it in full, or keep it as .trig or .nq"
        )


def replace_documents(store: GraphStore, extractions: Iterable[DocumentExtraction]) -> None:
    """Drop and rewrite the named graphs of these documents only, keeping the rest of the store."""
    _require_named_graphs(store)
    ordered = _ordered(extractions)
    touched = {key for extraction in ordered for key in referenced_keys(extraction)}
    stored = {key: _stored_actor(store, key) for key in touched}
    # A stored actor keeps its label and class; the new labels become altLabels.
    merged = merge_actors(ordered, {key: actor for key, actor in stored.items() if actor})
    # All quads are made before the store changes, so a bad record leaves the store as it was.
    quads = _dataset_quads(ordered, merged, touched)
    for extraction in ordered:
        graph = _iri(document_graph_iri(extraction.document.doc_id))
        if store.oxigraph.contains_named_graph(graph):
            store.oxigraph.remove_graph(graph)
    actors_graph = _iri(ACTORS_GRAPH)
    for key in touched:  # rewritten whole from the merged description
        old = store.oxigraph.quads_for_pattern(_iri(actor_iri(key)), None, None, actors_graph)
        for quad in list(old):
            store.oxigraph.remove(quad)
    store.oxigraph.extend(quads)
    _prune_unreferenced_actors(store)


def remove_documents(store: GraphStore, doc_ids: Iterable[str]) -> None:
    """Drop these documents' named graphs and the actors no other document refers to."""
    _require_named_graphs(store)
    for doc_id in doc_ids:
        graph = _iri(document_graph_iri(doc_id))
        if not store.oxigraph.contains_named_graph(graph):
            raise ValueError(f"document {doc_id!r} is not in the graph")
        store.oxigraph.remove_graph(graph)
    _prune_unreferenced_actors(store)
