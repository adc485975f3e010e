"""Extraction records to the RDF dataset, added to Oxigraph in one transaction per build.

Layout of the dataset (IRIs from `graph.iris`):
- ``govid:graph/ontology``: the governance ontology (``ontology/governance.ttl``);
- ``govid:graph/actors``: every actor once, merged across documents (class, labels, ids,
  person roles), so that the union default graph never repeats an actor's label;
- ``govid:graph/<doc_id>``: one per document: the ``gov:Document`` node, its ``gov:Mention``
  and ``gov:Statement`` nodes, and the plain triple of each asserted, non-negated statement.

How actors are merged across documents is told in `graph.actors`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, PROV, RDF

from graph.actors import (
    MergedActor,
    merge_actors,
    prune_unreferenced_actors,
    referenced_keys,
    stored_actor,
)
from graph.iris import (
    ACTORS_GRAPH,
    actor_iri,
    document_graph_iri,
    document_iri,
    mention_iri,
    statement_iri,
)
from graph.oxterms import RDF_TYPE, boolean, decimal, integer, iri
from graph.store import GraphStore
from ontology import (
    GOV,
    ONTOLOGY_GRAPH,
    ONTOLOGY_TTL,
    DocumentExtraction,
    Modality,
    RelationType,
    SentenceRecord,
    StatementRecord,
)

_MENTION = iri(GOV.Mention)
_DENOTES = iri(GOV.denotes)
_SURFACE = iri(GOV.surface)
_DERIVED_FROM = iri(PROV.wasDerivedFrom)
_START = iri(GOV.start)
_END = iri(GOV.end)
_EVIDENCE = iri(GOV.evidence)
_LINE_START = iri(GOV.lineStart)
_LINE_END = iri(GOV.lineEnd)
_STATEMENT = iri(GOV.Statement)
_SUBJECT = iri(RDF.subject)
_PREDICATE = iri(RDF.predicate)
_OBJECT = iri(RDF.object)
_FINER = iri(GOV.finerPredicate)
_NEGATED = iri(GOV.negated)
_MODALITY = iri(GOV.modality)
_CONFIDENCE = iri(GOV.confidence)
_EXTRACTOR = iri(GOV.extractor)
_SENTENCE_INDEX = iri(GOV.sentenceIndex)
_YEAR = iri(GOV.year)
_SECTION_YEAR = iri(GOV.sectionYear)
_ASSERTED_BY = iri(GOV.assertedBy)


def _sentence_terms(sentence: SentenceRecord) -> tuple[tuple[ox.NamedNode, ox.Literal], ...]:
    """Evidence and line numbers of a sentence, built once for all its mentions."""
    return (
        (_EVIDENCE, ox.Literal(sentence.text)),
        (_LINE_START, integer(sentence.line_start)),
        (_LINE_END, integer(sentence.line_end)),
    )


def _sentence_lookup(extraction: DocumentExtraction) -> dict[int, SentenceRecord]:
    return {sentence.index: sentence for sentence in extraction.sentences}


def _finer_predicate(statement: StatementRecord) -> ox.NamedNode | None:
    if not statement.subproperty:
        return None
    try:
        return iri(GOV[statement.subproperty])
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
    node = iri(statement_iri(doc_id, statement, sentence.text))
    subject = iri(actor_iri(statement.subject))
    predicate = iri(GOV[RelationType(statement.predicate).value])
    obj = iri(actor_iri(statement.object))
    finer = _finer_predicate(statement)
    # gov:year is what the sentence states; a section heading's year is kept apart.
    section_year = sentence.default_year if statement.year is None else None
    speaker = statement.asserted_by or sentence.speaker

    def triple(p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> ox.Quad:
        return ox.Quad(node, p, o, graph)

    yield triple(RDF_TYPE, _STATEMENT)
    yield triple(_SUBJECT, subject)
    yield triple(_PREDICATE, predicate)
    yield triple(_OBJECT, obj)
    if finer is not None:
        yield triple(_FINER, finer)
    for predicate_node, term in evidence:
        yield triple(predicate_node, term)
    yield triple(_DERIVED_FROM, iri(document_iri(doc_id)))
    yield triple(_NEGATED, boolean(statement.negated))
    yield triple(_MODALITY, iri(GOV[Modality(statement.modality).value]))
    yield triple(_CONFIDENCE, decimal(statement.confidence))
    yield triple(_EXTRACTOR, ox.Literal(statement.extractor))
    yield triple(_SENTENCE_INDEX, integer(sentence.index))
    if statement.year is not None:
        yield triple(_YEAR, integer(statement.year))
    if section_year is not None:
        yield triple(_SECTION_YEAR, integer(section_year))
    if speaker:
        yield triple(_ASSERTED_BY, iri(actor_iri(speaker)))
    if not statement.negated and statement.modality == Modality.Asserted:
        yield ox.Quad(subject, predicate, obj, graph)
        if finer is not None:
            yield ox.Quad(subject, finer, obj, graph)


def _document_quads(extraction: DocumentExtraction, graph: ox.NamedNode) -> Iterator[ox.Quad]:
    info = extraction.document
    node = iri(document_iri(info.doc_id))
    yield ox.Quad(node, RDF_TYPE, iri(GOV.Document), graph)
    yield ox.Quad(node, iri(DCTERMS.identifier), ox.Literal(info.file_name), graph)
    yield ox.Quad(node, iri(GOV.contentHash), ox.Literal(info.content_hash), graph)
    optional = (
        (DCTERMS.title, info.title),
        (DCTERMS.date, info.date),
        (DCTERMS.creator, info.author),
        (GOV.sourceType, info.source_type),
        (GOV.extractorVersion, info.extractor_version),
    )
    for predicate, value in optional:
        if value:
            yield ox.Quad(node, iri(predicate), ox.Literal(value), graph)


def document_quads(extraction: DocumentExtraction) -> Iterator[ox.Quad]:
    """All quads of one document's named graph (not its actors: those go to the actors graph)."""
    doc_id = extraction.document.doc_id
    graph = iri(document_graph_iri(doc_id))
    document = iri(document_iri(doc_id))
    sentences = _sentence_lookup(extraction)
    evidence = {index: _sentence_terms(sentence) for index, sentence in sentences.items()}
    yield from _document_quads(extraction, graph)
    for mention in extraction.mentions:
        node = iri(mention_iri(doc_id, mention))
        yield ox.Quad(node, RDF_TYPE, _MENTION, graph)
        yield ox.Quad(node, _DENOTES, iri(actor_iri(mention.actor_key)), graph)
        yield ox.Quad(node, _SURFACE, ox.Literal(mention.surface), graph)
        yield ox.Quad(node, _DERIVED_FROM, document, graph)
        yield ox.Quad(node, _START, integer(mention.start), graph)
        yield ox.Quad(node, _END, integer(mention.end), graph)
        yield ox.Quad(node, _SENTENCE_INDEX, integer(mention.sentence_index), graph)
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
        path=str(ONTOLOGY_TTL), format=ox.RdfFormat.TURTLE, to_graph=iri(ONTOLOGY_GRAPH)
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
    stored = {key: stored_actor(store, key) for key in touched}
    # A stored actor keeps its label and class; the new labels become altLabels.
    merged = merge_actors(ordered, {key: actor for key, actor in stored.items() if actor})
    # All quads are made before the store changes, so a bad record leaves the store as it was.
    quads = _dataset_quads(ordered, merged, touched)
    for extraction in ordered:
        graph = iri(document_graph_iri(extraction.document.doc_id))
        if store.oxigraph.contains_named_graph(graph):
            store.oxigraph.remove_graph(graph)
    actors_graph = iri(ACTORS_GRAPH)
    for key in touched:  # rewritten whole from the merged description
        old = store.oxigraph.quads_for_pattern(iri(actor_iri(key)), None, None, actors_graph)
        for quad in list(old):
            store.oxigraph.remove(quad)
    store.oxigraph.extend(quads)
    prune_unreferenced_actors(store)


def remove_documents(store: GraphStore, doc_ids: Iterable[str]) -> None:
    """Drop these documents' named graphs and the actors no other document refers to."""
    _require_named_graphs(store)
    for doc_id in doc_ids:
        graph = iri(document_graph_iri(doc_id))
        if not store.oxigraph.contains_named_graph(graph):
            raise ValueError(f"document {doc_id!r} is not in the graph")
        store.oxigraph.remove_graph(graph)
    prune_unreferenced_actors(store)
