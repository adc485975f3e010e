"""Network metrics on small hand-made networks whose answers are known by hand."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.metrics import (
    brokerage,
    communities,
    degree_centralisation,
    ego_network,
    metrics_table,
    network_summary,
    tie_graph,
)


def _network(
    edges: list[tuple[str, str]],
    groups: dict[str, str] | None = None,
    prop: str = "funds",
    **attributes: object,
) -> nx.MultiDiGraph:
    network = nx.MultiDiGraph()
    for source, target in edges:
        for node in (source, target):
            network.add_node(node, label=node.upper(), actor_class=(groups or {}).get(node, "X"))
        data = {"property": prop, "weight": 1, "affirmed": 1, "negated": 0, "symmetric": False}
        data.update(attributes)
        network.add_edge(source, target, key=prop, **data)
    return network


@pytest.mark.parametrize(
    ("groups", "role"),
    [
        ({"a": "G", "b": "G", "c": "G"}, "coordinator"),
        ({"a": "G", "b": "H", "c": "G"}, "itinerant"),
        ({"a": "G", "b": "G", "c": "H"}, "representative"),
        ({"a": "G", "b": "H", "c": "H"}, "gatekeeper"),
        ({"a": "G", "b": "H", "c": "K"}, "liaison"),
    ],
)
def test_each_gould_fernandez_role_on_one_two_path(groups: dict[str, str], role: str) -> None:
    ties = tie_graph(_network([("a", "b"), ("b", "c")], groups))
    roles = brokerage(ties, groups)
    assert roles["b"] == {role: 1}
    assert not roles["a"] and not roles["c"]


def test_closed_triads_and_back_and_forth_are_no_brokerage() -> None:
    groups = {"a": "G", "b": "G", "c": "G"}
    closed = tie_graph(_network([("a", "b"), ("b", "c"), ("a", "c")], groups))
    assert not brokerage(closed, groups)["b"]
    back = tie_graph(_network([("a", "b"), ("b", "a")], groups))
    assert not brokerage(back, groups)["b"]


def test_brokerage_counts_every_open_two_path_in_metrics_table() -> None:
    # two senders, two receivers through b: four open two-paths
    groups = {"s1": "Municipality", "s2": "Ministry", "b": "Municipality", "r1": "Police"}
    groups["r2"] = "Municipality"
    edges = [("s1", "b"), ("s2", "b"), ("b", "r1"), ("b", "r2")]
    rows = {row["actor"]: row for row in metrics_table(_network(edges, groups))}
    broker = rows["b"]
    assert broker["brokerage"] == 4
    assert (broker["coordinator"], broker["representative"]) == (1, 1)  # s1→b→r2, s1→b→r1
    assert (broker["gatekeeper"], broker["liaison"]) == (1, 1)  # s2→b→r2, s2→b→r1
    assert (broker["degree_in"], broker["degree_out"]) == (2, 2)
    assert broker["betweenness"] == pytest.approx(4 / 12)
    assert next(iter(rows)) == "b"  # the most central actor comes first


def test_negated_ties_do_not_count_and_symmetric_ties_go_both_ways() -> None:
    network = _network([("a", "b")], affirmed=0, negated=1)
    assert tie_graph(network).number_of_edges() == 0
    symmetric = _network([("a", "b")], prop="collaboratesWith", symmetric=True)
    assert set(tie_graph(symmetric).edges) == {("a", "b"), ("b", "a")}


def test_parallel_relations_add_up_in_the_tie_weight() -> None:
    network = _network([("a", "b")])
    network.add_edge("a", "b", key="steers", property="steers", weight=3, affirmed=2, negated=1)
    assert tie_graph(network)["a"]["b"]["weight"] == 3


def test_star_is_fully_centralised_and_ring_not_at_all() -> None:
    star = tie_graph(_network([("hub", leaf) for leaf in "abcd"]))
    assert degree_centralisation(star) == pytest.approx(1.0)
    ring = tie_graph(_network([("a", "b"), ("b", "c"), ("c", "d"), ("d", "a")]))
    assert degree_centralisation(ring) == pytest.approx(0.0)
    summary = network_summary(_network([("hub", leaf) for leaf in "abcd"]))
    assert summary["density"] == pytest.approx(4 / 20)
    assert summary["out_degree_centralisation"] == pytest.approx(1.0)
    assert summary["in_degree_centralisation"] == pytest.approx(1 / 16)  # only the hub lacks one
    assert summary["reciprocity"] == 0.0


def test_two_cliques_joined_by_one_bridge_make_two_communities() -> None:
    left = [(u, v) for u in "abc" for v in "abc" if u < v]
    right = [(u, v) for u in "xyz" for v in "xyz" if u < v]
    found = communities(tie_graph(_network([*left, *right, ("c", "x")])))
    assert len(set(found.values())) == 2
    assert found["a"] == found["b"] == found["c"] != found["x"] == found["y"] == found["z"]


def test_ego_network_keeps_neighbours_in_both_directions() -> None:
    network = _network([("a", "ego"), ("ego", "b"), ("b", "c"), ("a", "b")])
    ego = ego_network(network, "ego")
    assert set(ego.nodes) == {"a", "ego", "b"}
    assert ego.has_edge("a", "b")
    assert set(ego_network(network, "ego", radius=2).nodes) == {"a", "ego", "b", "c"}
    with pytest.raises(ValueError, match="'nobody'"):
        ego_network(network, "nobody")


def test_empty_network_gives_an_empty_table() -> None:
    assert metrics_table(nx.MultiDiGraph()) == []


def test_grouped_brokerage_counting_equals_the_definition_on_a_random_network() -> None:
    ties = nx.gnp_random_graph(40, 0.12, seed=3, directed=True)
    ties = nx.relabel_nodes(ties, {n: f"n{n}" for n in ties})
    groups = {node: "GHK"[int(node[1:]) % 3] for node in ties}
    expected: dict[str, dict[str, int]] = {node: {} for node in ties}
    paths = [(a, b, c) for a in ties for b in ties[a] for c in ties[b]]
    for a, b, c in paths:
        if len({a, b, c}) == 3 and not ties.has_edge(a, c):
            ga, gb, gc = groups[a], groups[b], groups[c]
            role = (
                "coordinator"
                if ga == gb == gc
                else "itinerant"
                if ga == gc
                else "representative"
                if ga == gb
                else "gatekeeper"
                if gb == gc
                else "liaison"
            )
            expected[b][role] = expected[b].get(role, 0) + 1
    assert {node: dict(counts) for node, counts in brokerage(ties, groups).items()} == expected
    assert sum(sum(c.values()) for c in expected.values()) > 100
