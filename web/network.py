"""Blueprint ``network``: the actor network, ego networks, comparisons and edge provenance.

- ``/network`` (``.json``): the network under the filters of `web.filters`;
- ``/network/actor/<key>?depth=1|2`` (``.json``): an actor's ego network;
- ``/network/compare?a=DOC&b=DOC`` or ``?a_from=&a_to=&b_from=&b_to=`` (``.json``): ties
  new, gone, changed in sign or kept between two documents or two periods;
- ``/network/edge.json?subject=&relation=&object=``: every statement behind one edge;
- ``/network/export.graphml|gexf|net``: the filtered network as a file.

Every view reads its filters from the query string, so the URL of a view is its citation;
each HTML view has a JSON twin (``.json`` or ``Accept: application/json``).
"""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx
from flask import Blueprint, Response, jsonify, request, url_for
from werkzeug.datastructures import MultiDict

from graph import metrics
from graph.export import export_network
from graph.network import actor_network, compare_networks
from graph.store import GraphStore
from ontology import SYMMETRIC_RELATIONS, ActorClass, RelationType
from web import get_store, provenance
from web.filters import COLOURINGS, PROPERTY_GROUPS, SIZE_METRICS, FilterError, NetworkFilters
from web.layout import forget_layouts
from web.netview import CO_MENTION, vis_network
from web.palette import CHANGE_COLOURS
from web.query_network import query_ties, restrict_to_ties
from web.sparql_engine import EndpointError
from web.twin import HTML, JSON, error_response, page_or_json, plain
from web.vocabulary import load_vocabulary, property_labels

bp = Blueprint("network", __name__)

CHANGE_KINDS = {"new": "new", "gone": "gone", "changed_sign": "changed", "kept": "kept"}


def _form_context(filters: NetworkFilters) -> dict[str, Any]:
    """What the filter form needs: the choices and the current state."""
    vocabulary = load_vocabulary()
    return {
        "property_groups": {
            group: [(p.value, vocabulary.label(p.value)) for p in props]
            for group, props in PROPERTY_GROUPS.items()
        },
        "documents": provenance.documents(get_store()),
        "class_choices": [
            {"name": c.value, "label": vocabulary.label(c.value)} for c in ActorClass
        ],
        "size_metrics": SIZE_METRICS,
        "colourings": COLOURINGS,
        "query_string": filters.query_args(),
    }


def _filtered_network(filters: NetworkFilters) -> nx.MultiDiGraph:
    """The actor network under the filters; callers must not change it (it may be shared)."""
    store = get_store()
    arguments = tuple(
        (name, tuple(value) if isinstance(value, list) else value)
        for name, value in filters.network_arguments().items()
    )
    return _cached_network(store, len(store.oxigraph), arguments)


def forget_cached_views() -> None:
    """Empty the caches of projected networks and layouts (for timing a cold view)."""
    _cached_network.cache_clear()
    forget_layouts()


@lru_cache(maxsize=16)
def _cached_network(
    store: GraphStore, quads: int, arguments: tuple[tuple[str, Any], ...]
) -> nx.MultiDiGraph:
    """Projecting a large graph takes seconds and every actor page needs it for its ego view.

    The store's size is part of the key, so a SPARQL update that adds or removes quads is
    seen at once.
    """
    keywords: dict[str, Any] = {
        name: list(value) if isinstance(value, tuple) else value for name, value in arguments
    }
    return actor_network(store, **keywords)


def _drawing(graph: nx.MultiDiGraph, filters: NetworkFilters, **extra: Any) -> dict[str, Any]:
    return {
        "network": vis_network(
            graph, filters.size, load_vocabulary(), colour=filters.colour, **extra
        ),
        "filters": filters,
    }


def _user_error(suffix: str | None, error: ValueError) -> tuple[Response | str, int]:
    return error_response(suffix, 400, str(error))


