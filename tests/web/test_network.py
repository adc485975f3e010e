"""Network views over the hand-written fixture: drawing data, filters, ego, comparison, edges."""

from __future__ import annotations

import io
import re

import networkx as nx
import pyoxigraph
import pytest
from flask.testing import FlaskClient

from tests.web.views_support import views_store
from web import create_app


def drawing(views_client: FlaskClient, url: str) -> dict:
    response = views_client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()["network"]


def ties(network: dict) -> set[tuple[str, str, str]]:
    return {(e["from"], e["property"], e["to"]) for e in network["edges"]}


def test_whole_network_has_one_edge_per_subject_property_object(views_client: FlaskClient) -> None:
    network = drawing(views_client, "/network.json")
    # Jan de Vries only asserts a statement: he is in no tie, so he is no node.
    assert {n["id"] for n in network["nodes"]} == {
        "gemeente-amsterdam",
        "ggd-amsterdam",
        "ministerie-van-vws",
        "arkin",
        "politie",
        "stichting-script",
    }
    assert len(network["edges"]) == 8
    funds = next(
        e for e in network["edges"] if e["property"] == "funds" and e["to"] == "ggd-amsterdam"
    )
    assert funds["weight"] == 2 and funds["years"] == [2002, 2005]
    assert funds["width"] > next(e for e in network["edges"] if e["property"] == "steers")["width"]


def test_edges_are_styled_by_property_negation_and_direction(views_client: FlaskClient) -> None:
    edges = {
        (e["from"], e["property"], e["to"]): e
        for e in drawing(views_client, "/network.json")["edges"]
    }
    negated = edges[("arkin", "collaboratesWith", "politie")]
    assert negated["dashes"] is True and negated["arrows"] == ""
    supervises = edges[("ministerie-van-vws", "supervises", "ggd-amsterdam")]
    assert supervises["dashes"] is False and supervises["arrows"] == "to"
    assert supervises["label"] == "houdt toezicht op"
    assert (
        supervises["color"]["color"]
        != edges[("politie", "informs", "ggd-amsterdam")]["color"]["color"]
    )


def test_parallel_edges_between_two_actors_are_curved_apart(views_client: FlaskClient) -> None:
    edges = drawing(views_client, "/network.json")["edges"]
    between = [e for e in edges if {e["from"], e["to"]} == {"gemeente-amsterdam", "ggd-amsterdam"}]
    assert len(between) == 2
    assert sum(1 for e in between if e.get("smooth", {}).get("enabled")) == 1


def test_nodes_are_coloured_by_class_and_sized_by_the_chosen_metric(
    views_client: FlaskClient,
) -> None:
    network = drawing(views_client, "/network.json")
    nodes = {n["id"]: n for n in network["nodes"]}
    assert nodes["ggd-amsterdam"]["value"] > nodes["arkin"]["value"]  # degree 4 against 2
    groups = network["options"]["groups"]
    colour = {key: groups[node["group"]]["color"]["background"] for key, node in nodes.items()}
    assert colour["arkin"] != colour["politie"]
    assert nodes["arkin"]["group"] == "MentalHealthProvider"
    legend = {item["name"]: item["label"] for item in network["legend"]["classes"]}
    assert legend["PublicHealthService"] == "GGD"
    by_mentions = {
        n["id"]: n for n in drawing(views_client, "/network.json?size=mentions")["nodes"]
    }
    assert by_mentions["arkin"]["value"] > by_mentions["ministerie-van-vws"]["value"]
    by_betweenness = {
        n["id"]: n for n in drawing(views_client, "/network.json?size=betweenness")["nodes"]
    }
    broker = max(by_betweenness.values(), key=lambda n: n["value"])
    assert broker["id"] == "ggd-amsterdam"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "property=funds",
            {
                ("ministerie-van-vws", "funds", "gemeente-amsterdam"),
                ("gemeente-amsterdam", "funds", "ggd-amsterdam"),
            },
        ),
        # A symmetric tie is drawn once, from the smaller key to the larger.
        ("group=conflict", {("gemeente-amsterdam", "conflictsWith", "stichting-script")}),
        ("modality=Normative", {("gemeente-amsterdam", "steers", "ggd-amsterdam")}),
        ("min_weight=2", {("gemeente-amsterdam", "funds", "ggd-amsterdam")}),
        (
            "year_from=2006",
            {
                ("ministerie-van-vws", "supervises", "ggd-amsterdam"),
                ("politie", "informs", "ggd-amsterdam"),
            },
        ),
        ("class=Police&class=PublicHealthService", {("politie", "informs", "ggd-amsterdam")}),
    ],
)
def test_filters_select_the_ties_they_name(
    views_client: FlaskClient, query: str, expected: set
) -> None:
    assert ties(drawing(views_client, f"/network.json?{query}")) == expected


