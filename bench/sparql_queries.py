"""Benchmark 3: four researcher queries on the seed graph and on a synthetic 1M-triple graph.

Backends, all loaded from the same TriG file:
- govgraph's store (`GraphStore.load` + `GraphStore.query`, Oxigraph natively), results
  serialised as SPARQL JSON, which is what the endpoint sends;
- govgraph's rdflib view (`GraphStore.dataset.query`), the API the Python code uses;
- raw pyoxigraph (`Store.bulk_load` + `Store.query`), the anchor, also serialised as JSON;
- plain rdflib in memory (`Dataset` parsing the TriG with rdflib's own parser), in a child
  process with a time budget, because it can take minutes.
Times are medians of interleaved repetitions; ratios are per-repetition against pyoxigraph.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pyoxigraph
from harness import Headline, Section, interleaved, median_ratio, python_command, run_measured

from ontology import RelationType

PREFIXES = """PREFIX gov: <https://w3id.org/govgraph/ont#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
ONE_HOP = "|".join(f"gov:{name.value}|^gov:{name.value}" for name in RelationType)

QUERIES = {
    "q1 statements about one actor, with evidence and document": """
SELECT ?predicate ?other ?otherLabel ?evidence ?file WHERE {
  { ?statement rdf:subject <ACTOR> ; rdf:object ?other }
  UNION { ?statement rdf:object <ACTOR> ; rdf:subject ?other }
  ?statement a gov:Statement ; rdf:predicate ?predicate ; gov:evidence ?evidence ;
      prov:wasDerivedFrom ?document .
  ?document dcterms:identifier ?file .
  OPTIONAL { ?other skos:prefLabel ?otherLabel }
}""",
    "q2 statements per property, denied ones apart": """
SELECT ?predicate (COUNT(?statement) AS ?statements) (SUM(IF(?negated, 1, 0)) AS ?denied) WHERE {
  ?statement a gov:Statement ; rdf:predicate ?predicate ; gov:negated ?negated .
} GROUP BY ?predicate ORDER BY DESC(?statements)""",
    "q3 two-hop neighbourhood of one actor (property path)": f"""
SELECT DISTINCT ?actor ?label WHERE {{
  <ACTOR> ({ONE_HOP})/({ONE_HOP})? ?actor .
  FILTER(?actor != <ACTOR>)
  ?actor skos:prefLabel ?label .
}}""",
    "q4 actors whose name matches a pattern": """
SELECT DISTINCT ?actor ?label WHERE {
  ?actor skos:prefLabel|skos:altLabel ?label .
  FILTER(REGEX(STR(?label), "PATTERN", "i"))
}""",
}
# seconds plain rdflib may take to load a graph and answer the four queries (a 1M-triple TriG
# alone takes rdflib about a minute to parse on a quiet machine)
SEED_RDFLIB_BUDGET = 60.0
SYNTHETIC_RDFLIB_BUDGET = 150.0
# rdflib runs the cheap queries first, so that a timeout costs the fewest figures.
RDFLIB_ORDER = (3, 1, 0, 2)
HUB_QUERY = (
    PREFIXES
    + """
SELECT ?actor ?label (COUNT(?statement) AS ?n) WHERE {
  ?statement a gov:Statement ; rdf:subject ?actor .
  ?actor skos:prefLabel ?label .
} GROUP BY ?actor ?label ORDER BY DESC(?n) ?actor LIMIT 1"""
)


def probe(store: pyoxigraph.Store) -> tuple[str, str]:
    """The actor with most statements (a hub, the hardest case) and its label as a pattern."""
    [row] = list(store.query(HUB_QUERY, use_default_graph_as_union=True))  # type: ignore[arg-type]
    label = row["label"].value
    return row["actor"].value, "".join(char for char in label if char.isalnum() or char == " ")


def queries_for(actor: str, pattern: str) -> dict[str, str]:
    """The four queries with the probe actor and label pattern filled in."""
    return {
        name: PREFIXES + text.replace("ACTOR", actor).replace("PATTERN", pattern)
        for name, text in QUERIES.items()
    }


def _as_json(answer: Callable[[str], object], query: str) -> Callable[[], object]:
    """A run that answers the query and serialises the solutions as SPARQL JSON results."""

    def run() -> object:
        results = answer(query)
        assert isinstance(results, pyoxigraph.QuerySolutions)
        return results.serialize(format=pyoxigraph.QueryResultsFormat.JSON)

    return run


def _rdflib_rows(dataset: object, query: str) -> Callable[[], object]:
    def run() -> object:
        return list(dataset.query(query))  # type: ignore[attr-defined]

    return run


@dataclass
class RdflibRun:
    """Plain rdflib's figures on one graph: load seconds, query milliseconds, table cells."""

    load_seconds: float | None
    milliseconds: dict[str, float]
    cells: dict[str, str]