@bp.get("/network.json", defaults=JSON)
@bp.get("/network", defaults=HTML)
def network_view(suffix: str | None) -> Any:
    """The actor network of the whole graph or of the selection in the query string."""
    try:
        filters = NetworkFilters.from_args(request.args)
        graph = _filtered_network(filters)
        if request.args.get("query"):
            graph = restrict_to_ties(graph, query_ties(request.args["query"]))
        payload = _drawing(graph, filters)
    except ValueError as error:
        return _user_error(suffix, error)
    except EndpointError as error:
        return error_response(suffix, error.status, error.message)
    return page_or_json(
        suffix,
        "network/network.html",
        payload,
        mode="network",
        title="Netwerk",
        **_form_context(filters),
    )


def ego_network(key: str, depth: int, filters: NetworkFilters) -> nx.MultiDiGraph:
    """The actors within ``depth`` ties of ``key`` (either direction) and the ties among them."""
    graph = _filtered_network(filters)
    if key in graph:
        return metrics.ego_network(graph, key, radius=depth)
    lonely = nx.MultiDiGraph()
    actor = provenance.actor(get_store(), key)
    if actor is not None:
        lonely.add_node(key, label=actor.label, actor_class=actor.actor_class, mentions=0)
    return lonely


@bp.get("/network/actor/<key>.json", defaults=JSON)
@bp.get("/network/actor/<key>", defaults=HTML)
def ego_view(key: str, suffix: str | None) -> Any:
    """The ego network of one actor at depth 1 or 2."""
    actor = provenance.actor(get_store(), key)
    if actor is None:
        return error_response(suffix, 404, f"actor {key!r} is not in the graph")
    depth_text = request.args.get("depth", "1")
    if depth_text not in ("1", "2"):
        return error_response(suffix, 400, f"parameter 'depth': {depth_text!r}; choose 1 or 2")
    try:
        filters = NetworkFilters.from_args(request.args)
        payload = _drawing(ego_network(key, int(depth_text), filters), filters)
    except ValueError as error:
        return _user_error(suffix, error)
    payload.update(actor=actor, depth=int(depth_text))
    return page_or_json(
        suffix,
        "network/network.html",
        payload,
        mode="ego",
        title=f"Egonetwerk: {actor.label}",
        **_form_context(filters),
    )


def _side(args: MultiDict[str, str], side: str, base: NetworkFilters) -> dict[str, Any]:
    """The network arguments of one side (a or b) of a comparison: a document or a period."""
    arguments = base.network_arguments()
    document = args.get(side, "").strip()
    first, last = args.get(f"{side}_from", "").strip(), args.get(f"{side}_to", "").strip()
    if not document and not (first or last):
        raise FilterError(
            f"parameter {side!r} (a document) or {side}_from/{side}_to (years) is required"
        )
    if document:
        arguments["documents"] = [document]
    for name, raw, target in (
        (f"{side}_from", first, "year_from"),
        (f"{side}_to", last, "year_to"),
    ):
        if raw:
            if not raw.lstrip("-").isdigit():
                raise FilterError(f"parameter {name!r}: {raw!r} is not a year")
            arguments[target] = int(raw)
    return arguments


def _comparison(
    args: MultiDict[str, str], filters: NetworkFilters
) -> tuple[nx.MultiDiGraph, dict[Any, Any], dict[str, int]]:
    """The union of both networks, each tie marked new, gone, changed (sign) or kept."""
    store = get_store()
    before = actor_network(store, **_side(args, "a", filters))
    after = actor_network(store, **_side(args, "b", filters))
    result = compare_networks(before, after)
    union = nx.MultiDiGraph()
    extra: dict[Any, Any] = {}
    counts: dict[str, int] = {}
    for field_name, kind in CHANGE_KINDS.items():
        ties = getattr(result, field_name)
        counts[kind] = len(ties)
        for source, prop, target in ties:
            origin = before if kind == "gone" else after
            for node in (source, target):
                union.add_node(node, **origin.nodes[node])
            union.add_edge(source, target, key=prop, **origin.edges[source, target, prop])
            colour = CHANGE_COLOURS[kind]
            extra[(source, prop, target)] = {
                "change": kind,
                "color": {"color": colour, "highlight": "#000"},
            }
    return union, extra, counts


