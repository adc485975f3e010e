"""A lexical look at SPARQL text: its form, its dataset clauses and the keywords we refuse.

Oxigraph parses and evaluates the query; this module only answers the few questions the
endpoint must settle *before* handing it over (which result formats apply, whether the
query names its own dataset, whether it would reach the network), without a second parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Strings, IRIs and comments are blanked out first so that keywords inside them never count.
# IRIREF excludes whitespace, so a `<` used as less-than in a FILTER is never taken for an IRI.
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\s]*>'
    r"|#[^\n]*",
)


def _keywords(*words: str) -> re.Pattern[str]:
    """Case-insensitive keywords that are not part of a name, variable or prefixed name."""
    return re.compile(rf"(?<![\w:?$-])({'|'.join(words)})(?![\w:-])", re.I)


_QUERY_FORM = _keywords("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_DATASET_CLAUSE = _keywords("FROM")
_SERVICE = _keywords("SERVICE")
_LOAD = _keywords("LOAD")
_UPDATE_OPERATION = _keywords(
    "INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"
)


@dataclass(frozen=True)
class QueryText:
    """What the endpoint needs to know about a query before evaluating it."""

    form: str | None  # SELECT, ASK, CONSTRUCT, DESCRIBE; None when no form keyword is found
    names_dataset: bool  # has FROM / FROM NAMED: the query chooses its own dataset
    calls_service: bool  # has a SERVICE clause, which would make Oxigraph fetch over HTTP
    looks_like_update: bool  # has no query form but an update operation keyword


def _code_only(text: str) -> str:
    """The text with its strings, IRIs and comments replaced by a space."""
    return _OPAQUE.sub(" ", text)


def inspect_query(text: str) -> QueryText:
    """Classify a SPARQL query by its keywords (strings, IRIs and comments ignored)."""
    code = _code_only(text)
    form_match = _QUERY_FORM.search(code)
    form = form_match.group(1).upper() if form_match else None
    return QueryText(
        form=form,
        names_dataset=bool(_DATASET_CLAUSE.search(code)),
        calls_service=bool(_SERVICE.search(code)),
        looks_like_update=form is None and bool(_UPDATE_OPERATION.search(code)),
    )


def update_reaches_network(text: str) -> bool:
    """Whether a SPARQL Update would fetch something: a LOAD or a SERVICE clause."""
    code = _code_only(text)
    return bool(_LOAD.search(code) or _SERVICE.search(code))
