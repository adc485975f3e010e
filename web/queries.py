"""Blueprint ``queries``: the gallery of named SPARQL queries and the workbench page.

Each ``web/queries/<name>.rq`` starts with ``# title:`` and ``# description:`` comment lines.
``/queries`` lists them (JSON twin ``/queries.json``); ``/queries/<name>`` opens the
workbench on one and runs it; ``/queries/<name>.json`` gives it with its results;
``/queries/<name>.rq`` is the query text itself.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, abort, render_template, url_for
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

from ontology import GOV, GOVID, PREFIXES
from web.sparql_engine import PREFIX_IRIS, query_pool, run_query
from web.sparql_formats import formats_for
from web.sparql_text import inspect_query

QUERIES_DIR = Path(__file__).parent / "queries"
STARTER_QUERY = "actors_by_class"  # what the workbench shows when opened without a query
HEADER_FIELDS = ("title", "description")
# Terms the editor offers after "prefix:"; govid: has instances, not terms.
_VOCABULARIES: dict[str, type[DefinedNamespace]] = {
    "gov": GOV,
    "org": ORG,
    "prov": PROV,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
}

bp = Blueprint("queries", __name__)


@dataclass(frozen=True)
class NamedQuery:
    """A stored SPARQL query with the title and description shown in the gallery."""

    name: str
    title: str
    description: str
    sparql: str

    @property
    def form(self) -> str | None:
        """SELECT, ASK, CONSTRUCT or DESCRIBE."""
        return inspect_query(self.sparql).form


def parse_named_query(path: Path) -> NamedQuery:
    """Read one ``.rq`` file; its header must give a title and a description."""
    sparql = path.read_text(encoding="utf-8")
    header: dict[str, str] = {}
    for line in sparql.splitlines():
        if not line.startswith("#"):
            break
        key, _, value = line.lstrip("# ").partition(":")
        if key in HEADER_FIELDS and value.strip():
            header[key] = value.strip()
    missing = [field for field in HEADER_FIELDS if field not in header]
    if missing:
        raise ValueError(f"{path}: the header lacks '# {missing[0]}: …'")
    return NamedQuery(path.stem, header["title"], header["description"], sparql)


@cache
def named_queries(folder: Path = QUERIES_DIR) -> dict[str, NamedQuery]:
    """All named queries of a folder, by name, in file-name order."""
    return {path.stem: parse_named_query(path) for path in sorted(folder.glob("*.rq"))}


def _named(name: str) -> NamedQuery:
    query = named_queries().get(name)
    if query is None:
        abort(404, description=f"There is no named query {name!r}; see /queries.")
    return query


def _vocabulary_terms() -> dict[str, list[str]]:
    """Local names per prefix, for the editor's completion."""
    terms: dict[str, list[str]] = {}
    for prefix, vocabulary in _VOCABULARIES.items():
        base = str(PREFIXES[prefix])
        terms[prefix] = sorted(str(term)[len(base) :] for term in dir(vocabulary))
    return terms


def render_workbench(query: str | None, *, autorun: bool) -> str:
    """The workbench page, opened on `query` (or on the starter query)."""
    query_pool().warm()  # a person on this page is about to run a query
    queries = named_queries()
    gallery = list(queries.values())
    if query is None:
        query = queries[STARTER_QUERY].sparql if STARTER_QUERY in queries else ""
    config: dict[str, Any] = {
        "endpoint": url_for("sparql.endpoint"),
        "network": "/network",
        "actorBase": str(GOVID["actor/"]),
        "documentBase": str(GOVID["document/"]),
        "prefixes": PREFIX_IRIS,
        "terms": _vocabulary_terms(),
        "queries": [asdict(named) for named in gallery],
        "query": query,
        "autorun": autorun,
    }
    return render_template("sparql/workbench.html", config=config, gallery=gallery)


@bp.route("/queries")
def gallery() -> str:
    """The gallery of named queries."""
    return render_template("sparql/gallery.html", gallery=list(named_queries().values()))


@bp.route("/queries.json")
def gallery_json() -> Response:
    """The gallery as JSON: name, title, description and links of every named query."""
    return Response(
        json.dumps([_summary(named) for named in named_queries().values()], ensure_ascii=False),
        mimetype="application/json",
    )


def _summary(named: NamedQuery) -> dict[str, str | None]:
    return {
        "name": named.name,
        "title": named.title,
        "description": named.description,
        "form": named.form,
        "page": url_for("queries.named_page", name=named.name),
        "json": url_for("queries.named_json", name=named.name),
        "sparql": url_for("queries.named_text", name=named.name),
    }


@bp.route("/queries/<name>")
def named_page(name: str) -> str:
    """The workbench, opened on a named query and running it."""
    return render_workbench(_named(name).sparql, autorun=True)


@bp.route("/queries/<name>.rq")
def named_text(name: str) -> Response:
    """The named query's SPARQL text."""
    return Response(_named(name).sparql, mimetype="application/sparql-query")


@bp.route("/queries/<name>.json")
def named_json(name: str) -> Response:
    """The named query with its results (SPARQL JSON results, or JSON-LD for a graph)."""
    named = _named(name)
    result_format = next(fmt for fmt in formats_for(named.form) if "json" in fmt.names)
    answer = run_query(named.sparql, result_format)
    body = {
        **_summary(named),
        "query": named.sparql,
        "truncated": answer.truncated,
        "results": json.loads(answer.body),
    }
    return Response(json.dumps(body, ensure_ascii=False), mimetype="application/json")
