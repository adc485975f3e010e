"""The network and actor pages in headless chromium, offline: drawing, filters, clicks, XSS."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import serve_in_thread
from tests.web.views_support import views_app

pytestmark = [pytest.mark.browser, pytest.mark.slow]

STABLE = "#network[data-state=stable]"


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    yield from serve_in_thread(views_app())


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A page that may only talk to 127.0.0.1; anything else is recorded and aborted."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.outside_requests = []
    page.errors = []

    def only_local(route: Any) -> None:
        if route.request.url.startswith("http://127.0.0.1:"):
            route.continue_()
        else:
            page.outside_requests.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    assert page.outside_requests == []
    assert page.errors == []
    context.close()


def node_count(page: Any) -> int:
    return int(page.evaluate("window.govgraph.nodes.length"))


def screen_point(page: Any, canvas_point: str) -> dict[str, float]:
    """Where the page shows a point given in canvas coordinates (a JS expression)."""
    point: dict[str, float] = page.evaluate(
        f"""() => {{
          const dom = window.govgraph.network.canvasToDOM({canvas_point});
          const box = document.querySelector('#network canvas').getBoundingClientRect();
          return {{x: box.left + dom.x, y: box.top + dom.y}};
        }}"""
    )
    return point


def click_at(page: Any, canvas_point: str) -> None:
    """Click a point of the drawing given in canvas coordinates."""
    point = screen_point(page, canvas_point)
    page.mouse.click(point["x"], point["y"])


def hover_at(page: Any, canvas_point: str) -> None:
    """Rest the mouse on a point of the drawing, which opens its tooltip."""
    point = screen_point(page, canvas_point)
    page.mouse.move(point["x"] - 3, point["y"] - 3)
    page.mouse.move(point["x"], point["y"])


def click_edge(page: Any, edge_id: str) -> None:
    """Click the middle of an edge."""
    click_at(
        page,
        f"""(() => {{
          const edge = window.govgraph.edges.get('{edge_id}');
          const pos = window.govgraph.network.getPositions([edge.from, edge.to]);
          return {{x: (pos[edge.from].x + pos[edge.to].x) / 2,
                  y: (pos[edge.from].y + pos[edge.to].y) / 2}};
        }})()""",
    )


def test_network_page_draws_every_node_of_the_graph(
    page: Any, base_url: str, artifacts_dir: Path
) -> None:
    page.goto(f"{base_url}/network")
    page.wait_for_selector(STABLE, timeout=20_000)
    assert page.locator("#network canvas").count() == 1
    expected = page.request.get(f"{base_url}/network.json").json()["network"]
    assert node_count(page) == len(expected["nodes"]) == 6
    assert page.evaluate("window.govgraph.edges.length") == len(expected["edges"])
    # Physics has stopped once the drawing is stable, so nothing keeps the CPU busy.
    assert page.evaluate("window.govgraph.network.physics.options.enabled") is False
    page.screenshot(path=str(artifacts_dir / "network-page.png"))


def test_a_filter_changes_the_count_and_lands_in_the_url(
    page: Any, base_url: str, artifacts_dir: Path
) -> None:
    page.goto(f"{base_url}/network")
    page.wait_for_selector(STABLE)
    before = node_count(page)
    page.check('input[name="property"][value="funds"]')
    page.click('#filter-form button[type="submit"]')
    page.wait_for_url("**/network?*property=funds*")
    page.wait_for_selector(STABLE)
    assert node_count(page) == 3 < before
    page.screenshot(path=str(artifacts_dir / "network-filtered-funds.png"))


def test_clicking_an_edge_shows_its_evidence_sentences(
    page: Any, base_url: str, artifacts_dir: Path
) -> None:
    page.goto(f"{base_url}/network?property=funds")
    page.wait_for_selector(STABLE)
    edge_id = page.evaluate(
        "window.govgraph.edges.get({filter: e => e.from === 'gemeente-amsterdam'})[0].id"
    )
    click_edge(page, edge_id)
    panel = page.locator("#edge-statements")
    panel.wait_for()
    text = panel.inner_text()
    assert "In 2002 betaalde de gemeente Amsterdam de GGD voor de bemoeizorg." in text
    assert "Ook in 2005 kreeg de GGD geld van de gemeente." in text
    assert "regels 3" in text and "Nota bemoeizorg" in text
    page.screenshot(path=str(artifacts_dir / "network-edge-evidence.png"))


def test_search_focuses_an_actor_and_opens_its_panel(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/network")
    page.wait_for_selector(STABLE)
    page.fill("#search", "arkin")
    page.press("#search", "Enter")
    page.locator("#detail-panel h2", has_text="Arkin").wait_for()
    assert page.evaluate("window.govgraph.network.getSelectedNodes()") == ["arkin"]
    # Arkin's neighbours stay clear, everyone else fades.
    opacity = page.evaluate(
        "Object.fromEntries(window.govgraph.nodes.get().map(n => [n.id, n.opacity]))"
    )
    assert opacity["arkin"] == opacity["ggd-amsterdam"] == opacity["politie"] == 1
    assert opacity["ministerie-van-vws"] < 1 and opacity["stichting-script"] < 1
    assert "focus=arkin" in page.url
    panel = page.locator("#detail-panel").inner_text()
    assert "GGZ-instelling" in panel
    assert "graad\t2" in panel or "graad\n2" in panel  # metrics rendered as rows, not objects
    assert "[object" not in panel


def test_actor_page_lists_its_statements(page: Any, base_url: str, artifacts_dir: Path) -> None:
    page.goto(f"{base_url}/actor/gemeente-amsterdam")
    page.wait_for_selector(STABLE)
    assert page.locator("section.property-group li.statement").count() == 5
    assert node_count(page) >= 3
    page.screenshot(path=str(artifacts_dir / "actor-page.png"), full_page=True)


def test_markup_in_labels_and_evidence_stays_text_in_the_browser(
    page: Any, base_url: str, artifacts_dir: Path
) -> None:
    page.goto(f"{base_url}/network")
    page.wait_for_selector(STABLE)
    click_at(page, "window.govgraph.network.getPositions(['stichting-script'])['stichting-script']")
    heading = page.locator("#detail-panel h2")
    heading.wait_for()
    page.locator("#detail-panel ol.statements li").first.wait_for()
    assert heading.inner_text().startswith("Stichting <script>")
    assert page.locator("#detail-panel img").count() == 0
    hover_at(page, "window.govgraph.network.getPositions(['stichting-script'])['stichting-script']")
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible")
    assert "<script>window.pwned=1</script>" in tooltip.inner_text()
    assert tooltip.locator("img, script").count() == 0
    for url in ("/actor/stichting-script", "/document/002_brief"):
        page.goto(base_url + url)
        assert "<img src=x" in page.locator("main").inner_text()
    assert page.evaluate("window.pwned === undefined")
    page.screenshot(path=str(artifacts_dir / "xss-document-page.png"))


@pytest.fixture(scope="module")
def sample_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The bundled sample corpus, built by the CLI's own builder, served by the app."""
    from govgraph.cli import SAMPLE_DIR, build_dataset_file
    from web import create_app

    graph_file = tmp_path_factory.mktemp("sample") / "sample.trig"
    build_dataset_file([SAMPLE_DIR], graph_file)
    yield from serve_in_thread(create_app({"GRAPH_PATH": graph_file}))


