"""HTML pages with JSON twins: the same data as a page or, for scripts, as JSON."""

from __future__ import annotations

import dataclasses
from typing import Any

from flask import Response, jsonify, render_template, request

# Route defaults: register a view under its ``.json`` URL first with JSON, then under its page
# URL with HTML, so that url_for() without a suffix builds the page URL.
JSON = {"suffix": ".json"}
HTML = {"suffix": None}


def wants_json(suffix: str | None) -> bool:
    """True for a ``.json`` URL or a request that prefers JSON over HTML."""
    if suffix == ".json":
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return (
        best == "application/json"
        and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]
    )


def plain(value: Any) -> Any:
    """Dataclasses, tuples and nested containers as JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    return value


def page_or_json(
    suffix: str | None, template: str, payload: dict[str, Any], **context: Any
) -> Response | str:
    """Render ``template`` with the payload (and extra context), or return the payload as JSON."""
    if wants_json(suffix):
        return jsonify(plain(payload))
    return render_template(template, **payload, **context)


def error_response(suffix: str | None, status: int, message: str) -> tuple[Response | str, int]:
    """A user error as JSON ``{"error": ...}`` or as a page, with its HTTP status."""
    if wants_json(suffix):
        return jsonify({"error": message}), status
    return render_template("pages/error.html", status=status, message=message), status
