"""Evaluating one SPARQL query with Oxigraph, in a worker process that can be killed.

pyoxigraph evaluates in Rust and cannot be interrupted from Python, so the endpoint runs
queries here, in a separate process holding its own copy of the dataset: when a query
overruns its time limit the parent kills the process, which is the only way to stop it.

Rows are capped without giving up Oxigraph's own serialisers: SELECT solutions are
serialised natively in the requested format while a sink counts an upper bound of the rows
written. Only a result that may pass the limit is evaluated again, serialised as TSV (one
solution per line: TSV escapes line breaks inside terms), cut exactly, and converted.
"""

from __future__ import annotations

import dataclasses
import io
import itertools
import os
import sys
import threading
import time
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
    truncated: bool  # the result had more than `row_limit` rows and was cut


@dataclass(frozen=True)
class QueryFailure:
    """A query Oxigraph refused: a syntax error (status 400) or an evaluation error (500)."""

    status: int
    message: str


class _RowBound(io.BytesIO):
    """A byte sink that stops the serialiser once the rows written may exceed `row_limit`.

    Rows are counted by a marker that each row (but at most a few) starts with, so the count
    is an upper bound: it never lets more rows through, and it is exact for TSV and XML.
    """

    def __init__(self, marker: bytes, rows_per_marker: int, row_limit: int) -> None:
        super().__init__()
        self.marker = marker
        self.offset = rows_per_marker  # rows = markers + offset
        self.row_limit = row_limit
        self.markers = 0

    def write(self, data: bytes) -> int:  # type: ignore[override]
        # Rescan the marker's length less one before the new data: it may straddle writes.
        # No marker can lie wholly in that overlap, so none is counted twice.
        start = max(0, self.tell() - len(self.marker) + 1)
        written = super().write(data)
        with self.getbuffer() as view:
            self.markers += bytes(view[start:]).count(self.marker)
        if self.markers + self.offset > self.row_limit:
            raise _RowCapReachedError
        return written


class _RowCapReachedError(Exception):
    """Raised inside the serialiser to stop it once the row cap may be passed."""


# Per results format: a marker every row boundary shows, and rows = markers + offset.
# JSON rows are separated by "},{" (inside strings too, hence an upper bound); XML rows open
# with <result> (escaped in text); CSV and TSV rows end in a line break after the header
# (TSV escapes breaks inside terms, CSV quotes them: an upper bound again).
_ROW_MARKERS: dict[str, tuple[bytes, int]] = {
    "srj": (b"},{", 1),
    "srx": (b"<result>", 0),
    "csv": (b"\n", -1),
    "tsv": (b"\n", -1),
}


def _capped_tsv(results: pyoxigraph.QuerySolutions, row_limit: int) -> tuple[bytes, bool]:
    """The first `row_limit` solutions as TSV, and whether there were more."""
    sink = _RowBound(*_ROW_MARKERS["tsv"], row_limit)
    try:
        results.serialize(sink, format=TSV)
    except _RowCapReachedError:
        tsv = sink.getvalue()
        end = -1
        for _ in range(row_limit + 1):  # the header line and `row_limit` rows
            end = tsv.index(b"\n", end + 1)
        return tsv[: end + 1], True
    return sink.getvalue(), False


def _solutions(
    store: pyoxigraph.Store, job: QueryJob, results: pyoxigraph.QuerySolutions
) -> QueryAnswer:
    target = results_format(job.solutions_format)
    if target != TSV:
        # Usually the result fits: serialise it natively in one pass.
        sink = _RowBound(*_ROW_MARKERS[job.solutions_format], job.row_limit)
        try:
            results.serialize(sink, format=target)
            return QueryAnswer(sink.getvalue(), target.media_type, truncated=False)
        except _RowCapReachedError:
            # It may not fit: evaluate again and cut exactly where TSV rows can be counted.
            results = _run(store, job)  # type: ignore[assignment]
    tsv, truncated = _capped_tsv(results, job.row_limit)
    if target == TSV:
        return QueryAnswer(tsv, TSV.media_type, truncated)
    body = pyoxigraph.parse_query_results(tsv, format=TSV).serialize(format=target)
    assert body is not None
    return QueryAnswer(body, target.media_type, truncated)


def _triples(results: pyoxigraph.QueryTriples, job: QueryJob) -> QueryAnswer:
    triples = list(itertools.islice(results, job.row_limit + 1))
    truncated = len(triples) > job.row_limit
    del triples[job.row_limit :]
    target = rdf_format(job.graph_format)
    body = pyoxigraph.serialize(triples, format=target, prefixes=dict(job.prefixes))
    assert body is not None
    return QueryAnswer(body, target.media_type, truncated)


def _dataset_arguments(job: QueryJob) -> dict[str, object]:
    """pyoxigraph's dataset arguments for the protocol's dataset parameters."""
    if job.default_graphs is None and job.named_graphs is None:
        return {"use_default_graph_as_union": job.union_default_graph}
    # Protocol dataset parameters replace the query's FROM clauses; an absent list is empty.
    return {
        "default_graph": [pyoxigraph.NamedNode(iri) for iri in job.default_graphs or ()],
        "named_graphs": [pyoxigraph.NamedNode(iri) for iri in job.named_graphs or ()],
    }


def _run(store: pyoxigraph.Store, job: QueryJob) -> object:
    return store.query(
        job.query,
        prefixes=dict(job.prefixes),
        **_dataset_arguments(job),  # type: ignore[arg-type]
    )


def evaluate(store: pyoxigraph.Store, job: QueryJob) -> QueryAnswer | QueryFailure:
    """Evaluate and serialise one query against `store`."""
    try:
        results = _run(store, job)
        if isinstance(results, pyoxigraph.QueryBoolean):
            target = results_format(job.solutions_format)
            body = results.serialize(format=target)
            assert body is not None
            return QueryAnswer(body, target.media_type, truncated=False)
        if isinstance(results, pyoxigraph.QuerySolutions):
            return _solutions(store, job, results)
        assert isinstance(results, pyoxigraph.QueryTriples)
        return _triples(results, job)
    except SyntaxError as error:
        return QueryFailure(400, f"SPARQL syntax error: {error}")
    except (OSError, ValueError, TypeError) as error:
        return QueryFailure(500, f"the query could not be evaluated: {error}")


def _exit_with_parent(interval: float = 0.5) -> None:
    """Exit when the server dies, even in the middle of a query.

    A closed socket only ends a worker that waits for a job; one busy in Rust would run on.
    pyoxigraph releases the GIL while it evaluates, so this watch thread keeps running.
    """
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def serve(connection: Connection, snapshot: int) -> None:
    """Worker main loop: load the snapshot (a descriptor), then answer jobs until the end.

    Jobs and answers cross as plain tuples and dicts: run as a script, this module's
    classes are ``__main__``'s, so pickled instances would not resolve on the other side.
    """
    _exit_with_parent()
    store = pyoxigraph.Store()
    # Reopened by path: a description of our own, so workers never share a file offset.
    store.bulk_load(path=f"/proc/self/fd/{snapshot}", format=pyoxigraph.RdfFormat.N_QUADS)
    os.close(snapshot)
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
    serve(Connection(int(sys.argv[1])), int(sys.argv[2]))
