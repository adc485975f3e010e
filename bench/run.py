"""Run every govgraph benchmark and write bench/RESULTS.md (`make bench`).

Each figure is a ratio against an anchor measured in the same run on the same machine, so the
ratios carry over to other machines where the absolute times do not. Usage:

    .venv/bin/python bench/run.py [--only 1,3] [--repetitions N] [--output bench/RESULTS.md]
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import (  # noqa: E402  (the bench folder is put on the path just above)
    CORPUS_DIR,
    PROJECT_DIR,
    VENV_BIN,
    Headline,
    Section,
    machine,
    run_measured,
)

PACKAGES = ("spacy", "rdflib", "pyoxigraph", "oxrdflib", "flask", "pyvis", "playwright")


@cache
def seed_graph() -> Path:
    """The seed corpus built by the CLI into bench/out/seed.trig (untimed here)."""
    output = PROJECT_DIR / "bench" / "out" / "seed.trig"
    output.parent.mkdir(parents=True, exist_ok=True)
    built = run_measured(
        [str(VENV_BIN / "govgraph"), "build", str(CORPUS_DIR), "-o", str(output), "--full"]
    )
    if built.returncode != 0:
        raise RuntimeError(f"building the seed graph failed: {built.stderr[-2000:]}")
    return output


def extraction(repetitions: int) -> Section:
    """Benchmark 1."""
    import extraction_speed

    return extraction_speed.run(repetitions)


def build(_: int) -> Section:
    """Benchmark 2."""
    import build_scaling

    return build_scaling.run()


def sparql(repetitions: int) -> Section:
    """Benchmark 3."""
    import sparql_queries
    from synthetic_graph import synthetic_graph

    path, _ = synthetic_graph()
    return sparql_queries.run(seed_graph(), path, repetitions + 2)


def endpoint(_: int) -> Section:
    """Benchmark 3, over HTTP: the /sparql endpoint, written with the web app."""
    return _contributed("sparql_endpoint", seed_graph())


def load(repetitions: int) -> Section:
    """Benchmark 4."""
    import graph_load
    from synthetic_graph import synthetic_graph

    path, triples = synthetic_graph()
    return graph_load.run(path, triples, repetitions)


def _contributed(module: str, *arguments: object) -> Section:
    """A benchmark another part of the project wrote as ``bench/<module>.py`` with ``run()``."""
    if not (Path(__file__).parent / f"{module}.py").exists():
        raise RuntimeError(f"bench/{module}.py does not exist yet")
    section = importlib.import_module(module).run(*arguments)
    assert isinstance(section, Section)
    return section


def network(repetitions: int) -> Section:
    """Benchmark 5, written with the web app in bench/network_page.py."""
    return _contributed("network_page", repetitions)


def graph_layer(repetitions: int) -> Section:
    """The graph layer's own benchmark (store backends, incremental replace, reopening)."""
    return _contributed("graph_store", repetitions)


BENCHMARKS: dict[str, tuple[str, Callable[[int], Section]]] = {
    "1": ("1. Extraction throughput", extraction),
    "2": ("2. Full build, scaling, incremental rebuild", build),
    "3": ("3. SPARQL: four researcher queries", sparql),
    "3e": ("3e. SPARQL endpoint over HTTP", endpoint),
    "4": ("4. Loading a 1M-triple graph", load),
    "5": ("5. Network page time to stable drawing", network),
    "6": ("6. Graph layer: store backends, incremental replace, reopening", graph_layer),
}


def _versions() -> str:
    found = []
    for package in PACKAGES:
        try:
            found.append(f"{package} {importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            continue
    return ", ".join(found)


def _commit() -> str:
    result = subprocess.run(
        ["git", "-C", str(PROJECT_DIR), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip() or "unknown"


def _summary(headlines: list[Headline]) -> list[str]:
    lines = [
        "| benchmark | govgraph | anchor (same run) | ratio | target | met |",
        "| --- | --- | --- | ---: | --- | --- |",
    ]
    for line in headlines:
        met = {True: "yes", False: "**no**", None: "-"}[line.met]
        lines.append(
            f"| {line.benchmark} | {line.measured} | {line.anchor} | {line.ratio:.2f} "
            f"| {line.target} | {met} |"
        )
    return lines


def main() -> None:
    """Run the chosen benchmarks and write the results file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--only", default=",".join(BENCHMARKS), help="comma-separated keys: 1, 2, 3, 3e, 4, 5, 6"
    )
    parser.add_argument("--repetitions", type=int, default=3, help="timed repetitions per figure")
    parser.add_argument("--output", type=Path, default=PROJECT_DIR / "bench" / "RESULTS.md")
    arguments = parser.parse_args()
    chosen = [key.strip() for key in arguments.only.split(",") if key.strip()]
    unknown = [key for key in chosen if key not in BENCHMARKS]
    if unknown:
        parser.error(
            f"--only: unknown benchmark(s) {', '.join(unknown)}; "
            f"choose from {', '.join(BENCHMARKS)}"
        )
    started = time.perf_counter()
    sections: list[Section] = []
    for key in chosen:
        title, benchmark = BENCHMARKS[key]
        print(f"running {title} ...", file=sys.stderr, flush=True)
        section_start = time.perf_counter()
        try:
            section = benchmark(arguments.repetitions)
        except Exception as error:  # a broken benchmark must not cost the others' figures
            traceback.print_exc()
            section = Section(
                title=title, method=f"**Not measured**: {type(error).__name__}: {error}"
            )
        section.notes.append(f"This benchmark took {time.perf_counter() - section_start:.0f} s.")
        sections.append(section)
    command = " ".join([".venv/bin/python bench/run.py", *sys.argv[1:]])
    lines = [
        "# govgraph benchmarks",
        "",
        f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- machine: {machine()}",
        f"- packages: {_versions()}; govgraph at commit {_commit()}",
        f"- command: `{command}` (what `make bench` runs)",
        f"- whole run: {time.perf_counter() - started:.0f} s",
        "",
        "Every ratio is govgraph's figure divided by an anchor measured in the same run (for",
        "speeds: the anchor's time divided by govgraph's). The machine is shared, so absolute",
        "times move between runs; the ratios are what carries over.",
        "",
        *_summary([headline for section in sections for headline in section.headlines]),
        "",
        *(section.markdown() for section in sections),
    ]
    arguments.output.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {arguments.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