def clickable_edge(page: Any) -> str:
    """An edge whose midpoint the canvas attributes to that edge and to no node."""
    edge_id = page.evaluate(
        """() => {
          const {network, edges} = window.govgraph;
          for (const edge of edges.get()) {
            const pos = network.getPositions([edge.from, edge.to]);
            const mid = network.canvasToDOM({x: (pos[edge.from].x + pos[edge.to].x) / 2,
                                             y: (pos[edge.from].y + pos[edge.to].y) / 2});
            if (network.getNodeAt(mid) === undefined && network.getEdgeAt(mid) === edge.id) {
              return edge.id;
            }
          }
          return null;
        }"""
    )
    assert edge_id is not None, "every edge midpoint is covered by a node or another edge"
    return str(edge_id)


def test_sample_corpus_network_filters_and_evidence(
    page: Any, sample_url: str, artifacts_dir: Path
) -> None:
    whole = page.request.get(f"{sample_url}/network.json").json()["network"]
    assert whole["edges"], "the sample corpus gave no relations to draw"
    page.goto(f"{sample_url}/network")
    page.wait_for_selector(STABLE, timeout=20_000)
    assert node_count(page) == len(whole["nodes"])
    page.screenshot(path=str(artifacts_dir / "sample-network.png"))

    edge_id = clickable_edge(page)
    edge = page.evaluate(f"window.govgraph.edges.get('{edge_id}')")
    click_edge(page, edge_id)
    page.locator("#edge-statements").wait_for()
    behind = page.request.get(
        f"{sample_url}/network/edge.json",
        params={"subject": edge["from"], "relation": edge["property"], "object": edge["to"]},
    ).json()["statements"]
    assert behind[0]["evidence"] in page.locator("#edge-statements").inner_text()
    page.screenshot(path=str(artifacts_dir / "sample-edge-evidence.png"))

    document = behind[0]["document"]
    expected = page.request.get(f"{sample_url}/network.json?document={document}").json()
    page.check(f'input[name="document"][value="{document}"]')
    page.click('#filter-form button[type="submit"]')
    page.wait_for_url(f"**document={document}*")
    page.wait_for_selector(STABLE)
    assert node_count(page) == len(expected["network"]["nodes"]) < len(whole["nodes"])


def test_sample_corpus_actor_page_lists_its_statements(
    page: Any, sample_url: str, artifacts_dir: Path
) -> None:
    actors = page.request.get(f"{sample_url}/actors.json").json()["actors"]
    busiest = max(actors, key=lambda actor: actor["statements"])
    page.goto(f"{sample_url}/actor/{busiest['key']}")
    page.wait_for_selector(STABLE)
    assert page.locator("section.property-group li.statement").count() == busiest["statements"]
    page.screenshot(path=str(artifacts_dir / "sample-actor-page.png"), full_page=True)
