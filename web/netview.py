"""An actor network (networkx) as a vis-network drawing, built through pyvis.

Nodes and edges go straight into ``net.nodes``/``net.edges`` (20x faster than ``add_edge``
at 10k edges); pyvis supplies the physics options. Small networks settle with short, tuned
physics that then stops; above `PRECOMPUTE_ABOVE` nodes the positions come from
`web.layout` and physics stays off, so thousands of nodes remain usable.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from typing import Any

import networkx as nx
from pyvis.network import Network

from graph.metrics import BROKERAGE_ROLES, communities, metrics_table, tie_graph
from graph.metrics import betweenness as graph_betweenness
from web.filters import GROUP_OF_PROPERTY
from web.layout import spread_layout
from web.palette import (
    CO_MENTION_COLOUR,
    COMMUNITY_COLOURS,
    OTHER_COMMUNITIES_COLOUR,
    PROPERTY_COLOURS,
    class_colour,
)
from web.vocabulary import Vocabulary

PRECOMPUTE_ABOVE = 300  # nodes: beyond this, vis-network's physics takes seconds to settle
ALL_METRICS_UP_TO = 300  # nodes: beyond this only degrees (and betweenness when sized by it)
EDGE_LABELS_UP_TO = 150  # edges: more labels than this only clutter the drawing

CO_MENTION = "coMentionedWith"  # weak tie: named in one sentence, no relation stated


def node_metrics(
    graph: nx.MultiDiGraph, *, every: bool, betweenness: bool
) -> dict[str, dict[str, Any]]:
    """Degrees and mentions of every actor; with ``every`` also `graph.metrics.metrics_table`
    (centralities, Gould-Fernandez brokerage roles, community), else betweenness on request.
    """
    successors, predecessors = graph.succ, graph.pred
    metrics: dict[str, dict[str, Any]] = {
        node: {
            "degree": len((successors[node].keys() | predecessors[node].keys()) - {node}),
            "in_degree": sum(len(ties) for ties in predecessors[node].values()),
            "out_degree": sum(len(ties) for ties in successors[node].values()),
            "mentions": data.get("mentions", 0),
        }
        for node, data in graph.nodes(data=True)
    }
    if every:
        for row in metrics_table(graph):
            metrics[row["actor"]].update(
                betweenness=row["betweenness"],
                closeness=row["closeness"],
                eigenvector=row["eigenvector"],
                community=row["community"],
                brokerage={role: row[role] for role in BROKERAGE_ROLES if row[role]},
            )
    elif betweenness:
        for node, score in graph_betweenness(tie_graph(graph)).items():
            metrics[node]["betweenness"] = round(score, 6)
    return metrics


def _node(
    key: str, data: dict[str, Any], metrics: dict[str, Any], size: str, vocab: Vocabulary
) -> dict[str, Any]:
    actor_class = data.get("actor_class", "Actor")
    label = data.get("label", key)
    return {
        "id": key,
        "label": label,
        "group": actor_class,  # colour and shape come from the class's vis group
        "value": max(float(metrics.get(size, 0.0)), 0.0) + 1.0,
        "actor_class": actor_class,
        "class_label": vocab.label(actor_class),
        "title": f"{label}\n{vocab.label(actor_class)}",
        **metrics,
    }


def _edge(
    index: int, source: str, target: str, data: dict[str, Any], vocab: Vocabulary, *, labels: bool
) -> dict[str, Any]:
    prop = data["property"]
    weight = int(data.get("weight", 1))
    negated = int(data.get("negated", 0))
    years = list(data.get("years", []))
    period = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "")
    weak = prop == CO_MENTION
    unit = ("zin", "zinnen") if weak else ("uitspraak", "uitspraken")
    summary = f"{vocab.label(prop)}: {weight} {unit[0] if weight == 1 else unit[1]}"
    return {
        "id": f"e{index}",
        "from": source,
        "to": target,
        "property": prop,
        "group": "co-mention" if weak else GROUP_OF_PROPERTY.get(prop, "other"),
        "label": vocab.label(prop) if labels and not weak else "",
        "color": {"color": PROPERTY_COLOURS.get(prop, CO_MENTION_COLOUR), "highlight": "#000"},
        "width": (0.5 if weak else 1.0) + 1.5 * math.log2(weight),
        # Negated ties are dashed, weak co-mention ties dotted.
        "dashes": [2, 6] if weak else negated > 0 and negated == weight,
        "arrows": "" if data.get("symmetric") else "to",
        "weight": weight,
        "negated": negated,
        "years": years,
        "documents": list(data.get("documents", [])),
        "title": "\n".join(
            filter(None, (summary, f"ontkend: {negated}" if negated else "", period))
        ),
    }


def _curve_parallel_edges(edges: list[dict[str, Any]]) -> None:
    """Bend edges that share a pair of actors apart, so every relation stays visible.

    Straight edges keep physics cheap; only the parallel ones get a static curve, which adds
    no physics bodies (unlike vis-network's dynamic smoothing).
    """
    seen: dict[tuple[str, str], int] = {}
    for edge in edges:
        source, target = edge["from"], edge["to"]
        pair = (source, target) if source < target else (target, source)
        rank = seen.get(pair, 0)
        seen[pair] = rank + 1
        if rank:
            # Alternate sides and widen the bend: the first extra edge curves one way, the next
            # one the other way; curvedCW flips with direction, so fix it to the pair's order.
            clockwise = (rank % 2 == 1) == (source < target)
            edge["smooth"] = {
                "enabled": True,
                "type": "curvedCW" if clockwise else "curvedCCW",
                "roundness": 0.2 * ((rank + 1) // 2),
            }


def _group_style(colour: str) -> dict[str, Any]:
    """A vis group: the colour is sent once per group instead of on every node."""
    return {
        "shape": "dot",
        "color": {
            "background": colour,
            "border": "#263238",
            "highlight": {"background": colour, "border": "#000"},
            "hover": {"background": colour, "border": "#000"},
        },
    }


def _community_colouring(
    graph: nx.MultiDiGraph, nodes: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Regroup nodes by Louvain community (largest first); the legend entries of the groups.

    Only the largest communities get a colour of their own; the rest share a quiet grey.
    """
    membership = communities(tie_graph(graph))
    sizes = Counter(membership.values())
    for node in nodes:
        index = membership.get(node["id"], len(COMMUNITY_COLOURS))
        node["group"] = f"community-{min(index, len(COMMUNITY_COLOURS))}"
    legend = [
        {"name": f"community-{i}", "label": f"gemeenschap {i + 1} ({sizes[i]})", "colour": colour}
        for i, colour in enumerate(COMMUNITY_COLOURS)
        if i in sizes
    ]
    rest = sum(size for i, size in sizes.items() if i >= len(COMMUNITY_COLOURS))
    if rest:
        legend.append(
            {
                "name": f"community-{len(COMMUNITY_COLOURS)}",
                "label": f"kleinere gemeenschappen ({rest})",
                "colour": OTHER_COMMUNITIES_COLOUR,
            }
        )
    return legend


def _network_options(net: Network, node_count: int, precomputed: bool) -> dict[str, Any]:
    """pyvis's options for the drawing: short tuned physics, or none with a precomputed layout."""
    net.barnes_hut(gravity=-4000, central_gravity=0.25, spring_length=140, damping=0.35)
    net.options.edges.smooth.enabled = False  # curved edges add a physics body per edge
    net.options.physics.stabilization.iterations = 200
    net.options.physics.stabilization.updateInterval = 25
    net.toggle_physics(not precomputed)
    net.toggle_hide_edges_on_drag(node_count > PRECOMPUTE_ABOVE)
    options: dict[str, Any] = json.loads(net.options.to_json())
    options["nodes"] = {
        "scaling": {"min": 8, "max": 42},
        "font": {"size": 14, "face": "system-ui, sans-serif"},
    }
    options["edges"]["font"] = {"size": 10, "align": "middle", "color": "#37474f"}
    options["edges"]["color"] = {"inherit": False}
    options["interaction"].update(
        {
            "hover": True,
            "tooltipDelay": 150,
            "multiselect": False,
            # Redrawing thousands of edges at every zoom step makes large views stutter.
            "hideEdgesOnZoom": node_count > PRECOMPUTE_ABOVE,
        }
    )
    return options


def vis_network(
    graph: nx.MultiDiGraph,
    size: str,
    vocab: Vocabulary,
    *,
    colour: str = "class",
    edge_extra: dict[tuple[str, str, str], dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The drawing of a network: vis nodes and edges, options, layout mode and legend.

    Nodes are coloured by actor class, or with ``colour="community"`` by Louvain community.
    """
    count = graph.number_of_nodes()
    precomputed = count > PRECOMPUTE_ABOVE
    metrics = node_metrics(
        graph, every=count <= ALL_METRICS_UP_TO, betweenness=size == "betweenness"
    )
    net = Network(directed=True)
    net.nodes = [
        _node(key, data, metrics[key], size, vocab) for key, data in sorted(graph.nodes(data=True))
    ]
    labels = graph.number_of_edges() <= EDGE_LABELS_UP_TO
    net.edges = []
    for index, (source, target, key, data) in enumerate(
        sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1]))
    ):
        edge = _edge(index, source, target, data, vocab, labels=labels)
        edge.update((edge_extra or {}).get((source, key, target), {}))
        net.edges.append(edge)
    _curve_parallel_edges(net.edges)
    if precomputed:
        positions = spread_layout(
            [n["id"] for n in net.nodes], [(e["from"], e["to"]) for e in net.edges]
        )
        for node in net.nodes:
            node["x"], node["y"] = positions[node["id"]]
    nodes, edges, _heading, _height, _width, _options = net.get_network_data()
    if colour == "community":
        colour_legend = _community_colouring(graph, nodes)
    else:
        colour_legend = [
            {"name": c, "label": vocab.label(c), "colour": class_colour(c)}
            for c in sorted({n["actor_class"] for n in nodes})
        ]
    properties = sorted({e["property"] for e in edges})
    groups = {item["name"]: _group_style(item["colour"]) for item in colour_legend}
    return {
        "nodes": nodes,
        "edges": edges,
        "options": {**_network_options(net, count, precomputed), "groups": groups},
        "layout": "precomputed" if precomputed else "physics",
        "size": size,
        "legend": {
            "colour_by": colour,
            "classes": colour_legend,
            "properties": [
                {
                    "name": p,
                    "label": vocab.label(p),
                    "colour": PROPERTY_COLOURS.get(p, CO_MENTION_COLOUR),
                    "directed": not vocab.properties.get(p) or not vocab.properties[p].symmetric,
                }
                for p in properties
            ],
        },
    }
