"""Reads for the pages: actors, documents, mentions and the statements behind every edge.

The queries follow the contract's shapes and run natively in Oxigraph over the union of
all graphs; keys and IRIs go in as SPARQL substitutions, never as spliced text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib.namespace import XSD

from graph.iris import actor_iri, actor_key, document_id, document_iri
from graph.store import GraphStore
from ontology import GOV
from web.sparql_engine import PREFIX_IRIS

GOV_PREFIX = str(GOV)

RowValue = str | int | float | bool | None


def _python_value(term: object) -> RowValue:
    """A result term as a plain Python value (typed literals become numbers and booleans)."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype == str(XSD.boolean):
            return term.value in ("true", "1")
        if datatype in (str(XSD.integer), str(XSD.int), str(XSD.gYear)):
            return int(term.value)
        if datatype in (str(XSD.decimal), str(XSD.double), str(XSD.float)):
            return float(term.value)
        return term.value
    return str(getattr(term, "value", term))


def select(
    store: GraphStore, sparql: str, bindings: Mapping[str, str] | None = None
) -> list[dict[str, RowValue]]:
    """Run a SELECT over the union graph with IRIs bound to projected variables; rows as dicts."""
    substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
        ox.Variable(name): ox.NamedNode(iri) for name, iri in (bindings or {}).items()
    }
    solutions = store.oxigraph.query(
        sparql,
        prefixes=PREFIX_IRIS,
        use_default_graph_as_union=True,
        substitutions=substitutions,
    )
    names = [variable.value for variable in solutions.variables]  # type: ignore[union-attr]
    return [{name: _python_value(row[name]) for name in names} for row in solutions]  # type: ignore[union-attr]


def local_name(iri: RowValue) -> str:
    """The gov: local name of an ontology IRI (``funds`` for ``gov:funds``)."""
    text = str(iri or "")
    return text[len(GOV_PREFIX) :] if text.startswith(GOV_PREFIX) else text


def _key(iri: RowValue) -> str | None:
    return actor_key(str(iri)) if iri else None


@dataclass(frozen=True)
class StatementView:
    """One statement with its evidence and provenance, as pages and edge panels show it."""

    iri: str
    subject: str
    subject_label: str
    property: str
    object: str
    object_label: str
    evidence: str
    document: str
    document_title: str
    line_start: int | None
    line_end: int | None
    negated: bool
    modality: str
    year: int | None
    confidence: float | None
    extractor: str | None
    asserted_by: str | None
    asserted_by_label: str | None


# What every statement row carries, so that co-mention rows read as statements too.
_STATEMENT_VARIABLES = """
SELECT DISTINCT ?statement ?subject ?subjectLabel ?predicate ?object ?objectLabel ?evidence
       ?document ?title ?fileName ?lineStart ?lineEnd ?negated ?modality ?year ?confidence
       ?extractor ?speaker ?speakerLabel
"""
_LABELS_AND_SOURCE = """
  OPTIONAL { ?subject skos:prefLabel ?subjectLabel }
  OPTIONAL { ?object skos:prefLabel ?objectLabel }
  OPTIONAL { ?document dcterms:title ?title }
  OPTIONAL { ?document dcterms:identifier ?fileName }
"""
_STATEMENTS = (
    _STATEMENT_VARIABLES
    + """WHERE {
  ?statement a gov:Statement ; rdf:subject ?subject ; rdf:predicate ?predicate ;
      rdf:object ?object ; gov:evidence ?evidence ; prov:wasDerivedFrom ?document ."""
    + _LABELS_AND_SOURCE
    + """  OPTIONAL { ?statement gov:lineStart ?lineStart }
  OPTIONAL { ?statement gov:lineEnd ?lineEnd }
  OPTIONAL { ?statement gov:negated ?negated }
  OPTIONAL { ?statement gov:modality ?modality }
  OPTIONAL { ?statement gov:year ?statedYear }
  OPTIONAL { ?statement gov:sectionYear ?sectionYear }
  BIND(COALESCE(?statedYear, ?sectionYear) AS ?year)
  OPTIONAL { ?statement gov:confidence ?confidence }
  OPTIONAL { ?statement gov:extractor ?extractor }
  OPTIONAL { ?statement gov:assertedBy ?speaker OPTIONAL { ?speaker skos:prefLabel ?speakerLabel } }
}
"""
)


