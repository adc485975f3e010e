"""The SPARQL workbench in headless chromium, with every request beyond 127.0.0.1 aborted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Browser, Page, Route

from tests.conftest import serve_in_thread
from tests.web.sparql_support import governance_app
from web.queries import named_queries

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TYPED_QUERY = "SELECT ?actor ?label WHERE { ?actor a gov:Police ; skos:prefLabel ?label }"


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    yield from serve_in_thread(governance_app(SPARQL_WORKERS=2))


@pytest.fixture
def offline_page(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A page whose requests off the loopback address are recorded and aborted."""
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
    yield page, attempted
    context.close()
    assert not errors, f"script errors on the page: {errors}"


def replace_query(page: Page, text: str) -> None:
    """Select the editor's text and type a new query, as a user would."""
    page.click(".CodeMirror-code")
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.type(text)
    page.keyboard.press("Escape")


def test_type_a_query_run_it_and_see_linked_rows(
    offline_page: tuple[Page, list[str]], base_url: str, artifacts_dir: Path
) -> None:
    page, attempted = offline_page
    page.goto(f"{base_url}/sparql")
    page.wait_for_selector(".CodeMirror")
    assert page.locator(".cm-keyword").count() > 0  # highlighted
    replace_query(page, TYPED_QUERY)
    page.click("#run")
    rows = page.locator(".results-table tbody tr")
    rows.first.wait_for()
    assert rows.count() == 1
    link = rows.first.locator("a.iri")
    assert link.get_attribute("href") == "/actor/politie-midden-nederland"
    assert "politie Midden-Nederland" in rows.first.inner_text()
    assert "1 rijen" in page.inner_text("#status")
    assert not page.is_hidden("#downloads")
    page.screenshot(path=str(artifacts_dir / "sparql-workbench.png"), full_page=True)
    assert attempted == []


def test_prefix_completion_declares_the_prefix(
    offline_page: tuple[Page, list[str]], base_url: str
) -> None:
    page, attempted = offline_page
    page.goto(f"{base_url}/sparql")
    page.wait_for_selector(".CodeMirror")
    replace_query(page, "SELECT ?a WHERE { ?a skos:prefL")
    page.keyboard.press("Control+Space")
    hint = page.locator(".CodeMirror-hint")
    hint.first.wait_for()
    assert "skos:prefLabel" in hint.all_inner_texts()
    page.keyboard.press("Enter")
    text = page.evaluate("document.querySelector('.CodeMirror').CodeMirror.getValue()")
    assert text.startswith("PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n")
    assert "?a skos:prefLabel" in text
    assert attempted == []


def test_gallery_query_runs_and_edges_become_a_network(
    offline_page: tuple[Page, list[str]], base_url: str, artifacts_dir: Path
) -> None:
    page, attempted = offline_page
    page.goto(f"{base_url}/sparql")
    page.click("[data-query-name=public_private_brokers]")
    page.wait_for_function("document.querySelector('#status').textContent.includes('rijen')")
    assert page.locator(".results-table tbody tr").count() == 3

    page.click("[data-query-name=actor_relations_edges]")
    network_link = page.locator("#network-link")
    network_link.wait_for()
    linked = urlparse(network_link.get_attribute("href") or "")
    assert linked.path == "/network"
    assert parse_qs(linked.query)["query"] == [named_queries()["actor_relations_edges"].sparql]
    page.locator("#result-network canvas").wait_for()
    page.screenshot(path=str(artifacts_dir / "sparql-workbench-network.png"), full_page=True)
    assert attempted == []


def test_errors_are_shown_not_swallowed(
    offline_page: tuple[Page, list[str]], base_url: str
) -> None:
    page, attempted = offline_page
    page.goto(f"{base_url}/sparql")
    page.wait_for_selector(".CodeMirror")
    replace_query(page, "SELECT * WHERE { ?s ?p")
    page.keyboard.press("Control+Enter")
    error = page.locator("pre.error")
    error.wait_for()
    assert error.inner_text().startswith("400: SPARQL syntax error")
    assert attempted == []
