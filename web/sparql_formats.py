"""The result formats of the SPARQL endpoint: one table from media type to Oxigraph format.

Formats cross into the worker process by file extension (``srj``, ``ttl``, ...), because
pyoxigraph's format objects cannot be pickled.
"""

from __future__ import annotations

from dataclasses import dataclass

from werkzeug.datastructures import MIMEAccept

from web.sparql_worker import rdf_format, results_format


@dataclass(frozen=True)
class ResultFormat:
    """One serialisation the endpoint offers: its media types, names and Oxigraph extension."""

    media_type: str  # the canonical media type, sent back as Content-Type
    extension: str  # pyoxigraph's file extension for the format
    aliases: tuple[str, ...] = ()  # other media types clients send for it
    names: tuple[str, ...] = ()  # values of the `format` parameter

    @property
    def content_type(self) -> str:
        """The Content-Type header value, with a charset for textual types."""
        return with_charset(self.media_type)


def with_charset(media_type: str) -> str:
    """A Content-Type for a media type: textual types say they are UTF-8."""
    if media_type.startswith("text/") and "charset" not in media_type:
        return f"{media_type}; charset=utf-8"
    return media_type


def _results(extension: str, *aliases: str, names: tuple[str, ...]) -> ResultFormat:
    media_type = results_format(extension).media_type
    return ResultFormat(media_type.split(";")[0], extension, aliases, names)


def _rdf(extension: str, *aliases: str, names: tuple[str, ...]) -> ResultFormat:
    media_type = rdf_format(extension).media_type
    return ResultFormat(media_type, extension, aliases, names)


# The first of each list is the default for `*/*` or no Accept header.
SOLUTION_FORMATS: tuple[ResultFormat, ...] = (
    _results("srj", "application/json", names=("json", "srj")),
    _results("srx", "application/xml", "text/xml", names=("xml", "srx")),
    _results("csv", names=("csv",)),
    _results("tsv", names=("tsv",)),
)
GRAPH_FORMATS: tuple[ResultFormat, ...] = (
    _rdf("ttl", "application/x-turtle", "application/turtle", names=("turtle", "ttl")),
    _rdf("nt", "text/plain", names=("ntriples", "n-triples", "nt")),
    _rdf("rdf", "application/xml", "text/xml", names=("rdfxml", "rdf+xml", "rdf", "xml")),
    _rdf("jsonld", "application/json", names=("jsonld", "json-ld", "json")),
    _rdf("trig", names=("trig",)),
    _rdf("nq", names=("nquads", "n-quads", "nq")),
)
HTML = "text/html"


class UnknownFormatError(ValueError):
    """The `format` parameter names no format the endpoint offers for this query form."""


def _media_types(formats: tuple[ResultFormat, ...]) -> list[str]:
    return [media for fmt in formats for media in (fmt.media_type, *fmt.aliases)]


def _by_media_type(formats: tuple[ResultFormat, ...], media_type: str) -> ResultFormat | None:
    media_type = media_type.split(";")[0].strip().lower()
    for fmt in formats:
        if media_type == fmt.media_type or media_type in fmt.aliases:
            return fmt
    return None


def formats_for(form: str | None) -> tuple[ResultFormat, ...]:
    """The formats that can carry the result of a query form (SELECT, ASK, CONSTRUCT, ...)."""
    return GRAPH_FORMATS if form in ("CONSTRUCT", "DESCRIBE") else SOLUTION_FORMATS


def from_parameter(formats: tuple[ResultFormat, ...], value: str) -> ResultFormat:
    """The format a `format` parameter names: a short name or a media type."""
    wanted = value.strip().lower()
    for fmt in formats:
        if wanted in fmt.names:
            return fmt
    chosen = _by_media_type(formats, wanted)
    if chosen is None:
        offered = ", ".join(name for fmt in formats for name in fmt.names)
        raise UnknownFormatError(f"format={value!r} is not offered here; use one of: {offered}")
    return chosen


def from_accept(formats: tuple[ResultFormat, ...], accept: MIMEAccept) -> ResultFormat | None:
    """The best format for an Accept header, the default when it is absent, None if none fits."""
    if not accept:
        return formats[0]
    best = accept.best_match(_media_types(formats))
    return _by_media_type(formats, best) if best else None


def prefers_html(accept: MIMEAccept, formats: tuple[ResultFormat, ...]) -> bool:
    """Whether the client (a browser) asks for an HTML page rather than data."""
    if not accept or accept.quality(HTML) == 0:
        return False
    # A browser lists text/html explicitly; `*/*` alone must not turn a data client into one.
    explicit_html = any(value == HTML for value, _ in accept)
    return explicit_html and accept.best_match([HTML, *_media_types(formats)]) == HTML


def describe_offers(formats: tuple[ResultFormat, ...]) -> str:
    """The media types offered, for a 406 message."""
    return ", ".join(fmt.media_type for fmt in formats)
