"""Large networks get positions computed in Python; small ones settle with short physics."""

from __future__ import annotations

import math
import random

import networkx as nx

from web.layout import spread_layout
from web.netview import PRECOMPUTE_ABOVE, vis_network
from web.vocabulary import load_vocabulary


def random_actor_network(nodes: int, edges: int, seed: int = 3) -> nx.MultiDiGraph:
    """A random actor network with the attributes graph.network.actor_network gives."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    for i in range(nodes):
        graph.add_node(f"a{i}", label=f"Actor {i}", actor_class="Organisation", mentions=i % 5)
    for _ in range(edges):
        source, target = rng.sample(range(nodes), 2)
        graph.add_edge(f"a{source}", f"a{target}", key="funds", property="funds", weight=1)
    return graph


def distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    return math.dist(a, b)


def test_large_network_gets_positions_and_no_physics() -> None:
    drawing = vis_network(
        random_actor_network(PRECOMPUTE_ABOVE + 50, 900), "degree", load_vocabulary()
    )
    assert drawing["layout"] == "precomputed"
    assert drawing["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in drawing["nodes"])
    assert len({(round(n["x"]), round(n["y"])) for n in drawing["nodes"]}) > 0.95 * len(
        drawing["nodes"]
    )


def test_small_network_settles_with_short_physics_and_straight_edges() -> None:
    drawing = vis_network(random_actor_network(40, 80), "degree", load_vocabulary())
    assert drawing["layout"] == "physics"
    physics = drawing["options"]["physics"]
    assert physics["enabled"] is True and physics["stabilization"]["iterations"] <= 200
    assert drawing["options"]["edges"]["smooth"]["enabled"] is False
    assert not any("x" in n for n in drawing["nodes"])


def test_layout_keeps_two_communities_apart() -> None:
    left = [f"l{i}" for i in range(30)]
    right = [f"r{i}" for i in range(30)]
    edges = [(a, b) for group in (left, right) for i, a in enumerate(group) for b in group[i + 1 :]]
    edges.append(("l0", "r0"))  # one bridge
    positions = spread_layout(left + right, edges)

    def centre(names: list[str]) -> tuple[float, float]:
        return (
            sum(positions[n][0] for n in names) / len(names),
            sum(positions[n][1] for n in names) / len(names),
        )

    spread = max(distance(positions[n], centre(left)) for n in left)
    assert distance(centre(left), centre(right)) > spread


def test_layout_is_deterministic_and_handles_edge_cases() -> None:
    nodes = ["a", "b", "c"]
    edges = [("a", "b"), ("b", "c"), ("c", "c"), ("a", "z")]  # a loop and an unknown end
    assert spread_layout(nodes, edges) == spread_layout(nodes, edges)
    assert spread_layout([], []) == {}
    assert set(spread_layout(["alone"], [])) == {"alone"}
