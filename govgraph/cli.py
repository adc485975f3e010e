"""The ``govgraph`` command line: the one place that wires extraction to the graph and the app.

Heavy imports (spaCy, the store, Flask) happen inside the commands, so ``--help`` stays instant.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from govgraph import __version__

if TYPE_CHECKING:
    from graph.store import GraphStore
    from ontology import DocumentExtraction

SAMPLE_DIR = Path(__file__).parent / "sample"
DATASET_SUFFIXES = (".trig", ".nq", ".jsonld", ".ttl")
# Only these keep one named graph per document, so only these can be updated in place.
INCREMENTAL_SUFFIXES = (".trig", ".nq", ".jsonld")


class UserError(click.ClickException):
    """A mistake in the command's input: reported as one clear line, exit status 1."""


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the known input errors of the packages into one-line messages instead of tracebacks."""
    from extract.readers import UnreadableDocument

    try:
        yield
    except (UnreadableDocument, ValueError, OSError, SyntaxError) as error:
        raise UserError(str(error)) from error


def load_graph(path: Path) -> GraphStore:
    """Open a store folder or load a dataset file, with a clear message when neither is there."""
    from graph.store import GraphStore

    if path.is_dir():
        try:
            return GraphStore.open(path)
        except (ValueError, OSError) as error:
            raise UserError(f"{path}: not a govgraph store folder ({error})") from error
    if not path.is_file():
        raise UserError(f"{path}: no such graph file (build one with `govgraph build`)")
    try:  # GraphStore.load names the formats it reads when the suffix is not one of them
        return GraphStore.load(path)
    except (ValueError, SyntaxError, OSError) as error:
        raise UserError(f"{path}: not a readable RDF dataset ({error})") from error


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="govgraph")
def cli() -> None:
    """Turn Dutch governance documents into a knowledge graph of actors and relations."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Dataset file to write: .trig (default shape), .nq, .jsonld or .ttl.",
)
@click.option(
    "--metadata",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="CSV with a 'file' column and title, date, author, source_type per document.",
)
@click.option("--model", help="A trained spaCy pipeline to build on (e.g. nl_core_news_md).")
@click.option(
    "--full",
    is_flag=True,
    help="Re-extract every document, even those unchanged since the last build of OUTPUT.",
)
@click.option(
    "--store",
    type=click.Path(file_okay=False, path_type=Path),
    help="Also write a persistent Oxigraph store folder, which `serve` opens without parsing.",
)
def build(
    inputs: tuple[Path, ...],
    output: Path,
    metadata: Path | None,
    model: str | None,
    full: bool,
    store: Path | None,
) -> None:
    """Read DIR_OR_FILES, extract actors and relations, and write the dataset to OUTPUT.

    Re-running on an existing OUTPUT re-extracts only the documents whose content changed
    and replaces only their named graphs.
    """
    if output.suffix.lower() not in DATASET_SUFFIXES:
        raise UserError(
            f"--output {output}: unknown format {output.suffix!r}; "
            f"use one of {', '.join(DATASET_SUFFIXES)}"
        )
    with user_errors():
        dataset, counts = build_dataset_file(list(inputs), output, metadata, model, full)
        if store is not None and counts["read"]:
            from graph.store import write_store_folder

            write_store_folder(dataset, store)
    click.echo(
        f"{output}: {counts['extracted']} document(s) extracted, {counts['unchanged']} unchanged, "
        f"{counts['skipped']} skipped; {counts['statements']} statements, "
        f"{counts['actors']} actors",
        err=True,
    )
    if not counts["read"]:
        raise UserError("no document could be read")


def build_dataset_file(
    inputs: Sequence[Path],
    output: Path,
    metadata_csv: Path | None = None,
    model: str | None = None,
    full: bool = False,
) -> tuple[GraphStore, dict[str, int]]:
    """Extract the documents under ``inputs`` into the dataset file ``output``; return counts."""
    from extract.readers import collect_inputs, load_metadata_csv

    paths = collect_inputs(inputs)
    metadata = load_metadata_csv(metadata_csv) if metadata_csv else {}
    previous = None
    if output.exists() and not full and output.suffix.lower() in INCREMENTAL_SUFFIXES:
        previous = load_graph(output)
    extractions, counts = extract_documents(paths, metadata, model, previous)
    from graph.build import build_dataset, replace_documents
    from graph.store import write_dataset

    if previous is not None:
        replace_documents(previous, extractions)
        store = previous
    else:
        store = build_dataset(extractions)
    if counts["read"]:
        write_dataset(store, output)
    counts["statements"] = sum(len(e.statements) for e in extractions)
    counts["actors"] = len({a.key for e in extractions for a in e.actors})
    return store, counts


