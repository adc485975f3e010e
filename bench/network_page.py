"""Benchmark 5: time from navigation to a stable drawing of /network in headless chromium.

Synthetic actor networks of 100, 1,000 and 5,000 actors (communities of 25 with a few ties
between them, two statements per actor) go through govgraph's real graph builder into a
store, and the app serves them. For each size the page is opened afresh and the time from
navigation start to the moment the drawing is stable (physics done or the precomputed layout
drawn) is read inside the page; then the time of one zoom redraw. The anchor is the same 100
actors drawn with pyvis's default options (barnesHut physics, 1,000 stabilisation iterations,
dynamic smooth edges), from the same locally served vis-network.

    .venv/bin/python bench/network_page.py [--repetitions N]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from harness import Headline, Section  # noqa: E402  (bench folder on the path just above)
from pyvis.network import Network  # noqa: E402

from graph.build import build_dataset  # noqa: E402
from graph.network import actor_network  # noqa: E402
from graph.store import GraphStore  # noqa: E402
from ontology import (  # noqa: E402
    ActorClass,
    ActorRecord,
    DocumentExtraction,
    DocumentInfo,
    MentionRecord,
    RelationType,
    SentenceRecord,
    StatementRecord,
)
from tests.conftest import serve_in_thread  # noqa: E402
from web import create_app, get_store  # noqa: E402
from web.netview import vis_network  # noqa: E402
from web.network import forget_cached_views  # noqa: E402
from web.vocabulary import load_vocabulary  # noqa: E402

SIZES = (100, 1_000, 5_000)
COMMUNITY = 25
STATEMENTS_PER_ACTOR = 2
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
TIMEOUT_MS = 240_000
CLASSES = [c for c in ActorClass if c is not ActorClass.Actor]
RELATIONS = list(RelationType)

ANCHOR_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/static/vendor/vis-network/vis-network.min.css"></head>
<body style="margin:0"><div id="network" style="width:100%;height:100vh"></div>
<script src="/static/vendor/vis-network/vis-network.min.js"></script>
<script>
  const data = __DATA__;
  const network = new vis.Network(document.getElementById("network"),
      {nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges)}, data.options);
  network.once("stabilizationIterationsDone", () =>
      network.once("afterDrawing", () => { window.stableAt = performance.now(); }));
  window.govgraph = {network};
</script></body></html>"""


