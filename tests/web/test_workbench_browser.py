"""The SPARQL workbench in headless chromium, with every request beyond 127.0.0.1 aborted."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Browser, Page, Route

from tests.conftest import serve_in_thread
from tests.web.sparql_support import governance_app
from web.queries import named_queries

pytestmark = [pytest.mark.browser, pytest.mark.slow]

POLICE = "https://w3id.org/govgraph/id/actor/politie-midden-nederland"
TYPED_QUERY = "SELECT ?actor ?label WHERE { ?actor a gov:Police ; skos:prefLabel ?label }"


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    yield from serve_in_thread(governance_app(SPARQL_WORKERS=2))


@pytest.fixture
def workbench(browser: Browser, base_url: str) -> Iterator[Page]:
    """The workbench page, loaded with requests off the loopback address aborted.

    Teardown checks that the page attempted no such request and raised no script error.
    """
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    attempted: list[str] = []

    def guard(route: Route) -> None:
        url = route.request.url
        if urlparse(url).hostname == "127.0.0.1":
            route.continue_()
        else:
            attempted.append(url)
            route.abort()

    page.route("**/*", guard)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base_url}/sparql")
    page.wait_for_selector(".CodeMirror")
    yield page
    context.close()
    assert attempted == [], f"the page tried to leave 127.0.0.1: {attempted}"
    assert not errors, f"script errors on the page: {errors}"


def replace_query(page: Page, text: str) -> None:
    """Select the editor's text and type a new query, as a user would."""
    page.click(".CodeMirror-code")
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.type(text)
    page.keyboard.press("Escape")


def test_type_a_query_run_it_and_see_linked_rows(workbench: Page, artifacts_dir: Path) -> None:
    assert workbench.locator(".cm-keyword").count() > 0  # the starter query is highlighted
    replace_query(workbench, TYPED_QUERY)
    workbench.click("#run")
    rows = workbench.locator(".results-table tbody tr")
    rows.first.wait_for()
    assert rows.count() == 1
    link = rows.first.locator("a.iri")
    assert link.get_attribute("href") == "/actor/politie-midden-nederland"
    assert "politie Midden-Nederland" in rows.first.inner_text()
    assert "1 rijen" in workbench.inner_text("#status")
    workbench.screenshot(path=str(artifacts_dir / "sparql-workbench.png"), full_page=True)

    with workbench.expect_download() as csv_download:
        workbench.click("#downloads button[data-format=csv]")
    lines = Path(csv_download.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines == ["actor,label", f"{POLICE},politie Midden-Nederland"]
    with workbench.expect_download() as json_download:
        workbench.click("#downloads button[data-format=json]")
    results = json.loads(Path(json_download.value.path()).read_text(encoding="utf-8"))
    assert results["results"]["bindings"][0]["actor"]["value"] == POLICE


def test_prefix_completion_declares_the_prefix(workbench: Page) -> None:
    replace_query(workbench, "SELECT ?a WHERE { ?a skos:prefL")
    workbench.keyboard.press("Control+Space")
    hint = workbench.locator(".CodeMirror-hint")
    hint.first.wait_for()
    assert "skos:prefLabel" in hint.all_inner_texts()
    workbench.keyboard.press("Enter")
    text = workbench.evaluate("document.querySelector('.CodeMirror').CodeMirror.getValue()")
    assert text.startswith("PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n")
    assert "?a skos:prefLabel" in text


def test_gallery_query_runs_and_edges_become_a_network(
    workbench: Page, artifacts_dir: Path
) -> None:
    workbench.click("[data-query-name=public_private_brokers]")
    workbench.wait_for_function("document.querySelector('#status').textContent.includes('rijen')")
    assert workbench.locator(".results-table tbody tr").count() == 3

    workbench.click("[data-query-name=actor_relations_edges]")
    network_link = workbench.locator("#network-link")
    network_link.wait_for()
    linked = urlparse(network_link.get_attribute("href") or "")
    assert linked.path == "/network"
    assert parse_qs(linked.query)["query"] == [named_queries()["actor_relations_edges"].sparql]
    workbench.locator("#result-network canvas").wait_for()
    path = artifacts_dir / "sparql-workbench-network.png"
    workbench.screenshot(path=str(path), full_page=True)


def test_errors_are_shown_not_swallowed(workbench: Page) -> None:
    replace_query(workbench, "SELECT * WHERE { ?s ?p")
    workbench.keyboard.press("Control+Enter")
    error = workbench.locator("pre.error")
    error.wait_for()
    assert error.inner_text().startswith("400: SPARQL syntax error")