def _statement(row: Mapping[str, RowValue]) -> StatementView:
    subject, obj = str(row["subject"]), str(row["object"])
    speaker = row["speaker"]
    modality = local_name(row["modality"]) or "Asserted"
    return StatementView(
        iri=str(row["statement"]),
        subject=actor_key(subject),
        subject_label=str(row["subjectLabel"] or actor_key(subject)),
        property=local_name(row["predicate"]),
        object=actor_key(obj),
        object_label=str(row["objectLabel"] or actor_key(obj)),
        evidence=str(row["evidence"]),
        document=document_id(str(row["document"])),
        document_title=str(row["title"] or row["fileName"] or document_id(str(row["document"]))),
        line_start=row["lineStart"] if isinstance(row["lineStart"], int) else None,
        line_end=row["lineEnd"] if isinstance(row["lineEnd"], int) else None,
        negated=bool(row["negated"]),
        modality=modality,
        year=row["year"] if isinstance(row["year"], int) else None,
        confidence=float(row["confidence"]) if row["confidence"] is not None else None,
        extractor=str(row["extractor"]) if row["extractor"] is not None else None,
        asserted_by=_key(speaker),
        asserted_by_label=str(row["speakerLabel"] or _key(speaker)) if speaker else None,
    )


def _sorted(statements: Iterable[StatementView]) -> list[StatementView]:
    unique = {statement.iri: statement for statement in statements}
    return sorted(unique.values(), key=lambda s: (s.document, s.line_start or 0, s.iri))


def statements(
    store: GraphStore,
    *,
    subject: str | None = None,
    predicate: str | None = None,
    obj: str | None = None,
    document: str | None = None,
) -> list[StatementView]:
    """Statements matching the given actor keys, gov: property local name and document id."""
    bindings: dict[str, str] = {}
    if subject:
        bindings["subject"] = str(actor_iri(subject))
    if obj:
        bindings["object"] = str(actor_iri(obj))
    if predicate:
        bindings["predicate"] = str(GOV[predicate])
    if document:
        bindings["document"] = str(document_iri(document))
    return _sorted(_statement(row) for row in select(store, _STATEMENTS, bindings))


def actor_statements(store: GraphStore, key: str) -> list[StatementView]:
    """Every statement in which the actor is subject or object."""
    return _sorted(statements(store, subject=key) + statements(store, obj=key))


def edge_statements(
    store: GraphStore, subject: str, predicate: str, obj: str, *, symmetric: bool
) -> list[StatementView]:
    """The statements behind one network edge; both directions for a symmetric property."""
    found = statements(store, subject=subject, predicate=predicate, obj=obj)
    if symmetric:
        found += statements(store, subject=obj, predicate=predicate, obj=subject)
    return _sorted(found)


# The sentences naming both actors, in the variables of a statement row.
_CO_MENTIONS = (
    _STATEMENT_VARIABLES
    + """WHERE {
  ?first gov:denotes ?subject ; prov:wasDerivedFrom ?document ; gov:sentenceIndex ?index ;
      gov:evidence ?evidence .
  ?second gov:denotes ?object ; prov:wasDerivedFrom ?document ; gov:sentenceIndex ?index .
  BIND(IRI(CONCAT(STR(?document), "#sentence-", STR(?index))) AS ?statement)
  BIND(gov:coMentionedWith AS ?predicate)
  BIND("CoMention" AS ?modality)  # no relation is stated, so no modality applies"""
    + _LABELS_AND_SOURCE
    + """  OPTIONAL { ?first gov:lineStart ?lineStart }
  OPTIONAL { ?first gov:lineEnd ?lineEnd }
}
"""
)


def co_mentions(store: GraphStore, first: str, second: str) -> list[StatementView]:
    """The sentences naming both actors, shaped as statements of the weak co-mention tie."""
    bindings = {"subject": str(actor_iri(first)), "object": str(actor_iri(second))}
    return _sorted(_statement(row) for row in select(store, _CO_MENTIONS, bindings))


@dataclass(frozen=True)
class ActorView:
    """An actor's description: class, labels, identifier, role and organisation."""

    key: str
    label: str
    actor_class: str
    aliases: tuple[str, ...] = ()
    identifier: str | None = None
    role: str | None = None
    member_of: str | None = None
    member_of_label: str | None = None


