"""Evaluating one SPARQL query with Oxigraph, in a worker process that can be killed.

pyoxigraph evaluates in Rust and cannot be interrupted from Python, so the endpoint runs
queries here, in a separate process holding its own copy of the dataset: when a query
overruns its time limit the parent kills the process, which is the only way to stop it.

Rows are capped without giving up Oxigraph's own serialisers: SELECT solutions are
serialised natively as TSV (one solution per line, since TSV escapes line breaks inside
terms), counted and cut at the row limit, then converted natively to the requested format.
"""

from __future__ import annotations

import dataclasses
import io
import itertools
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from multiprocessing.connection import Connection

import pyoxigraph

TSV = pyoxigraph.QueryResultsFormat.TSV


def results_format(extension: str) -> pyoxigraph.QueryResultsFormat:
    """pyoxigraph's query results format for a file extension (srj, srx, csv, tsv)."""
    fmt = pyoxigraph.QueryResultsFormat.from_extension(extension)
    if fmt is None:
        raise ValueError(f"no SPARQL results format has the extension {extension!r}")
    return fmt


def rdf_format(extension: str) -> pyoxigraph.RdfFormat:
    """pyoxigraph's RDF format for a file extension (ttl, nt, rdf, jsonld, trig, nq)."""
    fmt = pyoxigraph.RdfFormat.from_extension(extension)
    if fmt is None:
        raise ValueError(f"no RDF format has the extension {extension!r}")
    return fmt


@dataclass(frozen=True)
class QueryJob:
    """A query with its protocol dataset, the chosen formats (by extension) and the row cap."""

    query: str
    default_graphs: tuple[str, ...] | None  # from default-graph-uri; None: not given
    named_graphs: tuple[str, ...] | None  # from named-graph-uri; None: not given
    union_default_graph: bool  # without any dataset: the default graph is the union of all
    solutions_format: str  # extension of the format for SELECT/ASK
    graph_format: str  # extension of the format for CONSTRUCT/DESCRIBE
    row_limit: int
    prefixes: Mapping[str, str]  # predeclared for parsing, and used in Turtle/TriG output


@dataclass(frozen=True)
class QueryAnswer:
    """A serialised result."""

    body: bytes
    media_type: str
    rows: int  # solutions or triples; 1 for ASK
    truncated: bool  # the result had more than `row_limit` rows and was cut


@dataclass(frozen=True)
class QueryFailure:
    """A query Oxigraph refused: a syntax error (status 400) or an evaluation error (500)."""

    status: int
    message: str


class _LineCap(io.BytesIO):
    """A byte sink that stops the serialiser once it holds more than `max_lines` lines."""

    def __init__(self, max_lines: int) -> None:
        super().__init__()
        self.max_lines = max_lines
        self.lines = 0

    def write(self, data: bytes) -> int:  # type: ignore[override]
        written = super().write(data)
        self.lines += bytes(data).count(b"\n")
        if self.lines > self.max_lines:
            raise _RowCapReachedError
        return written


class _RowCapReachedError(Exception):
    """Raised inside the serialiser to stop it once the row cap is passed."""


def _dataset_arguments(job: QueryJob) -> dict[str, object]:
    """pyoxigraph's dataset arguments for the protocol's dataset parameters."""
    if job.default_graphs is None and job.named_graphs is None:
        return {"use_default_graph_as_union": job.union_default_graph}
    # Protocol dataset parameters replace the query's FROM clauses; an absent list is empty.
    return {
        "default_graph": [pyoxigraph.NamedNode(iri) for iri in job.default_graphs or ()],
        "named_graphs": [pyoxigraph.NamedNode(iri) for iri in job.named_graphs or ()],
    }


def _solutions(results: pyoxigraph.QuerySolutions, job: QueryJob) -> QueryAnswer:
    lines = job.row_limit + 1  # +1: the header line
    sink = _LineCap(lines)
    truncated = False
    try:
        results.serialize(sink, format=TSV)
    except _RowCapReachedError:
        truncated = True
    tsv = sink.getvalue()
    if truncated:
        end = -1
        for _ in range(lines):
            end = tsv.index(b"\n", end + 1)
        tsv = tsv[: end + 1]
    rows = tsv.count(b"\n") - 1
    target = results_format(job.solutions_format)
    if target == TSV:
        return QueryAnswer(tsv, TSV.media_type, rows, truncated)
    body = pyoxigraph.parse_query_results(tsv, format=TSV).serialize(format=target)
    assert body is not None
    return QueryAnswer(body, target.media_type, rows, truncated)


def _triples(results: pyoxigraph.QueryTriples, job: QueryJob) -> QueryAnswer:
    triples = list(itertools.islice(results, job.row_limit + 1))
    truncated = len(triples) > job.row_limit
    del triples[job.row_limit :]
    target = rdf_format(job.graph_format)
    body = pyoxigraph.serialize(triples, format=target, prefixes=dict(job.prefixes))
    assert body is not None
    return QueryAnswer(body, target.media_type, len(triples), truncated)


def evaluate(store: pyoxigraph.Store, job: QueryJob) -> QueryAnswer | QueryFailure:
    """Evaluate and serialise one query against `store`."""
    try:
        results = store.query(
            job.query,
            prefixes=dict(job.prefixes),
            **_dataset_arguments(job),  # type: ignore[arg-type]
        )
        if isinstance(results, pyoxigraph.QueryBoolean):
            target = results_format(job.solutions_format)
            body = results.serialize(format=target)
            assert body is not None
            return QueryAnswer(body, target.media_type, 1, False)
        if isinstance(results, pyoxigraph.QuerySolutions):
            return _solutions(results, job)
        return _triples(results, job)
    except SyntaxError as error:
        return QueryFailure(400, f"SPARQL syntax error: {error}")
    except (OSError, ValueError, TypeError) as error:
        return QueryFailure(500, f"the query could not be evaluated: {error}")


def serve(connection: Connection, dump_path: str) -> None:
    """Worker main loop: load the dataset dump, then answer jobs until the socket closes.

    Jobs and answers cross as plain tuples and dicts: run as a script, this module's
    classes are ``__main__``'s, so pickled instances would not resolve on the other side.
    """
    store = pyoxigraph.Store()
    store.bulk_load(path=dump_path, format=pyoxigraph.RdfFormat.N_QUADS)
    connection.send("ready")
    while True:
        try:
            job = QueryJob(**connection.recv())
        except (EOFError, OSError):
            return
        outcome = evaluate(store, job)
        connection.send((type(outcome).__name__, dataclasses.astuple(outcome)))


def decode_outcome(message: tuple[str, tuple[object, ...]]) -> QueryAnswer | QueryFailure:
    """Rebuild what `serve` sent back."""
    kind, fields = message
    outcome_class = QueryAnswer if kind == "QueryAnswer" else QueryFailure
    return outcome_class(*fields)  # type: ignore[arg-type]


if __name__ == "__main__":
    # Run by path (not -m) so that the web package, Flask and rdflib are never imported here.
    serve(Connection(int(sys.argv[1])), sys.argv[2])
