"""Network metrics a network-management researcher asks for, on the actor network.

Metrics run on `tie_graph`: a simple directed graph with one tie per ordered actor pair whose
weight is the number of affirmed (non-negated) statements over all properties; a symmetric
property ties both ways. A negated statement ("financiert niet") is no tie.

Above 1,000 actors betweenness is sampled and closeness left out (None): exact, they take
minutes. Brokerage follows Gould and Fernandez (1989) with the actor class as the group: for
every open two-path a → b → c (no tie a → c, a ≠ c) the broker b is a *coordinator* (a, b, c in one
group), *itinerant* (a and c share a group, b does not), *representative* (b in a's group,
c outside), *gatekeeper* (b in c's group, a outside) or *liaison* (three groups).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import networkx as nx

BETWEENNESS_EXACT_LIMIT = 1000  # exact betweenness above this many actors takes minutes
BETWEENNESS_SAMPLES = 200
SEED = 42  # fixed, so sampled betweenness and Louvain give the same answer every run
BROKERAGE_ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")


def tie_graph(network: nx.MultiDiGraph) -> nx.DiGraph:
    """Collapse the multi-relational network into weighted directed ties (see module doc)."""
    ties = nx.DiGraph()
    ties.add_nodes_from(network.nodes(data=True))
    for source, target, data in network.edges(data=True):
        weight = data.get("affirmed", data.get("weight", 1))
        if weight <= 0 or source == target:
            continue
        pairs = [(source, target)]
        if data.get("symmetric"):
            pairs.append((target, source))
        for u, v in pairs:
            previous = ties.get_edge_data(u, v, {"weight": 0})["weight"]
            ties.add_edge(u, v, weight=previous + weight)
    return ties


def _undirected(ties: nx.DiGraph) -> nx.Graph:
    """Undirected ties; a reciprocated pair's weights add up."""
    graph = nx.Graph()
    graph.add_nodes_from(ties.nodes)
    for u, v, weight in ties.edges(data="weight"):
        previous = graph.get_edge_data(u, v, {"weight": 0})["weight"]
        graph.add_edge(u, v, weight=previous + weight)
    return graph


def brokerage(ties: nx.DiGraph, groups: dict[str, str]) -> dict[str, Counter[str]]:
    """Gould–Fernandez brokerage role counts per actor, given each actor's group.

    Two-paths are counted by group (senders per group × receivers per group) and the closed
    ones subtracted, so a hub costs its closed triads rather than in-degree × out-degree.
    """
    roles: dict[str, Counter[str]] = {}
    for broker in ties:
        group = groups[broker]
        senders = set(ties.predecessors(broker)) - {broker}
        receivers = set(ties.successors(broker)) - {broker}
        counts: Counter[str] = Counter()
        sender_groups = Counter(groups[a] for a in senders)
        receiver_groups = Counter(groups[c] for c in receivers)
        for sender_group, n_senders in sender_groups.items():
            for receiver_group, n_receivers in receiver_groups.items():
                counts[_role(sender_group, group, receiver_group)] += n_senders * n_receivers
        for sender in senders:
            for receiver in _closed_receivers(ties, sender, receivers):
                counts[_role(groups[sender], group, groups[receiver])] -= 1
        roles[broker] = +counts  # drops the roles whose count fell to zero
    return roles


def _closed_receivers(ties: nx.DiGraph, sender: str, receivers: set[str]) -> Iterator[str]:
    """Receivers that are the sender itself or that the sender already ties to directly."""
    if sender in receivers:
        yield sender
    successors = ties.succ[sender]
    if len(successors) < len(receivers):
        smaller, larger = successors, receivers
    else:
        smaller, larger = receivers, successors
    for receiver in smaller:
        if receiver != sender and receiver in larger:
            yield receiver


def _role(sender: str, broker: str, receiver: str) -> str:
    if sender == broker == receiver:
        return "coordinator"
    if sender == receiver:
        return "itinerant"
    if broker == sender:
        return "representative"
    if broker == receiver:
        return "gatekeeper"
    return "liaison"


def degree_centralisation(ties: nx.DiGraph) -> float:
    """Freeman's degree centralisation of the undirected ties: 1 for a star, 0 for a ring."""
    graph = _undirected(ties)
    n = graph.number_of_nodes()
    if n < 3:
        return 0.0
    degrees = [degree for _, degree in graph.degree()]
    return sum(max(degrees) - d for d in degrees) / ((n - 1) * (n - 2))


def _directed_centralisation(degrees: list[int]) -> float:
    n = len(degrees)
    if n < 2:
        return 0.0
    return sum(max(degrees) - d for d in degrees) / ((n - 1) ** 2)


