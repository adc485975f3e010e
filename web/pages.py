"""Blueprint ``pages``: the index, actor and document pages, the lists, and the ontology.

Each page has a JSON twin (``.json`` suffix or ``Accept: application/json``).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from flask import Blueprint

from ontology import ActorClass
from web import get_store, provenance
from web.filters import NetworkFilters
from web.netview import vis_network
from web.network import ego_network
from web.palette import class_colour
from web.twin import HTML, JSON, error_response, page_or_json
from web.vocabulary import load_vocabulary, property_labels

bp = Blueprint("pages", __name__)


@bp.get("/index.json", defaults=JSON)
@bp.get("/", defaults=HTML)
def index(suffix: str | None) -> Any:
    """What the graph holds: counts and the documents, with links to every view."""
    store = get_store()
    documents = provenance.documents(store)
    actors = provenance.actors(store)
    payload = {
        "documents": documents,
        "actor_count": len(actors),
        "statement_count": sum(d.statements for d in documents),
        "mention_count": sum(d.mentions for d in documents),
    }
    return page_or_json(suffix, "pages/index.html", payload, title="govgraph")


@bp.get("/actors.json", defaults=JSON)
@bp.get("/actors", defaults=HTML)
def actors_page(suffix: str | None) -> Any:
    """Every actor with its class and counts."""
    payload = {"actors": provenance.actors(get_store())}
    return page_or_json(
        suffix,
        "pages/actors.html",
        payload,
        title="Actoren",
        vocabulary=load_vocabulary(),
        class_colour=class_colour,
    )


def _grouped(
    statements: list[provenance.StatementView], key: str, side: str
) -> dict[str, list[provenance.StatementView]]:
    """Statements where the actor is on ``side`` (subject or object), by property."""
    groups: dict[str, list[provenance.StatementView]] = defaultdict(list)
    for statement in statements:
        if getattr(statement, side) == key:
            groups[statement.property].append(statement)
    return dict(sorted(groups.items()))


@bp.get("/actor/<key>.json", defaults=JSON)
@bp.get("/actor/<key>", defaults=HTML)
def actor_page(key: str, suffix: str | None) -> Any:
    """One actor: description, statements out and in by property with evidence, ego network."""
    store = get_store()
    actor = provenance.actor(store, key)
    if actor is None:
        return error_response(suffix, 404, f"actor {key!r} is not in the graph")
    statements = provenance.actor_statements(store, key)
    filters = NetworkFilters()
    payload = {
        "actor": actor,
        "outgoing": _grouped(statements, key, "subject"),
        "incoming": _grouped(statements, key, "object"),
        "statement_count": len(statements),
        "property_labels": property_labels(),
        "network": vis_network(ego_network(key, 1, filters), filters.size, load_vocabulary()),
    }
    return page_or_json(
        suffix,
        "pages/actor.html",
        payload,
        title=actor.label,
        vocabulary=load_vocabulary(),
        class_colour=class_colour,
    )


@bp.get("/documents.json", defaults=JSON)
@bp.get("/documents", defaults=HTML)
def documents_page(suffix: str | None) -> Any:
    """Every document with its metadata and what was extracted from it."""
    payload = {"documents": provenance.documents(get_store())}
    return page_or_json(suffix, "pages/documents.html", payload, title="Documenten")


@bp.get("/document/<doc_id>.json", defaults=JSON)
@bp.get("/document/<doc_id>", defaults=HTML)
def document_page(doc_id: str, suffix: str | None) -> Any:
    """A document's evidence sentences with actor mentions highlighted and statements beside."""
    store = get_store()
    document = provenance.document(store, doc_id)
    if document is None:
        return error_response(suffix, 404, f"document {doc_id!r} is not in the graph")
    payload = {"document": document, "sentences": provenance.document_sentences(store, doc_id)}
    return page_or_json(
        suffix,
        "pages/document.html",
        payload,
        title=document.title or document.file_name,
        vocabulary=load_vocabulary(),
        class_colour=class_colour,
    )


@bp.get("/ontology.json", defaults=JSON)
@bp.get("/ontology", defaults=HTML)
def ontology_page(suffix: str | None) -> Any:
    """The ontology's classes and properties with labels, comments and examples."""
    vocabulary = load_vocabulary()
    payload = {
        "classes": list(vocabulary.classes.values()),
        "properties": list(vocabulary.properties.values()),
    }
    return page_or_json(
        suffix,
        "pages/ontology.html",
        payload,
        title="Ontologie",
        class_colour=class_colour,
        actor_classes=set(ActorClass.__members__),
    )