def test_hiding_negated_statements_drops_the_denied_tie(views_client: FlaskClient) -> None:
    shown = ties(drawing(views_client, "/network.json"))
    hidden = ties(drawing(views_client, "/network.json?negated=hide"))
    assert shown - hidden == {("arkin", "collaboratesWith", "politie")}


def test_document_filter_keeps_that_documents_ties(views_client: FlaskClient) -> None:
    network = drawing(views_client, "/network.json?document=002_brief")
    assert {e["documents"][0] for e in network["edges"]} == {"002_brief"}
    assert len(network["edges"]) == 4


def test_filter_state_is_reflected_in_the_page(views_client: FlaskClient) -> None:
    html = views_client.get(
        "/network?property=funds&negated=hide&year_to=2004&size=mentions"
    ).get_data(as_text=True)
    assert re.search(r'name="property" value="funds"[^>]*checked', html)
    assert not re.search(r'name="property" value="steers"[^>]*checked', html)
    assert re.search(r'<option value="hide"\s+selected>', html)
    assert 'name="year_to" class="year" value="2004"' in html
    assert re.search(r'<option value="mentions"\s+selected>', html)


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("year_from=twintig", "year_from"),
        ("property=pays", "property"),
        ("class=Alien", "class"),
        ("min_weight=0", "min_weight"),
        ("size=colour", "size"),
        ("colour=rainbow", "colour"),
        ("year_from=2006&year_to=2002", "year_to"),
    ],
)
def test_bad_filters_are_refused_naming_the_parameter(
    views_client: FlaskClient, query: str, parameter: str
) -> None:
    as_json = views_client.get(f"/network.json?{query}")
    assert as_json.status_code == 400 and parameter in as_json.get_json()["error"]
    as_html = views_client.get(f"/network?{query}")
    assert as_html.status_code == 400 and parameter in as_html.get_data(as_text=True)
    assert "Traceback" not in as_html.get_data(as_text=True)


def test_unknown_document_is_reported_by_name(views_client: FlaskClient) -> None:
    response = views_client.get("/network.json?document=999_onbekend")
    assert response.status_code == 400 and "999_onbekend" in response.get_json()["error"]


def test_html_and_json_twin_agree(views_client: FlaskClient) -> None:
    by_suffix = views_client.get("/network.json?property=funds").get_json()
    by_accept = views_client.get(
        "/network?property=funds", headers={"Accept": "application/json"}
    ).get_json()
    assert by_suffix == by_accept


def test_edge_statements_carry_evidence_and_provenance(views_client: FlaskClient) -> None:
    body = views_client.get(
        "/network/edge.json?subject=gemeente-amsterdam&relation=funds&object=ggd-amsterdam"
    ).get_json()
    assert [s["document"] for s in body["statements"]] == ["001_nota", "002_brief"]
    first = body["statements"][0]
    assert first["evidence"].startswith("In 2002 betaalde de gemeente Amsterdam")
    assert (first["line_start"], first["line_end"], first["year"], first["negated"]) == (
        3,
        3,
        2002,
        False,
    )
    assert first["modality"] == "Asserted" and first["document_title"] == "Nota bemoeizorg"


def test_edge_statements_follow_the_views_filters(views_client: FlaskClient) -> None:
    url = "/network/edge.json?subject=gemeente-amsterdam&relation=funds&object=ggd-amsterdam"
    assert [
        s["year"] for s in views_client.get(url + "&year_to=2003").get_json()["statements"]
    ] == [2002]


def test_symmetric_edge_finds_statements_stored_the_other_way(views_client: FlaskClient) -> None:
    body = views_client.get(
        "/network/edge.json?subject=arkin&relation=collaboratesWith&object=ggd-amsterdam"
    ).get_json()
    assert [s["subject"] for s in body["statements"]] == ["ggd-amsterdam"]


