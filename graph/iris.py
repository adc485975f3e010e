"""Deterministic instance IRIs: the one place that turns keys and records into ``govid:`` IRIs.

- actor ``govid:actor/<key>``, document ``govid:document/<doc_id>``;
- the named graph holding a document's statements and mentions ``govid:graph/<doc_id>``;
- all actor descriptions, merged across documents, in ``govid:graph/actors``;
- statement and mention IRIs are a hash of their content, so two runs give identical output.
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote, unquote

from rdflib import URIRef

from ontology import GOVID, ONTOLOGY_GRAPH, MentionRecord, StatementRecord

ACTORS_GRAPH = GOVID["graph/actors"]
ACTOR_PREFIX = str(GOVID["actor/"])
DOCUMENT_PREFIX = str(GOVID["document/"])
# Graphs that hold no document: everything else under govid:graph/ is one document's graph.
SHARED_GRAPHS = frozenset({ACTORS_GRAPH, ONTOLOGY_GRAPH})
HASH_LENGTH = 16  # hex digits: 64 bits, collision-free for any realistic corpus


def _segment(value: str) -> str:
    """Percent-encode a key so that any string makes one valid IRI path segment."""
    return quote(value, safe="-._~")


def actor_iri(key: str) -> URIRef:
    """The stable IRI of an actor, from its canonical key."""
    return GOVID[f"actor/{_segment(key)}"]


def actor_key(iri: str) -> str:
    """The canonical key of an actor IRI (inverse of `actor_iri`)."""
    if not iri.startswith(ACTOR_PREFIX):
        raise ValueError(f"{iri}: not a govgraph actor IRI")
    return unquote(iri[len(ACTOR_PREFIX) :])


def document_iri(doc_id: str) -> URIRef:
    """The IRI of a document, from its id (the file name without extension)."""
    return GOVID[f"document/{_segment(doc_id)}"]


def document_id(iri: str) -> str:
    """The id of a document IRI (inverse of `document_iri`)."""
    if not iri.startswith(DOCUMENT_PREFIX):
        raise ValueError(f"{iri}: not a govgraph document IRI")
    return unquote(iri[len(DOCUMENT_PREFIX) :])


def document_graph_iri(doc_id: str) -> URIRef:
    """The named graph that holds one document's description, mentions and statements."""
    return GOVID[f"graph/{_segment(doc_id)}"]


def _content_hash(*parts: object) -> str:
    joined = "\x1f".join("" if part is None else str(part) for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def statement_iri(doc_id: str, statement: StatementRecord, evidence: str) -> URIRef:
    """A statement's IRI: a hash of everything that makes it this statement in this document."""
    digest = _content_hash(
        doc_id,
        statement.subject,
        statement.predicate.value,
        statement.subproperty,
        statement.object,
        statement.sentence_index,
        evidence,
        statement.negated,
        statement.modality.value,
        statement.extractor,
        statement.year,
        statement.asserted_by,
    )
    return GOVID[f"statement/{digest}"]


def mention_iri(doc_id: str, mention: MentionRecord) -> URIRef:
    """A mention's IRI: a hash of its document, actor and place in the cleaned text."""
    digest = _content_hash(doc_id, mention.actor_key, mention.start, mention.end, mention.surface)
    return GOVID[f"mention/{digest}"]