def rdflib_in_child(path: Path, queries: dict[str, str], budget: float) -> RdflibRun:
    """Plain rdflib in memory, in a child process: load time and each query's time, or '> N s'."""
    names = list(queries)
    ordered = [names[index] for index in RDFLIB_ORDER]
    payload = json.dumps(
        {"path": str(path), "queries": [[name, queries[name]] for name in ordered]}
    )
    run = run_measured(python_command(__file__, payload), timeout=budget)
    lines = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    load = next((line["seconds"] for line in lines if line["what"] == "load"), None)
    milliseconds = {
        line["what"]: line["seconds"] * 1000 for line in lines if line["what"] != "load"
    }
    cells = {name: f"{value:,.0f}" for name, value in milliseconds.items()}
    elapsed = sum(line["seconds"] for line in lines)
    for name in ordered:
        if name not in cells:
            cells[name] = f"> {max(0.0, budget - elapsed):,.0f} s" if run.timed_out else "failed"
            break
    for name in ordered:
        cells.setdefault(name, "not run (budget spent)")
    if load is None:
        cells = {name: f"> {budget:,.0f} s (load did not finish)" for name in ordered}
    return RdflibRun(load, milliseconds, cells)


def _child_main(payload: str) -> None:
    """Child side of `rdflib_in_child`: print one JSON line per finished step."""
    from rdflib import Dataset

    job = json.loads(payload)
    start = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(job["path"], format="trig")
    print(json.dumps({"what": "load", "seconds": time.perf_counter() - start}), flush=True)
    for name, query in job["queries"]:
        start = time.perf_counter()
        list(dataset.query(query))
        print(json.dumps({"what": name, "seconds": time.perf_counter() - start}), flush=True)


def run_graph(
    label: str, path: Path, repetitions: int, rdflib_budget: float, section: Section
) -> tuple[float, float]:
    """All backends on one graph file; returns govgraph's worst ratios to pyoxigraph and rdflib.

    A query plain rdflib did not answer within its budget counts as a ratio of 0 to rdflib.
    """
    from graph.store import GraphStore

    govgraph = GraphStore.load(path)
    raw = pyoxigraph.Store()
    raw.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.TRIG)
    triples = len(raw)
    actor, pattern = probe(raw)
    queries = queries_for(actor, pattern)
    rdflib = rdflib_in_child(path, queries, rdflib_budget)
    loaded = "did not finish" if rdflib.load_seconds is None else f"{rdflib.load_seconds:.1f} s"
    section.notes.append(f"Plain rdflib's load of the {label} graph: {loaded}.")
    worst = worst_to_rdflib = 0.0
    for name, query in queries.items():
        rows = len(list(raw.query(query, use_default_graph_as_union=True)))  # type: ignore[arg-type]
        times = interleaved(
            {
                "pyoxigraph": _as_json(partial(raw.query, use_default_graph_as_union=True), query),
                "govgraph": _as_json(govgraph.query, query),
                "rdflib view": _rdflib_rows(govgraph.dataset, query),
            },
            repetitions,
            warmup=True,
        )
        ratio = median_ratio(times["govgraph"], times["pyoxigraph"])
        worst = max(worst, ratio)
        if name in rdflib.milliseconds:
            govgraph_ms = statistics.median(times["govgraph"]) * 1000
            worst_to_rdflib = max(worst_to_rdflib, govgraph_ms / rdflib.milliseconds[name])
        section.table.append(
            [
                f"{label} ({triples:,} triples)",
                name,
                f"{rows:,}",
                f"{statistics.median(times['pyoxigraph']) * 1000:,.1f}",
                f"{statistics.median(times['govgraph']) * 1000:,.1f}",
                f"{statistics.median(times['rdflib view']) * 1000:,.1f}",
                rdflib.cells[name],
                f"{ratio:.2f}",
            ]
        )
    return worst, worst_to_rdflib


def run(seed_graph: Path, synthetic_graph: Path, repetitions: int = 5) -> Section:
    """The four queries on both graphs, all backends."""
    section = Section(
        title="3. SPARQL: four researcher queries", method=(__doc__ or "").split("\n\n", 1)[1]
    )
    section.table = [
        [
            "graph",
            "query",
            "rows",
            "pyoxigraph ms",
            "govgraph store ms",
            "govgraph rdflib view ms",
            "plain rdflib ms",
            "govgraph / pyoxigraph",
        ]
    ]
    seed = run_graph("seed", seed_graph, repetitions, SEED_RDFLIB_BUDGET, section)
    synthetic = run_graph(
        "synthetic 1M", synthetic_graph, max(3, repetitions - 2), SYNTHETIC_RDFLIB_BUDGET, section
    )
    worst = max(seed[0], synthetic[0])
    worst_to_rdflib = max(seed[1], synthetic[1])
    section.headlines.append(
        Headline(
            benchmark="SPARQL, 4 queries × 2 graphs (worst case)",
            measured="govgraph store, JSON results",
            anchor="raw pyoxigraph, JSON results",
            ratio=worst,
            target="<= 1.5",
            met=worst <= 1.5,
        )
    )
    section.headlines.append(
        Headline(
            benchmark="SPARQL against plain rdflib (worst case)",
            measured="govgraph store, JSON results",
            anchor="rdflib in-memory Dataset, rows",
            ratio=worst_to_rdflib,
            target="< 0.5 (far ahead)",
            met=worst_to_rdflib < 0.5,
        )
    )
    return section


if __name__ == "__main__":
    _child_main(sys.argv[1])