def test_quoted_speaker_is_given_as_asserted_by(views_client: FlaskClient) -> None:
    body = views_client.get(
        "/network/edge.json?subject=stichting-script&relation=conflictsWith&object=gemeente-amsterdam"
    ).get_json()
    assert body["statements"][0]["asserted_by"] == "jan-de-vries"
    assert body["statements"][0]["asserted_by_label"] == "Jan de Vries"


def test_edge_endpoint_refuses_incomplete_or_unknown_requests(views_client: FlaskClient) -> None:
    assert views_client.get("/network/edge.json?subject=arkin").status_code == 400
    assert (
        views_client.get("/network/edge.json?subject=a&relation=pays&object=b").status_code == 400
    )
    assert (
        views_client.get(
            "/network/edge.json?subject=arkin&relation=funds&object=politie"
        ).status_code
        == 404
    )


def test_ego_network_grows_with_depth(views_client: FlaskClient) -> None:
    one = {n["id"] for n in drawing(views_client, "/network/actor/arkin.json?depth=1")["nodes"]}
    two = {n["id"] for n in drawing(views_client, "/network/actor/arkin.json?depth=2")["nodes"]}
    assert one == {"arkin", "ggd-amsterdam", "politie"}
    assert two == one | {"gemeente-amsterdam", "ministerie-van-vws"}


def test_ego_view_of_an_actor_without_ties_shows_the_actor_alone(views_client: FlaskClient) -> None:
    assert [
        n["id"] for n in drawing(views_client, "/network/actor/jan-de-vries.json")["nodes"]
    ] == ["jan-de-vries"]


def test_ego_view_refuses_unknown_actor_and_depth(views_client: FlaskClient) -> None:
    assert views_client.get("/network/actor/niemand").status_code == 404
    response = views_client.get("/network/actor/arkin.json?depth=3")
    assert response.status_code == 400 and "depth" in response.get_json()["error"]


def test_comparing_two_documents_marks_ties_new_gone_and_kept(views_client: FlaskClient) -> None:
    body = views_client.get("/network/compare.json?a=001_nota&b=002_brief").get_json()
    assert body["changes"] == {"new": 3, "gone": 4, "changed": 0, "kept": 1}
    change = {(e["from"], e["property"], e["to"]): e["change"] for e in body["network"]["edges"]}
    assert change[("gemeente-amsterdam", "funds", "ggd-amsterdam")] == "kept"
    assert change[("politie", "informs", "ggd-amsterdam")] == "new"
    assert change[("gemeente-amsterdam", "steers", "ggd-amsterdam")] == "gone"


def test_comparing_two_periods(views_client: FlaskClient) -> None:
    body = views_client.get("/network/compare.json?a_to=2003&b_from=2005").get_json()
    assert body["changes"]["kept"] == 1 and body["changes"]["new"] == 3


def test_comparison_needs_a_side_and_reads_years(views_client: FlaskClient) -> None:
    assert views_client.get("/network/compare.json?a=001_nota").status_code == 400
    response = views_client.get("/network/compare.json?a_from=vroeg&b=002_brief")
    assert response.status_code == 400 and "a_from" in response.get_json()["error"]
    assert views_client.get("/network/compare").status_code == 200  # the empty form


def test_pages_load_vis_network_from_the_app_not_a_cdn(views_client: FlaskClient) -> None:
    html = views_client.get("/network").get_data(as_text=True)
    sources = re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', html)
    assert sources and all(source.startswith("/static/") for source in sources)
    assert "/static/vendor/vis-network/vis-network.min.js" in sources
    served = views_client.get("/static/vendor/vis-network/vis-network.min.js")
    assert served.status_code == 200 and b"vis" in served.data[:5000]
    served.close()


def test_small_network_nodes_carry_centralities_and_brokerage_roles(
    views_client: FlaskClient,
) -> None:
    nodes = {n["id"]: n for n in drawing(views_client, "/network.json")["nodes"]}
    # The GGD passes ties from the gemeente, the ministry and the police on to Arkin: three
    # open two-paths through three different classes, so three liaison roles.
    assert nodes["ggd-amsterdam"]["brokerage"] == {"liaison": 3}
    assert nodes["arkin"]["brokerage"] == {}
    assert 0 < nodes["ggd-amsterdam"]["closeness"] <= 1
    assert isinstance(nodes["ggd-amsterdam"]["community"], int)