def communities(ties: nx.DiGraph) -> dict[str, int]:
    """Louvain communities (fixed seed) numbered from 0 by size, largest first."""
    found = nx.community.louvain_communities(_undirected(ties), weight="weight", seed=SEED)
    ordered = sorted(found, key=lambda members: (-len(members), min(members)))
    return {node: index for index, members in enumerate(ordered) for node in members}


def betweenness(ties: nx.DiGraph) -> dict[str, float]:
    """Normalised betweenness; sampled with a fixed seed above the exact limit."""
    n = ties.number_of_nodes()
    samples = BETWEENNESS_SAMPLES if n > BETWEENNESS_EXACT_LIMIT else None
    return nx.betweenness_centrality(ties, k=samples, seed=SEED, normalized=True)


def closeness_centrality(ties: nx.DiGraph) -> dict[str, float | None]:
    """Closeness (incoming distances); None above the exact limit, where it would take minutes."""
    if ties.number_of_nodes() > BETWEENNESS_EXACT_LIMIT:
        return dict.fromkeys(ties, None)
    return dict(nx.closeness_centrality(ties))


def eigenvector(ties: nx.DiGraph) -> dict[str, float | None]:
    """Weighted eigenvector centrality of the undirected ties (None if it does not converge)."""
    try:
        return dict(nx.eigenvector_centrality(_undirected(ties), max_iter=1000, weight="weight"))
    except (nx.PowerIterationFailedConvergence, nx.NetworkXPointlessConcept):
        return dict.fromkeys(ties, None)


def ego_network(network: nx.MultiDiGraph, actor: str, radius: int = 1) -> nx.MultiDiGraph:
    """The actor, everyone within ``radius`` ties in either direction, and the ties among them."""
    if actor not in network:
        raise ValueError(f"actor {actor!r} is not in the network")
    # Walks successors and predecessors, instead of networkx's undirected copy of the whole graph.
    reached, frontier = {actor}, {actor}
    for _ in range(radius):
        frontier = {
            neighbour
            for node in frontier
            for neighbour in (*network.successors(node), *network.predecessors(node))
        } - reached
        reached |= frontier
    return network.subgraph(reached).copy()


def network_summary(network: nx.MultiDiGraph) -> dict[str, float | int]:
    """Whole-network figures: size, density, centralisation, reciprocity, communities."""
    ties = tie_graph(network)
    found = set(communities(ties).values()) if ties.number_of_nodes() else set()
    return {
        "actors": ties.number_of_nodes(),
        "ties": ties.number_of_edges(),
        "relations": network.number_of_edges(),
        "density": nx.density(ties),
        "degree_centralisation": degree_centralisation(ties),
        "in_degree_centralisation": _directed_centralisation([d for _, d in ties.in_degree()]),
        "out_degree_centralisation": _directed_centralisation([d for _, d in ties.out_degree()]),
        "reciprocity": nx.reciprocity(ties) if ties.number_of_edges() else 0.0,
        "communities": len(found),
    }


def metrics_table(network: nx.MultiDiGraph, group_by: str = "actor_class") -> list[dict]:
    """One row per actor: degrees, centralities, brokerage roles, community; most central first."""
    ties = tie_graph(network)
    if ties.number_of_nodes() == 0:
        return []
    groups = {node: str(data.get(group_by, "")) for node, data in ties.nodes(data=True)}
    between = betweenness(ties)
    closeness = closeness_centrality(ties)
    eigen = eigenvector(ties)
    roles = brokerage(ties, groups)
    community = communities(ties)
    rows = []
    for node, data in ties.nodes(data=True):
        row: dict[str, object] = {
            "actor": node,
            "label": data.get("label", node),
            "class": data.get("actor_class", ""),
            "mentions": data.get("mentions", 0),
            "degree_in": ties.in_degree(node),
            "degree_out": ties.out_degree(node),
            "strength_in": ties.in_degree(node, weight="weight"),
            "strength_out": ties.out_degree(node, weight="weight"),
            "betweenness": round(between[node], 6),
            "closeness": _rounded(closeness[node]),
            "eigenvector": _rounded(eigen[node]),
        }
        row.update({role: roles[node][role] for role in BROKERAGE_ROLES})
        row["brokerage"] = sum(roles[node].values())
        row["community"] = community[node]
        rows.append(row)
    rows.sort(key=_centrality_order)
    return rows


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def _centrality_order(row: dict) -> tuple[float, int, str]:
    return (-row["betweenness"], -(row["degree_in"] + row["degree_out"]), row["actor"])