_ACTOR = """
SELECT ?actor ?class ?label ?alias ?identifier ?role ?memberOf ?memberOfLabel WHERE {
  ?actor a ?class .
  FILTER(STRSTARTS(STR(?class), STR(gov:)))
  OPTIONAL { ?actor skos:prefLabel ?label }
  OPTIONAL { ?actor skos:altLabel ?alias }
  OPTIONAL { ?actor dcterms:identifier ?identifier }
  OPTIONAL { ?actor gov:role ?role }
  OPTIONAL { ?actor org:memberOf ?memberOf OPTIONAL { ?memberOf skos:prefLabel ?memberOfLabel } }
}
"""


def actor(store: GraphStore, key: str) -> ActorView | None:
    """The description of the actor with this key, or None when the graph does not know it."""
    rows = select(store, _ACTOR, {"actor": str(actor_iri(key))})
    if not rows:
        return None
    # The most specific class wins over the gov:Actor an actor may also carry.
    classes = sorted({local_name(row["class"]) for row in rows}, key=lambda c: c == "Actor")
    first = rows[0]
    member_of = _key(first["memberOf"])
    return ActorView(
        key=key,
        label=str(first["label"] or key),
        actor_class=classes[0],
        aliases=tuple(sorted({str(row["alias"]) for row in rows if row["alias"]})),
        identifier=str(first["identifier"]) if first["identifier"] else None,
        role=str(first["role"]) if first["role"] else None,
        member_of=member_of,
        member_of_label=str(first["memberOfLabel"] or member_of) if member_of else None,
    )


@dataclass(frozen=True)
class ActorListing:
    """One line of the actors list."""

    key: str
    label: str
    actor_class: str
    statements: int
    mentions: int


_ACTORS = """
SELECT ?actor ?name ?kind ?statements ?mentions WHERE {
  { SELECT ?actor (SAMPLE(?label) AS ?name) (SAMPLE(?class) AS ?kind) WHERE {
      ?actor a ?class ; skos:prefLabel ?label .
      FILTER(STRSTARTS(STR(?class), STR(gov:)) && ?class != gov:Actor)
    } GROUP BY ?actor }
  # Counted in separate groups: joining statements with mentions would multiply the rows.
  OPTIONAL { SELECT ?actor (COUNT(DISTINCT ?statement) AS ?statements) WHERE {
      { ?statement rdf:subject ?actor } UNION { ?statement rdf:object ?actor }
    } GROUP BY ?actor }
  OPTIONAL { SELECT ?actor (COUNT(?mention) AS ?mentions) WHERE { ?mention gov:denotes ?actor }
    GROUP BY ?actor }
}
"""


def actors(store: GraphStore) -> list[ActorListing]:
    """Every actor with its class and how often it is mentioned and related, by label."""
    listing = [
        ActorListing(
            key=actor_key(str(row["actor"])),
            label=str(row["name"]),
            actor_class=local_name(row["kind"]),
            statements=int(row["statements"] or 0),
            mentions=int(row["mentions"] or 0),
        )
        for row in select(store, _ACTORS)
    ]
    return sorted(listing, key=lambda a: (a.label.casefold(), a.key))


@dataclass(frozen=True)
class DocumentListing:
    """A document's metadata and how much was extracted from it."""

    doc_id: str
    file_name: str
    title: str | None
    date: str | None
    statements: int
    mentions: int


_DOCUMENTS = """
SELECT ?document ?file ?name ?when ?statements ?mentions WHERE {
  ?document a gov:Document .
  OPTIONAL { ?document dcterms:identifier ?file }
  OPTIONAL { ?document dcterms:title ?name }
  OPTIONAL { ?document dcterms:date ?when }
  OPTIONAL { SELECT ?document (COUNT(?statement) AS ?statements) WHERE {
      ?statement a gov:Statement ; prov:wasDerivedFrom ?document } GROUP BY ?document }
  OPTIONAL { SELECT ?document (COUNT(?mention) AS ?mentions) WHERE {
      ?mention a gov:Mention ; prov:wasDerivedFrom ?document } GROUP BY ?document }
}
"""