@bp.get("/network/compare.json", defaults=JSON)
@bp.get("/network/compare", defaults=HTML)
def compare_view(suffix: str | None) -> Any:
    """Two documents or two periods side by side: ties new, gone, changed in sign, or kept."""
    comparing = any(
        request.args.get(name) for name in ("a", "b", "a_from", "a_to", "b_from", "b_to")
    )
    try:
        filters = NetworkFilters.from_args(request.args)
        if comparing:
            union, extra, counts = _comparison(request.args, filters)
        else:
            union, extra, counts = nx.MultiDiGraph(), {}, {}
        payload = _drawing(union, filters, edge_extra=extra)
    except ValueError as error:
        return _user_error(suffix, error)
    payload.update(
        changes=counts,
        sides={k: request.args.get(k, "") for k in ("a", "b", "a_from", "a_to", "b_from", "b_to")},
    )
    context = _form_context(filters)
    compared = [request.args.get(side, "").strip() for side in ("a", "b")]
    if all(compared):
        # An edge's panel then lists the statements of the two compared documents only.
        context["query_string"] += [("document", doc_id) for doc_id in compared]
    return page_or_json(
        suffix,
        "network/network.html",
        payload,
        mode="compare",
        title="Vergelijking",
        change_colours=CHANGE_COLOURS,
        **context,
    )


def _keep(statement: provenance.StatementView, filters: NetworkFilters) -> bool:
    """True when the statement passes the view's filters, so the panel matches the edge."""
    return (
        (not filters.documents or statement.document in filters.documents)
        and (
            filters.year_from is None
            or (statement.year is not None and statement.year >= filters.year_from)
        )
        and (
            filters.year_to is None
            or (statement.year is not None and statement.year <= filters.year_to)
        )
        and (
            not filters.modalities
            or statement.modality in filters.modalities
            or statement.property == CO_MENTION  # a co-mention has no modality to filter on
        )
        and (filters.include_negated or not statement.negated)
    )


@bp.get("/network/edge.json")
def edge_statements() -> Any:
    """Every statement behind one edge (subject, relation, object) under the view's filters.

    The edge's property is called ``relation`` here because ``property`` is a view filter.
    """
    subject, prop, obj = (
        request.args.get(name, "").strip() for name in ("subject", "relation", "object")
    )
    if not (subject and prop and obj):
        return error_response(
            ".json", 400, "parameters 'subject', 'relation' and 'object' are required"
        )
    if prop not in RelationType.__members__ and prop != CO_MENTION:
        return error_response(
            ".json", 400, f"parameter 'relation': {prop!r} is not a relation property"
        )
    try:
        filters = NetworkFilters.from_args(request.args)
    except FilterError as error:
        return _user_error(".json", error)
    store = get_store()
    if prop == CO_MENTION:
        found = provenance.co_mentions(store, subject, obj)
    else:
        symmetric = RelationType(prop) in SYMMETRIC_RELATIONS
        found = provenance.edge_statements(store, subject, prop, obj, symmetric=symmetric)
    kept = [s for s in found if _keep(s, filters)]
    if not found:
        return error_response(".json", 404, f"no statements for {subject} {prop} {obj}")
    return jsonify(
        {
            "subject": subject,
            "property": prop,
            "property_label": load_vocabulary().label(prop),
            "property_labels": property_labels(),
            "object": obj,
            "statements": plain(kept),
            "actor_urls": {key: url_for("pages.actor_page", key=key) for key in (subject, obj)},
        }
    )


# Single-file network formats a researcher opens in Gephi, visone, Pajek or UCINET.
DOWNLOADS = {
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
    "net": "text/plain; charset=utf-8",
}


@bp.get("/network/export.<fmt>")
def export_view(fmt: str) -> Any:
    """The filtered network as a file (GraphML, GEXF or Pajek) for network-analysis tools."""
    if fmt not in DOWNLOADS:
        return error_response(
            ".json", 404, f"no export as {fmt!r}; choose {', '.join(sorted(DOWNLOADS))}"
        )
    try:
        filters = NetworkFilters.from_args(request.args)
        graph = _filtered_network(filters)
    except ValueError as error:
        return _user_error(".json", error)
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / f"govgraph-network.{fmt}"
        export_network(graph, "pajek" if fmt == "net" else fmt, out)
        content = out.read_bytes()
    return Response(
        content,
        mimetype=DOWNLOADS[fmt],
        headers={"Content-Disposition": f'attachment; filename="govgraph-network.{fmt}"'},
    )
