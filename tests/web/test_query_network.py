"""The workbench's "show as network": /network restricted to the ties a query returns."""

from __future__ import annotations

from urllib.parse import quote

from flask.testing import FlaskClient

from tests.web.test_network import drawing, ties

PREFIXES = (
    "PREFIX gov: <https://w3id.org/govgraph/ont#> PREFIX govid: <https://w3id.org/govgraph/id/> "
)


def test_a_select_of_s_p_o_keeps_only_the_ties_it_returns(views_client: FlaskClient) -> None:
    query = PREFIXES + "SELECT ?s ?p ?o WHERE { ?s gov:funds ?o BIND(gov:funds AS ?p) }"
    network = drawing(views_client, "/network.json?query=" + quote(query))
    assert ties(network) == {
        ("gemeente-amsterdam", "funds", "ggd-amsterdam"),
        ("ministerie-van-vws", "funds", "gemeente-amsterdam"),
    }
    assert {n["id"] for n in network["nodes"]} == {
        "gemeente-amsterdam",
        "ggd-amsterdam",
        "ministerie-van-vws",
    }


def test_a_construct_keeps_symmetric_ties_in_either_direction(views_client: FlaskClient) -> None:
    query = PREFIXES + (
        "CONSTRUCT { <https://w3id.org/govgraph/id/actor/politie> gov:collaboratesWith "
        "<https://w3id.org/govgraph/id/actor/arkin> } WHERE {}"
    )
    network = drawing(views_client, "/network.json?query=" + quote(query))
    assert ties(network) == {("arkin", "collaboratesWith", "politie")}


def test_a_query_without_s_p_o_rows_is_a_clear_400(views_client: FlaskClient) -> None:
    query = PREFIXES + "SELECT ?x WHERE { ?x a gov:Statement }"
    response = views_client.get("/network.json?query=" + quote(query))
    assert response.status_code == 400
    assert "?s ?p ?o" in response.get_json()["error"]


def test_a_malformed_query_is_a_400_not_a_crash(views_client: FlaskClient) -> None:
    response = views_client.get("/network.json?query=" + quote("SELECT WHERE {"))
    assert response.status_code == 400
