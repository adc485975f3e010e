"""Markup in an actor label or an evidence sentence is shown as text on every page."""

from __future__ import annotations

import json
import re

import pytest
from flask.testing import FlaskClient

LABEL_MARKUP = "<script>window.pwned=1</script>"
EVIDENCE_MARKUP = '<img src=x onerror="window.pwned=3">'


@pytest.mark.parametrize(
    "url",
    [
        "/actors",
        "/actor/stichting-script",
        "/actor/gemeente-amsterdam",
        "/document/002_brief",
        "/network",
        "/network/actor/stichting-script",
        "/network/compare?a=001_nota&b=002_brief",
    ],
)
def test_markup_from_documents_never_reaches_the_page_as_markup(
    url: str, views_client: FlaskClient
) -> None:
    html = views_client.get(url).get_data(as_text=True)
    assert response_mentions_actor(html), f"{url} does not show the actor at all"
    assert LABEL_MARKUP not in html
    assert "<img src=x" not in html


def response_mentions_actor(html: str) -> bool:
    """The label shows up escaped, either as HTML entities or inside the JSON data script."""
    return (
        "&lt;script&gt;window.pwned=1&lt;/script&gt;" in html
        or "\\u003cscript\\u003ewindow.pwned=1" in html
    )


def test_evidence_markup_is_escaped_on_the_document_page(views_client: FlaskClient) -> None:
    html = views_client.get("/document/002_brief").get_data(as_text=True)
    assert "&lt;img src=x onerror=" in html
    assert EVIDENCE_MARKUP not in html


def test_network_data_script_cannot_be_closed_by_a_label(views_client: FlaskClient) -> None:
    html = views_client.get("/network").get_data(as_text=True)
    data = re.search(
        r'<script id="network-data" type="application/json">(.*?)</script>', html, re.S
    )
    assert data is not None
    nodes = {n["id"]: n for n in json.loads(data.group(1))["nodes"]}
    assert nodes["stichting-script"]["label"].startswith("Stichting <script>")  # intact as text