def extract_documents(
    paths: Sequence[Path],
    metadata: dict[str, dict[str, str]],
    model: str | None,
    previous: GraphStore | None,
) -> tuple[list[DocumentExtraction], dict[str, int]]:
    """Read and extract each document, skipping unreadable and unchanged ones with a message."""
    from extract import extract_document
    from extract.readers import UnreadableDocument, read_document
    from extract.version import extractor_version

    version = extractor_version(model)
    known: dict[str, tuple[str, str | None]] = {}
    if previous is not None:
        from graph.store import document_fingerprints

        known = document_fingerprints(previous)
    counts = {"extracted": 0, "unchanged": 0, "skipped": 0}
    extractions: list[DocumentExtraction] = []
    nlp = None
    with click.progressbar(
        paths, label="Extracting", file=sys.stderr, item_show_func=_short_name
    ) as bar:
        for path in bar:
            try:
                raw = read_document(path, metadata.get(path.name))
            except UnreadableDocument as error:
                click.echo(f"\nskipped: {error}", err=True)
                counts["skipped"] += 1
                continue
            # Unchanged means the same bytes read by the same extraction code and rules.
            if known.get(raw.info.file_name) == (raw.info.content_hash, version):
                counts["unchanged"] += 1
                continue
            if nlp is None:
                from extract.pipeline import build_pipeline

                nlp = build_pipeline(model)
            extraction = extract_document(raw, nlp)
            stamped = replace(extraction.document, extractor_version=version)
            extractions.append(replace(extraction, document=stamped))
            counts["extracted"] += 1
    counts["read"] = counts["extracted"] + counts["unchanged"]
    return extractions, counts


def _short_name(path: Path | None) -> str | None:
    return path.name if path is not None else None


@cli.command()
@click.argument("graph_file", required=False, type=click.Path(path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=5000, show_default=True, type=int, help="Port to listen on.")
@click.option("--threads", default=4, show_default=True, type=int, help="Worker threads.")
@click.option("--query-timeout", default=10.0, show_default=True, help="Seconds per SPARQL query.")
@click.option(
    "--sparql-workers", default=2, show_default=True, help="Processes that evaluate SPARQL."
)
@click.option(
    "--update-token",
    envvar="GOVGRAPH_UPDATE_TOKEN",
    help="Bearer token that allows SPARQL Update (refused without it).",
)
def serve(
    graph_file: Path | None,
    host: str,
    port: int,
    threads: int,
    query_timeout: float,
    sparql_workers: int,
    update_token: str | None,
) -> None:
    """Serve GRAPH (or the bundled sample corpus) with SPARQL and network views."""
    if graph_file is None:
        graph_file = sample_graph()
    store = load_graph(graph_file)
    from waitress import serve as waitress_serve

    from web import create_app

    app = create_app(
        {
            "GRAPH_STORE": store,
            "QUERY_TIMEOUT": query_timeout,
            "SPARQL_WORKERS": sparql_workers,
            "UPDATE_TOKEN": update_token,
        }
    )
    click.echo(f"Serving {graph_file} on http://{host}:{port}/", err=True)
    waitress_serve(app, host=host, port=port, threads=threads)


def sample_graph() -> Path:
    """Build the bundled sample corpus into a cache file and return its path.

    Always a full build: a reused extraction could come from an older extractor.
    """
    cache_dir = Path.home() / ".cache" / "govgraph"
    cache_dir.mkdir(parents=True, exist_ok=True)
    output = cache_dir / f"sample-{__version__}.trig"
    click.echo(f"Building the sample corpus into {output}", err=True)
    with user_errors():
        build_dataset_file([SAMPLE_DIR], output, full=True)
    return output


@cli.command()
@click.argument("graph_file", type=click.Path(path_type=Path))
@click.argument("sparql")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "csv", "tsv", "json"]),
    default="table",
    show_default=True,
)
def query(graph_file: Path, sparql: str, output_format: str) -> None:
    """Run SPARQL (a query, or @FILE.rq) on GRAPH and print the results."""
    if sparql.startswith("@"):
        query_path = Path(sparql[1:])
        if not query_path.is_file():
            raise UserError(f"{query_path}: no such query file")
        sparql = query_path.read_text(encoding="utf-8")
    store = load_graph(graph_file)
    from govgraph.tables import run_query

    try:
        click.echo(run_query(store, sparql, output_format), nl=False)
    except SyntaxError as error:
        raise UserError(f"SPARQL: {error}") from error


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--sentences", is_flag=True, help="One sentence per line, with raw line range.")
def clean(file: Path, sentences: bool) -> None:
    """Print the cleaned text of FILE as the extractor sees it."""
    from extract.clean import clean as clean_text
    from extract.readers import read_document
    from extract.segment import segment

    with user_errors():
        raw = read_document(file)
    cleaned = clean_text(raw.text)
    if not sentences:
        for paragraph in cleaned.text.split("\n\n"):
            click.echo(paragraph)
        return
    for seg in segment(cleaned.text):
        first, last = cleaned.line_span(seg.start, seg.end)
        marker = "#" if seg.kind == "heading" else " "
        click.echo(f"{first}-{last}\t{marker}\t{cleaned.text[seg.start : seg.end]}")


