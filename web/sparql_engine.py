"""Running a SPARQL query for a request: the app's worker pool, its limits and its errors."""

from __future__ import annotations

from collections.abc import Sequence

from flask import current_app
from flask.sansio.app import App

from ontology import PREFIXES
from web.sparql_formats import GRAPH_FORMATS, ResultFormat
from web.sparql_pool import PoolBusyError, QueryPool, QueryTimeoutError, WorkerLostError
from web.sparql_text import QueryText, inspect_query
from web.sparql_worker import QueryAnswer, QueryFailure, QueryJob

POOL_EXTENSION = "govgraph.sparql_pool"
DEFAULT_WORKERS = 2
PREFIX_IRIS = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


class EndpointError(Exception):
    """A request the endpoint answers with an HTTP error status and a readable message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def install_pool(app: App) -> None:
    """Give the app its query worker pool (started at the first query)."""
    store = app.extensions["govgraph"]
    size = int(app.config.get("SPARQL_WORKERS", DEFAULT_WORKERS))
    app.extensions[POOL_EXTENSION] = QueryPool(store.oxigraph, size=size)


def query_pool() -> QueryPool:
    """The worker pool of the current app."""
    pool: QueryPool = current_app.extensions[POOL_EXTENSION]
    return pool


def check_query(query: str) -> QueryText:
    """Refuse what must not be evaluated here; return what the text says about the query."""
    text = inspect_query(query)
    if text.calls_service:
        raise EndpointError(
            400,
            "SERVICE is not allowed: this endpoint answers from its own graph and never "
            "queries other endpoints.",
        )
    if text.looks_like_update:
        raise EndpointError(
            400,
            "This is a SPARQL Update, not a query: send it as the 'update' parameter or as "
            "application/sparql-update (updates need the server's update token).",
        )
    return text


def _readable(message: str, limit: int = 240) -> str:
    """Oxigraph's syntax errors list every expected character class: keep the start."""
    first_line = message.splitlines()[0] if message else message
    if len(first_line) <= limit:
        return first_line
    return first_line[: first_line.rfind(",", 0, limit)] + ", …"


def run_query(
    query: str,
    result_format: ResultFormat,
    default_graphs: Sequence[str] | None = None,
    named_graphs: Sequence[str] | None = None,
) -> QueryAnswer:
    """Evaluate a checked query in a worker under the app's time and row limits."""
    text = check_query(query)
    is_graph = result_format in GRAPH_FORMATS
    job = QueryJob(
        query=query,
        default_graphs=tuple(default_graphs) if default_graphs is not None else None,
        named_graphs=tuple(named_graphs) if named_graphs is not None else None,
        union_default_graph=not text.names_dataset,
        solutions_format="srj" if is_graph else result_format.extension,
        graph_format=result_format.extension if is_graph else "ttl",
        row_limit=int(current_app.config["RESULT_LIMIT"]),
        prefixes=PREFIX_IRIS,
    )
    timeout = float(current_app.config["QUERY_TIMEOUT"])
    try:
        outcome = query_pool().run(job, timeout)
    except QueryTimeoutError:
        raise EndpointError(
            503,
            f"The query ran longer than the time limit of {timeout:g} s and was stopped. "
            "Add a LIMIT, or narrow the patterns down (a class, a predicate, a document).",
        ) from None
    except PoolBusyError:
        raise EndpointError(
            503, f"All query workers stayed busy for {timeout:g} s; try again shortly."
        ) from None
    except WorkerLostError as error:
        raise EndpointError(500, f"The query could not be answered: {error}.") from None
    if isinstance(outcome, QueryFailure):
        raise EndpointError(outcome.status, _readable(outcome.message))
    return outcome
