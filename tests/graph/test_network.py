"""The actor network: nodes, merged edges with their counts, filters and comparisons."""

from __future__ import annotations

from dataclasses import replace

import pytest

from graph.build import build_dataset
from graph.network import actor_network, compare_networks
from graph.store import GraphStore
from ontology import DocumentExtraction, Modality, RelationType, StatementRecord
from tests.graph.conftest import first_document, second_document


@pytest.fixture
def store(extractions: list[DocumentExtraction]) -> GraphStore:
    return build_dataset(extractions)


def test_nodes_carry_label_class_and_mentions(store: GraphStore) -> None:
    network = actor_network(store)
    assert network.nodes["gemeente-utrecht"]["label"] == "gemeente Utrecht"
    assert network.nodes["gemeente-utrecht"]["actor_class"] == "Municipality"
    assert network.nodes["gemeente-utrecht"]["mentions"] == 3
    assert network.nodes["ggd-regio-utrecht"]["mentions"] == 2


def test_one_edge_per_subject_property_object_with_statement_counts(store: GraphStore) -> None:
    network = actor_network(store)
    assert sorted(network.edges(keys=True)) == [
        ("an-de-vries", "ggd-regio-utrecht", "consultsWith"),
        ("gemeente-utrecht", "ggd-regio-utrecht", "contracts"),
        ("gemeente-utrecht", "ggd-regio-utrecht", "funds"),
        ("provincie-utrecht", "gemeente-utrecht", "funds"),
        ("provincie-utrecht", "ggd-regio-utrecht", "supervises"),
    ]
    contracts = network.edges["gemeente-utrecht", "ggd-regio-utrecht", "contracts"]
    assert (contracts["weight"], contracts["negated"], contracts["affirmed"]) == (1, 1, 0)
    funds = network.edges["gemeente-utrecht", "ggd-regio-utrecht", "funds"]
    assert funds["years"] == [2019]
    assert funds["documents"] == ["a_nota"]
    supervision = network.edges["provincie-utrecht", "ggd-regio-utrecht", "supervises"]
    assert supervision["normative"] == 1


def test_repeated_and_reversed_symmetric_statements_merge_into_one_edge() -> None:
    document = first_document()
    reverse = StatementRecord("ggd-regio-utrecht", RelationType.consultsWith, "an-de-vries", 1)
    again = StatementRecord("gemeente-utrecht", RelationType.funds, "ggd-regio-utrecht", 2)
    store = build_dataset([replace(document, statements=(*document.statements, reverse, again))])
    network = actor_network(store)
    consults = network.get_edge_data("an-de-vries", "ggd-regio-utrecht", "consultsWith")
    assert consults["weight"] == 2 and consults["symmetric"]
    assert not network.has_edge("ggd-regio-utrecht", "an-de-vries")
    assert network.edges["gemeente-utrecht", "ggd-regio-utrecht", "funds"]["weight"] == 2


def test_filters_by_document_property_year_modality_and_negation(store: GraphStore) -> None:
    def edges(**filters: object) -> set[tuple[str, str, str]]:
        return set(actor_network(store, **filters).edges(keys=True))  # type: ignore[arg-type]

    assert edges(documents=["b_brief.txt"]) == {("provincie-utrecht", "gemeente-utrecht", "funds")}
    assert edges(documents=["b_brief"]) == edges(documents=["b_brief.txt"])
    assert {k for _, _, k in edges(properties=["funds"])} == {"funds"}
    assert edges(properties=["subsidises"]) == {("gemeente-utrecht", "ggd-regio-utrecht", "funds")}
    assert edges(year_from=2020) == {("an-de-vries", "ggd-regio-utrecht", "consultsWith")}
    assert edges(year_to=2019) == {("gemeente-utrecht", "ggd-regio-utrecht", "funds")}
    assert ("provincie-utrecht", "ggd-regio-utrecht", "supervises") not in edges(
        modalities=[Modality.Asserted]
    )
    assert ("gemeente-utrecht", "ggd-regio-utrecht", "contracts") not in edges(
        include_negated=False
    )


def test_class_filter_follows_sub_classes_and_min_weight_drops_weak_ties(
    store: GraphStore,
) -> None:
    public = actor_network(store, classes=["PublicAuthority"])
    assert "an-de-vries" not in public
    assert public.has_edge("provincie-utrecht", "gemeente-utrecht", "funds")
    assert actor_network(store, min_weight=2).number_of_edges() == 0


def test_unknown_filter_values_are_named() -> None:
    store = build_dataset([first_document()])
    with pytest.raises(ValueError, match="nope.txt"):
        actor_network(store, documents=["nope.txt"])
    with pytest.raises(ValueError, match="'fundz'"):
        actor_network(store, properties=["fundz"])
    with pytest.raises(ValueError, match="Gemeente"):
        actor_network(store, classes=["Gemeente"])
    with pytest.raises(ValueError, match="'possible'.*Hypothetical"):
        actor_network(store, modalities=["possible"])
    lower = actor_network(store, modalities=["normative"])
    assert lower.number_of_edges() == 1
    assert set(lower.edges(keys=True)) == set(
        actor_network(store, modalities=[Modality.Normative]).edges(keys=True)
    )


def test_compare_finds_new_gone_and_sign_changes() -> None:
    before = actor_network(build_dataset([first_document()]))
    later = first_document()
    flipped = tuple(
        replace(s, negated=not s.negated) if s.predicate == RelationType.contracts else s
        for s in later.statements
        if s.predicate != RelationType.supervises
    )
    after = actor_network(build_dataset([replace(later, statements=flipped), second_document()]))
    comparison = compare_networks(before, after)
    assert comparison.new == [("provincie-utrecht", "funds", "gemeente-utrecht")]
    assert comparison.gone == [("provincie-utrecht", "supervises", "ggd-regio-utrecht")]
    assert comparison.changed_sign == [("gemeente-utrecht", "contracts", "ggd-regio-utrecht")]
    assert ("gemeente-utrecht", "funds", "ggd-regio-utrecht") in comparison.kept


def test_co_mentions_add_weak_symmetric_edges_per_sentence(store: GraphStore) -> None:
    network = actor_network(store, co_mentions=True)
    edge = network.get_edge_data("gemeente-utrecht", "ggd-regio-utrecht", "coMentionedWith")
    # named together in two sentences of the first document
    assert edge["weight"] == 2 and edge["symmetric"] and edge["documents"] == ["a_nota"]
    assert network.has_edge("gemeente-utrecht", "provincie-utrecht", "coMentionedWith")
    assert not network.has_edge("provincie-utrecht", "gemeente-utrecht", "coMentionedWith")
    assert "coMentionedWith" not in {k for *_, k in actor_network(store).edges(keys=True)}
    with_year = actor_network(store, co_mentions=True, year_from=2000)
    assert "coMentionedWith" not in {k for *_, k in with_year.edges(keys=True)}