DATASET_FORMATS = ("trig", "nq", "jsonld", "ttl")
NETWORK_FORMATS = ("graphml", "gexf", "csv", "pajek")


@cli.command()
@click.argument("graph_file", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    required=True,
    type=click.Choice([*DATASET_FORMATS, *NETWORK_FORMATS, "statements"]),
    help="Dataset (trig, nq, jsonld, ttl), actor network (graphml, gexf, csv, pajek), "
    "or one CSV row per statement (statements).",
)
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path))
def export(graph_file: Path, output_format: str, output: Path) -> None:
    """Export GRAPH's dataset, its actor network or its statements for other tools."""
    store = load_graph(graph_file)
    from graph.export import export_dataset, export_network, export_statements_csv

    with user_errors():
        written = [output]
        if output_format in DATASET_FORMATS:
            export_dataset(store, output_format, output)
        elif output_format == "statements":
            export_statements_csv(store, output)
        else:
            from graph.network import actor_network

            written = export_network(actor_network(store), output_format, output)
    for path in written:
        click.echo(f"wrote {path}", err=True)


@cli.command()
@click.argument("graph_file", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
def analyze(graph_file: Path, output_format: str) -> None:
    """Print network metrics (degree, centralities, brokerage, communities) of GRAPH's actors."""
    store = load_graph(graph_file)
    from govgraph.tables import format_rows
    from graph.metrics import metrics_table
    from graph.network import actor_network

    click.echo(format_rows(metrics_table(actor_network(store)), output_format), nl=False)


@cli.command()
@click.argument("graph_file", type=click.Path(path_type=Path))
@click.argument("gold_dirs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--errors",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write false positives and negatives to this .csv, .json or .html file.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
)
def evaluate(
    graph_file: Path, gold_dirs: tuple[Path, ...], errors: Path | None, output_format: str
) -> None:
    """Score GRAPH against gold annotations: actors, typed relations, actor pairs."""
    for gold_dir in gold_dirs:
        if not (gold_dir / "sentences.jsonl").is_file():
            raise UserError(f"{gold_dir}: not a gold folder (no sentences.jsonl)")
    store = load_graph(graph_file)
    from govgraph.evaluation import evaluate as score

    with user_errors():
        report = score(store, list(gold_dirs))
        if errors is not None:
            report.write_errors(errors)
    click.echo(report.to_json() if output_format == "json" else report.to_table())


@cli.command()
@click.argument("gold_a", type=click.Path(path_type=Path))
@click.argument("gold_b", type=click.Path(path_type=Path))
def agreement(gold_a: Path, gold_b: Path) -> None:
    """Inter-coder agreement between two annotations of the same passages."""
    from govgraph.agreement import agreement as measure

    with user_errors():
        click.echo(measure(gold_a, gold_b).to_table())


@cli.command()
@click.argument("graph_file", type=click.Path(path_type=Path))
def validate(graph_file: Path) -> None:
    """Check GRAPH against the SHACL shapes of the ontology."""
    store = load_graph(graph_file)
    from graph.validate import validate as check

    conforms, report = check(store)
    click.echo(report)
    if not conforms:
        sys.exit(1)


def main() -> None:
    """Entry point of the ``govgraph`` console script."""
    cli()
