"""The named queries: their headers, their answers on the test dataset, and their routes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest
from flask.testing import FlaskClient

from ontology import GOV, GOVID
from tests.web.sparql_support import governance_app, governance_store
from web.queries import QUERIES_DIR, named_queries, parse_named_query


@pytest.fixture(scope="module")
def client() -> Iterator[FlaskClient]:
    yield governance_app().test_client()


@pytest.fixture(scope="module")
def store() -> pyoxigraph.Store:
    return governance_store().oxigraph


def actor(key: str) -> str:
    return str(GOVID[f"actor/{key}"])


def rows(store: pyoxigraph.Store, name: str) -> list[dict[str, str]]:
    """A named query's solutions as plain strings (IRIs and literal values)."""
    solutions = store.query(named_queries()[name].sparql, use_default_graph_as_union=True)
    assert isinstance(solutions, pyoxigraph.QuerySolutions)
    variables = [variable.value for variable in solutions.variables]
    return [
        {name: solution[name].value for name in variables if solution[name] is not None}
        for solution in solutions
    ]


def test_there_are_at_least_twelve_documented_queries() -> None:
    queries = named_queries()
    assert len(queries) >= 12
    for named in queries.values():
        assert named.title and named.description
        assert named.form in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


def test_every_named_query_parses_and_runs(store: pyoxigraph.Store) -> None:
    for named in named_queries().values():
        store.query(named.sparql, use_default_graph_as_union=True)  # SyntaxError fails the test


def test_a_query_without_header_is_reported_by_file(tmp_path: Path) -> None:
    path = tmp_path / "bare.rq"
    path.write_text("# title: Alleen een titel\nSELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bare\.rq.*description"):
        parse_named_query(path)


def test_gemeente_funds_lists_recipients_with_evidence(store: pyoxigraph.Store) -> None:
    found = rows(store, "gemeente_funds")
    assert {row["recipient"] for row in found} == {
        actor("ggd-regio-utrecht"),
        actor("buurtteam-noord"),
    }
    subsidy = next(row for row in found if row["recipient"] == actor("buurtteam-noord"))
    assert "subsidieert" in subsidy["evidence"]  # a gov:subsidises statement counts as funding
    assert subsidy["year"] == "2020"


def test_steering_keeps_normative_claims_apart(store: pyoxigraph.Store) -> None:
    by_pair = {
        (row["steerer"], row["steered"]): row for row in rows(store, "steering_per_document")
    }
    assert by_pair[(actor("ministerie-van-vws"), actor("gemeente-utrecht"))]["modality"].endswith(
        "#Asserted"
    )
    assert by_pair[(actor("gemeente-utrecht"), actor("politie-midden-nederland"))][
        "modality"
    ].endswith("#Normative")


def test_negated_collaboration_finds_only_negated_claims(store: pyoxigraph.Store) -> None:
    pairs = {(row["actor"], row["partner"]) for row in rows(store, "negated_collaboration")}
    assert pairs == {
        (actor("ggd-regio-utrecht"), actor("altrecht")),
        (actor("portaal"), actor("politie-midden-nederland")),
    }


def test_conflicts_over_time_merge_both_directions(store: pyoxigraph.Store) -> None:
    found = rows(store, "conflicts_over_time")
    assert [row["year"] for row in found] == ["2018", "2021"]
    assert len({(row["actorA"], row["actorB"]) for row in found}) == 1  # one pair, two years


def test_brokers_bridge_public_and_private(store: pyoxigraph.Store) -> None:
    brokers = {row["broker"] for row in rows(store, "public_private_brokers")}
    # GGD only has public partners (its tie with Altrecht is negated); Portaal only private.
    assert brokers == {
        actor("gemeente-utrecht"),
        actor("buurtteam-noord"),
        actor("bureau-wijkkracht"),
    }


def test_quoted_assertions_name_speaker_and_role(store: pyoxigraph.Store) -> None:
    found = rows(store, "quoted_assertions")
    assert len(found) == 2
    assert {row["speakerLabel"] for row in found} == {"Anna Bakker"}
    assert {row["role"] for row in found} == {"wethouder"}
    assert {row["organisationLabel"] for row in found} == {"gemeente Utrecht"}


def test_edge_list_excludes_negated_and_normative(store: pyoxigraph.Store) -> None:
    edges = {(row["s"], row["p"], row["o"]) for row in rows(store, "actor_relations_edges")}
    assert len(edges) == 14 - 2 - 1  # statements in the data, less two negated, one normative
    negated = (actor("portaal"), str(GOV.collaboratesWith), actor("politie-midden-nederland"))
    normative = (actor("gemeente-utrecht"), str(GOV.steers), actor("politie-midden-nederland"))
    assert negated not in edges and normative not in edges


def test_police_conflict_ask_is_true(store: pyoxigraph.Store) -> None:
    answer = store.query(
        named_queries()["police_in_conflict"].sparql, use_default_graph_as_union=True
    )
    assert bool(answer) is True


def test_gallery_lists_every_query(client: FlaskClient) -> None:
    page = client.get("/queries").get_data(as_text=True)
    listing = json.loads(client.get("/queries.json").get_data())
    assert [entry["name"] for entry in listing] == list(named_queries())
    for named in named_queries().values():
        assert named.title in page


def test_named_query_json_carries_its_results(client: FlaskClient) -> None:
    response = client.get("/queries/negated_collaboration.json")
    assert response.status_code == 200
    data = json.loads(response.get_data())
    assert data["title"] == named_queries()["negated_collaboration"].title
    assert len(data["results"]["results"]["bindings"]) == 2
    graph = json.loads(client.get("/queries/funding_network.json").get_data())
    assert isinstance(graph["results"], list)  # JSON-LD for a CONSTRUCT
    assert any(node["@id"] == actor("gemeente-utrecht") for node in graph["results"])


def test_named_query_text_and_page(client: FlaskClient) -> None:
    text = client.get("/queries/conflicts_over_time.rq")
    assert text.mimetype == "application/sparql-query"
    assert text.get_data(as_text=True) == (QUERIES_DIR / "conflicts_over_time.rq").read_text(
        encoding="utf-8"
    )
    page = client.get("/queries/conflicts_over_time").get_data(as_text=True)
    assert "conflictsWith" in page and '"autorun": true' in page


def test_unknown_named_query_is_404(client: FlaskClient) -> None:
    for path in ("/queries/bestaat-niet", "/queries/bestaat-niet.json", "/queries/bestaat-niet.rq"):
        assert client.get(path).status_code == 404