def community_corpus(actors: int, seed: int = 5) -> DocumentExtraction:
    """One document whose statements tie ``actors`` actors, mostly within communities of 25."""
    rng = random.Random(seed)
    records = tuple(
        ActorRecord(f"actor-{i}", f"Actor {i}", CLASSES[(i // COMMUNITY) % len(CLASSES)])
        for i in range(actors)
    )
    sentences, mentions, statements = [], [], []
    for index in range(actors * STATEMENTS_PER_ACTOR):
        # Every actor is a subject once or twice, so every actor is in the network.
        subject = index % actors
        community = subject - subject % COMMUNITY
        if rng.random() < 0.9:
            target = community + rng.randrange(min(COMMUNITY, actors - community))
        else:
            target = rng.randrange(actors)
        if target == subject:
            target = (subject + 1) % actors
        text = f"Zin {index}: Actor {subject} en Actor {target} werken aan iets."
        start = index * 80
        sentences.append(
            SentenceRecord(index, text, start, start + len(text), index + 1, index + 1)
        )
        mentions.append(
            MentionRecord(f"actor-{subject}", f"Actor {subject}", start + 9, start + 16, index)
        )
        statements.append(
            StatementRecord(
                f"actor-{subject}",
                rng.choice(RELATIONS),
                f"actor-{target}",
                index,
                year=2000 + index % 20,
            )
        )
    info = DocumentInfo(
        f"synthetic-{actors}", f"synthetic-{actors}.txt", "0" * 64, title="Synthetisch netwerk"
    )
    return DocumentExtraction(
        info, "", tuple(sentences), records, tuple(mentions), tuple(statements)
    )


@contextmanager
def served(store: GraphStore) -> Iterator[str]:
    """The app over ``store`` on a free loopback port, plus the pyvis-defaults anchor page."""
    app = create_app({"GRAPH_STORE": store})

    def anchor_page() -> str:
        # The same nodes and edges as /network, without positions, tooltips or curves.
        drawing = vis_network(actor_network(get_store()), "degree", load_vocabulary())
        for item, keys in [(n, ("x", "y", "title")) for n in drawing["nodes"]] + [
            (e, ("title", "smooth")) for e in drawing["edges"]
        ]:
            for key in keys:
                item.pop(key, None)
        defaults = json.loads(Network(directed=True).options.to_json())
        payload = {"nodes": drawing["nodes"], "edges": drawing["edges"], "options": defaults}
        return ANCHOR_PAGE.replace("__DATA__", json.dumps(payload).replace("<", "\\u003c"))

    app.add_url_rule("/bench/pyvis-defaults", "bench_anchor", anchor_page)
    with contextmanager(serve_in_thread)(app) as base_url:
        yield base_url


@dataclass
class PageLoad:
    """One page load: milliseconds from navigation start to the response and to stable."""

    response_ms: float
    stable_ms: float
    redraw_ms: float  # one zoom step after the drawing is stable
    layout: str
    nodes: int


def _open(browser: Any, url: str, stable_expression: str) -> PageLoad:
    """Open ``url`` in a fresh page that may only reach 127.0.0.1, and time it from inside."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith("http://127.0.0.1") else route.abort()
        ),
    )
    page.goto(url, timeout=TIMEOUT_MS)
    page.wait_for_function(f"({stable_expression}) !== undefined", timeout=TIMEOUT_MS, polling=100)
    load = PageLoad(
        response_ms=float(
            page.evaluate("performance.getEntriesByType('navigation')[0].responseEnd")
        ),
        stable_ms=float(page.evaluate(stable_expression)),
        redraw_ms=float(
            page.evaluate(
                """() => new Promise((resolve) => {
                     const net = window.govgraph.network, start = performance.now();
                     net.once('afterDrawing', () => resolve(performance.now() - start));
                     net.moveTo({scale: net.getScale() * 1.5});
                   })"""
            )
        ),
        layout=str(page.evaluate("window.govgraph.layout || 'physics (pyvis defaults)'")),
        nodes=int(page.evaluate("window.govgraph.network.body.nodeIndices.length")),
    )
    page.close()
    return load


def _median(loads: list[PageLoad], field: str) -> float:
    return statistics.median(getattr(load, field) for load in loads)


def measure(repetitions: int = 3) -> list[dict[str, Any]]:
    """Rows of figures per network size (cold and warm loads), plus the anchor row.

    A cold load follows emptied caches; the warm load right after it finds the projected
    network and its layout cached, as when a researcher comes back to a view.
    """
    from playwright.sync_api import sync_playwright

    rows: list[dict[str, Any]] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        stable = "window.govgraph && window.govgraph.stableAt"
        for size in SIZES:
            with served(build_dataset([community_corpus(size)])) as base:
                cold, warm = [], []
                for _ in range(repetitions):
                    forget_cached_views()
                    cold.append(_open(browser, f"{base}/network", stable))
                    warm.append(_open(browser, f"{base}/network", stable))
                rows.append(
                    {"what": f"/network, {cold[0].nodes:,} actors", "cold": cold, "warm": warm}
                )
                if size == SIZES[0]:
                    anchor = [
                        _open(browser, f"{base}/bench/pyvis-defaults", "window.stableAt")
                        for _ in range(repetitions)
                    ]
                    rows.append(
                        {"what": f"anchor: pyvis default options, {size} actors", "cold": anchor}
                    )
        browser.close()
    return rows


def run(repetitions: int = 3) -> Section:
    """Benchmark 5 as a section of bench/RESULTS.md."""
    rows = measure(repetitions)
    ours_100, anchor, *larger = rows
    largest = larger[-1]
    section = Section(
        title="5. Network page time to stable drawing",
        method=__doc__.split("\n\n")[1].replace("\n", " ") if __doc__ else "",
    )
    section.table.append(
        ["page", "layout", "response (cold)", "stable (cold)", "stable (warm)", "zoom redraw"]
    )
    for row in rows:
        cold, warm = row["cold"], row.get("warm")
        section.table.append(
            [
                row["what"],
                cold[0].layout,
                f"{_median(cold, 'response_ms') / 1000:.2f} s",
                f"{_median(cold, 'stable_ms') / 1000:.2f} s",
                f"{_median(warm, 'stable_ms') / 1000:.2f} s" if warm else "-",
                f"{_median(cold, 'redraw_ms'):.0f} ms",
            ]
        )
    ours = _median(ours_100["cold"], "stable_ms")
    theirs = _median(anchor["cold"], "stable_ms")
    section.headlines.append(
        Headline(
            benchmark="network page, 100 actors: time to stable drawing",
            measured=f"{ours / 1000:.2f} s",
            anchor=f"{theirs / 1000:.2f} s (pyvis default options)",
            ratio=theirs / ours,
            target="faster than pyvis defaults",
            met=ours < theirs,
        )
    )
    big = _median(largest["cold"], "stable_ms")
    section.headlines.append(
        Headline(
            benchmark=f"network page, {SIZES[-1]:,} actors: time to stable drawing (cold)",
            measured=f"{big / 1000:.2f} s",
            anchor=f"{ours / 1000:.2f} s (100 actors)",
            ratio=big / ours,
            target="usable: stable within 15 s",
            met=big < 15_000,
        )
    )
    section.notes.append(
        f"Medians of {repetitions} loads; {STATEMENTS_PER_ACTOR} statements per actor; "
        "times from navigation start, read inside the page (server, transfer, drawing)."
    )
    return section


def main() -> None:
    """Print the benchmark's table."""
    parser = argparse.ArgumentParser(description="time to a stable /network drawing")
    parser.add_argument("--repetitions", type=int, default=3)
    section = run(parser.parse_args().repetitions)
    print(section.markdown())
    for headline in section.headlines:
        comparison = f"{headline.measured} vs {headline.anchor}"
        print(f"{headline.benchmark}: {comparison} (ratio {headline.ratio:.2f})")


if __name__ == "__main__":
    main()