def documents(store: GraphStore) -> list[DocumentListing]:
    """Every document with its metadata and counts, by id."""
    # A document with two titles or dates gives two rows; the first one stands for it.
    listing = {
        document_id(str(row["document"])): DocumentListing(
            doc_id=document_id(str(row["document"])),
            file_name=str(row["file"] or document_id(str(row["document"]))),
            title=str(row["name"]) if row["name"] else None,
            date=str(row["when"]) if row["when"] else None,
            statements=int(row["statements"] or 0),
            mentions=int(row["mentions"] or 0),
        )
        for row in reversed(select(store, _DOCUMENTS, bindings=None))
    }
    return sorted(listing.values(), key=lambda d: d.doc_id)


def document(store: GraphStore, doc_id: str) -> DocumentListing | None:
    """One document's metadata and counts, or None when the graph does not hold it."""
    return next((d for d in documents(store) if d.doc_id == doc_id), None)


@dataclass(frozen=True)
class MentionView:
    """An actor named in a sentence, with its offsets in the document's cleaned text."""

    actor: str
    actor_label: str
    actor_class: str
    surface: str
    start: int
    end: int
    evidence: str
    line_start: int | None


_MENTIONS = """
SELECT ?document ?actor ?label ?class ?surface ?start ?end ?evidence ?lineStart WHERE {
  ?mention a gov:Mention ; prov:wasDerivedFrom ?document ; gov:denotes ?actor ;
      gov:surface ?surface ; gov:start ?start ; gov:end ?end ; gov:evidence ?evidence .
  OPTIONAL { ?mention gov:lineStart ?lineStart }
  OPTIONAL { ?actor skos:prefLabel ?label }
  OPTIONAL { ?actor a ?class FILTER(STRSTARTS(STR(?class), STR(gov:)) && ?class != gov:Actor) }
}
"""


def mentions(store: GraphStore, doc_id: str) -> list[MentionView]:
    """The actor mentions of a document in text order."""
    found = {
        (row["actor"], row["start"], row["end"]): MentionView(
            actor=actor_key(str(row["actor"])),
            actor_label=str(row["label"] or actor_key(str(row["actor"]))),
            actor_class=local_name(row["class"]) or "Actor",
            surface=str(row["surface"]),
            start=int(row["start"] or 0),
            end=int(row["end"] or 0),
            evidence=str(row["evidence"]),
            line_start=row["lineStart"] if isinstance(row["lineStart"], int) else None,
        )
        for row in select(store, _MENTIONS, {"document": str(document_iri(doc_id))})
    }
    return sorted(found.values(), key=lambda m: (m.start, m.end, m.actor))


@dataclass
class SentenceView:
    """One evidence sentence of a document with its highlighted spans and statements."""

    text: str
    line_start: int | None
    spans: list[tuple[int, int, MentionView]] = field(default_factory=list)
    statements: list[StatementView] = field(default_factory=list)


def _locate(sentence: SentenceView, found: list[MentionView]) -> None:
    """Place mentions inside their sentence from document offsets, checked against the surface.

    The dataset holds document offsets, not the sentence's own start: the first mention's
    surface fixes the sentence's offset, and a mention that does not line up is searched.
    """
    text = sentence.text
    base: int | None = None
    cursor = 0
    for mention in found:
        local = mention.start - base if base is not None else -1
        if local < 0 or text[local : local + len(mention.surface)] != mention.surface:
            local = text.find(mention.surface, cursor)
            if local < 0:
                continue
            base = mention.start - local if base is None else base
        if local >= cursor:  # overlapping mentions keep the first span
            sentence.spans.append((local, local + len(mention.surface), mention))
            cursor = local + len(mention.surface)


def document_sentences(store: GraphStore, doc_id: str) -> list[SentenceView]:
    """A document's evidence sentences in order, with mentions located and statements attached."""
    by_text: dict[str, SentenceView] = {}
    grouped: dict[str, list[MentionView]] = {}
    for mention in mentions(store, doc_id):
        grouped.setdefault(mention.evidence, []).append(mention)
        by_text.setdefault(mention.evidence, SentenceView(mention.evidence, mention.line_start))
    for statement in statements(store, document=doc_id):
        sentence = by_text.setdefault(
            statement.evidence, SentenceView(statement.evidence, statement.line_start)
        )
        sentence.statements.append(statement)
    for text, found in grouped.items():
        _locate(by_text[text], found)
    return sorted(by_text.values(), key=lambda s: (s.line_start or 0, s.text))
