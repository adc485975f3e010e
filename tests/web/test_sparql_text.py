"""What the endpoint reads from query text before Oxigraph does, and how it picks formats."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from web.sparql_formats import (
    GRAPH_FORMATS,
    SOLUTION_FORMATS,
    UnknownFormatError,
    formats_for,
    from_accept,
    from_parameter,
    prefers_html,
)
from web.sparql_text import inspect_query, update_reaches_network


def accept(header: str) -> MIMEAccept:
    return parse_accept_header(header, MIMEAccept)


@pytest.mark.parametrize(
    ("query", "form"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
        ("prefix ask: <http://x/construct#>\nask { ?s ask:select ?o }", "ASK"),
        ('# SELECT in a comment\nCONSTRUCT { ?s ?p "DESCRIBE" } WHERE { ?s ?p ?o }', "CONSTRUCT"),
        ("DESCRIBE <http://x/select>", "DESCRIBE"),
        ("SELECT ?select WHERE { ?select ?p ?o }", "SELECT"),
        ("WHERE { ?s ?p ?o }", None),
    ],
)
def test_query_form_ignores_names_strings_and_comments(query: str, form: str | None) -> None:
    assert inspect_query(query).form == form


def test_dataset_clause_is_found_only_as_a_keyword() -> None:
    assert inspect_query("SELECT * FROM <http://x/g> WHERE { ?s ?p ?o }").names_dataset
    assert inspect_query("SELECT * FROM NAMED <http://x/g> WHERE { GRAPH ?g {} }").names_dataset
    assert not inspect_query('SELECT ?from WHERE { ?s ex:from "FROM" }').names_dataset
    assert not inspect_query("SELECT * WHERE { ?s <http://x/from> ?o } # from here").names_dataset


def test_service_is_found_in_any_case_and_nesting() -> None:
    assert inspect_query("SELECT * { { service <http://x/sparql> { ?s ?p ?o } } }").calls_service
    assert inspect_query("SELECT * { SERVICE SILENT ?endpoint { ?s ?p ?o } }").calls_service
    assert not inspect_query('SELECT * { ?s ex:service "SERVICE" }').calls_service
    # A less-than in a filter is not an IRI that could hide the keyword.
    assert inspect_query("SELECT * { FILTER(?a < 3) SERVICE <http://x/> { } }").calls_service


def test_updates_are_recognised() -> None:
    assert inspect_query("INSERT DATA { <urn:a> <urn:b> <urn:c> }").looks_like_update
    assert inspect_query("PREFIX ex: <urn:ex:>\nCLEAR ALL").looks_like_update
    assert not inspect_query("SELECT * WHERE { ?s ex:insert ?o }").looks_like_update
    assert update_reaches_network("LOAD <http://x/data.ttl> INTO GRAPH <urn:g>")
    assert update_reaches_network("INSERT { ?s ?p ?o } WHERE { SERVICE <http://x/> { ?s ?p ?o } }")
    assert not update_reaches_network('INSERT DATA { <urn:a> <urn:b> "LOAD" }')


def test_accept_negotiation_picks_the_best_offered_format() -> None:
    assert from_accept(SOLUTION_FORMATS, accept("")).media_type == "application/sparql-results+json"
    assert (
        from_accept(SOLUTION_FORMATS, accept("*/*")).media_type == "application/sparql-results+json"
    )
    assert (
        from_accept(SOLUTION_FORMATS, accept("text/csv;q=0.4, text/tab-separated-values")).extension
        == "tsv"
    )
    assert from_accept(GRAPH_FORMATS, accept("application/json")).extension == "jsonld"
    assert from_accept(SOLUTION_FORMATS, accept("application/json")).extension == "srj"
    assert (
        from_accept(GRAPH_FORMATS, accept("text/turtle;q=0.5, application/rdf+xml")).extension
        == "rdf"
    )
    assert from_accept(SOLUTION_FORMATS, accept("image/png")) is None


def test_format_parameter_names_a_format_for_the_query_form() -> None:
    assert from_parameter(formats_for("SELECT"), "csv").extension == "csv"
    assert from_parameter(formats_for("ASK"), "json").extension == "srj"
    assert from_parameter(formats_for("CONSTRUCT"), "json").extension == "jsonld"
    assert from_parameter(formats_for("DESCRIBE"), "text/turtle").extension == "ttl"
    with pytest.raises(UnknownFormatError, match="format='csv'.*turtle"):
        from_parameter(formats_for("CONSTRUCT"), "csv")


def test_only_browsers_get_the_workbench() -> None:
    browser = accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    assert prefers_html(browser, SOLUTION_FORMATS)
    assert not prefers_html(accept("*/*"), SOLUTION_FORMATS)
    assert not prefers_html(
        accept("application/sparql-results+json, text/html;q=0.1"), SOLUTION_FORMATS
    )