def test_co_mentions_add_weak_dotted_ties_on_request(views_client: FlaskClient) -> None:
    plain = drawing(views_client, "/network.json")
    weak = drawing(views_client, "/network.json?co_mentions=show")
    added = [e for e in weak["edges"] if e["property"] == "coMentionedWith"]
    assert {(e["from"], e["to"]) for e in added} == {
        ("gemeente-amsterdam", "ggd-amsterdam"),
        ("arkin", "politie"),
    }
    assert all(e["dashes"] == [2, 6] and e["arrows"] == "" for e in added)
    assert len(weak["edges"]) == len(plain["edges"]) + 2


def test_co_mention_edge_shows_the_shared_sentence(views_client: FlaskClient) -> None:
    body = views_client.get(
        "/network/edge.json?subject=arkin&relation=coMentionedWith&object=politie"
    ).get_json()
    assert [s["evidence"] for s in body["statements"]] == ["Arkin werkt niet samen met de politie."]
    assert body["statements"][0]["line_start"] == 9


def test_export_gives_the_filtered_network_as_graphml(views_client: FlaskClient) -> None:
    response = views_client.get("/network/export.graphml?property=funds")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    exported = nx.read_graphml(io.BytesIO(response.data))
    assert set(exported.nodes) == {"gemeente-amsterdam", "ggd-amsterdam", "ministerie-van-vws"}
    assert exported.number_of_edges() == 2


def test_export_refuses_unknown_formats_and_filters(views_client: FlaskClient) -> None:
    assert views_client.get("/network/export.xlsx").status_code == 404
    bad = views_client.get("/network/export.gexf?class=Alien")
    assert bad.status_code == 400 and "class" in bad.get_json()["error"]


def test_nodes_can_be_coloured_by_community_instead_of_class(views_client: FlaskClient) -> None:
    network = drawing(views_client, "/network.json?colour=community")
    groups = {n["group"] for n in network["nodes"]}
    assert all(group.startswith("community-") for group in groups)
    assert groups == set(network["options"]["groups"])
    assert network["legend"]["colour_by"] == "community"
    legend_sizes = [
        int(re.search(r"\((\d+)\)", item["label"]).group(1))
        for item in network["legend"]["classes"]
    ]
    assert sum(legend_sizes) == len(network["nodes"])
    assert legend_sizes == sorted(legend_sizes, reverse=True)  # largest community first
    html = views_client.get("/network?colour=community").get_data(as_text=True)
    assert re.search(r'<option value="community"\s+selected>', html)
    assert "Gemeenschappen (Louvain)" in html


def test_comparison_panel_asks_for_the_compared_documents_only(views_client: FlaskClient) -> None:
    html = views_client.get("/network/compare?a=001_nota&b=002_brief").get_data(as_text=True)
    query = re.search(r'data-query="([^"]*)"', html)
    assert query is not None
    assert query.group(1).replace("&amp;", "&") == "document=001_nota&document=002_brief"


def test_a_changed_graph_is_drawn_anew() -> None:
    store = views_store()
    client = create_app({"GRAPH_STORE": store, "TESTING": True}).test_client()
    before = drawing(client, "/network.json")
    store.oxigraph.load(
        input=b"""
        @prefix gov: <https://w3id.org/govgraph/ont#> .
        @prefix govid: <https://w3id.org/govgraph/id/> .
        @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
        @prefix prov: <http://www.w3.org/ns/prov#> .
        govid:graph\\/002_brief {
          govid:statement\\/s10 a gov:Statement ; rdf:subject govid:actor\\/arkin ;
            rdf:predicate gov:advises ; rdf:object govid:actor\\/ministerie-van-vws ;
            gov:evidence "Arkin adviseert het ministerie." ; gov:negated false ;
            gov:modality gov:Asserted ; prov:wasDerivedFrom govid:document\\/002_brief .
        }""",
        format=pyoxigraph.RdfFormat.TRIG,
    )
    after = drawing(client, "/network.json")
    assert ties(after) - ties(before) == {("arkin", "advises", "ministerie-van-vws")}
