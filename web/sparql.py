"""Blueprint ``sparql``: the SPARQL 1.1 Protocol endpoint at ``/sparql``.

- query by GET, by POST form-encoded and by POST ``application/sparql-query``, with the
  ``default-graph-uri`` / ``named-graph-uri`` dataset; without them (and without FROM) the
  default graph is the union of all graphs;
- the result format from ``Accept`` or the ``format`` parameter (see `web.sparql_formats`);
- a GET without a query answers the Service Description, or, for a browser, the workbench;
  a GET with a query that a browser sends opens the workbench on that query;
- SPARQL Update only with ``Authorization: Bearer <UPDATE_TOKEN>``; never LOAD or SERVICE.

Queries run in SPARQL_WORKERS (default 2) killable worker processes (`web.sparql_pool`)
under QUERY_TIMEOUT and RESULT_LIMIT; a result cut at the limit carries the header
``X-SPARQL-MaxRows``. The ontology prefixes (``gov:``, ``govid:``, ...) are predeclared.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass

import pyoxigraph
from flask import Blueprint, Response, current_app, request
from werkzeug.datastructures import CombinedMultiDict, MultiDict

from web import get_store
from web.queries import render_workbench
from web.sparql_description import DESCRIPTION_PREFIXES, service_description
from web.sparql_engine import PREFIX_IRIS, EndpointError, install_pool, query_pool, run_query
from web.sparql_formats import (
    GRAPH_FORMATS,
    ResultFormat,
    UnknownFormatError,
    describe_offers,
    formats_for,
    from_accept,
    from_parameter,
    prefers_html,
    with_charset,
)
from web.sparql_text import inspect_query, update_reaches_network
from web.sparql_worker import rdf_format

bp = Blueprint("sparql", __name__)
bp.record_once(lambda state: install_pool(state.app))

FORM = "application/x-www-form-urlencoded"
QUERY_BODY = "application/sparql-query"
UPDATE_BODY = "application/sparql-update"


@dataclass(frozen=True)
class ProtocolRequest:
    """The operation and parameters of one SPARQL Protocol request."""

    query: str | None
    update: str | None
    parameters: MultiDict[str, str]

    def graphs(self, name: str) -> list[str] | None:
        """The IRIs of a dataset parameter, None when it is absent; checked to be IRIs."""
        values = self.parameters.getlist(name)
        for value in values:
            try:
                pyoxigraph.NamedNode(value)
            except ValueError:
                raise EndpointError(400, f"{name}={value!r} is not an absolute IRI.") from None
        return values or None


@bp.after_request
def _allow_other_origins(response: Response) -> Response:
    # Read-only by default, so browser tools on other origins (YASGUI, notebooks) may query;
    # an update still needs the bearer token, which a cross-site page does not have.
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = "X-SPARQL-MaxRows"
    if request.method == "OPTIONS":  # the preflight of a direct POST (application/sparql-query)
        response.headers["Access-Control-Allow-Methods"] = "GET, POST"
        response.headers["Access-Control-Allow-Headers"] = "Content-Type, Accept"
    return response


@bp.app_errorhandler(EndpointError)
def _endpoint_error(error: EndpointError) -> Response:
    return Response(error.message + "\n", status=error.status, mimetype="text/plain")


def _single(parameters: MultiDict[str, str], name: str) -> str | None:
    values = parameters.getlist(name)
    if len(values) > 1:
        raise EndpointError(400, f"The request has {len(values)} '{name}' parameters; send one.")
    return values[0] if values else None


def _utf8_body() -> str:
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise EndpointError(415, f"The body must be UTF-8 encoded, not {charset}.")
    try:
        return request.get_data().decode("utf-8")
    except UnicodeDecodeError as error:
        raise EndpointError(400, f"The body is not valid UTF-8: {error}.") from None


def parse_protocol_request() -> ProtocolRequest:
    """Read the operation from a GET, a form POST or a direct POST, per the SPARQL Protocol."""
    if request.method == "GET":
        parameters: MultiDict[str, str] = request.args
        if "update" in parameters:
            raise EndpointError(400, "A SPARQL Update must be sent by POST, not GET.")
        return ProtocolRequest(_single(parameters, "query"), None, parameters)
    media_type = request.mimetype
    if not media_type:
        raise EndpointError(
            400,
            f"A POST needs a Content-Type: {FORM}, {QUERY_BODY} or {UPDATE_BODY}.",
        )
    if media_type == FORM:
        parameters = CombinedMultiDict([request.args, request.form])
        query, update = _single(parameters, "query"), _single(parameters, "update")
        if query is not None and update is not None:
            raise EndpointError(400, "Send either 'query' or 'update', not both.")
        return ProtocolRequest(query, update, parameters)
    if media_type in (QUERY_BODY, UPDATE_BODY):
        if "query" in request.args or "update" in request.args:
            raise EndpointError(400, "The operation is in the body; do not repeat it in the URL.")
        body = _utf8_body()
        if media_type == QUERY_BODY:
            return ProtocolRequest(body, None, request.args)
        return ProtocolRequest(None, body, request.args)
    raise EndpointError(
        415,
        f"Content-Type {media_type} is not a SPARQL request; use {FORM}, {QUERY_BODY} "
        f"or {UPDATE_BODY}.",
    )


def _choose_format(formats: tuple[ResultFormat, ...], what: str) -> ResultFormat | None:
    """The negotiated result format; None when a browser should get the workbench."""
    requested = request.values.get("format")
    if requested:
        try:
            return from_parameter(formats, requested)
        except UnknownFormatError as error:
            raise EndpointError(400, str(error)) from None
    if request.method == "GET" and prefers_html(request.accept_mimetypes, formats):
        return None
    chosen = from_accept(formats, request.accept_mimetypes)
    if chosen is None:
        raise EndpointError(
            406,
            f"Cannot send {what} as {request.headers.get('Accept')}; "
            f"offered: {describe_offers(formats)}.",
        )
    return chosen


def _answer(operation: ProtocolRequest) -> Response:
    assert operation.query is not None
    form = inspect_query(operation.query).form
    result_format = _choose_format(formats_for(form), f"the result of a {form or 'SPARQL'} query")
    if result_format is None:
        return Response(render_workbench(operation.query, autorun=True))
    answer = run_query(
        operation.query,
        result_format,
        default_graphs=operation.graphs("default-graph-uri"),
        named_graphs=operation.graphs("named-graph-uri"),
    )
    response = Response(answer.body, content_type=with_charset(answer.media_type))
    response.vary.add("Accept")
    if answer.truncated:
        response.headers["X-SPARQL-MaxRows"] = str(current_app.config["RESULT_LIMIT"])
    return response


def _authorise_update() -> None:
    token = current_app.config.get("UPDATE_TOKEN")
    if not token:
        raise EndpointError(403, "This endpoint is read-only: SPARQL Update is disabled.")
    given = request.authorization.token if request.authorization else None
    if request.authorization is None or request.authorization.type != "bearer" or not given:
        raise EndpointError(403, "SPARQL Update needs the header Authorization: Bearer <token>.")
    if not hmac.compare_digest(given.encode(), str(token).encode()):
        raise EndpointError(403, "The update token is not valid.")


def _update(operation: ProtocolRequest) -> Response:
    assert operation.update is not None
    _authorise_update()
    if any(name in operation.parameters for name in ("using-graph-uri", "using-named-graph-uri")):
        raise EndpointError(400, "using-graph-uri and using-named-graph-uri are not supported.")
    if update_reaches_network(operation.update):
        raise EndpointError(400, "LOAD and SERVICE are not allowed: the endpoint stays offline.")
    try:
        get_store().oxigraph.update(operation.update, prefixes=dict(PREFIX_IRIS))
    except SyntaxError as error:
        raise EndpointError(400, f"SPARQL syntax error: {error}") from None
    except OSError as error:
        raise EndpointError(500, f"The update failed: {error}") from None
    query_pool().refresh()
    return Response(status=204)


def _describe_service() -> Response:
    chosen = _choose_format(GRAPH_FORMATS, "the service description")
    if chosen is None:
        return Response(render_workbench(None, autorun=False))
    triples = service_description(
        request.base_url,
        get_store().oxigraph,
        accepts_updates=bool(current_app.config.get("UPDATE_TOKEN")),
    )
    body = pyoxigraph.serialize(
        triples,
        format=rdf_format(chosen.extension),
        prefixes=DESCRIPTION_PREFIXES,
    )
    return Response(body, content_type=chosen.content_type)


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint() -> Response:
    """The SPARQL 1.1 Protocol endpoint (query, update, service description, workbench)."""
    operation = parse_protocol_request()
    if operation.update is not None:
        return _update(operation)
    if operation.query is not None:
        return _answer(operation)
    other = [name for name in operation.parameters if name != "format"]
    if request.method == "POST" or other:
        raise EndpointError(400, "The request has no 'query' (or 'update') parameter.")
    return _describe_service()
