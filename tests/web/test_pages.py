"""Index, actor, document and ontology pages and their JSON twins over the fixture."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient
from rdflib import Graph, Literal
from rdflib.namespace import RDFS

from ontology import GOV, ONTOLOGY_TTL, ActorClass, RelationType
from tests.web.views_support import views_store
from web import create_app, provenance


def test_index_counts_what_the_graph_holds(views_client: FlaskClient) -> None:
    body = views_client.get("/index.json").get_json()
    assert (body["actor_count"], body["statement_count"], body["mention_count"]) == (7, 9, 5)
    html = views_client.get("/").get_data(as_text=True)
    assert "Nota bemoeizorg" in html and "/document/001_nota" in html


def test_actors_list_gives_class_and_counts(views_client: FlaskClient) -> None:
    actors = {a["key"]: a for a in views_client.get("/actors.json").get_json()["actors"]}
    assert actors["ggd-amsterdam"]["actor_class"] == "PublicHealthService"
    assert (actors["ggd-amsterdam"]["statements"], actors["ggd-amsterdam"]["mentions"]) == (6, 1)
    assert actors["jan-de-vries"]["statements"] == 0
    assert "/actor/politie" in views_client.get("/actors").get_data(as_text=True)


def test_actor_page_groups_statements_by_property_and_direction(views_client: FlaskClient) -> None:
    body = views_client.get("/actor/gemeente-amsterdam.json").get_json()
    assert {p: len(s) for p, s in body["outgoing"].items()} == {"funds": 2, "steers": 1}
    assert {p: len(s) for p, s in body["incoming"].items()} == {"conflictsWith": 1, "funds": 1}
    assert body["statement_count"] == 5
    html = views_client.get("/actor/gemeente-amsterdam").get_data(as_text=True)
    assert html.count('class="statement"') == 5
    assert "Ook in 2005 kreeg de GGD geld van de gemeente." in html
    assert 'data-property="steers"' in html and "stuurt aan" in html


def test_actor_page_shows_aliases_identifier_and_ego_network(views_client: FlaskClient) -> None:
    body = views_client.get(
        "/actor/ggd-amsterdam", headers={"Accept": "application/json"}
    ).get_json()
    assert body["actor"]["aliases"] == ["GGD", "Gemeentelijke Gezondheidsdienst"]
    assert body["actor"]["identifier"].endswith("oorg10101")
    assert {n["id"] for n in body["network"]["nodes"]} >= {"ggd-amsterdam", "arkin", "politie"}


def test_person_page_gives_role_and_organisation(views_client: FlaskClient) -> None:
    html = views_client.get("/actor/jan-de-vries").get_data(as_text=True)
    assert "wethouder" in html and 'href="/actor/gemeente-amsterdam"' in html


def test_unknown_actor_and_document_are_404_in_both_forms(views_client: FlaskClient) -> None:
    for url in ("/actor/niemand", "/document/000_geen"):
        page = views_client.get(url)
        assert page.status_code == 404 and "niet gevonden" in page.get_data(as_text=True).lower()
        twin = views_client.get(url + ".json")
        assert twin.status_code == 404 and "is not in the graph" in twin.get_json()["error"]


def test_document_page_highlights_mentions_inside_their_sentences(
    views_client: FlaskClient,
) -> None:
    html = views_client.get("/document/001_nota").get_data(as_text=True)
    marks = re.findall(r'<mark class="mention"[^>]*><a href="/actor/([^"]+)">([^<]+)</a>', html)
    assert marks == [
        ("gemeente-amsterdam", "gemeente Amsterdam"),
        ("ggd-amsterdam", "GGD"),
        ("arkin", "Arkin"),
        ("politie", "politie"),
    ]
    # The text around a mention survives: the sentence reads whole once the marks are removed.
    plain = re.sub(r"<span class=\"mention-class\">[^<]*</span>", "", html)
    plain = re.sub(r"<[^>]+>", "", plain)
    assert "Arkin werkt niet samen met de politie." in plain


def test_document_json_lists_statements_beside_their_sentence(views_client: FlaskClient) -> None:
    body = views_client.get("/document/001_nota.json").get_json()
    by_text = {s["text"]: s for s in body["sentences"]}
    negated = by_text["Arkin werkt niet samen met de politie."]
    assert [(s["property"], s["negated"]) for s in negated["statements"]] == [
        ("collaboratesWith", True)
    ]
    assert [span[:2] for span in negated["spans"]] == [[0, 5], [30, 37]]
    assert [s["line_start"] for s in body["sentences"]] == sorted(
        s["line_start"] for s in body["sentences"]
    )


def test_mentions_that_do_not_line_up_are_found_by_their_surface() -> None:
    sentence = provenance.SentenceView("De GGD en de GGD werken samen.", 1)
    mention = provenance.MentionView(
        "ggd", "GGD", "PublicHealthService", "GGD", 500, 503, sentence.text, 1
    )
    shifted = provenance.MentionView(
        "ggd", "GGD", "PublicHealthService", "GGD", 509, 512, sentence.text, 1
    )
    missing = provenance.MentionView("x", "X", "Actor", "UWV", 520, 523, sentence.text, 1)
    provenance._locate(sentence, [mention, shifted, missing])
    assert [(start, end) for start, end, _ in sentence.spans] == [(3, 6), (13, 16)]


def test_ontology_page_is_generated_from_the_turtle_file(views_client: FlaskClient) -> None:
    turtle = Graph().parse(ONTOLOGY_TTL)
    body = views_client.get("/ontology.json").get_json()
    classes = {c["name"]: c for c in body["classes"]}
    properties = {p["name"]: p for p in body["properties"]}
    assert set(ActorClass.__members__) <= set(classes)
    for relation in RelationType:
        dutch = next(
            label
            for label in turtle.objects(GOV[relation.value], RDFS.label)
            if isinstance(label, Literal) and label.language == "nl"
        )
        assert properties[relation.value]["label_nl"] == str(dutch)
        assert properties[relation.value]["kind"] == "relation"
    assert properties["collaboratesWith"]["symmetric"] and not properties["funds"]["symmetric"]
    assert "NationalGovernment" in classes["Ministry"]["parents"]
    html = views_client.get("/ontology").get_data(as_text=True)
    assert 'id="supervises"' in html and "houdt toezicht op" in html


def test_documents_list_links_to_each_document_and_its_network(views_client: FlaskClient) -> None:
    html = views_client.get("/documents").get_data(as_text=True)
    assert 'href="/document/002_brief"' in html and "/network?document=002_brief" in html
    assert [d["doc_id"] for d in views_client.get("/documents.json").get_json()["documents"]] == [
        "001_nota",
        "002_brief",
    ]


def test_navigation_links_every_area(views_client: FlaskClient) -> None:
    html = views_client.get("/actors").get_data(as_text=True)
    nav = re.search(r"<nav.*?</nav>", html, re.S)
    assert nav is not None
    for href in ("/network", "/actors", "/documents", "/queries", "/sparql", "/ontology"):
        assert f'href="{href}"' in nav.group(0)
    assert re.search(r'href="/actors" aria-current="page"', nav.group(0))


def test_statement_reader_returns_every_statement_once() -> None:
    store = views_store()
    assert len(provenance.statements(store)) == 9
    assert len(provenance.actor_statements(store, "ggd-amsterdam")) == 6


@pytest.mark.parametrize("url", ["/", "/actors", "/documents", "/network", "/network/compare"])
def test_pages_of_an_empty_graph_say_so_instead_of_failing(url: str) -> None:
    response = create_app({"TESTING": True}).test_client().get(url)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert re.search(r"nog geen|Geen relaties|Kies twee documenten", html)
